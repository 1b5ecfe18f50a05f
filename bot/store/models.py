"""The refined request the coordinators work with, one row per conversation,
and what the review app keeps beside it: accounts, the follow-up history, tags,
and corrections of misunderstood messages."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Optional, overload

import sqlalchemy as sa
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import declarative_base, relationship, validates

from bot.store.redaction import redact_value

# Any: SQLAlchemy 1.4 types its declarative base only through a mypy plugin.
Base: Any = declarative_base()

STATUS_NEW = "nieuw"
ROLES = ("coordinator", "admin")
NO_OPTION = "geen"  # chosen_option when none of the three fits
# How a coordinator hears of new requests: a mail per request, one a day, none.
NOTIFY_EACH, NOTIFY_DIGEST, NOTIFY_NONE = "per_verzoek", "dagelijks", "geen"
NOTIFY_MODES = (NOTIFY_EACH, NOTIFY_DIGEST, NOTIFY_NONE)
DEFAULT_DIGEST_TIME = "08:00"
# An outbox mail: waiting (also between retries), sent, failed (gave up),
# empty (a digest without new requests) or dropped (the coordinator no longer
# wants it, or the request was erased before it went).
MAIL_WAITING, MAIL_SENT, MAIL_FAILED = "wachtend", "verzonden", "mislukt"
MAIL_EMPTY, MAIL_DROPPED = "leeg", "vervallen"


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


@overload
def as_utc(value: None) -> None: ...
@overload
def as_utc(value: datetime) -> datetime: ...
@overload
def as_utc(value: Any) -> Optional[datetime]: ...


def as_utc(value: Any) -> Optional[datetime]:
    """An aware UTC datetime from a datetime or an ISO 8601 string (slots are text)."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    if not isinstance(value, datetime):
        raise TypeError(f"expected a datetime or ISO 8601 text, got {value!r}")
    if value.tzinfo is None:
        return value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc)


