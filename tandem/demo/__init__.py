"""The demo organisation that ships with Tandem, so a fresh install has someone to talk to."""

from __future__ import annotations

from importlib.resources import files

from tandem.storage.orgfiles.kinds import FileKind

FILES = {
    FileKind.PEOPLE: "people.csv",
    FileKind.RACI: "raci.csv",
    FileKind.GUARDRAILS: "guardrails.yaml",
    FileKind.KPIS: "kpis.yaml",
}
TENANT = "demo"


def read(kind: FileKind) -> str:
    """The demo organisation's file of ``kind``."""
    return files(__package__).joinpath(FILES[kind]).read_text(encoding="utf-8")
