"""Calendar invites (RFC 5545) for one meeting of a planning session.

Each meeting has its own ``UID``: a recurring session's representatives change from one
meeting to the next, so each meeting is its own event. A change sends the same ``UID``
with a higher ``SEQUENCE``; a cancellation sends ``METHOD:CANCEL`` and ``STATUS:CANCELLED``.
The start and end are written in the organiser's timezone (``TZID`` with its
``VTIMEZONE``), so calendars show the wall time the organiser chose.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from tandem.bot.cards import FileAttachment

if TYPE_CHECKING:
    from icalendar import vCalAddress

PRODID = "-//Tandem//Planning//EN"
MIME = "text/calendar"


@dataclass(frozen=True, slots=True)
class Attendee:
    """Someone on the invite, with their answer so far."""

    email: str
    name: str
    status: str = "NEEDS-ACTION"  # ACCEPTED, DECLINED, TENTATIVE


@dataclass(frozen=True, slots=True)
class Meeting:
    """What the invite says."""

    uid: str
    sequence: int
    title: str
    description: str
    starts_at: datetime
    ends_at: datetime
    timezone: str
    organiser: Attendee
    attendees: Sequence[Attendee]
    stamp: datetime
    location: str = ""
    cancelled: bool = False


def _address(person: Attendee) -> vCalAddress:
    from icalendar import vCalAddress, vText

    address = vCalAddress(f"mailto:{person.email}")
    address.params["CN"] = vText(person.name or person.email)
    return address


def invite(meeting: Meeting) -> bytes:
    """The ``.ics`` bytes of a request (or a cancellation) for ``meeting``.

    icalendar is imported here, when a file is written, not when Tandem starts.
    """
    from icalendar import Calendar, Event, vText

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "CANCEL" if meeting.cancelled else "REQUEST")
    event = Event()
    zone = ZoneInfo(meeting.timezone)
    event.add("uid", meeting.uid)
    event.add("sequence", meeting.sequence)
    event.add("dtstamp", meeting.stamp)
    event.add("dtstart", meeting.starts_at.astimezone(zone))
    event.add("dtend", meeting.ends_at.astimezone(zone))
    event.add("summary", meeting.title)
    if meeting.description:
        event.add("description", meeting.description)
    if meeting.location:
        event.add("location", meeting.location)
    event.add("status", "CANCELLED" if meeting.cancelled else "CONFIRMED")
    event.add("organizer", _address(meeting.organiser))
    for person in meeting.attendees:
        address = _address(person)
        address.params["ROLE"] = vText("REQ-PARTICIPANT")
        address.params["PARTSTAT"] = vText(person.status)
        address.params["RSVP"] = vText("FALSE" if person.status != "NEEDS-ACTION" else "TRUE")
        event.add("attendee", address, encode=False)
    calendar.add_component(event)
    # The VTIMEZONE covers the year around the meeting, not 1970-2038.
    calendar.add_missing_timezones(
        first_date=date(meeting.starts_at.year - 1, 1, 1),
        last_date=date(meeting.ends_at.year + 2, 1, 1),
    )
    return bytes(calendar.to_ical())


def file_name(title: str, *, cancelled: bool = False) -> str:
    """A safe file name for the invite: ``q1-campaign-planning.ics``."""
    stem = re.sub(r"[^a-z0-9]+", "-", title.casefold()).strip("-")[:60] or "planning"
    return f"{stem}-cancelled.ics" if cancelled else f"{stem}.ics"


def attachment(meeting: Meeting) -> FileAttachment:
    """The invite as a file to send with a message."""
    return FileAttachment(
        name=file_name(meeting.title, cancelled=meeting.cancelled),
        mime=MIME,
        content=invite(meeting),
        title=meeting.title,
    )
