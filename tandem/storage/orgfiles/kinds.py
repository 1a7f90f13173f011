"""The kinds of organisation file (a module of its own: the command line names them
without loading the parsers or the database)."""

from __future__ import annotations

from enum import StrEnum


class FileKind(StrEnum):
    """The organisation files Tandem reads and writes."""

    PEOPLE = "people"
    RACI = "raci"
    GUARDRAILS = "guardrails"
    KPIS = "kpis"
