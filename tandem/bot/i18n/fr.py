"""Messages en français."""

MESSAGES: dict[str, str] = {
    "list.none": "personne",
    "list.join": "{head} et {last}",
    "colon": "\u202f: ",
    # aide et routage
    "chat.greeting": "Tandem — {name} ({tenant}). Tapez /help, /who-owns noms de domaine, "
    "ou /quit pour quitter.",
    "help.title": "Ce que vous pouvez demander à Tandem",
    "help.intro": "Tapez une commande, avec ou sans la barre oblique :",
    "help.unknown": "Je ne connais pas la commande « /{command} ».",
    "help.footer": "Tapez /help à tout moment pour revoir cette liste.",
    "help.cmd.help": "cette liste",
    "help.cmd.who-owns": "qui est Responsable, Approbateur, Consulté et Informé pour un sujet, "
    "par ex. /who-owns noms de domaine",
    "help.cmd.guardrail": "demander si quelque chose est permis, par ex. "
    "/guardrail puis-je ajouter un pixel ?",
    "help.cmd.standup": "stand-ups asynchrones",
    "help.cmd.blocker": "signaler et suivre les points de blocage",
    "help.cmd.planning": "séances de planification marketing avec la DSI",
    "help.cmd.tandem": "aide et réglages",
    "help.coming": "bientôt disponible",
    "coming.title": "Pas encore disponible",
    "coming.body": "/{command} arrive dans une prochaine version de Tandem. "
    "En attendant, vous pouvez utiliser /who-owns.",
    "error.internal": "Désolé, un problème est survenu de mon côté et rien n'a été modifié. "
    "Réessayez dans un instant.",
    "error.unknown_person": "Je ne vous connais pas encore dans cet espace ({who}). "
    "Demandez à un administrateur d'importer le fichier des personnes.",
    "error.input_control": "Votre message contenait des caractères illisibles ; "
    "je les ai retirés avant de chercher.",
    "form.submit": "Envoyer",
    "form.cancel": "Annuler",
    "teams.no_tenant": "Tandem fonctionne au sein d'une organisation Microsoft 365 ; "
    "cette conversation n'en a pas.",
    "home.title": "Tandem",
    "home.commands": "Ce que vous pouvez faire",
    "home.standup": "Votre prochain stand-up",
    "home.standup.none": "Aucun pour l'instant : les stand-ups arrivent dans Tandem.",
    "home.blockers": "Vos points de blocage ouverts",
    "home.blockers.none": "Aucun.",
    "home.approvals": "Validations qui vous attendent",
    "home.approvals.none": "Aucune.",
    "reply.share": "Partager dans le canal",
    # RACI
    "raci.role.responsible": "Responsable",
    "raci.role.accountable": "Approbateur",
    "raci.role.consulted": "Consulté",
    "raci.role.informed": "Informé",
    "raci.changed": "Dernière modification {when} par {who}.",
    "raci.imported": "Importé {when}.",
    "raci.list.title": "Sujets connus de Tandem ({count})",
    "raci.list.empty": "Aucun sujet pour l'instant. Un administrateur peut importer un "
    "fichier RACI avec `tandem import raci FICHIER`.",
    "raci.list.footer": "Tapez /who-owns SUJET pour voir ses responsables.",
    "raci.empty_query": "Quel sujet ? Tapez /who-owns suivi d'un sujet, par ex. "
    "/who-owns noms de domaine, ou /who-owns seul pour la liste.",
    "raci.too_long": "C'est trop long pour un nom de sujet ({length} caractères). "
    "Tapez quelques mots, par ex. /who-owns dns.",
    "raci.no_match": "Je ne connais aucun sujet correspondant à « {query} », "
    "je ne peux donc nommer personne.",
    "raci.suggest": "Vouliez-vous dire : {suggestions} ?",
    "raci.suggest.none": "Tapez /who-owns seul pour voir tous les sujets.",
    "raci.ambiguous": "« {query} » peut désigner plusieurs sujets ; lequel vouliez-vous dire ?",
    "raci.set.usage": "Pour modifier une affectation : /who-owns set SUJET RÔLE "
    "EMAIL[,EMAIL…], où RÔLE est responsable, approbateur, consulté ou informé.",
    "raci.set.bad_role": "« {role} » n'est pas un rôle. Utilisez responsable, approbateur, "
    "consulté ou informé.",
    "raci.set.unknown_people": "Je ne connais pas {emails} dans cet espace ; rien n'a été modifié.",
    "raci.set.one_accountable": "Un sujet a exactement un Approbateur ; rien n'a été modifié.",
    "raci.set.refused": "Seul un administrateur ou l'Approbateur de « {title} » "
    "({accountable}) peut modifier ses responsables. Rien n'a été modifié ; "
    "vous pouvez le leur demander.",
    "raci.set.done": "{role} pour « {title} » : désormais {people} (auparavant {before}).",
    "raci.set.unchanged": "{role} pour « {title} » était déjà {people} ; rien à modifier.",
    "raci.set.needs_topic": "Il me faut un sujet exact à modifier ; « {query} » n'en est pas un.",
    "raci.history.title": "Modifications de « {title} »",
    "raci.history.empty": "Aucune modification de « {title} » depuis son import.",
    "raci.history.line": "{when} : {who} a mis {role} à {people} (auparavant {before})",
    "raci.nobody": "personne",
    "raci.import_actor": "un import",
}
