"""The entrepreneur asks for a person: record it and collect contact details."""

from __future__ import annotations

import logging
from typing import List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.interruptions import REQUESTED_SLOT, as_answer, reads_as_answer
from actions.stored_request import save_request
from bot.log_ids import log_id

logger = logging.getLogger(__name__)
INTAKE_FORM = "intake_form"


class ActionRequestHandoff(Action):
    def name(self) -> Text:
        return "action_request_handoff"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        requested = tracker.get_slot(REQUESTED_SLOT)
        text = tracker.latest_message.get("text") or ""
        if (
            tracker.active_loop.get("name") == INTAKE_FORM
            and requested == "time_horizon"
            and reads_as_answer(requested, text, tracker)
        ):
            # "liefst in januari iemand spreken" to "wanneer?" answers it: the
            # intake goes on (a coordinator calls after it is stored). Only a
            # time says so clearly: "een mens" would read as a headcount.
            logger.info("%r read as the answer to %s, not a handoff", text, requested)
            return as_answer(tracker)
        events: List[EventType] = [SlotSet("handoff_requested", True)]
        try:
            # Stored now, so a coordinator sees it even if the chat ends here.
            await save_request(tracker, handoff_requested=True)
        except Exception:  # noqa: BLE001 - the contact form stores it again
            logger.exception("storing handoff of %s failed", log_id(tracker.sender_id))
        dispatcher.utter_message(response="utter_handoff")
        # Ends any form; the rules then start the contact form afresh.
        events.append(ActiveLoop(None))
        return events
