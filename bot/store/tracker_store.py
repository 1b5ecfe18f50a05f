"""Rasa's SQL tracker store on DATABASE_URL, so transcripts sit beside the requests.

endpoints.yml::

    tracker_store:
      type: bot.store.tracker_store.DatabaseUrlTrackerStore

Beyond Rasa's SQLTrackerStore it

- masks e-mail addresses, phone numbers, IBANs, BSNs and KvK numbers in every
  event it writes (bot/store/redaction.py), except in the contact slots;
- finishes an erasure: when the tracker it saves holds `action_erase_conversation`
  followed by `Restarted`, it removes every stored row of the conversation
  (bot/store/erasure.py) and keeps only the events after the restart. Rasa would
  otherwise write the whole in-memory tracker back, since it stores the events
  beyond the number it finds in the table;
- starts a new session, carrying the state over, every SESSION_MAX_TURNS user
  messages, so that turns stay fast in a long conversation
  (bot/store/session_limit.py);
- never lets Rasa fall back to an in-memory tracker silently: a failure to
  start raises an error Rasa does not catch, and a failure to read or write is
  reported to the channel (bot/faults.py) before Rasa's fail-safe wrapper
  swallows it, so the user hears that something went wrong;
- never lets a failure in one conversation stop the server: Rasa's
  `session_scope` takes any ValueError raised while a session is open (such as
  the UnicodeEncodeError of a sender id the database cannot encode) for a
  missing PostgreSQL schema and exits the process. `session_scope` below is
  Rasa's without that exit: the error stays the turn's fault. It is the one
  place that leans on Rasa's internals here (`sessionmaker`,
  `ensure_schema_exists`); tests/unit/test_tracker_store_faults.py fails when
  Rasa's version of it changes.

Only the Rasa server imports the store class; the readers below (transcript,
erasure, dashboard counts) do not need Rasa, so the review app uses them too.
"""

from __future__ import annotations

import contextlib
import json
import logging
from typing import (
    TYPE_CHECKING,
    Any,
    Dict,
    Iterable,
    Iterator,
    List,
    Optional,
    Set,
    Tuple,
)

import sqlalchemy as sa
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from bot import faults
from bot.settings import load_settings
from bot.store.erasure import erase_conversation
from bot.store.redaction import redact_event
from bot.store.session import configure_sqlite, ensure_sqlite_directory, session_factory
from bot.store.session_limit import session_checkpoint

if TYPE_CHECKING:
    from rasa.core.brokers.broker import EventBroker
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import Event
    from rasa.shared.core.trackers import DialogueStateTracker

logger = logging.getLogger(__name__)

TRANSCRIPT_EVENTS = ("user", "bot")
FALLBACK_INTENT = "nlu_fallback"  # FallbackClassifier in config.yml
FALLBACK_ACTIONS = ("action_default_fallback",)  # RulePolicy's core fallback
ERASE_ACTION = "action_erase_conversation"


class TrackerStoreUnavailable(RuntimeError):
    """The transcript database cannot be used; Rasa must not start without it.

    A RuntimeError on purpose: Rasa replaces a custom tracker store that raises
    AttributeError or ImportError by an in-memory one, with only a warning.
    """


