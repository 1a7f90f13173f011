"""Reading CSV with physical line numbers and strict headers, and writing it so that a
spreadsheet never runs a cell as a formula.

A cell beginning with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is written
behind a single quote, as OWASP recommends against CSV injection; reading takes the quote
off again, so an export imported back is what was exported. A value that itself begins
with a quote before one of those (or before another quote) gets one more, for the same
reason.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence

from tandem.storage.orgfiles.problems import Problem


def read_rows(
    *, text: str, required: Sequence[str], optional: Sequence[str] = ()
) -> tuple[list[tuple[int, dict[str, str]]], list[Problem]]:
    """Rows as ``(line, {column: stripped value})`` and the header's problems.

    Blank lines are skipped; an unknown or missing column is a problem, since a
    typo in a header would otherwise drop a column silently. A file whose header is
    separated by semicolons (what a spreadsheet saves in French and other locales that
    write decimals with a comma) is read with semicolons.
    """
    text = text.removeprefix("\ufeff")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    problems: list[Problem] = []
    try:
        header = next(_non_blank(reader))
    except StopIteration:
        return [], [Problem(None, "the file is empty")]
    except csv.Error as error:
        return [], [Problem(reader.line_num, f"unreadable CSV: {error}")]
    columns = [h.strip().lower() for h in header]
    known = {*required, *optional}
    for name in columns:
        if name not in known:
            expected = ", ".join([*required, *optional])
            problems.append(Problem(1, f"unknown column {name!r} (expected {expected})"))
    for name in required:
        if name not in columns:
            problems.append(Problem(1, f"missing column {name!r}"))
    seen = [c for i, c in enumerate(columns) if c in columns[:i]]
    problems.extend(Problem(1, f"column {name!r} appears twice") for name in set(seen))
    if problems:
        return [], problems
    rows: list[tuple[int, dict[str, str]]] = []
    try:
        for values in _non_blank(reader):
            line = reader.line_num
            if len(values) != len(columns):
                problems.append(
                    Problem(line, f"{len(values)} fields where the header has {len(columns)}")
                )
                continue
            rows.append(
                (line, {c: _unguarded(v).strip() for c, v in zip(columns, values, strict=True)})
            )
    except csv.Error as error:
        problems.append(Problem(reader.line_num, f"unreadable CSV: {error}"))
    return rows, problems


def _delimiter(text: str) -> str:
    """``;`` when the header line has semicolons and no comma, else ``,``."""
    header = next((line for line in text.splitlines() if line.strip()), "")
    return ";" if ";" in header and "," not in header else ","


def _non_blank(reader: Iterator[list[str]]) -> Iterator[list[str]]:
    for values in reader:
        if any(v.strip() for v in values):
            yield values


def split_list(value: str) -> tuple[str, ...]:
    """``a; b;c`` → ``("a", "b", "c")``, empty parts dropped."""
    return tuple(part.strip() for part in value.split(";") if part.strip())


def write_rows(*, columns: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """CSV text with a header, quoting only where needed."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([_guarded(value) for value in row] for row in rows)
    return out.getvalue()


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_QUOTE = "'"


def _guarded(value: str) -> str:
    """``value`` as a cell no spreadsheet evaluates."""
    if value.startswith(FORMULA_STARTS) or (
        value.startswith(_QUOTE) and value[1:2] in (*FORMULA_STARTS, _QUOTE)
    ):
        return _QUOTE + value
    return value


def _unguarded(value: str) -> str:
    """The value :func:`_guarded` guarded."""
    if value.startswith(_QUOTE) and value[1:2] in (*FORMULA_STARTS, _QUOTE):
        return value[1:]
    return value
