"""What the review app's pages do, each on the page's unit of work. The routes
(bot/review/blueprints/) read the form, call one of these, then flash, render
or redirect; a service that changes something commits it."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from math import ceil
from typing import Any, Callable, Dict, List, Optional, Sequence

from bot.export import write_dutch_csv, write_xlsx
from bot.review import labels, workflow
from bot.review.accounts import (
    MIN_PASSWORD,
    AccountError,
    add_user,
    authenticate,
    end_sessions,
    set_password,
)
from bot.review.corrections import nlu_yaml
from bot.store.erasure import erase_conversation
from bot.store.models import (
    NOTIFY_DIGEST,
    NOTIFY_EACH,
    NOTIFY_NONE,
    AuditEntry,
    MessageCorrection,
    RefinedRequest,
    User,
    utcnow,
)
from bot.store.repository import RequestFilter, RequestRepository, stored_id
from bot.store.session import UnitOfWork
from bot.store.transcripts import Turn

PAGE_SIZE = 25
TOO_SHORT = f"Een wachtwoord heeft minstens {MIN_PASSWORD} tekens."


# --- accounts -----------------------------------------------------------------


def log_in(uow: UnitOfWork, username: str, password: str) -> Optional[User]:
    """The active user with this name and password (its login recorded), else None."""
    user = authenticate(uow, username, password)
    if user is not None:
        uow.commit()
    return user


def log_out(uow: UnitOfWork, user_id: Any, epoch: Any) -> None:
    """Ends the account's sessions in every browser, if the cookie still counts."""
    if not isinstance(user_id, int):
        return
    user = uow.users.get(user_id)
    if user is not None and epoch == user.session_epoch:
        end_sessions(user)
        uow.commit()


def new_password(
    uow: UnitOfWork, user: User, new: str, repeated: Optional[str]
) -> Optional[str]:
    """Sets the password (ending every session); else why not, in Dutch."""
    if new != repeated:
        return "De twee nieuwe wachtwoorden verschillen."
    if len(new) < MIN_PASSWORD:
        return TOO_SHORT
    try:
        set_password(uow, user.username, new)
    except AccountError:
        return TOO_SHORT
    uow.commit()
    return None


NOTIFY_CHOICES = {
    NOTIFY_EACH: "Een e-mail bij elke nieuwe aanvraag",
    NOTIFY_DIGEST: "Eén e-mail per dag met de nieuwe aanvragen",
    NOTIFY_NONE: "Geen e-mail",
}
EMAIL = re.compile(r"[^@\s<>\"',;]+@[^@\s<>\"',;]+\.[^@\s<>\"',;]+")
DAY_TIME = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")


def set_notifications(
    uow: UnitOfWork, user: User, email: str, mode: str, digest_time: str
) -> Optional[str]:
    """Stores how the coordinator hears of new requests; else why not, in Dutch."""
    email = email.strip()
    if mode not in NOTIFY_CHOICES:
        return "Kies een van de drie mogelijkheden."
    if email and (len(email) > 254 or not EMAIL.fullmatch(email)):
        return "Dat e-mailadres klopt niet."
    if mode != NOTIFY_NONE and not email:
        return "Vul een e-mailadres in om e-mail te krijgen."
    if not DAY_TIME.fullmatch(digest_time.strip()):
        return "Vul de tijd in als uu:mm, bijvoorbeeld 08:00."
    user.email = email or None
    user.notify = mode
    user.digest_time = digest_time.strip()
    uow.commit()
    return None


def mail_counts(uow: UnitOfWork) -> Dict[str, int]:
    """Notification mails waiting (also between retries) and failed for good."""
    return uow.outbox.counts()


ROLE_LABELS = {"coordinator": "coördinator", "admin": "beheerder"}


def add_account(
    uow: UnitOfWork, username: str, password: str, role: str
) -> Optional[str]:
    """Creates a coordinator's account; else why not, in Dutch."""
    username = username.strip()
    if not username or len(username) > 80:
        return "Een gebruikersnaam heeft 1 tot 80 tekens."
    if role not in ROLE_LABELS:
        return "Kies een rol."
    if len(password) < MIN_PASSWORD:
        return TOO_SHORT
    if uow.users.get_by_username(username) is not None:
        return f"Er is al een account '{username}'."
    try:
        add_user(uow, username, password, role)
    except AccountError:
        return "Dat account kon niet worden aangemaakt."
    uow.commit()
    return None


def reset_password(uow: UnitOfWork, user: User, password: str) -> Optional[str]:
    """An admin sets a new password for someone; every session of theirs ends."""
    if len(password) < MIN_PASSWORD:
        return TOO_SHORT
    set_password(uow, user.username, password)
    uow.commit()
    return None


