"""Questions on the side (issue 22): cost, time, who is behind this, privacy,
how soon someone gets in touch.

Answered in one or two sentences from data (actions/side_answers.py). The
rules then run the form again, which asks the open question again
(data/rules/side_questions.yml).
"""

from __future__ import annotations

import re
from typing import List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.interruptions import as_answer, reads_as_answer
from actions.side_answers import answer_side_question


class ActionAnswerSideQuestion(Action):
    def name(self) -> Text:
        return "action_answer_side_question"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        text = tracker.latest_message.get("text") or ""
        requested = tracker.get_slot("requested_slot")
        if (
            tracker.active_loop.get("name")
            and "?" not in text
            and reads_as_answer(requested, text, tracker)
        ):
            # "liefst zo snel als het kan" to "Wanneer…?" is an answer, not
            # a question about how soon someone calls.
            return as_answer(tracker)
        answer_side_question(dispatcher, tracker, intent or "ask_cost")
        return []


# A message that opens like a question is one, with or without "?".
ASKING = re.compile(r"\s*(?:waarom|wat|waar|hoe|wie|welke)\b|.*\?", re.IGNORECASE)


class ActionExplainQuestion(Action):
    """Answers "waarom vraag je dat?" for the question that is open."""

    def name(self) -> Text:
        return "action_explain_question"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        requested = tracker.get_slot("requested_slot")
        text = tracker.latest_message.get("text") or ""
        if (
            tracker.active_loop.get("name")
            and not ASKING.match(text)
            and reads_as_answer(requested, text, tracker)
        ):
            # "het gaat om onderzoek naar waarom de lasnaad scheurt" to "Wat
            # klopt er niet?" is the answer, not a why-question.
            return as_answer(tracker)
        response = f"utter_why_{requested}"
        if requested and response in domain.get("responses", {}):
            dispatcher.utter_message(response=response)
        else:
            dispatcher.utter_message(response="utter_why_generic")
        return []
