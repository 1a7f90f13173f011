"""English messages."""

MESSAGES: dict[str, str] = {
    "list.none": "nobody",
    "list.join": "{head} and {last}",
    "colon": ": ",
    # help and dispatch
    "chat.greeting": "Tandem — {name} ({tenant}). Type /help, /who-owns domain-names, "
    "or /quit to leave.",
    "chat.away.one": "{count} message while you were away:",
    "chat.away.other": "{count} messages while you were away:",
    "chat.file_saved": "(file saved: {path})",
    "chat.file_not_saved": "(file {name} not saved: {reason})",
    "chat.updated": "(message {id} updated)",
    "chat.thread": "[{channel} · thread {thread}]",
    "chat.button.none": "No button is numbered [{number}] in this chat: type the number in "
    "brackets beside a button you see.",
    "chat.button.changed": "Button [{number}] was on a message that has changed since: type a "
    "number from its new version.",
    "chat.form.start": "(A form: answer each field in turn; an empty line keeps the value in "
    "[brackets]. /cancel leaves it; a line beginning with / leaves it and runs as a command.)",
    "chat.form.lines": "(several lines; an empty line ends)",
    "chat.form.again.one": "(The field refused is asked again; the others keep what you "
    "typed. /cancel leaves the form.)",
    "chat.form.again.other": "(The {count} fields refused are asked again; the others keep "
    "what you typed. /cancel leaves the form.)",
    "chat.form.needed": "“{field}” is needed: type it, or /cancel.",
    "chat.form.cancelled": "(cancelled: nothing was sent)",
    "chat.form.left": "(form cancelled, nothing was sent; running {command})",
    "help.title": "What you can ask Tandem",
    "help.intro": "Type a command, with or without the leading slash:",
    "help.unknown": "I don't know the command “/{command}”.",
    "help.footer": "Type /help at any time to see this again.",
    "help.cmd.help": "this list",
    "help.cmd.who-owns": "who is Responsible, Accountable, Consulted and Informed for a topic, "
    "e.g. /who-owns domain-names",
    "help.cmd.guardrail": "ask whether something is allowed, e.g. /guardrail can I add a pixel?",
    "help.cmd.standup": "async stand-ups",
    "help.cmd.blocker": "raise and follow blockers",
    "help.cmd.planning": "marketing planning sessions with IT",
    "help.cmd.tandem": "help and settings",
    "help.cmd.kpi": "shared KPIs: latest values, targets and trends",
    # the Teams app package: its names and descriptions, what to type after a command
    "teams.app.name": "Tandem: marketing and IT rituals",
    "teams.app.short": "Who owns what, which rules hold, when to meet.",
    "teams.app.full": "Tandem puts the rituals of marketing and IT collaboration in Teams: RACI "
    "look-up, guardrail answers with approvals, async stand-ups, blocker escalation and IT "
    "representatives invited to marketing planning.",
    "teams.command": "{help}: {usage}",
    "teams.usage.standup": "standup [skip | away FROM TO | setup]",
    "teams.usage.blocker": "blocker TEXT [#topic]",
    "teams.usage.planning": "planning new | list",
    "teams.usage.kpi": "kpi [show KPI | set KPI VALUE [DATE]]",
    # each command's name in this language (typed with or without the slash)
    "command.help": "help",
    "command.who-owns": "who-owns",
    "command.guardrail": "guardrail",
    "command.standup": "standup",
    "command.blocker": "blocker",
    "command.planning": "planning",
    "command.tandem": "tandem",
    "command.kpi": "kpi",
    "help.command_local": "/{command} ({local})",
    "help.coming": "coming soon",
    "coming.title": "Not there yet",
    "coming.body": "/{command} is coming in a later version of Tandem. "
    "Meanwhile you can use /who-owns.",
    "error.internal": "Sorry, something went wrong on my side and nothing was changed. "
    "Please try again in a moment.",
    "error.unavailable": "I can't reach my database right now, so nothing was read or changed. "
    "Please try again in a moment.",
    "error.unknown_action": "I don't know this button or form (it may come from an older "
    "version of Tandem), so nothing was changed.",
    "error.unknown_person": "I don't know you in this workspace yet ({who}). "
    "Ask an admin to import the people file.",
    "error.input_control": "Your message contained characters I can't read; "
    "I removed them before looking.",
    "form.submit": "Send",
    "form.cancel": "Cancel",
    "teams.no_tenant": "Tandem works inside a Microsoft 365 organisation; this chat has none.",
    "files.declined": "OK, {name} was not saved.",
    "files.upload_failed": "Sorry, I couldn't save {name} in your OneDrive. "
    "Nothing else was changed.",
    "home.title": "Tandem",
    "home.commands": "What you can do",
    "home.standup.next": "“{name}”, {when}",
    "home.standup": "Your next stand-up",
    "home.blockers": "Your open blockers",
    "home.blockers.none": "None.",
    "home.approvals": "Approvals waiting for you",
    "home.approvals.none": "None.",
    "reply.share": "Share in channel",
    # shared KPIs (/kpi)
    "kpi.unknown_person": "I can't find you in this workspace's people file, so I can't "
    "show the KPIs. Ask an admin to import it.",
    "kpi.help.title": "/kpi — the KPIs marketing and IT answer for together",
    "kpi.help.body": "/kpi — each KPI with its latest value, target and trend\n"
    "/kpi show KPI — one KPI: the last 30 days and its last values\n"
    "/kpi set KPI VALUE [DATE] — give a value, e.g. /kpi set conversion-rate 2.4 or "
    "/kpi set lcp-home 2400 2026-11-20 (a day in your timezone, or yesterday)\n"
    "Values are given by admins and by the people Responsible, Accountable or Consulted for "
    "the KPI's topic. An admin defines the KPIs with tandem import kpis FILE.yaml.",
    "kpi.list.title.one": "{count} shared KPI",
    "kpi.list.title.other": "{count} shared KPIs",
    "kpi.list.empty": "No KPIs yet. An admin defines them with tandem import kpis FILE.yaml.",
    "kpi.list.footer": "/kpi show KPI for one of them, /kpi set KPI VALUE to give a value.",
    "kpi.list.target": "target {target}",
    "kpi.no_value": "no value yet",
    "kpi.trend": "7 days: {week} · 30 days: {month}",
    "kpi.trend.none": "—",
    "kpi.status.ok": "✅ on target",
    "kpi.status.off": "⚠️ off target",
    "kpi.status.alert": "🚨 past the alert threshold",
    "kpi.standing.ok": "On target ({target}).",
    "kpi.standing.off": "Off target ({target}).",
    "kpi.standing.alert": "Past the alert threshold (the target is {target}).",
    "kpi.unit.percent": "{value}%",
    "kpi.unit.points": "{value} pt",
    "kpi.unit.ms": "{value} ms",
    "kpi.unit.s": "{value} s",
    "kpi.unit_name.percent": "percent",
    "kpi.unit_name.ms": "milliseconds",
    "kpi.unit_name.s": "seconds",
    "kpi.unit_name.count": "a plain count",
    "kpi.better.lower": "lower is better",
    "kpi.better.higher": "higher is better",
    "kpi.target": "{target} ({better})",
    "kpi.target_alert": "{target} ({better}); alert at {alert}",
    "kpi.latest": "{value} ({when}) {status}",
    "kpi.owner": "{who}, Responsible for {topic}",
    "kpi.no_owner": "nobody: no RACI topic “{topic}”",
    "kpi.every.hours.one": "every hour",
    "kpi.every.hours.other": "every {count} hours",
    "kpi.every.days.one": "every day",
    "kpi.every.days.other": "every {count} days",
    "kpi.every.weeks.one": "every week",
    "kpi.every.weeks.other": "every {count} weeks",
    "kpi.field.latest": "Latest",
    "kpi.field.target": "Target",
    "kpi.field.trend": "Trend",
    "kpi.field.month": "Last 30 days",
    "kpi.field.owner": "Owner",
    "kpi.field.every": "A value is expected",
    "kpi.show.usage": "Which KPI? Type /kpi show KPI, e.g. /kpi show conversion-rate; /kpi "
    "lists them.",
    "kpi.show.sparkline": "{line} (from {low} to {high}, a bar a day)",
    "kpi.show.sparkline_flat": "{line} ({low} each day)",
    "kpi.show.values": "Last values:",
    "kpi.show.no_values": "No value in the last 30 days.",
    "kpi.show.value": "{when}: {value}, {how} by {who}",
    "kpi.show.footer": "/kpi set {slug} VALUE [DATE] gives a value.",
    "kpi.source.chat": "typed",
    "kpi.source.import": "imported",
    "kpi.source.api": "pushed",
    "kpi.source.url": "fetched",
    "kpi.unknown": "I know no KPI “{query}”.",
    "kpi.suggest": "Did you mean {suggestions}?",
    "kpi.suggest.none": "Type /kpi to see them all.",
    "kpi.set.usage": "Type /kpi set KPI VALUE [DATE], e.g. /kpi set conversion-rate 2.4, or "
    "/kpi set lcp-home 2400 2026-11-20 for a day gone by.",
    "kpi.set.not_number": "“{value}” is not a number, so nothing was recorded for {name}. "
    "Type a number such as 2.4 (or 2,4).",
    "kpi.set.other_unit": "“{value}” is in {given}, but {name} is measured in {unit}, so "
    "nothing was recorded.",
    "kpi.set.bad_date": "“{date}” is not a day I can read, so nothing was recorded. Write it "
    "YYYY-MM-DD (today is {today}), or yesterday.",
    "kpi.set.future": "{day} has not come yet in your timezone, so nothing was recorded: a "
    "value is given for today or a day gone by.",
    "kpi.set.refused": "Only admins and the people Responsible, Accountable or Consulted for "
    "{topic} give the values of {name}. Nothing was recorded; ask {owner}.",
    "kpi.set.done": "{name}: {value} recorded for {when}.",
    "kpi.set.converted": "(“{typed}” read as {value}.)",
    "kpi.set.replaced": "It replaces {old}, given by {who} for the same moment.",
    "kpi.breach.text": "{name} ({slug}) is past its alert threshold: {value} (alert at "
    "{alert}, target {target}).",
    "kpi.breach.note": "{name} is back within target ({target}) for {period}: {value} now.",
    "kpi.breach.raised": "🚨 Blocker #{id} raised: {owner} has it.",
    "kpi.breach.raised_unowned": "🚨 Blocker #{id} raised; nobody answers for the KPI's topic.",
    "kpi.breach.open": "Blocker #{id} is already open for it, so no new one was raised.",
    "kpi.breach.resolved": "Back within target for a full period: blocker #{id} is resolved.",
    "kpi.period.hours.one": "an hour",
    "kpi.period.hours.other": "{count} hours",
    "kpi.period.days.one": "a full day",
    "kpi.period.days.other": "{count} full days",
    "kpi.period.weeks.one": "a full week",
    "kpi.period.weeks.other": "{count} full weeks",
    "kpi.stale": "⏰ {name} ({slug}) has had no value since {when} ({value}); one is expected "
    "{every}. Give it with /kpi set {slug} VALUE.",
    # RACI
    "raci.role.responsible": "Responsible",
    "raci.role.accountable": "Accountable",
    "raci.role.consulted": "Consulted",
    "raci.role.informed": "Informed",
    "raci.changed": "Last changed {when} by {who}.",
    "raci.imported": "Imported {when}.",
    "cards.more": "… and {count} more",
    "raci.list.title": "Topics Tandem knows ({count})",
    "raci.list.empty": "No topics yet. An admin can import a RACI file with "
    "`tandem import raci FILE`.",
    "raci.list.page": "Topics {first}–{last} of {count}. To find another one, type /who-owns "
    "and a word of its name.",
    "raci.list.next": "Next topics",
    "raci.list.previous": "Previous topics",
    "raci.list.footer": "Type /who-owns TOPIC to see its owners.",
    "raci.empty_query": "Which topic? Type /who-owns followed by a topic, "
    "e.g. /who-owns domain-names, or /who-owns alone for the list.",
    "raci.too_long": "That is too long for a topic name ({length} characters). "
    "Type a few words, e.g. /who-owns dns.",
    "raci.no_match": "I know no topic matching “{query}”, so I can't name an owner.",
    "raci.suggest": "Did you mean: {suggestions}?",
    "raci.suggest.none": "Type /who-owns alone to see every topic.",
    "raci.ambiguous": "“{query}” could be several topics; which one did you mean?",
    "raci.set.usage": "To change an assignment: /who-owns set TOPIC ROLE EMAIL[,EMAIL…], "
    "where ROLE is responsible, accountable, consulted or informed.",
    "raci.set.bad_role": "“{role}” is not a role. Use responsible, accountable, consulted "
    "or informed.",
    "raci.set.unknown_people": "I don't know {emails} in this workspace; nothing was changed.",
    "raci.set.one_accountable": "A topic has exactly one Accountable; nothing was changed.",
    "raci.set.refused": "Only an admin or the Accountable of “{title}” ({accountable}) can "
    "change its owners. Nothing was changed; you can ask them.",
    "raci.set.done": "{role} for “{title}” is now {people} (was {before}).",
    "raci.set.unchanged": "{role} for “{title}” was already {people}; nothing to change.",
    "raci.set.needs_topic": "I need an exact topic to change; “{query}” is not one.",
    "raci.history.title": "Changes to “{title}”",
    "raci.history.empty": "No change to “{title}” since it was imported.",
    "raci.history.line": "{when}: {who} set {role} to {people} (was {before})",
    "raci.nobody": "nobody",
    "raci.import_actor": "an import",
    "standup.q.yesterday": "What did you do yesterday?",
    "standup.q.today": "What will you do today?",
    "standup.q.blockers": "Anything blocking you?",
    "standup.unknown_person": "I can't find you in this workspace's people file, so I can't run "
    "stand-ups for you. An admin can add you with `tandem import people`.",
    "standup.help.title": "Stand-ups: what you can type",
    "standup.help.cmd.setup": "setup",
    "standup.help.cmd.edit": "edit NAME",
    "standup.help.cmd.list": "list",
    "standup.help.cmd.pause": "pause NAME / resume NAME",
    "standup.help.cmd.delete": "delete NAME",
    "standup.help.cmd.skip": "skip",
    "standup.help.cmd.away": "away 2026-12-21 2027-01-02",
    "standup.help.cmd.workdays": "workdays mon-thu",
    "standup.help.cmd.report": "report [NAME] [DAYS]",
    "standup.help.cmd.history": "history [FROM] [TO]",
    "standup.help.answer": "answer your stand-up now (a form, or one message per question)",
    "standup.help.setup": "set up a stand-up for this channel (a form, or: NAME; members: "
    "a@x.com, b@x.com; days: mon-fri; times: 09:30-12:00)",
    "standup.help.edit": "change a stand-up you own (a form, or: NAME; days: mon,wed,fri)",
    "standup.help.list": "the stand-ups of this workspace",
    "standup.help.pause": "stop asking for a while, then start again",
    "standup.help.delete": "delete a stand-up (its answers are kept for history)",
    "standup.help.skip": "skip today's stand-up",
    "standup.help.away": "time off: nobody asks you on those days",
    "standup.help.workdays": "the days you work, if not Monday to Friday",
    "standup.help.report": "participation and blockers over the last days, for the lead",
    "standup.help.history": "your own answers between two dates",
    # days and values as the stand-up settings are typed back (and read again)
    "days.short": "mon tue wed thu fri sat sun",
    "days.every": "daily",
    "standup.value.yes": "yes",
    "standup.value.no": "no",
    "standup.value.none": "none",
    "standup.field.channel": "Channel for the answers (e.g. #marketing)",
    "standup.field.name": "Name",
    "standup.field.members": "Members (emails or @mentions)",
    "standup.field.questions": "Questions, one per line (empty: yesterday, today, blockers)",
    "standup.field.blockers": "Which question collects blockers (its number, or none)",
    "standup.setup.bad_blockers": "“{value}” is not one of the questions: give the number of "
    "the one that collects blockers (1 to {count}), or none.",
    "standup.list.blockers": "Blockers: the answers to question {number}, “{question}”",
    "standup.list.no_blockers": "No question collects blockers (blockers: N names one).",
    "standup.field.days": "Days (mon-fri, mon,wed,fri, daily)",
    "standup.field.times": "Ask and cut-off, local times (09:30-12:00; several for shifts)",
    "standup.field.timezone": "Timezone of the cut-off (e.g. Europe/Paris)",
    "standup.field.reminders": "Reminders, minutes before the cut-off (60, or none)",
    "standup.field.holidays": "Team holidays (2026-12-25, 2027-01-01)",
    "standup.field.optional": "Optional? (yes/no)",
    "standup.setup.title": "Set up a stand-up",
    "standup.setup.form_body": "Each member is asked at the ask time in their own timezone; the "
    "summary is posted at the cut-off.",
    "standup.setup.save": "Save",
    "standup.setup.open": "Open the form",
    "standup.setup.done": "Stand-up “{name}” is set up",
    "standup.edit.title": "Edit “{name}”",
    "standup.edit.done": "Stand-up “{name}” is updated",
    "standup.setup.next": "Members get the questions in a DM at the ask time, their time. "
    "Change it with /standup edit {name}.",
    "standup.setup.example": "Example: /standup setup Daily sync; members: ana@example.com, "
    "sam@example.com; days: mon-fri; times: 09:30-12:00; timezone: Europe/Paris",
    "standup.setup.bad_segment": "I don't understand “{segment}”. Use key: value pairs "
    "separated by “;”.",
    "standup.setup.bad_days": "“{value}” is not a set of days. Use e.g. mon-fri, mon,wed,fri or "
    "daily.",
    "standup.setup.bad_times": "“{value}” is not an ask and cut-off time. Use e.g. 09:30-12:00 "
    "(24-hour clock).",
    "standup.setup.bad_timezone": "“{value}” is not a timezone I know. Use an IANA name such as "
    "Europe/Paris or America/New_York.",
    "standup.setup.bad_reminders": "“{value}” is not a reminder. Give minutes before the "
    "cut-off (e.g. 60, 15) or none.",
    "standup.setup.bad_date": "“{value}” is not a date. Use YYYY-MM-DD, e.g. 2026-12-25.",
    "standup.setup.bad_flag": "“{value}” should be yes or no.",
    "standup.setup.too_many_questions": "At most {limit} questions, please.",
    "standup.setup.no_name": "The stand-up needs a name.",
    "standup.setup.no_members": "Name at least one member (emails or @mentions).",
    "standup.setup.needs_channel": "Answers are posted in a channel: type /standup setup in the "
    "team's channel, or add channel: #name.",
    "standup.setup.unknown_members": "I don't know {members} in this workspace's people file; "
    "nothing was saved.",
    "standup.setup.exists": "A stand-up called “{name}” exists already; choose another name or "
    "edit it.",
    "standup.setup.late_label": "Asked after the cut-off",
    "standup.setup.late": "{members}: their ask time comes after the cut-off, so their answers "
    "will arrive late. Consider a later cut-off.",
    "standup.list.title": "Stand-ups ({count})",
    "standup.list.line.one": "{days}, {times} ({timezone}) · {count} member: {members} · owner "
    "{owner}",
    "standup.list.line.other": "{days}, {times} ({timezone}) · {count} members: {members} · owner "
    "{owner}",
    "standup.list.optional": "Optional: the summary does not mention who did not answer.",
    "standup.paused": "paused",
    "standup.none_yet": "No stand-up yet. Set one up in the team's channel with /standup setup.",
    "standup.which": "Which stand-up? {names}",
    "standup.not_found": "No stand-up called “{name}”. There are: {names}",
    "standup.not_owner": "Only the owner of “{name}” ({owner}) or an admin can change it. "
    "Nothing was changed.",
    "standup.paused.done": "Stand-up “{name}” is paused: nobody is asked until /standup resume.",
    "standup.resumed": "Stand-up “{name}” is running again.",
    "standup.deleted": "Stand-up “{name}” is deleted. Past answers stay in /standup history and "
    "reports.",
    "standup.not_member": "You are not in any stand-up. A lead can add you with /standup edit.",
    "standup.pick": "Which stand-up do you want to answer?",
    "standup.no_run_today": "Nothing to answer for “{name}” right now; you will be asked {when}.",
    "standup.closed": "The cut-off of “{name}” has passed and your answer is in the summary; it "
    "can no longer be changed.",
    "standup.gone": "That stand-up no longer exists (it was deleted or changed). Nothing was "
    "saved; type /standup list to see the current ones.",
    "standup.not_in": "You are not a member of “{name}”.",
    "standup.empty_answer": "Your answers are empty; nothing was saved. Fill in at least one "
    "question, or skip today.",
    "standup.prompt.title": "Stand-up “{name}”, {day}",
    "standup.prompt.reminder": "Reminder: stand-up “{name}”, {day}",
    "standup.prompt.day_off": "{day} is not one of your stand-up days (a day off or time "
    "away); you can answer anyway, and your answer counts for {day}.",
    "standup.prompt.body": "Please answer before {cutoff}. Use the form, or reply here one "
    "message per question, starting with: {first}",
    "standup.prompt.submit": "Send my answers",
    "standup.prompt.open": "Answer",
    "standup.prompt.skip": "Skip today",
    "standup.next_question": "Noted ({done}/{total}). Next: {question}",
    "standup.thanks": "Thanks! Your answers to “{name}” are posted in the team channel. You can "
    "change them until the cut-off with /standup.",
    "standup.updated": "Updated: your answers to “{name}” are changed in the channel.",
    "standup.thanks_late": "Thanks! The cut-off of “{name}” had passed: your answers are added "
    "to the summary, marked late.",
    "standup.blocker_noted": "Blocker noted: “{blocker}”. It will be routed to whoever owns it.",
    "standup.skipped": "Skipped today: {name}.",
    "standup.nothing_to_skip": "There is no stand-up to skip right now.",
    "standup.saved_unposted": "Your answers to “{name}” are saved and will be in the summary, "
    "but Tandem cannot post in the channel from here right now.",
    "standup.away.usage": "Give the first and last day away, e.g. /standup away 2026-12-21 "
    "2027-01-02 (or one date).",
    "standup.away.order": "The last day comes before the first one; nothing was saved.",
    "standup.too_long": "That answer is {length} characters; please keep it under {limit}. "
    "Nothing was recorded: send it again, shorter.",
    "standup.away.past": "Those days are already past; nothing was saved.",
    "standup.away.list.title": "Your time away",
    "standup.away.list.line": "{first} to {last}",
    "standup.away.list.none": "You have no time away to come.",
    "standup.away.list.footer": "To take one back: /standup away cancel a day of it.",
    "standup.away.cancel_usage": "Which period? Give one of its days, e.g. /standup away cancel "
    "2026-12-21 (/standup away list shows yours).",
    "standup.away.not_found": "You have no time away to come on {day}; /standup away list "
    "shows yours.",
    "standup.away.cancelled": "Taken back: you are no longer away from {first} to {last}, and "
    "you will be asked on those days again.",
    "standup.away.too_long": "That is more than {days} days; split it, please.",
    "standup.away.done": "Noted: you are away from {first} to {last}. Nobody will ask you on "
    "those days.",
    "standup.workdays.usage": "Give the days you work, e.g. /standup workdays mon-thu.",
    "standup.workdays.done": "Noted: you work {days}; you are asked on those days only.",
    "standup.post.title": "{who}",
    "standup.post.late_title": "{who} (late)",
    "standup.root.title": "Stand-up “{name}”, {day}",
    "standup.root.body": "Answers arrive in this thread as people reply; the summary follows at "
    "the cut-off.",
    "standup.late": "late",
    "standup.summary.title": "Summary of “{name}”, {day}",
    "standup.summary.body.one": "{count} of {expected} answered, {blockers}.",
    "standup.summary.body.other": "{count} of {expected} answered, {blockers}.",
    "standup.summary.blocker_count.one": "{count} blocker",
    "standup.summary.blocker_count.other": "{count} blockers",
    "standup.summary.blockers": "Blockers",
    "standup.summary.silent": "Not answered",
    "standup.summary.skipped": "Skipped today",
    "standup.summary.away": "Away or not working today",
    "standup.summary.optional": "This stand-up is optional.",
    "standup.report.title.one": "Stand-up report, last day",
    "standup.report.title.other": "Stand-up report, last {count} days",
    "standup.report.body": "From {first} to {last}.",
    "standup.report.line": "{name}: {answered}/{asked} answered ({late} late, {skipped} skipped)",
    "standup.report.days": "Give a number of days between 1 and {limit}.",
    "standup.report.none_owned": "You own no stand-up; name one: /standup report NAME.",
    "standup.history.title": "Your stand-up answers, {first} to {last}",
    "standup.history.empty": "You gave no stand-up answer between {first} and {last}.",
    "standup.history.skipped": "skipped",
    "standup.history.usage": "Give dates as YYYY-MM-DD: /standup history 2026-11-01 2026-11-30.",
    "standup.history.too_long": "At most a year at a time, please.",
    "standup.failed": "I could not send the {what} of “{name}” to {who} ({reason}), even after "
    "retrying.",
    "standup.failed.prompt": "questions",
    "standup.failed.reminder": "reminder",
    "standup.failed.summary": "summary",
    "home.standup.none": "None yet: set one up with /standup setup.",
    "standup.setup.outside_label": "In the channel but not in the people file (not added)",
    "standup.setup.channel_unsupported": "I can't list this channel's members here: "
    "name them by email (members: a@x.com, b@x.com).",
    # blockers
    "blocker.unknown_person": "I can't find you in this workspace's people file, so I can't "
    "record a blocker for you. Ask an admin to import the people file.",
    "blocker.help.title": "/blocker — raise and follow blockers",
    "blocker.help.body": "/blocker TEXT [#topic] — raise a blocker; Tandem routes it to the "
    "Responsible of its topic\n"
    "/blocker list [mine|team|all|topic SLUG] — open blockers\n"
    "/blocker show ID — one blocker and its history\n"
    "/blocker ack ID · /blocker resolve ID NOTE · /blocker reassign ID EMAIL\n"
    "/blocker topic ID TOPIC — route a blocker that has no topic yet\n"
    "/blocker digest — the PM digest now · /blocker digest mon,thu 09:00 — when you get it\n"
    "/blocker pm [add|remove EMAIL] — who the PMs are (admins change it)\n"
    "/tandem escalation — the escalation policy",
    "blocker.empty": "What is blocking you? Type it after the command, e.g. "
    "/blocker waiting for the DNS record of spring.example.com #domain-names",
    "blocker.too_long": "That is {length} characters; please keep it under {limit}. "
    "Nothing was recorded.",
    "blocker.not_found": "I can't find blocker {id} here. /blocker list shows yours.",
    "blocker.closed": "Blocker #{id} is {status} already; nothing was changed.",
    "blocker.unknown_topic": "There is no topic “{topic}”. /who-owns lists the topics.",
    "blocker.unknown_assignee": "I can't find “{who}” in the people file. "
    "Give their email, e.g. ana.silva@example.com.",
    "blocker.already_owner": "{owner} has blocker #{id} already.",
    "blocker.raised.routed": "Blocker #{id} is recorded. {owner} has it ({topic}); "
    "I'll tell you of each change.",
    "blocker.routed": "Blocker #{id} is now with {owner} ({topic}).",
    "blocker.raised.unowned": "Blocker #{id} is recorded on {topic}, but nobody is "
    "Responsible or Accountable for it: the PMs will see it in their digest.",
    "blocker.pick.raised": "Blocker #{id} is recorded. Which topic is it about? "
    "I'd rather ask than send it to the wrong person.",
    "blocker.pick.standup": "Your stand-up blocker “{text}” is recorded. Which topic is it "
    "about? I'd rather ask than send it to the wrong person.",
    "blocker.pick.declined": "{by} says your blocker “{text}” is not theirs. "
    "Which topic is it about?",
    "blocker.pick.closest": "The closest topics:",
    "blocker.pick.none": "No topic seems close.",
    "blocker.pick.some": "No topic seems close; here are some of them:",
    "blocker.pick.unknown": "No topic is called “{topic}”.",
    "blocker.pick.type": "Or type /blocker topic {id} TOPIC (see /who-owns for the topics).",
    "blocker.card.title": "Blocker #{id}: {text}",
    "blocker.card.footer": "/blocker show {id} for its history",
    "blocker.field.raised_by": "Raised by",
    "blocker.field.raised_at": "Raised",
    "blocker.field.topic": "Topic",
    "blocker.field.owner": "With",
    "blocker.field.status": "Status",
    "blocker.field.level": "reached",
    "blocker.field.note": "Resolution",
    "blocker.field.history": "History",
    "blocker.state.open": "open, not acknowledged yet",
    "blocker.state.acknowledged": "acknowledged",
    "blocker.state.resolved": "resolved",
    "blocker.state.withdrawn": "withdrawn",
    "blocker.level.0": "its owner",
    "blocker.level.1": "the Accountable",
    "blocker.level.2": "the PMs",
    "blocker.nobody": "nobody yet",
    "blocker.no_topic": "no topic yet",
    "blocker.age.hours": "{count} h",
    "blocker.age.days": "{count} d",
    "blocker.button.ack": "Acknowledge",
    "blocker.button.resolve": "Resolve",
    "blocker.button.reassign": "Reassign",
    "blocker.button.decline": "Not mine",
    "blocker.owner.intro": "{reporter} is blocked. You are {role} for {topic}.",
    "blocker.owner.intro_no_role": "{reporter} is blocked on {topic}.",
    "blocker.owner.intro_kpi": "A shared KPI of {topic} is past its alert threshold (the "
    "value came from {by}): the blocker it raised is yours.",
    "blocker.owner.reassigned": "{by} passed this blocker to you.",
    "blocker.resolve.title": "Resolve blocker #{id}",
    "blocker.resolve.note": "What resolved it? (the reporter reads this)",
    "blocker.reassign.title": "Reassign blocker #{id}",
    "blocker.reassign.person": "To whom? (email)",
    "blocker.acknowledged": "You acknowledged blocker #{id} (“{text}”). Its reporter is told.",
    "blocker.resolved": "Blocker #{id} (“{text}”) is resolved. Thank you!",
    "blocker.reassigned": "Blocker #{id} is now with {owner}; they and the reporter are told.",
    "blocker.declined": "Noted: blocker #{id} goes back to its reporter to pick the right topic.",
    "blocker.refused.acknowledge": "Only {owner}, who has blocker #{id}, its topic's "
    "Accountable, a PM or an admin can acknowledge it.",
    "blocker.refused.resolve": "Only {reporter} (who raised blocker #{id}), {owner} (who has it), "
    "its topic's Accountable, a PM or an admin can resolve it.",
    "blocker.refused.reassign": "Only {owner}, who has blocker #{id}, its topic's Accountable, "
    "a PM or an admin can reassign it.",
    "blocker.refused.decline": "Only {owner}, who has blocker #{id}, can say it is not theirs.",
    "blocker.refused.route": "Only {reporter}, who raised blocker #{id}, a PM or an admin "
    "can choose its topic.",
    "blocker.notice.routed": "Your blocker #{id} (“{text}”) is with {owner} ({topic}).",
    "blocker.notice.unowned": "Your blocker #{id} (“{text}”) is on {topic}, but nobody is "
    "Responsible for it: the PMs will see it.",
    "blocker.notice.acknowledged": "{by} acknowledged your blocker #{id} (“{text}”).",
    "blocker.notice.resolved": "Blocker #{id} (“{text}”) was resolved by {by}: {note}",
    "blocker.notice.escalated": "Your blocker #{id} (“{text}”) has not moved: it went up to {to}.",
    "blocker.escalate.ack.one": "Blocker #{id} has waited {count} working hour without being "
    "acknowledged by {owner}. You are Accountable for {topic}.",
    "blocker.escalate.ack.other": "Blocker #{id} has waited {count} working hours without being "
    "acknowledged by {owner}. You are Accountable for {topic}.",
    "blocker.escalate.resolve.one": "Blocker #{id} is still not resolved after {count} working "
    "day. It is with {owner}.",
    "blocker.escalate.resolve.other": "Blocker #{id} is still not resolved after {count} working "
    "days. It is with {owner}.",
    "blocker.escalate.reminder": "Reminder: blocker #{id} is still open. It is with {owner}.",
    "blocker.usage.resolve": "Usage: /blocker resolve ID what resolved it",
    "blocker.usage.reassign": "Usage: /blocker reassign ID EMAIL",
    "blocker.usage.topic": "Usage: /blocker topic ID TOPIC",
    "blocker.usage.list": "Usage: /blocker list [mine|team|all|topic SLUG]. "
    "To raise a blocker that starts with that word, type /blocker raise TEXT.",
    "blocker.usage.digest": "Usage: /blocker digest [DAYS] HH:MM, "
    "e.g. /blocker digest mon,thu 09:00",
    "blocker.usage.pm": "Usage: /blocker pm add EMAIL or /blocker pm remove EMAIL",
    "blocker.list.mine": "Open blockers you raised or have",
    "blocker.list.team": "Open blockers raised in {team}",
    "blocker.list.all": "All open blockers",
    "blocker.list.topic": "Open blockers on {topic}",
    "blocker.list.empty": "None.",
    "blocker.list.footer": "/blocker show ID for one of them",
    "blocker.list.line": "#{id} · {age} · {text} — {owner} · {level}",
    "blocker.event.raised": "{when}: raised by {who}",
    "blocker.event.routed": "{when}: routed to {to}",
    "blocker.event.reassigned": "{when}: {who} passed it to {to}",
    "blocker.event.declined": "{when}: {who} said it is not theirs",
    "blocker.event.acknowledged": "{when}: acknowledged by {who}",
    "blocker.event.escalated": "{when}: escalated",
    "blocker.event.resolved": "{when}: resolved by {who}",
    "blocker.pm.list": "PMs: {names}.",
    "blocker.pm.admin_only": "Only an admin can change who the PMs are.",
    "blocker.pm.added": "{name} is a PM now: they get the blocker digest and the blockers "
    "that reach the last level.",
    "blocker.pm.removed": "{name} is no longer a PM.",
    "blocker.digest.not_pm": "Only PMs get the digest on a schedule; /blocker digest shows it now.",
    "blocker.digest.scheduled": "Your digest comes on {days} at {time} ({timezone}).",
    "blocker.digest.title": "Blocker digest: {open}, {resolved} since the last one",
    "blocker.digest.open_count.one": "{count} open",
    "blocker.digest.open_count.other": "{count} open",
    "blocker.digest.resolved_count.one": "{count} resolved",
    "blocker.digest.resolved_count.other": "{count} resolved",
    "blocker.digest.open": "Open, oldest first",
    "blocker.digest.none_open": "No open blocker.",
    "blocker.digest.by_topic": "Open by topic",
    "blocker.digest.resolved": "Resolved since {since}",
    "blocker.digest.none_resolved": "None.",
    "blocker.digest.resolved_line": "#{id} · {text} — {by}, in {took}",
    "blocker.digest.speed": "Time to resolve (last 30 days)",
    "blocker.digest.speed_value.one": "median {median} · 90th percentile {p90} ({count} resolved)",
    "blocker.digest.speed_value.other": "median {median} · 90th percentile {p90} "
    "({count} resolved)",
    "blocker.digest.speed_none": "Nothing resolved in the last 30 days.",
    "blocker.digest.recurring": "Topics that keep producing blockers",
    "blocker.digest.recurring_line": "{topic}: {count} in 30 days",
    "blocker.digest.more": "… and {count} more",
    "blocker.digest.footer": "/blocker list all for every open blocker",
    "blocker.duration.days": "{days} d {hours} h",
    "blocker.duration.hours": "{hours} h",
    "blocker.duration.minutes": "{minutes} min",
    # escalation policy
    "escalation.title": "Escalation policy",
    "escalation.ack": "Not acknowledged",
    "escalation.ack_value.one": "after {count} working hour → the topic's Accountable",
    "escalation.ack_value.other": "after {count} working hours → the topic's Accountable",
    "escalation.resolve": "Not resolved",
    "escalation.resolve_value.one": "after {count} working day → the PMs and the escalation "
    "channel",
    "escalation.resolve_value.other": "after {count} working days → the PMs and the escalation "
    "channel",
    "escalation.hours": "Working hours (each person's own timezone and days)",
    "escalation.channel": "Escalation channel",
    "escalation.no_channel": "none",
    "escalation.footer": "Blockers keep the policy in force when they were raised. "
    "Admins: /tandem escalation ack 4h; resolve 2d; hours 09:00-17:00; channel #it-escalations",
    "escalation.saved": "Saved. New blockers follow this policy; open ones keep theirs.",
    "escalation.admin_only": "Only an admin can change the escalation policy.",
    "escalation.usage": "For example: /tandem escalation ack 4h; resolve 2d; "
    "hours 09:00-17:00; channel #it-escalations (or channel here, or channel none)",
    "escalation.bad_key": "I don't know the setting “{value}”.",
    "escalation.bad_hours": "“{value}” is not a number of working hours between 1 and 120.",
    "escalation.bad_days": "“{value}” is not a number of working days between 1 and 30.",
    "escalation.bad_day": "“{value}” is not a working day such as 09:00-17:00.",
    "escalation.bad_channel": "I can't tell which channel “{value}” is. Mention it (#channel), "
    "or type “channel here” in the channel itself.",
    # guardrails
    "guardrail.unknown_person": "I don't know you in this organisation yet: ask an admin to add "
    "you to the people file.",
    "guardrail.help.title": "Guardrails: what you may do without asking",
    "guardrail.help.body": "Ask in plain words: /guardrail can I put the LinkedIn tag "
    "on the site?\n"
    "/guardrail tools — the catalogue of tools and their status\n"
    "/guardrail rules — the rules IT agreed, with their review dates\n"
    "/guardrail approvals — requests to decide and requests you made\n"
    "/guardrail show ID — a request and its history; /guardrail withdraw ID\n"
    "/guardrail approve ID, /guardrail reject ID REASON — decide a request sent to you\n"
    "/guardrail uncovered — questions no rule covered (IT)\n"
    "/guardrail reviewed RULE — mark a rule as reviewed (its Accountable)",
    "guardrail.help.unknown": "I don't know “{word}” for /guardrail.",
    "guardrail.vague": "Ask your question in a few words, e.g. “can I add a contact form to "
    "the landing page?”",
    "guardrail.too_long": "That is {length} characters; ask one question in under {limit}, "
    "and I'll answer it.",
    "guardrail.verdict.allowed": "✅ Allowed: go ahead",
    "guardrail.verdict.conditional": "☑️ Allowed if the conditions hold",
    "guardrail.verdict.approval": "📝 Needs a quick approval",
    "guardrail.verdict.forbidden": "⛔ Not allowed",
    "guardrail.verdict.uncovered": "No rule covers this yet",
    "guardrail.verdict.short.allowed": "allowed",
    "guardrail.verdict.short.conditional": "on conditions",
    "guardrail.verdict.short.approval": "approval",
    "guardrail.verdict.short.forbidden": "not allowed",
    "guardrail.tool.approved": "{name} is in the catalogue: approved.",
    "guardrail.tool.limited": "{name} is approved with a limit:",
    "guardrail.tool.under-review": "{name} is under review by IT: not yet, unless approved.",
    "guardrail.tool.banned": "{name} is not allowed.",
    "guardrail.tool": "Tool",
    "guardrail.conditions": "Conditions",
    "guardrail.rule": "Rule",
    "guardrail.rule_id": "Rule id",
    "guardrail.topic": "Topic",
    "guardrail.who": "Who to ask",
    "guardrail.ask.responsible": "{names} (Responsible)",
    "guardrail.ask.accountable": "{names} (Accountable)",
    "guardrail.why": "Why this rule: {words}",
    "guardrail.why.word": "“{word}” ({source})",
    "guardrail.source.keyword": "keyword",
    "guardrail.source.title": "title",
    "guardrail.source.example": "example",
    "guardrail.source.topic": "topic",
    "guardrail.source.condition": "condition",
    "guardrail.source.answer": "answer",
    "guardrail.choice.title": "Which of these do you mean?",
    "guardrail.choice.body": "More than one rule fits your question about equally; pick the one "
    "that matches, and I'll answer with it.",
    "guardrail.uncovered.routed": "I won't guess: no rule or tool of the catalogue covers it. "
    "I've passed your question to {who}, who will answer you.",
    "guardrail.uncovered.recorded": "I won't guess: no rule or tool of the catalogue covers it. "
    "I've recorded your question for IT; nobody is set to receive it yet, so ask in the IT "
    "channel if it is urgent.",
    "guardrail.uncovered.dry": "No rule or tool of the catalogue covers it.",
    "guardrail.it.title": "Question #{id} that no rule covers",
    "guardrail.it.footer": "If a rule covers it, press it (or type /guardrail uncovered {id} "
    "RULE-ID): the asker gets its answer and the next question like it is answered directly. "
    "Otherwise answer the asker and add a rule to the guardrails file.",
    "guardrail.file.button": "Covered by: {rule}",
    "guardrail.filed.intro": "{who} (IT) says this rule covers your question #{id} (“{question}”):",
    "guardrail.filed.done": "Question #{id} is now an example of “{rule}”: {asker} has its "
    "answer, and the next question like it will be answered directly.",
    "guardrail.filed.self": "Question #{id} is now an example of “{rule}”: the next question "
    "like it will be answered directly.",
    "guardrail.filed.unknown": "No open or closed question #{id}, or no rule “{rule}”. "
    "/guardrail uncovered lists the questions, /guardrail rules the rules.",
    "guardrail.filed.usage": "File a question under a rule: /guardrail uncovered QUESTION-ID "
    "RULE-ID, e.g. /guardrail uncovered 4 new-saas-tool",
    "guardrail.choice.none": "None of these: ask IT",
    "guardrail.newrule.button": "Write a rule for it",
    "guardrail.newrule.title": "A new rule for question #{id}",
    "guardrail.newrule.rule_title": "Rule title",
    "guardrail.newrule.verdict": "Verdict: allowed, conditional, approval or forbidden",
    "guardrail.newrule.verdict_default": "approval",
    "guardrail.newrule.answer": "The answer people get",
    "guardrail.newrule.create": "Create the rule",
    "guardrail.newrule.done": "Rule “{rule}” ({rule_id}) created with question #{id} as its "
    "example; the asker has its answer. It lives in Tandem until the next import of the "
    "guardrails file: export the file (tandem export guardrails) to keep it.",
    "guardrail.newrule.missing": "A rule needs a title and an answer.",
    "guardrail.newrule.too_long": "Each field must stay under {limit} characters.",
    "guardrail.newrule.bad_verdict": "“{given}” is not a verdict: write allowed, conditional, "
    "approval or forbidden.",
    "guardrail.newrule.bad_topic": "“{given}” is no RACI topic. Topics: {topics}.",
    "guardrail.reranked": "Picked among the closest rules by the language model {model}.",
    "guardrail.choice.title_one": "Is this what you mean?",
    "guardrail.choice.body_one": "This rule may cover your question, but I'm not sure enough to "
    "answer with it. Press it if it is the one, or ask IT.",
    "guardrail.meaning.example": "Close in meaning to this example: “{text}”",
    "guardrail.meaning.title": "Close in meaning to the rule's title: “{text}”",
    "guardrail.meaning.answer": "Close in meaning to the rule's answer: “{text}”",
    "guardrail.meaning.keywords": "Close in meaning to the rule's keywords: {text}",
    "guardrail.uncovered.group": "{count} similar questions like “{text}” ({ids})",
    "guardrail.uncovered.suggest": "  closest rule: {rule} — /guardrail uncovered {id} {rule_id}",
    "guardrail.it.channel": "the IT escalation channel",
    "guardrail.asked_by": "Asked by",
    "guardrail.closest": "Closest rule",
    "guardrail.uncovered.refused": "The uncovered questions are for IT, admins and the "
    "topics' Accountables.",
    "guardrail.uncovered.which": "Which questions? e.g. /guardrail uncovered done 3 4",
    "guardrail.uncovered.closed.one": "{count} question marked as dealt with.",
    "guardrail.uncovered.closed.other": "{count} questions marked as dealt with.",
    "guardrail.uncovered.none": "No open question: every question so far had a rule.",
    "guardrail.uncovered.title.one": "{count} question no rule covered",
    "guardrail.uncovered.title.other": "{count} questions no rule covered",
    "guardrail.uncovered.line": "#{id} “{text}” — {who}, {at}",
    "guardrail.uncovered.footer": "Add the missing rules to the guardrails file, then "
    "/guardrail uncovered done ID.",
    "guardrail.form.title": "Request an approval",
    "guardrail.form.what": "What you want to do",
    "guardrail.form.why": "Why",
    "guardrail.form.how_long": "For how long",
    "guardrail.form.reason": "Why it is denied, and what to do instead",
    "guardrail.form.question": "Your question to the requester",
    "guardrail.form.reply": "Your answer",
    "guardrail.form.missing": "Please fill in what and why: the approver decides from them.",
    "guardrail.form.too_long": "Please keep each answer under {limit} characters.",
    "guardrail.button.request": "Request approval",
    "guardrail.button.send": "Send the request",
    "guardrail.button.approve": "Approve",
    "guardrail.button.deny": "Deny",
    "guardrail.button.ask": "Ask a question",
    "guardrail.button.reply": "Answer",
    "guardrail.button.withdraw": "Withdraw",
    "guardrail.button.reviewed": "Mark as reviewed",
    "guardrail.request.title": "Approval request #{id}",
    "guardrail.request.intro": "{who} asks for your approval.",
    "guardrail.request.already": "Request #{id} for this is already waiting for {who}; "
    "I'll tell you the decision here.",
    "guardrail.request.sent": "Request #{id} sent to {who}. I'll tell you the decision here.",
    "guardrail.request.no_approver": "Nobody is Accountable for the topic {topic} in the people "
    "file, so there is nobody to approve it: ask an admin to fix the RACI file.",
    "guardrail.request.not_found": "I found no request “{id}” that you can see. "
    "/guardrail approvals lists yours.",
    "guardrail.request.closed": "Request #{id} is no longer waiting: {status}",
    "guardrail.requested_by": "Requested by",
    "guardrail.requested_at": "Requested",
    "guardrail.status": "Status",
    "guardrail.reason": "Reason",
    "guardrail.history": "History",
    "guardrail.status.pending": "waiting for {who}",
    "guardrail.status.approved": "approved by {who}, {at}",
    "guardrail.status.denied": "denied by {who}, {at}",
    "guardrail.status.withdrawn": "withdrawn by {who}, {at}",
    "guardrail.deny.title": "Deny request #{id}",
    "guardrail.ask.title": "A question about request #{id}",
    "guardrail.reply.title": "Answer about request #{id}",
    "guardrail.event.requested": "{at}: requested by {who}",
    "guardrail.event.approved": "{at}: approved by {who}",
    "guardrail.event.denied": "{at}: denied by {who}: {text}",
    "guardrail.event.withdrawn": "{at}: withdrawn by {who}",
    "guardrail.event.escalated": "{at}: sent up to {who}",
    "guardrail.event.reminded": "{at}: reminder sent to {who}",
    "guardrail.event.question": "{at}: {who} asked: {text}",
    "guardrail.event.reply": "{at}: {who} answered: {text}",
    "guardrail.list.line": "#{id} {rule} — {who}: “{what}” ({status})",
    "guardrail.approvals.title": "Approvals",
    "guardrail.approvals.to_decide": "Waiting for your decision",
    "guardrail.approvals.mine": "Your requests",
    "guardrail.approvals.decided": "You decided recently",
    "guardrail.approvals.nothing": "None.",
    "guardrail.approvals.footer": "/guardrail show ID for a request's history.",
    "guardrail.withdraw.refused": "Only the person who made a request can withdraw it.",
    "guardrail.decide.refused": "Only {who} can decide this request.",
    "guardrail.done.approved": "Request #{id} approved; the requester is told.",
    "guardrail.done.denied": "Request #{id} denied; the requester is told why.",
    "guardrail.done.withdrawn": "Request #{id} withdrawn; the approver is told.",
    "guardrail.sent_to": "Sent to {who}.",
    "guardrail.no_reason": "no reason given",
    "guardrail.notice.approved": "✅ {who} approved your request #{id} ({rule}).",
    "guardrail.notice.denied": "⛔ {who} denied your request #{id} ({rule}): {reason}",
    "guardrail.notice.withdrawn": "{who} withdrew request #{id} ({rule}); nothing to decide.",
    "guardrail.notice.question": "{who} has a question about your request #{id}: {text}",
    "guardrail.notice.reply": "{who} answered about request #{id}: {text}",
    "guardrail.notice.escalated": "Your request #{id} has waited 3 working days; I've sent it "
    "to {who} as well.",
    "guardrail.escalated.intro": "This request has waited {days} working days for {who}; "
    "you can decide it too.",
    "guardrail.reminder.intro": "Reminder, {who}: this request is waiting for your decision.",
    "guardrail.review.title": "Rule due for review: {rule}",
    "guardrail.review.body": "It was due for review on {due}. Is it still right?",
    "guardrail.review.footer": "Change it in the guardrails file and import it, or mark it as "
    "reviewed if it still holds.",
    "guardrail.rule.not_found": "I found no rule “{id}”. /guardrail rules lists them.",
    "guardrail.reviewed.refused": "Only the topic's Accountable ({who}) or an admin can mark "
    "this rule as reviewed.",
    "guardrail.reviewed.done": "Marked as reviewed today: {rule}.",
    "guardrail.reviewed.next": "Next review: {day}.",
    "guardrail.tools.none": "The catalogue has no tools yet.",
    "guardrail.tools.title": "The tools catalogue",
    "guardrail.tools.approved": "Approved",
    "guardrail.tools.limited": "Approved with a limit",
    "guardrail.tools.under-review": "Under review",
    "guardrail.tools.banned": "Not allowed",
    "guardrail.rules.none": "No guardrails yet: IT imports them with tandem import guardrails.",
    "guardrail.rules.title.one": "{count} guardrail rule",
    "guardrail.rules.title.other": "{count} guardrail rules",
    "guardrail.rules.line": "• {title} ({id}) — {verdict}, {topic}",
    "guardrail.rules.review": "review by {day}",
    "guardrail.rules.overdue": "⚠️ review overdue since {day}",
    "guardrail.rules.footer": "Ask /guardrail followed by your question to get the rule that "
    "covers it.",
    # planning
    "planning.unknown_person": "I don't know you in this workspace yet: ask an admin to import "
    "the people file, then plan away.",
    "planning.help.title": "Planning sessions with IT",
    "planning.help.body": "Schedule a marketing planning session and Tandem invites the right "
    "IT people:\n"
    '/planning new — a form, or in one line: /planning new "Q1 campaign planning" 2027-01-12 '
    "14:00 60min topics: landing-pages, tracking-consent every other week\n"
    "/planning list — sessions to come and who from IT is coming\n"
    "/planning show ID — a session, its meetings and the answers\n"
    "/planning move ID 2027-01-13 15:00 — move the next meeting (invites are updated)\n"
    "/planning cancel ID — cancel a session (invites are cancelled)\n"
    "/planning accept ID, /planning decline ID REASON, /planning propose ID PERSON — answer "
    "your invitation to a session's next meeting\n"
    "/planning pool — the IT rotation pool; /planning pool add|remove PEOPLE (admins)",
    "planning.help.unknown": "I don't know “{word}” for /planning.",
    "planning.too_long": "That is too long for one session (over {limit} characters).",
    "planning.new.title": "📅 New planning session",
    "planning.new.body": "The time is yours (your timezone); each guest sees it in theirs. "
    "Topics are RACI topics: IT people Responsible or Consulted for them are invited.",
    "planning.new.example": 'For example: /planning new "Q1 campaign planning" 2027-01-12 14:00 '
    "60min topics: landing-pages, tracking-consent",
    "planning.form.title": "Title",
    "planning.form.day": "Date (YYYY-MM-DD)",
    "planning.form.clock": "Time (HH:MM, your timezone)",
    "planning.form.duration": "Duration (e.g. 60min, 1h30)",
    "planning.form.topics": "Topics (comma-separated)",
    "planning.form.repeat": "Repeat (e.g. every other week, 6 times)",
    "planning.button.new": "Plan a session",
    "planning.button.create": "Schedule and invite IT",
    "planning.button.accept": "Accept",
    "planning.button.decline": "Decline",
    "planning.button.propose": "Propose someone else",
    "planning.draft.no_title": 'Give the session a title, e.g. "Q1 campaign planning".',
    "planning.draft.title_too_long": "Keep the title under {limit} characters.",
    "planning.draft.no_date": "When? Add a date such as 2027-01-12, tomorrow or tuesday.",
    "planning.draft.bad_date": "“{text}” is not a date I can read: use 2027-01-12, 12/01/2027, "
    "tomorrow or a weekday.",
    "planning.draft.no_time": "At what time? Add a time such as 14:00.",
    "planning.draft.bad_time": "“{text}” is not a time I can read: use 14:00 or 14h30.",
    "planning.draft.bad_duration": "“{text}” is not a duration I can use: between 5min and 8h, "
    "e.g. 60min or 1h30.",
    "planning.draft.no_topics": "Which topics? Add topics: landing-pages, tracking-consent "
    "(RACI topics; /who-owns lists them).",
    "planning.draft.too_many_topics": "At most {limit} topics per session.",
    "planning.draft.bad_repeat": "I can't read “{text}” as a repeat: try every week, every other "
    "week, every 3 weeks, 6 times.",
    "planning.draft.wrong_weekday": "“{text}” does not fall on {day}'s weekday: pick the date "
    "of the first meeting.",
    "planning.draft.bad_count": "Repeat between 1 and {limit} times.",
    "planning.draft.past": "{when} is already past: pick a time to come.",
    "planning.draft.too_far": "{when} is more than two years away: plan closer.",
    "planning.topic.unknown": "I know no RACI topic called “{name}”. /who-owns lists the topics.",
    "planning.topic.unknown_near": "I know no RACI topic called “{name}”. Did you mean: {near}?",
    "planning.created.title": "📅 Planning #{id} scheduled: {title}",
    "planning.show.title": "📅 Planning #{id}: {title}",
    "planning.show.cancelled": "❌ Planning #{id} (cancelled): {title}",
    "planning.show.footer": "/planning show {id} · /planning move {id} DATE TIME · "
    "/planning cancel {id}",
    "planning.field.when": "When",
    "planning.field.duration": "Duration",
    "planning.field.topics": "Topics",
    "planning.field.repeats": "Repeats",
    "planning.field.organiser": "Organiser",
    "planning.minutes": "{minutes} min",
    "planning.repeat.once": "once",
    "planning.repeat.weekly": "every week",
    "planning.repeat.every": "every {weeks} weeks",
    "planning.repeat.count.one": "{every}, once",
    "planning.repeat.count.other": "{every}, {count} times",
    "planning.state.invited": "invited, no answer yet",
    "planning.state.accepted": "accepted",
    "planning.state.declined": "declined",
    "planning.state.replaced": "proposed someone else",
    "planning.state.cancelled": "cancelled",
    "planning.state.none": "nobody from IT yet",
    "planning.mark.invited": "(?)",
    "planning.mark.accepted": "✓",
    "planning.skipped.away": "{who} is away that day: skipped.",
    "planning.skipped.busy": "{who} is in another planning session then: skipped.",
    "planning.uncovered": "⚠️ Nobody from IT could be invited for {topics}: no one Responsible or "
    "Consulted is available and the IT pool has nobody free. An admin sets the pool with "
    "/planning pool add PEOPLE.",
    "planning.unreachable": "{who} could not be reached in chat (not talked to Tandem yet, or "
    "the platform refused): invite them yourself.",
    "planning.channel.joined": "The IT people invited were added to this channel.",
    "planning.channel.not_joined": "I could not add them to the channel here: share it with them.",
    "planning.channel.needs_permission": "⚠️ I could not add them to the channel here: Tandem "
    "was not granted the permission to add people to channels ({permissions}). A workspace "
    "admin must reinstall Tandem to approve its new permissions; until then, share the "
    "channel with them.",
    "planning.invite.title.invited": "📅 You're invited: {title}",
    "planning.invite.title.accepted": "✅ {title}: you accepted",
    "planning.invite.title.declined": "🚫 {title}: you declined",
    "planning.invite.title.replaced": "↪️ {title}: you proposed someone else",
    "planning.invite.title.cancelled": "❌ Cancelled: {title}",
    "planning.reminder.title": "⏰ Reminder: {title}",
    "planning.invite.body": "{organiser} is planning marketing work on {topics} and invites you "
    "to bring IT's view from the start.",
    "planning.invite.via_responsible": "You are Responsible for it in the RACI matrix.",
    "planning.invite.via_consulted": "You are Consulted on it in the RACI matrix.",
    "planning.invite.via_pool": "You are next in the IT rotation pool.",
    "planning.invite.via_proposed": "A colleague proposed you in their place.",
    "planning.invite.your_reason": "Your reason: {reason}",
    "planning.invite.you_proposed": "You proposed {who}.",
    "planning.invite.footer": "The calendar file comes with this message. Planning #{id}.",
    "planning.agenda.blockers": "Open blockers on these topics",
    "planning.agenda.approvals": "Approvals waiting on these topics",
    "planning.agenda.questions": "Recent questions no guardrail covered",
    "planning.agenda.none": "none",
    "planning.invite.none": "You are not invited to the next meeting of #{id} “{title}”.",
    "planning.invite.unknown": "I can't find that invitation any more.",
    "planning.invite.not_yours": "That invitation is someone else's.",
    "planning.invite.over": "{title} has been cancelled: nothing to answer.",
    "planning.invite.already.accepted": "You already answered for {title}.",
    "planning.invite.already.declined": "You already declined {title}.",
    "planning.invite.already.replaced": "You already proposed someone else for {title}.",
    "planning.invite.already.cancelled": "{title} has been cancelled: nothing to answer.",
    "planning.form.decline.title": "Decline the invitation",
    "planning.form.propose.title": "Propose someone else",
    "planning.form.reason": "Why can't you come? (the organiser sees it)",
    "planning.form.reason_missing": "Say in a few words why, so the organiser knows; "
    "then decline again.",
    "planning.form.who": "Who should come instead (email or @mention)",
    "planning.form.note": "A word for them (optional)",
    "planning.form.who_missing": "Name someone (email or @mention) to propose them.",
    "planning.propose.unknown": "I don't know “{who}” in this workspace: use their work email.",
    "planning.propose.yourself": "Propose someone other than yourself.",
    "planning.propose.present": "{who} is already invited to this meeting.",
    "planning.propose.declined": "{who} already declined this meeting.",
    "planning.propose.organiser": "{who} organises it: they'll be there.",
    "planning.propose.away": "{who} is away that day: propose someone else.",
    "planning.propose.busy": "{who} is in another planning session at that time.",
    "planning.propose.unknown_person": "{who} is not in the people file.",
    "planning.propose.done": "Done: {who} is invited to {title} in your place.",
    "planning.told.accepted": "✅ {who} accepted {title} ({when}).",
    "planning.told.declined": "🚫 {who} declined {title} ({when}): {reason}",
    "planning.told.replaced": "↪️ {who} proposed {other} for {title} ({when}); {other} is invited.",
    "planning.told.instead": "{who} is invited instead.",
    "planning.list.title": "📅 Planning sessions to come",
    "planning.list.line": "#{id} {title} — {when} — IT: {people}",
    "planning.list.none": "No planning session to come. /planning new schedules one.",
    "planning.ics.description": "Topics: {topics}\n\nTandem planning #{id}",
    "planning.id.missing": "Which session? Type its number after the command.",
    "planning.id.yours": "Yours to come:",
    "planning.id.yours_line": "#{id} “{title}”, {when}",
    "planning.id.none_yours": "You have no session to come; /planning list shows every one.",
    "planning.id.unknown": "There is no planning session #{id} here.",
    "planning.not_organiser": "Only its organiser ({who}) or an admin can change it.",
    "planning.already_cancelled": "Planning #{id} is already cancelled.",
    "planning.cancelled.done.one": "Planning #{id} “{title}” is cancelled; {count} invited "
    "person was told, with a calendar cancellation.",
    "planning.cancelled.done.other": "Planning #{id} “{title}” is cancelled; {count} invited "
    "people were told, with a calendar cancellation.",
    "planning.cancelled.notice": "❌ {title} is cancelled. The calendar file removes it.",
    "planning.move.usage": "Move the next meeting with /planning move {id} 2027-01-13 15:00 "
    "(your timezone).",
    "planning.move.nothing": "Planning #{id} has no meeting to come to move.",
    "planning.moved.done": "{title} moved to {when}; the people invited have the new time.",
    "planning.moved.notice": "🕑 {title} moved to {when}. The calendar file updates it.",
    "planning.pool.admins": "Only admins set the IT rotation pool.",
    "planning.pool.unknown": "I don't know {names} in this workspace: use work emails or "
    "@mentions.",
    "planning.pool.usage": "/planning pool add PEOPLE or /planning pool remove PEOPLE "
    "(emails or @mentions).",
    "planning.pool.empty": "The IT rotation pool is empty. An admin adds people with "
    "/planning pool add PEOPLE; they are invited when nobody Responsible or Consulted is free.",
    "planning.pool.members": "IT rotation pool: {names}. They take turns when nobody Responsible "
    "or Consulted for the topics is free (⚠ not in IT).",
}
