"""Problems found in an organisation file, each named by line."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a file; ``line`` is 1-based, None for the whole file."""

    line: int | None
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message


class FileRejected(Exception):
    """The file was rejected whole; nothing was stored."""

    def __init__(self, *, kind: str, problems: list[Problem]) -> None:
        self.kind = kind
        self.problems = sorted(problems, key=lambda p: (p.line or 0, p.message))
        super().__init__(self.describe())

    def describe(self) -> str:
        """Every problem on its own line, for people."""
        count = len(self.problems)
        head = f"The {self.kind} file was rejected, nothing was changed ({count} problem"
        head += "s):" if count != 1 else "):"
        return "\n".join([head, *(f"  - {p}" for p in self.problems)])
