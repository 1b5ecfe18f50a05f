"""Rasa's SQL tracker store on DATABASE_URL, so transcripts sit beside the requests.

endpoints.yml::

    tracker_store:
      type: bot.store.tracker_store.DatabaseUrlTrackerStore

Only the Rasa server imports the store class; `read_transcript` does not need
Rasa, so the review app can use it too.
"""

from __future__ import annotations

import json
import logging
from typing import TYPE_CHECKING, Any, Dict, List, Optional

import sqlalchemy as sa
from sqlalchemy.engine import make_url

from bot.settings import load_settings
from bot.store.session import configure_sqlite, ensure_sqlite_directory, session_factory

if TYPE_CHECKING:
    from rasa.core.brokers.broker import EventBroker
    from rasa.shared.core.domain import Domain

logger = logging.getLogger(__name__)

TRANSCRIPT_EVENTS = ("user", "bot")

# Rasa's `events` table, as far as the transcript needs it.
_events = sa.table(
    "events",
    sa.column("id", sa.Integer),
    sa.column("sender_id", sa.String),
    sa.column("type_name", sa.String),
    sa.column("timestamp", sa.Float),
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


def read_transcript(database_url: str, conversation_id: str) -> List[Dict[str, Any]]:
    """What the entrepreneur and the bot said, in order, over all sessions.

    Each turn: ``{"event": "user"|"bot", "text", "timestamp", "intent",
    "confidence"}`` (intent and confidence only for user turns). Empty when
    Rasa has not created its `events` table yet.
    """
    factory = session_factory(database_url)
    with factory() as session:
        if not sa.inspect(session.connection()).has_table("events"):
            return []
        query = (
            sa.select(_events.c.type_name, _events.c.timestamp, _events.c.data)
            .where(_events.c.sender_id == conversation_id)
            .where(_events.c.type_name.in_(TRANSCRIPT_EVENTS))
            .order_by(_events.c.id)
        )
        rows = session.execute(query).all()
    return [_turn(type_name, timestamp, data) for type_name, timestamp, data in rows]


def _turn(type_name: str, timestamp: Optional[float], data: str) -> Dict[str, Any]:
    event = json.loads(data)
    intent = (event.get("parse_data") or {}).get("intent") or {}
    return {
        "event": type_name,
        "text": event.get("text"),
        "timestamp": timestamp,
        "intent": intent.get("name"),
        "confidence": intent.get("confidence"),
    }
