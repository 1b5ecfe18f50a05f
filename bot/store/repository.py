"""The store's collections over one session: refined requests (with the
inbox's filters), accounts, the follow-up history and message corrections.
Rasa's transcripts have their own repository (bot/store/transcripts.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Dict, List, Optional, Sequence, Tuple

import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.sql.functions import GenericFunction

from bot.store.models import (
    MAIL_FAILED,
    MAIL_WAITING,
    NOTIFY_DIGEST,
    NOTIFY_EACH,
    MessageCorrection,
    OutboxMail,
    RefinedRequest,
    RequestActivity,
    RequestTag,
    User,
    as_utc,
    utcnow,
)

# Fields a caller may set; the id, key and timestamps are the repository's.
WRITABLE_FIELDS = frozenset(
    column.key for column in RefinedRequest.__table__.columns
) - {"id", "conversation_id", "created_at", "updated_at"}


class unicode_lower(GenericFunction):  # noqa: N801 - SQL function names are lower
    """lower() that folds all of Unicode: PostgreSQL's own, on SQLite a Python
    function registered by `session.configure_sqlite`."""

    type = sa.Text()
    inherit_cache = True


@compiles(unicode_lower)
def _lower_sql(element: unicode_lower, compiler: Any, **kw: Any) -> str:
    return f"lower({compiler.process(element.clauses, **kw)})"


@compiles(unicode_lower, "sqlite")
def _lower_sqlite(element: unicode_lower, compiler: Any, **kw: Any) -> str:
    return f"unicode_lower({compiler.process(element.clauses, **kw)})"


@dataclass(frozen=True)
class RequestFilter:
    """The inbox's filters; None means "any". Times are UTC, `until` exclusive."""

    status: Optional[str] = None
    need_category: Optional[str] = None
    channel: Optional[str] = None
    since: Optional[datetime] = None
    until: Optional[datetime] = None
    handoff: Optional[bool] = None
    text: Optional[str] = None
    tag: Optional[str] = None

    def clauses(self, with_status: bool = True) -> List[Any]:
        column = RefinedRequest.__table__.c
        clauses: List[Any] = []
        if with_status and self.status:
            clauses.append(column.status == self.status)
        if self.need_category:
            clauses.append(column.need_category == self.need_category)
        if self.channel:
            clauses.append(column.channel == self.channel)
        if self.since is not None:
            clauses.append(RefinedRequest.created_at >= self.since)
        if self.until is not None:
            clauses.append(RefinedRequest.created_at < self.until)
        if self.handoff is not None:
            clauses.append(column.handoff_requested == self.handoff)
        if self.text:
            pattern = "%" + _like_escaped(self.text.strip().lower()) + "%"
            clauses.append(
                sa.or_(
                    *(
                        unicode_lower(column[name]).like(pattern, escape="\\")
                        for name in ("company", "original_question", "refined_question")
                    )
                )
            )
        if self.tag:
            tagged = sa.select(RequestTag.request_id).where(RequestTag.tag == self.tag)
            clauses.append(column.id.in_(tagged))
        return clauses


# Ids are INTEGER columns: PostgreSQL refuses, SQLite overflows, past this.
MAX_ID = 2**31 - 1


def stored_id(value: Optional[int]) -> Optional[int]:
    """The value when it can be a row id, else None (a link someone made up)."""
    return value if isinstance(value, int) and 0 < value <= MAX_ID else None