class UTCDateTime(sa.types.TypeDecorator):
    """Timezone-aware UTC in and out, also on SQLite, which drops the offset."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Optional[datetime]:
        value = as_utc(value)
        if value is not None and dialect.name == "sqlite":
            return value.replace(tzinfo=None)
        return value

    def process_result_value(
        self, value: Optional[datetime], dialect: Dialect
    ) -> Optional[datetime]:
        return as_utc(value)


class RefinedRequest(Base):
    __tablename__ = "refined_requests"

    __table_args__ = (
        sa.Index("ix_refined_requests_created_at", "created_at"),
        sa.Index("ix_refined_requests_status", "status"),
        # Without AUTOINCREMENT SQLite hands an erased request's id to the next
        # one, and an old link to the review app opens another company's request.
        {"sqlite_autoincrement": True},
    )

    id = sa.Column(sa.Integer, primary_key=True)
    conversation_id = sa.Column(sa.String(255), nullable=False, unique=True, index=True)
    # "rest" is also what Rasa reports when a message names no input channel.
    channel = sa.Column(sa.String(20), nullable=False, default="rest")
    created_at = sa.Column(UTCDateTime, nullable=False, default=utcnow)
    updated_at = sa.Column(UTCDateTime, nullable=False, default=utcnow)
    need_category = sa.Column(sa.String(50))
    original_question = sa.Column(sa.Text)
    refined_question = sa.Column(sa.Text)
    # The intake frame behind the refined question (bot/intake): what goes wrong
    # now, what should be different, whose work it is about, what was tried.
    problem = sa.Column(sa.Text)
    goal = sa.Column(sa.Text)
    who = sa.Column(sa.Text)
    tried = sa.Column(sa.Text)
    # What entrepreneurs type has no sensible length limit, hence Text.
    company = sa.Column(sa.Text)
    sector = sa.Column(sa.Text)
    size = sa.Column(sa.Text)
    region = sa.Column(sa.Text)
    contact_name = sa.Column(sa.Text)
    contact_email = sa.Column(sa.Text)
    contact_phone = sa.Column(sa.Text)
    options = sa.Column(sa.JSON, nullable=False, default=list)
    chosen_option = sa.Column(sa.String(100))
    status = sa.Column(
        sa.String(30), nullable=False, default=STATUS_NEW, server_default=STATUS_NEW
    )
    consent_at = sa.Column(UTCDateTime)
    handoff_requested = sa.Column(
        sa.Boolean, nullable=False, default=False, server_default=sa.false()
    )
    # Kept although the intake did not finish (stopped, timed out, the widget
    # closed) after the entrepreneur confirmed the question (issue 22).
    incomplete = sa.Column(
        sa.Boolean, nullable=False, default=False, server_default=sa.false()
    )
    answers = sa.Column(sa.JSON, nullable=False, default=dict)
    assigned_to_id = sa.Column(sa.Integer, sa.ForeignKey("users.id"))

    assignee = relationship("User", lazy="joined")
    tags = relationship(
        "RequestTag", order_by="RequestTag.tag", cascade="all, delete-orphan"
    )

    @validates("created_at", "updated_at", "consent_at")
    def _validate_datetime(self, key: str, value: Any) -> Optional[datetime]:
        return as_utc(value)

    # What the entrepreneur typed outside the contact fields: personal numbers and
    # addresses in it are masked before they are stored (bot/store/redaction.py).
    @validates(
        "original_question",
        "refined_question",
        "problem",
        "goal",
        "who",
        "tried",
        "company",
        "sector",
        "region",
        "answers",
    )
    def _redact_free_text(self, key: str, value: Any) -> Any:
        return redact_value(value)

    @validates("size")
    def _validate_size(self, key: str, value: Any) -> Optional[str]:
        return None if value is None else str(value)

    def __repr__(self) -> str:
        return f"<RefinedRequest {self.conversation_id!r} {self.status}>"


class User(Base):
    """A coordinator's account; disabled, never deleted, so the history keeps names."""

    __tablename__ = "users"

    id = sa.Column(sa.Integer, primary_key=True)
    username = sa.Column(sa.String(80), nullable=False, unique=True)
    password_hash = sa.Column(sa.Text, nullable=False)
    role = sa.Column(sa.String(20), nullable=False, default="coordinator")
    active = sa.Column(sa.Boolean, nullable=False, default=True)
    created_at = sa.Column(UTCDateTime, nullable=False, default=utcnow)
    last_login_at = sa.Column(UTCDateTime)
    # Every session cookie carries the epoch it was made in; logging out or a
    # new password raises it, which ends every session of the account at once.
    session_epoch = sa.Column(
        sa.Integer, nullable=False, default=0, server_default=sa.text("0")
    )
    # Where and how the coordinator hears of new requests (bot/notify).
    email = sa.Column(sa.Text)
    notify = sa.Column(
        sa.String(20), nullable=False, default=NOTIFY_NONE, server_default=NOTIFY_NONE
    )
    digest_time = sa.Column(
        sa.String(5),
        nullable=False,
        default=DEFAULT_DIGEST_TIME,
        server_default=DEFAULT_DIGEST_TIME,
    )  # HH:MM, Dutch local time

    def __repr__(self) -> str:
        return f"<User {self.username!r} {self.role}>"


