"""A blocker's topic as its reporter names it, or as nobody does; and what someone a blocker
is passed to reads about their part in it."""

from __future__ import annotations

from tests.test_blocker_ritual import ANA, DNS_BLOCKER, HUGO, PRIYA, SAM, Org, org

__all__ = ["org"]  # the fixture, shared with the blocker ritual's own tests

DANIEL = "daniel.weber@example.com"  # Berlin: Informed on domain names


async def test_a_hash_naming_no_topic_says_so_and_asks(org: Org) -> None:
    chat, port = org.chat, org.port
    raised = await chat.say(SAM, "/blocker the spring subdomain has no DNS record #launch-crew")
    assert "No topic is called “launch-crew”." in raised.text
    assert "Which topic is it about?" in raised.text
    assert raised.card is not None
    assert "Domain names and DNS" in [b.label for b in raised.card.buttons]
    assert port.messages == []  # not routed to a guess from the text
    assert (await org.stored(1)).owner_email is None
    assert (await org.stored(1)).text == "the spring subdomain has no DNS record"
    picked = await chat.click(SAM, raised, "Domain names and DNS")
    assert "Blocker #1 is now with Ana Silva" in picked.text


async def test_with_no_topic_close_some_are_offered_to_press(org: Org) -> None:
    chat = org.chat
    raised = await chat.say(SAM, "/blocker zzyzx qwv")
    assert "No topic seems close; here are some of them:" in raised.text
    assert raised.card is not None and len(raised.card.buttons) == 5
    picked = await chat.click(SAM, raised, raised.card.buttons[0].label)
    assert "Blocker #1 is now with" in picked.text
    french = await chat.say(HUGO, "/blocker zzyzx qwv")
    assert "Aucun sujet ne semble proche ; en voici quelques-uns :" in french.text


async def test_whoever_a_blocker_is_passed_to_reads_their_true_part(org: Org) -> None:
    chat, port = org.chat, org.port
    await chat.say(HUGO, DNS_BLOCKER)
    form = await chat.click(ANA, port.dms(ANA)[-1].reply, "Reassign")
    await chat.submit(ANA, form, {"person": DANIEL})
    daniel = port.dms(DANIEL)[-1].text
    assert "You are Informed for Domain names and DNS" in daniel
    assert "Responsible" not in daniel
    form = await chat.click(DANIEL, port.dms(DANIEL)[-1].reply, "Reassign")
    await chat.submit(DANIEL, form, {"person": PRIYA})  # no part in domain names at all
    priya = port.dms(PRIYA)[-1].text
    assert "Hugo Bernard is blocked on Domain names and DNS" in priya
    assert "You are" not in priya
