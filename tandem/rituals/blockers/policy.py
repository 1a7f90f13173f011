"""The escalation policy: how long before a blocker climbs, and where it lands last.

A tenant has one (defaults until an admin changes it with ``/tandem escalation``);
each blocker keeps a copy of the one in force when it was raised.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from tandem.bot.text import fold
from tandem.rituals.common.org import stored_channel
from tandem.rituals.common.working_time import WorkingHours, parse_clock
from tandem.storage.records import ChannelAddress

MAX_ACK_HOURS = 24 * 5
MAX_RESOLVE_DAYS = 30
_DURATION = re.compile(r"^(\d{1,3})\s*(h|hours?|heures?|d|days?|j|jours?)?$")


@dataclass(frozen=True, slots=True)
class EscalationPolicy:
    """Delays in working time (the organisation's hours, kept with each blocker); the
    channel where the last level also posts (optional)."""

    ack_hours: int = 4
    resolve_days: int = 2
    hours: WorkingHours = field(default_factory=WorkingHours)
    channel: ChannelAddress | None = None
    locale: str = "en"  # the language of posts in the channel: that of the admin who set it

    def as_dict(self) -> dict[str, Any]:
        """As stored (on the tenant and on each blocker)."""
        return {
            "ack_hours": self.ack_hours,
            "resolve_days": self.resolve_days,
            **self.hours.as_dict(),
            "locale": self.locale,
            "channel": (
                None
                if self.channel is None
                else {
                    "id": self.channel.id,
                    "kind": self.channel.kind,
                    "reference": self.channel.reference,
                }
            ),
        }

    @classmethod
    def of(cls, stored: Mapping[str, Any] | None) -> EscalationPolicy:
        """Read a stored policy; anything missing or unreadable takes the default."""
        default = cls()
        if not stored:
            return default
        try:
            return cls(
                ack_hours=int(stored.get("ack_hours", default.ack_hours)),
                resolve_days=int(stored.get("resolve_days", default.resolve_days)),
                hours=WorkingHours.read(stored),
                locale=str(stored.get("locale", "en")),
                channel=stored_channel(stored),
            )
        except (ValueError, TypeError, KeyError):
            return default


class PolicyProblem(ValueError):
    """A policy change that cannot be applied; ``key`` names the message to show."""

    def __init__(self, key: str, **values: str) -> None:
        super().__init__(key)
        self.key = key
        self.values = values


_ACK_WORDS = {"ack", "acknowledge", "accuse", "prise", "prise en charge", "acquittement"}
_RESOLVE_WORDS = {"resolve", "resolution", "resoudre", "resolu"}
_CHANNEL_WORDS = {"channel", "canal"}
_HOURS_WORDS = {"hours", "heures", "horaires"}


def _amount(text: str, *, unit: str) -> int:
    found = _DURATION.match(fold(text).replace(" ", ""))
    if not found:
        raise PolicyProblem(f"escalation.bad_{unit}", value=text)
    number, suffix = int(found.group(1)), found.group(2) or ""
    if unit == "hours" and suffix[:1] in {"d", "j"}:
        number *= 8
    if unit == "days" and suffix[:1] == "h":
        raise PolicyProblem("escalation.bad_days", value=text)
    return number


def change(
    policy: EscalationPolicy, *, text: str, channel: ChannelAddress | None
) -> EscalationPolicy:
    """Apply ``ack: 4h; resolve: 2d; hours: 09:00-17:00; channel: #it-escalations``.

    Args:
        policy: the policy now.
        text: the admin's settings, ``;``-separated ``key: value`` pairs (or ``key value``).
        channel: the channel the text names, already resolved by the caller (None: none named).

    Raises:
        PolicyProblem: a key or value that cannot be read.
    """
    updated = policy
    for part in (p.strip() for p in text.split(";")):
        if not part:
            continue
        key, sep, value = part.partition(":")
        if not sep or " " in key.strip():  # "hours 09:00-17:00": that colon is the value's
            key, _, value = part.partition(" ")
        word, value = fold(key), value.strip()
        if word in _ACK_WORDS:
            hours = _amount(value, unit="hours")
            if not 1 <= hours <= MAX_ACK_HOURS:
                raise PolicyProblem("escalation.bad_hours", value=value)
            updated = replace(updated, ack_hours=hours)
        elif word in _RESOLVE_WORDS:
            days = _amount(value, unit="days")
            if not 1 <= days <= MAX_RESOLVE_DAYS:
                raise PolicyProblem("escalation.bad_days", value=value)
            updated = replace(updated, resolve_days=days)
        elif word in _HOURS_WORDS:
            first, dash, last = value.partition("-")
            try:
                start, end = parse_clock(first), parse_clock(last)
            except ValueError:
                raise PolicyProblem("escalation.bad_day", value=value) from None
            if not dash or end <= start:
                raise PolicyProblem("escalation.bad_day", value=value)
            updated = replace(updated, hours=WorkingHours(start=start, end=end))
        elif word in _CHANNEL_WORDS:
            if fold(value) in {"none", "aucun", "-"}:
                updated = replace(updated, channel=None)
            elif channel is None:
                raise PolicyProblem("escalation.bad_channel", value=value)
            else:
                updated = replace(updated, channel=channel)
        else:
            raise PolicyProblem("escalation.bad_key", value=key.strip())
    return updated
