"""Every card button has a typed equivalent: refusing a request, proposing someone else."""

from __future__ import annotations

from tests.test_guardrail_ritual import EXPORT, NADIA
from tests.test_guardrail_ritual import SAM as REQUESTER
from tests.test_guardrail_ritual import Org as GuardrailOrg
from tests.test_guardrail_ritual import org as guardrail_org
from tests.test_planning_ritual import LUCAS, PRIYA, Q1, SAM, THOMAS, Org, org

__all__ = ["guardrail_org", "org"]  # the fixtures, shared with the rituals' own tests


async def test_a_request_is_refused_by_typing_with_the_reason_told(
    guardrail_org: GuardrailOrg,
) -> None:
    chat, port = guardrail_org.chat, guardrail_org.port
    answer = await chat.say(REQUESTER, EXPORT)
    form = await chat.click(REQUESTER, answer, "Request approval")
    what = {"what": "Export 300 leads", "why": "Calls", "how_long": "2 weeks"}
    assert "Request #1 sent to Nadia Roux" in (await chat.submit(REQUESTER, form, what)).text
    asked = await chat.say(NADIA, "/guardrail refuser 1")
    assert asked.card is not None and asked.card.form is not None  # the reason is asked
    refused = await chat.say(NADIA, "/guardrail refuser 1 Données personnelles hors du CRM")
    assert "n°1" in refused.text
    told = port.dms(REQUESTER)[-1].text
    assert "Nadia Roux" in told and "Données personnelles hors du CRM" in told
    assert (await guardrail_org.request(1)).status == "denied"


async def test_someone_else_is_proposed_by_typing(org: Org) -> None:
    await org.chat.say(SAM, Q1)
    assert org.port.dms(PRIYA)
    done = await org.chat.say(PRIYA, f"/planning propose 1 {LUCAS} He built the CMS")
    assert "Lucas Fontaine is invited to Q1 campaign planning in your place." in done.text
    (lucas,) = org.port.dms(LUCAS)
    assert "Vous êtes invité·e" in lucas.text
    french = await org.chat.say(THOMAS, f"/planning proposer 1 {PRIYA}")
    assert "Priya Nair" in french.text
