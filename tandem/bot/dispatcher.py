"""Routes neutral events to the rituals that registered for them.

A ritual registers the commands and actions it answers as explicit
:class:`CommandSpec` / :class:`ActionSpec` objects; each handler takes one typed
context and returns replies. A failing handler never shows a traceback: the
user reads a polite message in their language and the error is logged.
"""

from __future__ import annotations

import logging
import time
import unicodedata
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from tandem.bot.cards import Card, Field, Reply
from tandem.bot.clock import Clock
from tandem.bot.i18n import CATALOGUES, Translator
from tandem.bot.logcontext import bind_tenant
from tandem.bot.text import clean_field, clean_input
from tandem.bot.types import (
    ActionSubmitted,
    Actor,
    CommandInvoked,
    ConversationRef,
    Event,
    HomeOpened,
    Installed,
    MessageReceived,
    User,
)
from tandem.bot.unavailable import ServiceUnavailable

log = logging.getLogger(__name__)
ANSWERS_LOGGER = "tandem.answers"
"""A line per event answered (its name and time, never its text); ``tandem serve`` shows it,
the terminal chat does not."""
answers = logging.getLogger(ANSWERS_LOGGER)


class ActorResolver(Protocol):
    """Finds the person behind a platform user (implemented over storage)."""

    async def resolve(self, *, user: User) -> Actor:
        """The actor for ``user``; ``known`` is False when no person matches."""
        ...


@dataclass(frozen=True, slots=True)
class CommandContext:
    """Everything a command handler receives."""

    actor: Actor
    user: User
    conversation: ConversationRef
    command: str
    args: str
    t: Translator
    clock: Clock


@dataclass(frozen=True, slots=True)
class ActionContext:
    """Everything an action handler receives."""

    actor: Actor
    event: ActionSubmitted
    t: Translator
    clock: Clock


CommandHandler = Callable[[CommandContext], Awaitable[Reply]]
TextHandler = Callable[[CommandContext], Awaitable[Reply | None]]
HomeSection = Callable[[Actor, Translator], Awaitable[Field | None]]
ActionHandler = Callable[[ActionContext], Awaitable[Reply]]


@dataclass(frozen=True, slots=True)
class CommandSpec:
    """A command a ritual answers.

    Attributes:
        name: the command without slash, e.g. ``who-owns``. Its name in each language is
            the catalogues' ``command.NAME`` (``blocage`` for ``blocker`` in French): typed
            with or without the slash, in any chat, it is the same command. Only ``name`` is
            registered with Slack and listed in Teams' manifest.
        handler: called with a :class:`CommandContext`; ``None`` marks a command
            that is announced but not built yet (it answers "coming soon").
        phrases: natural openings that mean the same command, e.g. ``who owns``.
        as_typed: the arguments keep a trailing question mark (a stand-up's questions
            typed in ``/standup setup``, ``Blocages ?``).
    """

    name: str
    handler: CommandHandler | None
    phrases: tuple[str, ...] = ()
    as_typed: bool = False


@dataclass(frozen=True, slots=True)
class ActionSpec:
    """Actions whose id starts with ``prefix`` go to ``handler``."""

    prefix: str
    handler: ActionHandler


@dataclass(frozen=True, slots=True)
class Handled:
    """One event the dispatcher answered, as its observer sees it (for metrics).

    Attributes:
        name: the command (``who-owns``), the action family (``standup``), ``text``
            (free text), ``home``, ``installed`` or ``unknown``; never what was typed.
        seconds: from the event's arrival to the reply.
        failed: the handler failed and the user read an apology.
    """

    name: str
    seconds: float
    failed: bool


@dataclass
class _Outcome:
    failed: bool = False


