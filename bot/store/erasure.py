"""Removing everything stored about one conversation (AVG article 17).

The chat's "verwijder mijn gegevens", the retention purge and the coordinators'
review app all call `erase_conversation`, so there is one list of what a
conversation leaves behind: `KEYED_TABLES`. A table added later that holds
anything of a conversation belongs in that list.
"""

from __future__ import annotations

from typing import Dict, Tuple, Union

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bot.store.session import UnitOfWork

# Rows hanging off the conversation's request: the review app's history and tags.
REQUEST_CHILD_TABLES: Tuple[str, ...] = ("request_activities", "request_tags")
# (table, column holding the conversation id). `events` is Rasa's transcript;
# message_corrections keep copies of misunderstood messages.
KEYED_TABLES: Tuple[Tuple[str, str], ...] = (
    ("message_corrections", "conversation_id"),
    ("refined_requests", "conversation_id"),
    ("events", "sender_id"),
)


def erase_conversation(
    session_or_uow: Union[Session, UnitOfWork], conversation_id: str
) -> Dict[str, int]:
    """Deletes every row of `conversation_id`; returns the rows deleted per table.

    Tables not created yet (Rasa makes `events` on its first start) count as
    zero. The caller commits, as with any other change in a unit of work.
    """
    session: Session = getattr(session_or_uow, "session", session_or_uow)
    existing = set(sa.inspect(session.connection()).get_table_names())
    counts = {}
    requests = sa.table(
        "refined_requests", sa.column("id"), sa.column("conversation_id")
    )
    request_ids = sa.select(requests.c.id).where(
        requests.c.conversation_id == conversation_id
    )
    for name in REQUEST_CHILD_TABLES:
        if name not in existing:
            counts[name] = 0
            continue
        child = sa.table(name, sa.column("request_id"))
        statement = sa.delete(child).where(child.c.request_id.in_(request_ids))
        counts[name] = session.execute(statement).rowcount
    for name, column in KEYED_TABLES:
        if name not in existing:
            counts[name] = 0
            continue
        table = sa.table(name, sa.column(column))
        statement = sa.delete(table).where(table.c[column] == conversation_id)
        counts[name] = session.execute(statement).rowcount
    return counts
