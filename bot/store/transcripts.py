"""Rasa's transcripts: the `events` table its SQL tracker store writes
(bot/store/tracker_store.py), read and erased without importing Rasa.

Rasa creates the table on its first start, so every read here is empty, and an
erasure deletes nothing, until then.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any, Dict, Iterable, List, Optional, Set, Tuple

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bot.store.models import as_utc

TRANSCRIPT_EVENTS = ("user", "bot")
FALLBACK_INTENT = "nlu_fallback"  # FallbackClassifier in config.yml
FALLBACK_ACTIONS = ("action_default_fallback",)  # RulePolicy's core fallback

Turn = Dict[str, Any]

# Rasa's `events` table as its SQLTrackerStore.SQLEvent defines it; created
# here only by `add_events` where Rasa has not started yet.
EVENTS = sa.Table(
    "events",
    sa.MetaData(),
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("sender_id", sa.String(255), nullable=False, index=True),
    sa.Column("type_name", sa.String(255), nullable=False),
    sa.Column("timestamp", sa.Float),
    sa.Column("intent_name", sa.String(255)),
    sa.Column("action_name", sa.String(255)),
    sa.Column("data", sa.Text),
)
_TURN_COLUMNS = (EVENTS.c.id, EVENTS.c.type_name, EVENTS.c.timestamp, EVENTS.c.data)


class TranscriptRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def exists(self) -> bool:
        return sa.inspect(self.session.connection()).has_table("events")

    def transcript(self, conversation_id: str) -> List[Turn]:
        """What the entrepreneur and the bot said, in order, over all sessions.

        Each turn: ``{"id", "event": "user"|"bot", "text", "timestamp", "intent",
        "confidence", "ranking", "fallback", "message"}`` (`id` is the row in
        `events`; intent, confidence and the three likeliest intents only for
        user turns; `fallback` when the NLU did not understand it or the bot
        answered with its fallback; `message` the buttons and custom payload of
        a bot turn).
        """
        if not self.exists():
            return []
        query = (
            sa.select(*_TURN_COLUMNS, EVENTS.c.action_name)
            .where(EVENTS.c.sender_id == conversation_id)
            .where(
                EVENTS.c.type_name.in_(TRANSCRIPT_EVENTS)
                | EVENTS.c.action_name.in_(FALLBACK_ACTIONS)
            )
            .order_by(EVENTS.c.id)
        )
        turns: List[Turn] = []
        for *row, action_name in self.session.execute(query):
            if action_name in FALLBACK_ACTIONS:
                # The core fallback answers the user message before it.
                last_user = next(
                    (t for t in reversed(turns) if t["event"] == "user"), None
                )
                if last_user is not None:
                    last_user["fallback"] = True
                continue
            turns.append(_turn(*row))
        return turns

    def user_turn(self, conversation_id: str, event_id: int) -> Optional[Turn]:
        """One user message of the conversation as a transcript turn, or None."""
        if not self.exists():
            return None
        query = (
            sa.select(*_TURN_COLUMNS)
            .where(EVENTS.c.id == event_id)
            .where(EVENTS.c.sender_id == conversation_id)
            .where(EVENTS.c.type_name == "user")
        )
        row = self.session.execute(query).one_or_none()
        return None if row is None else _turn(*row)

    def conversations_started(self) -> Set[str]:
        """Sender ids with at least one user message."""
        if not self.exists():
            return set()
        query = sa.select(EVENTS.c.sender_id).where(EVENTS.c.type_name == "user")
        return set(self.session.scalars(query.distinct()))

    def conversations_with_slot(self, names: Iterable[str]) -> Dict[str, Set[str]]:
        """Per slot name, the sender ids in which that slot was ever set to a value."""
        found: Dict[str, Set[str]] = {name: set() for name in names}
        if not found or not self.exists():
            return found
        # Rasa keeps the slot name only inside `data`; LIKE skips most rows
        # cheaply (json.dumps writes '"name": "x"'), the JSON check decides.
        query = (
            sa.select(EVENTS.c.sender_id, EVENTS.c.data)
            .where(EVENTS.c.type_name == "slot")
            .where(sa.or_(*(EVENTS.c.data.contains(f'"{name}"') for name in found)))
        )
        for sender_id, data in self.session.execute(query):
            event = json.loads(data)
            value = event.get("value")
            if event.get("name") in found and value not in (None, False, ""):
                found[event["name"]].add(sender_id)
        return found

    def fallback_share(self) -> Tuple[int, int]:
        """(fallback turns, user turns): messages the NLU did not understand
        plus the turns answered by the core fallback action."""
        if not self.exists():
            return 0, 0
        count = sa.select(sa.func.count(EVENTS.c.id))
        user = EVENTS.c.type_name == "user"
        users = self.session.execute(count.where(user)).scalar_one()
        not_understood = self.session.execute(
            count.where(user).where(EVENTS.c.intent_name == FALLBACK_INTENT)
        ).scalar_one()
        core = self.session.execute(
            count.where(EVENTS.c.action_name.in_(FALLBACK_ACTIONS))
        ).scalar_one()
        return min(not_understood + core, users), users

    def last_event_times(self) -> Dict[str, datetime]:
        """Per sender id, the time of its newest event, in UTC."""
        if not self.exists():
            return {}
        newest = sa.select(
            EVENTS.c.sender_id, sa.func.max(EVENTS.c.timestamp)
        ).group_by(EVENTS.c.sender_id)
        return {
            sender_id: as_utc(datetime.utcfromtimestamp(timestamp or 0))
            for sender_id, timestamp in self.session.execute(newest)
        }

    def last_event_time(self, sender_id: str) -> Optional[float]:
        """The Unix time of `sender_id`'s newest event; None if it has none."""
        if not self.exists():
            return None
        newest = sa.select(sa.func.max(EVENTS.c.timestamp)).where(
            EVENTS.c.sender_id == sender_id
        )
        found = self.session.execute(newest).scalar()
        return None if found is None else float(found)

    def add_events(self, sender_id: str, events: Iterable[Dict[str, Any]]) -> None:
        """Events (dicts as Rasa logs them) stored as Rasa's SQLTrackerStore
        stores them: for imports, samples and tests."""
        EVENTS.create(self.session.connection(), checkfirst=True)
        rows = [
            {
                "sender_id": sender_id,
                "type_name": event["event"],
                "timestamp": event.get("timestamp"),
                "intent_name": (event.get("parse_data") or {})
                .get("intent", {})
                .get("name"),
                "action_name": event.get("name")
                if event["event"] == "action"
                else None,
                "data": json.dumps(event),
            }
            for event in events
        ]
        if rows:
            self.session.execute(sa.insert(EVENTS), rows)

    def erase_conversation(self, conversation_id: str) -> int:
        """Deletes every event of the conversation; returns how many rows went."""
        if not self.exists():
            return 0
        statement = sa.delete(EVENTS).where(EVENTS.c.sender_id == conversation_id)
        return self.session.execute(statement).rowcount


def _turn(event_id: int, type_name: str, timestamp: Optional[float], data: str) -> Turn:
    event = json.loads(data)
    parse_data = event.get("parse_data") or {}
    intent = parse_data.get("intent") or {}
    ranking = [
        (ranked.get("name"), ranked.get("confidence"))
        for ranked in parse_data.get("intent_ranking") or []
        if ranked.get("name") != FALLBACK_INTENT
    ][:3]
    message = event.get("data") if type_name == "bot" else None
    return {
        "id": event_id,
        "event": type_name,
        "text": event.get("text"),
        "timestamp": timestamp,
        "intent": intent.get("name"),
        "confidence": intent.get("confidence"),
        "ranking": ranking,
        "fallback": intent.get("name") == FALLBACK_INTENT,
        "message": message if isinstance(message, dict) else {},
    }