class Dispatcher:
    """The single entry point adapters call with neutral events."""

    def __init__(
        self,
        *,
        resolver: ActorResolver,
        clock: Clock,
        observe: Callable[[Handled], None] | None = None,
    ) -> None:
        """``observe`` is told of every event answered (name, time taken, failure)."""
        self._resolver = resolver
        self._clock = clock
        self._observe = observe
        self._commands: dict[str, CommandSpec] = {}
        self._names: dict[str, str] = {}  # every typed name, accents off -> the command
        self._actions: list[ActionSpec] = []
        self._text_handlers: list[TextHandler] = []
        self._home_sections: dict[str, HomeSection] = {}
        self._settings: dict[str, CommandHandler] = {}
        self.add_command(CommandSpec(name="help", handler=self._help))
        self.add_command(CommandSpec(name="tandem", handler=self._tandem))

    def add_command(self, spec: CommandSpec) -> None:
        """Register a command and its names in every language; a second registration of
        the same name (or a translated name another command has) is a bug."""
        if spec.name in self._commands:
            raise ValueError(f"command {spec.name!r} registered twice")
        names = {_plain(name) for name in command_names(spec.name)}
        for name in names:
            if self._names.get(name, spec.name) != spec.name:
                raise ValueError(f"{name!r} names {self._names[name]!r} and {spec.name!r}")
        self._commands[spec.name] = spec
        self._names.update(dict.fromkeys(names, spec.name))

    def add_text_handler(self, handler: TextHandler) -> None:
        """Offer free text that names no command to ``handler`` (first non-None reply wins),
        e.g. the answer to a question the bot asked in a DM; otherwise the user gets help."""
        self._text_handlers.append(handler)

    def add_home_section(self, *, key: str, section: HomeSection) -> None:
        """Let a ritual fill its section of the home (``standup``, ``blockers``,
        ``approvals``); a section nobody fills says there is nothing yet."""
        self._home_sections[key] = section

    def add_setting(self, *, word: str, handler: CommandHandler) -> None:
        """Answer ``/tandem WORD …`` (a tenant setting such as ``escalation``) with ``handler``,
        which gets what follows the word as its arguments."""
        self._settings[word] = handler

    def add_action(self, spec: ActionSpec) -> None:
        """Register a family of actions by id prefix."""
        self._actions.append(spec)

    @property
    def commands(self) -> Sequence[CommandSpec]:
        """Every command, in registration order (for help and manifests)."""
        return tuple(self._commands.values())

    async def handle(self, event: Event) -> Reply:
        """Answer one event. Never raises: failures become a polite reply.

        The event's tenant is bound to the logs of the work that follows; one line says
        what was answered (the command's name, never what was typed) and how fast.
        """
        bind_tenant(str(event.user.tenant))
        started = time.perf_counter()
        outcome = _Outcome()
        reply = await self._answer(event, outcome)
        self._observed(event, seconds=time.perf_counter() - started, failed=outcome.failed)
        return reply

    async def _answer(self, event: Event, outcome: _Outcome) -> Reply:
        try:
            actor = await self._resolver.resolve(user=event.user)
        except ServiceUnavailable as error:
            outcome.failed = True
            log.warning("database unreachable, %s refused: %s", type(event).__name__, error)
            return Reply(text=Translator(locale=event.user.locale)("error.unavailable"))
        except Exception:
            outcome.failed = True
            log.exception("could not resolve the user of %s", type(event).__name__)
            return Reply(text=Translator(locale=event.user.locale)("error.internal"))
        t = Translator(locale=actor.locale)
        try:
            reply = await self._route(event, actor, t)
        except ServiceUnavailable as error:
            outcome.failed = True
            log.warning("database unreachable, %s refused: %s", type(event).__name__, error)
            reply = Reply(text=t("error.unavailable"))
        except Exception:
            outcome.failed = True
            log.exception("handler failed for %s", type(event).__name__)
            reply = Reply(text=t("error.internal"))
        return replace(reply, locale=t.locale)

    def _observed(self, event: Event, *, seconds: float, failed: bool) -> None:
        name = self.name_of(event)
        answers.info("%s answered in %.0f ms%s", name, seconds * 1000, " (failed)" * failed)
        if self._observe is None:
            return
        try:
            self._observe(Handled(name=name, seconds=seconds, failed=failed))
        except Exception:  # an observer never costs the user their reply
            log.exception("the dispatcher's observer failed")

    def name_of(self, event: Event) -> str:
        """What ``event`` is, for logs and metrics: the command's name, the action's
        family, ``text``, ``home``, ``installed`` or ``unknown`` (never what was typed)."""
        match event:
            case CommandInvoked():
                return self._names.get(_plain(event.command.strip().lstrip("/")), "unknown")
            case MessageReceived():
                text, _ = clean_input(event.text, keep=_tokens(event))
                command, _ = self.parse(text)
                return command or ("unknown" if text.startswith("/") else "text")
            case ActionSubmitted():
                for action in self._actions:
                    if event.action_id.startswith(action.prefix):
                        return action.prefix.rstrip(".:") or "action"
                return "unknown"
            case Installed():
                return "installed"
            case HomeOpened():
                return "home"
        return "unknown"

    async def _route(self, event: Event, actor: Actor, t: Translator) -> Reply:
        match event:
            case CommandInvoked():
                return await self._command(event, event.command, event.text, actor, t)
            case MessageReceived():
                text, _ = clean_input(event.text, keep=_tokens(event))
                command, args = self.parse(text)
                if not command and text and not text.startswith("/"):
                    free = self._context(event, actor, t, command="", args=text)
                    for handler in self._text_handlers:
                        answered = await handler(free)
                        if answered is not None:
                            return answered
                return await self._command(event, command, args, actor, t)
            case ActionSubmitted():
                event = replace(
                    event,
                    value=clean_field(event.value),
                    inputs={key: clean_field(v) for key, v in event.inputs.items()},
                )
                for action in self._actions:
                    if event.action_id.startswith(action.prefix):
                        ctx = ActionContext(actor=actor, event=event, t=t, clock=self._clock)
                        return await action.handler(ctx)
                log.warning("no handler for action %r", event.action_id)
                return Reply(text=t("error.unknown_action"))
            case Installed():
                return await self._help_for(actor, t, unknown=None)
            case HomeOpened():
                return await self._home(actor, t)

    def parse(self, text: str) -> tuple[str, str]:
        """Split typed text into a command and its arguments.

        Accepts ``/who-owns dns``, ``who-owns dns``, the command's name in another language
        (``/qui-gère dns``) and natural openings such as ``who owns dns?``. A command with
        phrases reads a question: its trailing question mark is dropped, unless the
        command takes its arguments ``as_typed``. Text that names no command gives
        ``("", text)``.
        """
        body = text.strip()
        if body.startswith("/"):
            body = body[1:]
        lowered = _plain(body)
        word = lowered.split(" ", 1)[0]
        if word in self._names:
            name = self._names[word]
            args = body[len(word) :].strip()
            spec = self._commands[name]
            return name, args.rstrip("?").strip() if spec.phrases and not spec.as_typed else args
        for spec in self._commands.values():
            for opening in spec.phrases:
                opening = _plain(opening)
                if lowered == opening or lowered.startswith(opening + " "):
                    args = body[len(opening) :].strip()
                    return spec.name, args if spec.as_typed else args.rstrip("?").strip()
        return "", body

    async def _command(
        self, event: Event, command: str, args: str, actor: Actor, t: Translator
    ) -> Reply:
        name = self._names.get(_plain(command.strip().lstrip("/")), "")
        spec = self._commands.get(name)
        if spec is None:
            typed = (command.strip() or (args.split() or [""])[0]).lstrip("/")
            return await self._help_for(actor, t, unknown=typed or None)
        if spec.handler is None:
            card = Card(title=t("coming.title"), body=t("coming.body", command=spec.name))
            return Reply.of_card(card)
        cleaned, _ = clean_input(args, keep=_tokens(event))
        return await spec.handler(self._context(event, actor, t, command=spec.name, args=cleaned))

    def _context(
        self, event: Event, actor: Actor, t: Translator, *, command: str, args: str
    ) -> CommandContext:
        return CommandContext(
            actor=actor,
            user=event.user,
            conversation=event.conversation,
            command=command,
            args=args,
            t=t,
            clock=self._clock,
        )

    async def _home(self, actor: Actor, t: Translator) -> Reply:
        """The home: what the user can do, then each ritual's section (empty ones say so)."""
        commands = "\n".join(
            f"{_shown(spec.name, t)} — {t(f'help.cmd.{spec.name}')}"
            + (f" ({t('help.coming')})" if spec.handler is None else "")
            for spec in self._commands.values()
            if spec.name != "help"
        )
        fields = [Field(label=t("home.commands"), value=commands)]
        for key in ("standup", "blockers", "approvals"):
            section = self._home_sections.get(key)
            filled = await section(actor, t) if section else None
            fields.append(filled or Field(label=t(f"home.{key}"), value=t(f"home.{key}.none")))
        card = Card(title=t("home.title"), fields=tuple(fields), footer=t("help.footer"))
        return Reply.of_card(card)

    async def _tandem(self, ctx: CommandContext) -> Reply:
        """``/tandem WORD …`` goes to the setting registered for WORD; anything else is help."""
        word, _, rest = ctx.args.partition(" ")
        handler = self._settings.get(word.casefold())
        if handler is None:
            return await self._help(ctx)
        return await handler(replace(ctx, args=rest.strip()))

    async def _help(self, ctx: CommandContext) -> Reply:
        return await self._help_for(ctx.actor, ctx.t, unknown=None)

    async def _help_for(self, actor: Actor, t: Translator, *, unknown: str | None) -> Reply:
        fields = []
        for spec in self._commands.values():
            description = t(f"help.cmd.{spec.name}")
            if spec.handler is None:
                description += f" ({t('help.coming')})"
            fields.append(Field(label=_shown(spec.name, t), value=description))
        body = t("help.intro")
        if unknown:
            body = t("help.unknown", command=unknown[:60]) + "\n" + body
        card = Card(title=t("help.title"), body=body, fields=tuple(fields), footer=t("help.footer"))
        return Reply.of_card(card)


def command_names(name: str) -> tuple[str, ...]:
    """``name`` and its names in the catalogues' languages (``blocker``, ``blocage``)."""
    found = (catalogue.get(f"command.{name}", name) for catalogue in CATALOGUES.values())
    return tuple(dict.fromkeys((name, *found)))


def _plain(text: str) -> str:
    """Lower case without accents, each character kept in its place (``qui-gère`` is
    ``qui-gere``), so lengths measured on it cut the typed text right."""
    return "".join((unicodedata.normalize("NFKD", c.casefold()) or c)[:1] for c in text)


def _shown(name: str, t: Translator) -> str:
    """The command as help shows it: ``/blocker``, and its name in the reader's language
    when it differs (``/blocker (blocage)``)."""
    local = t(f"command.{name}") if f"command.{name}" in CATALOGUES[t.locale] else name
    return f"/{name}" if local == name else t("help.command_local", command=name, local=local)


def _tokens(event: Event) -> tuple[str, ...]:
    """The tokens of the mentions the adapter found in ``event``'s text (kept by cleaning)."""
    if isinstance(event, CommandInvoked | MessageReceived):
        return tuple(found.token for found in event.mentions)
    return ()
