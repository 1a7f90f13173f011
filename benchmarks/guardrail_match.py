"""How fast a guardrail question is answered among 500 rules (run by hand, prints figures).

    .venv/bin/python benchmarks/guardrail_match.py [--rules 500] [--repeat 20]

Builds one catalogue: the 18 rules and 10 tools of the shared fixtures
(``guardrails.yaml``, topics from ``raci.csv``), then synthetic rules up to
``--rules`` and 90 synthetic tools (seeded, so every run sees the same data). The
synthetic rules are spread over 40 topics and made of a few hundred English and
French words of marketing and IT (actions, deliverables, audiences, data
qualifiers, advice), each topic leaning on its own share of them, so that the
vocabulary and the posting lists are sized like a real catalogue's, not 500
copies of the same words. Some rules carry a French translation, conditional ones
their conditions.

Questions (a few hundred, each asked ``--repeat`` times, after a first pass that
warms the stem cache as a running process has it):

* the fixture rules' examples, reworded by hand, in English and French;
* questions built from synthetic rules in other words than the rule's examples;
* questions naming a catalogue tool (fixture or synthetic);
* questions no rule covers (office life, HR, IT support).

With a model (``--model builtin``, the default; ``none`` for words only) it also prints
the model's load time, the time to embed the 500 rules, the resident memory the model
and the rules' vectors add, and the time to embed one question (done in a thread,
before ``decide``, which then only compares vectors). Targets: model load < 2 s, memory
added < 120 MiB.

Times ``decide`` (tool detection, matching, the verdict) against a baseline
measured in the same run: folding and splitting the question, which any matcher
does first. Prints the index build time (cold and rebuilt), the index's size
(stems, posting lists, memory by tracemalloc), p50/p99/max per question overall
and by kind of question, questions per second, the ratios to the baseline, and the
process's peak RSS. The target: p99 under 5 ms per question on 500 rules (printed,
never asserted).
"""

from __future__ import annotations

import argparse
import csv
import random
import resource
import statistics
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tandem.bot.text import fold
from tandem.meaning.choose import embedder_for
from tandem.rituals.guardrails.catalogue import build_index
from tandem.rituals.guardrails.matcher import GuardrailIndex
from tandem.rituals.guardrails.outcome import UNCOVERED, decide
from tandem.storage.orgfiles.guardrails import (
    SENSITIVITIES,
    TOOL_STATUSES,
    VERDICTS,
    parse_guardrails,
)
from tandem.storage.records import RuleRecord, RuleText, ToolRecord, TopicRecord

FIXTURES = Path(__file__).resolve().parents[2] / "shared" / "fixtures"
TARGET_P99_US = 5_000.0
TOPICS = 40
SYNTHETIC_TOOLS = 90
SYNTHETIC_QUESTIONS = 240

