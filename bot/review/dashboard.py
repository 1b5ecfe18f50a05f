"""The dashboard's figures and the geometry of its inline SVG charts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Dict, List, Optional, Sequence, Set, Tuple

from bot.review.dates import day_start, week_monday
from bot.store.models import utcnow
from bot.store.session import UnitOfWork

WEEKS = 12
# (stage, the slot Rasa sets when the conversation reaches it)
FUNNEL = (
    ("Gesprek gestart", None),
    ("Behoefte begrepen", "need_category"),
    ("Vraag bevestigd", "question_confirmed"),
    ("Optie gekozen", "chosen_option"),
)
# The last stage counts stored requests with an e-mail address or a phone
# number: an answer to the consent question ("nee" too) is no contact.
CONTACT_STAGE = "Contactgegevens achtergelaten"
NO_VALUE = "(onbekend)"


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    share: float  # of the largest value, 0..1
    note: str = ""


def percent(share: float, decimals: int = 1) -> str:
    """A share (0..1) as Dutch write it: 2,7%."""
    return f"{100 * share:.{decimals}f}".replace(".", ",") + "%"


def bars(
    items: Sequence[Tuple[Any, int]], notes: Optional[List[str]] = None
) -> List[Bar]:
    largest = max((value for _, value in items), default=0) or 1
    return [
        Bar(
            label=NO_VALUE if label in (None, "") else str(label),
            value=value,
            share=value / largest,
            note=notes[i] if notes else "",
        )
        for i, (label, value) in enumerate(items)
    ]


def per_week(created: List[datetime], now: datetime) -> List[Tuple[str, int]]:
    """Requests per local week (Monday), the last WEEKS weeks, oldest first."""
    this_week = week_monday(now)
    mondays = [this_week - timedelta(weeks=n) for n in range(WEEKS - 1, -1, -1)]
    counts = {monday: 0 for monday in mondays}
    for moment in created:
        monday = week_monday(moment)
        if monday in counts:
            counts[monday] += 1
    return [(f"wk {m.isocalendar()[1]}", counts[m]) for m in mondays]


def funnel(uow: UnitOfWork) -> List[Tuple[str, int]]:
    """Conversations per stage, from Rasa's events and the stored requests.

    A stored request counts for every stage its fields show, so requests whose
    transcript was never kept (or is older than the tracker store) count too.
    """
    slots = [slot for _, slot in FUNNEL if slot]
    by_slot = uow.transcripts.conversations_with_slot(slots)
    reached: Dict[Optional[str], Set[str]] = {s: by_slot[s] for s in slots}
    started = uow.transcripts.conversations_started()
    for conversation, *passed_stages in uow.requests.milestones():
        started.add(conversation)
        for slot, passed in zip(slots, passed_stages, strict=True):
            if passed:
                reached[slot].add(conversation)
    reached[None] = started
    stages = [(stage, len(reached[slot])) for stage, slot in FUNNEL]
    return [*stages, (CONTACT_STAGE, uow.requests.count_with_contact())]


def figures(uow: UnitOfWork, now: Optional[datetime] = None) -> Dict[str, Any]:
    now = now or utcnow()
    since = day_start(week_monday(now) - timedelta(weeks=WEEKS - 1))
    stages = funnel(uow)
    started = stages[0][1] or 1
    fallback, user_turns = uow.transcripts.fallback_share()
    return {
        "weeks": bars(per_week(uow.requests.created_times(since), now)),
        "categories": bars(uow.requests.counts_by("need_category")),
        "channels": bars(uow.requests.counts_by("channel")),
        "funnel": bars(
            stages, notes=[percent(count / started, 0) for _, count in stages]
        ),
        "fallback_turns": fallback,
        "user_turns": user_turns,
        "fallback_share": fallback / user_turns if user_turns else 0.0,
        "fallback_percent": percent(fallback / user_turns if user_turns else 0.0),
        "total": sum(value for _, value in uow.requests.counts_by("channel")),
        "mail": uow.outbox.counts(),
    }
