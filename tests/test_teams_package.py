"""``tandem manifest teams`` writes a package Teams accepts: a valid manifest and both icons."""

from __future__ import annotations

import json
import struct
import zipfile
from pathlib import Path

import jsonschema

from tandem.bot.settings import Settings
from tandem.runtime import build_runtime
from tests.cli import Ran, tandem

SCHEMA = Path(__file__).parent / "schemas" / "teams-manifest-1.24.schema.json"
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
        assert sorted(package.namelist()) == ["color.png", "manifest.json", "outline.png"]
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
