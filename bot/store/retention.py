"""Retention: conversations nobody touched for a while are erased completely.

A conversation's last activity is its newest transcript event or the last
change to its request, whichever is later; past the cutoff, everything of it
goes through `erase_conversation`, so the purge removes exactly what an
erasure removes. `python -m bot purge` runs it (bot/cli.py).
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import datetime, timedelta
from typing import Dict, List

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bot.store.erasure import erase_conversation
from bot.store.models import RefinedRequest, as_utc

_PERIOD = re.compile(r"^\s*(\d+)\s*([dhw]?)\s*$", re.IGNORECASE)
_UNITS = {"": "days", "d": "days", "h": "hours", "w": "weeks"}
# Longer than any retention anyone means; it also keeps `now - period` in range.
MAX_PERIOD = timedelta(days=100 * 365)
_EXAMPLES = "Gebruik bijvoorbeeld 180d (dagen), 26w (weken) of 12h (uren)."

_events = sa.table(
    "events", sa.column("sender_id", sa.String), sa.column("timestamp", sa.Float)
)


def parse_period(text: str) -> timedelta:
    """ "180d", "26w", "12h" or a bare number of days; more than 0, at most
    MAX_PERIOD. Raises ValueError with a Dutch explanation otherwise."""
    match = _PERIOD.match(text)
    if match is None:
        raise ValueError(f"Geen geldige periode: {text!r}. {_EXAMPLES}")
    amount, unit = match.groups()
    if int(amount) == 0:
        raise ValueError(
            f"De periode moet groter dan 0 zijn, niet {text!r}: anders wordt "
            f"alles gewist wat nu is opgeslagen. {_EXAMPLES}"
        )
    if len(amount) > 9:  # timedelta itself overflows well before this matters
        raise ValueError(f"De periode {text!r} is te lang: hooguit 100 jaar.")
    period = timedelta(**{_UNITS[unit.lower()]: int(amount)})
    if period > MAX_PERIOD:
        raise ValueError(f"De periode {text!r} is te lang: hooguit 100 jaar.")
    return period


def last_activity(session: Session) -> Dict[str, datetime]:
    """Every conversation with its newest event or request change, in UTC."""
    latest: Dict[str, datetime] = {}
    requests = sa.select(RefinedRequest.conversation_id, RefinedRequest.updated_at)
    for conversation_id, updated_at in session.execute(requests):
        latest[conversation_id] = as_utc(updated_at)
    if sa.inspect(session.connection()).has_table("events"):
        newest = sa.select(
            _events.c.sender_id, sa.func.max(_events.c.timestamp)
        ).group_by(_events.c.sender_id)
        for sender_id, timestamp in session.execute(newest):
            when = as_utc(datetime.utcfromtimestamp(timestamp or 0))
            latest[sender_id] = max(when, latest.get(sender_id, when))
    return latest


def expired_conversations(session: Session, cutoff: datetime) -> List[str]:
    cutoff = as_utc(cutoff)
    return sorted(cid for cid, when in last_activity(session).items() if when < cutoff)


def purge_before(session: Session, cutoff: datetime) -> Counter:
    """Erases every conversation idle since before `cutoff`; the caller commits.

    Returns the number of conversations and the rows deleted per table.
    """
    totals: Counter = Counter()
    for conversation_id in expired_conversations(session, cutoff):
        totals.update(erase_conversation(session, conversation_id))
        totals["conversations"] += 1
    return totals
