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

from bot.store.erasure import erase_conversation
from bot.store.models import as_utc
from bot.store.session import UnitOfWork

_PERIOD = re.compile(r"^\s*(\d+)\s*([dhw]?)\s*$", re.IGNORECASE)
_UNITS = {"": "days", "d": "days", "h": "hours", "w": "weeks"}
# Longer than any retention anyone means; it also keeps `now - period` in range.
MAX_PERIOD = timedelta(days=100 * 365)
_EXAMPLES = "Gebruik bijvoorbeeld 180d (dagen), 26w (weken) of 12h (uren)."


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


def last_activity(uow: UnitOfWork) -> Dict[str, datetime]:
    """Every conversation with its newest event or request change, in UTC."""
    latest = uow.requests.last_changes()
    for conversation_id, when in uow.transcripts.last_event_times().items():
        latest[conversation_id] = max(when, latest.get(conversation_id, when))
    return latest


def expired_conversations(uow: UnitOfWork, cutoff: datetime) -> List[str]:
    cutoff = as_utc(cutoff)
    return sorted(cid for cid, when in last_activity(uow).items() if when < cutoff)


def purge_before(uow: UnitOfWork, cutoff: datetime) -> Counter:
    """Erases every conversation idle since before `cutoff`; the caller commits.

    Returns the number of conversations and the rows deleted per table.
    """
    totals: Counter = Counter()
    for conversation_id in expired_conversations(uow, cutoff):
        totals.update(erase_conversation(uow, conversation_id))
        totals["conversations"] += 1
    return totals
