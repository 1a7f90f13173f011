"""``/standup``: the words that follow it, the buttons of its cards, answers typed in a
direct chat and the home's line; each is answered by the part of the ritual it names.

- set-up, edit, list, pause, resume, delete: ``setup.py`` (its forms: ``forms.py``);
- answering and skipping: ``answers.py``;
- time away and work days: ``availability.py``;
- report and history: ``reports.py``.

The timed part (prompts, reminders, summaries) lives in ``engine.py``; both go
through :class:`~tandem.rituals.standup.service.StandupService`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from tandem.bot.cards import Field, Reply
from tandem.bot.dispatcher import ActionContext, ActionSpec, CommandContext, CommandSpec, Dispatcher
from tandem.bot.i18n import Translator
from tandem.bot.text import fold
from tandem.bot.timefmt import format_instant
from tandem.bot.types import Actor
from tandem.rituals.standup import cards, timing
from tandem.rituals.standup.answers import Answers
from tandem.rituals.standup.availability import Availability
from tandem.rituals.standup.desk import Desk, Listener
from tandem.rituals.standup.reports import Reports
from tandem.rituals.standup.service import StandupService
from tandem.rituals.standup.setup import Setup
from tandem.storage.database import Database

Handler = Callable[[CommandContext, str], Awaitable[Reply]]


class StandupRitual:
    """Registers ``/standup`` and its actions on the dispatcher."""

    def __init__(self, *, database: Database, service: StandupService) -> None:
        self._desk = Desk(database=database, service=service)
        self._setup = Setup(desk=self._desk)
        self._answers = Answers(desk=self._desk)
        availability = Availability(desk=self._desk)
        reports = Reports(desk=self._desk)
        self._words: dict[str, Handler] = {
            "setup": self._setup.setup,
            "new": self._setup.setup,
            "creer": self._setup.setup,
            "edit": self._setup.edit,
            "modifier": self._setup.edit,
            "list": self._setup.overview,
            "liste": self._setup.overview,
            "pause": self._setup.pause,
            "resume": self._setup.resume,
            "reprendre": self._setup.resume,
            "delete": self._setup.delete,
            "supprimer": self._setup.delete,
            "skip": self._answers.skip,
            "passer": self._answers.skip,
            "away": availability.away,
            "absent": availability.away,
            "workdays": availability.workdays,
            "jours": availability.workdays,
            "report": reports.report,
            "rapport": reports.report,
            "history": reports.history,
            "historique": reports.history,
            "help": _help,
            "aide": _help,
        }

    def register(self, dispatcher: Dispatcher) -> None:
        """Add the command, its actions and the answer-by-text handler."""
        dispatcher.add_command(
            CommandSpec(
                name="standup",
                handler=self._command,
                phrases=("stand-up", "stand up"),
                as_typed=True,
            )
        )
        dispatcher.add_action(ActionSpec(prefix="standup.", handler=self._action))
        dispatcher.add_text_handler(self._answers.text)
        dispatcher.add_home_section(key="standup", section=self._home)

    def on_change(self, listener: Listener) -> None:
        """Call ``listener`` after a stand-up's schedule changed (the scheduler rebuilds)."""
        self._desk.on_change(listener)

    async def _command(self, ctx: CommandContext) -> Reply:
        """``/standup WORD …`` goes to the word's part; anything else answers now."""
        word, _, rest = ctx.args.partition(" ")
        handler = self._words.get(fold(word))
        if handler is not None:
            return await handler(ctx, rest.strip())
        return await self._answers.answer_now(ctx, ctx.args.strip())

    async def _action(self, ctx: ActionContext) -> Reply:
        action = ctx.event.action_id
        if action == cards.CREATE or action.startswith("standup.form.create"):
            return await self._setup.create_from_form(ctx, opened=action != cards.CREATE)
        if action.startswith(cards.SAVE) or action.startswith("standup.form.save"):
            return await self._setup.save_from_form(ctx, opened=not action.startswith(cards.SAVE))
        if action.startswith(cards.PICK):
            return await self._answers.pick(ctx)
        return await self._answers.on_run(ctx)

    async def _home(self, actor: Actor, t: Translator) -> Field | None:
        """The home's stand-up section: when the actor is next asked, by which stand-up."""
        me = await self._desk.me(actor)
        if me is None:
            return None
        now = self._desk.service.now()
        upcoming = [
            (moment, standup.name)
            for standup, member in await self._desk.mine(me)
            if (moment := timing.next_prompt(standup, member, now)) is not None
        ]
        if not upcoming:
            return None
        moment, name = min(upcoming)
        when = format_instant(moment=moment, timezone=actor.timezone, locale=t.locale)
        return Field(label=t("home.standup"), value=t("home.standup.next", name=name, when=when))


async def _help(ctx: CommandContext, _rest: str) -> Reply:
    return Reply.of_card(cards.help_card(t=ctx.t))
