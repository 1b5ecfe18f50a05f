"""Working a request: status, assignment, tags and notes, each change recorded
in the request's history with who and when."""

from __future__ import annotations

import re
from typing import Dict, Optional, Tuple

from bot.store.models import STATUS_NEW, RefinedRequest, RequestTag, User
from bot.store.repository import RequestRepository

IN_PROGRESS = "in behandeling"
LINKED = "gekoppeld"
DONE = "afgerond"
REJECTED = "afgewezen"
STATUSES = (STATUS_NEW, IN_PROGRESS, LINKED, DONE, REJECTED)

# nieuw → in behandeling → gekoppeld → afgerond, afgewezen from any open status;
# a closed request can be reopened, a step back undoes a mistake.
TRANSITIONS: Dict[str, Tuple[str, ...]] = {
    STATUS_NEW: (IN_PROGRESS, REJECTED),
    IN_PROGRESS: (LINKED, REJECTED, STATUS_NEW),
    LINKED: (DONE, REJECTED, IN_PROGRESS),
    DONE: (IN_PROGRESS,),
    REJECTED: (IN_PROGRESS,),
}
MAX_NOTE = 5000
TAG = re.compile(r"^[\w][\w -]{0,49}$")


class WorkflowError(ValueError):
    """A change the workflow does not allow; the message is Dutch, for the page."""


def next_statuses(status: str) -> Tuple[str, ...]:
    # A status from before the workflow existed counts as new.
    return TRANSITIONS.get(status, TRANSITIONS[STATUS_NEW])


def change_status(
    requests: RequestRepository, request: RefinedRequest, status: str, user: User
) -> None:
    if status not in next_statuses(request.status):
        raise WorkflowError(
            f"Van status '{request.status}' kan een verzoek niet naar '{status}'."
        )
    old = request.status
    request.status = status
    requests.record(request, user, "status", old, status)


def assign(
    requests: RequestRepository,
    request: RefinedRequest,
    assignee: Optional[User],
    user: User,
) -> None:
    if assignee is not None and not assignee.active:
        raise WorkflowError("Dit account is uitgeschakeld.")
    if request.assignee == assignee:
        return
    old = request.assignee.username if request.assignee else None
    request.assignee = assignee
    new = assignee.username if assignee else None
    requests.record(request, user, "assign", old, new)


def add_note(
    requests: RequestRepository, request: RefinedRequest, text: str, user: User
) -> None:
    text = text.strip()
    if not text:
        raise WorkflowError("Een lege notitie is niet opgeslagen.")
    if len(text) > MAX_NOTE:
        raise WorkflowError(f"Een notitie is hoogstens {MAX_NOTE} tekens.")
    requests.record(request, user, "note", None, text)


# The intake frame a coordinator can put in their own words.
FRAME_FIELDS = ("problem", "goal", "who", "tried")
MAX_FRAME_PART = 500


def edit_frame(
    requests: RequestRepository,
    request: RefinedRequest,
    parts: Dict[str, str],
    user: User,
) -> None:
    """Sets the frame parts the coordinator changed; each change is recorded."""
    for field in FRAME_FIELDS:
        new = " ".join(str(parts.get(field, "")).split())
        if len(new) > MAX_FRAME_PART:
            raise WorkflowError(f"Elk deel is hoogstens {MAX_FRAME_PART} tekens.")
        old = getattr(request, field) or ""
        if new != old:
            setattr(request, field, new)
            requests.record(request, user, f"frame_{field}", old, new)


def normal_tag(text: str) -> str:
    tag = " ".join(text.split()).lower()
    if not TAG.match(tag):
        raise WorkflowError("Een label is 1 tot 50 letters, cijfers, spaties, - of _.")
    return tag


def add_tag(
    requests: RequestRepository, request: RefinedRequest, text: str, user: User
) -> None:
    tag = normal_tag(text)
    if tag in {t.tag for t in request.tags}:
        return
    request.tags.append(RequestTag(tag=tag))
    requests.record(request, user, "tag", None, tag)


def remove_tag(
    requests: RequestRepository, request: RefinedRequest, tag: str, user: User
) -> None:
    kept = [t for t in request.tags if t.tag != tag]
    if len(kept) == len(request.tags):
        return
    request.tags = kept
    requests.record(request, user, "untag", tag, None)
