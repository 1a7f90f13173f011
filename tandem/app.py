"""The ``tandem`` command line.

``tandem serve`` (default), ``tandem chat --as EMAIL``, ``tandem import`` /
``tandem export``, ``tandem who-owns QUERY --json``, ``tandem guardrail QUESTION``,
``tandem manifest``, ``tandem secrets new-key|rotate`` and ``tandem db upgrade``. The
runtime's wiring is ``tandem/runtime.py`` and the server's ``tandem/server.py``; each
command imports what it uses when it runs, so a light one (a look-up, an import or an
export) opens the database alone and starts in a fraction of the time the whole runtime
takes.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import re
import sys
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from tandem import __version__, demo
from tandem.bot.settings import Settings
from tandem.bot.types import TenantKey, TenantKeyError
from tandem.bot.unavailable import DatabaseUnreachable
from tandem.storage.cipher import SecretKeyProblem
from tandem.storage.orgfiles.kinds import FileKind

if TYPE_CHECKING:
    from sqlmodel.ext.asyncio.session import AsyncSession

    from tandem.runtime import Runtime
    from tandem.storage.database import Database
    from tandem.storage.records import TenantRef

log = logging.getLogger("tandem")
T = TypeVar("T")


class _NoTenant(Exception):
    """The tenant a light command names has no data here."""


class _ForeignQuestions(Exception):
    """A check file expects rules or tools the tenant's catalogue does not have."""

    def __init__(self, expected: list[str]) -> None:
        super().__init__(", ".join(expected))
        self.expected = expected


def _run(settings: Settings, work: Callable[[Runtime], Awaitable[T]]) -> T:
    """``work`` on the whole runtime (the rituals, their engines), prepared first."""
    from tandem.runtime import running

    async def main() -> T:
        async with running(settings) as runtime:
            return await work(runtime)

    return asyncio.run(main())


def _run_light(settings: Settings, work: Callable[[Database], Awaitable[T]]) -> T:
    """``work`` on the database alone (migrated, the demo imported when it is on)."""
    from tandem.bot.clock import SystemClock
    from tandem.storage.database import Database
    from tandem.storage.startup import prepare_database

    async def main() -> T:
        database = Database(url=settings.database_url)
        try:
            await prepare_database(
                database=database, demo_enabled=settings.demo_enabled, at=SystemClock().now()
            )
            return await work(database)
        finally:
            await database.dispose()

    return asyncio.run(main())


def _tenant(text: str) -> TenantKey:
    try:
        return TenantKey.parse(text)
    except TenantKeyError as error:
        raise click.BadParameter(str(error), param_hint="--tenant") from None


def _setup_logging(verbose: bool) -> None:
    """Text or JSON lines (``TANDEM_LOG_FORMAT``), the configured secrets masked."""
    from pydantic import ValidationError

    from tandem.bot.dispatcher import ANSWERS_LOGGER
    from tandem.ops.logs import setup_logging

    try:
        settings: Settings | None = Settings()
    except ValidationError:  # the command itself reports what is wrong
        settings = None
    setup_logging(
        verbose=verbose,
        json_lines=settings is not None and settings.log_format == "json",
        secrets=settings.secrets if settings else (),
    )
    if not verbose:  # a line per command answered: `tandem serve` turns it on
        logging.getLogger(ANSWERS_LOGGER).setLevel(logging.WARNING)


tenant_option = click.option(
    "--tenant",
    "tenant",
    default=demo.TENANT,
    show_default=True,
    help="Tenant key: slack:<team_id>, teams:<tenantId> or a plain name.",
)


