"""Questions on the side (issue 22): cost, time, who is behind this, privacy,
how soon someone gets in touch.

Answered in one or two sentences from data: cost and time from the catalogue
(data/catalogue.yml), for the options shown when there are some, else for a
few formats that differ; the rest from domain.yml. The rules then run the
form again, which asks the open question again (data/rules/side_questions.yml).
"""

from __future__ import annotations

import re
from typing import Dict, List, Sequence, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.interruptions import as_answer, reads_as_answer
from bot.intake.catalogue import PpsFormat, load_catalogue

# Formats named in a general answer: enough to show the range, few enough to read.
GENERAL_EXAMPLES = 3
FIXED_ANSWERS: Dict[Text, Text] = {
    "ask_who_behind": "utter_side_who_behind",
    "ask_privacy": "utter_side_privacy",
    "ask_when_contact": "utter_side_when_contact",
}


def formats_shown(tracker: Tracker) -> List[PpsFormat]:
    """The catalogue formats of the options shown in this conversation, in order."""
    by_id = {f.id: f for f in load_catalogue().formats}
    shown = tracker.get_slot("options") or []
    return [
        by_id[o["id"]] for o in shown if isinstance(o, dict) and o.get("id") in by_id
    ]


def differing_formats(field: str, limit: int = GENERAL_EXAMPLES) -> List[PpsFormat]:
    """The first formats of the catalogue whose `field` differs from those before."""
    seen: set = set()
    picked: List[PpsFormat] = []
    for pps_format in load_catalogue().formats:
        value = getattr(pps_format, field)
        if value not in seen:
            seen.add(value)
            picked.append(pps_format)
        if len(picked) == limit:
            break
    return picked


def listed(formats: Sequence[PpsFormat], field: str) -> str:
    """ "Studentenchallenge: meestal gratis; Fieldlab: …" """
    return "; ".join(f"{f.title}: {getattr(f, field)}" for f in formats)


def listed_time(formats: Sequence[PpsFormat]) -> str:
    return "; ".join(f"{f.title}: {f.hours}, {f.duration}" for f in formats)


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
        if intent in FIXED_ANSWERS:
            dispatcher.utter_message(response=FIXED_ANSWERS[intent])
            return []
        shown = formats_shown(tracker)
        if intent == "ask_time_cost":
            if shown:
                dispatcher.utter_message(
                    response="utter_side_time_options", times=listed_time(shown)
                )
            else:
                dispatcher.utter_message(
                    response="utter_side_time_general",
                    times=listed_time(differing_formats("hours")),
                )
            return []
        if shown:
            dispatcher.utter_message(
                response="utter_side_cost_options", costs=listed(shown, "cost")
            )
        else:
            dispatcher.utter_message(
                response="utter_side_cost_general",
                costs=listed(differing_formats("cost"), "cost"),
            )
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
