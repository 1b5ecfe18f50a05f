"""Choice and contact: which option, consent, and how to reach the entrepreneur.

A way through for everyone (issue 22): contact is a name with an e-mail
address or a Dutch phone number, or nothing at all, stored anonymously. No
question is asked a third time: after two unclear answers it is skipped with
a line saying so. From the moment the entrepreneur confirmed the question, the
request is stored on every turn of this form, marked incomplete until it is
stored complete, so an intake that ends early (stop, a timeout, the widget
closed) still reaches a coordinator; an erasure removes it as before.
"""

from __future__ import annotations

import logging
import re
from datetime import datetime, timezone
from typing import Any, Dict, List, Optional, Text, Tuple

import phonenumbers
from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import parsing, side_answers
from actions.asking import AsksInTheSameCall
from actions.intake import (
    INTERRUPTIONS,
    MAX_ANSWERS_PER_QUESTION,
    answer_asked_along,
    answers_to,
    is_fresh_user_message,
    latest_intent,
)
from actions.options import NONE_CHOSEN, ask_for_choice, read_choice
from bot.intake.catalogue import format_titles, need_of_choice

logger = logging.getLogger(__name__)

NO_PHONE = "geen"
NO_EMAIL = "geen"  # "heb ik niet": the question is not asked again
PHONE_REGION = "NL"
# Anything that looks like an attempt at a phone number, however short.
PHONE_LIKE = re.compile(r"\+?\d[\d\s().-]*\d|\b\d\b")
MIN_PHONE_DIGITS = 6
NL_DIGITS = 9  # after the leading 0 or +31
# Why a phone number is not one, in Dutch (domain.yml).
PHONE_PROBLEMS = {
    phonenumbers.ValidationResult.TOO_SHORT: "utter_invalid_phone_too_short",
    phonenumbers.ValidationResult.TOO_LONG: "utter_invalid_phone_too_long",
    phonenumbers.ValidationResult.INVALID_COUNTRY_CODE: "utter_invalid_phone_country",
}
INVALID_PHONE = "utter_invalid_phone"
CONTACT_WORDS = frozenset(
    ("en", "mijn", "e-mail", "email", "mail", "is", "tel", "telefoon",
     "telefoonnummer", "nummer", "of", "06", "mobiel")
)  # fmt: skip
NO_EMAIL_WORDS = re.compile(r"\b(?:geen|niet|nee|heb\s+ik\s+niet)\b", re.IGNORECASE)


def read_phone(text: str) -> Tuple[Optional[str], Optional[str]]:
    """(the number as "06 12345678" or "+32 …", None), or (None, the response
    saying why it is not a phone number), or (None, None) without digits."""
    candidates = [
        m.group()
        for m in PHONE_LIKE.finditer(parsing.EMAIL_PATTERN.sub(" ", text or ""))
        if len(re.sub(r"\D", "", m.group())) >= MIN_PHONE_DIGITS
    ]
    if not candidates:
        return None, None
    candidate = max(candidates, key=len)
    try:
        number = phonenumbers.parse(candidate, PHONE_REGION)
    except phonenumbers.NumberParseException as error:
        if error.error_type == phonenumbers.NumberParseException.INVALID_COUNTRY_CODE:
            return None, PHONE_PROBLEMS[
                phonenumbers.ValidationResult.INVALID_COUNTRY_CODE
            ]
        return None, INVALID_PHONE
    national = number.country_code == phonenumbers.country_code_for_region(PHONE_REGION)
    reason = phonenumbers.is_possible_number_with_reason(number)
    if national and not phonenumbers.is_valid_number(number):
        # Dutch numbers have nine digits after the 0 ("06 1234" is possible
        # only as a short number, which nobody calls back on).
        digits = len(str(number.national_number))
        if digits < NL_DIGITS:
            reason = phonenumbers.ValidationResult.TOO_SHORT
        elif digits > NL_DIGITS:
            reason = phonenumbers.ValidationResult.TOO_LONG
    if reason in PHONE_PROBLEMS:
        return None, PHONE_PROBLEMS[reason]
    if not phonenumbers.is_valid_number(number):
        return None, INVALID_PHONE
    style = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if national
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return phonenumbers.format_number(number, style), None


def ask_contact_name(
    dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
) -> List[EventType]:
    """The name, with an e-mail address or phone number while neither is known;
    nothing when this turn's answer already said what is missing."""
    if any(
        (m.get("response") or "").startswith("utter_invalid_contact")
        for m in dispatcher.messages
    ):
        return []
    reachable = tracker.get_slot("contact_email") or tracker.get_slot("contact_phone")
    dispatcher.utter_message(
        response="utter_ask_contact_name_only"
        if reachable
        else "utter_ask_contact_name_and_reach"
    )
    return []


async def keep_confirmed_request(tracker: Tracker) -> None:
    """Stores the request as it stands, marked incomplete, once the question was
    confirmed; action_store_request stores it complete at the end."""
    if not (
        tracker.get_slot("question_confirmed") and tracker.get_slot("need_category")
    ):
        return
    from actions.stored_request import save_request  # imports this module

    try:
        await save_request(tracker, incomplete=True)
    except Exception:  # noqa: BLE001 - the form goes on; the end stores it again
        logger.exception("keeping request of %s failed", tracker.sender_id)


CONTACT_SLOTS = ("contact_name", "contact_email", "contact_phone")


