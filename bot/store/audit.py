"""The audit log's repository: erasures and exports by account, no personal data."""

from __future__ import annotations

from typing import List, Optional

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bot.store.models import AUDIT_ACTIONS, AuditEntry, User


class AuditRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def record(
        self, user: User, action: str, rows: int, request_id: Optional[int] = None
    ) -> AuditEntry:
        """Adds an entry; the caller commits it with the change it records."""
        if action not in AUDIT_ACTIONS:
            raise ValueError(f"unknown audit action {action!r}")
        entry = AuditEntry(
            user_id=user.id, action=action, rows=rows, request_id=request_id
        )
        self.session.add(entry)
        return entry

    def latest(self, limit: int = 200) -> List[AuditEntry]:
        query = sa.select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
        return list(self.session.scalars(query))