class _Commands(click.Group):
    """Tandem's commands: a database out of reach at start, or a ``TANDEM_SECRET_KEY`` that
    does not decrypt the tokens stored, is said in one line (one JSON object with
    ``TANDEM_LOG_FORMAT=json``), never a traceback, and the command exits 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (DatabaseUnreachable, SecretKeyProblem) as error:
            log.error("%s", error)
            ctx.exit(1)


@click.group(cls=_Commands, invoke_without_command=True)
@click.version_option(__version__, prog_name="tandem")
@click.option("-v", "--verbose", is_flag=True, help="Log debug details.")
@click.pass_context
def cli(ctx: click.Context, verbose: bool) -> None:
    """Tandem: marketing/IT collaboration rituals in Slack, Teams and the terminal."""
    _setup_logging(verbose)
    if ctx.invoked_subcommand is None:
        ctx.invoke(serve)


@cli.command()
@click.option("--port", type=int, default=None, help="Port (default TANDEM_PORT or 3978).")
def serve(port: int | None) -> None:
    """Serve Slack, Teams and health checks on one aiohttp server."""
    from tandem import server
    from tandem.storage.sqlite_lock import AlreadyServing, hold_serving_lock

    settings = Settings()
    try:
        hold_serving_lock(url=settings.database_url)  # held until the process ends
    except AlreadyServing as error:
        raise click.ClickException(
            f"another `tandem serve` is already using the SQLite database {error}. "
            "SQLite serves one process: stop the other one, or run several replicas "
            "on PostgreSQL (TANDEM_DATABASE_URL=postgresql://…)."
        ) from None
    server.serve(settings=settings, port=port or settings.port)


@cli.command()
@click.option("--as", "email", required=True, help="Your email in the tenant's people file.")
@tenant_option
@click.option(
    "--files",
    "files_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder for files sent to you, e.g. calendar invites "
    "(default: the 'files' folder in Tandem's user data folder).",
)
def chat(email: str, tenant: str, files_dir: Path | None) -> None:
    """Talk to Tandem in this terminal (reads line by line when piped)."""
    key = _tenant(tenant)

    async def work(runtime: Runtime) -> int:
        from platformdirs import user_state_dir

        from tandem.adapters.console.adapter import ConsoleAdapter
        from tandem.adapters.console.inbox import Inbox
        from tandem.adapters.console.mailbox import Mailbox
        from tandem.adapters.console.picks import Picks
        from tandem.adapters.console.repl import run_chat
        from tandem.bot.i18n import Translator
        from tandem.bot.types import Platform, User
        from tandem.ops.logs import log_to_file
        from tandem.storage.repositories import people, tenants

        async with runtime.database.session() as session:
            ref = await tenants.find_tenant(session, key=key)
            person = await people.find_person(session, tenant=ref, email=email) if ref else None
        if ref is None:
            click.echo(f"No tenant {key}: import a people file first (tandem import).", err=True)
            return 2
        if person is None:
            async with runtime.database.session() as session:
                sample = [p.email for p in await people.list_people(session, tenant=ref)][:5]
            click.echo(
                f"Nobody with email {email} in tenant {key}. Try one of: " + ", ".join(sample),
                err=True,
            )
            return 2
        user = User(
            tenant=key,
            platform_user_id=person.email,
            display_name=person.name,
            email=person.email,
            timezone=person.timezone,
            locale=person.locale,
        )
        greeting = Translator(locale=person.locale)("chat.greeting", name=person.name, tenant=key)
        state = Path(user_state_dir("tandem", appauthor=False))
        history = state / "chat_history"
        if not click.get_current_context().find_root().params.get("verbose"):
            # The engines' log lines go to a file, not into the conversation (-v shows them).
            log_to_file(path=state / "chat.log")
        # Messages are kept for the people they are addressed to: this chat shows its
        # person's own, and those of the channels they are in (adapters/console/inbox.py).
        mailbox = Mailbox(database=runtime.database, tenant=ref, clock=runtime.clock)
        adapter = ConsoleAdapter(out=sys.stdout, me=user, files_dir=files_dir, mailbox=mailbox)
        runtime.ports.add(platform=Platform.LOCAL.value, port=adapter, only=key)
        # What fell due while no chat was open is shown before the first prompt.
        await _sweep_once(runtime, catch_up=True)
        sweeping = asyncio.create_task(_sweep_local(runtime))
        picks = Picks()
        try:
            await run_chat(
                dispatcher=runtime.dispatcher,
                user=user,
                greeting=greeting,
                history=history,
                adapter=adapter,
                inbox=Inbox(mailbox=mailbox, adapter=adapter, me=user, picks=picks),
                picks=picks,
            )
        finally:
            # Stop the sweep and let it unwind (its database session rolls back) before the
            # database is closed: a sweep cut off mid-query would hold the exit up.
            sweeping.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await sweeping
        return 0

    sys.exit(_run(Settings(), work))


async def _sweep_local(runtime: Runtime, *, every: float = 30.0) -> None:
    """While a terminal chat runs, local tenants' stand-ups, escalations and digests are
    sent (kept for their people, whose own chats show them), the way ``tandem serve``
    sends Slack's and Teams'. The chat's own tenant only: the port refuses the others."""
    while True:
        await asyncio.sleep(every)
        await _sweep_once(runtime, catch_up=False)


