"""The erasure dialogue's actions: confirm first, erase, or go back to the form."""

from __future__ import annotations

import asyncio

from rasa_sdk.events import ActiveLoop, FollowupAction, Restarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.privacy import (
    ActionAskErasureConfirmation, ActionCancelErasure, ActionEraseConversation,
)  # fmt: skip
from actions.stored_request import ActionStoreRequest
from bot.settings import load_settings
from bot.store.session import UnitOfWork, session_factory
from tests.conftest import ERASURE_ASKED, FOLLOWUP_SUBMITTED, make_tracker


def run(coroutine):
    return asyncio.run(coroutine)


def request_of(sender):
    with UnitOfWork(session_factory(load_settings().database_url)) as uow:
        return uow.requests.get_by_conversation(sender)


def test_asking_pauses_the_form_and_remembers_it(domain):
    dispatcher = CollectingDispatcher()
    tracker = make_tracker({"need_category": "talent"}, active_loop="intake_form")
    events = run(ActionAskErasureConfirmation().run(dispatcher, tracker, domain))
    assert events == [ActiveLoop(None), SlotSet("requested_slot", None),
                      SlotSet("interrupted_form", "intake_form")]  # fmt: skip
    assert dispatcher.messages[0]["response"] == "utter_ask_erasure_confirmation"


def test_declining_goes_back_to_the_interrupted_form(domain):
    dispatcher = CollectingDispatcher()
    tracker = make_tracker({"interrupted_form": "followup_form"})
    events = run(ActionCancelErasure().run(dispatcher, tracker, domain))
    assert events == [SlotSet("interrupted_form", None), FollowupAction("followup_form")]
    assert dispatcher.messages[0]["response"] == "utter_erasure_cancelled"


def test_declining_outside_a_form_just_goes_on(domain):
    events = run(ActionCancelErasure().run(CollectingDispatcher(), make_tracker(), domain))
    assert events == [SlotSet("interrupted_form", None)]


def test_confirmed_erasure_deletes_the_request_and_restarts(domain):
    tracker = make_tracker({"need_category": "loket"}, sender_id="privacy-1",
                           **FOLLOWUP_SUBMITTED)  # fmt: skip
    run(ActionStoreRequest().run(CollectingDispatcher(), tracker, domain))
    assert request_of("privacy-1") is not None
    dispatcher = CollectingDispatcher()
    tracker = make_tracker({"need_category": "loket"}, sender_id="privacy-1",
                           **ERASURE_ASKED)  # fmt: skip
    events = run(ActionEraseConversation().run(dispatcher, tracker, domain))
    assert events == [Restarted()]
    assert request_of("privacy-1") is None
    assert dispatcher.messages[0]["response"] == "utter_erased"


def test_a_failed_erasure_says_so_and_does_not_restart(domain, tmp_path, monkeypatch):
    (tmp_path / "not-a-database").mkdir()
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'not-a-database'}")
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(**ERASURE_ASKED)
    events = run(ActionEraseConversation().run(dispatcher, tracker, domain))
    assert events == []
    assert dispatcher.messages[0]["response"] == "utter_erase_failed"
    assert "@" in dispatcher.messages[0]["contact_email"]


def stored_then(tracker_kwargs, domain):
    """Stores a request for "privacy-2", then runs the erasure on a tracker."""
    store = make_tracker({"need_category": "loket"}, sender_id="privacy-2",
                         **FOLLOWUP_SUBMITTED)  # fmt: skip
    run(ActionStoreRequest().run(CollectingDispatcher(), store, domain))
    dispatcher = CollectingDispatcher()
    tracker = make_tracker({"need_category": "loket"}, sender_id="privacy-2",
                           **tracker_kwargs)  # fmt: skip
    return run(ActionEraseConversation().run(dispatcher, tracker, domain)), dispatcher


def test_an_erasure_nobody_confirmed_in_the_conversation_erases_nothing(domain):
    # A made-up call: no question asked, or a "ja" that answered something else.
    for kwargs in ({}, {"message": ERASURE_ASKED["message"]},
                   {"earlier": ERASURE_ASKED["earlier"]},
                   {"message": ERASURE_ASKED["message"], "earlier": [
                       {"event": "action", "name": "action_ask_erasure_confirmation"},
                       {"event": "action", "name": "utter_ask_company_name"}]}):  # fmt: skip
        events, dispatcher = stored_then(kwargs, domain)
        assert events == [] and dispatcher.messages == []
        assert request_of("privacy-2") is not None


def test_a_request_is_stored_only_when_its_intake_completed(domain):
    for kwargs in ({}, {"earlier": FOLLOWUP_SUBMITTED["earlier"]},
                   {"this_turn": FOLLOWUP_SUBMITTED["this_turn"]}):
        tracker = make_tracker({"need_category": "loket"}, sender_id="made-up", **kwargs)
        dispatcher = CollectingDispatcher()
        assert run(ActionStoreRequest().run(dispatcher, tracker, domain)) == []
        assert request_of("made-up") is None
