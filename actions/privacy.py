"""The entrepreneur's right to have their request removed."""

from __future__ import annotations

from typing import List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, AllSlotsReset, EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.settings import load_settings
from bot.store.session import UnitOfWork, session_factory


class ActionEraseConversation(Action):
    """Deletes the stored request of this conversation and forgets the answers."""

    def name(self) -> Text:
        return "action_erase_conversation"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        factory = session_factory(load_settings().database_url)
        with UnitOfWork(factory) as uow:
            uow.requests.delete_by_conversation(tracker.sender_id)
            uow.commit()
        dispatcher.utter_message(response="utter_erased")
        return [ActiveLoop(None), AllSlotsReset()]