def _like_escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class RequestRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def exists(self) -> bool:
        """Whether the table is there (`python -m bot db upgrade` creates it)."""
        table = RefinedRequest.__tablename__
        return sa.inspect(self.session.connection()).has_table(table)

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
        created = request is None
        if request is None:
            request = RefinedRequest(conversation_id=conversation_id, created_at=now)
            self.session.add(request)
        for name, value in fields.items():
            setattr(request, name, value)
        request.updated_at = now
        self.session.flush()
        if created:
            # In the request's own transaction: stored means announced.
            OutboxRepository(self.session).announce(request)
        return request

    def add_many(self, rows: Sequence[Dict[str, Any]], batch: int = 1000) -> None:
        """Inserts whole requests (column values) in batches: imports and samples."""
        for start in range(0, len(rows), batch):
            self.session.execute(sa.insert(RefinedRequest), rows[start : start + batch])

    def list_all(self) -> List[RefinedRequest]:
        """Every request, newest first."""
        query = sa.select(RefinedRequest).order_by(
            RefinedRequest.created_at.desc(), RefinedRequest.id.desc()
        )
        return list(self.session.scalars(query))

    def get(self, request_id: int) -> Optional[RefinedRequest]:
        if stored_id(request_id) is None:
            return None
        return self.session.get(RefinedRequest, request_id)

    def search(
        self, filters: RequestFilter, offset: int = 0, limit: Optional[int] = None
    ) -> List[RefinedRequest]:
        """The requests that pass the filters, newest first, one page of them."""
        query = (
            sa.select(RefinedRequest)
            .options(selectinload(RefinedRequest.tags))
            .where(*filters.clauses())
            .order_by(RefinedRequest.created_at.desc(), RefinedRequest.id.desc())
            .offset(offset)
            .limit(limit)
        )
        return list(self.session.scalars(query).unique())

    def count(self, filters: RequestFilter) -> int:
        query = sa.select(sa.func.count(RefinedRequest.id)).where(*filters.clauses())
        return self.session.execute(query).scalar_one()

    def counts_by_status(self, filters: RequestFilter) -> Dict[str, int]:
        """Per status, how many requests pass the other filters."""
        query = (
            sa.select(RefinedRequest.status, sa.func.count(RefinedRequest.id))
            .where(*filters.clauses(with_status=False))
            .group_by(RefinedRequest.status)
        )
        return {status: count for status, count in self.session.execute(query)}

    def counts_by(self, column_name: str) -> List[Tuple[Any, int]]:
        """(value, count) of one column over all requests, largest first."""
        column = RefinedRequest.__table__.c[column_name]
        query = (
            sa.select(column, sa.func.count())
            .group_by(column)
            .order_by(sa.func.count().desc(), column)
        )
        return [(value, count) for value, count in self.session.execute(query)]

    def created_times(self, since: datetime) -> List[datetime]:
        query = sa.select(RefinedRequest.created_at).where(
            RefinedRequest.created_at >= since
        )
        return list(self.session.scalars(query))

    def milestones(self) -> List[Tuple[str, bool, bool, bool]]:
        """Per request: (conversation_id, need understood, question confirmed,
        option chosen), as far as the stored request shows."""
        column = RefinedRequest.__table__.c
        query = sa.select(
            column.conversation_id,
            column.need_category.isnot(None),
            column.refined_question.isnot(None),
            column.chosen_option.isnot(None),
        )
        return [tuple(row) for row in self.session.execute(query)]

    def count_with_contact(self) -> int:
        """Requests that hold an e-mail address or a phone number."""
        column = RefinedRequest.__table__.c
        query = sa.select(sa.func.count(column.id)).where(
            sa.or_(
                sa.func.coalesce(column.contact_email, "") != "",
                sa.func.coalesce(column.contact_phone, "") != "",
            )
        )
        return self.session.execute(query).scalar_one()

    def tags_in_use(self) -> List[str]:
        query = sa.select(RequestTag.tag).distinct().order_by(RequestTag.tag)
        return list(self.session.scalars(query))

    def history(self, request_id: int) -> List[RequestActivity]:
        """Every change and note of the request, oldest first."""
        query = (
            sa.select(RequestActivity)
            .where(RequestActivity.request_id == request_id)
            .order_by(RequestActivity.at, RequestActivity.id)
        )
        return list(self.session.scalars(query))

    def record(
        self,
        request: RefinedRequest,
        user: User,
        kind: str,
        old_value: Optional[str] = None,
        new_value: Optional[str] = None,
    ) -> RequestActivity:
        activity = RequestActivity(
            request_id=request.id,
            user_id=user.id,
            at=utcnow(),
            kind=kind,
            old_value=old_value,
            new_value=new_value,
        )
        self.session.add(activity)
        request.updated_at = activity.at
        self.session.flush()
        return activity

    def delete_by_conversation(self, conversation_id: str) -> int:
        """Removes the conversation's request; returns how many rows went."""
        statement = sa.delete(RefinedRequest).where(
            RefinedRequest.conversation_id == conversation_id
        )
        return self.session.execute(statement).rowcount

    def erase_conversation(self, conversation_id: str) -> Dict[str, int]:
        """Deletes the conversation's request with its history and tags; returns
        the rows deleted per table."""
        requests = RefinedRequest.__table__
        ids = sa.select(requests.c.id).where(
            requests.c.conversation_id == conversation_id
        )
        counts = {}
        # Children first: SQLite enforces no ON DELETE CASCADE unless told to.
        # Core deletes leave loaded objects alone, as a raw erasure would.
        # A mail not yet sent goes too: it would show the company's name.
        children = (RequestActivity.__table__, RequestTag.__table__)
        for table in (*children, OutboxMail.__table__):
            statement = sa.delete(table).where(table.c.request_id.in_(ids))
            counts[table.name] = self.session.execute(statement).rowcount
        statement = sa.delete(requests).where(
            requests.c.conversation_id == conversation_id
        )
        counts[requests.name] = self.session.execute(statement).rowcount
        return counts

    def last_changes(self) -> Dict[str, datetime]:
        """Per conversation, when its request last changed, in UTC."""
        query = sa.select(RefinedRequest.conversation_id, RefinedRequest.updated_at)
        return {cid: as_utc(updated) for cid, updated in self.session.execute(query)}

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


class UserRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, user_id: int) -> Optional[User]:
        if stored_id(user_id) is None:
            return None
        return self.session.get(User, user_id)

    def get_by_username(self, username: str) -> Optional[User]:
        query = sa.select(User).where(User.username == username)
        return self.session.scalars(query).one_or_none()

    def add(self, username: str, password_hash: str, role: str) -> User:
        user = User(
            username=username,
            password_hash=password_hash,
            role=role,
            active=True,
            created_at=utcnow(),
        )
        self.session.add(user)
        self.session.flush()
        return user

    def list_all(self) -> List[User]:
        return list(self.session.scalars(sa.select(User).order_by(User.username)))

    def active(self) -> List[User]:
        query = sa.select(User).where(User.active.is_(True)).order_by(User.username)
        return list(self.session.scalars(query))


class CorrectionRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def mark(
        self, conversation_id: str, turn: Dict[str, Any], intent: str, user: User
    ) -> MessageCorrection:
        """Records (or replaces) the intent a transcript's user turn should have had."""
        query = sa.select(MessageCorrection).where(
            MessageCorrection.event_id == turn["id"]
        )
        correction = self.session.scalars(query).one_or_none()
        if correction is None:
            correction = MessageCorrection(
                conversation_id=conversation_id, event_id=turn["id"]
            )
            self.session.add(correction)
        correction.text = turn["text"] or ""
        correction.predicted_intent = turn["intent"]
        correction.confidence = turn["confidence"]
        correction.corrected_intent = intent
        correction.user_id = user.id
        correction.created_at = utcnow()
        self.session.flush()
        return correction

    def for_conversation(self, conversation_id: str) -> List[MessageCorrection]:
        query = sa.select(MessageCorrection).where(
            MessageCorrection.conversation_id == conversation_id
        )
        return list(self.session.scalars(query))

    def list_all(self) -> List[MessageCorrection]:
        query = sa.select(MessageCorrection).order_by(
            MessageCorrection.corrected_intent, MessageCorrection.id
        )
        return list(self.session.scalars(query))

    def erase_conversation(self, conversation_id: str) -> int:
        """Deletes the conversation's corrections (copies of its messages)."""
        table = MessageCorrection.__table__
        statement = sa.delete(table).where(table.c.conversation_id == conversation_id)
        return self.session.execute(statement).rowcount


