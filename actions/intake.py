"""The intake: welcome, need-dependent probing questions and the restated question."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import (
    ActionExecuted,
    ActiveLoop,
    AllSlotsReset,
    EventType,
    SessionStarted,
    SlotSet,
)
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions import validators

NEED_CATEGORIES = (
    "talent",
    "innovatie",
    "kennis_netwerk",
    "leven_lang_ontwikkelen",
    "onderwijs_invloed",
    "loket",
)

# What a coordinator asks first for each need: the vraag achter de vraag.
PROBES_BY_NEED: Dict[str, List[str]] = {
    "talent": ["education_level", "headcount", "time_horizon", "tried_before"],
    "innovatie": ["desired_outcome", "tried_before", "time_horizon", "own_time"],
    "kennis_netwerk": ["topic", "desired_outcome", "own_time"],
    "leven_lang_ontwikkelen": [
        "headcount",
        "desired_outcome",
        "education_level",
        "time_horizon",
    ],
    "onderwijs_invloed": ["topic", "education_level", "own_time"],
    "loket": ["desired_outcome", "tried_before", "time_horizon"],
}
COMPANY_CONTEXT = ["company_name", "sector", "company_size", "region"]

REFINED_TEMPLATES = {
    "talent": "utter_refined_talent",
    "innovatie": "utter_refined_innovatie",
    "kennis_netwerk": "utter_refined_kennis_netwerk",
    "leven_lang_ontwikkelen": "utter_refined_leven_lang_ontwikkelen",
    "onderwijs_invloed": "utter_refined_onderwijs_invloed",
    "loket": "utter_refined_loket",
}

# The questions whose answer may name a different need.
NEED_MAY_CHANGE_AT = ("need_category", "question_confirmed", "question_correction")

# A "nee" longer than this is read as the correction itself.
MAX_WORDS_OF_PLAIN_NO = 3


def need_from_intent(intent_name: Optional[str]) -> Optional[str]:
    if intent_name and intent_name.startswith("need_"):
        code = intent_name.removeprefix("need_")
        return code if code in NEED_CATEGORIES else None
    return None


def slot_before_latest_message(tracker: Tracker, slot: Text) -> Any:
    """The value a slot had before the user's latest message was processed."""
    events = tracker.events
    last_user = max(
        (i for i, event in enumerate(events) if event.get("event") == "user"),
        default=len(events),
    )
    value = None
    for event in events[:last_user]:
        if event.get("event") == "slot" and event.get("name") == slot:
            value = event.get("value")
        elif event.get("event") in ("restart", "reset_slots", "session_started"):
            value = None
    return value


def latest_intent(tracker: Tracker) -> Optional[str]:
    return (tracker.latest_message.get("intent") or {}).get("name")


def likeliest_need(tracker: Tracker, min_confidence: float = 0.3) -> Optional[str]:
    """The best need intent in the ranking, also when the top intent is a fallback."""
    for ranked in tracker.latest_message.get("intent_ranking") or []:
        need = need_from_intent(ranked.get("name"))
        if need and ranked.get("confidence", 0) >= min_confidence:
            return need
    return None


def response_text(domain: DomainDict, response: Text) -> str:
    """The first variation of a response, used as a template by the actions."""
    return domain["responses"][response][0]["text"]


def refined_question(tracker: Tracker, domain: DomainDict) -> str:
    """The entrepreneur's real question, from the template of their need."""
    correction = tracker.get_slot("question_correction")
    if correction:
        text = validators.clean_text(correction)
    else:
        need = tracker.get_slot("need_category") or "loket"
        values = {
            name: validators.clean_text(tracker.get_slot(name)) or "?"
            for name in PROBES_BY_NEED[need] + COMPANY_CONTEXT
        }
        values["company"] = values.pop("company_name")
        values["company_context"] = ", ".join(
            values[name] for name in ("sector", "company_size", "region")
        )
        text = response_text(domain, REFINED_TEMPLATES[need]).format(**values)
    return text[:1].upper() + text[1:]


