"""Rasa's SQL tracker store on DATABASE_URL, so transcripts sit beside the requests.

endpoints.yml::

    tracker_store:
      type: bot.store.tracker_store.DatabaseUrlTrackerStore

Only the Rasa server imports the store class; the readers below (transcript,
erasure, dashboard counts) do not need Rasa, so the review app uses them too.
"""

from __future__ import annotations

import json
import logging
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Optional, Set, Tuple

import sqlalchemy as sa
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from bot.settings import load_settings
from bot.store.session import configure_sqlite, ensure_sqlite_directory, session_factory

if TYPE_CHECKING:
    from rasa.core.brokers.broker import EventBroker
    from rasa.shared.core.domain import Domain

logger = logging.getLogger(__name__)

TRANSCRIPT_EVENTS = ("user", "bot")
FALLBACK_INTENT = "nlu_fallback"  # FallbackClassifier in config.yml
FALLBACK_ACTIONS = ("action_default_fallback",)  # RulePolicy's core fallback

# Rasa's `events` table, as far as the transcript needs it.
_events = sa.table(
    "events",
    sa.column("id", sa.Integer),
    sa.column("sender_id", sa.String),
    sa.column("type_name", sa.String),
    sa.column("timestamp", sa.Float),
    sa.column("intent_name", sa.String),
    sa.column("action_name", sa.String),
    sa.column("data", sa.Text),
)


def connection_kwargs(database_url: str) -> Dict[str, Any]:
    """`SQLTrackerStore.__init__` arguments that rebuild `database_url`."""
    url = make_url(database_url)
    return {
        "dialect": url.drivername,
        "host": url.host,
        "port": url.port,
        "db": url.database,
        "username": url.username,
        "password": url.password,
        "query": dict(url.query) or None,
    }


def _tracker_store_class() -> type:
    # Deferred: importing Rasa takes seconds and only the Rasa server needs it.
    from rasa.core.tracker_store import SQLTrackerStore

    class DatabaseUrlTrackerStore(SQLTrackerStore):
        """SQLTrackerStore whose connection comes from DATABASE_URL (bot/settings.py).

        Rasa creates it with `host` set to the endpoint's `url` (unused here),
        `domain`, `event_broker` and the endpoint's other keys; `database_url`
        may be one of them, else the setting is used.
        """

        def __init__(
            self,
            domain: Optional["Domain"] = None,
            host: Optional[str] = None,
            event_broker: Optional["EventBroker"] = None,
            database_url: Optional[str] = None,
            **kwargs: Any,
        ) -> None:
            if host:
                logger.warning("tracker_store url %r ignored for DATABASE_URL", host)
            database_url = database_url or load_settings().database_url
            # Rasa retries a failed connection forever, so the directory must exist.
            ensure_sqlite_directory(database_url)
            super().__init__(
                domain,
                event_broker=event_broker,
                **connection_kwargs(database_url),
                **kwargs,
            )
            if self.engine.dialect.name == "sqlite":
                configure_sqlite(self.engine)
                self.engine.dispose()  # new connections get the pragmas

    DatabaseUrlTrackerStore.__module__ = __name__
    DatabaseUrlTrackerStore.__qualname__ = "DatabaseUrlTrackerStore"
    return DatabaseUrlTrackerStore


def __getattr__(name: str) -> Any:
    if name == "DatabaseUrlTrackerStore":
        cls = _tracker_store_class()
        globals()[name] = cls
        return cls
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def has_events_table(session: Session) -> bool:
    return sa.inspect(session.connection()).has_table("events")


def read_transcript(database_url: str, conversation_id: str) -> List[Dict[str, Any]]:
    """`transcript` on a session of its own."""
    with session_factory(database_url)() as session:
        return transcript(session, conversation_id)