# (English, French) pairs: what people do, what they do it to, for whom or when.
ACTIONS = (
    ("export", "exporter"),
    ("import", "importer"),
    ("publish", "publier"),
    ("share", "partager"),
    ("send", "envoyer"),
    ("buy", "acheter"),
    ("install", "installer"),
    ("connect", "connecter"),
    ("embed", "integrer"),
    ("track", "suivre"),
    ("archive", "archiver"),
    ("delete", "supprimer"),
    ("translate", "traduire"),
    ("schedule", "planifier"),
    ("record", "enregistrer"),
    ("broadcast", "diffuser"),
    ("print", "imprimer"),
    ("host", "heberger"),
    ("rename", "renommer"),
    ("migrate", "migrer"),
    ("synchronise", "synchroniser"),
    ("upload", "televerser"),
    ("download", "telecharger"),
    ("automate", "automatiser"),
    ("redirect", "rediriger"),
    ("retarget", "recibler"),
    ("segment", "segmenter"),
    ("enrich", "enrichir"),
    ("merge", "fusionner"),
    ("duplicate", "dupliquer"),
    ("measure", "mesurer"),
    ("renew", "renouveler"),
    ("cancel", "resilier"),
    ("outsource", "externaliser"),
    ("anonymise", "anonymiser"),
    ("encrypt", "chiffrer"),
    ("back up", "sauvegarder"),
    ("monitor", "surveiller"),
    ("customise", "personnaliser"),
    ("resell", "revendre"),
    ("sponsor", "sponsoriser"),
    ("preview", "previsualiser"),
)
OBJECTS = (
    ("newsletter", "lettre d'information"),
    ("banner ad", "banniere publicitaire"),
    ("brochure", "plaquette"),
    ("flyer", "prospectus"),
    ("product video", "video produit"),
    ("podcast episode", "episode de podcast"),
    ("satisfaction survey", "enquete de satisfaction"),
    ("quiz", "quiz"),
    ("chatbot", "agent conversationnel"),
    ("browser extension", "extension de navigateur"),
    ("mobile app", "application mobile"),
    ("qr code", "code qr"),
    ("short link", "lien raccourci"),
    ("discount voucher", "bon de reduction"),
    ("loyalty programme", "programme de fidelite"),
    ("prize draw", "jeu concours"),
    ("press release", "communique de presse"),
    ("case study", "etude de cas"),
    ("white paper", "livre blanc"),
    ("ebook", "livre numerique"),
    ("infographic", "infographie"),
    ("logo", "logo"),
    ("typeface", "police de caracteres"),
    ("slide template", "gabarit de presentation"),
    ("mockup", "maquette"),
    ("photo shoot", "seance photo"),
    ("stock photos", "banque d'images"),
    ("illustrations", "illustrations"),
    ("subtitles", "sous-titres"),
    ("transcript", "transcription"),
    ("mailing list", "liste de diffusion"),
    ("prospect file", "fichier de prospects"),
    ("customer records", "fiches clients"),
    ("audience segment", "segment d'audience"),
    ("buyer persona", "persona acheteur"),
    ("api key", "cle d'api"),
    ("webhook", "webhook"),
    ("shared calendar", "agenda partage"),
    ("purchase order", "bon de commande"),
    ("media budget", "budget media"),
    ("software licence", "licence logicielle"),
    ("supplier contract", "contrat fournisseur"),
    ("non-disclosure agreement", "accord de confidentialite"),
    ("sitemap", "plan du site"),
    ("meta description", "balise meta"),
    ("backlinks", "liens entrants"),
    ("search ads", "annonces de recherche"),
    ("sponsored post", "publication sponsorisee"),
    ("influencer partnership", "partenariat influenceur"),
    ("hashtag", "mot-diese"),
    ("instagram story", "story instagram"),
    ("livestream", "diffusion en direct"),
    ("exhibition booth", "stand d'exposition"),
    ("visitor badges", "badges visiteurs"),
    ("promotional goodies", "objets publicitaires"),
    ("product samples", "echantillons"),
    ("price list", "grille tarifaire"),
    ("product sheet", "fiche produit"),
    ("sms campaign", "campagne sms"),
    ("push notification", "notification push"),
    ("popup", "fenetre surgissante"),
    ("heatmap", "carte de chaleur"),
    ("session replay", "rejeu de session"),
    ("utm parameters", "parametres utm"),
    ("conversion goal", "objectif de conversion"),
    ("attribution model", "modele d'attribution"),
    ("lookalike audience", "audience similaire"),
    ("customer reviews", "avis clients"),
    ("testimonial", "temoignage"),
    ("referral programme", "programme de parrainage"),
    ("partner portal", "portail partenaire"),
    ("intranet page", "page intranet"),
    ("email signature", "signature email"),
    ("job advert", "offre d'emploi"),
    ("annual report", "rapport annuel"),
    ("translation memory", "memoire de traduction"),
    ("voice assistant skill", "application vocale"),
    ("digital coupon", "coupon numerique"),
    ("customer community forum", "forum communautaire"),
    ("online shop", "boutique en ligne"),
)
CONTEXTS = (
    ("for the spring launch", "pour le lancement de printemps"),
    ("for the trade fair", "pour le salon professionnel"),
    ("with the creative agency", "avec l'agence creative"),
    ("with a freelance designer", "avec un graphiste independant"),
    ("for the german subsidiary", "pour la filiale allemande"),
    ("for our distributors", "pour nos distributeurs"),
    ("for resellers", "pour les revendeurs"),
    ("for journalists", "pour les journalistes"),
    ("for investors", "pour les investisseurs"),
    ("for recruitment", "pour le recrutement"),
    ("for the customer summit", "pour la convention clients"),
    ("for the sales team", "pour l'equipe commerciale"),
    ("for the support desk", "pour le service client"),
    ("for black friday", "pour le black friday"),
    ("for the christmas season", "pour les fetes de fin d'annee"),
    ("for the summer sales", "pour les soldes d'ete"),
    ("for the belgian market", "pour le marche belge"),
    ("for the canadian market", "pour le marche canadien"),
    ("for students", "pour les etudiants"),
    ("for hospitals", "pour les hopitaux"),
    ("for banks", "pour les banques"),
    ("for the public sector", "pour le secteur public"),
    ("for small businesses", "pour les petites entreprises"),
    ("for the board meeting", "pour le conseil d'administration"),
    ("for the partner programme", "pour le programme partenaires"),
    ("for the rebranding", "pour le changement d'identite"),
    ("for the product recall", "pour le rappel produit"),
    ("for the charity run", "pour la course solidaire"),
    ("for the hackathon", "pour le hackathon"),
    ("for the user conference", "pour la conference utilisateurs"),
)
QUALIFIERS = (
    ("with personal data", "avec des donnees personnelles"),
    ("hosted outside the eu", "heberge hors de l'ue"),
    ("marked confidential", "classe confidentiel"),
    ("on a free plan", "en offre gratuite"),
    ("paid by credit card", "paye par carte bancaire"),
    ("for a few weeks only", "pour quelques semaines"),
    ("visible to the public", "visible du public"),
    ("kept anonymous", "reste anonyme"),
    ("fully automated", "entierement automatise"),
    ("run by a third party", "gere par un tiers"),
    ("aimed at minors", "destine aux mineurs"),
    ("containing health information", "contenant des informations de sante"),
    ("under embargo", "sous embargo"),
    ("in several languages", "en plusieurs langues"),
)
ADVICE_EN = (
    "Check with the data protection officer first.",
    "Keep the files on the shared drive and delete them after twelve months.",
    "Use the company account, never a personal one.",
    "Send the vendor's security questionnaire to IT before signing.",
    "Legal must review the wording of the consent text.",
    "Brand guidelines apply: logo, colours and typeface.",
    "Book it through the purchasing portal with a purchase order.",
    "The web platform team deploys it during the weekly release window.",
    "Add the vendor to the register of processors.",
    "Tell the network team two weeks ahead for large audiences.",
    "Accessibility checks are required before publication.",
    "Only opted-in contacts may receive it.",
    "Store credentials in the password vault, not in spreadsheets.",
    "Measure it in the shared analytics workspace.",
    "Ask procurement for the framework contract instead.",
    "Copyright of images and music must be cleared in writing.",
    "Retention is limited to the duration of the campaign.",
    "Translations go through the approved localisation supplier.",
    "Customer names need the customer's written agreement.",
    "Finance must approve anything above the delegated budget.",
)
ADVICE_FR = (
    "Verifiez d'abord avec le delegue a la protection des donnees.",
    "Gardez les fichiers sur le drive partage et supprimez-les apres douze mois.",
    "Utilisez le compte de l'entreprise, jamais un compte personnel.",
    "Le juridique relit le texte de consentement.",
    "La charte graphique s'applique : logo, couleurs et typographie.",
    "Passez par le portail achats avec un bon de commande.",
    "L'equipe plateforme web le deploie lors de la mise en production hebdomadaire.",
    "Seuls les contacts ayant donne leur accord peuvent le recevoir.",
    "Les droits des images et des musiques doivent etre acquis par ecrit.",
    "La finance valide tout ce qui depasse le budget delegue.",
)
CONDITIONS = (
    ("Vendor listed in the register of processors", "Prestataire inscrit au registre"),
    ("Data stays in the EU", "Donnees hebergees dans l'UE"),
    ("Consent collected beforehand", "Consentement recueilli au prealable"),
    ("Reviewed by legal", "Relu par le juridique"),
    ("Brand guidelines respected", "Charte graphique respectee"),
    ("Budget owner informed", "Responsable budgetaire informe"),
    ("Accessibility checked", "Accessibilite verifiee"),
    ("Single sign-on enabled", "Authentification unique activee"),
    ("No customer data involved", "Aucune donnee client"),
    ("Retention under twelve months", "Conservation inferieure a douze mois"),
    ("Security questionnaire answered", "Questionnaire de securite rempli"),
    ("Two-factor authentication on", "Double authentification activee"),
)
TOPIC_AREAS = (
    ("print-merch", "Print and merchandise", "print;impression;goodies;merchandising"),
    ("social-publishing", "Social media publishing", "social media;reseaux sociaux;posts"),
    ("paid-media", "Paid media and ads", "ads;publicite;media buying;achat media"),
    ("seo", "Search engine optimisation", "seo;referencement;search"),
    ("video-production", "Video production", "video;tournage;montage"),
    ("events-fairs", "Trade fairs and field events", "salons;trade shows;stands"),
    ("press-relations", "Press relations", "press;presse;relations presse"),
    ("brand-identity", "Brand identity", "brand;marque;charte graphique"),
    ("content-writing", "Content and copywriting", "content;contenu;redaction"),
    ("localisation", "Translation and localisation", "translation;traduction;l10n"),
    ("partner-marketing", "Partner and channel marketing", "partners;partenaires;channel"),
    ("loyalty", "Loyalty and referral", "loyalty;fidelite;parrainage"),
    ("promotions", "Promotions and prize draws", "promotions;jeux concours;coupons"),
    ("mobile-apps", "Mobile apps", "apps;applications;mobile"),
    ("messaging", "SMS and push messaging", "sms;push;notifications"),
    ("web-analytics", "Web analytics", "analytics;mesure d'audience;statistiques"),
    ("experimentation", "Experiments and personalisation", "personalisation;experiments"),
    ("community", "Online community", "community;communaute;forum"),
    ("ecommerce", "Online shop", "e-commerce;boutique;shop"),
    ("reviews", "Customer reviews and testimonials", "reviews;avis;temoignages"),
    ("employer-brand", "Employer brand", "recruitment;recrutement;marque employeur"),
    ("investor-comms", "Investor communication", "investors;investisseurs;finance"),
    ("intranet", "Intranet and internal comms", "intranet;communication interne"),
    ("procurement", "Marketing purchasing", "purchasing;achats;procurement"),
    ("contracts", "Contracts and NDAs", "contracts;contrats;nda"),
    ("budget", "Marketing budget", "budget;depenses;spend"),
    ("licences", "Software licences", "licences;licenses;logiciels"),
    ("integrations", "Integrations and APIs", "api;integrations;connecteurs"),
    ("automation", "Workflow automation", "automation;automatisation;workflows"),
    ("data-quality", "Data quality and enrichment", "data quality;enrichissement"),
    ("segmentation", "Audience segmentation", "segments;audiences;ciblage"),
    ("retention", "Data retention and archiving", "retention;archivage;conservation"),
    ("security-review", "Vendor security review", "security;securite;vendor review"),
    ("accessibility", "Accessibility", "accessibility;accessibilite;a11y"),
    ("photography", "Photography and image rights", "photos;droits a l'image;images"),
    ("podcasts", "Podcasts and audio", "podcast;audio;son"),
    ("chatbots", "Chatbots and assistants", "chatbot;assistant;bots"),
    ("sales-enablement", "Sales enablement", "sales;ventes;argumentaires"),
    ("public-sector", "Public sector marketing", "public sector;marches publics"),
    ("sponsorship", "Sponsorship", "sponsoring;parrainage sportif;sponsorship"),
)
TOOL_PREFIXES = (  # words, split where used
    "Bright Nimbus Orbit Pixel Quill Relay Signal Tandem Vivid Waypoint Zenith Amber Beacon "
    "Cobalt Delta Ember Fable Glint Harbor Iris Juniper Kite Lumen Maple Nova Onyx Prism"
)
TOOL_PRODUCTS = (
    "Forms Mail Sign Board Survey Chat Stream Sheets Ads Social Analytics Drive Notes Pages Shop"
)
REWORDED = (  # the fixture rules' examples, said otherwise
    "Is it ok to put a contact form on the campaign landing page?",
    "Je voudrais un formulaire de contact sur la page de la campagne",
    "The sign-up form should ask for date of birth and home address, can we?",
    "Peut-on demander l'adresse et des infos de sante dans le formulaire ?",
    "We'd like to try a new SaaS tool for planning the campaign, free trial only",
    "On peut s'abonner a un outil en ligne pour gerer les projets ?",
    "What should we use for a customer webinar with 600 attendees?",
    "Quel outil pour diffuser notre webinaire en direct ?",
    "Can we add the Meta pixel to the website?",
    "On veut mettre le tag LinkedIn Insight sur le site, c'est ok ?",
    "Can I register a new domain name for the autumn campaign?",
    "Je peux acheter un domaine pour le salon de mars ?",
    "Could we have a subdomain pointing to the new landing page?",
    "On voudrait un sous-domaine qui redirige vers la page de printemps",
    "Can I pull the leads out of the CRM into a spreadsheet?",
    "Je dois extraire la liste des contacts du CRM en csv",
    "The agency asks for our customer email list, can I send it to them?",
    "Peut-on transferer le fichier clients a notre agence partenaire ?",
    "How do we send the monthly newsletter to customers?",
    "Comment faire une campagne emailing vers nos prospects ?",
    "Are we allowed to buy a contact list for cold emails?",
    "On peut louer un fichier de prospects pour de l'emailing ?",
    "Do I need IT approval to publish a landing page in the CMS?",
    "Faut-il l'accord de la DSI pour publier une nouvelle page ?",
    "Can I paste a vendor's javascript embed into our page?",
    "Je peux ajouter un iframe avec du code HTML perso sur la page ?",
    "What is the maximum weight for the homepage hero video?",
    "Y a-t-il une limite de poids pour les images du site ?",
    "Can I use generative AI to draft our blog articles?",
    "On peut utiliser une IA generative pour creer les visuels ?",
    "Can I give our freelancer the Instagram account password?",
    "Comment donner acces au compte LinkedIn de la marque a l'agence ?",
    "Can we run an A/B test on the pricing page?",
    "On veut tester deux variantes de la page produit",
    "How do I add a new KPI to the shared dashboard?",
    "Comment ajouter un indicateur dans le tableau de bord commun ?",
)
UNRELATED = (  # what no rule covers
    "Where is the coffee machine on the third floor?",
    "Can I get a second monitor for working from home?",
    "Who do I ask for a new laptop charger?",
    "When are the yearly bonuses paid this year?",
    "How many days of annual leave can I carry over?",
    "Is the car park closed during the holidays?",
    "Can my dog come to the office on Fridays?",
    "Who organises the team lunch next Thursday?",
    "My keyboard stopped working, what now?",
    "How do I book a meeting room for tomorrow morning?",
    "Where do I send my train ticket for reimbursement?",
    "Can I change my desk to be near the window?",
    "What time does the canteen close?",
    "How do I reset my voicemail PIN?",
    "Is there a shower in the building for cyclists?",
    "Ou se trouve la salle de sport ?",
    "Quand sont versees les primes cette annee ?",
    "Comment poser un jour de teletravail supplementaire ?",
    "Qui s'occupe des tickets restaurant ?",
    "La climatisation du deuxieme etage est en panne",
    "Comment reserver une place de parking pour un visiteur ?",
    "Ou est-ce que je depose mes notes de frais ?",
    "Peut-on apporter un gateau pour un anniversaire ?",
    "Mon badge d'entree ne marche plus",
    "Qui contacter pour la mutuelle ?",
)
OFF_TOPIC = (  # words of office life no rule is about, split where used
    "parking locker canteen payslip mutuelle elevator heating radiator umbrella bicycle "
    "shower toner stapler chair desk lamp headset charger keyboard mouse vacation overtime "
    "bonus pension relocation birthday cake pizza coffee tea fridge microwave dishwasher "
    "recycling bin drill evacuation nurse gym yoga"
)
UNRELATED_TEMPLATES = (
    "where is the {0} near the {1}?",
    "who fixes the {0} when the {1} breaks?",
    "can I have a new {0} and a {1}?",
    "le {0} et le {1} sont en panne, qui appeler ?",
)


