"""Messages en français."""

MESSAGES: dict[str, str] = {
    "list.none": "personne",
    "list.join": "{head} et {last}",
    "colon": "\u202f: ",
    # aide et routage
    "chat.greeting": "Tandem — {name} ({tenant}). Tapez /help, /who-owns noms de domaine, "
    "ou /quit pour quitter.",
    "chat.away.one": "{count} message pendant votre absence :",
    "chat.away.other": "{count} messages pendant votre absence :",
    "chat.file_saved": "(fichier enregistré : {path})",
    "chat.file_not_saved": "(fichier {name} non enregistré : {reason})",
    "chat.updated": "(message {id} mis à jour)",
    "chat.thread": "[{channel} · fil {thread}]",
    "chat.button.none": "Aucun bouton ne porte le numéro [{number}] dans cette conversation : "
    "tapez le numéro entre crochets à côté d'un bouton affiché.",
    "chat.button.changed": "Le bouton [{number}] était sur un message modifié depuis : tapez "
    "un numéro de sa nouvelle version.",
    "chat.form.start": "(Un formulaire : répondez à chaque champ tour à tour ; une ligne vide "
    "garde la valeur entre [crochets]. /annuler le quitte ; une ligne qui commence par / le "
    "quitte et s'exécute comme commande.)",
    "chat.form.lines": "(plusieurs lignes ; une ligne vide termine)",
    "chat.form.again.one": "(Le champ refusé est redemandé ; les autres gardent ce que vous "
    "avez tapé. /annuler quitte le formulaire.)",
    "chat.form.again.other": "(Les {count} champs refusés sont redemandés ; les autres gardent "
    "ce que vous avez tapé. /annuler quitte le formulaire.)",
    "chat.form.needed": "« {field} » est nécessaire : tapez-le, ou /annuler.",
    "chat.form.cancelled": "(annulé : rien n'a été envoyé)",
    "chat.form.left": "(formulaire annulé, rien n'a été envoyé ; j'exécute {command})",
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
    "help.cmd.kpi": "indicateurs partagés : dernières valeurs, cibles et tendances",
    # the Teams app package: its names and descriptions, what to type after a command
    "teams.app.name": "Tandem : rituels du marketing et de la DSI",
    "teams.app.short": "Qui gère quoi, quelles règles s'appliquent, quand se réunir.",
    "teams.app.full": "Tandem met les rituels de la collaboration entre marketing et DSI dans "
    "Teams : qui gère quoi (RACI), réponses des garde-fous avec validations, stand-ups "
    "asynchrones, escalade des blocages et représentants de la DSI invités aux "
    "planifications marketing.",
    "teams.command": "{help} : {usage}",
    "teams.usage.standup": "standup [passer | absent DU AU | setup]",
    "teams.usage.blocker": "blocage TEXTE [#sujet]",
    "teams.usage.planning": "planification nouvelle | liste",
    "teams.usage.kpi": "indicateur [voir INDICATEUR | saisir INDICATEUR VALEUR [DATE]]",
    # each command's name in this language (typed with or without the slash)
    "command.help": "aide",
    "command.who-owns": "qui-gère",
    "command.guardrail": "garde-fou",
    "command.standup": "standup",
    "command.blocker": "blocage",
    "command.planning": "planification",
    "command.tandem": "tandem",
    "command.kpi": "indicateur",
    "help.command_local": "/{command} (ou {local})",
    "help.coming": "bientôt disponible",
    "coming.title": "Pas encore disponible",
    "coming.body": "/{command} arrive dans une prochaine version de Tandem. "
    "En attendant, vous pouvez utiliser /who-owns.",
    "error.internal": "Désolé, un problème est survenu de mon côté et rien n'a été modifié. "
    "Réessayez dans un instant.",
    "error.unavailable": "Je n'arrive pas à joindre ma base de données pour l'instant : "
    "rien n'a été lu ni modifié. Réessayez dans un instant.",
    "error.unknown_action": "Je ne connais pas ce bouton ni ce formulaire (il vient peut-être "
    "d'une ancienne version de Tandem) : rien n'a été modifié.",
    "error.unknown_person": "Je ne vous connais pas encore dans cet espace ({who}). "
    "Demandez à un administrateur d'importer le fichier des personnes.",
    "error.input_control": "Votre message contenait des caractères illisibles ; "
    "je les ai retirés avant de chercher.",
    "form.submit": "Envoyer",
    "form.cancel": "Annuler",
    "teams.no_tenant": "Tandem fonctionne au sein d'une organisation Microsoft 365 ; "
    "cette conversation n'en a pas.",
    "files.declined": "D'accord, {name} n'a pas été enregistré.",
    "files.upload_failed": "Désolé, je n'ai pas pu enregistrer {name} dans votre OneDrive. "
    "Rien d'autre n'a changé.",
    "home.title": "Tandem",
    "home.commands": "Ce que vous pouvez faire",
    "home.standup.next": "« {name} », le {when}",
    "home.standup": "Votre prochain stand-up",
    "home.blockers": "Vos points de blocage ouverts",
    "home.blockers.none": "Aucun.",
    "home.approvals": "Validations qui vous attendent",
    "home.approvals.none": "Aucune.",
    "reply.share": "Partager dans le canal",
    # shared KPIs (/kpi)
    "kpi.unknown_person": "Je ne vous trouve pas dans le fichier des personnes de cet espace, "
    "je ne peux donc pas montrer les indicateurs. Demandez à un admin de l'importer.",
    "kpi.help.title": "/indicateur — les indicateurs dont le marketing et la DSI répondent "
    "ensemble",
    "kpi.help.body": "/indicateur — chaque indicateur avec sa dernière valeur, sa cible et sa "
    "tendance\n"
    "/indicateur voir INDICATEUR — un indicateur : les 30 derniers jours et ses dernières "
    "valeurs\n"
    "/indicateur saisir INDICATEUR VALEUR [DATE] — donner une valeur, par ex. /indicateur "
    "saisir conversion-rate 2,4 ou /indicateur saisir lcp-home 2400 2026-11-20 (un jour dans "
    "votre fuseau horaire, ou hier)\n"
    "Les valeurs sont données par les admins et par les personnes Responsables, Approbatrices "
    "ou Consultées du sujet de l'indicateur. Un admin définit les indicateurs avec tandem "
    "import kpis FICHIER.yaml.",
    "kpi.list.title.one": "{count} indicateur partagé",
    "kpi.list.title.other": "{count} indicateurs partagés",
    "kpi.list.empty": "Aucun indicateur pour l'instant. Un admin les définit avec tandem import "
    "kpis FICHIER.yaml.",
    "kpi.list.footer": "/indicateur voir INDICATEUR pour l'un d'eux, /indicateur saisir "
    "INDICATEUR VALEUR pour donner une valeur.",
    "kpi.list.target": "cible {target}",
    "kpi.no_value": "pas encore de valeur",
    "kpi.trend": "7 jours : {week} · 30 jours : {month}",
    "kpi.trend.none": "—",
    "kpi.status.ok": "✅ cible atteinte",
    "kpi.status.off": "⚠️ cible manquée",
    "kpi.status.alert": "🚨 seuil d'alerte franchi",
    "kpi.standing.ok": "Cible atteinte ({target}).",
    "kpi.standing.off": "Cible manquée ({target}).",
    "kpi.standing.alert": "Seuil d'alerte franchi (la cible est {target}).",
    "kpi.unit.percent": "{value} %",
    "kpi.unit.points": "{value} pt",
    "kpi.unit.ms": "{value} ms",
    "kpi.unit.s": "{value} s",
    "kpi.unit_name.percent": "pourcentage",
    "kpi.unit_name.ms": "millisecondes",
    "kpi.unit_name.s": "secondes",
    "kpi.unit_name.count": "nombre simple",
    "kpi.better.lower": "plus bas, c'est mieux",
    "kpi.better.higher": "plus haut, c'est mieux",
    "kpi.target": "{target} ({better})",
    "kpi.target_alert": "{target} ({better}) ; alerte à {alert}",
    "kpi.latest": "{value} ({when}) {status}",
    "kpi.owner": "{who}, Responsable de {topic}",
    "kpi.no_owner": "personne : aucun sujet RACI « {topic} »",
    "kpi.every.hours.one": "toutes les heures",
    "kpi.every.hours.other": "toutes les {count} heures",
    "kpi.every.days.one": "chaque jour",
    "kpi.every.days.other": "tous les {count} jours",
    "kpi.every.weeks.one": "chaque semaine",
    "kpi.every.weeks.other": "toutes les {count} semaines",
    "kpi.field.latest": "Dernière valeur",
    "kpi.field.target": "Cible",
    "kpi.field.trend": "Tendance",
    "kpi.field.month": "30 derniers jours",
    "kpi.field.owner": "Propriétaire",
    "kpi.field.every": "Une valeur est attendue",
    "kpi.show.usage": "Quel indicateur ? Tapez /indicateur voir INDICATEUR, par ex. /indicateur "
    "voir conversion-rate ; /indicateur les liste.",
    "kpi.show.sparkline": "{line} (de {low} à {high}, une barre par jour)",
    "kpi.show.sparkline_flat": "{line} ({low} chaque jour)",
    "kpi.show.values": "Dernières valeurs :",
    "kpi.show.no_values": "Aucune valeur ces 30 derniers jours.",
    "kpi.show.value": "{when} : {value}, {how} par {who}",
    "kpi.show.footer": "/indicateur saisir {slug} VALEUR [DATE] donne une valeur.",
    "kpi.source.chat": "saisie",
    "kpi.source.import": "importée",
    "kpi.source.api": "envoyée",
    "kpi.source.url": "relevée",
    "kpi.unknown": "Je ne connais aucun indicateur « {query} ».",
    "kpi.suggest": "Vouliez-vous dire {suggestions} ?",
    "kpi.suggest.none": "Tapez /indicateur pour les voir tous.",
    "kpi.set.usage": "Tapez /indicateur saisir INDICATEUR VALEUR [DATE], par ex. /indicateur "
    "saisir conversion-rate 2,4, ou /indicateur saisir lcp-home 2400 2026-11-20 pour un jour "
    "passé.",
    "kpi.set.not_number": "« {value} » n'est pas un nombre : rien n'a été enregistré pour "
    "{name}. Tapez un nombre comme 2,4 (ou 2.4).",
    "kpi.set.other_unit": "« {value} » est en {given}, mais {name} se mesure en {unit} : rien "
    "n'a été enregistré.",
    "kpi.set.bad_date": "Je ne sais pas lire le jour « {date} » : rien n'a été enregistré. "
    "Écrivez-le AAAA-MM-JJ (aujourd'hui, c'est le {today}), ou hier.",
    "kpi.set.future": "Le {day} n'est pas encore arrivé dans votre fuseau horaire : rien n'a "
    "été enregistré. Une valeur se donne pour aujourd'hui ou un jour passé.",
    "kpi.set.refused": "Seuls les admins et les personnes Responsables, Approbatrices ou "
    "Consultées pour {topic} donnent les valeurs de {name}. Rien n'a été enregistré ; "
    "demandez à {owner}.",
    "kpi.set.done": "{name} : {value} enregistré pour le {when}.",
    "kpi.set.converted": "(« {typed} » lu comme {value}.)",
    "kpi.set.replaced": "Cette valeur remplace {old}, donnée par {who} pour le même moment.",
    "kpi.breach.text": "{name} ({slug}) a franchi son seuil d'alerte : {value} (alerte à "
    "{alert}, cible {target}).",
    "kpi.breach.note": "{name} est revenu dans sa cible ({target}) pendant {period} : {value} "
    "maintenant.",
    "kpi.breach.raised": "🚨 Blocage n°{id} signalé : {owner} s'en occupe.",
    "kpi.breach.raised_unowned": "🚨 Blocage n°{id} signalé ; personne ne répond du sujet de "
    "l'indicateur.",
    "kpi.breach.open": "Le blocage n°{id} est déjà ouvert pour lui : aucun nouveau n'a été "
    "signalé.",
    "kpi.breach.resolved": "De retour dans la cible pendant une période entière : le blocage "
    "n°{id} est résolu.",
    "kpi.period.hours.one": "une heure",
    "kpi.period.hours.other": "{count} heures",
    "kpi.period.days.one": "une journée entière",
    "kpi.period.days.other": "{count} jours entiers",
    "kpi.period.weeks.one": "une semaine entière",
    "kpi.period.weeks.other": "{count} semaines entières",
    "kpi.stale": "⏰ {name} ({slug}) n'a pas eu de valeur depuis le {when} ({value}) ; une "
    "valeur est attendue {every}. Donnez-la avec /indicateur saisir {slug} VALEUR.",
    # RACI
    "raci.role.responsible": "Responsable",
    "raci.role.accountable": "Approbateur",
    "raci.role.consulted": "Consulté",
    "raci.role.informed": "Informé",
    "raci.changed": "Dernière modification {when} par {who}.",
    "raci.imported": "Importé {when}.",
    "cards.more": "… et {count} de plus",
    "raci.list.title": "Sujets connus de Tandem ({count})",
    "raci.list.empty": "Aucun sujet pour l'instant. Un administrateur peut importer un "
    "fichier RACI avec `tandem import raci FICHIER`.",
    "raci.list.page": "Sujets {first} à {last} sur {count}. Pour en trouver un autre, tapez "
    "/who-owns et un mot de son nom.",
    "raci.list.next": "Sujets suivants",
    "raci.list.previous": "Sujets précédents",
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
    "raci.set.usage": "Pour modifier une affectation : /who-owns modifier SUJET RÔLE "
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
    "standup.help.cmd.setup": "setup",
    "standup.help.cmd.edit": "modifier NOM",
    "standup.help.cmd.list": "liste",
    "standup.help.cmd.pause": "pause NOM / reprendre NOM",
    "standup.help.cmd.delete": "supprimer NOM",
    "standup.help.cmd.skip": "passer",
    "standup.help.cmd.away": "absent 2026-12-21 2027-01-02",
    "standup.help.cmd.workdays": "jours lun-jeu",
    "standup.help.cmd.report": "rapport [NOM] [JOURS]",
    "standup.help.cmd.history": "historique [DU] [AU]",
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
    # days and values as the stand-up settings are typed back (and read again)
    "days.short": "lun mar mer jeu ven sam dim",
    "days.every": "tous les jours",
    "standup.value.yes": "oui",
    "standup.value.no": "non",
    "standup.value.none": "aucun",
    "standup.field.channel": "Canal des réponses (ex. #marketing)",
    "standup.field.name": "Nom",
    "standup.field.members": "Membres (e-mails ou @mentions)",
    "standup.field.questions": "Questions, une par ligne (vide : hier, aujourd'hui, blocages)",
    "standup.field.blockers": "Question qui recueille les blocages (son numéro, ou aucune)",
    "standup.setup.bad_blockers": "« {value} » n'est pas l'une des questions : donnez le numéro "
    "de celle qui recueille les blocages (1 à {count}), ou aucune.",
    "standup.list.blockers": "Blocages : les réponses à la question {number}, « {question} »",
    "standup.list.no_blockers": "Aucune question ne recueille les blocages (blocages: N en "
    "désigne une).",
    "standup.field.days": "Jours (lun-ven, lun,mer,ven, tous les jours)",
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
    "indiquée, chez eux. Modifiez-le avec /standup modifier {name}.",
    "standup.setup.example": "Exemple : /standup setup Point quotidien; membres: "
    "ana@example.com, sam@example.com; jours: lun-ven; heures: 09:30-12:00; fuseau: "
    "Europe/Paris",
    "standup.setup.bad_segment": "Je ne comprends pas « {segment} ». Utilisez des paires clé: "
    "valeur séparées par « ; ».",
    "standup.setup.bad_days": "« {value} » n'est pas une liste de jours. Utilisez par ex. "
    "lun-ven, lun,mer,ven ou tous les jours.",
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
    "standup.list.line.one": "{days}, {times} ({timezone}) · {count} membre : {members} · "
    "responsable {owner}",
    "standup.list.line.other": "{days}, {times} ({timezone}) · {count} membres : {members} · "
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
    "jusqu'à /standup reprendre.",
    "standup.resumed": "Le stand-up « {name} » reprend.",
    "standup.deleted": "Le stand-up « {name} » est supprimé. Les réponses passées restent dans "
    "/standup historique et les rapports.",
    "standup.not_member": "Vous ne faites partie d'aucun stand-up. Un responsable peut vous "
    "ajouter avec /standup modifier.",
    "standup.pick": "À quel stand-up voulez-vous répondre ?",
    "standup.no_run_today": "Rien à répondre pour « {name} » pour l'instant ; la prochaine "
    "question arrive le {when}.",
    "standup.closed": "La clôture de « {name} » est passée et votre réponse figure dans le "
    "résumé ; elle ne peut plus être modifiée.",
    "standup.gone": "Ce stand-up n'existe plus (supprimé ou modifié). Rien n'a été enregistré ; "
    "tapez /standup liste pour voir ceux en cours.",
    "standup.not_in": "Vous ne faites pas partie de « {name} ».",
    "standup.empty_answer": "Vos réponses sont vides ; rien n'a été enregistré. Répondez à au "
    "moins une question, ou passez aujourd'hui.",
    "standup.prompt.title": "Stand-up « {name} », {day}",
    "standup.prompt.reminder": "Rappel : stand-up « {name} », {day}",
    "standup.prompt.day_off": "Le {day} n'est pas l'un de vos jours de stand-up (jour non "
    "travaillé ou absence) ; vous pouvez répondre quand même, et votre réponse compte pour "
    "le {day}.",
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
    "standup.away.usage": "Indiquez le premier et le dernier jour d'absence, ex. /standup absent "
    "2026-12-21 2027-01-02 (ou une seule date).",
    "standup.away.order": "Le dernier jour précède le premier ; rien n'a été enregistré.",
    "standup.too_long": "Cette réponse fait {length} caractères ; restez sous {limit}. "
    "Rien n'a été enregistré : renvoyez-la, plus courte.",
    "standup.away.past": "Ces jours sont déjà passés ; rien n'a été enregistré.",
    "standup.away.list.title": "Vos absences",
    "standup.away.list.line": "du {first} au {last}",
    "standup.away.list.none": "Vous n'avez aucune absence à venir.",
    "standup.away.list.footer": "Pour en annuler une : /standup absent annuler et l'un de ses "
    "jours.",
    "standup.away.cancel_usage": "Quelle période ? Donnez l'un de ses jours, ex. /standup absent "
    "annuler 2026-12-21 (/standup absent liste montre les vôtres).",
    "standup.away.not_found": "Vous n'avez aucune absence à venir le {day} ; /standup absent "
    "liste montre les vôtres.",
    "standup.away.cancelled": "Annulé : vous n'êtes plus absent du {first} au {last}, et vous "
    "serez de nouveau interrogé ces jours-là.",
    "standup.away.too_long": "Cela dépasse {days} jours ; découpez la période, s'il vous plaît.",
    "standup.away.done": "Noté : vous êtes absent du {first} au {last}. Personne ne vous "
    "interrogera ces jours-là.",
    "standup.workdays.usage": "Indiquez vos jours travaillés, ex. /standup jours lun-jeu.",
    "standup.workdays.done": "Noté : vous travaillez {days} ; vous n'êtes interrogé que ces "
    "jours-là.",
    "standup.post.title": "{who}",
    "standup.post.late_title": "{who} (en retard)",
    "standup.root.title": "Stand-up « {name} », {day}",
    "standup.root.body": "Les réponses arrivent dans ce fil au fur et à mesure ; le résumé suit "
    "à la clôture.",
    "standup.late": "en retard",
    "standup.summary.title": "Résumé de « {name} », {day}",
    "standup.summary.body.one": "{count} sur {expected} a répondu, {blockers}.",
    "standup.summary.body.other": "{count} sur {expected} ont répondu, {blockers}.",
    "standup.summary.blocker_count.one": "{count} blocage",
    "standup.summary.blocker_count.other": "{count} blocages",
    "standup.summary.blockers": "Blocages",
    "standup.summary.silent": "Pas de réponse",
    "standup.summary.skipped": "Passé aujourd'hui",
    "standup.summary.away": "Absents ou non travaillé aujourd'hui",
    "standup.summary.optional": "Ce stand-up est facultatif.",
    "standup.report.title.one": "Rapport de stand-up, dernier jour",
    "standup.report.title.other": "Rapport de stand-up, {count} derniers jours",
    "standup.report.body": "Du {first} au {last}.",
    "standup.report.line": "{name} : {answered}/{asked} réponses ({late} en retard, {skipped} "
    "passées)",
    "standup.report.days": "Indiquez un nombre de jours entre 1 et {limit}.",
    "standup.report.none_owned": "Vous n'êtes responsable d'aucun stand-up ; nommez-en un : "
    "/standup rapport NOM.",
    "standup.history.title": "Vos réponses de stand-up, du {first} au {last}",
    "standup.history.empty": "Vous n'avez donné aucune réponse de stand-up entre le {first} et "
    "le {last}.",
    "standup.history.skipped": "passé",
    "standup.history.usage": "Indiquez les dates au format AAAA-MM-JJ : /standup historique "
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
    # blockers
    "blocker.unknown_person": "Je ne vous trouve pas dans le fichier des personnes de cet "
    "espace : je ne peux pas enregistrer de blocage pour vous. Demandez à un admin de l'importer.",
    "blocker.help.title": "/blocker — signaler et suivre les blocages",
    "blocker.help.body": "/blocker TEXTE [#sujet] — signaler un blocage ; Tandem l'envoie au "
    "Responsable de son sujet\n"
    "/blocker liste [moi|equipe|tout|sujet SLUG] — blocages ouverts\n"
    "/blocker voir ID — un blocage et son historique\n"
    "/blocker accuser ID · /blocker resoudre ID NOTE · /blocker reattribuer ID EMAIL\n"
    "/blocker sujet ID SUJET — orienter un blocage qui n'a pas encore de sujet\n"
    "/blocker digest — la synthèse PM maintenant · /blocker digest lun,jeu 09:00 — quand la "
    "recevoir\n"
    "/blocker pm [ajouter|retirer EMAIL] — qui sont les PM (les admins le changent)\n"
    "/tandem escalade — la politique d'escalade",
    "blocker.empty": "Qu'est-ce qui vous bloque ? Écrivez-le après la commande, par ex. "
    "/blocker en attente de l'enregistrement DNS de printemps.example.com #domain-names",
    "blocker.too_long": "Cela fait {length} caractères ; restez sous {limit}. "
    "Rien n'a été enregistré.",
    "blocker.not_found": "Je ne trouve pas le blocage {id} ici. /blocker liste montre les vôtres.",
    "blocker.closed": "Le blocage n°{id} est déjà {status} ; rien n'a changé.",
    "blocker.unknown_topic": "Il n'y a pas de sujet « {topic} ». /who-owns liste les sujets.",
    "blocker.unknown_assignee": "Je ne trouve pas « {who} » dans le fichier des personnes. "
    "Donnez son e-mail, par ex. ana.silva@example.com.",
    "blocker.already_owner": "{owner} a déjà le blocage n°{id}.",
    "blocker.raised.routed": "Blocage n°{id} enregistré. {owner} s'en occupe ({topic}) ; "
    "je vous tiendrai au courant de chaque changement.",
    "blocker.routed": "Le blocage n°{id} est maintenant chez {owner} ({topic}).",
    "blocker.raised.unowned": "Blocage n°{id} enregistré sur {topic}, mais personne n'en est "
    "Responsable ni Approbateur : les PM le verront dans leur synthèse.",
    "blocker.pick.raised": "Blocage n°{id} enregistré. De quel sujet s'agit-il ? "
    "Je préfère demander plutôt que l'envoyer à la mauvaise personne.",
    "blocker.pick.standup": "Le blocage de votre stand-up « {text} » est enregistré. De quel "
    "sujet s'agit-il ? Je préfère demander plutôt que l'envoyer à la mauvaise personne.",
    "blocker.pick.declined": "{by} indique que votre blocage « {text} » ne le concerne pas. "
    "De quel sujet s'agit-il ?",
    "blocker.pick.closest": "Les sujets les plus proches :",
    "blocker.pick.none": "Aucun sujet ne semble proche.",
    "blocker.pick.some": "Aucun sujet ne semble proche ; en voici quelques-uns :",
    "blocker.pick.unknown": "Aucun sujet ne s'appelle « {topic} ».",
    "blocker.pick.type": "Ou tapez /blocker sujet {id} SUJET (voir /who-owns pour les sujets).",
    "blocker.card.title": "Blocage n°{id} : {text}",
    "blocker.card.footer": "/blocker voir {id} pour son historique",
    "blocker.field.raised_by": "Signalé par",
    "blocker.field.raised_at": "Signalé",
    "blocker.field.topic": "Sujet",
    "blocker.field.owner": "Chez",
    "blocker.field.status": "État",
    "blocker.field.level": "a atteint",
    "blocker.field.note": "Résolution",
    "blocker.field.history": "Historique",
    "blocker.state.open": "ouvert, pas encore pris en charge",
    "blocker.state.acknowledged": "pris en charge",
    "blocker.state.resolved": "résolu",
    "blocker.state.withdrawn": "retiré",
    "blocker.level.0": "son responsable",
    "blocker.level.1": "l'Approbateur",
    "blocker.level.2": "les PM",
    "blocker.nobody": "personne pour l'instant",
    "blocker.no_topic": "pas encore de sujet",
    "blocker.age.hours": "{count} h",
    "blocker.age.days": "{count} j",
    "blocker.button.ack": "Prendre en charge",
    "blocker.button.resolve": "Résoudre",
    "blocker.button.reassign": "Réattribuer",
    "blocker.button.decline": "Pas pour moi",
    "blocker.owner.intro": "{reporter} est bloqué·e. Vous êtes {role} pour {topic}.",
    "blocker.owner.intro_no_role": "{reporter} est bloqué·e sur {topic}.",
    "blocker.owner.intro_kpi": "Un indicateur partagé de {topic} a franchi son seuil "
    "d'alerte (valeur donnée par {by}) : le blocage qu'il a signalé vous revient.",
    "blocker.owner.reassigned": "{by} vous a transmis ce blocage.",
    "blocker.resolve.title": "Résoudre le blocage n°{id}",
    "blocker.resolve.note": "Qu'est-ce qui l'a résolu ? (la personne qui l'a signalé le lira)",
    "blocker.reassign.title": "Réattribuer le blocage n°{id}",
    "blocker.reassign.person": "À qui ? (e-mail)",
    "blocker.acknowledged": "Vous avez pris en charge le blocage n°{id} (« {text} »). "
    "La personne qui l'a signalé est prévenue.",
    "blocker.resolved": "Le blocage n°{id} (« {text} ») est résolu. Merci !",
    "blocker.reassigned": "Le blocage n°{id} est maintenant chez {owner} ; cette personne et "
    "celle qui l'a signalé sont prévenues.",
    "blocker.declined": "C'est noté : le blocage n°{id} retourne à la personne qui l'a signalé "
    "pour choisir le bon sujet.",
    "blocker.refused.acknowledge": "Seuls {owner}, qui a le blocage n°{id}, l'Approbateur de son "
    "sujet, un PM ou un admin peuvent le prendre en charge.",
    "blocker.refused.resolve": "Seuls {reporter} (qui a signalé le blocage n°{id}), {owner} "
    "(qui l'a), l'Approbateur de son sujet, un PM ou un admin peuvent le résoudre.",
    "blocker.refused.reassign": "Seuls {owner}, qui a le blocage n°{id}, l'Approbateur de son "
    "sujet, un PM ou un admin peuvent le réattribuer.",
    "blocker.refused.decline": "Seul·e {owner}, qui a le blocage n°{id}, peut dire qu'il ne le "
    "concerne pas.",
    "blocker.refused.route": "Seuls {reporter}, qui a signalé le blocage n°{id}, un PM ou un "
    "admin peuvent choisir son sujet.",
    "blocker.notice.routed": "Votre blocage n°{id} (« {text} ») est chez {owner} ({topic}).",
    "blocker.notice.unowned": "Votre blocage n°{id} (« {text} ») porte sur {topic}, mais "
    "personne n'en est Responsable : les PM le verront.",
    "blocker.notice.acknowledged": "{by} a pris en charge votre blocage n°{id} (« {text} »).",
    "blocker.notice.resolved": "Le blocage n°{id} (« {text} ») a été résolu par {by} : {note}",
    "blocker.notice.escalated": "Votre blocage n°{id} (« {text} ») n'avance pas : "
    "il est remonté vers {to}.",
    "blocker.escalate.ack.one": "Le blocage n°{id} attend depuis {count} heure ouvrée sans "
    "prise en charge par {owner}. Vous êtes Approbateur pour {topic}.",
    "blocker.escalate.ack.other": "Le blocage n°{id} attend depuis {count} heures ouvrées sans "
    "prise en charge par {owner}. Vous êtes Approbateur pour {topic}.",
    "blocker.escalate.resolve.one": "Le blocage n°{id} n'est toujours pas résolu après {count} "
    "jour ouvré. Il est chez {owner}.",
    "blocker.escalate.resolve.other": "Le blocage n°{id} n'est toujours pas résolu après {count} "
    "jours ouvrés. Il est chez {owner}.",
    "blocker.escalate.reminder": "Rappel : le blocage n°{id} est toujours ouvert. "
    "Il est chez {owner}.",
    "blocker.usage.resolve": "Usage : /blocker resoudre ID ce qui l'a résolu",
    "blocker.usage.reassign": "Usage : /blocker reattribuer ID EMAIL",
    "blocker.usage.topic": "Usage : /blocker sujet ID SUJET",
    "blocker.usage.list": "Usage : /blocker liste [moi|equipe|tout|sujet SLUG]. "
    "Pour signaler un blocage qui commence par ce mot, tapez /blocker signaler TEXTE.",
    "blocker.usage.digest": "Usage : /blocker digest [JOURS] HH:MM, par ex. "
    "/blocker digest lun,jeu 09:00",
    "blocker.usage.pm": "Usage : /blocker pm ajouter EMAIL ou /blocker pm retirer EMAIL",
    "blocker.list.mine": "Blocages ouverts que vous avez signalés ou qui sont chez vous",
    "blocker.list.team": "Blocages ouverts signalés par {team}",
    "blocker.list.all": "Tous les blocages ouverts",
    "blocker.list.topic": "Blocages ouverts sur {topic}",
    "blocker.list.empty": "Aucun.",
    "blocker.list.footer": "/blocker voir ID pour l'un d'eux",
    "blocker.list.line": "n°{id} · {age} · {text} — {owner} · {level}",
    "blocker.event.raised": "{when} : signalé par {who}",
    "blocker.event.routed": "{when} : envoyé à {to}",
    "blocker.event.reassigned": "{when} : {who} l'a transmis à {to}",
    "blocker.event.declined": "{when} : {who} a dit qu'il ne le concernait pas",
    "blocker.event.acknowledged": "{when} : pris en charge par {who}",
    "blocker.event.escalated": "{when} : escaladé",
    "blocker.event.resolved": "{when} : résolu par {who}",
    "blocker.pm.list": "PM : {names}.",
    "blocker.pm.admin_only": "Seul un admin peut changer qui sont les PM.",
    "blocker.pm.added": "{name} est PM désormais : cette personne reçoit la synthèse des "
    "blocages et ceux qui atteignent le dernier niveau.",
    "blocker.pm.removed": "{name} n'est plus PM.",
    "blocker.digest.not_pm": "Seuls les PM reçoivent la synthèse à date fixe ; "
    "/blocker digest l'affiche maintenant.",
    "blocker.digest.scheduled": "Votre synthèse arrive le {days} à {time} ({timezone}).",
    "blocker.digest.title": "Synthèse des blocages : {open}, {resolved} depuis la précédente",
    "blocker.digest.open_count.one": "{count} ouvert",
    "blocker.digest.open_count.other": "{count} ouverts",
    "blocker.digest.resolved_count.one": "{count} résolu",
    "blocker.digest.resolved_count.other": "{count} résolus",
    "blocker.digest.open": "Ouverts, du plus ancien au plus récent",
    "blocker.digest.none_open": "Aucun blocage ouvert.",
    "blocker.digest.by_topic": "Ouverts par sujet",
    "blocker.digest.resolved": "Résolus depuis le {since}",
    "blocker.digest.none_resolved": "Aucun.",
    "blocker.digest.resolved_line": "n°{id} · {text} — {by}, en {took}",
    "blocker.digest.speed": "Délai de résolution (30 derniers jours)",
    "blocker.digest.speed_value.one": "médiane {median} · 90e centile {p90} ({count} résolu)",
    "blocker.digest.speed_value.other": "médiane {median} · 90e centile {p90} ({count} résolus)",
    "blocker.digest.speed_none": "Rien de résolu ces 30 derniers jours.",
    "blocker.digest.recurring": "Sujets qui produisent des blocages à répétition",
    "blocker.digest.recurring_line": "{topic} : {count} en 30 jours",
    "blocker.digest.more": "… et {count} de plus",
    "blocker.digest.footer": "/blocker liste tout pour tous les blocages ouverts",
    "blocker.duration.days": "{days} j {hours} h",
    "blocker.duration.hours": "{hours} h",
    "blocker.duration.minutes": "{minutes} min",
    # escalation policy
    "escalation.title": "Politique d'escalade",
    "escalation.ack": "Pas pris en charge",
    "escalation.ack_value.one": "après {count} heure ouvrée → l'Approbateur du sujet",
    "escalation.ack_value.other": "après {count} heures ouvrées → l'Approbateur du sujet",
    "escalation.resolve": "Pas résolu",
    "escalation.resolve_value.one": "après {count} jour ouvré → les PM et le canal d'escalade",
    "escalation.resolve_value.other": "après {count} jours ouvrés → les PM et le canal d'escalade",
    "escalation.hours": "Heures ouvrées (le fuseau et les jours de chacun)",
    "escalation.channel": "Canal d'escalade",
    "escalation.no_channel": "aucun",
    "escalation.footer": "Un blocage garde la politique en vigueur quand il a été signalé. "
    "Admins : /tandem escalade accuse 4h; resolution 2j; heures 09:00-17:00; canal "
    "#it-escalade",
    "escalation.saved": "Enregistré. Les nouveaux blocages suivent cette politique ; "
    "ceux en cours gardent la leur.",
    "escalation.admin_only": "Seul un admin peut changer la politique d'escalade.",
    "escalation.usage": "Par exemple : /tandem escalade accuse 4h; resolution 2j; "
    "heures 09:00-17:00; canal #it-escalade (ou canal ici, ou canal aucun)",
    "escalation.bad_key": "Je ne connais pas le réglage « {value} ».",
    "escalation.bad_hours": "« {value} » n'est pas un nombre d'heures ouvrées entre 1 et 120.",
    "escalation.bad_days": "« {value} » n'est pas un nombre de jours ouvrés entre 1 et 30.",
    "escalation.bad_day": "« {value} » n'est pas une journée de travail comme 09:00-17:00.",
    "escalation.bad_channel": "Je ne sais pas quel canal est « {value} ». Mentionnez-le "
    "(#canal), ou tapez « canal ici » dans le canal lui-même.",
    # guardrails
    "guardrail.unknown_person": "Je ne vous connais pas encore dans cette organisation : "
    "demandez à un admin de vous ajouter au fichier des personnes.",
    "guardrail.help.title": "Garde-fous : ce que vous pouvez faire sans demander",
    "guardrail.help.body": "Demandez simplement : /guardrail puis-je mettre le tag LinkedIn "
    "sur le site ?\n"
    "/guardrail outils — le catalogue des outils et leur statut\n"
    "/guardrail regles — les règles convenues avec la DSI, et leurs dates de revue\n"
    "/guardrail validations — les demandes à décider et celles que vous avez faites\n"
    "/guardrail voir N — une demande et son historique ; /guardrail retirer N\n"
    "/guardrail approuver N, /guardrail refuser N RAISON — décider une demande qui vous "
    "est adressée\n"
    "/guardrail noncouvertes — les questions sans règle (DSI)\n"
    "/guardrail revue REGLE — marquer une règle comme revue (son responsable A)",
    "guardrail.help.unknown": "Je ne connais pas « {word} » pour /guardrail.",
    "guardrail.vague": "Posez votre question en quelques mots, par ex. « puis-je ajouter un "
    "formulaire de contact à la landing page ? »",
    "guardrail.too_long": "Cela fait {length} caractères ; posez une question en moins de "
    "{limit}, et je vous réponds.",
    "guardrail.verdict.allowed": "✅ Autorisé : allez-y",
    "guardrail.verdict.conditional": "☑️ Autorisé si les conditions sont remplies",
    "guardrail.verdict.approval": "📝 Demande une validation rapide",
    "guardrail.verdict.forbidden": "⛔ Pas autorisé",
    "guardrail.verdict.uncovered": "Aucune règle ne couvre encore ce cas",
    "guardrail.verdict.short.allowed": "autorisé",
    "guardrail.verdict.short.conditional": "sous conditions",
    "guardrail.verdict.short.approval": "validation",
    "guardrail.verdict.short.forbidden": "interdit",
    "guardrail.tool.approved": "{name} est au catalogue : approuvé.",
    "guardrail.tool.limited": "{name} est approuvé avec une limite :",
    "guardrail.tool.under-review": "{name} est en cours d'examen par la DSI : pas encore, sauf "
    "validation.",
    "guardrail.tool.banned": "{name} n'est pas autorisé.",
    "guardrail.tool": "Outil",
    "guardrail.conditions": "Conditions",
    "guardrail.rule": "Règle",
    "guardrail.rule_id": "Identifiant de la règle",
    "guardrail.topic": "Sujet",
    "guardrail.who": "À qui demander",
    "guardrail.ask.responsible": "{names} (Réalise)",
    "guardrail.ask.accountable": "{names} (Approuve)",
    "guardrail.why": "Pourquoi cette règle : {words}",
    "guardrail.why.word": "« {word} » ({source})",
    "guardrail.source.keyword": "mot-clé",
    "guardrail.source.title": "titre",
    "guardrail.source.example": "exemple",
    "guardrail.source.topic": "sujet",
    "guardrail.source.condition": "condition",
    "guardrail.source.answer": "réponse",
    "guardrail.choice.title": "Laquelle de ces règles voulez-vous dire ?",
    "guardrail.choice.body": "Plusieurs règles correspondent à peu près autant à votre "
    "question ; choisissez la bonne et je vous réponds avec elle.",
    "guardrail.uncovered.routed": "Je ne devine pas : aucune règle ni aucun outil du catalogue "
    "ne couvre ce cas. J'ai transmis votre question à {who}, qui vous répondra.",
    "guardrail.uncovered.recorded": "Je ne devine pas : aucune règle ni aucun outil du "
    "catalogue ne couvre ce cas. J'ai noté votre question pour la DSI ; personne n'est encore "
    "désigné pour la recevoir, demandez sur le canal de la DSI si c'est urgent.",
    "guardrail.uncovered.dry": "Aucune règle ni aucun outil du catalogue ne couvre ce cas.",
    "guardrail.it.title": "Question n°{id} qu'aucune règle ne couvre",
    "guardrail.it.footer": "Si une règle la couvre, appuyez dessus (ou tapez /guardrail "
    "noncouvertes {id} ID-RÈGLE) : la personne reçoit sa réponse et la prochaine question "
    "semblable aura sa réponse directement. Sinon, répondez-lui et ajoutez une règle au "
    "fichier des garde-fous.",
    "guardrail.file.button": "Couverte par : {rule}",
    "guardrail.filed.intro": "{who} (DSI) indique que cette règle couvre votre question n° {id} "
    "(« {question} ») :",
    "guardrail.filed.done": "La question n° {id} est désormais un exemple de « {rule} » : "
    "{asker} a reçu sa réponse, et la prochaine question semblable aura sa réponse "
    "directement.",
    "guardrail.filed.self": "La question n° {id} est désormais un exemple de « {rule} » : la "
    "prochaine question semblable aura sa réponse directement.",
    "guardrail.filed.unknown": "Aucune question n° {id}, ou aucune règle « {rule} ». "
    "/guardrail noncouvertes liste les questions, /guardrail regles les règles.",
    "guardrail.filed.usage": "Classer une question sous une règle : /guardrail noncouvertes "
    "ID-QUESTION ID-RÈGLE, par ex. /guardrail noncouvertes 4 new-saas-tool",
    "guardrail.choice.none": "Aucune : demander à la DSI",
    "guardrail.newrule.button": "Écrire une règle",
    "guardrail.newrule.title": "Une nouvelle règle pour la question n° {id}",
    "guardrail.newrule.rule_title": "Titre de la règle",
    "guardrail.newrule.verdict": "Verdict : autorisé, conditionnel, validation ou interdit",
    "guardrail.newrule.verdict_default": "validation",
    "guardrail.newrule.answer": "La réponse que les gens recevront",
    "guardrail.newrule.create": "Créer la règle",
    "guardrail.newrule.done": "Règle « {rule} » ({rule_id}) créée avec la question n° {id} "
    "pour exemple ; la personne a reçu sa réponse. Elle vit dans Tandem jusqu'au prochain "
    "import du fichier des garde-fous : exportez-le (tandem export guardrails) pour la garder.",
    "guardrail.newrule.missing": "Une règle a besoin d'un titre et d'une réponse.",
    "guardrail.newrule.too_long": "Chaque champ doit faire moins de {limit} caractères.",
    "guardrail.newrule.bad_verdict": "« {given} » n'est pas un verdict : écrivez autorisé, "
    "conditionnel, validation ou interdit.",
    "guardrail.newrule.bad_topic": "« {given} » n'est pas un sujet RACI. Sujets : {topics}.",
    "guardrail.reranked": "Choisie parmi les règles les plus proches par le modèle de langage "
    "{model}.",
    "guardrail.choice.title_one": "Est-ce bien de cela qu'il s'agit ?",
    "guardrail.choice.body_one": "Cette règle couvre peut-être votre question, mais je n'en "
    "suis pas assez sûr pour répondre avec elle. Appuyez dessus si c'est la bonne, sinon "
    "demandez à la DSI.",
    "guardrail.meaning.example": "Proche par le sens de cet exemple : « {text} »",
    "guardrail.meaning.title": "Proche par le sens du titre de la règle : « {text} »",
    "guardrail.meaning.answer": "Proche par le sens de la réponse de la règle : « {text} »",
    "guardrail.meaning.keywords": "Proche par le sens des mots-clés de la règle : {text}",
    "guardrail.uncovered.group": "{count} questions semblables à « {text} » ({ids})",
    "guardrail.uncovered.suggest": "  règle la plus proche : {rule} — /guardrail noncouvertes "
    "{id} {rule_id}",
    "guardrail.it.channel": "le canal d'escalade de la DSI",
    "guardrail.asked_by": "Posée par",
    "guardrail.closest": "Règle la plus proche",
    "guardrail.uncovered.refused": "Les questions sans règle sont pour la DSI, les admins et "
    "les responsables (A) des sujets.",
    "guardrail.uncovered.which": "Quelles questions ? par ex. /guardrail noncouvertes fait 3 4",
    "guardrail.uncovered.closed.one": "{count} question marquée comme traitée.",
    "guardrail.uncovered.closed.other": "{count} questions marquées comme traitées.",
    "guardrail.uncovered.none": "Aucune question ouverte : chaque question avait sa règle.",
    "guardrail.uncovered.title.one": "{count} question sans règle",
    "guardrail.uncovered.title.other": "{count} questions sans règle",
    "guardrail.uncovered.line": "n°{id} « {text} » — {who}, {at}",
    "guardrail.uncovered.footer": "Ajoutez les règles manquantes au fichier des garde-fous, puis "
    "/guardrail noncouvertes fait N.",
    "guardrail.form.title": "Demander une validation",
    "guardrail.form.what": "Ce que vous voulez faire",
    "guardrail.form.why": "Pourquoi",
    "guardrail.form.how_long": "Pour combien de temps",
    "guardrail.form.reason": "Pourquoi c'est refusé, et quoi faire à la place",
    "guardrail.form.question": "Votre question au demandeur",
    "guardrail.form.reply": "Votre réponse",
    "guardrail.form.missing": "Remplissez le quoi et le pourquoi : c'est sur cette base que "
    "la validation se décide.",
    "guardrail.form.too_long": "Gardez chaque réponse sous {limit} caractères.",
    "guardrail.button.request": "Demander une validation",
    "guardrail.button.send": "Envoyer la demande",
    "guardrail.button.approve": "Valider",
    "guardrail.button.deny": "Refuser",
    "guardrail.button.ask": "Poser une question",
    "guardrail.button.reply": "Répondre",
    "guardrail.button.withdraw": "Retirer",
    "guardrail.button.reviewed": "Marquer comme revue",
    "guardrail.request.title": "Demande de validation n°{id}",
    "guardrail.request.intro": "{who} demande votre validation.",
    "guardrail.request.already": "La demande n°{id} pour cela attend déjà {who} ; je vous "
    "dirai ici la décision.",
    "guardrail.request.sent": "Demande n°{id} envoyée à {who}. Je vous dirai ici la décision.",
    "guardrail.request.no_approver": "Personne n'est responsable (A) du sujet {topic} dans le "
    "fichier des personnes, donc personne pour valider : demandez à un admin de corriger la "
    "matrice RACI.",
    "guardrail.request.not_found": "Je ne trouve aucune demande « {id} » que vous puissiez voir. "
    "/guardrail validations liste les vôtres.",
    "guardrail.request.closed": "La demande n°{id} n'attend plus : {status}",
    "guardrail.requested_by": "Demandée par",
    "guardrail.requested_at": "Demandée le",
    "guardrail.status": "Statut",
    "guardrail.reason": "Motif",
    "guardrail.history": "Historique",
    "guardrail.status.pending": "en attente de {who}",
    "guardrail.status.approved": "validée par {who}, {at}",
    "guardrail.status.denied": "refusée par {who}, {at}",
    "guardrail.status.withdrawn": "retirée par {who}, {at}",
    "guardrail.deny.title": "Refuser la demande n°{id}",
    "guardrail.ask.title": "Une question sur la demande n°{id}",
    "guardrail.reply.title": "Réponse sur la demande n°{id}",
    "guardrail.event.requested": "{at} : demandée par {who}",
    "guardrail.event.approved": "{at} : validée par {who}",
    "guardrail.event.denied": "{at} : refusée par {who} : {text}",
    "guardrail.event.withdrawn": "{at} : retirée par {who}",
    "guardrail.event.escalated": "{at} : transmise à {who}",
    "guardrail.event.reminded": "{at} : relance envoyée à {who}",
    "guardrail.event.question": "{at} : {who} a demandé : {text}",
    "guardrail.event.reply": "{at} : {who} a répondu : {text}",
    "guardrail.list.line": "n°{id} {rule} — {who} : « {what} » ({status})",
    "guardrail.approvals.title": "Validations",
    "guardrail.approvals.to_decide": "En attente de votre décision",
    "guardrail.approvals.mine": "Vos demandes",
    "guardrail.approvals.decided": "Décidées récemment par vous",
    "guardrail.approvals.nothing": "Aucune.",
    "guardrail.approvals.footer": "/guardrail voir N pour l'historique d'une demande.",
    "guardrail.withdraw.refused": "Seule la personne qui a fait la demande peut la retirer.",
    "guardrail.decide.refused": "Cette demande ne peut être décidée que par {who}.",
    "guardrail.done.approved": "Demande n°{id} validée ; le demandeur est prévenu.",
    "guardrail.done.denied": "Demande n°{id} refusée ; le demandeur sait pourquoi.",
    "guardrail.done.withdrawn": "Demande n°{id} retirée ; la personne qui valide est prévenue.",
    "guardrail.sent_to": "Envoyé à {who}.",
    "guardrail.no_reason": "sans motif",
    "guardrail.notice.approved": "✅ {who} a validé votre demande n°{id} ({rule}).",
    "guardrail.notice.denied": "⛔ {who} a refusé votre demande n°{id} ({rule}) : {reason}",
    "guardrail.notice.withdrawn": "{who} a retiré la demande n°{id} ({rule}) ; plus rien à "
    "décider.",
    "guardrail.notice.question": "{who} a une question sur votre demande n°{id} : {text}",
    "guardrail.notice.reply": "{who} a répondu sur la demande n°{id} : {text}",
    "guardrail.notice.escalated": "Votre demande n°{id} attend depuis 3 jours ouvrés ; je l'ai "
    "aussi envoyée à {who}.",
    "guardrail.escalated.intro": "Cette demande attend {who} depuis {days} jours ouvrés ; vous "
    "pouvez aussi la décider.",
    "guardrail.reminder.intro": "Rappel, {who} : cette demande attend votre décision.",
    "guardrail.review.title": "Règle à revoir : {rule}",
    "guardrail.review.body": "Sa revue était prévue le {due}. Est-elle toujours juste ?",
    "guardrail.review.footer": "Modifiez-la dans le fichier des garde-fous puis importez-le, "
    "ou marquez-la comme revue si elle tient toujours.",
    "guardrail.rule.not_found": "Je ne trouve aucune règle « {id} ». /guardrail regles les liste.",
    "guardrail.reviewed.refused": "Seul le responsable (A) du sujet ({who}) ou un admin peut "
    "marquer cette règle comme revue.",
    "guardrail.reviewed.done": "Marquée comme revue aujourd'hui : {rule}.",
    "guardrail.reviewed.next": "Prochaine revue : {day}.",
    "guardrail.tools.none": "Le catalogue n'a pas encore d'outils.",
    "guardrail.tools.title": "Le catalogue des outils",
    "guardrail.tools.approved": "Approuvés",
    "guardrail.tools.limited": "Approuvés avec une limite",
    "guardrail.tools.under-review": "En cours d'examen",
    "guardrail.tools.banned": "Interdits",
    "guardrail.rules.none": "Pas encore de garde-fous : la DSI les importe avec "
    "tandem import guardrails.",
    "guardrail.rules.title.one": "{count} règle de garde-fou",
    "guardrail.rules.title.other": "{count} règles de garde-fou",
    "guardrail.rules.line": "• {title} ({id}) — {verdict}, {topic}",
    "guardrail.rules.review": "à revoir d'ici le {day}",
    "guardrail.rules.overdue": "⚠️ revue en retard depuis le {day}",
    "guardrail.rules.footer": "Tapez /guardrail suivi de votre question pour avoir la règle "
    "qui la couvre.",
    # planning
    "planning.unknown_person": "Je ne vous connais pas encore dans cet espace : demandez à un "
    "admin d'importer le fichier des personnes.",
    "planning.help.title": "Sessions de planification avec l'IT",
    "planning.help.body": "Planifiez une session marketing et Tandem invite les bonnes personnes "
    "de l'IT :\n"
    '/planning nouvelle — un formulaire, ou en une ligne : /planning new "Planif campagne T1" '
    "2027-01-12 14:00 60min sujets: landing-pages, tracking-consent toutes les 2 semaines\n"
    "/planning liste — les sessions à venir et qui vient de l'IT\n"
    "/planning voir ID — une session, ses réunions et les réponses\n"
    "/planning deplacer ID 2027-01-13 15:00 — déplacer la prochaine réunion (invitations mises "
    "à jour)\n"
    "/planning annuler ID — annuler une session (invitations annulées)\n"
    "/planning accepter ID, /planning refuser ID RAISON, /planning proposer ID PERSONNE — "
    "répondre à votre invitation à la prochaine réunion d'une session\n"
    "/planning pool — le pool de rotation IT ; /planning pool ajouter|retirer PERSONNES (admins)",
    "planning.help.unknown": "Je ne connais pas « {word} » pour /planning.",
    "planning.too_long": "C'est trop long pour une session (plus de {limit} caractères).",
    "planning.new.title": "📅 Nouvelle session de planification",
    "planning.new.body": "L'heure est la vôtre (votre fuseau) ; chaque invité la voit dans le "
    "sien. Les sujets sont ceux du RACI : l'IT Responsable ou Consultée est invitée.",
    "planning.new.example": 'Par exemple : /planning new "Planif campagne T1" 2027-01-12 14:00 '
    "60min sujets: landing-pages, tracking-consent",
    "planning.form.title": "Titre",
    "planning.form.day": "Date (AAAA-MM-JJ)",
    "planning.form.clock": "Heure (HH:MM, votre fuseau)",
    "planning.form.duration": "Durée (ex. 60min, 1h30)",
    "planning.form.topics": "Sujets (séparés par des virgules)",
    "planning.form.repeat": "Répétition (ex. toutes les 2 semaines, 6 fois)",
    "planning.button.new": "Planifier une session",
    "planning.button.create": "Planifier et inviter l'IT",
    "planning.button.accept": "Accepter",
    "planning.button.decline": "Décliner",
    "planning.button.propose": "Proposer quelqu'un d'autre",
    "planning.draft.no_title": 'Donnez un titre à la session, ex. "Planif campagne T1".',
    "planning.draft.title_too_long": "Gardez le titre sous {limit} caractères.",
    "planning.draft.no_date": "Quand ? Ajoutez une date comme 2027-01-12, demain ou mardi.",
    "planning.draft.bad_date": "« {text} » n'est pas une date que je sais lire : utilisez "
    "2027-01-12, 12/01/2027, demain ou un jour de la semaine.",
    "planning.draft.no_time": "À quelle heure ? Ajoutez une heure comme 14:00.",
    "planning.draft.bad_time": "« {text} » n'est pas une heure que je sais lire : utilisez 14:00 "
    "ou 14h30.",
    "planning.draft.bad_duration": "« {text} » n'est pas une durée utilisable : entre 5min et 8h, "
    "ex. 60min ou 1h30.",
    "planning.draft.no_topics": "Quels sujets ? Ajoutez sujets: landing-pages, tracking-consent "
    "(sujets du RACI ; /who-owns les liste).",
    "planning.draft.too_many_topics": "Au plus {limit} sujets par session.",
    "planning.draft.bad_repeat": "Je ne sais pas lire « {text} » comme répétition : essayez "
    "chaque semaine, toutes les 2 semaines, 6 fois.",
    "planning.draft.wrong_weekday": "« {text} » ne tombe pas le même jour de semaine que le "
    "{day} : donnez la date de la première réunion.",
    "planning.draft.bad_count": "Répétez entre 1 et {limit} fois.",
    "planning.draft.past": "{when} est déjà passé : choisissez une heure à venir.",
    "planning.draft.too_far": "{when} est à plus de deux ans : planifiez plus près.",
    "planning.topic.unknown": "Je ne connais aucun sujet RACI « {name} ». /who-owns liste les "
    "sujets.",
    "planning.topic.unknown_near": "Je ne connais aucun sujet RACI « {name} ». Vouliez-vous "
    "dire : {near} ?",
    "planning.created.title": "📅 Planification n°{id} prévue : {title}",
    "planning.show.title": "📅 Planification n°{id} : {title}",
    "planning.show.cancelled": "❌ Planification n°{id} (annulée) : {title}",
    "planning.show.footer": "/planning voir {id} · /planning deplacer {id} DATE HEURE · "
    "/planning annuler {id}",
    "planning.field.when": "Quand",
    "planning.field.duration": "Durée",
    "planning.field.topics": "Sujets",
    "planning.field.repeats": "Répétition",
    "planning.field.organiser": "Organisation",
    "planning.minutes": "{minutes} min",
    "planning.repeat.once": "une fois",
    "planning.repeat.weekly": "chaque semaine",
    "planning.repeat.every": "toutes les {weeks} semaines",
    "planning.repeat.count.one": "{every}, une fois",
    "planning.repeat.count.other": "{every}, {count} fois",
    "planning.state.invited": "invité·e, pas encore de réponse",
    "planning.state.accepted": "a accepté",
    "planning.state.declined": "a décliné",
    "planning.state.replaced": "a proposé quelqu'un d'autre",
    "planning.state.cancelled": "annulée",
    "planning.state.none": "personne de l'IT pour l'instant",
    "planning.mark.invited": "(?)",
    "planning.mark.accepted": "✓",
    "planning.skipped.away": "{who} est absent·e ce jour-là : pas invité·e.",
    "planning.skipped.busy": "{who} est dans une autre session à ce moment : pas invité·e.",
    "planning.uncovered": "⚠️ Personne de l'IT n'a pu être invité pour {topics} : aucun "
    "Responsable ou Consulté disponible et personne de libre dans le pool IT. Un admin le règle "
    "avec /planning pool ajouter PERSONNES.",
    "planning.unreachable": "{who} n'a pas pu être joint·e dans le chat (pas encore de "
    "conversation avec Tandem, ou refus de la plateforme) : invitez-le ou la vous-même.",
    "planning.channel.joined": "Les personnes de l'IT invitées ont été ajoutées à ce canal.",
    "planning.channel.not_joined": "Je n'ai pas pu les ajouter au canal ici : partagez-le avec "
    "elles.",
    "planning.channel.needs_permission": "⚠️ Je n'ai pas pu les ajouter au canal ici : Tandem "
    "n'a pas reçu l'autorisation d'ajouter des personnes aux canaux ({permissions}). Un·e admin "
    "de l'espace de travail doit réinstaller Tandem pour approuver ses nouvelles autorisations ; "
    "en attendant, partagez le canal avec elles.",
    "planning.invite.title.invited": "📅 Vous êtes invité·e : {title}",
    "planning.invite.title.accepted": "✅ {title} : vous avez accepté",
    "planning.invite.title.declined": "🚫 {title} : vous avez décliné",
    "planning.invite.title.replaced": "↪️ {title} : vous avez proposé quelqu'un d'autre",
    "planning.invite.title.cancelled": "❌ Annulée : {title}",
    "planning.reminder.title": "⏰ Rappel : {title}",
    "planning.invite.body": "{organiser} planifie du travail marketing sur {topics} et vous invite "
    "pour apporter le regard de l'IT dès le départ.",
    "planning.invite.via_responsible": "Vous en êtes Responsable dans la matrice RACI.",
    "planning.invite.via_consulted": "Vous êtes Consulté·e sur ce sujet dans la matrice RACI.",
    "planning.invite.via_pool": "C'est votre tour dans le pool de rotation IT.",
    "planning.invite.via_proposed": "Un·e collègue vous a proposé·e à sa place.",
    "planning.invite.your_reason": "Votre raison : {reason}",
    "planning.invite.you_proposed": "Vous avez proposé {who}.",
    "planning.invite.footer": "Le fichier d'agenda accompagne ce message. Planification n°{id}.",
    "planning.agenda.blockers": "Blocages ouverts sur ces sujets",
    "planning.agenda.approvals": "Validations en attente sur ces sujets",
    "planning.agenda.questions": "Questions récentes qu'aucune règle ne couvre",
    "planning.agenda.none": "aucun",
    "planning.invite.none": "Vous n'êtes pas invité·e à la prochaine réunion de n°{id} "
    "« {title} ».",
    "planning.invite.unknown": "Je ne trouve plus cette invitation.",
    "planning.invite.not_yours": "Cette invitation est celle de quelqu'un d'autre.",
    "planning.invite.over": "{title} a été annulée : rien à répondre.",
    "planning.invite.already.accepted": "Vous avez déjà répondu pour {title}.",
    "planning.invite.already.declined": "Vous avez déjà décliné {title}.",
    "planning.invite.already.replaced": "Vous avez déjà proposé quelqu'un d'autre pour {title}.",
    "planning.invite.already.cancelled": "{title} a été annulée : rien à répondre.",
    "planning.form.decline.title": "Décliner l'invitation",
    "planning.form.propose.title": "Proposer quelqu'un d'autre",
    "planning.form.reason": "Pourquoi ne pouvez-vous pas venir ? (l'organisation le verra)",
    "planning.form.reason_missing": "Dites en quelques mots pourquoi, pour l'organisation ; "
    "puis déclinez à nouveau.",
    "planning.form.who": "Qui devrait venir à votre place (email ou @mention)",
    "planning.form.note": "Un mot pour cette personne (facultatif)",
    "planning.form.who_missing": "Nommez quelqu'un (email ou @mention) pour le ou la proposer.",
    "planning.propose.unknown": "Je ne connais pas « {who} » dans cet espace : utilisez son "
    "email professionnel.",
    "planning.propose.yourself": "Proposez quelqu'un d'autre que vous.",
    "planning.propose.present": "{who} est déjà invité·e à cette réunion.",
    "planning.propose.declined": "{who} a déjà décliné cette réunion.",
    "planning.propose.organiser": "{who} l'organise : sa présence est acquise.",
    "planning.propose.away": "{who} est absent·e ce jour-là : proposez quelqu'un d'autre.",
    "planning.propose.busy": "{who} est dans une autre session de planification à ce moment.",
    "planning.propose.unknown_person": "{who} n'est pas dans le fichier des personnes.",
    "planning.propose.done": "C'est fait : {who} est invité·e à {title} à votre place.",
    "planning.told.accepted": "✅ {who} a accepté {title} ({when}).",
    "planning.told.declined": "🚫 {who} a décliné {title} ({when}) : {reason}",
    "planning.told.replaced": "↪️ {who} a proposé {other} pour {title} ({when}) ; {other} est "
    "invité·e.",
    "planning.told.instead": "{who} est invité·e à la place.",
    "planning.list.title": "📅 Sessions de planification à venir",
    "planning.list.line": "n°{id} {title} — {when} — IT : {people}",
    "planning.list.none": "Aucune session de planification à venir. /planning nouvelle en "
    "prévoit une.",
    "planning.ics.description": "Sujets : {topics}\n\nPlanification Tandem n°{id}",
    "planning.id.missing": "Quelle session ? Tapez son numéro après la commande.",
    "planning.id.yours": "Les vôtres à venir :",
    "planning.id.yours_line": "n°{id} « {title} », {when}",
    "planning.id.none_yours": "Vous n'avez aucune session à venir ; /planning liste les montre "
    "toutes.",
    "planning.id.unknown": "Il n'y a pas de session de planification n°{id} ici.",
    "planning.not_organiser": "Seule la personne qui l'organise ({who}) ou un admin peut la "
    "modifier.",
    "planning.already_cancelled": "La planification n°{id} est déjà annulée.",
    "planning.cancelled.done.one": "La planification n°{id} « {title} » est annulée ; {count} "
    "personne invitée a été prévenue, avec une annulation d'agenda.",
    "planning.cancelled.done.other": "La planification n°{id} « {title} » est annulée ; {count} "
    "personnes invitées ont été prévenues, avec une annulation d'agenda.",
    "planning.cancelled.notice": "❌ {title} est annulée. Le fichier d'agenda la retire.",
    "planning.move.usage": "Déplacez la prochaine réunion avec /planning deplacer {id} "
    "2027-01-13 15:00 (votre fuseau).",
    "planning.move.nothing": "La planification n°{id} n'a pas de réunion à venir à déplacer.",
    "planning.moved.done": "{title} est déplacée au {when} ; les personnes invitées ont la "
    "nouvelle heure.",
    "planning.moved.notice": "🕑 {title} est déplacée au {when}. Le fichier d'agenda la met à "
    "jour.",
    "planning.pool.admins": "Seuls les admins règlent le pool de rotation IT.",
    "planning.pool.unknown": "Je ne connais pas {names} dans cet espace : utilisez des emails "
    "professionnels ou des @mentions.",
    "planning.pool.usage": "/planning pool ajouter PERSONNES ou /planning pool retirer PERSONNES "
    "(emails ou @mentions).",
    "planning.pool.empty": "Le pool de rotation IT est vide. Un admin y ajoute des personnes avec "
    "/planning pool ajouter PERSONNES ; elles sont invitées quand aucun Responsable ou Consulté "
    "n'est libre.",
    "planning.pool.members": "Pool de rotation IT : {names}. Chacun son tour quand aucun "
    "Responsable ou Consulté des sujets n'est libre (⚠ hors IT).",
}
