"""``/kpi``: the indicators marketing and IT answer for together.

``/kpi`` lists each KPI with its latest value, its target, how it moved over 7 and 30
days and an arrow; ``/kpi show KPI`` shows one with the last 30 days drawn as a
sparkline and its last values, each with who gave it; ``/kpi set KPI VALUE [DATE]``
gives a value (admins, and the people Responsible, Accountable or Consulted for the
KPI's topic). A date is a day in the giver's timezone; a value for a day is kept at noon
that day, so that a second value for the same day replaces the first, and says so. A
value past the KPI's alert threshold raises one blocker for its owner (``breach.py``).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from tandem.bot.cards import Card, Field, Reply
from tandem.bot.dispatcher import CommandContext, CommandSpec, Dispatcher
from tandem.bot.i18n import Translator
from tandem.bot.text import fold
from tandem.bot.timefmt import format_day, format_instant
from tandem.rituals.common.member import Member, member_of
from tandem.rituals.kpi import figures
from tandem.rituals.kpi.breach import Breach, BreachWatch, Outcome
from tandem.rituals.kpi.figures import NotANumber, OtherUnit
from tandem.rituals.kpi.service import KpiService, may_feed
from tandem.storage.database import Database
from tandem.storage.records import KpiValueView, KpiView, Role, TopicView

COMMAND = "kpi"
WEEK, MONTH = 7, 30
SHOWN_VALUES = 10
NOON = time(12, 0)
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TODAY = frozenset({"today", "aujourd hui", "auj"})
_YESTERDAY = frozenset({"yesterday", "hier"})
_TOMORROW = frozenset({"tomorrow", "demain"})


class KpiRitual:
    """Registers ``/kpi`` (``/indicateur`` in French)."""

    def __init__(
        self, *, database: Database, service: KpiService, breaches: BreachWatch | None = None
    ) -> None:
        """``breaches`` turns a value past a KPI's alert threshold into a blocker."""
        self._database = database
        self._service = service
        self._breaches = breaches

    def register(self, dispatcher: Dispatcher) -> None:
        """Tell the dispatcher what this ritual answers."""
        dispatcher.add_command(
            CommandSpec(name=COMMAND, handler=self._command, phrases=("kpis", "indicateurs"))
        )

    async def _command(self, ctx: CommandContext) -> Reply:
        t = ctx.t
        me = await member_of(database=self._database, actor=ctx.actor)
        if me is None:
            return Reply(text=t("kpi.unknown_person"))
        word, _, rest = ctx.args.partition(" ")
        verb = fold(word)
        if verb in {"", "list", "liste"}:
            return await self._list(ctx, me)
        if verb in {"help", "aide"}:
            return Reply.of_card(Card(title=t("kpi.help.title"), body=t("kpi.help.body")))
        if verb in {"set", "saisir", "add", "ajouter"}:
            return await self._set(ctx, me, rest.strip())
        if verb in {"show", "voir"}:
            return await self._show(ctx, me, rest.strip())
        return await self._show(ctx, me, ctx.args)

    # -- the list ---------------------------------------------------------------------------

    async def _list(self, ctx: CommandContext, me: Member) -> Reply:
        t, now = ctx.t, ctx.clock.now()
        board = await self._service.board(tenant=me.tenant, since=now - timedelta(days=MONTH))
        if not board.rows:
            return Reply(text=t("kpi.list.empty"))
        fields = tuple(
            Field(label=_title(t, kpi), value=_summary(t, kpi, values, now))
            for kpi, values in board.rows
        )
        card = Card(
            title=t.plural("kpi.list.title", count=len(board.rows)),
            fields=fields,
            footer=t("kpi.list.footer"),
        )
        return Reply.of_card(card)

    # -- one KPI ----------------------------------------------------------------------------

    async def _show(self, ctx: CommandContext, me: Member, query: str) -> Reply:
        t, now = ctx.t, ctx.clock.now()
        if not query:
            return Reply(text=t("kpi.show.usage"))
        found = await self._service.find(tenant=me.tenant, query=query)
        if found.kpi is None:
            return _unknown(t, query, found.suggestions)
        kpi = found.kpi
        since = now - timedelta(days=MONTH)
        board = await self._service.board(tenant=me.tenant, since=since)
        values = next((v for k, v in board.rows if k.id == kpi.id), ())
        topic = await self._service.topic(tenant=me.tenant, slug=kpi.topic)
        names = await self._service.names(tenant=me.tenant, emails={v.sent_by for v in values})
        timezone = ctx.actor.timezone
        fields = [
            Field(label=t("kpi.field.latest"), value=_latest(t, kpi, values, timezone)),
            Field(label=t("kpi.field.target"), value=_target(t, kpi)),
            Field(label=t("kpi.field.trend"), value=_trends(t, kpi, values, now)),
        ]
        daily = figures.daily(values, since=since, timezone=timezone)
        if daily:
            low, high = min(daily), max(daily)
            line = t(
                "kpi.show.sparkline" if high > low else "kpi.show.sparkline_flat",
                line=figures.sparkline(daily),
                low=figures.show_value(low, unit=kpi.unit, t=t),
                high=figures.show_value(high, unit=kpi.unit, t=t),
            )
            fields.append(Field(label=t("kpi.field.month"), value=line))
        fields.append(Field(label=t("kpi.field.owner"), value=_owner(t, topic, kpi)))
        if kpi.expect_every_hours:
            every = figures.show_every(t, kpi.expect_every_hours)
            fields.append(Field(label=t("kpi.field.every"), value=every))
        recent = [v for v in values if v.at >= since][-SHOWN_VALUES:]
        body = "\n".join(
            t(
                "kpi.show.value",
                when=format_instant(moment=v.at, timezone=timezone, locale=t.locale),
                value=figures.show_value(v.value, unit=kpi.unit, t=t),
                who=names.get(v.sent_by, v.sent_by),
                how=t(f"kpi.source.{v.source}"),
            )
            for v in reversed(recent)
        )
        card = Card(
            title=_title(t, kpi),
            body=t("kpi.show.values") + "\n" + body if body else t("kpi.show.no_values"),
            fields=tuple(fields),
            footer=t("kpi.show.footer", slug=kpi.slug),
        )
        return Reply.of_card(card)

    # -- giving a value ---------------------------------------------------------------------

    async def _set(self, ctx: CommandContext, me: Member, args: str) -> Reply:
        t, now = ctx.t, ctx.clock.now()
        words = args.split()
        if len(words) < 2:
            return Reply(text=t("kpi.set.usage"))
        query, typed, day_text = words[0], " ".join(words[1:]), None
        if len(words) > 2 and _looks_like_day(words[-1]):
            typed, day_text = " ".join(words[1:-1]), words[-1]
        found = await self._service.find(tenant=me.tenant, query=query)
        if found.kpi is None:
            return _unknown(t, query, found.suggestions)
        kpi = found.kpi
        name = kpi.name_in(t.locale)
        read = figures.read_value(typed, unit=kpi.unit, locale=t.locale)
        if isinstance(read, NotANumber):
            return Reply(text=t("kpi.set.not_number", value=typed[:60], name=name))
        if isinstance(read, OtherUnit):
            return Reply(
                text=t(
                    "kpi.set.other_unit",
                    value=typed[:60],
                    given=_unit_name(t, read.unit),
                    name=name,
                    unit=_unit_name(t, kpi.unit),
                )
            )
        timezone = ctx.actor.timezone
        today = now.astimezone(ZoneInfo(timezone)).date()
        at, day = now, None
        if day_text is not None:
            day = _day(day_text, today=today)
            if day is None:
                shown = day_text[:40]
                return Reply(text=t("kpi.set.bad_date", date=shown, today=today.isoformat()))
            if day > today:
                return Reply(text=t("kpi.set.future", day=format_day(day=day, locale=t.locale)))
            at = datetime.combine(day, NOON, tzinfo=ZoneInfo(timezone)).astimezone(UTC)
        topic = await self._service.topic(tenant=me.tenant, slug=kpi.topic)
        email = me.person.email
        if not may_feed(email=email, admin=me.admin, topic=topic):
            return Reply(
                text=t(
                    "kpi.set.refused",
                    name=name,
                    topic=topic.title_in(t.locale) if topic else kpi.topic,
                    owner=_owner(t, topic, kpi),
                )
            )
        recorded = await self._service.record(
            tenant=me.tenant,
            kpi=kpi,
            at=at,
            value=read.value,
            source="chat",
            sent_by=email,
            now=now,
        )
        shown = figures.show_value(read.value, unit=kpi.unit, t=t)
        when = (
            format_day(day=day, locale=t.locale)
            if day is not None
            else format_instant(moment=at, timezone=timezone, locale=t.locale)
        )
        lines = [t("kpi.set.done", name=name, value=shown, when=when)]
        if read.converted_from is not None:
            lines.append(t("kpi.set.converted", typed=typed[:60], value=shown))
        if recorded.replaced is not None:
            old = recorded.replaced
            who = (await self._service.names(tenant=me.tenant, emails={old.sent_by})).get(
                old.sent_by, old.sent_by
            )
            lines.append(
                t(
                    "kpi.set.replaced",
                    old=figures.show_value(old.value, unit=kpi.unit, t=t),
                    who=who,
                )
            )
        lines.append(_standing(t, kpi, read.value))
        if self._breaches is not None:
            breach = await self._breaches.check(
                key=me.key, tenant=me.tenant, kpi=kpi, sender=email, now=now
            )
            if breach is not None:
                lines.append(_breach(t, breach))
        return Reply(text="\n".join(lines))