async def _sweep_once(runtime: Runtime, *, catch_up: bool) -> None:
    for engine in runtime.engines:
        try:
            await engine.run_due(catch_up=catch_up)
        except Exception:
            log.exception("a scheduled sweep failed")


ALL = "all"
"""The kind of ``import``/``export`` that moves every row of a tenant (``storage/archive.py``)."""
KPI_VALUES = "kpi-values"
"""KPI values from CSV (``storage/orgfiles/kpi_values.py``), measured rather than defined."""
KINDS = [*(k.value for k in FileKind), KPI_VALUES, ALL]


@cli.command("import")
@click.argument("kind", type=click.Choice(KINDS))
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--tenant",
    "tenant",
    default=None,
    help="Tenant key: slack:<team_id>, teams:<tenantId> or a plain name "
    "(default: demo; with all, the tenant the file was exported from).",
)
@click.option(
    "--replace",
    is_flag=True,
    help="With all: delete the tenant's data here first, in the same transaction.",
)
def import_command(kind: str, file: Path, tenant: str | None, replace: bool) -> None:
    """Import people (CSV), a RACI matrix (CSV), guardrails (YAML), KPIs (YAML) or KPI values
    (CSV: kpi,at,value[,by]) into a tenant.

    `import all FILE` loads a tenant's every row from `tandem export all`, in one
    transaction, into a tenant that has no data here (or, with --replace, whose data is
    deleted first); the file must come from the same Tandem schema revision.
    """
    if kind == ALL:
        _import_all(file, tenant=_tenant(tenant) if tenant else None, replace=replace)
        return
    if replace:
        raise click.UsageError("--replace goes with `import all` only")
    key = _tenant(tenant or demo.TENANT)
    try:
        text = file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise click.ClickException(f"{file} is not UTF-8 text; save it as UTF-8 CSV") from None

    from tandem.bot.clock import SystemClock
    from tandem.storage.orgfiles.kpi_values import import_kpi_values
    from tandem.storage.orgfiles.problems import FileRejected
    from tandem.storage.orgfiles.service import UnknownTenant, import_file

    async def work(database: Database) -> str:
        if kind == KPI_VALUES:
            values = await import_kpi_values(
                database=database, tenant=key, text=text, at=SystemClock().now(), by=file.name
            )
            return values.describe()
        report = await import_file(
            database=database,
            tenant=key,
            kind=FileKind(kind),
            text=text,
            at=SystemClock().now(),
        )
        return report.describe()

    try:
        click.echo(_run_light(Settings(), work))
    except FileRejected as rejected:
        click.echo(rejected.describe(), err=True)
        sys.exit(1)
    except UnknownTenant:
        raise click.ClickException(f"no tenant {key}: import its people and KPIs first") from None


