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
  missing PostgreSQL schema and exits the process. The store's `session_scope`
  is Rasa's without that exit (MissingSchemaRaises in bot/rasa_internals.py,
  with Rasa's other internals): the error stays the turn's fault.

Only Rasa imports this module (endpoints.yml). The transcript it writes is read
through the unit of work's `uow.transcripts` (bot/store/transcripts.py).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Optional

import sqlalchemy as sa
from sqlalchemy.engine import make_url

from bot import faults
from bot.log_ids import log_id
from bot.settings import load_settings
from bot.store.erasure import erase_conversation
from bot.store.redaction import redact_event
from bot.store.session import (
    UnitOfWork,
    ensure_sqlite_directory,
    make_engine,
    shown_url,
    without_password,
)
from bot.store.session_limit import session_checkpoint

if TYPE_CHECKING:
    from rasa.core.brokers.broker import EventBroker
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import Event
    from rasa.shared.core.trackers import DialogueStateTracker

logger = logging.getLogger(__name__)

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

    class DatabaseUrlTrackerStore(
        rasa_internals.KnownEventCount,
        rasa_internals.MissingSchemaRaises,
        rasa_internals.EventDataOnly,
        SQLTrackerStore,
    ):
        """SQLTrackerStore whose connection comes from DATABASE_URL (bot/settings.py).

        A missing PostgreSQL schema raises TrackerStoreUnavailable.
        Rasa creates it with `host` set to the endpoint's `url` (unused here),
        `domain`, `event_broker` and the endpoint's other keys; `database_url`
        may be one of them, else the setting is used.
        """

        missing_schema_error = TrackerStoreUnavailable
        engine: sa.engine.Engine

        def __init__(
            self,
            domain: Optional["Domain"] = None,
            host: Optional[str] = None,
            event_broker: Optional["EventBroker"] = None,
            database_url: Optional[str] = None,
            **kwargs: Any,
        ) -> None:
            if host:
                logger.warning(
                    "tracker_store url %s ignored for DATABASE_URL", shown_url(host)
                )
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
                # Neither the URL's password nor an error that quotes it.
                reason = without_password(repr(error), database_url)
                raise TrackerStoreUnavailable(
                    f"tracker store on {shown_url(database_url)} failed: {reason}"
                ) from None
            if self.engine.dialect.name == "sqlite":
                # The project's SQLite engine (pooled, WAL, the file checked on
                # every checkout) in place of the one Rasa made.
                self.engine.dispose()
                self.engine = make_engine(database_url)
                sa.event.listen(self.engine, "connect", _sync_at_checkpoints)
                self.sessionmaker.configure(bind=self.engine)

        async def retrieve(self, sender_id: str) -> Optional["DialogueStateTracker"]:
            with faults.reported(faults.DATABASE):
                return await super().retrieve(sender_id)

        async def save(self, tracker: "DialogueStateTracker") -> None:
            if faults.seen():
                # The user is told the turn failed and to send it again; storing
                # half a turn (or a blank tracker after a failed read) would make
                # the retry land in a different state.
                logger.warning(
                    "turn of %s not stored: %s",
                    log_id(tracker.sender_id),
                    faults.seen(),
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

            with UnitOfWork(self.sessionmaker) as uow:
                counts = erase_conversation(uow, tracker.sender_id)
                uow.commit()
            logger.info("erased conversation %s: %s", log_id(tracker.sender_id), counts)
            return DialogueStateTracker.from_events(
                tracker.sender_id, kept, self.domain.slots
            )

        def as_stored(self, event: "Event") -> "Event":
            from rasa.shared.core.events import Event

            data = event.as_dict()
            redacted = redact_event(data)
            return event if redacted == data else Event.from_parameters(redacted)

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