@dataclass(frozen=True, slots=True)
class Question:
    """A question of the workload and what kind it is."""

    text: str
    kind: str


def fixtures(folder: Path) -> tuple[dict[str, TopicRecord], list[ToolRecord], list[RuleRecord]]:
    """The topics of ``raci.csv`` and the tools and rules of ``guardrails.yaml``."""
    with (folder / "raci.csv").open(encoding="utf-8") as raci:
        topics = {
            row["topic"]: TopicRecord(
                slug=row["topic"],
                title=row["title"],
                aliases=tuple(a.strip() for a in row["aliases"].split(";") if a.strip()),
                description=row["description"],
            )
            for row in csv.DictReader(raci)
        }
    tools, rules = parse_guardrails(
        text=(folder / "guardrails.yaml").read_text("utf-8"), known_topics=set(topics)
    )
    return topics, tools, rules


@dataclass(frozen=True, slots=True)
class Area:
    """A synthetic topic and the words its rules lean on (indexes into the word pools)."""

    topic: TopicRecord
    actions: tuple[int, ...]
    objects: tuple[int, ...]
    contexts: tuple[int, ...]


def areas(rng: random.Random) -> list[Area]:
    """The 40 synthetic topics, each with its own, overlapping, share of the vocabulary."""
    found = []
    for slug, title, aliases in TOPIC_AREAS[:TOPICS]:
        objects = rng.sample(range(len(OBJECTS)), 8)
        found.append(
            Area(
                topic=TopicRecord(
                    slug=slug,
                    title=title,
                    aliases=tuple(aliases.split(";")),
                    description=f"{title}: {', '.join(OBJECTS[i][0] for i in objects[:4])}.",
                ),
                actions=tuple(rng.sample(range(len(ACTIONS)), 9)),
                objects=tuple(objects),
                contexts=tuple(rng.sample(range(len(CONTEXTS)), 6)),
            )
        )
    return found