def _import_all(file: Path, *, tenant: TenantKey | None, replace: bool) -> None:
    try:
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise click.ClickException(f"{file} is not UTF-8 text: not a Tandem archive") from None
    from tandem.storage.archive import ArchiveRejected, TenantNotEmpty, import_tenant
    from tandem.storage.cipher import TokenCipher
    from tandem.storage.rotation import survey_tokens

    settings = Settings()
    settings.demo = False  # the target gets the archive's tenant, not the demo as well
    cipher = TokenCipher(keys=settings.secret_keys)

    async def work(database: Database) -> str:
        report = await import_tenant(database=database, text=text, tenant=tenant, replace=replace)
        survey = await survey_tokens(database=database, cipher=cipher)
        if report.tenant in survey.unreadable:
            click.echo(
                f"warning: the Slack bot token of {report.tenant} is encrypted with a key "
                "TANDEM_SECRET_KEY does not hold here: `tandem serve` refuses to start on "
                "this database until it does",
                err=True,
            )
        return report.describe()

    try:
        click.echo(_run_light(settings, work))
    except ArchiveRejected as rejected:
        raise click.ClickException(
            f"{file} was not imported, nothing changed: {rejected}"
        ) from None
    except TenantNotEmpty as full:
        raise click.ClickException(
            f"{full}; nothing was imported. Import it under another key (--tenant), "
            "or add --replace to delete that data first."
        ) from None


def _write_private(path: Path, text: str) -> None:
    """Write ``path`` whole, readable and writable by its owner only (0600)."""
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


CREDENTIALS_WARNING = (
    "warning: this archive holds credentials (the Slack bot token, encrypted only if "
    "TANDEM_SECRET_KEY was set when it was saved): keep it as safe as the database, or "
    "write it with -o FILE (readable by you only)"
)
"""Said on standard error when ``export all`` writes to standard output."""


@cli.command("export")
@click.argument("kind", type=click.Choice(KINDS))
@tenant_option
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write to FILE instead of the standard output (with all: readable by you only).",
)
def export_command(kind: str, tenant: str, output: Path | None) -> None:
    """Export a tenant's people, RACI matrix, guardrails, KPIs or KPI values in the import format.

    `export all` writes every row of the tenant (JSON Lines) for `tandem import all`,
    to move it to another database or keep it. The file contains credentials (the Slack
    bot token, as the database stores it: encrypted when TANDEM_SECRET_KEY was set when
    it was saved): keep it as safe as the database.
    """
    from tandem.bot.clock import SystemClock
    from tandem.storage.archive import export_tenant
    from tandem.storage.orgfiles.kpi_values import export_kpi_values
    from tandem.storage.orgfiles.service import UnknownTenant, export_file

    key = _tenant(tenant)

    async def work(database: Database) -> str:
        if kind == ALL:
            return await export_tenant(database=database, tenant=key, at=SystemClock().now())
        if kind == KPI_VALUES:
            return await export_kpi_values(database=database, tenant=key)
        return await export_file(database=database, tenant=key, kind=FileKind(kind))

    try:
        text = _run_light(Settings(), work)
    except UnknownTenant:
        raise click.ClickException(f"no tenant {key}") from None
    if output and kind == ALL:
        _write_private(output, text)
    elif output:
        output.write_text(text, encoding="utf-8")
    else:
        if kind == ALL:
            click.echo(CREDENTIALS_WARNING, err=True)
        click.echo(text, nl=False)


