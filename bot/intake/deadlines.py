"""How far away a time the entrepreneur names is: "voor januari" said in
December is weeks away, said in February most of a year. Text and today in,
months out; no Rasa."""

from __future__ import annotations

import datetime
import logging
import os
import re
from typing import Dict, Optional, Tuple

logger = logging.getLogger(__name__)

MONTHS: Tuple[str, ...] = tuple(
    "januari februari maart april mei juni juli augustus september oktober"
    " november december".split()
)
# The month names as one regex alternation ("januari|februari|...").
MONTH_NAMES = "|".join(MONTHS)
# The first and the last month of a named time.
SPAN: Dict[str, Tuple[int, int]] = {
    **{name: (number, number) for number, name in enumerate(MONTHS, start=1)},
    "kerst": (12, 12),
    "kerstvakantie": (12, 12),
    "kerstdagen": (12, 12),
    "feestdagen": (12, 12),
    "sinterklaas": (12, 12),
    "sinterklaasperiode": (11, 12),
    "kerstperiode": (12, 12),
    "kerstdrukte": (12, 12),
    "jaarwisseling": (12, 12),
    "voorjaarsvakantie": (2, 2),
    "carnaval": (2, 2),
    "pasen": (4, 4),
    "paasvakantie": (4, 4),
    "paasdagen": (4, 4),
    "meivakantie": (5, 5),
    "zomervakantie": (7, 8),
    "bouwvak": (7, 8),
    "bouwvakantie": (7, 8),
    "herfstvakantie": (10, 10),
    "voorjaar": (3, 5),
    "lente": (3, 5),
    "zomer": (6, 8),
    "najaar": (9, 11),
    "herfst": (9, 11),
    "winter": (12, 2),
}
NAMED_TIME = re.compile(
    r"\b(" + "|".join(sorted(SPAN, key=len, reverse=True)) + r")\b", re.IGNORECASE
)
# "na de zomer": the month after it, not the month it begins
AFTER = re.compile(r"\bna\s+(?:de\s+|het\s+)?$", re.IGNORECASE)
# "voor de zomer": the month it begins
BEFORE = re.compile(r"\b(?:voor|vóór)\s+(?:de\s+|het\s+)?$", re.IGNORECASE)
# "voor het einde van het jaar" is how extraction writes "dit jaar nog"
THIS_YEAR = re.compile(
    r"\bdit\s+jaar\b|\beinde?\s+(?:van\s+)?(?:het|dit)\s+jaar\b", re.IGNORECASE
)
# "Q1 volgend jaar", "in het tweede kwartaal": done by the quarter's end
QUARTER = re.compile(
    r"\bq([1-4])\b|\b(eerste|tweede|derde|vierde)\s+kwartaal\b", re.IGNORECASE
)
QUARTER_NUMBERS = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4}
EARLY_NEXT_YEAR = re.compile(r"\bbegin\s+(?:van\s+)?volgend\s+jaar\b", re.IGNORECASE)


def today() -> datetime.date:
    """The date relative times are read against. VRAAGWIJZER_TODAY (an ISO
    date) pins it, so that a test run reads "voor januari" the same in any
    month."""
    pinned = os.environ.get("VRAAGWIJZER_TODAY", "").strip()
    if pinned:
        try:
            return datetime.date.fromisoformat(pinned)
        except ValueError:
            logger.warning("VRAAGWIJZER_TODAY=%r is no ISO date: using today", pinned)
    return datetime.date.today()


def months_until(text: str, on: datetime.date) -> Optional[int]:
    """Whole months from `on` to the time `text` names ("voor januari",
    "na de zomer", "dit jaar nog", "begin volgend jaar", "Q1"); None when it names
    no month, holiday or year, or a season without "voor" or "na"."""
    quarter = QUARTER.search(text or "")
    if quarter:
        number = int(quarter.group(1) or QUARTER_NUMBERS[quarter.group(2).lower()])
        return (3 * number - on.month) % 12
    match = NAMED_TIME.search(text or "")
    if match:
        first, last = SPAN[match.group(1).lower()]
        before = text[: match.start()]
        if AFTER.search(before):
            month = last % 12 + 1
        elif BEFORE.search(before):
            month = first
        elif first != last:
            # "in de winter", "zomer": a season to do it in, no deadline
            return None
        else:
            month = first
        return (month - on.month) % 12
    if THIS_YEAR.search(text or ""):
        return 12 - on.month
    if EARLY_NEXT_YEAR.search(text or ""):
        return 13 - on.month
    return None


# Feasts the word list writes with a capital ("voor Pasen"; "kerst" is small).
CAPITALISED_FEASTS = re.compile(
    r"\b(pasen|pinksteren|koningsdag|hemelvaart(?:sdag)?|kerstmis)\b", re.IGNORECASE
)


def as_deadline(when: str) -> str:
    """ "voor januari" for "vanaf januari" or "per januari": what starts then
    is arranged before it. Said after "Je wilt het ... geregeld hebben" or at
    the end of the real question, a start read as a wrong date."""
    deadline = re.sub(r"^(?:vanaf|per)\s", "voor ", when)
    return CAPITALISED_FEASTS.sub(lambda feast: feast.group(1).capitalize(), deadline)