@dataclass(frozen=True, slots=True)
class Theme:
    """The words a synthetic rule is about, as (English, French) pairs."""

    action: tuple[str, str]
    thing: tuple[str, str]
    context: tuple[str, str]
    qualifier: tuple[str, str]


FALLBACK = Theme(ACTIONS[0], OBJECTS[0], CONTEXTS[0], QUALIFIERS[0])  # when no rule is synthetic


def _pick(rng: random.Random, options: Sequence[int], pool: Sequence[tuple[str, str]]) -> int:
    """Mostly the area's own words, now and then any word of the pool."""
    return rng.choice(options) if rng.random() < 0.85 else rng.randrange(len(pool))


def synthetic_rules(
    rng: random.Random, count: int, found_areas: list[Area]
) -> tuple[list[RuleRecord], list[Theme]]:
    """``count`` rules spread over the areas, and the theme of each."""
    rules: list[RuleRecord] = []
    themes: list[Theme] = []
    seen: set[tuple[int, int, int]] = set()
    retries = 0
    while len(rules) < count:
        number = len(rules)
        area = found_areas[number % len(found_areas)]
        picked = (
            _pick(rng, area.actions, ACTIONS),
            _pick(rng, area.objects, OBJECTS),
            _pick(rng, area.contexts, CONTEXTS),
        )
        if picked in seen and retries < 100:  # the same three words twice: draw again
            retries += 1
            continue
        seen.add(picked)
        retries = 0
        theme = Theme(
            action=ACTIONS[picked[0]],
            thing=OBJECTS[picked[1]],
            context=CONTEXTS[picked[2]],
            qualifier=rng.choice(QUALIFIERS),
        )
        verdict = rng.choices(VERDICTS, weights=(30, 30, 25, 15))[0]
        (act, act_fr), (thing, thing_fr) = theme.action, theme.thing
        (context, context_fr), (qualifier, qualifier_fr) = theme.context, theme.qualifier
        lead = {
            "allowed": "Go ahead and",
            "conditional": "You may",
            "approval": "Ask the topic's accountable before you",
            "forbidden": "Do not",
        }[verdict]
        lead_fr = {
            "allowed": "Vous pouvez",
            "conditional": "Vous pouvez, sous conditions,",
            "approval": "Demandez l'accord du responsable avant de",
            "forbidden": "Il est interdit de",
        }[verdict]
        conditions = rng.sample(CONDITIONS, rng.randint(2, 3)) if verdict == "conditional" else []
        translations: dict[str, RuleText] = {}
        if rng.random() < 0.5:
            translations["fr"] = RuleText(
                title=f"{act_fr.capitalize()} {thing_fr} {context_fr}",
                answer=f"{lead_fr} {act_fr} {thing_fr} {qualifier_fr}. "
                + " ".join(rng.sample(ADVICE_FR, 2)),
                conditions=tuple(fr for _, fr in conditions),
            )
        keywords = [thing, thing_fr, act, act_fr]
        if rng.random() < 0.4:
            keywords.append(qualifier.split()[-1])
        rules.append(
            RuleRecord(
                id=f"{area.topic.slug}-{number}",
                title=f"{act.capitalize()} {thing} {context}",
                topic=area.topic.slug,
                sensitivity=rng.choice(SENSITIVITIES),
                verdict=verdict,
                answer=f"{lead} {act} the {thing} {qualifier}. "
                + " ".join(rng.sample(ADVICE_EN, rng.randint(2, 3))),
                conditions=tuple(en for en, _ in conditions),
                examples=(
                    f"Can I {act} the {thing} {context}?",
                    f"Est-ce qu'on peut {act_fr} {thing_fr} {context_fr} ?",
                ),
                keywords=tuple(dict.fromkeys(keywords)),
                review_every_days=rng.choice((None, 180, 365)),
            )
        )
        themes.append(theme)
    return rules, themes


