"""Alembic environment: runs on the connection `bot.store.migrate` hands over,
or on DATABASE_URL when Alembic's own command line is used."""

from __future__ import annotations

from typing import Any, Optional

from alembic import context
from sqlalchemy.engine import Connection

from bot.settings import load_settings
from bot.store.models import Base
from bot.store.session import make_engine

config = context.config
target_metadata = Base.metadata


def include_name(name: Optional[str], type_: str, parent_names: Any) -> bool:
    # Rasa creates and owns its `events` table in the same database.
    if type_ == "table":
        return name in target_metadata.tables
    return True


def database_url() -> str:
    return config.attributes.get("database_url") or load_settings().database_url


def run_on(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        include_name=include_name,
        # SQLite can only ALTER through table copies ("batch" mode).
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


def run_offline() -> None:
    context.configure(
        url=database_url(),
        target_metadata=target_metadata,
        include_name=include_name,
        literal_binds=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        run_on(connection)
        return
    engine = make_engine(database_url())
    try:
        with engine.connect() as connection:
            run_on(connection)
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
