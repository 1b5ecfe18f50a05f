"""The form validations ask some questions themselves (actions/asking.py)."""

from __future__ import annotations

import asyncio

from rasa_sdk.events import ActiveLoop, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.asking import slot_asked_next
from actions.followup import ValidateFollowupForm
from actions.intake import ValidateIntakeForm
from tests.conftest import make_tracker, user_message

VALIDATIONS = {"intake_form": ValidateIntakeForm, "followup_form": ValidateFollowupForm}


def test_no_question_the_validation_asks_is_asked_by_the_form_too(domain):
    """Rasa's form would ask a second time with utter_ask_/action_ask_<slot>."""
    for form, validation in VALIDATIONS.items():
        for slot in validation.questions:
            assert slot in domain["forms"][form]["required_slots"], slot
            for name in (f"utter_ask_{slot}", f"utter_ask_{form}_{slot}"):
                assert name not in domain["responses"], name
            for name in (f"action_ask_{slot}", f"action_ask_{form}_{slot}"):
                assert name not in domain["actions"], name


def test_the_next_slot_is_the_one_rasas_form_asks(domain):
    tracker = make_tracker({"need_category": "talent"})
    asked = SlotSet("requested_slot", "sector")
    assert slot_asked_next([asked], tracker, "intake_form", domain) == "sector"
    # No requested_slot: the first empty slot of the form in domain.yml.
    filled = [SlotSet("problem", "je vindt geen monteurs"),
              SlotSet("desired_outcome", "twee monteurs vinden")]  # fmt: skip
    tracker.add_slots(filled)
    assert slot_asked_next(filled, tracker, "intake_form", domain) == "headcount"
    # The validation ended the form: nothing is asked.
    ended = SlotSet("requested_slot", None)
    assert slot_asked_next([asked, ended], tracker, "intake_form", domain) is None
    assert slot_asked_next([ActiveLoop(None)], tracker, "intake_form", domain) is None


def run_validation(slots, text, intent, domain):
    tracker = make_tracker(
        slots={**slots, "requested_slot": "problem"},
        message=user_message(text, intent),
        active_loop="intake_form",
    )
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ValidateIntakeForm().run(dispatcher, tracker, domain))
    return events, [m.get("response") for m in dispatcher.messages]


def test_the_validation_asks_headcount_and_level_together_while_both_are_open(domain):
    slots = {"need_category": "talent", "original_question": "ik zoek monteurs",
             "desired_outcome": "monteurs die blijven"}  # fmt: skip
    events, said = run_validation(slots, "we vinden geen monteurs", "inform", domain)
    assert SlotSet("requested_slot", "headcount") in events
    assert said[-1] == "utter_ask_headcount_and_level"


def test_the_validation_asks_the_headcount_alone_once_the_level_is_known(domain):
    slots = {"need_category": "talent", "original_question": "ik zoek monteurs op mbo",
             "education_level": "mbo", "desired_outcome": "monteurs die blijven"}  # fmt: skip
    events, said = run_validation(slots, "we vinden geen monteurs", "inform", domain)
    assert SlotSet("requested_slot", "headcount") in events
    assert said[-1] == "utter_ask_headcount_only"


def test_the_headcount_of_staff_to_train_is_asked_in_the_need_s_own_words(domain):
    # Rasa renders a response before the call's events: the wording is chosen
    # by the need as this call left it, not by a condition on the slot
    slots = {"need_category": "leven_lang_ontwikkelen",
             "original_question": "een cursus voor mijn monteurs",
             "desired_outcome": "dat ze warmtepompen kunnen installeren"}  # fmt: skip
    events, said = run_validation(slots, "ze kennen de nieuwe pompen niet", "inform", domain)
    assert SlotSet("requested_slot", "headcount") in events
    assert said[-1] == "utter_ask_headcount_and_level_leven_lang_ontwikkelen"
    assert "Hoeveel mensen zoek je" not in domain["responses"][said[-1]][0]["text"]
