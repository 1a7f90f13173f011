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
}
