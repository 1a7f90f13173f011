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
    "home.standup": "Your next stand-up",
    "home.standup.none": "None yet: stand-ups are coming to Tandem.",
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
}
