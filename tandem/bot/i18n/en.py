"""English messages."""

MESSAGES: dict[str, str] = {
    "list.none": "nobody",
    "list.join": "{head} and {last}",
    "colon": ": ",
    # help and dispatch
    "chat.greeting": "Tandem — {name} ({tenant}). Type /help, /who-owns domain-names, "
    "or /quit to leave.",
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
    "help.coming": "coming soon",
    "coming.title": "Not there yet",
    "coming.body": "/{command} is coming in a later version of Tandem. "
    "Meanwhile you can use /who-owns.",
    "error.internal": "Sorry, something went wrong on my side and nothing was changed. "
    "Please try again in a moment.",
    "error.unknown_person": "I don't know you in this workspace yet ({who}). "
    "Ask an admin to import the people file.",
    "error.input_control": "Your message contained characters I can't read; "
    "I removed them before looking.",
    "form.submit": "Send",
    "form.cancel": "Cancel",
    "teams.no_tenant": "Tandem works inside a Microsoft 365 organisation; this chat has none.",
    "home.title": "Tandem",
    "home.commands": "What you can do",
    "home.standup.next": "“{name}”, {when}",
    "home.standup": "Your next stand-up",
    "home.blockers": "Your open blockers",
    "home.blockers.none": "None.",
    "home.approvals": "Approvals waiting for you",
    "home.approvals.none": "None.",
    "reply.share": "Share in channel",
    # RACI
    "raci.role.responsible": "Responsible",
    "raci.role.accountable": "Accountable",
    "raci.role.consulted": "Consulted",
    "raci.role.informed": "Informed",
    "raci.changed": "Last changed {when} by {who}.",
    "raci.imported": "Imported {when}.",
    "raci.list.title": "Topics Tandem knows ({count})",
    "raci.list.empty": "No topics yet. An admin can import a RACI file with "
    "`tandem import raci FILE`.",
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
    "standup.field.name": "Name",
    "standup.field.members": "Members (emails or @mentions)",
    "standup.field.questions": "Questions, one per line (empty: yesterday, today, blockers)",
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
    "standup.list.line": "{days}, {times} ({timezone}) · {count} members: {members} · owner "
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
    "standup.away.past": "Those days are already past; nothing was saved.",
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
    "standup.summary.body": "{answered} of {expected} answered, {blockers} blocker(s).",
    "standup.summary.blockers": "Blockers",
    "standup.summary.silent": "Not answered",
    "standup.summary.skipped": "Skipped today",
    "standup.summary.away": "Away or not working today",
    "standup.summary.optional": "This stand-up is optional.",
    "standup.report.title": "Stand-up report, last {days} days",
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
    "blocker.escalate.ack": "Blocker #{id} has waited {hours} working hours without being "
    "acknowledged by {owner}. You are Accountable for {topic}.",
    "blocker.escalate.resolve": "Blocker #{id} is still not resolved after {days} working days. "
    "It is with {owner}.",
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
    "blocker.digest.title": "Blocker digest: {open} open, {resolved} resolved since the last one",
    "blocker.digest.open": "Open, oldest first",
    "blocker.digest.none_open": "No open blocker.",
    "blocker.digest.by_topic": "Open by topic",
    "blocker.digest.resolved": "Resolved since {since}",
    "blocker.digest.none_resolved": "None.",
    "blocker.digest.resolved_line": "#{id} · {text} — {by}, in {took}",
    "blocker.digest.speed": "Time to resolve (last 30 days)",
    "blocker.digest.speed_value": "median {median} · 90th percentile {p90} ({count} resolved)",
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
    "escalation.ack_value": "after {hours} working hours → the topic's Accountable",
    "escalation.resolve": "Not resolved",
    "escalation.resolve_value": "after {days} working days → the PMs and the escalation channel",
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
}
