"""A new session every SESSION_MAX_TURNS user messages (bot/store/session_limit.py)."""

from __future__ import annotations

from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActiveLoop,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

from bot.store.session_limit import session_checkpoint, user_turns_in_session
from tests.conftest import ROOT

DOMAIN = Domain.load(str(ROOT / "domain.yml"))


def intake_tracker(user_turns: int) -> DialogueStateTracker:
    events = [ActionExecuted("action_session_start"), SessionStarted(),
              ActionExecuted("action_listen")]  # fmt: skip
    events += [ActiveLoop("intake_form"), SlotSet("need_category", "talent"),
               SlotSet("requested_slot", "headcount")]  # fmt: skip
    for number in range(user_turns):
        events += [UserUttered(f"bericht {number}"), ActionExecuted("intake_form"),
                   ActionExecuted("action_listen")]  # fmt: skip
    return DialogueStateTracker.from_events("long", events, DOMAIN.slots)


def test_a_short_session_goes_on():
    assert session_checkpoint(intake_tracker(24), 25) == []


def test_after_max_turns_a_new_session_carries_slots_and_form():
    tracker = intake_tracker(25)
    checkpoint = session_checkpoint(tracker, 25)
    for event in checkpoint:
        tracker.update(event)
    assert [type(e) for e in checkpoint[:2]] == [ActionExecuted, SessionStarted]
    assert tracker.latest_action_name == "action_listen"
    assert tracker.active_loop_name == "intake_form"
    assert tracker.get_slot("need_category") == "talent"
    assert tracker.get_slot("requested_slot") == "headcount"
    assert user_turns_in_session(tracker) == 0
    # What Rasa reads back: the events from the last session start on.
    reread = DialogueStateTracker.from_events(
        "long", list(tracker.events)[-len(checkpoint) + 1 :], DOMAIN.slots
    )
    assert reread.current_slot_values() == tracker.current_slot_values()
    assert reread.active_loop_name == "intake_form"


def test_no_new_session_in_the_middle_of_a_turn():
    tracker = intake_tracker(30)
    tracker.update(UserUttered("nog een"))
    assert session_checkpoint(tracker, 25) == []


def test_zero_turns_it_off():
    assert session_checkpoint(intake_tracker(100), 0) == []
