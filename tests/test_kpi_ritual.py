"""/kpi through the real dispatcher, on the shared fixtures' organisation and its KPIs
(tests/data/kpis.yaml), with the clock standing where each test puts it.

Thomas (Paris, French) is Responsible for web performance, Daniel (Berlin) Accountable;
Sam (London) is Consulted; Camille (Paris, French) only Informed; Hugo (Paris, French)
has no part in it. Lucas (Paris, French) is Responsible for analytics and shared KPIs.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tandem.bot.clock import FixedClock
from tandem.bot.settings import Settings
from tandem.bot.types import TenantKey
from tandem.storage.orgfiles.service import FileKind, import_file
from tests.conftest import NOW, import_fixtures
from tests.harness import Chat, chat_runtime

THOMAS = "thomas.girard@example.com"
DANIEL = "daniel.weber@example.com"
SAM = "sam.okafor@example.com"
CAMILLE = "camille.durand@example.com"
HUGO = "hugo.bernard@example.com"
NADIA = "nadia.roux@example.com"
KPIS = (Path(__file__).parent / "data" / "kpis.yaml").read_text("utf-8")
NNBSP = "\u202f"  # French groups digits with a narrow no-break space


@pytest.fixture
async def chat(settings: Settings, clock: FixedClock) -> AsyncIterator[Chat]:
    async with chat_runtime(settings=settings, clock=clock) as runtime:
        key = await import_fixtures(runtime.database, "acme")
        await import_file(
            database=runtime.database, tenant=key, kind=FileKind.KPIS, text=KPIS, at=NOW
        )
        yield Chat(runtime=runtime, tenant=key)


async def test_values_given_in_chat_show_in_the_list_with_target_trends_and_arrow(
    chat: Chat,
) -> None:
    assert "recorded" in await chat.read(DANIEL, "/kpi set lcp-home 3100 2026-10-20")
    assert "recorded" in await chat.read(DANIEL, "/kpi set lcp-home 2900 2026-11-15")
    done = await chat.read(THOMAS, "/indicateur saisir lcp-home 2,64 s")
    assert f"Chargement de la page d'accueil (LCP) : 2{NNBSP}640 ms enregistré" in done
    assert f"(« 2,64 s » lu comme 2{NNBSP}640 ms.)" in done
    assert f"Cible manquée (2{NNBSP}500 ms)." in done

    listed = await chat.read(SAM, "/kpi")
    assert "3 shared KPIs" in listed
    assert "Home page load (LCP) (lcp-home)" in listed
    assert (
        "2,640 ms ↓ · target 2,500 ms · 7 days: −260 ms · 30 days: −460 ms · ⚠️ off target" in listed
    )
    assert "Conversion rate (conversion-rate)" in listed
    assert "no value yet · target 2.5%" in listed

    french = await chat.read(THOMAS, "/indicateurs")
    assert "3 indicateurs partagés" in french
    assert "7 jours : −260 ms · 30 jours : −460 ms · ⚠️ cible manquée" in french
    assert "pas encore de valeur · cible 2,5 %" in french


async def test_percentages_and_currencies_read_and_show_each_language_s_way(
    chat: Chat, clock: FixedClock
) -> None:
    clock.set(at=datetime(2026, 11, 1, 9, 0, tzinfo=UTC))
    await chat.read(DANIEL, "/kpi set conversion-rate 2.1%")
    await chat.read(DANIEL, "/kpi set cost-per-lead €38.50")
    clock.set(at=NOW)
    done = await chat.read(DANIEL, "/kpi set conversion-rate 2.7")
    assert "Conversion rate: 2.7% recorded" in done and "On target (2.5%)." in done
    listed = await chat.read(DANIEL, "/kpi")
    assert "2.7% ↑ · target 2.5% · 7 days: +0.6 pt" in listed
    assert "€38.50 → · target €40.00 · 7 days: — · 30 days: — · ✅ on target" in listed
    french = await chat.read(THOMAS, "/indicateur")
    assert "2,7 % ↑ · cible 2,5 % · 7 jours : +0,6 pt" in french
    assert "38,50" in french and "cible 40,00" in french and "✅ cible atteinte" in french


async def test_bad_values_are_answered_in_the_reader_s_language_and_nothing_is_kept(
    chat: Chat,
) -> None:
    unknown = await chat.read(SAM, "/kpi set lcp-hom 2400")
    assert "I know no KPI “lcp-hom”." in unknown
    assert "Did you mean lcp-home (Home page load (LCP))?" in unknown
    nothing = await chat.read(SAM, "/kpi set payroll 2400")
    assert "I know no KPI “payroll”." in nothing and "Type /kpi to see them all." in nothing
    assert "“fast” is not a number, so nothing was recorded for Home page load (LCP)" in (
        await chat.read(SAM, "/kpi set lcp-home fast")
    )
    assert (
        "“2.4%” is in percent, but Home page load (LCP) is measured in milliseconds, so nothing "
        "was recorded." in await chat.read(SAM, "/kpi set lcp-home 2.4%")
    )
    assert "“40 $” is in USD, but Cost per lead is measured in EUR" in (
        await chat.read(DANIEL, "/kpi set cost-per-lead 40 $")
    )
    assert "has not come yet in your timezone" in (
        await chat.read(SAM, "/kpi set lcp-home 2400 2026-11-24")
    )
    assert "has not come yet" in await chat.read(SAM, "/kpi set lcp-home 2400 tomorrow")
    assert "“2026-13-01” is not a day I can read" in (
        await chat.read(SAM, "/kpi set lcp-home 2400 2026-13-01")
    )
    assert "Type /kpi set KPI VALUE [DATE]" in await chat.read(SAM, "/kpi set lcp-home")

    french = await chat.read(THOMAS, "/indicateur saisir lcp-home 2,4 %")
    assert (
        "« 2,4 % » est en pourcentage, mais Chargement de la page d'accueil (LCP) se mesure en "
        "millisecondes : rien n'a été enregistré." in french
    )
    assert "« vite » n'est pas un nombre" in await chat.read(
        THOMAS, "/indicateur saisir lcp-home vite"
    )
    assert "Je ne connais aucun indicateur « lcp »." in await chat.read(THOMAS, "/indicateur lcp")
    assert "No value in the last 30 days." in await chat.read(SAM, "/kpi show lcp-home")


async def test_a_date_is_a_day_in_the_giver_s_timezone(chat: Chat, clock: FixedClock) -> None:
    """At 23:30 in London it is already the next day in Paris."""
    clock.set(at=datetime(2026, 11, 23, 23, 30, tzinfo=UTC))
    assert "has not come yet" in await chat.read(SAM, "/kpi set lcp-home 2400 2026-11-24")
    assert "enregistré pour le 24 nov. 2026" in (
        await chat.read(THOMAS, "/indicateur saisir lcp-home 2400 2026-11-24")
    )


async def test_a_second_value_for_the_same_day_replaces_the_first_and_says_so(
    chat: Chat,
) -> None:
    await chat.read(THOMAS, "/indicateur saisir lcp-home 2700 2026-11-20")
    replaced = await chat.read(DANIEL, "/kpi set lcp-home 2650 2026-11-20")
    assert "It replaces 2,700 ms, given by Thomas Girard for the same moment." in replaced
    shown = await chat.read(SAM, "/kpi show lcp-home")
    assert "2,650 ms, typed by Daniel Weber" in shown
    assert "2,700 ms" not in shown


async def test_only_the_people_of_the_kpi_s_topic_and_admins_give_its_values(
    chat: Chat, clock: FixedClock
) -> None:
    refused = await chat.read(HUGO, "/indicateur saisir lcp-home 2400")
    assert "Seuls les admins et les personnes Responsables, Approbatrices ou Consultées" in refused
    assert "demandez à Thomas Girard, Responsable de Web performance" in refused
    assert "Seuls les admins" in await chat.read(CAMILLE, "/kpi set lcp-home 2400")  # Informed
    assert "Seuls les admins" in await chat.read(NADIA, "/kpi set lcp-home 2400")
    await chat.make_admin(NADIA)
    assert "enregistré" in await chat.read(NADIA, "/kpi set lcp-home 2400")
    clock.set(at=NOW + timedelta(minutes=5))
    assert "recorded" in await chat.read(SAM, "/kpi set lcp-home 2450")  # Consulted
    shown = await chat.read(SAM, "/kpi show lcp-home")
    assert "typed by Nadia Roux" in shown and "typed by Sam Okafor" in shown
    assert "Hugo" not in shown and "Camille" not in shown


async def test_show_draws_the_last_30_days_and_names_the_owner(chat: Chat) -> None:
    for day, value in (("2026-11-18", 2400), ("2026-11-19", 3200), ("2026-11-20", 4100)):
        await chat.read(THOMAS, f"/indicateur saisir lcp-home {value} {day}")
    shown = await chat.read(SAM, "/kpi show lcp-home")
    assert "Last 30 days" in shown and "▁▄█ (from 2,400 ms to 4,100 ms, a bar a day)" in shown
    assert "🚨 past the alert threshold" in shown
    assert "2,500 ms (lower is better); alert at 4,000 ms" in shown
    assert "Thomas Girard, Responsible for Web performance and user experience" in shown
    assert "A value is expected" in shown and "every day" in shown
    await chat.read(DANIEL, "/kpi set conversion-rate 2.6 2026-11-20")
    await chat.read(DANIEL, "/kpi set conversion-rate 2.6 2026-11-21")
    assert "▅▅ (2.6% each day)" in await chat.read(SAM, "/kpi show conversion-rate")
    french = await chat.read(THOMAS, "/indicateur voir chargement de la page d'accueil (LCP)")
    assert "30 derniers jours" in french and "▁▄█ (de 2" in french
    assert "une barre par jour" in french and "chaque jour" in french


async def test_help_lists_kpi_in_both_languages_and_strangers_are_told_why_not(
    chat: Chat,
) -> None:
    assert "/kpi" in await chat.read(SAM, "/help")
    assert "/kpi (ou indicateur)" in await chat.read(HUGO, "/aide")
    assert "/kpi show KPI" in await chat.read(SAM, "/kpi help")
    assert "/indicateur voir INDICATEUR" in await chat.read(HUGO, "/indicateur aide")
    stranger = await chat.read("nobody@example.com", "/kpi")
    assert "I can't find you in this workspace's people file" in stranger


async def test_another_tenant_sees_none_of_these_kpis(chat: Chat) -> None:
    await chat.read(THOMAS, "/indicateur saisir lcp-home 2400")
    other = Chat(runtime=chat.runtime, tenant=TenantKey.parse("globex"))
    await import_fixtures(chat.runtime.database, "globex")
    assert "No KPIs yet" in await other.read(SAM, "/kpi")
    assert "I know no KPI “lcp-home”." in await other.read(SAM, "/kpi set lcp-home 1")
