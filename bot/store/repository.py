"""The refined requests, as a collection over one session."""

from __future__ import annotations

from typing import Any, List, Optional, Tuple

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bot.store.models import RefinedRequest, utcnow

# Fields a caller may set; the id, key and timestamps are the repository's.
WRITABLE_FIELDS = frozenset(
    column.key for column in RefinedRequest.__table__.columns
) - {"id", "conversation_id", "created_at", "updated_at"}


class RequestRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get_by_conversation(self, conversation_id: str) -> Optional[RefinedRequest]:
        query = sa.select(RefinedRequest).where(
            RefinedRequest.conversation_id == conversation_id
        )
        return self.session.scalars(query).one_or_none()

    def upsert(self, conversation_id: str, **fields: Any) -> RefinedRequest:
        """Creates the conversation's request or updates the given fields of it."""
        unknown = set(fields) - WRITABLE_FIELDS
        if unknown:
            raise TypeError(f"unknown request fields: {', '.join(sorted(unknown))}")
        now = utcnow()
        request = self.get_by_conversation(conversation_id)
        if request is None:
            request = RefinedRequest(conversation_id=conversation_id, created_at=now)
            self.session.add(request)
        for name, value in fields.items():
            setattr(request, name, value)
        request.updated_at = now
        self.session.flush()
        return request

    def list_all(self) -> List[RefinedRequest]:
        """Every request, newest first."""
        query = sa.select(RefinedRequest).order_by(
            RefinedRequest.created_at.desc(), RefinedRequest.id.desc()
        )
        return list(self.session.scalars(query))

    def delete_by_conversation(self, conversation_id: str) -> int:
        """Removes the conversation's request; returns how many rows went."""
        statement = sa.delete(RefinedRequest).where(
            RefinedRequest.conversation_id == conversation_id
        )
        return self.session.execute(statement).rowcount

    def counts_by_category_and_status(self) -> List[Tuple[Optional[str], str, int]]:
        """(need_category, status, count) rows; no category last on every database."""
        query = sa.select(
            RefinedRequest.need_category,
            RefinedRequest.status,
            sa.func.count(RefinedRequest.id),
        ).group_by(RefinedRequest.need_category, RefinedRequest.status)
        rows = [
            (category, status, count)
            for category, status, count in self.session.execute(query)
        ]
        return sorted(rows, key=lambda row: (row[0] is None, row[0] or "", row[1]))
