"""The Teams app package: ``manifest.json``, its French strings (``fr.json``) and its two
icons, zipped for upload."""

from __future__ import annotations

import io
import json
import struct
import zipfile
import zlib
from collections.abc import Sequence
from typing import Any

from tandem import __version__
from tandem.bot.dispatcher import CommandSpec
from tandem.bot.i18n import Translator

MANIFEST_VERSION = "1.24"
SCHEMA_URL = f"https://developer.microsoft.com/json-schemas/teams/v{MANIFEST_VERSION}/MicrosoftTeams.schema.json"
LOCALIZATION_SCHEMA_URL = (
    f"https://developer.microsoft.com/json-schemas/teams/v{MANIFEST_VERSION}/"
    "MicrosoftTeams.Localization.schema.json"
)
DEFAULT_LANGUAGE = "en"
TRANSLATIONS = ("fr",)
"""The languages of the package's localization files besides the manifest's own (each
``LANG.json``, in Teams' localization schema): Teams shows a French user the French
command titles and descriptions."""
ACCENT = (0x2C, 0x5F, 0x8A)
TEAMS_COMMANDS = 10  # Teams shows at most ten commands a list
TITLE_LENGTH = 32  # Teams' documented limits of a bot command's title and description
DESCRIPTION_LENGTH = 128
# What to type after the command (teams.usage.NAME), said in its description: Teams
# inserts a title as typed, so a title is the bare command name, never a placeholder.
USAGES = frozenset({"standup", "blocker", "planning", "kpi"})


def _description(name: str, t: Translator) -> str:
    """The command's help line, then what to type when its help line does not show it."""
    text = t(f"help.cmd.{name}")
    if name in USAGES:
        text = t("teams.command", help=text, usage=t(f"teams.usage.{name}"))
    return text if len(text) <= DESCRIPTION_LENGTH else text[: DESCRIPTION_LENGTH - 1] + "…"


def _listed(commands: Sequence[CommandSpec]) -> list[CommandSpec]:
    return [spec for spec in commands if spec.name != "tandem"][:TEAMS_COMMANDS]


def _commands(commands: Sequence[CommandSpec], t: Translator) -> list[dict[str, str]]:
    """The command menu in ``t``'s language: each command's name in that language (which
    Tandem reads as typed) and what it does."""
    return [
        {
            "title": t(f"command.{spec.name}")[:TITLE_LENGTH],
            "description": _description(spec.name, t),
        }
        for spec in _listed(commands)
    ]


def teams_manifest(
    *, app_id: str, commands: Sequence[CommandSpec], url: str = "https://tandem.example.com"
) -> dict[str, Any]:
    """The manifest: one bot in personal, team and group chat scopes, with its commands,
    in English; :func:`teams_localization` gives the other languages."""
    t = Translator(locale=DEFAULT_LANGUAGE)
    host = url.removeprefix("https://").removeprefix("http://").split("/")[0]
    return {
        "$schema": SCHEMA_URL,
        "manifestVersion": MANIFEST_VERSION,
        "version": __version__,
        "id": app_id,
        "localizationInfo": {
            "defaultLanguageTag": DEFAULT_LANGUAGE,
            "additionalLanguages": [
                {"languageTag": language, "file": f"{language}.json"} for language in TRANSLATIONS
            ],
        },
        "developer": {
            "name": "Tandem",
            "websiteUrl": url,
            "privacyUrl": f"{url.rstrip('/')}/privacy",
            "termsOfUseUrl": f"{url.rstrip('/')}/terms",
        },
        "name": {"short": "Tandem", "full": t("teams.app.name")},
        "description": {"short": t("teams.app.short"), "full": t("teams.app.full")},
        "icons": {"color": "color.png", "outline": "outline.png"},
        "accentColor": "#{:02X}{:02X}{:02X}".format(*ACCENT),
        "bots": [
            {
                "botId": app_id,
                "scopes": ["personal", "team", "groupChat"],
                "supportsFiles": True,  # calendar invites, by consent card
                "isNotificationOnly": False,
                "commandLists": [
                    {
                        "scopes": ["personal", "team", "groupChat"],
                        "commands": _commands(commands, t),
                    }
                ],
            }
        ],
        "permissions": ["identity", "messageTeamMembers"],
        "validDomains": [host] if host else [],
    }


def teams_localization(*, language: str, commands: Sequence[CommandSpec]) -> dict[str, str]:
    """``language``'s localization file: the app's name and descriptions, and each
    command's title and description, keyed as Teams' localization schema has them."""
    t = Translator(locale=language)
    strings = {
        "$schema": LOCALIZATION_SCHEMA_URL,
        "name.short": "Tandem",
        "name.full": t("teams.app.name"),
        "description.short": t("teams.app.short"),
        "description.full": t("teams.app.full"),
    }
    for number, command in enumerate(_commands(commands, t)):
        key = f"bots[0].commandLists[0].commands[{number}]"
        strings[f"{key}.title"] = command["title"]
        strings[f"{key}.description"] = command["description"]
    return strings


def _png(width: int, height: int, pixel: Any) -> bytes:
    """An RGBA PNG drawn by ``pixel(x, y) -> (r, g, b, a)``."""
    rows = b"".join(
        b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(width)) for y in range(height)
    )

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows, 9))
        + chunk(b"IEND", b"")
    )


def _in_t(x: float, y: float) -> bool:
    """The letter T on a unit square."""
    return (0.2 <= x <= 0.8 and 0.2 <= y <= 0.34) or (0.43 <= x <= 0.57 and 0.2 <= y <= 0.8)


def colour_icon() -> bytes:
    """192×192, full colour: a white T on Tandem's blue."""
    size = 192
    return _png(
        size,
        size,
        lambda x, y: (255, 255, 255, 255) if _in_t(x / size, y / size) else (*ACCENT, 255),
    )


def outline_icon() -> bytes:
    """32×32, white on transparent, as Teams requires."""
    size = 32
    return _png(
        size,
        size,
        lambda x, y: (255, 255, 255, 255) if _in_t(x / size, y / size) else (0, 0, 0, 0),
    )


def teams_package(
    *, app_id: str, commands: Sequence[CommandSpec], url: str = "https://tandem.example.com"
) -> bytes:
    """The zip to upload in Teams (Apps → Manage your apps → Upload an app)."""
    manifest = teams_manifest(app_id=app_id, commands=commands, url=url)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False))
        for language in TRANSLATIONS:
            strings = teams_localization(language=language, commands=commands)
            archive.writestr(f"{language}.json", json.dumps(strings, indent=2, ensure_ascii=False))
        archive.writestr("color.png", colour_icon())
        archive.writestr("outline.png", outline_icon())
    return buffer.getvalue()