def retry_failed_mails(uow: UnitOfWork) -> int:
    """Failed mails go out again (after the mail server was fixed)."""
    count = uow.outbox.retry_failed(utcnow())
    uow.commit()
    return count


def accounts(uow: UnitOfWork) -> List[User]:
    return uow.users.list_all()


def account(uow: UnitOfWork, user_id: int) -> Optional[User]:
    return uow.users.get(user_id)


def set_account_active(uow: UnitOfWork, user: User, active: bool) -> None:
    user.active = active
    end_sessions(user)
    uow.commit()


# --- requests -----------------------------------------------------------------


@dataclass(frozen=True)
class InboxPage:
    rows: List[RefinedRequest]
    total: int
    page: int
    pages: int
    status_counts: Dict[str, int]
    tags: List[str]


def inbox_page(uow: UnitOfWork, filters: RequestFilter, wanted: int) -> InboxPage:
    """The `wanted` page (kept within the pages there are) of matching requests."""
    total = uow.requests.count(filters)
    pages = max(1, ceil(total / PAGE_SIZE))
    page = min(max(1, wanted), pages)
    return InboxPage(
        rows=uow.requests.search(filters, (page - 1) * PAGE_SIZE, PAGE_SIZE),
        total=total,
        page=page,
        pages=pages,
        status_counts=uow.requests.counts_by_status(filters),
        tags=uow.requests.tags_in_use(),
    )


def inbox_csv(uow: UnitOfWork, filters: RequestFilter, user: User) -> bytes:
    """Every matching request as the CSV for Dutch Excel that
    `python -m bot export --format csv` writes; the export is recorded in the
    audit log (who, when, how many rows)."""
    out = io.StringIO(newline="")
    requests = list(uow.requests.search(filters))
    write_dutch_csv(requests, out)
    uow.audit.record(user, "export", rows=len(requests))
    uow.commit()
    return out.getvalue().encode("utf-8")


def inbox_xlsx(uow: UnitOfWork, filters: RequestFilter, user: User) -> bytes:
    """Every matching request as an Excel workbook, recorded like the CSV."""
    out = io.BytesIO()
    requests = list(uow.requests.search(filters))
    write_xlsx(requests, out)
    uow.audit.record(user, "export", rows=len(requests))
    uow.commit()
    return out.getvalue()


def request_page(
    uow: UnitOfWork, request: RefinedRequest, intents: Sequence[str]
) -> Dict[str, Any]:
    """The request page's contents: the transcript as the entrepreneur saw it,
    its corrections by event id, the history and what can be changed."""
    corrections = {
        c.event_id: c for c in uow.corrections.for_conversation(request.conversation_id)
    }
    return {
        "r": request,
        "turns": labels.as_seen(
            uow.transcripts.transcript(request.conversation_id),
            request.chosen_option,
        ),
        "corrections": corrections,
        "history": uow.requests.history(request.id),
        "next_statuses": workflow.next_statuses(request.status),
        "users": uow.users.active(),
        "intents": labels.intent_choices(intents),
    }


Change = Callable[[RequestRepository, RefinedRequest, Any, User], None]


def change_request(
    uow: UnitOfWork, request: RefinedRequest, change: Change, value: Any, user: User
) -> Optional[str]:
    """Applies one workflow step (bot/review/workflow.py) and commits it; else
    rolls back and says why not, in Dutch."""
    try:
        change(uow.requests, request, value, user)
    except workflow.WorkflowError as error:
        uow.rollback()
        return str(error)
    uow.commit()
    return None


def erase_request(
    uow: UnitOfWork, request: RefinedRequest, user: User
) -> Dict[str, int]:
    """Erases the whole conversation (AVG) and records who did it in the audit
    log, in one transaction; returns the rows deleted per table."""
    request_id = request.id
    counts = erase_conversation(uow, request.conversation_id)
    uow.audit.record(user, "erase", rows=sum(counts.values()), request_id=request_id)
    uow.commit()
    return counts


def audit_log(uow: UnitOfWork) -> List[AuditEntry]:
    return uow.audit.latest()


# --- corrections --------------------------------------------------------------


def user_turn(
    uow: UnitOfWork, request: RefinedRequest, event_id: Optional[int]
) -> Optional[Turn]:
    """A user message of the request's conversation, or None."""
    return uow.transcripts.user_turn(request.conversation_id, stored_id(event_id) or 0)


def mark_message(
    uow: UnitOfWork, request: RefinedRequest, turn: Turn, intent: str, user: User
) -> None:
    """Records the intent the message should have had."""
    uow.corrections.mark(request.conversation_id, turn, intent, user)
    uow.commit()


def corrections(uow: UnitOfWork) -> List[MessageCorrection]:
    return uow.corrections.list_all()


def corrections_yaml(uow: UnitOfWork) -> bytes:
    return nlu_yaml(uow.corrections.list_all()).encode("utf-8")