def answers_anyway(requested: Optional[Text], text: str, tracker: Tracker) -> bool:
    """Whether a message read as an interruption answers the open question:
    "stageplek" names an option shown; "roel@tankstationmaasbroek.nl" is an
    address (both can read as out_of_scope)."""
    if requested == "chosen_option":
        chosen = read_choice(text, tracker.get_slot("options") or [])
        return chosen not in (None, NONE_CHOSEN)
    if requested in CONTACT_SLOTS:
        return bool(parsing.extract_email(text) or parsing.extract_phone(text))
    if requested == "contact_consent":
        return parsing.yes_or_no_first(text) is not None  # "ja. kost het wat?"
    return False


class ValidateFollowupForm(AsksInTheSameCall):
    # What the follow-up's validation asks itself (actions/asking.py).
    questions = {"chosen_option": ask_for_choice, "contact_name": ask_contact_name}

    def name(self) -> Text:
        return "validate_followup_form"

    async def validate_turn(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        requested = tracker.get_slot("requested_slot")
        text = parsing.clean_text(tracker.latest_message.get("text"))
        if (
            is_fresh_user_message(tracker)
            and latest_intent(tracker) in INTERRUPTIONS
            and answers_anyway(requested, text, tracker)
        ):
            tracker.add_slots([SlotSet(requested, text)])
            if latest_intent(tracker) in side_answers.SIDE_QUESTIONS:
                # answered, and asked along: the question's own rule does not
                # run once the form takes the answer
                side_answers.answer_side_question(
                    dispatcher, tracker, latest_intent(tracker) or ""
                )
        events = await super().validate_turn(dispatcher, tracker, domain)
        if is_fresh_user_message(tracker) or requested is None:
            tracker.add_slots(events)
            await keep_confirmed_request(tracker)
        return events + answer_asked_along(dispatcher, tracker)

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
            # One question for the name and an e-mail address or phone number;
            # a way to reach them is asked on its own only while neither is
            # known, at most twice (the slot contact_email holds that question).
            wanted.add("contact_name")
            reachable = tracker.get_slot("contact_email") or tracker.get_slot(
                "contact_phone"
            )
            if tracker.get_slot("contact_email") is not None or (
                not reachable
                and answers_to(tracker, "contact_email") < MAX_ANSWERS_PER_QUESTION
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
        shown = {option["id"] for option in tracker.get_slot("options") or []}
        if choice is None:
            dispatcher.utter_message(response="utter_invalid_option")
        elif choice == NONE_CHOSEN:
            dispatcher.utter_message(response="utter_chosen_none")
        elif choice not in shown:
            title = format_titles()[choice]
            dispatcher.utter_message(response="utter_chosen_other", title=title)
            need = tracker.get_slot("need_category")
            return {
                "chosen_option": choice,
                "need_category": need_of_choice(choice, need),
            }
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
        said_first = parsing.yes_or_no_first(text)
        if intent == "affirm" or parsing.is_yes(text) or said_first is True:
            consent_at = datetime.now(timezone.utc).isoformat()
            return {"contact_consent": True, "consent_at": consent_at}
        if intent == "deny" or parsing.is_no(text) or said_first is False:
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
        phone, phone_problem = read_phone(text)
        if email:
            values["contact_email"] = email
        if phone:
            values["contact_phone"] = phone
        rest = parsing.EMAIL_PATTERN.sub(",", text)
        rest = PHONE_LIKE.sub(",", rest)
        # "Jan de Boer, 06 …, ik heb geen mail": the first part that is a name.
        parts = [" ".join(w for w in part.split() if w.lower() not in CONTACT_WORDS)
                 for part in re.split(r"[,;\n]", rest)]  # fmt: skip
        parts = [part for part in parts if part and not NO_EMAIL_WORDS.search(part)]
        rest = parts[0] if parts else ""
        name = parsing.clean_name(rest)
        if name is None or not parsing.is_free_text(name):
            name = None
            if answers_to(tracker, "contact_name") >= MAX_ANSWERS_PER_QUESTION:
                dispatcher.utter_message(response="utter_skip_question")
                name = parsing.UNKNOWN
            elif phone_problem and not email:
                dispatcher.utter_message(response=phone_problem)
            elif not (email or phone):
                dispatcher.utter_message(response="utter_invalid_contact_name")
        elif phone_problem and not email:
            # The name is taken; the number is asked again with the reason.
            dispatcher.utter_message(response=phone_problem)
        return {**values, "contact_name": name}

    def validate_contact_email(
        self,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> Dict[Text, Any]:
        """The question "e-mail or phone?": either answers it."""
        text = str(slot_value or "")
        email = parsing.extract_email(text)
        if email or tracker.get_slot("requested_slot") != "contact_email":
            return {"contact_email": email}
        phone, problem = read_phone(text)
        if phone:
            return {"contact_email": None, "contact_phone": phone}
        said_none = NO_EMAIL_WORDS.search(text) is not None and problem is None
        if (
            said_none
            or answers_to(tracker, "contact_email") >= MAX_ANSWERS_PER_QUESTION
        ):
            dispatcher.utter_message(response="utter_skip_email")
            return {"contact_email": NO_EMAIL if said_none else None}
        dispatcher.utter_message(response=problem or "utter_invalid_email")
        return {"contact_email": None}

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
        phone, problem = read_phone(text)
        if phone is None and tracker.get_slot("requested_slot") == "contact_phone":
            dispatcher.utter_message(response=problem or INVALID_PHONE)
        return {"contact_phone": phone}