def synthetic_tools(rng: random.Random) -> list[ToolRecord]:
    """90 catalogue entries with plausible product names and one alias each."""
    names = sorted({f"{p} {s}" for p in TOOL_PREFIXES.split() for s in TOOL_PRODUCTS.split()})
    return [
        ToolRecord(
            name=name,
            status=rng.choice(TOOL_STATUSES),
            aliases=(name.lower().replace(" ", ""),),
            note=f"{name.split()[1]} tool.",
        )
        for name in rng.sample(names, SYNTHETIC_TOOLS)
    ]


def questions(rng: random.Random, themes: list[Theme], tools: list[ToolRecord]) -> list[Question]:
    """The workload: reworded fixture examples, synthetic, tool and uncovered questions."""
    found = [Question(text, "fixture, reworded") for text in REWORDED]
    templates = (
        "Are we allowed to {act} our {thing} {context}?",
        "quick question: {act} a {thing} {qualifier}, ok?",
        "Who approves when we {act} the {thing}?",
        "We need to {act} {thing} {context}, is that fine",
        "{thing} {context}: can the team {act} it?",
        "On voudrait {act_fr} {thing_fr} {context_fr}, c'est possible ?",
        "Est-il autorise de {act_fr} {thing_fr} {qualifier_fr} ?",
    )
    for _ in range(SYNTHETIC_QUESTIONS):
        theme = rng.choice(themes)
        found.append(
            Question(
                rng.choice(templates).format(
                    act=theme.action[0],
                    thing=theme.thing[0],
                    context=theme.context[0],
                    qualifier=theme.qualifier[0],
                    act_fr=theme.action[1],
                    thing_fr=theme.thing[1],
                    context_fr=theme.context[1],
                    qualifier_fr=theme.qualifier[1],
                ),
                "synthetic rule",
            )
        )
    tool_templates = (
        "Can we use {tool} for the {thing}?",
        "Is {tool} ok to {act} the {thing} {context}?",
        "Est-ce qu'on peut utiliser {tool} pour {thing_fr} ?",
        "{tool} {context}, allowed?",
    )
    for _ in range(60):
        tool = rng.choice(tools)
        theme = rng.choice(themes)
        found.append(
            Question(
                rng.choice(tool_templates).format(
                    tool=rng.choice((tool.name, *tool.aliases)),
                    act=theme.action[0],
                    thing=theme.thing[0],
                    thing_fr=theme.thing[1],
                    context=theme.context[0],
                ),
                "names a tool",
            )
        )
    found.extend(Question(text, "uncovered") for text in UNRELATED)
    for _ in range(25):
        found.append(
            Question(
                rng.choice(UNRELATED_TEMPLATES).format(*rng.sample(OFF_TOPIC.split(), 2)),
                "uncovered",
            )
        )
    return found


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def time_each(function: Callable[[str], object], texts: Sequence[str]) -> list[float]:
    """Microseconds per call, one sample per text."""
    samples = []
    for text in texts:
        start = time.perf_counter_ns()
        function(text)
        samples.append((time.perf_counter_ns() - start) / 1_000)
    return samples


