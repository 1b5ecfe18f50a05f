"""Second stage of the fallback: offer the likeliest intents as buttons."""

from __future__ import annotations

from typing import List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

MAX_SUGGESTIONS = 3
NOT_SUGGESTED = {"nlu_fallback", "out_of_scope", "inform", "affirm", "deny"}


class ActionDefaultAskAffirmation(Action):
    """Asks "bedoel je…?" with a button for each likely intent.

    The button titles live in the `utter_ask_affirmation` response, one per
    intent; this action keeps those that match the likeliest intents.
    """

    def name(self) -> Text:
        return "action_default_ask_affirmation"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        template = domain["responses"]["utter_ask_affirmation"][0]
        button_by_payload = {b["payload"]: b for b in template["buttons"]}
        likely = [
            f"/{ranked['name']}"
            for ranked in tracker.latest_message.get("intent_ranking") or []
            if ranked["name"] not in NOT_SUGGESTED
        ]
        buttons = [button_by_payload[p] for p in likely if p in button_by_payload]
        buttons = buttons[:MAX_SUGGESTIONS] + [button_by_payload["/out_of_scope"]]
        dispatcher.utter_message(text=template["text"], buttons=buttons)
        return []
