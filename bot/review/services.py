"""What the review app's pages do, each on the page's unit of work. The routes
(bot/review/blueprints/) read the form, call one of these, then flash, render
or redirect; a service that changes something commits it."""

from __future__ import annotations

import io
from dataclasses import dataclass
from math import ceil
from typing import Any, Callable, Dict, List, Optional, Sequence

from bot.export import write_csv
from bot.review import labels, workflow
from bot.review.accounts import (
    MIN_PASSWORD,
    AccountError,
    authenticate,
    end_sessions,
    set_password,
)
from bot.review.corrections import nlu_yaml
from bot.store.erasure import erase_conversation
from bot.store.models import AuditEntry, MessageCorrection, RefinedRequest, User
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
    """Every matching request as the CSV `python -m bot export` writes; the
    export is recorded in the audit log (who, when, how many rows)."""
    out = io.StringIO(newline="")
    requests = list(uow.requests.search(filters))
    write_csv(requests, out)
    uow.audit.record(user, "export", rows=len(requests))
    uow.commit()
    return out.getvalue().encode("utf-8")


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
