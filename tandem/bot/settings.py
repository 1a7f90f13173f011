"""Settings from the environment (and an optional ``.env``), with the platforms' usual names."""

from __future__ import annotations

from pathlib import Path
from typing import Literal
from urllib.parse import unquote, urlsplit

from platformdirs import user_data_dir
from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


def default_database_url() -> str:
    """A SQLite file in the user's data folder."""
    folder = Path(user_data_dir("tandem", appauthor=False))
    return f"sqlite:///{folder / 'tandem.db'}"


def _password(url: str) -> str | None:
    try:
        password = urlsplit(url).password
    except ValueError:
        return None
    return unquote(password) if password else None


class Settings(BaseSettings):
    """Everything Tandem reads from its environment."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", populate_by_name=True)

    slack_bot_token: str | None = Field(default=None, alias="SLACK_BOT_TOKEN")
    slack_signing_secret: str | None = Field(default=None, alias="SLACK_SIGNING_SECRET")
    slack_app_token: str | None = Field(default=None, alias="SLACK_APP_TOKEN")
    slack_client_id: str | None = Field(default=None, alias="SLACK_CLIENT_ID")
    slack_client_secret: str | None = Field(default=None, alias="SLACK_CLIENT_SECRET")
    slack_api_url: str | None = Field(default=None, alias="SLACK_API_URL")
    microsoft_app_id: str | None = Field(default=None, alias="MICROSOFT_APP_ID")
    microsoft_app_password: str | None = Field(default=None, alias="MICROSOFT_APP_PASSWORD")
    microsoft_app_tenant_id: str | None = Field(default=None, alias="MICROSOFT_APP_TENANT_ID")
    botframework_openid_url: str | None = Field(
        default=None, alias="TANDEM_BOTFRAMEWORK_OPENID_URL"
    )
    """Where to read the Bot Framework's OpenID metadata (the signing keys of Teams'
    tokens) instead of ``login.botframework.com``: a mirror, or a local stand-in."""
    database_url: str = Field(default_factory=default_database_url, alias="TANDEM_DATABASE_URL")
    secret_key: str | None = Field(default=None, alias="TANDEM_SECRET_KEY")
    """The key the Slack bot tokens kept in the database are encrypted with (a Fernet key),
    or several separated by commas while rotating: the first encrypts, all decrypt. Unset:
    tokens are kept in plain text."""
    port: int = Field(default=3978, alias="TANDEM_PORT")
    host: str = Field(default="127.0.0.1", alias="TANDEM_HOST")
    demo: bool | None = Field(default=None, alias="TANDEM_DEMO")
    grace_minutes: int = Field(default=120, ge=0, le=24 * 60, alias="TANDEM_GRACE_MINUTES")
    sweep_seconds: float = Field(default=60.0, gt=0, le=3600, alias="TANDEM_SWEEP_SECONDS")
    """How often each replica looks for retries and for work other replicas left."""
    lease_seconds: float = Field(default=300.0, gt=0, le=86400, alias="TANDEM_LEASE_SECONDS")
    """How long a claimed scheduled send is held by the replica that claimed it; a replica
    that dies holding one leaves it to the others once this has passed."""
    log_format: Literal["text", "json"] = Field(default="text", alias="TANDEM_LOG_FORMAT")
    """``json``: one JSON object a line, for a log collector; ``text`` for a terminal."""
    shutdown_delay_seconds: float = Field(
        default=5.0, ge=0, le=300, alias="TANDEM_SHUTDOWN_DELAY_SECONDS"
    )
    """After SIGTERM, how long ``/readyz`` answers 503 before the server stops listening,
    for a load balancer to stop sending work (0: stop at once). Only waited when something
    has asked ``/readyz`` since start: otherwise nobody would notice."""

    @property
    def secrets(self) -> tuple[str | None, ...]:
        """Every configured secret (tokens, passwords, the database's password), for the
        logs to mask."""
        return (
            self.slack_bot_token,
            self.slack_signing_secret,
            self.slack_app_token,
            self.slack_client_secret,
            self.microsoft_app_password,
            self.rerank_api_key,
            _password(self.database_url),
            self.secret_key,
            *self.secret_keys,
        )

    @property
    def secret_keys(self) -> tuple[str, ...]:
        """The keys of ``TANDEM_SECRET_KEY``, the one that encrypts first."""
        return tuple(key.strip() for key in (self.secret_key or "").split(",") if key.strip())

    meaning_model: str = Field(default="builtin", alias="TANDEM_MEANING_MODEL")
    """What understands guardrail questions beside their words: ``builtin`` (the shipped
    multilingual model, offline), ``none`` (words only) or ``sentence-transformers:NAME``
    (a model downloaded once; needs the ``meaning`` extra and a network)."""

    @field_validator("meaning_model")
    @classmethod
    def _known_model(cls, value: str) -> str:
        from tandem.meaning.choose import check_setting

        return check_setting(value)

    rerank_url: str | None = Field(default=None, alias="TANDEM_RERANK_URL")
    """An OpenAI-compatible endpoint (``http://localhost:11434/v1`` for Ollama) whose
    language model picks among the close rules when the matcher is not sure; off when
    unset."""
    rerank_model: str = Field(default="llama3.1", alias="TANDEM_RERANK_MODEL")
    rerank_api_key: str | None = Field(default=None, alias="TANDEM_RERANK_API_KEY")

    @field_validator("rerank_url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        parts = urlsplit(value.strip())
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(
                "TANDEM_RERANK_URL must be an http(s) URL, e.g. http://localhost:11434/v1"
            )
        return value.strip()

    teams_playground: bool | None = Field(default=None, alias="TANDEM_TEAMS_PLAYGROUND")
    """The Bot Framework endpoint without a Microsoft app id, for the Agents Playground on
    this machine: by default on when no platform is configured (a fresh install)."""

    @property
    def slack_configured(self) -> bool:
        """Whether Slack settings are present (a token, or OAuth credentials)."""
        return bool(self.slack_bot_token or (self.slack_client_id and self.slack_client_secret))

    @property
    def teams_configured(self) -> bool:
        """Whether a Microsoft app id is set: Teams with authenticated requests."""
        return bool(self.microsoft_app_id)

    @property
    def listens_on_loopback(self) -> bool:
        """Whether the server listens on this machine only."""
        host = self.host.strip("[]")
        return host == "localhost" or host == "::1" or host.startswith("127.")

    def teams_endpoint(self) -> tuple[bool, str]:
        """Whether ``/api/messages`` is served, and why (for the start-up log)."""
        if self.teams_configured:
            return True, "the Microsoft app id is set"
        wanted = (
            self.teams_playground
            if self.teams_playground is not None
            else not self.slack_configured
        )
        if not wanted:
            return False, (
                "no Microsoft app id (MICROSOFT_APP_ID) and Slack is configured; "
                "TANDEM_TEAMS_PLAYGROUND=true opens it for the Agents Playground"
            )
        if not self.listens_on_loopback:
            return False, (
                f"no Microsoft app id (MICROSOFT_APP_ID), and without one the endpoint is "
                f"served only on a loopback address, not on {self.host}"
            )
        return True, "no Microsoft app id: open on loopback for the Agents Playground"

    @property
    def uses_sqlite(self) -> bool:
        """Whether the database is an embedded SQLite file."""
        return self.database_url.startswith("sqlite")

    @property
    def demo_enabled(self) -> bool:
        """Import the demo organisation into an empty database (on by default with SQLite)."""
        return self.uses_sqlite if self.demo is None else self.demo
