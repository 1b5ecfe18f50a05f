"""The refined request the coordinators work with, one row per conversation."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Optional

import sqlalchemy as sa
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import declarative_base, validates

from bot.store.redaction import redact_value

Base = declarative_base()

STATUS_NEW = "nieuw"
NO_OPTION = "geen"  # chosen_option when none of the three fits


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


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

    id = sa.Column(sa.Integer, primary_key=True)
    conversation_id = sa.Column(sa.String(255), nullable=False, unique=True, index=True)
    # "rest" is also what Rasa reports when a message names no input channel.
    channel = sa.Column(sa.String(20), nullable=False, default="rest")
    created_at = sa.Column(UTCDateTime, nullable=False, default=utcnow)
    updated_at = sa.Column(UTCDateTime, nullable=False, default=utcnow)
    need_category = sa.Column(sa.String(50))
    original_question = sa.Column(sa.Text)
    refined_question = sa.Column(sa.Text)
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
    answers = sa.Column(sa.JSON, nullable=False, default=dict)

    @validates("created_at", "updated_at", "consent_at")
    def _validate_datetime(self, key: str, value: Any) -> Optional[datetime]:
        return as_utc(value)

    # What the entrepreneur typed outside the contact fields: personal numbers and
    # addresses in it are masked before they are stored (bot/store/redaction.py).
    @validates(
        "original_question", "refined_question", "company", "sector", "region",
        "answers",
    )  # fmt: skip
    def _redact_free_text(self, key: str, value: Any) -> Any:
        return redact_value(value)

    @validates("size")
    def _validate_size(self, key: str, value: Any) -> Optional[str]:
        return None if value is None else str(value)

    def __repr__(self) -> str:
        return f"<RefinedRequest {self.conversation_id!r} {self.status}>"
