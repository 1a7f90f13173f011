"""``tandem manifest teams`` writes a package Teams accepts: a valid manifest and both icons."""

from __future__ import annotations

import json
import struct
import zipfile
from pathlib import Path

import jsonschema

from tandem.bot.i18n import Translator
from tandem.bot.settings import Settings
from tandem.runtime import build_runtime
from tests.cli import Ran, tandem

SCHEMA = Path(__file__).parent / "schemas" / "teams-manifest-1.24.schema.json"
LOCALIZATION_SCHEMA = Path(__file__).parent / "schemas" / "teams-localization-1.24.schema.json"
APP_ID = "11111111-2222-3333-4444-555555555555"


def png_size(data: bytes) -> tuple[int, int, int]:
    """(width, height, colour type) from a PNG's header."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height, _depth, colour = struct.unpack(">IIBB", data[16:26])
    return int(width), int(height), int(colour)


def build(tmp_path: Path, *args: str) -> Ran:
    return tandem(["manifest", "teams", *args], env={}, cwd=tmp_path)


def test_the_package_validates_and_holds_both_icons(tmp_path: Path) -> None:
    result = build(tmp_path, "--app-id", APP_ID, "--out", "tandem-teams.zip")
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(tmp_path / "tandem-teams.zip") as package:
        assert sorted(package.namelist()) == [
            "color.png",
            "fr.json",
            "manifest.json",
            "outline.png",
        ]
        manifest = json.loads(package.read("manifest.json"))
        colour, outline = package.read("color.png"), package.read("outline.png")
    schema = json.loads(SCHEMA.read_text("utf-8"))
    jsonschema.Draft7Validator(schema).validate(manifest)
    assert png_size(colour) == (192, 192, 6)
    assert png_size(outline) == (32, 32, 6)  # RGBA: white on transparent
    (bot,) = manifest["bots"]
    assert bot["botId"] == APP_ID
    assert set(bot["scopes"]) == {"personal", "team", "groupChat"}
    assert bot["supportsFiles"] is True  # calendar invites are offered as files
    titles = {c["title"] for c in bot["commandLists"][0]["commands"]}
    runtime = build_runtime(
        settings=Settings(TANDEM_DATABASE_URL="sqlite:///:memory:", TANDEM_DEMO=False)
    )
    expected = {spec.name for spec in runtime.dispatcher.commands if spec.name != "tandem"}
    assert titles == expected


def test_command_titles_are_bare_names_and_descriptions_say_what_to_type(
    tmp_path: Path,
) -> None:
    """Teams puts a command's title in the compose box as it is: a title holding a
    placeholder ("blocker TEXT") or an example would be sent as typed."""
    assert build(tmp_path, "--app-id", APP_ID).returncode == 0
    with zipfile.ZipFile(tmp_path / "tandem-teams.zip") as package:
        manifest = json.loads(package.read("manifest.json"))
    (listed,) = manifest["bots"][0]["commandLists"]
    commands = {c["title"]: c["description"] for c in listed["commands"]}
    for title, description in commands.items():
        assert title.islower() and " " not in title, title  # nothing to fill in, no example
        assert len(title) <= 32 and 0 < len(description) <= 128  # Teams' documented limits
    assert commands["blocker"] == "raise and follow blockers: blocker TEXT [#topic]"
    assert "/who-owns domain-names" in commands["who-owns"]


def test_french_users_read_the_command_menu_in_french(tmp_path: Path) -> None:
    """The package's fr.json (Teams' localization schema, named by the manifest's
    localizationInfo) holds each command's French name, as the French catalogue and
    /aide have it, and what it does in French."""
    assert build(tmp_path, "--app-id", APP_ID).returncode == 0
    with zipfile.ZipFile(tmp_path / "tandem-teams.zip") as package:
        manifest = json.loads(package.read("manifest.json"))
        french = json.loads(package.read("fr.json"))
    assert manifest["localizationInfo"] == {
        "defaultLanguageTag": "en",
        "additionalLanguages": [{"languageTag": "fr", "file": "fr.json"}],
    }
    schema = json.loads(LOCALIZATION_SCHEMA.read_text("utf-8"))
    jsonschema.Draft4Validator(schema).validate(french)
    assert french["$schema"].endswith("/v1.24/MicrosoftTeams.Localization.schema.json")
    assert french["description.short"] == Translator(locale="fr")("teams.app.short")

    english = manifest["bots"][0]["commandLists"][0]["commands"]
    menu = {
        c["title"]: french[f"bots[0].commandLists[0].commands[{n}].title"]
        for n, c in enumerate(english)
    }
    t = Translator(locale="fr")
    assert menu == {name: t(f"command.{name}") for name in menu}
    assert menu["blocker"] == "blocage" and menu["who-owns"] == "qui-gère"
    described = {
        menu[c["title"]]: french[f"bots[0].commandLists[0].commands[{n}].description"]
        for n, c in enumerate(english)
    }
    assert described["blocage"] == (
        "signaler et suivre les points de blocage : blocage TEXTE [#sujet]"
    )
    assert described["aide"] == "cette liste"
    for title, description in described.items():
        assert len(title) <= 32 and 0 < len(description) <= 128  # as the menu's own limits
    assert not [key for key in french if key.startswith("bots") and key not in _keys(english)]


def _keys(commands: list[dict[str, str]]) -> set[str]:
    return {
        f"bots[0].commandLists[0].commands[{n}].{part}"
        for n in range(len(commands))
        for part in ("title", "description")
    }


def test_a_broken_manifest_would_be_caught_by_the_schema() -> None:
    schema = json.loads(SCHEMA.read_text("utf-8"))
    try:
        jsonschema.Draft7Validator(schema).validate({"manifestVersion": "1.24", "id": "x"})
    except jsonschema.ValidationError:
        return
    raise AssertionError("the schema accepted an incomplete manifest")


def test_a_missing_or_bad_app_id_is_explained(tmp_path: Path) -> None:
    result = build(tmp_path, "--app-id", "not-a-guid")
    assert result.returncode == 2
    assert "the bot's Microsoft app id, a GUID" in result.stderr
    assert not (tmp_path / "tandem-teams.zip").exists()