def events_after_erasure(events: Iterable["Event"]) -> Optional[List["Event"]]:
    """The events after the restart of the last erasure; None if none was erased.

    `action_erase_conversation` returns `Restarted` only when it has erased the
    stored rows, so a failed erasure keeps everything.
    """
    events = list(events)  # Rasa's tracker holds a deque
    kept = None
    erasing = False
    for index, event in enumerate(events):
        if getattr(event, "action_name", None) == ERASE_ACTION:
            erasing = True
        elif erasing and event.type_name == "restart":
            kept = list(events[index + 1 :])
            erasing = False
    return kept


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

    from bot import rasa_internals

    # Rasa imports this module from endpoints.yml in every process that serves
    # conversations: the place to install the patches, before the first turn.
    rasa_internals.apply()

    class DatabaseUrlTrackerStore(rasa_internals.KnownEventCount, SQLTrackerStore):
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
            settings = load_settings()
            database_url = database_url or settings.database_url
            self.session_max_turns = settings.session_max_turns
            try:
                # Rasa retries a failed connection forever: the directory must exist.
                ensure_sqlite_directory(database_url)
                super().__init__(
                    domain,
                    event_broker=event_broker,
                    **connection_kwargs(database_url),
                    **kwargs,
                )
            except Exception as error:
                raise TrackerStoreUnavailable(
                    f"tracker store on {database_url!r} failed: {error!r}"
                ) from error
            if self.engine.dialect.name == "sqlite":
                configure_sqlite(self.engine)
                # Not a pool: tests/e2e/test_faults.py needs a vanished file to
                # fail the next turn, which an open pooled connection would hide.
                sa.event.listen(self.engine, "connect", _sync_at_checkpoints)
                self.engine.dispose()  # new connections get the pragmas

        @contextlib.contextmanager
        def session_scope(self) -> Iterator[Session]:
            from rasa.core.tracker_store import ensure_schema_exists

            session = self.sessionmaker()
            try:
                try:
                    ensure_schema_exists(session)
                except ValueError as missing:
                    raise TrackerStoreUnavailable(
                        f"PostgreSQL schema {missing} not found"
                    ) from None
                yield session
            finally:
                session.close()

        async def retrieve(self, sender_id: str) -> Optional["DialogueStateTracker"]:
            with faults.reported(faults.DATABASE):
                return await super().retrieve(sender_id)

        async def save(self, tracker: "DialogueStateTracker") -> None:
            if faults.seen():
                # The user is told the turn failed and to send it again; storing
                # half a turn (or a blank tracker after a failed read) would make
                # the retry land in a different state.
                logger.warning(
                    "turn of %s not stored: %s", tracker.sender_id, faults.seen()
                )
                return
            with faults.reported(faults.DATABASE):
                kept = events_after_erasure(tracker.events)
                if kept is not None:
                    tracker = self._erase(tracker, kept)
                for event in session_checkpoint(tracker, self.session_max_turns):
                    tracker.update(event)
                await super().save(tracker)

        def _erase(
            self, tracker: "DialogueStateTracker", kept: List["Event"]
        ) -> "DialogueStateTracker":
            from rasa.shared.core.trackers import DialogueStateTracker

            with self.session_scope() as session:
                counts = erase_conversation(session, tracker.sender_id)
                session.commit()
            logger.info("erased conversation %s: %s", tracker.sender_id, counts)
            return DialogueStateTracker.from_events(
                tracker.sender_id, kept, self.domain.slots
            )

        def _additional_events(
            self, session: Any, tracker: "DialogueStateTracker"
        ) -> Iterator["Event"]:
            from rasa.shared.core.events import Event

            for event in super()._additional_events(session, tracker):
                data = event.as_dict()
                redacted = redact_event(data)
                yield event if redacted == data else Event.from_parameters(redacted)

    DatabaseUrlTrackerStore.__module__ = __name__
    DatabaseUrlTrackerStore.__qualname__ = "DatabaseUrlTrackerStore"
    return DatabaseUrlTrackerStore


def _sync_at_checkpoints(dbapi_connection: Any, _record: Any) -> None:
    """`synchronous=NORMAL` for the transcript writes: in WAL mode SQLite then
    fsyncs at checkpoints instead of at every commit. The file stays consistent
    after any crash, and a crash of Rasa or the action server loses nothing; a
    power cut or kernel crash may lose the last turns (sqlite.org/wal.html).
    The fsync per turn blocked Rasa's event loop: at 4 concurrent users
    19 -> 27 msg/s (scripts/bench_compare.py)."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


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
        sa.select(
            _events.c.id, _events.c.type_name, _events.c.timestamp, _events.c.data
        )
        .where(_events.c.id == event_id)
        .where(_events.c.sender_id == conversation_id)
        .where(_events.c.type_name == "user")
    )
    row = session.execute(query).one_or_none()
    return None if row is None else _turn(*row)


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
