"""Engine, session factory and the unit of work (cosmicpython's pattern)."""

from __future__ import annotations

import logging
import os
import stat
from functools import lru_cache
from pathlib import Path
from types import TracebackType
from typing import Any, Callable, Optional, Tuple, Type

import sqlalchemy as sa
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import Session, sessionmaker

from bot.private_files import touch_private
from bot.settings import load_settings
from bot.store.audit import AuditRepository
from bot.store.repository import (
    CorrectionRepository,
    OutboxRepository,
    RequestRepository,
    UserRepository,
)
from bot.store.transcripts import TranscriptRepository

logger = logging.getLogger(__name__)

SQLITE_TIMEOUT_S = 15

SessionFactory = Callable[[], Session]


def is_sqlite(database_url: str) -> bool:
    return make_url(database_url).get_backend_name() == "sqlite"


def sqlite_path(database_url: str) -> Optional[Path]:
    """The file behind a SQLite URL; None for in-memory or other databases."""
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def shown_url(database_url: str) -> str:
    """`database_url` fit for a message or a log: the password as ``***``."""
    try:
        return make_url(database_url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - an unreadable URL may still hold a password
        return "(DATABASE_URL, not readable as a URL)"


def without_password(text: str, database_url: str) -> str:
    """`text` (e.g. an error message) with the URL's password masked."""
    try:
        password = make_url(database_url).password
    except Exception:  # noqa: BLE001 - not a URL: hide the whole of it
        return text.replace(database_url, "***") if database_url else text
    return text.replace(str(password), "***") if password else text


def ensure_sqlite_directory(database_url: str) -> None:
    """Creates the SQLite file's directory, and the file itself readable by its
    owner only (0600, whatever the umask): SQLite gives the -wal and -shm files
    the mode of the database file."""
    path = sqlite_path(database_url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        touch_private(path)


def configure_sqlite(engine: Engine) -> None:
    """WAL and a busy timeout: the Rasa server and the action server share the file.
    `secure_delete`: a deleted row is overwritten with zeros, not left in a free
    page for anyone with the file to read (an erasure must leave nothing).
    Also `unicode_lower()`, which `repository.unicode_lower` compiles to, and
    the check that a pooled connection still has the file at the URL's path."""

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_TIMEOUT_S * 1000}")
        cursor.close()
        # SQLite's own lower() and LIKE only fold ASCII: "Ë" must find "ë".
        dbapi_connection.create_function("unicode_lower", 1, _lower, deterministic=True)
        record.info[_FILE_IDENTITY] = _file_identity(engine.url.database)

    @sa.event.listens_for(engine, "checkout")
    def _on_checkout(_dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        # An open connection keeps reading a file that was moved, deleted or
        # replaced; a new one fails ("unable to open database file") or opens
        # the new file. The pool then connects anew (tests/e2e/test_faults.py).
        if _file_identity(engine.url.database) != record.info.get(_FILE_IDENTITY):
            raise sa.exc.DisconnectionError("the SQLite file at the path changed")


_FILE_IDENTITY = "vraagwijzer_file_identity"  # key in a pooled connection's info


def _file_identity(database: Optional[str]) -> Optional[Tuple[int, int]]:
    """Device and inode of the regular file at `database`; None if there is none."""
    if not database or database == ":memory:":
        return None
    try:
        found = os.stat(database)
    except OSError:
        return None
    return (found.st_dev, found.st_ino) if stat.S_ISREG(found.st_mode) else None


def _lower(text: Optional[str]) -> Optional[str]:
    return None if text is None else text.lower()


def make_engine(database_url: str) -> Engine:
    if not is_sqlite(database_url):
        return sa.create_engine(database_url, future=True, pool_pre_ping=True)
    ensure_sqlite_directory(database_url)
    # A pool, not SQLAlchemy 1.4's default NullPool for files: opening the file
    # and setting its pragmas took about 6 % of a turn (scripts/bench_compare.py).
    # A connection is used by one thread at a time, whichever thread that is.
    engine = sa.create_engine(
        database_url,
        future=True,
        poolclass=sa.pool.QueuePool,
        connect_args={"timeout": SQLITE_TIMEOUT_S, "check_same_thread": False},
    )
    configure_sqlite(engine)
    return engine


@lru_cache(maxsize=None)
def session_factory(database_url: str) -> sessionmaker:
    """One engine and session factory per URL, created on first use."""
    # Objects stay readable after commit, e.g. the request `upsert` returned.
    return sessionmaker(
        bind=make_engine(database_url), future=True, expire_on_commit=False
    )


class UnitOfWork:
    """`with UnitOfWork(factory) as uow: ...; uow.commit()`; rolls back otherwise."""

    requests: RequestRepository
    users: UserRepository
    corrections: CorrectionRepository
    outbox: OutboxRepository
    transcripts: TranscriptRepository
    audit: AuditRepository

    def __init__(self, factory: Optional[SessionFactory] = None) -> None:
        if factory is None:
            factory = session_factory(load_settings().database_url)
        self._factory = factory

    def __enter__(self) -> "UnitOfWork":
        self.session = self._factory()
        # Set by erasure.erase_conversation: commit() then checkpoints the WAL.
        self.erased = False
        self.requests = RequestRepository(self.session)
        self.users = UserRepository(self.session)
        self.corrections = CorrectionRepository(self.session)
        self.outbox = OutboxRepository(self.session)
        self.transcripts = TranscriptRepository(self.session)
        self.audit = AuditRepository(self.session)
        return self

    def __exit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        traceback: Optional[TracebackType],
    ) -> None:
        self.rollback()
        self.session.close()

    def commit(self) -> None:
        self.session.commit()
        if self.erased:
            self.erased = False
            self._checkpoint()

    def _checkpoint(self) -> None:
        """After an erasure: SQLite copies the WAL (which still holds the erased
        rows' pages) into the database file and truncates it to zero bytes."""
        connection = self.session.connection()
        if connection.dialect.name != "sqlite":
            return
        busy, _, _ = connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").one()
        if busy:  # a reader holds an old snapshot: the next checkpoint finishes it
            logger.warning("WAL checkpoint after an erasure not complete: busy")

    def rollback(self) -> None:
        self.session.rollback()