@cli.command("who-owns")
@click.argument("query", nargs=-1)
@tenant_option
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def who_owns(query: tuple[str, ...], tenant: str, as_json: bool) -> None:
    """Look up who owns a topic, for scripts."""
    from tandem.meaning.choose import embedder_for
    from tandem.rituals.common.directory import Directory
    from tandem.rituals.raci import RaciRitual
    from tandem.storage.records import Role

    key = _tenant(tenant)
    text = " ".join(query)
    settings = Settings()

    async def work(database: Database) -> dict[str, Any]:
        directory = Directory(database=database)
        ref = await directory.tenant(key=key)
        if ref is None:
            raise _NoTenant(str(key))
        raci = RaciRitual(
            database=database, directory=directory, embedder=embedder_for(settings.meaning_model)
        )
        found, topic = await raci.lookup(tenant=ref, query=text)
        result: dict[str, Any] = {
            "query": text,
            "topic": topic.slug if topic else None,
            "title": topic.title if topic else None,
        }
        for role in Role:
            result[role.value] = [p.email for p in topic.roles.get(role, ())] if topic else []
        result["suggestions"] = list(found.suggestions)
        return result

    try:
        result = _run_light(settings, work)
    except _NoTenant:
        raise click.ClickException(f"no tenant {key}") from None
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False))
        return
    if result["topic"] is None:
        hint = ", ".join(result["suggestions"]) or "none"
        click.echo(f"No topic matches {text!r}. Closest: {hint}")
        sys.exit(1)
    click.echo(f"{result['title']} ({result['topic']})")
    for role in Role:
        click.echo(f"  {role.value:<12} {', '.join(result[role.value]) or '-'}")


@cli.command("guardrail")
@click.argument("question", nargs=-1)
@tenant_option
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option(
    "--check",
    "check_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="Run a YAML list of questions with the rule expected and print the hit rate.",
)
@click.option("--verbose-misses", is_flag=True, help="With --check: list every miss.")
@click.option(
    "--model",
    default=None,
    help="Understand questions with this model instead of TANDEM_MEANING_MODEL "
    "(builtin, none for words only, sentence-transformers:NAME).",
)
def guardrail_command(
    question: tuple[str, ...],
    tenant: str,
    as_json: bool,
    check_file: Path | None,
    verbose_misses: bool,
    model: str | None,
) -> None:
    """Answer a guardrail question as a dry run (nothing recorded, nothing sent)."""
    from tandem.meaning.choose import UnknownModel, check_setting, embedder_for
    from tandem.rituals.common.directory import Directory
    from tandem.rituals.guardrails.catalogue import embed_question, load_index
    from tandem.rituals.guardrails.check import (
        foreign_expectations,
        parse_questions,
        run_check,
    )
    from tandem.rituals.guardrails.outcome import decide
    from tandem.storage.orgfiles.problems import FileRejected

    key = _tenant(tenant)
    text = " ".join(question).strip()
    if not text and check_file is None:
        raise click.UsageError("give a question, or --check FILE")
    settings = Settings()
    try:
        embedder = embedder_for(check_setting(model) if model else settings.meaning_model)
    except UnknownModel as error:
        raise click.BadParameter(str(error), param_hint="--model") from None
    questions = parse_questions(text=check_file.read_text(encoding="utf-8")) if check_file else []

    async def work(database: Database) -> Any:
        ref = await Directory(database=database).tenant(key=key)
        if ref is None:
            raise _NoTenant(str(key))
        index = await load_index(database=database, tenant=ref, embedder=embedder)
        if check_file is not None:
            foreign = foreign_expectations(index=index, questions=questions)
            if foreign:
                raise _ForeignQuestions(foreign)
            return await asyncio.to_thread(run_check, index=index, questions=questions)
        meaning = await embed_question(index=index, question=text)
        return decide(index=index, question=text, meaning=meaning)

    try:
        result = _run_light(settings, work)
    except _NoTenant:
        raise click.ClickException(f"no tenant {key}") from None
    except FileRejected as rejected:
        raise click.ClickException(rejected.describe()) from None
    except _ForeignQuestions as foreign:
        named = ", ".join(foreign.expected[:8]) + (", …" if len(foreign.expected) > 8 else "")
        raise click.ClickException(
            f"{len(foreign.expected)} answers the file expects are no rule or tool of tenant "
            f"{key}'s guardrails ({named}): is it written for another catalogue? Nothing was "
            "checked."
        ) from None
    if check_file is not None:
        for line in result.lines:
            if verbose_misses and not line.hit:
                click.echo(
                    f"miss: {line.expected.question!r}: expected {line.expected.expect}, "
                    f"got {line.got}"
                )
        click.echo(result.summary())
        return
    if as_json:
        click.echo(json.dumps(result.as_json(), ensure_ascii=False))
        return
    answer = result.as_json()
    click.echo(f"{answer['verdict']}: rule {answer['rule'] or '-'}, tool {answer['tool'] or '-'}")
    if answer["alternatives"]:
        click.echo("choose between: " + ", ".join(answer["alternatives"]))
    if answer["why"]:
        click.echo("why: " + ", ".join(f"{w['word']} ({w['in']})" for w in answer["why"]))
    if answer["meaning"]:
        meaning = answer["meaning"]
        click.echo(f"closest in meaning ({meaning['in']}): {meaning['closest']}")


