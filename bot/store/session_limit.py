"""A fresh conversation session every SESSION_MAX_TURNS user messages.

Rasa reads a conversation's events since its last `session_started` on every
turn, replays them and lets the policies walk the whole history, so each turn
of a long session is slower than the one before (turns 91-100 took 2.5 times
as long as turns 2-10; `make bench-load`). Sessions normally end after
`session_expiration_time` of silence (domain.yml); a user who keeps typing
never gets there. After that many user messages the tracker store therefore
appends what Rasa's own `action_session_start` would: a new session, the
current slots and the open form carried over, and listening again. The user
notices nothing; the next turn starts from a short history. The transcript
keeps every message.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, List

if TYPE_CHECKING:
    from rasa.shared.core.events import Event
    from rasa.shared.core.trackers import DialogueStateTracker

LISTEN = "action_listen"
SESSION_START = "action_session_start"


def user_turns_in_session(tracker: "DialogueStateTracker") -> int:
    turns = 0
    for event in tracker.events:
        if event.type_name == "session_started":
            turns = 0
        elif event.type_name == "user":
            turns += 1
    return turns


def session_checkpoint(
    tracker: "DialogueStateTracker", max_turns: int
) -> List["Event"]:
    """The events that start a new session carrying the state over, or [] while
    the session is shorter than `max_turns` (0: never) or the turn unfinished."""
    from rasa.shared.core.events import (
        ActionExecuted,
        ActiveLoop,
        SessionStarted,
        SlotSet,
    )

    last = tracker.events[-1] if tracker.events else None
    if max_turns <= 0 or getattr(last, "action_name", None) != LISTEN:
        return []
    if user_turns_in_session(tracker) < max_turns:
        return []
    events: List["Event"] = [ActionExecuted(SESSION_START), SessionStarted()]
    if tracker.active_loop_name:
        events.append(ActiveLoop(tracker.active_loop_name))
    events += [
        SlotSet(slot.name, slot.value)
        for slot in tracker.slots.values()
        if slot.value != slot.initial_value
    ]
    events.append(ActionExecuted(LISTEN))
    return events
