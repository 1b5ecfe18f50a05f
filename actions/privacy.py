"""The entrepreneur's right to have the conversation removed, after a yes.

"verwijder mijn gegevens" pauses any form and asks for confirmation; "ja"
erases the request and the transcript (bot/store/erasure.py) and restarts the
conversation; "nee" picks the interrupted form up again. The Rasa server's
tracker store removes what Rasa itself still holds of the conversation when
it saves the erasing turn (bot/store/tracker_store.py).
"""

from __future__ import annotations

import logging
from typing import List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, FollowupAction, Restarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.store_access import in_store
from bot.log_ids import log_id
from bot.settings import load_settings
from bot.store.erasure import erase_conversation

logger = logging.getLogger(__name__)

INTERRUPTED_FORM = "interrupted_form"
REQUESTED_SLOT = "requested_slot"
ASK_ACTION = "action_ask_erasure_confirmation"
CONFIRMING_INTENT = "affirm"


def erasure_confirmed(tracker: Tracker) -> bool:
    """Whether the conversation's own events ask for the erasure: its latest
    user message says yes to the question `ASK_ACTION` asked just before.

    The action server trusts only Rasa (bot/action_server.py); this keeps a
    mistaken prediction, or a tracker that lacks the question, from erasing.
    """
    events = tracker.events
    users = [i for i, event in enumerate(events) if event.get("event") == "user"]
    if not users:
        return False
    latest = events[users[-1]]
    intent = ((latest.get("parse_data") or {}).get("intent") or {}).get("name")
    if intent != CONFIRMING_INTENT:
        return False
    asked = [
        event.get("name")
        for event in events[: users[-1]]
        if event.get("event") == "action" and event.get("name") != "action_listen"
    ]
    return bool(asked) and asked[-1] == ASK_ACTION


class ActionAskErasureConfirmation(Action):
    """Pauses the form, remembering which, and asks whether to erase everything."""

    def name(self) -> Text:
        return ASK_ACTION

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        dispatcher.utter_message(response="utter_ask_erasure_confirmation")
        form = tracker.active_loop.get("name")
        # Without the question it asked, the form, when resumed, cannot take this
        # turn's "nee" for an answer to it.
        return [
            ActiveLoop(None),
            SlotSet(REQUESTED_SLOT, None),
            SlotSet(INTERRUPTED_FORM, form),
        ]


class ActionEraseConversation(Action):
    """Deletes everything stored of this conversation and starts afresh."""

    def name(self) -> Text:
        return "action_erase_conversation"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        if not erasure_confirmed(tracker):
            logger.warning(
                "erasure of %s refused: not confirmed in its own conversation",
                log_id(tracker.sender_id),
            )
            return []
        try:
            counts = await in_store(
                lambda uow: erase_conversation(uow, tracker.sender_id)
            )
        except Exception:  # noqa: BLE001 - the entrepreneur must hear it failed
            logger.exception("erasing %s failed", log_id(tracker.sender_id))
            dispatcher.utter_message(
                response="utter_erase_failed",
                contact_email=load_settings().pps_contact_email,
            )
            return []
        logger.info("erased %s on request: %s", log_id(tracker.sender_id), counts)
        dispatcher.utter_message(response="utter_erased")
        # Without the restart Rasa would keep the conversation in the tracker.
        return [Restarted()]


class ActionCancelErasure(Action):
    """Keeps everything and goes back to the form the question interrupted."""

    def name(self) -> Text:
        return "action_cancel_erasure"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        dispatcher.utter_message(response="utter_erasure_cancelled")
        form = tracker.get_slot(INTERRUPTED_FORM)
        events: List[EventType] = [SlotSet(INTERRUPTED_FORM, None)]
        if form:
            events.append(FollowupAction(form))
        return events