def line(name: str, samples: Sequence[float], baseline: Sequence[float] | None = None) -> str:
    p50, p99 = statistics.median(samples), percentile(samples, 0.99)
    text = f"{name:<34} p50 {p50:8.1f} µs   p99 {p99:8.1f} µs   max {max(samples):8.1f} µs"
    if baseline is not None:
        b50, b99 = statistics.median(baseline), percentile(baseline, 0.99)
        text += f"   ×{p50 / b50:5.0f} p50  ×{p99 / b99:5.0f} p99 (vs baseline)"
    return text


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rules", type=int, default=500, help="rules in all, fixtures included")
    parser.add_argument("--repeat", type=int, default=20, help="times each question is asked")
    parser.add_argument("--fixtures", type=Path, default=FIXTURES)
    parser.add_argument(
        "--model",
        default="builtin",
        help="the meaning model as TANDEM_MEANING_MODEL names it (none: words only)",
    )
    args = parser.parse_args()
    rng = random.Random(42)
    topics, tools, rules = fixtures(args.fixtures)
    found_areas = areas(rng)
    topics.update({area.topic.slug: area.topic for area in found_areas})
    extra, themes = synthetic_rules(rng, max(0, args.rules - len(rules)), found_areas)
    rules += extra
    tools += synthetic_tools(rng)
    workload = questions(rng, themes or [FALLBACK], tools)
    texts = [q.text for q in workload]
    print(
        f"Tandem guardrail matching benchmark: {len(rules)} rules ({len(rules) - len(extra)} "
        f"from the fixtures), {len(tools)} tools, {len(topics)} topics, "
        f"{len(workload)} questions × {args.repeat}"
    )

    started = time.perf_counter()
    GuardrailIndex(rules=rules, tools=tools, topics=topics)
    cold = time.perf_counter() - started
    rebuilds = []
    for _ in range(3):
        started = time.perf_counter()
        GuardrailIndex(rules=rules, tools=tools, topics=topics)
        rebuilds.append(time.perf_counter() - started)
    tracemalloc.start()
    index = GuardrailIndex(rules=rules, tools=tools, topics=topics)
    retained, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    postings = [len(p) for p in index._weights.values()]  # the index's posting lists
    print(
        f"index build: {cold * 1000:.1f} ms cold (new process, stems computed), "
        f"{statistics.median(rebuilds) * 1000:.1f} ms rebuilt (stems remembered)"
    )
    print(
        f"index size: {len(postings):,} stems, posting lists p50 {statistics.median(postings):.0f} "
        f"/ p99 {percentile(postings, 0.99)} / max {max(postings)} rules, "
        f"{sum(postings):,} entries"
    )
    print(
        f"index memory (tracemalloc): {retained / 1_048_576:.1f} MiB retained, "
        f"{peak / 1_048_576:.1f} MiB peak while building (stem cache, shared, not counted)"
    )

    embedder = embedder_for(args.model)
    meanings: dict[str, Any] = {}
    if embedder is not None:
        rss_before = _rss_mib()
        started = time.perf_counter()
        embedder.queries(["warm the model up"])
        loaded = time.perf_counter() - started
        started = time.perf_counter()
        index = build_index(rules=rules, tools=tools, topics=topics, embedder=embedder)
        embedded = time.perf_counter() - started
        added = _rss_mib() - rss_before
        print(
            f"model {embedder.name}: loaded and first question embedded in {loaded * 1000:.0f} ms "
            f"(target < 2000 ms); rules embedded in {embedded:.1f} s (built once per "
            f"catalogue revision, in a thread); resident memory added by the model and the "
            f"rules' vectors: {added:.0f} MiB (target < 120 MiB)"
        )
        each = time_each(lambda q: meanings.setdefault(q, embedder.queries([q])[0]), texts)
        print(line("embedding a question (in a thread)", each))

    def baseline(question: str) -> object:
        return fold(question).split()

    def answer(question: str) -> object:
        return decide(index=index, question=question, meaning=meanings.get(question))

    first = time_each(answer, texts)  # first sight: the stems of new words are computed
    base: list[float] = []
    samples: list[float] = []
    for _ in range(args.repeat):
        base += time_each(baseline, texts)
        samples += time_each(answer, texts)
    print(line("baseline: fold(question).split()", base))
    print(line("decide, first sight of each", first))
    print(line("decide", samples, base))
    for kind in dict.fromkeys(q.kind for q in workload):
        mine = [s for n, s in enumerate(samples) if workload[n % len(workload)].kind == kind]
        print(line(f"  {kind}", mine))
    print(f"questions per second: {len(samples) / (sum(samples) / 1e6):,.0f} (decide, one core)")
    outcomes: Counter[tuple[str, str]] = Counter()
    for question in workload:
        outcome = decide(index=index, question=question.text, meaning=meanings.get(question.text))
        said = (
            "choice"
            if outcome.alternatives
            else "uncovered"
            if outcome.verdict == UNCOVERED
            else "answered"
        )
        outcomes[question.kind, said] += 1
    for kind in dict.fromkeys(q.kind for q in workload):
        counts = ", ".join(
            f"{outcomes[kind, said]} {said}" for said in ("answered", "choice", "uncovered")
        )
        print(f"outcomes, {kind}: {counts}")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process peak RSS: {rss:.0f} MiB")
    p99 = percentile(samples, 0.99)
    verdict = "met" if p99 < TARGET_P99_US else "NOT met"
    print(
        f"target p99 < {TARGET_P99_US / 1000:.0f} ms per question on 500 rules, the question "
        f"embedded beforehand: {verdict} ({p99 / 1000:.2f} ms with {len(rules)} rules)"
    )


def _rss_mib() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for row in status:
            if row.startswith("VmRSS:"):
                return int(row.split()[1]) / 1024
    return 0.0


if __name__ == "__main__":
    main()
