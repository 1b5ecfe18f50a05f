"""Removing everything stored about one conversation (AVG article 17).

The chat's "verwijder mijn gegevens", the retention purge and the coordinators'
review app all call `erase_conversation`, so there is one list of what a
conversation leaves behind: the repositories it asks below. A repository added
later that holds anything of a conversation gets an `erase_conversation` and a
line here.
"""

from __future__ import annotations

from typing import Dict

from bot.store.session import UnitOfWork


def erase_conversation(uow: UnitOfWork, conversation_id: str) -> Dict[str, int]:
    """Deletes every row of `conversation_id`; returns the rows deleted per table.

    Rasa's `events` counts as zero before Rasa created it on its first start.
    The caller commits, as with any other change in a unit of work; on SQLite
    (with `secure_delete` on, bot/store/session.py) that commit also
    checkpoints and truncates the WAL, so no copy of the rows stays in it.
    """
    uow.erased = True
    # The request with its history and tags, the corrections (copies of
    # misunderstood messages), and Rasa's transcript.
    counts = uow.requests.erase_conversation(conversation_id)
    counts["message_corrections"] = uow.corrections.erase_conversation(conversation_id)
    counts["events"] = uow.transcripts.erase_conversation(conversation_id)
    return counts
