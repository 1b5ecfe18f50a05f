"""The inbox's query string: its filters, the date range it cannot match, and
links that change one parameter of it. The CSV export reads the same filters."""

from __future__ import annotations

from datetime import date
from typing import Any, Optional
from urllib.parse import urlencode

from bot.review import dates
from bot.store.repository import RequestFilter


def parse_day(text: Optional[str]) -> Optional[date]:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def inbox_filter(args: Any) -> RequestFilter:
    """The inbox's query string as a filter; what does not parse is ignored."""
    since, until = parse_day(args.get("van")), parse_day(args.get("tot"))
    handoff = {"ja": True, "nee": False}.get(args.get("overdracht", ""))
    return RequestFilter(
        status=args.get("status") or None,
        need_category=args.get("categorie") or None,
        channel=args.get("kanaal") or None,
        since=dates.day_start(since) if since else None,
        until=dates.day_after(until) if until else None,
        handoff=handoff,
        text=(args.get("zoek") or "").strip() or None,
        tag=args.get("label") or None,
    )


def reversed_range(args: Any) -> Optional[str]:
    """A Dutch message when "van" lies after "tot en met" (nothing can match)."""
    since, until = parse_day(args.get("van")), parse_day(args.get("tot"))
    if since and until and since > until:
        return (
            f"De datum 'van' ({since:%d-%m-%Y}) ligt na 'tot en met' "
            f"({until:%d-%m-%Y}): daar valt niets tussen. Draai de datums om."
        )
    return None


def query_string(args: Any, **changes: Any) -> str:
    """The current query string with some parameters changed or dropped (None)."""
    params = {key: value for key, value in args.items() if value}
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value
    return urlencode(params)
