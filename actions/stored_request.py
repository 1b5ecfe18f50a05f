"""Turns a conversation into the refined request the coordinators work with."""

from __future__ import annotations

import logging
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.followup import NO_EMAIL, NO_PHONE
from actions.options import option_summaries, ranked_options
from actions.store_access import in_store
from bot.intake.vocabulary import ANSWER_SLOTS, FRAME_SLOTS
from bot.log_ids import log_id
from bot.settings import load_settings

logger = logging.getLogger(__name__)

# Rasa's input channel names, as the coordinators know them.
CHANNELS = {"socketio": "web", "telegram": "telegram", "rest": "rest"}
FOLLOWUP_FORM = "followup_form"


def channel_of(tracker: Tracker) -> str:
    return CHANNELS.get(tracker.get_latest_input_channel() or "rest", "rest")


def request_fields(tracker: Tracker) -> Dict[str, Any]:
    """Every stored field of the request, read from the conversation's slots."""
    slot = tracker.get_slot
    options = slot("options")
    if not options and slot("need_category"):
        options = option_summaries(ranked_options(tracker))
    consent = bool(slot("contact_consent"))
    phone = slot("contact_phone")
    email = slot("contact_email")
    return {
        "channel": channel_of(tracker),
        "need_category": slot("need_category"),
        "original_question": slot("original_question"),
        "refined_question": slot("refined_question"),
        **{column: slot(name) or "" for column, name in FRAME_SLOTS.items()},
        "company": slot("company_name"),
        "sector": slot("sector"),
        "size": slot("company_size"),
        "region": slot("region"),
        "contact_name": slot("contact_name") if consent else None,
        "contact_email": email if consent and email != NO_EMAIL else None,
        "contact_phone": phone if consent and phone != NO_PHONE else None,
        "consent_at": slot("consent_at") if consent else None,
        "options": options or [],
        "chosen_option": slot("chosen_option"),
        "handoff_requested": bool(slot("handoff_requested")),
        "answers": {name: slot(name) for name in ANSWER_SLOTS if slot(name)},
    }


def intake_completed(tracker: Tracker) -> bool:
    """Whether the conversation's own events show the intake done: a need was
    understood and `FOLLOWUP_FORM` (choice and contact) ended in this turn, as
    the submit rule that runs `action_store_request` requires."""
    return bool(tracker.get_slot("need_category")) and followup_ended(tracker)


def handed_over_early(tracker: Tracker) -> bool:
    """Whether a coordinator was asked for before any question was told
    ("wat is het nummer van de stagecoördinator?"), and the contact details
    are in: the request is theirs, without a need yet."""
    return (
        bool(tracker.get_slot("handoff_requested"))
        and not tracker.get_slot("need_category")
        and followup_ended(tracker)
    )


def followup_ended(tracker: Tracker) -> bool:
    """Whether `FOLLOWUP_FORM` ran and ended in this turn, its last form."""
    events = tracker.events
    users = [i for i, event in enumerate(events) if event.get("event") == "user"]
    this_turn = events[users[-1] + 1 :] if users else []
    ran = any(
        event.get("event") == "action" and event.get("name") == FOLLOWUP_FORM
        for event in this_turn
    )
    ended = any(
        event.get("event") == "active_loop" and event.get("name") is None
        for event in this_turn
    )
    if not (ran and ended):
        return False
    loops = [
        event.get("name")
        for event in events
        if event.get("event") == "active_loop" and event.get("name")
    ]
    return bool(loops) and loops[-1] == FOLLOWUP_FORM


async def save_request(tracker: Tracker, **overrides: Any) -> None:
    # Complete unless the caller says otherwise (actions/followup.py keeps a
    # confirmed request marked incomplete until the intake ends).
    fields = {"incomplete": False, **request_fields(tracker), **overrides}
    await in_store(lambda uow: uow.requests.upsert(tracker.sender_id, **fields))


class ActionStoreRequest(Action):
    """Stores the refined request and tells the entrepreneur what happens next."""

    def name(self) -> Text:
        return "action_store_request"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        early = handed_over_early(tracker)
        if not (intake_completed(tracker) or early):
            logger.warning(
                "request of %s not stored: its intake did not complete",
                tracker.sender_id,
            )
            return []
        try:
            await save_request(tracker)
        except Exception:  # noqa: BLE001 - the entrepreneur must hear it failed
            logger.exception("storing request of %s failed", log_id(tracker.sender_id))
            dispatcher.utter_message(response="utter_store_failed")
            return []
        if early:
            # said nothing yet of what it is about: they may still tell it
            dispatcher.utter_message(response="utter_next_steps_handoff_early")
        elif tracker.get_slot("handoff_requested"):
            dispatcher.utter_message(response="utter_next_steps_handoff")
        elif tracker.get_slot("contact_consent"):
            dispatcher.utter_message(response="utter_next_steps")
        else:
            dispatcher.utter_message(
                response="utter_next_steps_anonymous",
                contact_email=load_settings().pps_contact_email,
            )
        return []