class OutboxRepository:
    """The notification mails waiting to go out (bot/notify/worker.py sends them)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def announce(self, request: RefinedRequest) -> List[OutboxMail]:
        """A mail about a new request for every active coordinator who wants one
        per request and has an address."""
        query = sa.select(User).where(
            User.active.is_(True), User.notify == NOTIFY_EACH, User.email.isnot(None)
        )
        now = utcnow()
        mails = [
            OutboxMail(
                kind="request",
                key=f"request:{request.id}:user:{user.id}",
                user_id=user.id,
                request_id=request.id,
                status=MAIL_WAITING,
                attempts=0,
                next_attempt_at=now,
                created_at=now,
            )
            for user in self.session.scalars(query)
            if user.email
        ]
        self.session.add_all(mails)
        self.session.flush()
        return mails

    def digest_users(self) -> List[User]:
        query = sa.select(User).where(
            User.active.is_(True), User.notify == NOTIFY_DIGEST, User.email.isnot(None)
        )
        return list(self.session.scalars(query))

    def has(self, key: str) -> bool:
        query = sa.select(OutboxMail.id).where(OutboxMail.key == key)
        return self.session.scalars(query).first() is not None

    def last_digest_end(self, user_id: int) -> Optional[datetime]:
        query = sa.select(sa.func.max(OutboxMail.period_end)).where(
            OutboxMail.user_id == user_id, OutboxMail.kind == "digest"
        )
        return as_utc(self.session.execute(query).scalar())

    def add_digest(
        self, user: User, key: str, start: datetime, end: datetime
    ) -> OutboxMail:
        mail = OutboxMail(
            kind="digest",
            key=key,
            user_id=user.id,
            period_start=start,
            period_end=end,
            status=MAIL_WAITING,
            attempts=0,
            next_attempt_at=end,
            created_at=end,
        )
        self.session.add(mail)
        self.session.flush()
        return mail

    def due(self, now: datetime, limit: int = 20) -> List[int]:
        """Ids of waiting mails whose time has come and that no worker holds."""
        query = (
            sa.select(OutboxMail.id)
            .where(
                OutboxMail.status == MAIL_WAITING,
                OutboxMail.next_attempt_at <= now,
                sa.or_(
                    OutboxMail.claimed_until.is_(None), OutboxMail.claimed_until < now
                ),
            )
            .order_by(OutboxMail.next_attempt_at, OutboxMail.id)
            .limit(limit)
        )
        return list(self.session.scalars(query))

    def claim(self, mail_id: int, now: datetime, until: datetime) -> bool:
        """Takes the mail for this worker until `until`; False if another has it."""
        table = OutboxMail.__table__
        statement = (
            sa.update(table)
            .where(
                table.c.id == mail_id,
                table.c.status == MAIL_WAITING,
                sa.or_(table.c.claimed_until.is_(None), table.c.claimed_until < now),
            )
            .values(claimed_until=until)
            .execution_options(synchronize_session=False)
        )
        return self.session.execute(statement).rowcount == 1

    def get(self, mail_id: int) -> Optional[OutboxMail]:
        return self.session.get(OutboxMail, mail_id)

    def created_between(self, start: datetime, end: datetime) -> List[RefinedRequest]:
        query = (
            sa.select(RefinedRequest)
            .where(RefinedRequest.created_at >= start, RefinedRequest.created_at < end)
            .order_by(RefinedRequest.created_at, RefinedRequest.id)
        )
        return list(self.session.scalars(query))

    def retry_failed(self, now: datetime) -> int:
        """Every failed mail waits again, from its first try; returns how many."""
        table = OutboxMail.__table__
        statement = (
            sa.update(table)
            .where(table.c.status == MAIL_FAILED)
            .values(
                status=MAIL_WAITING, attempts=0, next_attempt_at=now, claimed_until=None
            )
            .execution_options(synchronize_session=False)
        )
        return self.session.execute(statement).rowcount

    def counts(self) -> Dict[str, int]:
        """Mails per status, e.g. {"wachtend": 2, "mislukt": 1}."""
        query = sa.select(OutboxMail.status, sa.func.count(OutboxMail.id)).group_by(
            OutboxMail.status
        )
        found = {status: count for status, count in self.session.execute(query)}
        return {MAIL_WAITING: 0, MAIL_FAILED: 0, **found}
