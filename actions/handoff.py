"""The entrepreneur asks for a person: record it and collect contact details."""

from __future__ import annotations

import logging
from typing import List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.stored_request import save_request
from bot.log_ids import log_id

logger = logging.getLogger(__name__)


class ActionRequestHandoff(Action):
    def name(self) -> Text:
        return "action_request_handoff"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
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
