"""Choice and contact: which option, consent, and how to reach the entrepreneur."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Dict, List, Text

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import parsing
from actions.asking import AsksInTheSameCall
from actions.intake import (
    INTERRUPTIONS,
    MAX_ANSWERS_PER_QUESTION,
    answers_to,
    is_fresh_user_message,
    latest_intent,
)
from actions.options import NONE_CHOSEN, ask_for_choice, read_choice

NO_PHONE = "geen"


class ValidateFollowupForm(AsksInTheSameCall):
    # What the follow-up's validation asks itself (actions/asking.py).
    questions = {"chosen_option": ask_for_choice}

    def name(self) -> Text:
        return "validate_followup_form"

    async def validate_turn(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        # "stageplek" typed as the choice can read as out_of_scope; an answer
        # that names one of the options shown is that choice, whatever the intent.
        requested = tracker.get_slot("requested_slot")
        text = parsing.clean_text(tracker.latest_message.get("text"))
        if (
            requested == "chosen_option"
            and is_fresh_user_message(tracker)
            and latest_intent(tracker) in INTERRUPTIONS
            and read_choice(text, tracker.get_slot("options") or [])
            not in (None, NONE_CHOSEN)
        ):
            tracker.add_slots([SlotSet("chosen_option", text)])
        return await super().validate_turn(dispatcher, tracker, domain)

    async def required_slots(
        self,
        domain_slots: List[Text],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> List[Text]:
        # Someone who asked for a coordinator skips the choice: the coordinator
        # makes it with them.
        wanted = {"contact_consent"}
        if not tracker.get_slot("handoff_requested"):
            wanted.add("chosen_option")
        if tracker.get_slot("contact_consent"):
            # One question for name and e-mail (a phone number may come with
            # it); the e-mail is asked on its own only while it is missing, at
            # most twice.
            wanted.add("contact_name")
            if tracker.get_slot("contact_email") is not None or (
                answers_to(tracker, "contact_email") < MAX_ANSWERS_PER_QUESTION
            ):
                wanted.add("contact_email")
        return [slot for slot in domain_slots if slot in wanted]

    def validate_chosen_option(
        self,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> Dict[Text, Any]:
        choice = read_choice(slot_value, tracker.get_slot("options") or [])
        if (
            choice is None
            and answers_to(tracker, "chosen_option") >= MAX_ANSWERS_PER_QUESTION
        ):
            choice = NONE_CHOSEN  # twice unclear: a coordinator chooses with them
        if choice is None:
            dispatcher.utter_message(response="utter_invalid_option")
        elif choice == NONE_CHOSEN:
            dispatcher.utter_message(response="utter_chosen_none")
        return {"chosen_option": choice}

    def validate_contact_consent(
        self,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> Dict[Text, Any]:
        text = str(slot_value or "")
        intent = latest_intent(tracker)
        if intent == "affirm" or parsing.is_yes(text):
            consent_at = datetime.now(timezone.utc).isoformat()
            return {"contact_consent": True, "consent_at": consent_at}
        if intent == "deny" or parsing.is_no(text):
            return {"contact_consent": False, "consent_at": None}
        if answers_to(tracker, "contact_consent") >= MAX_ANSWERS_PER_QUESTION:
            # Twice unclear: nothing is stored without a clear yes.
            dispatcher.utter_message(response="utter_consent_unclear")
            return {"contact_consent": False, "consent_at": None}
        dispatcher.utter_message(response="utter_invalid_consent")
        return {"contact_consent": None}

    def validate_contact_name(
        self,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> Dict[Text, Any]:
        text = str(slot_value or "")
        values: Dict[Text, Any] = {}
        email = parsing.extract_email(text)
        phone = parsing.extract_phone(text)
        if email:
            values["contact_email"] = email
        if phone:
            values["contact_phone"] = phone
        rest = parsing.EMAIL_PATTERN.sub(" ", text)
        rest = parsing.PHONE_PATTERN.sub(" ", rest)
        rest = " ".join(
            w
            for w in rest.replace(",", " ").split()
            if w.lower()
            not in ("en", "mijn", "e-mail", "email", "mail", "is", "tel", "telefoon")
        )
        name = parsing.clean_name(rest)
        if name is None or not parsing.is_free_text(name):
            name = None
            if answers_to(tracker, "contact_name") >= MAX_ANSWERS_PER_QUESTION:
                name = parsing.UNKNOWN
            elif not email:
                dispatcher.utter_message(response="utter_invalid_contact_name")
        return {**values, "contact_name": name}

    def validate_contact_email(
        self,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> Dict[Text, Any]:
        email = parsing.extract_email(str(slot_value or ""))
        if email is None and tracker.get_slot("requested_slot") == "contact_email":
            if answers_to(tracker, "contact_email") >= MAX_ANSWERS_PER_QUESTION:
                dispatcher.utter_message(response="utter_skip_email")
            else:
                dispatcher.utter_message(response="utter_invalid_email")
        return {"contact_email": email}

    def validate_contact_phone(
        self,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> Dict[Text, Any]:
        text = str(slot_value or "")
        if latest_intent(tracker) == "deny" or parsing.is_no(text):
            return {"contact_phone": NO_PHONE}
        phone = parsing.extract_phone(text)
        if phone is None:
            dispatcher.utter_message(response="utter_invalid_phone")
        return {"contact_phone": phone}
