"""/guardrail through the real dispatcher and engines, a recording platform, a moving clock.

The shared fixtures' organisation and catalogue. Sam (London) and Hugo (Paris, French)
ask; Nadia (Paris, the CIO) is Accountable for customer data; Thomas (Paris) for landing
pages; Daniel (Berlin) for tech innovation.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest

from tandem.bot.clock import FixedClock
from tandem.bot.settings import Settings
from tandem.bot.types import ConversationRef, HomeOpened, Platform
from tandem.runtime import Runtime
from tandem.storage.records import ApprovalView
from tandem.storage.repositories import approvals, guardrails, tenants
from tests.conftest import import_fixtures
from tests.harness import Chat, chat_runtime
from tests.recording_port import RecordingPort

SAM = "sam.okafor@example.com"  # London, marketing
HUGO = "hugo.bernard@example.com"  # Paris, French, marketing
NADIA = "nadia.roux@example.com"  # Paris, French: CIO, Accountable for customer data
THOMAS = "thomas.girard@example.com"  # Paris, French: Accountable for landing pages
DANIEL = "daniel.weber@example.com"  # Berlin: Accountable for tech innovation
LEA = "lea.petit@example.com"  # Paris: Responsible for landing pages
PRIYA = "priya.nair@example.com"  # London, IT: Security Officer
EXPORT = "/guardrail can I export the leads from the CRM to a spreadsheet?"
EMBED = "/guardrail can I paste a vendor's embed script into the page?"


def at(day: int, hour: int, minute: int = 0, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=UTC)


@dataclass
class Org:
    chat: Chat
    port: RecordingPort
    clock: FixedClock

    @property
    def runtime(self) -> Runtime:
        return self.chat.runtime

    async def tick(self, moment: datetime) -> int:
        """Move the clock and let the guardrail engine send what is due."""
        self.clock.set(at=moment)
        return (await self.runtime.guardrail_engine.run_due()).sent

    async def text(self, email: str, text: str) -> str:
        """What ``email`` reads back, as plain text (the card's fallback)."""
        return (await self.chat.say(email, text)).text

    async def all_reviewed(self) -> None:
        """Every rule just reviewed: no review reminder for months (approval tests)."""
        async with self.runtime.database.session() as session:
            tenant = await tenants.find_tenant(session, key=self.chat.tenant)
            assert tenant is not None
            for rule in await guardrails.list_rules(session, tenant=tenant):
                await guardrails.mark_reviewed(
                    session, tenant=tenant, rule_id=rule.id, on=self.clock.now().date()
                )

    async def request(self, request_id: int) -> ApprovalView:
        async with self.runtime.database.session() as session:
            tenant = await tenants.find_tenant(session, key=self.chat.tenant)
            assert tenant is not None
            found = await approvals.get_request(session, tenant=tenant, request_id=request_id)
        assert found is not None
        return found

    async def request_approval(self, email: str, question: str) -> None:
        await self.all_reviewed()
        answer = await self.chat.say(email, question)
        form = await self.chat.click(email, answer, "Request approval")
        sent = await self.chat.submit(
            email, form, {"what": "Send a page script", "why": "Launch", "how_long": "1 month"}
        )
        assert "sent to" in sent.text or "envoyée à" in sent.text


@pytest.fixture
async def org(settings: Settings, clock: FixedClock) -> AsyncIterator[Org]:
    async with chat_runtime(settings=settings, clock=clock) as runtime:
        tenant = await import_fixtures(runtime.database, "acme")
        port = RecordingPort()
        runtime.ports.add(platform=Platform.LOCAL.value, port=port)
        yield Org(chat=Chat(runtime=runtime, tenant=tenant), port=port, clock=clock)


async def test_each_verdict_names_the_rule_its_topic_and_who_to_ask(org: Org) -> None:
    chat = org.chat
    allowed = await org.text(
        SAM, "/guardrail do I need IT to publish a landing page built from the CMS modules?"
    )
    assert "✅ Allowed: go ahead" in allowed
    assert "Rule: Building a landing page from the module library" in allowed
    assert "Topic: Landing pages and the CMS" in allowed
    assert "Léa Petit (Responsible); Thomas Girard (Accountable)" in allowed
    assert "Why this rule: “publish” (keyword)" in allowed

    conditional = await org.text(SAM, "/guardrail can I put the LinkedIn Insight tag on our site?")
    assert "☑️ Allowed if the conditions hold" in conditional
    assert (
        "Conditions: • Added through the tag manager\n• Vendor declared in the consent banner"
        in (conditional)
    )

    approval = await chat.say(SAM, EXPORT)
    assert "📝 Needs a quick approval" in approval.text
    assert "Exports of contacts with personal data need approval" in approval.text
    assert approval.card is not None and approval.card.form is not None
    assert approval.card.form.open_label == "Request approval"

    forbidden = await org.text(SAM, "/guardrail can we buy an email list for cold emailing?")
    assert "⛔ Not allowed" in forbidden and "Use paid social or partner co-marketing" in forbidden

    french = await org.text(HUGO, "/guardrail puis-je exporter les contacts du CRM vers Excel ?")
    assert "📝 Demande une validation rapide" in french
    assert "Règle: Exporting customer data from the CRM" in french  # as written: no French text


async def test_a_tool_question_is_answered_from_the_catalogue(org: Org) -> None:
    chat = org.chat
    banned = await org.text(SAM, "/guardrail can we use Mailchimp?")
    assert "⛔ Not allowed — Mailchimp" in banned
    assert "Retired in favour of HubSpot" in banned
    limited = await org.text(HUGO, "/guardrail Typeform pour un questionnaire ?")
    assert "approuvé avec une limite" in limited and "anonymous surveys only" in limited
    review = await chat.say(SAM, "/guardrail is Hotjar allowed?")
    assert "Hotjar is under review by IT" in review.text
    assert review.card is not None and review.card.form is not None  # request through IT
    assert "Rule: Signing up for a new SaaS tool" not in review.text
    assert "Topic: New SaaS tools" in review.text
    listed = await org.text(SAM, "/guardrail tools")
    assert "Approved with a limit: • Typeform — Allowed for anonymous surveys only" in listed
    assert "Not allowed: • Mailchimp" in listed


async def test_an_uncovered_question_is_recorded_and_sent_to_it_not_guessed(org: Org) -> None:
    port = org.port
    reply = await org.text(SAM, "/guardrail can I book a meeting room for Thursday?")
    assert "I won't guess" in reply and "recorded your question for IT" in reply
    assert port.messages == []  # no escalation channel set, no topic close enough

    await org.chat.make_admin(NADIA)
    saved = await org.text(NADIA, "/tandem escalation channel #it-escalations")
    assert "#it-escalations" in saved
    asked = await org.text(SAM, "/guardrail can I bring my dog to the office on Friday?")
    assert "I've passed your question to the IT escalation channel" in asked
    (posted,) = port.channel("it-escalations")
    assert "Question n°2 qu'aucune règle ne couvre" in posted.text  # Nadia set it: French
    assert "bring my dog to the office" in posted.text and "Sam Okafor" in posted.text

    listed = await org.text(PRIYA, "/guardrail uncovered")
    assert "2 questions no rule covered" in listed
    assert "“can I book a meeting room for Thursday” — Sam Okafor" in listed
    refused = await org.text(HUGO, "/guardrail noncouvertes")
    assert "pour la DSI" in refused
    closed = await org.text(PRIYA, "/guardrail uncovered done 1")
    assert "1 question marked" in closed
    assert "1 question no rule covered" in await org.text(PRIYA, "/guardrail uncovered")


async def test_approval_requested_approved_and_every_card_updated(org: Org) -> None:
    chat, port = org.chat, org.port
    answer = await chat.say(SAM, EXPORT)
    form = await chat.click(SAM, answer, "Request approval")
    assert form.card is not None and form.card.form is not None
    what = next(i for i in form.card.form.inputs if i.id == "what")
    assert what.initial == "can I export the leads from the CRM to a spreadsheet"  # to edit
    sent = await chat.submit(
        SAM,
        form,
        {"what": "Export 300 webinar leads", "why": "Follow-up calls", "how_long": "2 weeks"},
    )
    assert "Request #1 sent to Nadia Roux" in sent.text

    (card,) = port.dms(NADIA)
    assert "Sam Okafor demande votre validation" in card.text
    assert "Export 300 webinar leads" in card.text and "Follow-up calls" in card.text
    assert card.reply.card is not None
    assert [b.label for b in card.reply.card.buttons] == [
        "Valider",
        "Refuser",
        "Poser une question",
    ]
    (mine,) = port.dms(SAM)
    assert mine.reply.card is not None
    assert [b.label for b in mine.reply.card.buttons] == ["Withdraw"]
    assert "waiting for Nadia Roux" in mine.text

    refused = await chat.click(HUGO, card.reply, "Valider")
    assert "aucune demande" in refused.text  # not his to see
    approved = await chat.click(NADIA, card.reply, "Valider")
    assert "Demande n°1 validée" in approved.text
    assert "✅ Nadia Roux approved your request #1" in port.dms(SAM)[-1].text
    assert card.updates == 1 and mine.updates == 1
    assert "validée par Nadia Roux" in card.text and card.reply.card.buttons == ()
    assert "approved by Nadia Roux" in mine.text
    stored = await org.request(1)
    assert stored.status == "approved" and stored.decided_by == NADIA

    shown = await org.text(SAM, "/guardrail show 1")
    assert "requested by Sam Okafor" in shown and "approved by Nadia Roux" in shown
    listed = await org.text(NADIA, "/guardrail validations")
    assert "Décidées récemment par vous" in listed and "n°1" in listed


async def test_a_denial_needs_a_reason_and_the_requester_reads_it(org: Org) -> None:
    chat, port = org.chat, org.port
    await org.request_approval(SAM, EXPORT)
    (card,) = port.dms(NADIA)
    form = await chat.click(NADIA, card.reply, "Refuser")
    assert form.card is not None and form.card.form is not None
    empty = await chat.submit(NADIA, form, {"reason": "  "})
    assert empty.card is not None and empty.card.form is not None  # asked again
    assert (await org.request(1)).is_pending
    denied = await chat.submit(NADIA, form, {"reason": "Use the aggregated dashboard instead"})
    assert "Demande n°1 refusée" in denied.text
    notice = port.dms(SAM)[-1].text
    assert "⛔ Nadia Roux denied your request #1" in notice
    assert "Use the aggregated dashboard instead" in notice
    assert "Reason: Use the aggregated dashboard instead" in port.dms(SAM)[0].reply.text


async def test_a_question_about_a_request_goes_back_and_forth(org: Org) -> None:
    chat, port = org.chat, org.port
    await org.request_approval(SAM, EXPORT)
    (card,) = port.dms(NADIA)
    form = await chat.click(NADIA, card.reply, "Poser une question")
    sent = await chat.submit(NADIA, form, {"text": "Which fields exactly?"})
    assert "Envoyé à Sam Okafor" in sent.text
    question = port.dms(SAM)[-1]
    assert "Nadia Roux has a question about your request #1: Which fields exactly?" in (
        question.text
    )
    answered = await chat.submit(SAM, question.reply, {"text": "Name and company only"})
    assert "Sent to Nadia Roux" in answered.text
    assert "Name and company only" in port.dms(NADIA)[-1].text
    shown = await org.text(SAM, "/guardrail show 1")
    assert "Nadia Roux asked: Which fields exactly?" in shown
    assert "Sam Okafor answered: Name and company only" in shown


async def test_a_waiting_request_reminds_then_goes_to_the_cio(org: Org) -> None:
    chat, port = org.chat, org.port
    await org.request_approval(SAM, EMBED)  # Monday 09:30 UTC, to Thomas (Paris)
    assert len(port.dms(THOMAS)) == 1
    assert await org.tick(at(24, 9, 29)) == 0
    assert await org.tick(at(24, 9, 30)) == 1  # one of Thomas's working days later
    reminder = port.dms(THOMAS)[-1]
    assert "Rappel, Thomas Girard : cette demande attend votre décision" in reminder.text
    assert await org.tick(at(25, 9, 30)) == 0
    assert port.dms(NADIA) == []
    assert await org.tick(at(26, 9, 30)) == 1  # three working days: to the CIO
    (up,) = port.dms(NADIA)
    assert "attend Thomas Girard depuis 3 jours ouvrés" in up.text
    assert "I've sent it to Nadia Roux as well" in port.dms(SAM)[-1].text
    assert "waiting for Thomas Girard and Nadia Roux" in port.dms(SAM)[0].text  # updated
    assert await org.tick(at(30, 9, 30)) == 0  # nothing more
    approved = await chat.click(NADIA, up.reply, "Valider")
    assert "validée" in approved.text
    assert "validée par Nadia Roux" in port.dms(THOMAS)[0].text  # Thomas's card too


async def test_the_reminder_counts_working_days_over_a_weekend(org: Org) -> None:
    org.clock.set(at=at(27, 15))  # Friday 16:00 in Paris
    await org.request_approval(SAM, EMBED)
    assert await org.tick(at(28, 15)) == 0  # Saturday
    assert await org.tick(at(30, 14, 59)) == 0
    assert await org.tick(at(30, 15)) == 1  # Monday, same time of day


async def test_a_withdrawn_request_tells_the_approver_and_stops_reminders(org: Org) -> None:
    chat, port = org.chat, org.port
    await org.request_approval(SAM, EMBED)
    (mine,) = port.dms(SAM)
    refused = await org.text(THOMAS, "/guardrail withdraw 1")
    assert "Seule la personne qui a fait la demande" in refused
    withdrawn = await chat.click(SAM, mine.reply, "Withdraw")
    assert "Request #1 withdrawn" in withdrawn.text
    assert "Sam Okafor a retiré la demande n°1" in port.dms(THOMAS)[-1].text
    assert "retirée par Sam Okafor" in port.dms(THOMAS)[0].text
    assert await org.tick(at(26, 12)) == 0
    assert (await org.request(1)).status == "withdrawn"


async def test_a_rule_due_for_review_reminds_its_accountable(org: Org) -> None:
    chat, port = org.chat, org.port
    # ai-tools-content: reviewed 2026-09-01 every 90 days, due Monday 30 November;
    # its topic's Accountable is Daniel (Berlin): 09:00 his time is 08:00 UTC.
    await org.tick(at(23, 9, 30))  # the rules overdue already get theirs now
    assert not [m for m in port.dms(DANIEL) if "AI tools" in m.text]
    await org.tick(at(30, 7, 59))
    assert not [m for m in port.dms(DANIEL) if "AI tools" in m.text]
    await org.tick(at(30, 8))
    (review,) = [m for m in port.dms(DANIEL) if "AI tools" in m.text]
    assert "Rule due for review: Using AI tools for marketing content" in review.text
    assert "It was due for review on 30 Nov 2026" in review.text
    refused = await chat.click(SAM, review.reply, "Mark as reviewed")
    assert "Only the topic's Accountable (Daniel Weber)" in refused.text
    done = await chat.click(DANIEL, review.reply, "Mark as reviewed")
    assert "Marked as reviewed today" in done.text and "Next review: 28 Feb 2027" in done.text
    await org.tick(at(7, 8, month=12))
    assert len([m for m in port.dms(DANIEL) if "AI tools" in m.text]) == 1
    rules = await org.text(SAM, "/guardrail rules")
    assert "Using AI tools for marketing content (ai-tools-content)" in rules
    assert "review by 28 Feb 2027" in rules


async def test_an_overdue_rule_is_reminded_once_then_weekly(org: Org) -> None:
    port = org.port
    # form-sensitive-data: reviewed 2026-05-10 every 180 days, due 6 November; Nadia.
    await org.tick(at(23, 9, 30))
    assert len([m for m in port.dms(NADIA) if "sensitive" in m.text]) == 1
    await org.tick(at(24, 9, 30))
    assert len([m for m in port.dms(NADIA) if "sensitive" in m.text]) == 1
    await org.tick(at(27, 9))
    assert len([m for m in port.dms(NADIA) if "sensitive" in m.text]) == 2  # a week after


async def test_a_review_missed_long_ago_waits_for_the_next_one_due_within_a_day(
    org: Org,
) -> None:
    port = org.port
    # form-sensitive-data is reminded on Fridays at 09:00 in Paris (08:00 UTC). Tandem
    # first runs on Thursday 26th: last Friday's reminder was missed, the next one is
    # tomorrow morning, so Nadia gets one reminder, not one now and one tomorrow.
    await org.tick(at(26, 10))
    assert not [m for m in port.dms(NADIA) if "sensitive" in m.text]
    await org.tick(at(27, 8))
    assert len([m for m in port.dms(NADIA) if "sensitive" in m.text]) == 1
    await org.tick(at(27, 12))
    assert len([m for m in port.dms(NADIA) if "sensitive" in m.text]) == 1


async def test_the_home_lists_approvals_waiting_for_me(org: Org) -> None:
    chat = org.chat
    await org.request_approval(SAM, EXPORT)
    home = await chat.runtime.dispatcher.handle(
        HomeOpened(
            user=chat.user(NADIA), conversation=ConversationRef(tenant=chat.tenant, id="home")
        )
    )
    assert "Validations qui vous attendent" in home.text
    assert "n°1 Exporting customer data from the CRM — Sam Okafor" in home.text


async def test_bad_input_gets_a_helpful_reply_and_changes_nothing(org: Org) -> None:
    chat, port = org.chat, org.port
    empty = await org.text(SAM, "/guardrail")
    assert "Ask in plain words" in empty
    long = await org.text(SAM, "/guardrail " + "can I export the leads " * 220)
    assert "That is" in long and "under 1000" in long
    assert await org.text(PRIYA, "/guardrail uncovered") == (
        "No open question: every question so far had a rule."
    )
    stranger = await org.text("someone@elsewhere.example", "/guardrail can I add a pixel?")
    assert "I don't know you in this organisation" in stranger
    missing = await org.text(SAM, "/guardrail show 99")
    assert "I found no request “99”" in missing
    answer = await chat.say(SAM, EXPORT)
    form = await chat.click(SAM, answer, "Request approval")
    incomplete = await chat.submit(SAM, form, {"what": "export", "why": ""})
    assert "Please fill in what and why" in incomplete.text
    assert port.dms(NADIA) == []


async def test_another_tenant_sees_neither_requests_nor_questions(org: Org) -> None:
    await org.request_approval(SAM, EXPORT)
    other = Chat(runtime=org.runtime, tenant=await import_fixtures(org.runtime.database, "beta"))
    assert "I found no request “1”" in (await other.say(SAM, "/guardrail show 1")).text
    listed = (await other.say(NADIA, "/guardrail approvals")).text
    assert "Export" not in listed and "#1" not in listed
    async with org.runtime.database.session() as session:
        beta = await tenants.find_tenant(session, key=other.tenant)
        assert beta is not None
        assert len(await guardrails.list_rules(session, tenant=beta)) == 18


async def test_when_rules_fit_about_equally_the_asker_picks(org: Org) -> None:
    chat = org.chat
    choice = await chat.say(SAM, "/guardrail can I put a video on the landing page?")
    assert "Which of these do you mean?" in choice.text
    assert choice.card is not None
    labels = [b.label for b in choice.card.buttons]
    assert "Page weight and speed budget" in labels
    assert "Building a landing page from the module library" in labels
    picked = await chat.click(SAM, choice, "Page weight and speed budget")
    assert "☑️ Allowed if the conditions hold" in picked.text
    assert "Page weight under 1.5 MB" in picked.text


async def test_a_request_form_sent_twice_asks_once(org: Org) -> None:
    chat, port = org.chat, org.port
    answer = await chat.say(SAM, EXPORT)
    form = await chat.click(SAM, answer, "Request approval")
    filled = {"what": "Export 300 webinar leads", "why": "Follow-up calls"}
    assert "Request #1 sent to Nadia Roux" in (await chat.submit(SAM, form, filled)).text
    again = await chat.submit(SAM, form, filled)
    assert "Request #1 for this is already waiting for Nadia Roux" in again.text
    assert len(port.dms(NADIA)) == 1
    other = await chat.submit(SAM, form, {**filled, "what": "Export 40 partner leads"})
    assert "Request #2 sent to Nadia Roux" in other.text  # another request is another


TIKTOK = "/guardrail Can we install the TikTok conversion snippet on the product pages?"


async def test_none_of_the_offered_rules_sends_the_question_to_the_topics_accountable(
    org: Org,
) -> None:
    chat, port = org.chat, org.port
    choice = await chat.say(SAM, TIKTOK)
    assert choice.card is not None
    assert "None of these: ask IT" in [b.label for b in choice.card.buttons]
    assert port.dms(PRIYA) == []  # offered rules: nobody bothered yet
    routed = await chat.click(SAM, choice, "None of these: ask IT")
    assert "I won't guess" in routed.text and "Priya Nair" in routed.text
    (card,) = port.dms(PRIYA)  # Accountable for tracking and consent
    assert "Question #1 that no rule covers" in card.text
    assert "TikTok conversion snippet" in card.text
    assert "Covered by: Adding a tracking pixel or marketing tag" in card.text


async def test_it_files_a_question_under_a_rule_and_the_next_one_like_it_is_answered(
    org: Org,
) -> None:
    chat, port = org.chat, org.port
    choice = await chat.say(SAM, TIKTOK)
    await chat.click(SAM, choice, "None of these: ask IT")
    (card,) = port.dms(PRIYA)
    assert card.reply.card is not None
    filed = await chat.click(
        PRIYA, card.reply, "Covered by: Adding a tracking pixel or marketing tag"
    )
    assert (
        "Question #1 is now an example of “Adding a tracking pixel or marketing tag”" in filed.text
    )
    assert "Sam Okafor has its answer" in filed.text
    (told,) = port.dms(SAM)
    assert "Priya Nair (IT) says this rule covers your question #1" in told.text
    assert "Allowed if the conditions hold" in told.text

    again = await chat.say(
        HUGO, "/guardrail we'd like to add the TikTok conversion snippet to our product pages"
    )
    assert "Autorisé si les conditions sont remplies" in again.text, again.text
    assert "Proche par le sens de cet exemple : « Can we install the TikTok" in again.text
    assert len(port.dms(PRIYA)) == 1  # answered directly: IT is not asked again
    listed = await org.text(PRIYA, "/guardrail uncovered")
    assert listed == "No open question: every question so far had a rule."


async def test_uncovered_questions_are_grouped_and_filed_by_typing(org: Org) -> None:
    await org.chat.make_admin(NADIA)
    for email, question in (
        (SAM, "/guardrail can I bring my dog to the office on Friday?"),
        (HUGO, "/guardrail can I bring my dog to the office on Fridays?"),
        (SAM, "/guardrail can I book a meeting room for Thursday?"),
    ):
        asked = await org.text(email, question)
        assert "won't guess" in asked or "ne devine pas" in asked
    listed = await org.text(PRIYA, "/guardrail uncovered")
    assert "3 questions no rule covered" in listed
    assert "2 similar questions like “can I bring my dog to the office on Friday” (#1, #2)" in (
        listed
    )
    assert "#3 “can I book a meeting room for Thursday” — Sam Okafor" in listed
    usage = await org.text(PRIYA, "/guardrail uncovered 3")
    assert "/guardrail uncovered QUESTION-ID RULE-ID" in usage
    wrong = await org.text(PRIYA, "/guardrail uncovered 3 no-such-rule")
    assert "no rule “no-such-rule”" in wrong
    refused = await org.text(SAM, "/guardrail uncovered 3 webinar-platform")
    assert "for IT" in refused
    filed = await org.text(PRIYA, "/guardrail uncovered 3 webinar-platform")
    assert "Question #3 is now an example of “Running a webinar or online event”" in filed, filed
    assert "2 questions no rule covered" in await org.text(PRIYA, "/guardrail uncovered")


async def test_it_writes_the_missing_rule_from_the_question(org: Org) -> None:
    chat, port = org.chat, org.port
    await chat.make_admin(NADIA)
    await org.text(NADIA, "/tandem escalation channel #it-escalations")
    asked = await org.text(SAM, "/guardrail can I bring my dog to the office on Friday?")
    assert "I've passed your question to the IT escalation channel" in asked
    (posted,) = port.channel("it-escalations")  # Nadia set it: French
    refused = await chat.click(SAM, posted.reply, "Écrire une règle")
    assert "for IT" in refused.text
    form = await chat.click(PRIYA, posted.reply, "Écrire une règle")
    assert form.card is not None and form.card.form is not None
    fields = {i.id: i.initial for i in form.card.form.inputs}
    assert fields["title"].startswith("can I bring my dog to the office")
    wrong = await chat.submit(
        PRIYA,
        form,
        {"title": "Dogs at the office", "verdict": "maybe", "answer": "No dogs.", "topic": "x"},
    )
    assert "“maybe” is not a verdict" in wrong.text
    assert wrong.card is not None and wrong.card.form is not None
    assert {i.id: i.initial for i in wrong.card.form.inputs}["title"] == "Dogs at the office"
    created = await chat.submit(
        PRIYA,
        wrong,
        {
            "title": "Dogs at the office",
            "verdict": "interdit",
            "answer": "Pets stay at home; guide dogs are always welcome.",
            "topic": "accounts passwords and access",
        },
    )
    assert "“maybe”" not in created.text, created.text
    assert "Rule “Dogs at the office” (dogs-at-the-office) created with question #1" in (
        created.text
    )
    (told,) = port.dms(SAM)
    assert "Priya Nair (IT) says this rule covers your question #1" in told.text
    assert "Pets stay at home" in told.text
    again = await org.text(SAM, "/guardrail may I bring my dog to work on Fridays?")
    assert "⛔ Not allowed" in again and "Pets stay at home" in again
    assert "No open question" in await org.text(PRIYA, "/guardrail uncovered")
