"""Nothing said is thrown away without a yes (issue 22, actions/interruptions.py)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any, Dict, List

import pytest
import yaml
from rasa_sdk.executor import CollectingDispatcher

from actions.interruptions import (
    ActionCheckInterruption,
    ActionEndIntake,
    ActionResumeIntake,
    reads_as_answer,
)
from bot.settings import load_settings
from bot.store.session import UnitOfWork, session_factory
from tests.conftest import form_slots, make_tracker, user_message

ROOT = Path(__file__).resolve().parents[2]
ENDING_INTENTS = ("start_over", "stop", "request_erasure")
# Events that lose what was said: a restart, a reset, an erasure's restart.
LOSING = {"restart", "reset_slots", "session_started"}
CONFIRMATIONS = {
    "start_over": "utter_ask_start_over_confirmation",
    "stop": "utter_ask_stop_intake_confirmation",
}
INTAKE_SO_FAR = {"need_category": "talent", "original_question": "ik zoek monteurs",
                 "topic": "monteurs", "headcount": "2"}  # fmt: skip
OPTIONS = [{"id": "stageplek", "title": "Stageplek"},
           {"id": "bbl_leerbaan", "title": "Bbl-leerbaan"},
           {"id": "student_challenge", "title": "Studentenchallenge"}]  # fmt: skip


def training_examples(intent: str) -> List[str]:
    texts = []
    for path in sorted((ROOT / "data" / "nlu").glob("*.yml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8"))["nlu"]:
            if item.get("intent") == intent:
                texts += [
                    line[2:].strip()
                    for line in item["examples"].splitlines()
                    if line.strip().startswith("- ")
                ]
    return texts


def open_questions() -> List[tuple]:
    return [
        (form, slot)
        for form in ("intake_form", "followup_form")
        for slot in form_slots(form)
    ]


def check(text: str, intent: str, form: str | None, slot: str | None, slots=None):
    message = user_message(text, intent, confidence=0.9)
    all_slots = {**INTAKE_SO_FAR, "options": OPTIONS, **(slots or {})}
    if form:
        all_slots["requested_slot"] = slot
    if form == "followup_form":
        all_slots["question_confirmed"] = True
    tracker = make_tracker(all_slots, message=message, active_loop=form)
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionCheckInterruption().run(dispatcher, tracker, {}))
    return events, [m.get("response") for m in dispatcher.messages]


def outcome(events: List[Dict[str, Any]], responses: List[str], intent: str) -> str:
    """ "answer", "asks" or what else happened; never a loss without a yes."""
    kinds = [e["event"] for e in events]
    assert not LOSING & set(kinds), (kinds, responses)
    if kinds[:3] == ["rewind", "action", "user"]:
        assert events[2]["parse_data"]["intent"]["name"] == "inform"
        assert responses == []
        return "answer"
    if intent == "request_erasure":
        assert events[-1] == {"event": "followup", "timestamp": None,
                              "name": "action_ask_erasure_confirmation"}  # fmt: skip
        assert responses == []
        return "asks"
    assert responses == [CONFIRMATIONS[intent]]
    assert {"event": "active_loop", "name": None, "timestamp": None} in events
    assert {"event": "slot", "name": "pending_interruption", "value": intent,
            "timestamp": None} in events  # fmt: skip
    return "asks"


@pytest.mark.parametrize("intent", ENDING_INTENTS)
def test_every_training_example_at_every_open_question_loses_nothing(intent):
    examples = training_examples(intent)
    assert len(examples) >= 10
    seen = {"answer": 0, "asks": 0}
    for form, slot in open_questions():
        for text in examples:
            events, responses = check(text, intent, form, slot)
            result = outcome(events, responses, intent)
            seen[result] += 1
            if result == "answer":
                # The form gets it back under the open question's slot.
                assert events[2]["text"] == text
    # They are commands: nearly all are asked about first.
    assert seen["asks"] > 10 * seen["answer"]


def test_liefst_vanaf_volgend_semester_is_the_answer_to_the_time_question():
    events, responses = check(
        "Liefst vanaf volgend semester", "start_over", "intake_form", "time_horizon"
    )
    assert outcome(events, responses, "start_over") == "answer"
    assert events[2]["text"] == "Liefst vanaf volgend semester"


@pytest.mark.parametrize(
    "slot, text",
    [("time_horizon", "opnieuw beginnen"), ("topic", "stop"),
     ("company_name", "opnieuw"), ("contact_consent", "ik wil stoppen"),
     ("region", "helemaal opnieuw")],
)  # fmt: skip
def test_a_plain_command_asks_first_and_says_what_would_be_lost(domain, slot, text):
    intent = "stop" if "stop" in text else "start_over"
    form = "followup_form" if slot.startswith("contact") else "intake_form"
    events, responses = check(text, intent, form, slot)
    assert outcome(events, responses, intent) == "asks"
    assert {"event": "slot", "name": "interrupted_form", "value": form,
            "timestamp": None} in events  # fmt: skip
    if intent == "start_over":
        wording = domain["responses"][responses[0]][0]["text"]
        assert wording == (
            "Dan begin je opnieuw en ben ik kwijt wat je al vertelde. Wil je dat?"
        )


@pytest.mark.parametrize(
    "slot, text, answer",
    [("headcount", "twee", True), ("region", "Zwolle", True),
     ("education_level", "mbo niveau 4", True), ("company_size", "stop", False),
     ("contact_email", "piet@stopcontact.nl", True), ("chosen_option", "1", True),
     ("own_time", "een uurtje per week", True), ("sector", "opnieuw", False)],
)  # fmt: skip
def test_readers_per_question(slot, text, answer):
    tracker = make_tracker({"options": OPTIONS, "requested_slot": slot})
    assert reads_as_answer(slot, text, tracker) is answer


def test_outside_a_form_with_nothing_said_start_over_acts_at_once():
    tracker = make_tracker({}, message=user_message("opnieuw", "start_over"))
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionCheckInterruption().run(dispatcher, tracker, {}))
    assert [e["event"] for e in events] == ["restart"]
    assert dispatcher.messages[0]["response"] == "utter_restart"


def test_outside_a_form_while_an_intake_is_paused_it_asks_first():
    tracker = make_tracker(
        {**INTAKE_SO_FAR, "interrupted_form": "intake_form"},
        message=user_message("opnieuw", "start_over"),
    )
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionCheckInterruption().run(dispatcher, tracker, {}))
    assert "restart" not in [e["event"] for e in events]
    assert dispatcher.messages[0]["response"] == "utter_ask_start_over_confirmation"


def test_no_goes_back_to_the_form_that_was_open():
    tracker = make_tracker(
        {**INTAKE_SO_FAR, "interrupted_form": "intake_form"},
        message=user_message("nee", "deny"),
    )
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionResumeIntake().run(dispatcher, tracker, {}))
    assert {"event": "followup", "name": "intake_form", "timestamp": None} in events
    assert dispatcher.messages[0]["response"] == "utter_intake_resumed"


def stored(sender: str):
    with UnitOfWork(session_factory(load_settings().database_url)) as uow:
        request = uow.requests.get_by_conversation(sender)
        return None if request is None else (request.incomplete, request.need_category)


def test_a_stop_after_the_confirmed_question_keeps_it_marked_incomplete():
    slots = {**INTAKE_SO_FAR, "question_confirmed": True,
             "refined_question": "hoe vind je twee monteurs?"}  # fmt: skip
    tracker = make_tracker(slots, message=user_message("ja", "affirm"),
                           sender_id="stop-kept")  # fmt: skip
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionEndIntake().run(dispatcher, tracker, {}))
    assert stored("stop-kept") == (True, "talent")
    assert dispatcher.messages[0]["response"] == "utter_stop_kept"
    assert {"event": "reset_slots", "timestamp": None} in events


def test_a_stop_before_the_question_was_confirmed_stores_nothing():
    tracker = make_tracker(INTAKE_SO_FAR, message=user_message("ja", "affirm"),
                           sender_id="stop-early")  # fmt: skip
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionEndIntake().run(dispatcher, tracker, {}))
    assert stored("stop-early") is None
    assert dispatcher.messages[0]["response"] == "utter_stop"


def rules() -> List[Dict[str, Any]]:
    found = []
    for path in sorted((ROOT / "data" / "rules").glob("*.yml")):
        found += yaml.safe_load(path.read_text(encoding="utf-8")).get("rules") or []
    return found


def intents_of(step: Dict[str, Any]) -> List[str]:
    if "intent" in step:
        return [step["intent"]]
    return [s["intent"] for s in step.get("or", []) if "intent" in s]


def test_the_rules_end_or_wipe_an_intake_only_after_a_yes():
    """In every rule, what throws away what was said follows a yes (or the same
    request said twice) to a question asked just before."""
    ending = {"action_restart", "action_end_intake", "action_erase_conversation"}
    for rule in rules():
        steps = rule["steps"]
        for i, step in enumerate(steps):
            if step.get("action") not in ending or i == 0:
                continue  # a rule that starts with it only says what follows
            user_steps = [s for s in steps[:i] if intents_of(s)]
            asked = [s.get("action") for s in steps[:i] if s.get("action")]
            assert asked and asked[-1] in (
                "action_check_interruption",
                "action_ask_erasure_confirmation",
            ), rule["rule"]
            # The yes to the question the check asked; saying it again counts.
            answer = set(intents_of(user_steps[-1]))
            pending = [
                slots.get("pending_interruption")
                for s in steps[:i]
                for slots in s.get("slot_was_set", [])
                if isinstance(slots, dict)
            ]
            assert answer <= {"affirm", *pending}, rule["rule"]
            if asked[-1] == "action_check_interruption":
                assert pending and pending[-1] in answer, rule["rule"]


def test_outside_a_form_with_nothing_said_stop_ends_at_once():
    tracker = make_tracker({}, message=user_message("stop", "stop"))
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionCheckInterruption().run(dispatcher, tracker, {}))
    assert events == [
        {"event": "followup", "name": "action_end_intake", "timestamp": None}
    ]


@pytest.mark.parametrize(
    "text, intent",
    [("wat kost dit?", "ask_cost"), ("opnieuw beginnen", "start_over")],
)  # fmt: skip
def test_the_intake_form_lets_start_over_and_side_questions_through(
    domain, text, intent
):
    """The form rejects them, so their rules (and this check) run at all."""
    import actions.interruptions  # noqa: F401 - adds them to the intake's list
    from actions.intake import ValidateIntakeForm

    message = user_message(text, intent, confidence=0.66 if "Liefst" in text else 0.99)
    slots = {
        **INTAKE_SO_FAR,
        "education_level": "mbo",
        "requested_slot": "time_horizon",
    }
    events = [{"event": "slot", "name": k, "value": v} for k, v in slots.items()]
    events.append({"event": "user", "text": text, "parse_data": message})
    tracker = make_tracker(slots, message=message, events=events,
                           active_loop="intake_form")  # fmt: skip
    dispatcher = CollectingDispatcher()
    result = asyncio.run(ValidateIntakeForm().run(dispatcher, tracker, domain))
    assert [
        e for e in result if e["event"] == "slot" and e["name"] != "requested_slot"
    ] == []
    assert dispatcher.messages == []


@pytest.mark.parametrize(
    "text, slot, outcome_",
    [# "we gooien veel weg" to "wat gaat er mis?" (NLU: request_erasure) looped
     # on the erasure question; it names nothing to erase, so it is the answer
     ("we gooien veel weg", "problem", "answer"),
     ("verwijder mijn gegevens", "problem", "asks"),
     # at any question: "we leveren data, duizenden foto's" to the own-time
     # question asked "alles wissen?" after every "nee" until the intake was lost
     ("we leveren data, duizenden foto's", "own_time", "answer"),
     ("haal mijn data weg", "own_time", "asks"),
     # "vergeten ... niet" keeps something: "ja" to the restatement looped on
     # "alles wissen?" until the intake was lost (the twenty-sixth set)
     ("ja. maar die zonnepanelen vergeten we niet he?", "question_confirmed", "answer"),
     ("vergeet mij", "question_confirmed", "asks")],
)  # fmt: skip
def test_an_erasure_the_nlu_hears_without_a_word_of_erasing_is_the_answer(
    text, slot, outcome_
):
    events, responses = check(text, "request_erasure", "intake_form", slot)
    assert outcome(events, responses, "request_erasure") == outcome_


def test_a_time_answer_that_mentions_speaking_someone_is_the_answer_not_a_handoff():
    from actions.handoff import ActionRequestHandoff

    def handoff(text: str) -> List[str]:
        message = user_message(text, "request_human", confidence=0.9)
        slots = {**INTAKE_SO_FAR, "requested_slot": "time_horizon"}
        tracker = make_tracker(slots, message=message, active_loop="intake_form")
        events = asyncio.run(
            ActionRequestHandoff().run(CollectingDispatcher(), tracker, {})
        )
        return [e["event"] for e in events]

    assert handoff("liefst in januari iemand spreken")[0] == "rewind"
    assert "rewind" not in handoff("ik wil gewoon iemand spreken")
