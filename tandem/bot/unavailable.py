"""Something Tandem depends on cannot be reached for now: the request is refused politely."""

from __future__ import annotations


class ServiceUnavailable(Exception):
    """The database (or another dependency) is out of reach right now.

    Raised by the storage layer instead of a driver's connection error. Nothing was
    changed: the unit of work was rolled back, so the person can simply try again.
    """


class DatabaseUnreachable(ServiceUnavailable):
    """The database could not be reached at start: its message is the one line to show
    (where the database was looked for, and why it did not answer; never a password)."""
