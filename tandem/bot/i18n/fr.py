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
    "home.standup.next": "« {name} », le {when}",
    "home.standup": "Votre prochain stand-up",
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
    "standup.q.yesterday": "Qu'avez-vous fait hier ?",
    "standup.q.today": "Que ferez-vous aujourd'hui ?",
    "standup.q.blockers": "Quelque chose vous bloque ?",
    "standup.unknown_person": "Je ne vous trouve pas dans l'annuaire de cet espace, je ne peux "
    "donc pas vous faire participer aux stand-ups. Un administrateur peut vous ajouter avec "
    "`tandem import people`.",
    "standup.help.title": "Stand-ups : ce que vous pouvez taper",
    "standup.help.answer": "répondre à votre stand-up maintenant (un formulaire, ou un message "
    "par question)",
    "standup.help.setup": "créer un stand-up pour ce canal (un formulaire, ou : NOM; membres: "
    "a@x.com, b@x.com; jours: lun-ven; heures: 09:30-12:00)",
    "standup.help.edit": "modifier un stand-up dont vous êtes responsable (un formulaire, ou : "
    "NOM; jours: lun,mer,ven)",
    "standup.help.list": "les stand-ups de cet espace",
    "standup.help.pause": "ne plus interroger pendant un temps, puis reprendre",
    "standup.help.delete": "supprimer un stand-up (ses réponses restent dans l'historique)",
    "standup.help.skip": "passer le stand-up d'aujourd'hui",
    "standup.help.away": "absence : personne ne vous interroge ces jours-là",
    "standup.help.workdays": "vos jours travaillés, s'ils ne sont pas du lundi au vendredi",
    "standup.help.report": "participation et blocages des derniers jours, pour le responsable",
    "standup.help.history": "vos propres réponses entre deux dates",
    "standup.field.name": "Nom",
    "standup.field.members": "Membres (e-mails ou @mentions)",
    "standup.field.questions": "Questions, une par ligne (vide : hier, aujourd'hui, blocages)",
    "standup.field.days": "Jours (lun-ven, lun,mer,ven, daily)",
    "standup.field.times": "Question et clôture, heures locales (09:30-12:00 ; plusieurs pour "
    "les équipes postées)",
    "standup.field.timezone": "Fuseau horaire de la clôture (ex. Europe/Paris)",
    "standup.field.reminders": "Rappels, minutes avant la clôture (60, ou aucun)",
    "standup.field.holidays": "Jours fériés de l'équipe (2026-12-25, 2027-01-01)",
    "standup.field.optional": "Facultatif ? (oui/non)",
    "standup.setup.title": "Créer un stand-up",
    "standup.setup.form_body": "Chaque membre est interrogé à l'heure indiquée dans son propre "
    "fuseau ; le résumé est publié à la clôture.",
    "standup.setup.save": "Enregistrer",
    "standup.setup.open": "Ouvrir le formulaire",
    "standup.setup.done": "Le stand-up « {name} » est créé",
    "standup.edit.title": "Modifier « {name} »",
    "standup.edit.done": "Le stand-up « {name} » est modifié",
    "standup.setup.next": "Les membres reçoivent les questions en message privé à l'heure "
    "indiquée, chez eux. Modifiez-le avec /standup edit {name}.",
    "standup.setup.example": "Exemple : /standup setup Point quotidien; membres: "
    "ana@example.com, sam@example.com; jours: lun-ven; heures: 09:30-12:00; fuseau: "
    "Europe/Paris",
    "standup.setup.bad_segment": "Je ne comprends pas « {segment} ». Utilisez des paires clé: "
    "valeur séparées par « ; ».",
    "standup.setup.bad_days": "« {value} » n'est pas une liste de jours. Utilisez par ex. "
    "lun-ven, lun,mer,ven ou daily.",
    "standup.setup.bad_times": "« {value} » n'est pas une heure de question et de clôture. "
    "Utilisez par ex. 09:30-12:00 (sur 24 heures).",
    "standup.setup.bad_timezone": "« {value} » n'est pas un fuseau horaire connu. Utilisez un "
    "nom IANA comme Europe/Paris ou America/New_York.",
    "standup.setup.bad_reminders": "« {value} » n'est pas un rappel. Donnez des minutes avant "
    "la clôture (ex. 60, 15) ou aucun.",
    "standup.setup.bad_date": "« {value} » n'est pas une date. Utilisez AAAA-MM-JJ, ex. "
    "2026-12-25.",
    "standup.setup.bad_flag": "« {value} » devrait être oui ou non.",
    "standup.setup.too_many_questions": "Au plus {limit} questions, s'il vous plaît.",
    "standup.setup.no_name": "Le stand-up a besoin d'un nom.",
    "standup.setup.no_members": "Indiquez au moins un membre (e-mails ou @mentions).",
    "standup.setup.needs_channel": "Les réponses sont publiées dans un canal : tapez /standup "
    "setup dans le canal de l'équipe, ou ajoutez canal: #nom.",
    "standup.setup.unknown_members": "Je ne connais pas {members} dans l'annuaire de cet espace "
    "; rien n'a été enregistré.",
    "standup.setup.exists": "Un stand-up « {name} » existe déjà ; choisissez un autre nom ou "
    "modifiez-le.",
    "standup.setup.late_label": "Interrogés après la clôture",
    "standup.setup.late": "{members} : leur heure de question tombe après la clôture, leurs "
    "réponses arriveront donc en retard. Pensez à une clôture plus tardive.",
    "standup.list.title": "Stand-ups ({count})",
    "standup.list.line": "{days}, {times} ({timezone}) · {count} membres : {members} · "
    "responsable {owner}",
    "standup.list.optional": "Facultatif : le résumé ne mentionne pas qui n'a pas répondu.",
    "standup.paused": "en pause",
    "standup.none_yet": "Aucun stand-up pour l'instant. Créez-en un dans le canal de l'équipe "
    "avec /standup setup.",
    "standup.which": "Quel stand-up ? {names}",
    "standup.not_found": "Aucun stand-up « {name} ». Il y a : {names}",
    "standup.not_owner": "Seul le responsable de « {name} » ({owner}) ou un administrateur peut "
    "le modifier. Rien n'a été changé.",
    "standup.paused.done": "Le stand-up « {name} » est en pause : personne n'est interrogé "
    "jusqu'à /standup resume.",
    "standup.resumed": "Le stand-up « {name} » reprend.",
    "standup.deleted": "Le stand-up « {name} » est supprimé. Les réponses passées restent dans "
    "/standup history et les rapports.",
    "standup.not_member": "Vous ne faites partie d'aucun stand-up. Un responsable peut vous "
    "ajouter avec /standup edit.",
    "standup.pick": "À quel stand-up voulez-vous répondre ?",
    "standup.no_run_today": "Rien à répondre pour « {name} » pour l'instant ; la prochaine "
    "question arrive le {when}.",
    "standup.closed": "La clôture de « {name} » est passée et votre réponse figure dans le "
    "résumé ; elle ne peut plus être modifiée.",
    "standup.gone": "Ce stand-up n'existe plus (supprimé ou modifié). Rien n'a été enregistré ; "
    "tapez /standup list pour voir ceux en cours.",
    "standup.not_in": "Vous ne faites pas partie de « {name} ».",
    "standup.empty_answer": "Vos réponses sont vides ; rien n'a été enregistré. Répondez à au "
    "moins une question, ou passez aujourd'hui.",
    "standup.prompt.title": "Stand-up « {name} », {day}",
    "standup.prompt.reminder": "Rappel : stand-up « {name} », {day}",
    "standup.prompt.body": "Merci de répondre avant le {cutoff}. Utilisez le formulaire, ou "
    "répondez ici un message par question, en commençant par : {first}",
    "standup.prompt.submit": "Envoyer mes réponses",
    "standup.prompt.open": "Répondre",
    "standup.prompt.skip": "Passer aujourd'hui",
    "standup.next_question": "Noté ({done}/{total}). Suivante : {question}",
    "standup.thanks": "Merci ! Vos réponses à « {name} » sont publiées dans le canal de "
    "l'équipe. Vous pouvez les modifier jusqu'à la clôture avec /standup.",
    "standup.updated": "Modifié : vos réponses à « {name} » sont mises à jour dans le canal.",
    "standup.thanks_late": "Merci ! La clôture de « {name} » était passée : vos réponses sont "
    "ajoutées au résumé, marquées en retard.",
    "standup.blocker_noted": "Blocage noté : « {blocker} ». Il sera transmis à la personne "
    "responsable.",
    "standup.skipped": "Passé aujourd'hui : {name}.",
    "standup.nothing_to_skip": "Il n'y a pas de stand-up à passer pour l'instant.",
    "standup.saved_unposted": "Vos réponses à « {name} » sont enregistrées et figureront dans le "
    "résumé, mais Tandem ne peut pas publier dans le canal d'ici pour l'instant.",
    "standup.away.usage": "Indiquez le premier et le dernier jour d'absence, ex. /standup away "
    "2026-12-21 2027-01-02 (ou une seule date).",
    "standup.away.order": "Le dernier jour précède le premier ; rien n'a été enregistré.",
    "standup.away.past": "Ces jours sont déjà passés ; rien n'a été enregistré.",
    "standup.away.too_long": "Cela dépasse {days} jours ; découpez la période, s'il vous plaît.",
    "standup.away.done": "Noté : vous êtes absent du {first} au {last}. Personne ne vous "
    "interrogera ces jours-là.",
    "standup.workdays.usage": "Indiquez vos jours travaillés, ex. /standup workdays lun-jeu.",
    "standup.workdays.done": "Noté : vous travaillez {days} ; vous n'êtes interrogé que ces "
    "jours-là.",
    "standup.post.title": "{who}",
    "standup.post.late_title": "{who} (en retard)",
    "standup.root.title": "Stand-up « {name} », {day}",
    "standup.root.body": "Les réponses arrivent dans ce fil au fur et à mesure ; le résumé suit "
    "à la clôture.",
    "standup.late": "en retard",
    "standup.summary.title": "Résumé de « {name} », {day}",
    "standup.summary.body": "{answered} sur {expected} ont répondu, {blockers} blocage(s).",
    "standup.summary.blockers": "Blocages",
    "standup.summary.silent": "Pas de réponse",
    "standup.summary.skipped": "Passé aujourd'hui",
    "standup.summary.away": "Absents ou non travaillé aujourd'hui",
    "standup.summary.optional": "Ce stand-up est facultatif.",
    "standup.report.title": "Rapport de stand-up, {days} derniers jours",
    "standup.report.body": "Du {first} au {last}.",
    "standup.report.line": "{name} : {answered}/{asked} réponses ({late} en retard, {skipped} "
    "passées)",
    "standup.report.days": "Indiquez un nombre de jours entre 1 et {limit}.",
    "standup.report.none_owned": "Vous n'êtes responsable d'aucun stand-up ; nommez-en un : "
    "/standup report NOM.",
    "standup.history.title": "Vos réponses de stand-up, du {first} au {last}",
    "standup.history.empty": "Vous n'avez donné aucune réponse de stand-up entre le {first} et "
    "le {last}.",
    "standup.history.skipped": "passé",
    "standup.history.usage": "Indiquez les dates au format AAAA-MM-JJ : /standup history "
    "2026-11-01 2026-11-30.",
    "standup.history.too_long": "Un an au plus à la fois, s'il vous plaît.",
    "standup.failed": "Je n'ai pas pu envoyer {what} de « {name} » à {who} ({reason}), même "
    "après plusieurs essais.",
    "standup.failed.prompt": "les questions",
    "standup.failed.reminder": "le rappel",
    "standup.failed.summary": "le résumé",
    "home.standup.none": "Aucun pour l'instant : créez-en un avec /standup setup.",
    "standup.setup.outside_label": "Dans le canal mais pas dans l'annuaire (non ajoutés)",
    "standup.setup.channel_unsupported": "Je ne peux pas lister les membres de ce canal ici : "
    "nommez-les par e-mail (membres: a@x.com, b@x.com).",
}
