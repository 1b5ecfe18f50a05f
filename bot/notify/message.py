"""The notification mails, plain text plus simple HTML, in Dutch.

A mail carries what a coordinator needs to decide whether to open the request:
the refined question, the need, company, place, size and time horizon, and a
link. Never the transcript, and of the contact details only the name.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from functools import lru_cache
from pathlib import Path
from typing import List, Optional, Sequence

from jinja2 import Environment, FileSystemLoader, select_autoescape

from bot.intake.vocabulary import NEED_LABELS
from bot.review.dates import shown
from bot.store.models import RefinedRequest

TEMPLATES = Path(__file__).resolve().parent / "templates"
UNKNOWN = "niet genoemd"


@dataclass(frozen=True)
class RequestSummary:
    """What a mail shows of one request."""

    link: str
    created: str
    question: str
    need: str
    company: str
    place: str
    size: str
    horizon: str
    contact_name: str
    handoff: bool


def summary(request: RefinedRequest, review_url: str) -> RequestSummary:
    answers = request.answers or {}
    return RequestSummary(
        link=f"{review_url}/verzoeken/{request.id}",
        created=shown(request.created_at),
        question=request.refined_question or "(nog niet bevestigd)",
        need=NEED_LABELS.get(request.need_category or "", UNKNOWN),
        company=request.company or UNKNOWN,
        place=request.region or UNKNOWN,
        size=_size(request.size),
        horizon=str(answers.get("time_horizon") or UNKNOWN),
        contact_name=request.contact_name or "",
        handoff=bool(request.handoff_requested),
    )


def _size(size: Optional[str]) -> str:
    """The stored head count (digits) as people read it."""
    if not size:
        return UNKNOWN
    if size == "1":
        return "1 medewerker"
    return f"{size} medewerkers" if size.isdigit() else size


@lru_cache(maxsize=2)
def _environment(html: bool) -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(enabled_extensions=("html",)) if html else False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _render(name: str, **values: object) -> str:
    html = name.endswith(".html")
    return _environment(html).get_template(name).render(**values)


def _message(
    subject: str, sender: str, to: str, text: str, html: str, now: datetime
) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = sender
    message["To"] = to
    message["Date"] = format_datetime(now)
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or None)
    message["Auto-Submitted"] = "auto-generated"  # no out-of-office replies
    message.set_content(text)
    message.add_alternative(html, subtype="html")
    return message


def request_mail(
    request: RequestSummary,
    sender: str,
    to: str,
    settings_link: str,
    now: datetime,
) -> EmailMessage:
    values = {"r": request, "settings_link": settings_link}
    subject = f"Nieuwe aanvraag: {request.company} ({request.need})"
    return _message(
        subject,
        sender,
        to,
        _render("request.txt", **values),
        _render("request.html", **values),
        now,
    )


def digest_mail(
    requests: Sequence[RequestSummary],
    since: Optional[datetime],
    sender: str,
    to: str,
    settings_link: str,
    now: datetime,
) -> EmailMessage:
    items: List[RequestSummary] = list(requests)
    count = len(items)
    subject = (
        "Vraagwijzer: 1 nieuwe aanvraag"
        if count == 1
        else f"Vraagwijzer: {count} nieuwe aanvragen"
    )
    values = {
        "requests": items,
        "since": shown(since),
        "settings_link": settings_link,
    }
    return _message(
        subject,
        sender,
        to,
        _render("digest.txt", **values),
        _render("digest.html", **values),
        now,
    )