class ValidateIntakeForm(FormValidationAction):
    def name(self) -> Text:
        return "validate_intake_form"

    async def required_slots(
        self,
        domain_slots: List[Text],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> List[Text]:
        need = tracker.get_slot("need_category")
        if need not in PROBES_BY_NEED:
            return ["need_category"]
        slots = ["need_category", *PROBES_BY_NEED[need], *COMPANY_CONTEXT]
        slots.append("question_confirmed")
        if tracker.get_slot("question_confirmed") is False:
            slots.append("question_correction")
        return slots

    def validate_need_category(
        self,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> Dict[Text, Any]:
        previous = slot_before_latest_message(tracker, "need_category")
        asked = tracker.get_slot("requested_slot") in NEED_MAY_CHANGE_AT
        if previous in NEED_CATEGORIES and not asked:
            # Answers to later questions can sound like another need; the
            # entrepreneur changes the need by correcting the restated question.
            return {"need_category": previous}
        need = slot_value if slot_value in NEED_CATEGORIES else likeliest_need(tracker)
        if need is None:
            return {"need_category": None}
        events: Dict[Text, Any] = {"need_category": need}
        if not tracker.get_slot("original_question"):
            events["original_question"] = validators.clean_text(
                tracker.latest_message.get("text")
            )
        return events

    def validate_education_level(
        self,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> Dict[Text, Any]:
        level = validators.normalise_education_level(str(slot_value))
        return {"education_level": level or validators.clean_text(slot_value)}

    def validate_headcount(
        self,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> Dict[Text, Any]:
        count = validators.parse_count(str(slot_value))
        return {"headcount": str(count) if count else validators.clean_text(slot_value)}

    def validate_company_size(
        self,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> Dict[Text, Any]:
        count = validators.parse_count(str(slot_value))
        if count is None or count > 100_000:
            dispatcher.utter_message(response="utter_invalid_company_size")
            return {"company_size": None}
        return {"company_size": str(count)}

    def validate_sector(
        self,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> Dict[Text, Any]:
        code = validators.normalise_sector(str(slot_value))
        return {"sector": code or validators.clean_text(slot_value).lower()}

    def validate_region(
        self,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> Dict[Text, Any]:
        region = validators.clean_text(slot_value)
        for prefix in ("in ", "regio ", "de regio ", "uit ", "bij "):
            if region.lower().startswith(prefix):
                region = region[len(prefix) :]
        return {"region": region[:1].upper() + region[1:] if region else None}

    def validate_question_confirmed(
        self,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> Dict[Text, Any]:
        text = validators.clean_text(tracker.latest_message.get("text"))
        intent = latest_intent(tracker)
        if intent == "affirm" or validators.is_yes(text):
            return {"question_confirmed": True}
        plain_no = len(text.split()) <= MAX_WORDS_OF_PLAIN_NO
        if plain_no and (intent == "deny" or validators.is_no(text)):
            return {"question_confirmed": False, "question_correction": None}
        # Anything else is the entrepreneur's own wording: restate that.
        return self._take_correction(text)

    def validate_question_correction(
        self,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> Dict[Text, Any]:
        return self._take_correction(validators.clean_text(slot_value))

    @staticmethod
    def _take_correction(text: str) -> Dict[Text, Any]:
        # A correction naming another need has set need_category by its intent.
        return {"question_correction": text, "question_confirmed": None}


class ActionAskQuestionConfirmed(Action):
    """Restates the refined question and asks whether it is right."""

    def name(self) -> Text:
        return "action_ask_question_confirmed"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        question = refined_question(tracker, domain)
        dispatcher.utter_message(
            response="utter_restate_question", refined_question=question
        )
        return [SlotSet("refined_question", question)]


class ActionExplainQuestion(Action):
    """Answers "waarom vraag je dat?" for the question that is open."""

    def name(self) -> Text:
        return "action_explain_question"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        requested = tracker.get_slot("requested_slot")
        response = f"utter_why_{requested}"
        if requested and response in domain.get("responses", {}):
            dispatcher.utter_message(response=response)
        else:
            dispatcher.utter_message(response="utter_why_generic")
        return []


class ActionSessionStart(Action):
    """Starts every conversation with the welcome and the privacy notice."""

    def name(self) -> Text:
        return "action_session_start"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        dispatcher.utter_message(response="utter_welcome")
        return [SessionStarted(), ActionExecuted("action_listen")]


class ActionStopIntake(Action):
    """Stops the intake on request, forgetting the answers given so far."""

    def name(self) -> Text:
        return "action_stop_intake"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        dispatcher.utter_message(response="utter_stop")
        return [ActiveLoop(None), AllSlotsReset()]
