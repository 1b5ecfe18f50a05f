"""AVG erasure: a conversation's request, its history, corrections and transcript."""

from __future__ import annotations

from typing import Dict

from bot.store.session import UnitOfWork
from bot.store.tracker_store import delete_events


def erase_conversation(uow: UnitOfWork, conversation_id: str) -> Dict[str, int]:
    """Deletes everything stored about the conversation; returns counts per kind."""
    return {
        "requests": uow.requests.delete_with_history(conversation_id),
        "corrections": uow.corrections.delete_by_conversations([conversation_id]),
        "events": delete_events(uow.session, conversation_id),
    }
