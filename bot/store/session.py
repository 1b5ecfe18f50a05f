"""Engine, session factory and the unit of work (cosmicpython's pattern)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from types import TracebackType
from typing import Any, Callable, Optional, Type

import sqlalchemy as sa
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import Session, sessionmaker

from bot.settings import load_settings
from bot.store.repository import (
    CorrectionRepository,
    RequestRepository,
    UserRepository,
)
from bot.store.transcripts import TranscriptRepository

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


def ensure_sqlite_directory(database_url: str) -> None:
    path = sqlite_path(database_url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)


def configure_sqlite(engine: Engine) -> None:
    """WAL and a busy timeout: the Rasa server and the action server share the file.
    Also `unicode_lower()`, which `repository.unicode_lower` compiles to."""

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_TIMEOUT_S * 1000}")
        cursor.close()
        # SQLite's own lower() and LIKE only fold ASCII: "Ë" must find "ë".
        dbapi_connection.create_function("unicode_lower", 1, _lower, deterministic=True)


def _lower(text: Optional[str]) -> Optional[str]:
    return None if text is None else text.lower()


def make_engine(database_url: str) -> Engine:
    if not is_sqlite(database_url):
        return sa.create_engine(database_url, future=True, pool_pre_ping=True)
    ensure_sqlite_directory(database_url)
    engine = sa.create_engine(
        database_url, future=True, connect_args={"timeout": SQLITE_TIMEOUT_S}
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
    transcripts: TranscriptRepository

    def __init__(self, factory: Optional[SessionFactory] = None) -> None:
        if factory is None:
            factory = session_factory(load_settings().database_url)
        self._factory = factory

    def __enter__(self) -> "UnitOfWork":
        self.session = self._factory()
        self.requests = RequestRepository(self.session)
        self.users = UserRepository(self.session)
        self.corrections = CorrectionRepository(self.session)
        self.transcripts = TranscriptRepository(self.session)
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

    def rollback(self) -> None:
        self.session.rollback()