# -- what the cards say -----------------------------------------------------------------------


def _title(t: Translator, kpi: KpiView) -> str:
    return f"{kpi.name_in(t.locale)} ({kpi.slug})"


def _summary(t: Translator, kpi: KpiView, values: tuple[KpiValueView, ...], now: datetime) -> str:
    last = figures.latest(values)
    target = t("kpi.list.target", target=figures.show_value(kpi.target, unit=kpi.unit, t=t))
    if last is None:
        return f"{t('kpi.no_value')} · {target}"
    week = figures.change_over(values, now=now, days=WEEK)
    shown = figures.show_value(last.value, unit=kpi.unit, t=t)
    return " · ".join(
        (
            f"{shown} {figures.arrow(week)}",
            target,
            _trends(t, kpi, values, now),
            t(f"kpi.status.{figures.status(kpi, last.value)}"),
        )
    )


def _trends(t: Translator, kpi: KpiView, values: tuple[KpiValueView, ...], now: datetime) -> str:
    def change(days: int) -> str:
        moved = figures.change_over(values, now=now, days=days)
        if moved is None:
            return t("kpi.trend.none")
        return figures.show_change(moved, unit=kpi.unit, t=t)

    return t("kpi.trend", week=change(WEEK), month=change(MONTH))


def _latest(t: Translator, kpi: KpiView, values: tuple[KpiValueView, ...], timezone: str) -> str:
    last = figures.latest(values)
    if last is None:
        return t("kpi.no_value")
    return t(
        "kpi.latest",
        value=figures.show_value(last.value, unit=kpi.unit, t=t),
        when=format_instant(moment=last.at, timezone=timezone, locale=t.locale),
        status=t(f"kpi.status.{figures.status(kpi, last.value)}"),
    )