class OutboxMail(Base):
    """A notification mail to send: one per new request and coordinator who
    wants each, or one daily digest. Written in the transaction that stores the
    request, sent later by the mail worker (bot/notify/worker.py), so a slow or
    broken mail server never holds up or loses a request. The text is made when
    it is sent, from what is stored then: nothing of the request is copied here.
    """

    __tablename__ = "mail_outbox"
    __table_args__ = (sa.Index("ix_mail_outbox_due", "status", "next_attempt_at"),)

    id = sa.Column(sa.Integer, primary_key=True)
    kind = sa.Column(sa.String(10), nullable=False)  # "request" or "digest"
    # One mail per (request, coordinator) or (coordinator, local day).
    key = sa.Column(sa.String(100), nullable=False, unique=True)
    user_id = sa.Column(sa.Integer, sa.ForeignKey("users.id"), nullable=False)
    request_id = sa.Column(
        sa.Integer,
        sa.ForeignKey("refined_requests.id", ondelete="CASCADE"),
        index=True,
    )
    period_start = sa.Column(UTCDateTime)  # a digest's requests: created from ...
    period_end = sa.Column(UTCDateTime)  # ... until, exclusive
    status = sa.Column(sa.String(20), nullable=False, default=MAIL_WAITING)
    attempts = sa.Column(sa.Integer, nullable=False, default=0)
    next_attempt_at = sa.Column(UTCDateTime, nullable=False, default=utcnow)
    # A worker that took the mail holds it until then (several workers, or one
    # that died while sending).
    claimed_until = sa.Column(UTCDateTime)
    last_error = sa.Column(sa.Text)
    created_at = sa.Column(UTCDateTime, nullable=False, default=utcnow)
    sent_at = sa.Column(UTCDateTime)

    user = relationship("User", lazy="joined")

    def __repr__(self) -> str:
        return f"<OutboxMail {self.key!r} {self.status}>"


class RequestActivity(Base):
    """One change to a request (status, assignment, tag) or a note: who and when."""

    __tablename__ = "request_activities"

    id = sa.Column(sa.Integer, primary_key=True)
    request_id = sa.Column(
        sa.Integer,
        sa.ForeignKey("refined_requests.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    )
    at = sa.Column(UTCDateTime, nullable=False, default=utcnow)
    user_id = sa.Column(sa.Integer, sa.ForeignKey("users.id"), nullable=False)
    kind = sa.Column(sa.String(20), nullable=False)  # status, assign, tag, untag, note
    old_value = sa.Column(sa.Text)
    new_value = sa.Column(sa.Text)

    user = relationship("User", lazy="joined")


class RequestTag(Base):
    __tablename__ = "request_tags"

    request_id = sa.Column(
        sa.Integer,
        sa.ForeignKey("refined_requests.id", ondelete="CASCADE"),
        primary_key=True,
    )
    tag = sa.Column(sa.String(50), primary_key=True)


class MessageCorrection(Base):
    """A user message the NLU misunderstood, with the intent it should have had.

    `event_id` is the row of Rasa's `events` table; the text is copied so the
    export does not depend on the transcript, and erased with the conversation.
    """

    __tablename__ = "message_corrections"

    id = sa.Column(sa.Integer, primary_key=True)
    conversation_id = sa.Column(sa.String(255), nullable=False, index=True)
    event_id = sa.Column(sa.Integer, nullable=False, unique=True)
    text = sa.Column(sa.Text, nullable=False)
    predicted_intent = sa.Column(sa.String(100))
    confidence = sa.Column(sa.Float)
    corrected_intent = sa.Column(sa.String(100), nullable=False)
    user_id = sa.Column(sa.Integer, sa.ForeignKey("users.id"), nullable=False)
    created_at = sa.Column(UTCDateTime, nullable=False, default=utcnow)

    user = relationship("User", lazy="joined")


AUDIT_ACTIONS = ("erase", "export")


class AuditEntry(Base):
    """Who erased or exported, when, and how much: never what.

    No personal data: no conversation id, company, filter or search text, only
    the account, the request's number (numbers are never reused, migration
    0003) and a row count.
    """

    __tablename__ = "audit_log"

    id = sa.Column(sa.Integer, primary_key=True)
    at = sa.Column(UTCDateTime, nullable=False, default=utcnow, index=True)
    user_id = sa.Column(sa.Integer, sa.ForeignKey("users.id"), nullable=False)
    action = sa.Column(sa.String(20), nullable=False)  # AUDIT_ACTIONS
    request_id = sa.Column(sa.Integer)  # the erased request; None for an export
    rows = sa.Column(sa.Integer, nullable=False, default=0)

    user = relationship("User", lazy="joined")
