"""The store keeps UTC; coordinators read and filter in Dutch local time."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from typing import Optional
from zoneinfo import ZoneInfo

LOCAL = ZoneInfo("Europe/Amsterdam")


def local(moment: Optional[datetime]) -> Optional[datetime]:
    return None if moment is None else moment.astimezone(LOCAL)


def today() -> date:
    """Today in Dutch local time (the date the rows and file names use)."""
    return datetime.now(LOCAL).date()


def day_start(day: date) -> datetime:
    """Midnight of a local day, in UTC."""
    return datetime.combine(day, time(), tzinfo=LOCAL).astimezone(timezone.utc)


def day_after(day: date) -> datetime:
    return day_start(day + timedelta(days=1))


def week_monday(moment: datetime) -> date:
    day = moment.astimezone(LOCAL).date()
    return day - timedelta(days=day.weekday())


def shown(moment: Optional[datetime], with_seconds: bool = False) -> str:
    """`25-11-2026 11:05` in local time; empty for no time."""
    if moment is None:
        return ""
    return moment.astimezone(LOCAL).strftime(
        "%d-%m-%Y %H:%M:%S" if with_seconds else "%d-%m-%Y %H:%M"
    )