def _target(t: Translator, kpi: KpiView) -> str:
    target = figures.show_value(kpi.target, unit=kpi.unit, t=t)
    better = t(f"kpi.better.{kpi.better}")
    if kpi.alert is None:
        return t("kpi.target", target=target, better=better)
    alert = figures.show_value(kpi.alert, unit=kpi.unit, t=t)
    return t("kpi.target_alert", target=target, better=better, alert=alert)


def _standing(t: Translator, kpi: KpiView, value: float) -> str:
    target = figures.show_value(kpi.target, unit=kpi.unit, t=t)
    return t(f"kpi.standing.{figures.status(kpi, value)}", target=target)


def _breach(t: Translator, breach: Breach) -> str:
    if breach.outcome is Outcome.RAISED and breach.owner is None:
        return t("kpi.breach.raised_unowned", id=breach.blocker_id)
    return t(f"kpi.breach.{breach.outcome.value}", id=breach.blocker_id, owner=breach.owner)


def _owner(t: Translator, topic: TopicView | None, kpi: KpiView) -> str:
    if topic is None:
        return t("kpi.no_owner", topic=kpi.topic)
    responsible = topic.roles.get(Role.RESPONSIBLE, ())
    who = t.list([p.name for p in responsible]) if responsible else t("raci.nobody")
    return t("kpi.owner", who=who, topic=f"{topic.title_in(t.locale)} ({topic.slug})")


def _unit_name(t: Translator, unit: str) -> str:
    key = {"%": "percent", "ms": "ms", "s": "s", "count": "count"}.get(unit)
    return t(f"kpi.unit_name.{key}") if key else unit


def _unknown(t: Translator, query: str, suggestions: tuple[KpiView, ...]) -> Reply:
    shown = query if len(query) <= 60 else query[:57] + "…"
    text = t("kpi.unknown", query=shown)
    if suggestions:
        names = [f"{k.slug} ({k.name_in(t.locale)})" for k in suggestions]
        text += "\n" + t("kpi.suggest", suggestions=t.list(names))
    else:
        text += "\n" + t("kpi.suggest.none")
    return Reply(text=text)


def _looks_like_day(word: str) -> bool:
    return bool(_DAY.match(word)) or fold(word) in _TODAY | _YESTERDAY | _TOMORROW


def _day(text: str, *, today: date) -> date | None:
    """``YYYY-MM-DD``, ``today``, ``yesterday`` or ``tomorrow`` (``aujourd'hui``, ``hier``,
    ``demain``)."""
    word = fold(text)
    if word in _TODAY:
        return today
    if word in _YESTERDAY:
        return today - timedelta(days=1)
    if word in _TOMORROW:
        return today + timedelta(days=1)
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None