@cli.command()
@click.argument("platform", type=click.Choice(["slack", "teams"]))
@click.option(
    "--url",
    default=None,
    show_default="https://tandem.example.com, none in Socket Mode",
    help="Public URL.",
)
@click.option("--socket-mode", is_flag=True, help="Slack: connect by Socket Mode (no public URL).")
@click.option(
    "--oauth",
    is_flag=True,
    help="Slack: installs in many workspaces (the OAuth redirect URL; with --socket-mode, "
    "give --url).",
)
@click.option("--app-id", default=None, help="Teams: the bot's Microsoft app id (a GUID).")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("tandem-teams.zip"),
    show_default=True,
    help="Teams: where to write the app package.",
)
def manifest(
    platform: str, url: str | None, socket_mode: bool, oauth: bool, app_id: str | None, out: Path
) -> None:
    """Print the Slack app manifest, or write the Teams app package."""
    from tandem.runtime import build_runtime

    runtime = build_runtime(
        settings=Settings(TANDEM_DATABASE_URL="sqlite:///:memory:", TANDEM_DEMO=False)
    )
    commands = runtime.dispatcher.commands
    if platform == "slack":
        from tandem.adapters.slack.manifest import slack_manifest_yaml

        if socket_mode and oauth and not url:
            raise click.BadParameter(
                "OAuth installs need the public URL Slack redirects to", param_hint="--url"
            )
        click.echo(
            slack_manifest_yaml(commands=commands, url=url, socket_mode=socket_mode, oauth=oauth),
            nl=False,
        )
        return
    from tandem.adapters.teams.manifest import teams_package

    url = url or "https://tandem.example.com"

    app_id = app_id or Settings().microsoft_app_id
    if not app_id or not re.fullmatch(
        r"[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}", app_id
    ):
        raise click.BadParameter(
            "the bot's Microsoft app id, a GUID such as 00000000-0000-0000-0000-000000000000",
            param_hint="--app-id",
        )
    out.write_bytes(teams_package(app_id=app_id, commands=commands, url=url))
    click.echo(f"wrote {out}: upload it in Teams (Apps → Manage your apps → Upload an app)")


@cli.group()
def token() -> None:
    """Tokens that scripts and CI jobs push KPI values with (POST /api/v1/kpis/SLUG/values)."""


TOKEN_NAME = click.option(
    "--name", "name", required=True, help="What sends with it, e.g. lighthouse-ci (unique)."
)


def _token_work(tenant: str, work: Callable[[AsyncSession, TenantRef], Awaitable[str]]) -> str:
    """``work`` in one session on the tenant ``tenant`` names, which must exist."""
    from tandem.storage.repositories import tenants

    key = _tenant(tenant)

    async def run(database: Database) -> str:
        async with database.session() as session:
            ref = await tenants.find_tenant(session, key=key)
            if ref is None:
                raise click.ClickException(f"no tenant {key}")
            return await work(session, ref)

    return _run_light(Settings(), run)


