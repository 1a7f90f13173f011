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

from tandem.app import Runtime
from tandem.bot.clock import FixedClock
from tandem.bot.settings import Settings
from tandem.bot.types import Platform
from tandem.storage.records import BlockerView
from tandem.storage.repositories import blockers, tenants
from tests.conftest import import_fixtures
from tests.harness import Chat, chat_runtime
from tests.recording_port import RecordingPort

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
        """Move the clock and let the engines send what is due; returns how many went out."""
        self.clock.set(at=moment)
        sent = 0
        for engine in self.runtime.engines:
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
