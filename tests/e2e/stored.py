"""What the store holds, read straight from the database the servers use."""

from __future__ import annotations

import json
from typing import Any, Dict, List

import sqlalchemy as sa

from bot.store.session import UnitOfWork, make_engine, session_factory


def table_rows(database_url: str) -> Dict[str, List[Dict[str, Any]]]:
    """Every row of every table, as dicts."""
    engine = make_engine(database_url)
    try:
        with engine.connect() as connection:
            return {
                name: [dict(row._mapping) for row in connection.execute(
                    sa.text(f'SELECT * FROM "{name}"'))]
                for name in sa.inspect(connection).get_table_names()
            }  # fmt: skip
    finally:
        engine.dispose()


def events_of(database_url: str, sender: str) -> List[Dict[str, Any]]:
    """The conversation's events as Rasa stored them, in order (by row id:
    PostgreSQL returns rows in no particular order without ORDER BY)."""
    engine = make_engine(database_url)
    query = sa.text("SELECT data FROM events WHERE sender_id = :sender ORDER BY id")
    try:
        with engine.connect() as connection:
            if not sa.inspect(connection).has_table("events"):
                return []
            rows = connection.execute(query, {"sender": sender}).scalars()
            return [json.loads(data) for data in rows]
    finally:
        engine.dispose()


def user_texts(database_url: str, sender: str) -> List[str]:
    return [e["text"] for e in events_of(database_url, sender) if e["event"] == "user"]


def transcript_of(database_url: str, sender: str) -> List[Dict[str, Any]]:
    """The conversation as the review app shows it (bot/store/transcripts.py)."""
    with UnitOfWork(session_factory(database_url)) as uow:
        return uow.transcripts.transcript(sender)