@token.command("create")
@tenant_option
@TOKEN_NAME
def token_create(tenant: str, name: str) -> None:
    """Create a token and print it, once: only its digest is kept."""
    from tandem.bot.clock import SystemClock
    from tandem.storage.repositories import api_tokens

    name = name.strip()
    if not name or len(name) > 80:
        raise click.UsageError("--name is 1 to 80 characters")

    async def work(session: AsyncSession, ref: TenantRef) -> str:
        made = await api_tokens.create_token(session, tenant=ref, name=name, at=SystemClock().now())
        if made is None:
            raise click.ClickException(f"tenant {ref.key} has a token named {name!r} already")
        return made

    made = _token_work(tenant, work)
    click.echo(f"token {name!r} of tenant {tenant} (shown once, keep it secret):", err=True)
    click.echo(made)


@token.command("revoke")
@tenant_option
@TOKEN_NAME
def token_revoke(tenant: str, name: str) -> None:
    """Revoke a token: what sends with it gets 401 from now on."""
    from tandem.bot.clock import SystemClock
    from tandem.storage.repositories import api_tokens

    async def work(session: AsyncSession, ref: TenantRef) -> str:
        done = await api_tokens.revoke_token(
            session, tenant=ref, name=name.strip(), at=SystemClock().now()
        )
        if not done:
            raise click.ClickException(f"tenant {ref.key} has no token named {name!r} in use")
        return f"token {name!r} of tenant {ref.key} revoked"

    click.echo(_token_work(tenant, work))


@token.command("list")
@tenant_option
def token_list(tenant: str) -> None:
    """The tenant's tokens by name, when made and, if so, revoked (never the tokens)."""
    from tandem.storage.repositories import api_tokens

    async def work(session: AsyncSession, ref: TenantRef) -> str:
        found = await api_tokens.list_tokens(session, tenant=ref)
        return (
            "\n".join(
                f"{t.name}\tcreated {t.created_at:%Y-%m-%d %H:%M}Z"
                + (f"\trevoked {t.revoked_at:%Y-%m-%d %H:%M}Z" if t.revoked_at else "")
                for t in found
            )
            or f"tenant {ref.key} has no tokens"
        )

    click.echo(_token_work(tenant, work))


@cli.group()
def secrets() -> None:
    """The key the Slack bot tokens are encrypted with (TANDEM_SECRET_KEY)."""


@secrets.command("new-key")
def new_key() -> None:
    """Print a new key for TANDEM_SECRET_KEY (keep it as safe as the database)."""
    from tandem.storage.cipher import new_key as make

    click.echo(make())


@secrets.command()
def rotate() -> None:
    """Encrypt every stored Slack bot token with the first key of TANDEM_SECRET_KEY.

    Tokens in plain text are encrypted, those encrypted with another key of
    TANDEM_SECRET_KEY are re-encrypted, those already encrypted with the first key are
    left as they are (running it twice changes nothing). All in one transaction: when a
    token cannot be decrypted with the keys given, nothing changes.
    """
    from tandem.storage.cipher import TokenCipher
    from tandem.storage.rotation import rotate_tokens

    settings = Settings()
    settings.demo = False
    cipher = TokenCipher(keys=settings.secret_keys)

    async def work(database: Database) -> str:
        return (await rotate_tokens(database=database, cipher=cipher)).describe()

    click.echo(_run_light(settings, work))


@cli.group()
def db() -> None:
    """Database maintenance."""


@db.command()
def upgrade() -> None:
    """Apply the migrations up to the newest schema."""
    from tandem.storage.migrate import current_revision

    async def work(database: Database) -> str | None:
        return await current_revision(database=database)

    settings = Settings()
    settings.demo = False
    click.echo(f"database at revision {_run_light(settings, work)}")


def main() -> None:
    """The ``tandem`` console script."""
    cli(prog_name="tandem")


if __name__ == "__main__":
    main()