def transcript(session: Session, conversation_id: str) -> List[Dict[str, Any]]:
    """What the entrepreneur and the bot said, in order, over all sessions.

    Each turn: ``{"id", "event": "user"|"bot", "text", "timestamp", "intent",
    "confidence", "ranking", "fallback"}`` (`id` is the row in `events`; intent,
    confidence and the three likeliest intents only for user turns; `fallback`
    when the NLU did not understand it or the bot answered with its fallback).
    Empty when Rasa has not created its `events` table yet.
    """
    if not has_events_table(session):
        return []
    query = (
        sa.select(
            _events.c.id,
            _events.c.type_name,
            _events.c.timestamp,
            _events.c.data,
            _events.c.action_name,
        )
        .where(_events.c.sender_id == conversation_id)
        .where(
            _events.c.type_name.in_(TRANSCRIPT_EVENTS)
            | _events.c.action_name.in_(FALLBACK_ACTIONS)
        )
        .order_by(_events.c.id)
    )
    turns: List[Dict[str, Any]] = []
    for event_id, type_name, timestamp, data, action_name in session.execute(query):
        if action_name in FALLBACK_ACTIONS:
            # The core fallback answers the user message before it.
            last_user = next((t for t in reversed(turns) if t["event"] == "user"), None)
            if last_user is not None:
                last_user["fallback"] = True
            continue
        turns.append(_turn(event_id, type_name, timestamp, data))
    return turns


def _turn(
    event_id: int, type_name: str, timestamp: Optional[float], data: str
) -> Dict[str, Any]:
    event = json.loads(data)
    parse_data = event.get("parse_data") or {}
    intent = parse_data.get("intent") or {}
    ranking = [
        (ranked.get("name"), ranked.get("confidence"))
        for ranked in parse_data.get("intent_ranking") or []
        if ranked.get("name") != FALLBACK_INTENT
    ][:3]
    return {
        "id": event_id,
        "event": type_name,
        "text": event.get("text"),
        "timestamp": timestamp,
        "intent": intent.get("name"),
        "confidence": intent.get("confidence"),
        "ranking": ranking,
        "fallback": intent.get("name") == FALLBACK_INTENT,
    }


def user_event(
    session: Session, conversation_id: str, event_id: int
) -> Optional[Dict[str, Any]]:
    """One user message of the conversation as a transcript turn, or None."""
    if not has_events_table(session):
        return None
    query = (
        sa.select(_events.c.id, _events.c.type_name, _events.c.timestamp,
                  _events.c.data)  # fmt: skip
        .where(_events.c.id == event_id)
        .where(_events.c.sender_id == conversation_id)
        .where(_events.c.type_name == "user")
    )
    row = session.execute(query).one_or_none()
    return None if row is None else _turn(*row)


def delete_events(session: Session, conversation_id: str) -> int:
    """Removes every event of the conversation (AVG erasure); returns the count."""
    if not has_events_table(session):
        return 0
    statement = sa.delete(_events).where(_events.c.sender_id == conversation_id)
    return session.execute(statement).rowcount


def conversations_started(session: Session) -> Set[str]:
    """Sender ids with at least one user message."""
    if not has_events_table(session):
        return set()
    query = sa.select(_events.c.sender_id).where(_events.c.type_name == "user")
    return set(session.scalars(query.distinct()))


def conversations_with_slot(
    session: Session, names: Iterable[str]
) -> Dict[str, Set[str]]:
    """Per slot name, the sender ids in which that slot was ever set to a value."""
    found: Dict[str, Set[str]] = {name: set() for name in names}
    if not found or not has_events_table(session):
        return found
    # Rasa keeps the slot name only inside `data`; LIKE skips most rows cheaply
    # (json.dumps writes '"name": "x"'), the JSON check below decides.
    query = (
        sa.select(_events.c.sender_id, _events.c.data)
        .where(_events.c.type_name == "slot")
        .where(sa.or_(*(_events.c.data.contains(f'"{name}"') for name in found)))
    )
    for sender_id, data in session.execute(query):
        event = json.loads(data)
        if event.get("name") in found and event.get("value") not in (None, False, ""):
            found[event["name"]].add(sender_id)
    return found


def fallback_share(session: Session) -> Tuple[int, int]:
    """(fallback turns, user turns): messages the NLU did not understand plus
    the turns answered by the core fallback action."""
    if not has_events_table(session):
        return 0, 0
    count = sa.func.count(_events.c.id)
    users = session.execute(
        sa.select(count).where(_events.c.type_name == "user")
    ).scalar_one()
    not_understood = session.execute(
        sa.select(count)
        .where(_events.c.type_name == "user")
        .where(_events.c.intent_name == FALLBACK_INTENT)
    ).scalar_one()
    core = session.execute(
        sa.select(count).where(_events.c.action_name.in_(FALLBACK_ACTIONS))
    ).scalar_one()
    return min(not_understood + core, users), users
