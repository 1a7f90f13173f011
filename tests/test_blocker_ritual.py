"""/blocker through the real dispatcher and engine, a recording platform, a moving clock.

The shared fixtures' organisation: Hugo (Paris, French) and Sam (London) in marketing;
Ana (Lisbon) is Responsible for domain names, Nadia (Paris) Accountable; Inès (Paris)
and Daniel (Berlin) are the PMs (department ``pmo``).
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
from tandem.storage.records import BlockerView
from tandem.storage.repositories import blockers, tenants
from tests.conftest import import_fixtures
from tests.harness import Chat, chat_runtime
from tests.recording_port import Posted, RecordingPort

HUGO = "hugo.bernard@example.com"  # Paris, French, marketing
SAM = "sam.okafor@example.com"  # London, marketing
MAYA = "maya.chen@example.com"  # New York, marketing
ANA = "ana.silva@example.com"  # Lisbon: Responsible for domain names
NADIA = "nadia.roux@example.com"  # Paris, French: Accountable for domain names
OMAR = "omar.haddad@example.com"  # Paris, French: Responsible for customer data
PRIYA = "priya.nair@example.com"  # London: Responsible for new SaaS tools
INES = "ines.lambert@example.com"  # Paris, French: PM
DANIEL = "daniel.weber@example.com"  # Berlin: PM
DNS_BLOCKER = "/blocker waiting for the DNS record of the spring subdomain"


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
        """Move the clock and let the stand-up and blocker engines send what is due; returns
        how many went out (the guardrails' review reminders are tested on their own)."""
        self.clock.set(at=moment)
        sent = 0
        for engine in (self.runtime.standup_engine, self.runtime.blocker_engine):
            sent += (await engine.run_due()).sent
        return sent

    async def stored(self, blocker_id: int) -> BlockerView:
        async with self.runtime.database.session() as session:
            tenant = await tenants.find_tenant(session, key=self.chat.tenant)
            assert tenant is not None
            found = await blockers.get_blocker(session, tenant=tenant, blocker_id=blocker_id)
        assert found is not None
        return found


@pytest.fixture
async def org(settings: Settings, clock: FixedClock) -> AsyncIterator[Org]:
    async with chat_runtime(settings=settings, clock=clock) as runtime:
        tenant = await import_fixtures(runtime.database, "acme")
        port = RecordingPort()
        runtime.ports.add(platform=Platform.LOCAL.value, port=port)
        yield Org(chat=Chat(runtime=runtime, tenant=tenant), port=port, clock=clock)


async def test_a_blocker_is_routed_acknowledged_and_resolved_with_everyone_told(org: Org) -> None:
    chat, port = org.chat, org.port
    raised = await chat.say(HUGO, DNS_BLOCKER)
    assert "Blocage n°1 enregistré. Ana Silva s'en occupe" in raised.text
    assert "Domain names and DNS (domain-names)" in raised.text

    (card,) = port.dms(ANA)
    assert "Hugo Bernard is blocked. You are Responsible for Domain names and DNS" in card.text
    assert "waiting for the DNS record of the spring subdomain" in card.text
    assert card.reply.card is not None
    labels = [b.label for b in card.reply.card.buttons]
    assert labels == ["Acknowledge", "Resolve", "Reassign", "Not mine"]
    assert port.dms(HUGO) == []  # Hugo read it in the reply; nothing more to tell yet

    acknowledged = await chat.click(ANA, card.reply, "Acknowledge")
    assert "You acknowledged blocker #1" in acknowledged.text
    assert "Ana Silva a pris en charge votre blocage n°1" in port.dms(HUGO)[-1].text

    form = await chat.click(ANA, card.reply, "Resolve")
    assert form.card is not None and form.card.form is not None
    resolved = await chat.submit(ANA, form, {"note": "Record added, TTL 300"})
    assert "Blocker #1" in resolved.text and "is resolved" in resolved.text
    assert "résolu par Ana Silva : Record added, TTL 300" in port.dms(HUGO)[-1].text

    stored = await org.stored(1)
    assert stored.status == "resolved" and stored.resolved_by == ANA
    assert stored.resolution == "Record added, TTL 300"
    again = await chat.say(SAM, "/blocker resolve 1 done")
    assert "déjà" not in again.text and "is resolved already" in again.text

    shown = await chat.say(HUGO, "/blocker voir 1")
    assert "signalé par Hugo Bernard" in shown.text
    assert "pris en charge par Ana Silva" in shown.text and "résolu par Ana Silva" in shown.text


async def test_an_unsure_topic_asks_the_reporter_and_never_guesses(org: Org) -> None:
    chat, port = org.chat, org.port
    raised = await chat.say(SAM, "/blocker the microsite needs a DNS entry before launch")
    assert "Which topic is it about?" in raised.text
    assert raised.card is not None
    labels = {b.label for b in raised.card.buttons}
    assert {"Domain names and DNS", "Landing pages and the CMS"} <= labels
    assert port.messages == []  # nobody was sent a guess
    assert (await org.stored(1)).owner_email is None

    picked = await chat.click(SAM, raised, "Domain names and DNS")
    assert "Blocker #1 is now with Ana Silva" in picked.text
    assert "Sam Okafor is blocked" in port.dms(ANA)[-1].text


async def test_a_topic_given_with_a_hash_routes_there(org: Org) -> None:
    chat, port = org.chat, org.port
    raised = await chat.say(SAM, "/blocker the export job fails every night #customer-data")
    assert "Omar Haddad has it (Customer data and CRM (customer-data))" in raised.text
    assert "Sam Okafor est bloqué·e" in port.dms(OMAR)[-1].text


async def test_not_mine_sends_it_back_and_the_next_person_gets_it(org: Org) -> None:
    chat, port = org.chat, org.port
    await chat.say(HUGO, DNS_BLOCKER)
    card = port.dms(ANA)[-1]
    declined = await chat.click(ANA, card.reply, "Not mine")
    assert "goes back to its reporter" in declined.text
    picker = port.dms(HUGO)[-1]
    assert "Ana Silva indique que votre blocage" in picker.text
    stored = await org.stored(1)
    assert stored.owner_email is None and stored.declined_by == (ANA,)

    # Picking the same topic again skips Ana: nobody else is Responsible, so the
    # Accountable has it.
    picked = await chat.click(HUGO, picker.reply, "Domain names and DNS")
    assert "Nadia Roux" in picked.text
    assert "Hugo Bernard est bloqué·e. Vous êtes Approbateur" in port.dms(NADIA)[-1].text


async def test_reassign_by_form_tells_the_new_owner_and_the_reporter(org: Org) -> None:
    chat, port = org.chat, org.port
    await chat.say(HUGO, DNS_BLOCKER)
    card = port.dms(ANA)[-1]
    form = await chat.click(ANA, card.reply, "Reassign")
    unknown = await chat.submit(ANA, form, {"person": "nobody@example.com"})
    assert "can't find “nobody@example.com”" in unknown.text
    done = await chat.submit(ANA, form, {"person": PRIYA})
    assert "Blocker #1 is now with Priya Nair" in done.text
    assert "Ana Silva passed this blocker to you" in port.dms(PRIYA)[-1].text
    assert "est chez Priya Nair" in port.dms(HUGO)[-1].text
    assert (await org.stored(1)).owner_email == PRIYA


async def test_bad_input_gets_clear_replies_and_loses_nothing(org: Org) -> None:
    chat = org.chat
    assert "What is blocking you?" in (await chat.say(SAM, "/blocker raise")).text
    assert "Type it after the command" in (await chat.say(SAM, "/blocker raise   ")).text
    too_long = await chat.say(SAM, "/blocker " + "x" * 2500)
    assert "2500 characters" in too_long.text and "Nothing was recorded" in too_long.text
    assert "can't find blocker 42" in (await chat.say(SAM, "/blocker show 42")).text
    assert "can't find blocker abc" in (await chat.say(SAM, "/blocker resolve abc")).text

    await chat.say(HUGO, DNS_BLOCKER)
    refused = await chat.say(MAYA, "/blocker resolve 1 I think it's fine")
    assert "Only Hugo Bernard (who raised blocker #1), Ana Silva (who has it)" in refused.text
    assert (await org.stored(1)).status == "open"
    not_theirs = await chat.say(SAM, "/blocker reassign 1 " + PRIYA)
    assert "Only Ana Silva" in not_theirs.text
    assert (await org.stored(1)).owner_email == ANA
    assert "Usage: /blocker list" in (await chat.say(SAM, "/blocker list everything")).text


async def test_a_blocker_from_another_tenant_is_not_found(org: Org) -> None:
    other = Chat(runtime=org.runtime, tenant=await import_fixtures(org.runtime.database, "other"))
    await org.chat.say(HUGO, DNS_BLOCKER)
    assert "can't find blocker 1" in (await other.say(SAM, "/blocker show 1")).text
    assert "can't find blocker 1" in (await other.say(ANA, "/blocker resolve 1 mine now")).text
    assert (await org.stored(1)).status == "open"


# -- climbing over time ------------------------------------------------------------------------
#
# Raised on Friday 23 October 2026 at 15:00 UTC (16:00 in Lisbon, summer time). Europe
# leaves summer time on Sunday 25 October. Ana works 09:00-17:00 Lisbon time: one working
# hour on Friday, three on Monday (now UTC+0), so the 4 working hours end on Monday at
# 12:00 UTC, when Nadia (Paris, now UTC+1) is at work: she is told then. Two working days
# after the raise are Tuesday 16:00 Lisbon = 16:00 UTC: the channel is told at once; the
# PMs' day ends at 17:00 Paris / Berlin = 16:00 UTC, so they are told when theirs starts on
# Wednesday, 08:00 UTC. From then the PMs are reminded once per working day.


async def _dns_blocker_on_a_friday(org: Org) -> None:
    org.clock.set(at=at(23, 15, month=10))
    escalation = "/tandem escalation channel #it-escalations"
    assert "Seul un admin" in (await org.chat.say(HUGO, escalation)).text
    await org.chat.make_admin(NADIA)
    saved = await org.chat.say(NADIA, escalation)
    assert "Enregistré" in saved.text and "#it-escalations" in saved.text
    raised = await org.chat.say(HUGO, DNS_BLOCKER)
    assert "Ana Silva s'en occupe" in raised.text


async def test_a_blocker_climbs_at_local_working_times_across_a_weekend_and_dst(org: Org) -> None:
    port = org.port
    await _dns_blocker_on_a_friday(org)
    assert await org.tick(at(23, 16, 59, month=10)) == 0
    assert await org.tick(at(24, 12, month=10)) == 0  # Saturday
    assert await org.tick(at(26, 11, 59, month=10)) == 0
    assert port.dms(NADIA) == []

    assert await org.tick(at(26, 12, month=10)) == 1
    (to_nadia,) = port.dms(NADIA)
    assert "attend depuis 4 heures ouvrées sans prise en charge par Ana Silva" in to_nadia.text
    assert "Vous êtes Approbateur pour Domain names and DNS" in to_nadia.text
    assert to_nadia.reply.card is not None
    assert "Pas pour moi" not in [b.label for b in to_nadia.reply.card.buttons]
    assert "il est remonté vers Nadia Roux" in port.dms(HUGO)[-1].text
    assert (await org.stored(1)).level == 1

    assert await org.tick(at(27, 15, 59, month=10)) == 0
    assert await org.tick(at(27, 16, month=10)) == 1
    (in_channel,) = port.channel("it-escalations")
    # In the language of the admin who set the channel up.
    assert "toujours pas résolu après 2 jours ouvrés. Il est chez Ana Silva" in in_channel.text
    assert "a atteint les PM" in in_channel.text
    assert port.dms(INES) == [] and port.dms(DANIEL) == []
    assert "il est remonté vers les PM" in port.dms(HUGO)[-1].text

    assert await org.tick(at(28, 7, 59, month=10)) == 0
    assert await org.tick(at(28, 8, month=10)) == 2
    assert "toujours pas résolu après 2 jours ouvrés" in port.dms(INES)[0].text
    assert "still not resolved after 2 working days" in port.dms(DANIEL)[0].text
    assert (await org.stored(1)).level == 2

    # Reminders: once per working day, at the start of each one's day, never more.
    assert await org.tick(at(28, 9, month=10)) == 1  # the channel, 09:00 in Lisbon
    assert await org.tick(at(28, 15, month=10)) == 0
    assert await org.tick(at(29, 8, month=10)) == 4  # two reminders, and Thursday's digests
    assert any("Rappel : le blocage n°1 est toujours ouvert" in m.text for m in port.dms(INES))
    assert any("Reminder: blocker #1 is still open" in m.text for m in port.dms(DANIEL))
    assert "Blocker digest: 1 open" in port.dms(DANIEL)[-1].text
    assert await org.tick(at(29, 8, 30, month=10)) == 0
    assert len(port.dms(INES)) == 3 and len(port.dms(NADIA)) == 1

    # Resolved: nothing more, for anyone.
    await org.chat.say(INES, "/blocker resoudre 1 Ana a eu l'accès registrar")
    assert "was resolved by Inès Lambert: Ana a eu l'accès registrar" in port.dms(ANA)[-1].text
    assert "résolu par Inès Lambert" in port.dms(HUGO)[-1].text
    assert await org.tick(at(30, 8, month=10)) == 0
    assert await org.tick(at(2, 7, 59, month=11)) == 0  # the next Monday, before the digests


async def test_a_restart_between_steps_sends_nothing_twice(
    org: Org, settings: Settings, clock: FixedClock
) -> None:
    await _dns_blocker_on_a_friday(org)
    assert await org.tick(at(26, 12, month=10)) == 1
    async with chat_runtime(settings=settings, clock=clock) as restarted:
        port = RecordingPort()
        restarted.ports.add(platform=Platform.LOCAL.value, port=port)
        again = Org(chat=Chat(runtime=restarted, tenant=org.chat.tenant), port=port, clock=clock)
        assert await again.tick(at(26, 12, 1, month=10)) == 0
        assert await again.tick(at(27, 16, month=10)) == 1  # the next step, once
        assert await org.tick(at(27, 16, 1, month=10)) == 0  # the first process agrees
        assert port.channel("it-escalations") and not org.port.channel("it-escalations")


async def test_after_a_long_gap_an_escalation_sends_only_its_current_step(org: Org) -> None:
    """Nothing swept from Friday to Thursday (a replica down, a restart): the Accountable's
    step (Monday), the channel's (Tuesday), the PMs' (Wednesday) and the reminders after them
    have all fallen due. Only the step the blocker is at now goes out, once to each."""
    port = org.port
    await _dns_blocker_on_a_friday(org)
    org.clock.set(at=at(29, 8, month=10))
    tally = await org.runtime.blocker_engine.run_due(catch_up=True)
    # The PM step to the channel, Inès and Daniel; and Thursday's digests, still worth reading.
    assert tally.sent == 5
    assert tally.skipped == 4  # Nadia's step; the channel's and the PMs' reminders
    assert port.dms(NADIA) == []
    (in_channel,) = port.channel("it-escalations")
    assert "toujours pas résolu après 2 jours ouvrés" in in_channel.text
    (to_ines,) = [m for m in port.dms(INES) if "blocage n°1" in m.text]
    assert "toujours pas résolu après 2 jours ouvrés" in to_ines.text
    (to_daniel,) = [m for m in port.dms(DANIEL) if "Blocker #1" in m.text]
    assert "still not resolved after 2 working days" in to_daniel.text
    assert len(_digests(port, INES)) == 1 and len(_digests(port, DANIEL)) == 1
    assert len(port.dms(INES)) == 2 and len(port.dms(DANIEL)) == 2
    assert (await org.stored(1)).level == 2
    told = [m.text for m in port.dms(HUGO) if "remonté" in m.text]  # to the PMs, once
    assert len(told) == 1 and "Nadia" not in told[0]

    # From here the ladder goes on as usual: the next working day's reminders.
    assert await org.tick(at(29, 9, month=10)) == 1  # the channel's, 09:00 in Lisbon
    assert await org.tick(at(30, 8, month=10)) == 2
    assert "Rappel : le blocage n°1 est toujours ouvert" in port.dms(INES)[-1].text
    assert port.dms(NADIA) == []


async def test_acknowledging_stops_the_first_clock_not_the_second(org: Org) -> None:
    await _dns_blocker_on_a_friday(org)
    acknowledged = await org.chat.say(ANA, "/blocker ack 1")
    assert "You acknowledged blocker #1" in acknowledged.text
    assert await org.tick(at(26, 12, month=10)) == 0
    assert org.port.dms(NADIA) == []
    assert await org.tick(at(27, 16, month=10)) == 1
    assert await org.tick(at(28, 8, month=10)) == 2


async def test_the_digest_lists_exactly_what_is_open_and_resolved(org: Org) -> None:
    chat, port = org.chat, org.port
    org.clock.set(at=at(16, 10))
    await chat.say(HUGO, DNS_BLOCKER)  # 1: resolved after 1 day and 2 hours
    await chat.say(SAM, "/blocker the export job fails every night #customer-data")  # 2: open
    await chat.say(SAM, "/blocker the microsite needs a DNS entry before launch")  # 3: no topic
    org.clock.set(at=at(17, 12))
    await chat.say(ANA, "/blocker resolve 1 record added")
    org.clock.set(at=at(20, 10))
    await chat.say(HUGO, "/blocker les leads du salon ne sont pas dans le CRM")  # 4: open

    # Monday 23 November, 09:00 in Paris and Berlin: both PMs get their digest (with the
    # day's reminders of the blockers that reached them last week).
    await org.tick(at(23, 7))  # last week's escalations, never sent: they go out late
    assert await org.tick(at(23, 7, 59)) == 0
    await org.tick(at(23, 8))
    (to_daniel,) = _digests(port, DANIEL)
    assert to_daniel.reply.card is not None
    assert to_daniel.reply.card.title == ("Blocker digest: 3 open, 1 resolved since the last one")
    fields = {f.label: f.value for f in to_daniel.reply.card.fields}
    open_lines = fields["Open, oldest first"].splitlines()
    assert [line.split(" · ")[0] for line in open_lines] == ["#2", "#3", "#4"]
    assert "Omar Haddad" in open_lines[0] and "no topic yet" in open_lines[1]
    assert fields["Open by topic"].startswith("Customer data and CRM (customer-data): 2")
    (resolved_line,) = fields[
        next(k for k in fields if k.startswith("Resolved since"))
    ].splitlines()
    assert resolved_line.startswith("#1 · waiting for the DNS record")
    assert "Ana Silva, in 1 d 2 h" in resolved_line
    assert fields["Time to resolve (last 30 days)"] == (
        "median 1 d 2 h · 90th percentile 1 d 2 h (1 resolved)"
    )
    assert "Synthèse des blocages : 3 ouverts" in _digests(port, INES)[0].text
    assert await org.tick(at(23, 8, 30)) == 0  # once

    # Thursday: nothing resolved since Monday's. Inès moves hers to 10:00.
    await chat.say(INES, "/blocker digest lun,jeu 10:00")
    await org.tick(at(26, 8))
    assert len(_digests(port, DANIEL)) == 2 and len(_digests(port, INES)) == 1
    assert "0 resolved since the last one" in _digests(port, DANIEL)[-1].text
    await org.tick(at(26, 9))
    assert "0 résolu depuis la précédente" in _digests(port, INES)[-1].text

    shown = await chat.say(SAM, "/blocker digest")
    assert "Blocker digest: 3 open" in shown.text
    assert "keep producing" not in shown.text

    # A third customer-data blocker in 30 days: the topic keeps producing them.
    await chat.say(SAM, "/blocker the CRM lost the webinar leads #customer-data")
    shown = await chat.say(SAM, "/blocker digest")
    assert (
        "Topics that keep producing blockers: Customer data and CRM (customer-data): 3 in 30"
        in (shown.text)
    )


def _digests(port: RecordingPort, email: str) -> list[Posted]:
    return [
        m
        for m in port.dms(email)
        if m.reply.card and m.reply.card.title.startswith(("Blocker digest", "Synthèse"))
    ]


async def test_a_failed_step_is_retried_and_not_sent_once_resolved(org: Org) -> None:
    await _dns_blocker_on_a_friday(org)
    org.port.fail = 1
    assert await org.tick(at(26, 12, month=10)) == 0  # the platform failed: retried later
    assert org.port.dms(NADIA) == []
    assert await org.tick(at(26, 12, 1, month=10)) == 1
    assert "sans prise en charge par Ana Silva" in org.port.dms(NADIA)[-1].text

    org.port.fail = 1  # the channel post fails; meanwhile the blocker is resolved
    assert await org.tick(at(27, 16, month=10)) == 0
    await org.chat.say(ANA, "/blocker resolve 1 done")
    assert await org.tick(at(27, 16, 5, month=10)) == 0
    assert org.port.channel("it-escalations") == []


async def test_a_stand_up_blocker_goes_to_the_topics_responsible(org: Org) -> None:
    chat, port = org.chat, org.port
    org.clock.set(at=at(23, 6))
    await org.chat.make_admin(NADIA)
    await chat.say(NADIA, "/tandem escalation ack 2h")
    created = await chat.say(
        SAM,
        f"/standup setup Daily; members: {SAM}; times: 09:30-12:00; timezone: Europe/London; "
        "channel: marketing-it",
    )
    assert "is set up" in created.text
    await org.tick(at(23, 9, 30))
    assert "Stand-up “Daily”" in port.dms(SAM)[-1].text
    for text in ("Brief", "Landing page"):
        await chat.say(SAM, text)
    done = await chat.say(SAM, "The CRM export misses the leads from the fair")
    assert "Blocker noted" in done.text
    card = port.dms(OMAR)[-1]
    assert "Sam Okafor est bloqué·e. Vous êtes Responsable pour Customer data and CRM" in card.text
    assert "is with Omar Haddad (Customer data and CRM (customer-data))" in port.dms(SAM)[-1].text
    stored = await org.stored(1)
    assert (stored.source, stored.owner_email, stored.topic_slug) == (
        "standup",
        OMAR,
        "customer-data",
    )
    assert stored.policy["ack_hours"] == 2  # the tenant's policy when it was raised

    # Editing the answer keeps the same blocker with the same owner: nobody is told twice.
    await chat.say(SAM, "/standup")
    assert len(port.dms(OMAR)) == 1

    # Sam's home lists it.
    home = await org.runtime.dispatcher.handle(
        HomeOpened(user=chat.user(SAM), conversation=ConversationRef(tenant=chat.tenant, id="h"))
    )
    assert "Your open blockers" in home.text and "#1 · " in home.text


async def test_a_blocker_keeps_the_policy_in_force_when_it_was_raised(org: Org) -> None:
    await _dns_blocker_on_a_friday(org)  # ack within 4 working hours
    changed = await org.chat.say(NADIA, "/tandem escalation ack 1h; resolve 5d")
    assert "après 1 heure ouvrée" in changed.text and "après 5 jours ouvrés" in changed.text
    await org.chat.say(SAM, "/blocker no DNS for the new microsite subdomain #domain-names")
    # The new blocker: 1 of Ana's working hours (Friday 16:00-17:00 Lisbon), then Nadia's
    # next working hour, Monday 09:00 in Paris.
    await org.tick(at(23, 16, month=10))
    await org.tick(at(26, 7, 59, month=10))
    assert org.port.dms(NADIA) == []
    await org.tick(at(26, 8, month=10))
    (second,) = org.port.dms(NADIA)
    assert "Le blocage n°2 attend depuis 1 heure ouvrée" in second.text
    # The first one still waits its 4 hours, to Monday 12:00 UTC.
    await org.tick(at(26, 11, 59, month=10))
    assert len(org.port.dms(NADIA)) == 1
    await org.tick(at(26, 12, month=10))
    assert "Le blocage n°1 attend depuis 4 heures ouvrées" in org.port.dms(NADIA)[-1].text
    bad = await org.chat.say(NADIA, "/tandem escalation ack soon")
    assert "« soon » n'est pas un nombre d'heures ouvrées" in bad.text
    shown = await org.chat.say(SAM, "/tandem escalation")
    assert "after 1 working hour →" in shown.text and "after 5 working days" in shown.text


async def test_lists_by_scope_show_exactly_their_blockers(org: Org) -> None:
    chat = org.chat
    await chat.say(HUGO, DNS_BLOCKER)  # 1: marketing, domain-names
    await chat.say(PRIYA, "/blocker the export job fails every night #customer-data")  # 2: IT

    def ids(text: str) -> list[str]:
        return [line.split(" · ")[0] for line in text.splitlines() if line.startswith("#")]

    assert ids((await chat.say(SAM, "/blocker list team")).text) == ["#1"]
    assert ids((await chat.say(SAM, "/blocker list all")).text) == ["#1", "#2"]
    assert ids((await chat.say(SAM, "/blocker list topic customer-data")).text) == ["#2"]
    assert ids((await chat.say(ANA, "/blocker list")).text) == ["#1"]  # she has it
    assert (
        "There is no topic “dns-stuff”"
        in (await chat.say(SAM, "/blocker list topic dns-stuff")).text
    )
    assert "None." in (await chat.say(SAM, "/blocker list")).text
