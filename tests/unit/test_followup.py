"""Options, choice, consent and contact details, and the stored request."""

from __future__ import annotations

import asyncio

import pytest
from rasa_sdk.events import ActiveLoop
from rasa_sdk.executor import CollectingDispatcher

from actions.fallback import ActionDefaultAskAffirmation
from actions.followup import ValidateFollowupForm
from actions.handoff import ActionRequestHandoff
from actions.options import ask_for_choice, profile_from_tracker
from actions.privacy import ActionEraseConversation
from actions.stored_request import ActionStoreRequest
from bot.settings import load_settings
from bot.store.session import UnitOfWork, session_factory
from tests.conftest import (
    ERASURE_ASKED,
    FOLLOWUP_SUBMITTED,
    form_slots,
    make_tracker,
    user_message,
)

INTAKE = {"need_category": "talent", "original_question": "ik vind geen monteurs",
          "refined_question": "Hoe vindt Jansen 3 monteurs?", "education_level": "mbo",
          "headcount": "3", "time_horizon": "zo snel mogelijk",
          "tried_before": "vacatures", "company_name": "Jansen Installatie",
          "sector": "installatie", "company_size": "8", "region": "Eindhoven",
          "question_confirmed": True}  # fmt: skip
OPTIONS = [{"id": "a", "title": "Stageplek"}, {"id": "b", "title": "Bbl-leerbaan"},
           {"id": "c", "title": "Studentenchallenge"}]  # fmt: skip


def run(coroutine):
    return asyncio.run(coroutine)


def stored(sender):
    with UnitOfWork(session_factory(load_settings().database_url)) as uow:
        request = uow.requests.get_by_conversation(sender)
        return None if request is None else {
            c.name: getattr(request, c.name) for c in request.__table__.columns
        }


def validate_followup(slots, message, domain, prior=None):
    """Runs the form's validation as Rasa does after extracting `slots`."""
    prior = prior or {}
    events = [{"event": "slot", "name": k, "value": v} for k, v in prior.items()]
    events += [{"event": "user", "text": message["text"], "parse_data": message}]
    events += [{"event": "slot", "name": k, "value": v} for k, v in slots.items()]
    tracker = make_tracker(slots={**prior, **slots}, message=message, events=events,
                           active_loop="followup_form")  # fmt: skip
    dispatcher = CollectingDispatcher()
    result = run(ValidateFollowupForm().run(dispatcher, tracker, domain))
    values = {e["name"]: e["value"] for e in result if e["event"] == "slot"}
    return values, [m.get("response") for m in dispatcher.messages]


def test_profile_reads_the_answers():
    profile = profile_from_tracker(make_tracker(INTAKE))
    assert profile.need_category == "talent"
    assert profile.sector == "installatie"
    assert profile.company_size == 8
    assert profile.urgency == "hoog"
    assert profile.education_level == "mbo"


def test_three_different_options_are_presented_once_with_buttons(domain):
    dispatcher = CollectingDispatcher()
    events = ask_for_choice(dispatcher, make_tracker(INTAKE), domain)
    options = events[0]["value"]
    assert events[0]["name"] == "options" and len(options) == 3
    assert len({o["id"] for o in options}) == 3
    responses = [m["response"] for m in dispatcher.messages]
    assert responses[0] == "utter_options_intro"
    assert all(r.startswith("utter_option") for r in responses[1:4])
    assert all(m["reason"] for m in dispatcher.messages[1:4])
    ask = dispatcher.messages[-1]
    assert ask["response"] == "utter_ask_which_option"
    assert [b["payload"] for b in ask["buttons"]] == [o["id"] for o in options] + ["geen"]
    assert all(len(b["payload"].encode()) <= 64 for b in ask["buttons"])

    asked_again = CollectingDispatcher()
    events = ask_for_choice(
        asked_again, make_tracker({**INTAKE, "options": options}), domain)  # fmt: skip
    assert events == []
    assert [m["response"] for m in asked_again.messages] == ["utter_ask_which_option"]


@pytest.mark.parametrize(
    "typed, chosen, response",
    [("b", "b", None), ("de tweede", "b", None), ("optie 3", "c", None),
     ("stageplek", "a", None), ("geen van deze", "geen", "utter_chosen_none"),
     ("7", None, "utter_invalid_option"), ("blabla", None, "utter_invalid_option"),
     # a format of the catalogue that was not shown, named by its title
     ("cyberscan", "cyber_scan", "utter_chosen_other"),
     ("onderzoek met een lectoraat", "lectoraat_onderzoek", "utter_chosen_other"),
     ("die laatste", "c", None),
     # a count is no option's number
     ("dat leerbaan ding met 1 dag school", "b", None),
     # "ding" names nothing (not "Vakopleiding"); the scan is named by its hackers
     ("dat mystery hacker ding", "cyber_scan", "utter_chosen_other"),
     # "loket" names two formats: not read
     ("loket", None, "utter_invalid_option")],
)  # fmt: skip
def test_choice_is_read_from_buttons_and_typing(domain, typed, chosen, response):
    values, responses = validate_followup(
        {"options": OPTIONS, "chosen_option": typed, "requested_slot": "chosen_option"},
        user_message(typed, "inform"),
        domain,
    )
    assert values["chosen_option"] == chosen
    # Not read: the validation asks for the choice again (actions/asking.py).
    asked_again = ["utter_ask_which_option"] if chosen is None else []
    assert responses == ([response] if response else []) + asked_again


@pytest.mark.parametrize(
    "need, typed, stored_need",
    [("talent", "de cursus op maat", "leven_lang_ontwikkelen"),
     ("kennis_netwerk", "die cyberscan", "innovatie"),
     # a route that serves the need leaves it
     ("innovatie", "onderzoek met een lectoraat", "innovatie"),
     ("talent", "het loket met de coördinator", "talent"),
     # staff who learn on to a diploma through a bbl: chosen, it serves them
     ("leven_lang_ontwikkelen", "bbl", "leven_lang_ontwikkelen"),
     ("innovatie", "een gastles geven", "onderwijs_invloed")],
)  # fmt: skip
def test_a_route_chosen_outside_the_options_names_the_need(domain, need, typed, stored_need):
    values, _ = validate_followup(
        {"options": OPTIONS, "chosen_option": typed, "requested_slot": "chosen_option"},
        user_message(typed, "inform"),
        domain,
        prior={"need_category": need},
    )
    assert values.get("need_category", need) == stored_need


def test_consent_yes_asks_contact_details_and_records_the_time(domain):
    values, _ = validate_followup(
        {"options": OPTIONS, "chosen_option": "a", "contact_consent": "ja",
         "requested_slot": "contact_consent"},  # fmt: skip
        user_message("ja", "affirm"),
        domain,
    )
    assert values["contact_consent"] is True and values["consent_at"]
    # Name and e-mail in one question; the phone number only when offered.
    tracker = make_tracker({"chosen_option": "a", "contact_consent": True})
    slots = run(ValidateFollowupForm().required_slots(
        form_slots("followup_form"), CollectingDispatcher(), tracker, {}
    ))
    assert slots[2:] == ["contact_name", "contact_email"]


def test_a_yes_with_a_but_is_a_yes(domain):
    said = "ja, maar mail liever niet, ik vertrouw mijn mail nu even niet. bel me maar"
    values, _ = validate_followup(
        {"options": OPTIONS, "chosen_option": "a", "contact_consent": said,
         "requested_slot": "contact_consent"},  # fmt: skip
        user_message(said, "inform"),
        domain,
    )
    assert values["contact_consent"] is True


def test_a_yes_then_a_cost_question_is_a_yes_and_the_cost_is_answered(domain):
    # "ja. kost het wat?" got the costs and the consent question again, three
    # times, until the answer "nee" stored the request without a contact
    said = "ja. kost het wat?"
    values, responses = validate_followup(
        {"options": OPTIONS, "chosen_option": "a", "requested_slot": "contact_consent"},
        user_message(said, "ask_cost", 0.95),
        domain,
    )
    assert values["contact_consent"] is True
    assert any(r and r.startswith("utter_side_cost") for r in responses)


def test_consent_no_finishes_anonymously(domain):
    values, _ = validate_followup(
        {"options": OPTIONS, "chosen_option": "a", "contact_consent": "nee",
         "requested_slot": "contact_consent"},  # fmt: skip
        user_message("nee", "deny"),
        domain,
    )
    assert values["contact_consent"] is False
    assert values["requested_slot"] is None


@pytest.mark.parametrize(
    "slot, typed, value, response",
    [("contact_email", "piet@jansen.nl", "piet@jansen.nl", None),
     ("contact_email", "piet at jansen", None, "utter_invalid_email"),
     ("contact_name", "ik ben Piet Jansen", "Piet Jansen", None),
     ("contact_name", "ja", None, "utter_invalid_contact_name")],
)  # fmt: skip
def test_contact_details_are_checked(domain, slot, typed, value, response):
    prior = {"chosen_option": "a", "contact_consent": True}
    if slot == "contact_email":
        prior["contact_name"] = "Piet Jansen"  # the name comes first
    values, responses = validate_followup(
        {slot: typed, "requested_slot": slot},
        user_message(typed, "inform"),
        domain,
        prior=prior,
    )
    assert values[slot] == value
    assert responses == ([response] if response else [])


def test_name_email_and_phone_in_one_answer(domain):
    typed = "Piet Jansen, piet@jansen.nl, 06-12345678"
    values, responses = validate_followup(
        {"contact_name": typed, "requested_slot": "contact_name"},
        user_message(typed, "inform"),
        domain,
        prior={"chosen_option": "a", "contact_consent": True},
    )
    assert values["contact_name"] == "Piet Jansen"
    assert values["contact_email"] == "piet@jansen.nl"
    assert values["contact_phone"] == "06 12345678"
    assert values["requested_slot"] is None and responses == []


def test_an_unclear_consent_twice_means_no(domain):
    prior = {"chosen_option": "a", "requested_slot": "contact_consent"}
    events = [{"event": "slot", "name": k, "value": v} for k, v in prior.items()]
    events.append({"event": "user", "text": "hm", "parse_data": user_message("hm", "inform")})
    message = user_message("weet niet", "inform")
    events += [{"event": "user", "text": "weet niet", "parse_data": message},
               {"event": "slot", "name": "contact_consent", "value": "weet niet"}]  # fmt: skip
    tracker = make_tracker(slots={**prior, "contact_consent": "weet niet"}, message=message,
                           events=events, active_loop="followup_form")  # fmt: skip
    dispatcher = CollectingDispatcher()
    result = run(ValidateFollowupForm().run(dispatcher, tracker, domain))
    values = {e["name"]: e["value"] for e in result if e["event"] == "slot"}
    assert values["contact_consent"] is False
    assert dispatcher.messages[0]["response"] == "utter_consent_unclear"


def test_handoff_skips_the_choice():
    tracker = make_tracker({"handoff_requested": True}, active_loop="followup_form")
    slots = run(ValidateFollowupForm().required_slots(
        form_slots("followup_form"), CollectingDispatcher(), tracker, {}
    ))
    assert slots == ["contact_consent"]


def test_store_writes_the_whole_request(domain):
    slots = {**INTAKE, "options": OPTIONS, "chosen_option": "b", "contact_consent": True,
             "consent_at": "2026-11-25T10:00:00+00:00", "contact_name": "Piet",
             "contact_email": "piet@jansen.nl", "contact_phone": "geen"}  # fmt: skip
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(slots, channel="socketio", sender_id="store-1",
                           **FOLLOWUP_SUBMITTED)  # fmt: skip
    run(ActionStoreRequest().run(dispatcher, tracker, domain))
    row = stored("store-1")
    assert row["channel"] == "web"
    assert row["need_category"] == "talent"
    assert row["options"] == OPTIONS and row["chosen_option"] == "b"
    assert row["company"] == "Jansen Installatie" and row["size"] == "8"
    assert row["contact_email"] == "piet@jansen.nl" and row["contact_phone"] is None
    assert row["consent_at"] is not None and row["handoff_requested"] is False
    assert row["answers"]["tried_before"] == "vacatures"
    assert dispatcher.messages[0]["response"] == "utter_next_steps"


def test_store_without_consent_keeps_no_contact(domain):
    slots = {**INTAKE, "options": OPTIONS, "chosen_option": "a",
             "contact_consent": False, "contact_name": "Piet"}  # fmt: skip
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(slots, sender_id="store-2", **FOLLOWUP_SUBMITTED)
    run(ActionStoreRequest().run(dispatcher, tracker, domain))
    row = stored("store-2")
    assert row["contact_name"] is None and row["consent_at"] is None
    assert dispatcher.messages[0]["response"] == "utter_next_steps_anonymous"
    assert dispatcher.messages[0]["contact_email"] == "pps@techniekpact-rijnmond.example"


def test_the_anonymous_ending_names_the_configured_address(domain, monkeypatch):
    monkeypatch.setenv("PPS_CONTACT_EMAIL", "loket@voorbeeld-pps.example")
    slots = {**INTAKE, "options": OPTIONS, "chosen_option": "a", "contact_consent": False}
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(slots, sender_id="store-2b", **FOLLOWUP_SUBMITTED)
    run(ActionStoreRequest().run(dispatcher, tracker, domain))
    assert dispatcher.messages[0]["contact_email"] == "loket@voorbeeld-pps.example"
    assert "{contact_email}" in domain["responses"]["utter_next_steps_anonymous"][0]["text"]


def test_handoff_mid_intake_is_stored_and_ends_the_intake(domain):
    dispatcher = CollectingDispatcher()
    tracker = make_tracker({"need_category": "innovatie"}, active_loop="intake_form",
                           sender_id="handoff-1")  # fmt: skip
    events = run(ActionRequestHandoff().run(dispatcher, tracker, domain))
    assert {"event": "slot", "name": "handoff_requested", "value": True,
            "timestamp": None} in events  # fmt: skip
    assert ActiveLoop(None) in events
    row = stored("handoff-1")
    assert row["handoff_requested"] is True and len(row["options"]) == 3
    assert dispatcher.messages[0]["response"] == "utter_handoff"


def test_erasure_deletes_the_stored_request(domain):
    run(ActionStoreRequest().run(CollectingDispatcher(),
                                 make_tracker(INTAKE, sender_id="erase-1",
                                              **FOLLOWUP_SUBMITTED), domain))
    assert stored("erase-1") is not None
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(sender_id="erase-1", **ERASURE_ASKED)
    run(ActionEraseConversation().run(dispatcher, tracker, domain))
    assert stored("erase-1") is None
    assert dispatcher.messages[0]["response"] == "utter_erased"


def test_fallback_offers_the_likeliest_intents_in_dutch(domain):
    message = user_message("hmm personeel enzo", "nlu_fallback", 0.4,
                           need_talent=0.3, need_leven_lang_ontwikkelen=0.2,
                           inform=0.1, ask_capabilities=0.05, greet=0.01)  # fmt: skip
    dispatcher = CollectingDispatcher()
    run(ActionDefaultAskAffirmation().run(dispatcher, make_tracker(message=message), domain))
    payloads = [b["payload"] for b in dispatcher.messages[0]["buttons"]]
    assert payloads == ["/need_talent", "/need_leven_lang_ontwikkelen",
                        "/ask_capabilities", "/out_of_scope"]  # fmt: skip
    assert dispatcher.messages[0]["text"].startswith("Ik weet niet zeker")


def test_an_option_typed_by_name_is_the_choice_whatever_the_intent(domain):
    # "stageplek" alone can read as out_of_scope; it names an option shown.
    message = user_message("stageplek", "out_of_scope", 0.9)
    slots, responses = validate_followup(
        {}, message, domain, prior={"requested_slot": "chosen_option", "options": OPTIONS}
    )
    assert slots["chosen_option"] == "a"
    assert "utter_invalid_option" not in responses


def test_an_address_read_as_out_of_scope_is_still_the_contact(domain):
    """ "Roel Janssen, roel@tankstationmaasbroek.nl" was answered "Daar kan ik
    je helaas niet mee helpen" twice, and the address was lost."""
    typed = "Roel Janssen, roel@tankstationmaasbroek.nl"
    values, responses = validate_followup(
        {}, user_message(typed, "out_of_scope", 0.93), domain,
        prior={"chosen_option": "a", "contact_consent": True,
               "requested_slot": "contact_name"},
    )  # fmt: skip
    assert values["contact_name"] == "Roel Janssen"
    assert values["contact_email"] == "roel@tankstationmaasbroek.nl"


def test_an_off_topic_question_at_the_choice_is_still_let_through(domain):
    message = user_message("wat is het weer morgen", "out_of_scope", 0.9)
    slots, _ = validate_followup(
        {}, message, domain, prior={"requested_slot": "chosen_option", "options": OPTIONS}
    )
    assert "chosen_option" not in slots


# A way through for everyone (issue 22).
CONSENTED = {"chosen_option": "a", "contact_consent": True}


def test_a_name_and_phone_number_without_email_end_the_contact_questions(domain):
    typed = "Jan de Boer, 06 12345678, ik heb geen mail"
    values, responses = validate_followup(
        {"contact_name": typed, "requested_slot": "contact_name"},
        user_message(typed, "inform"), domain, prior=CONSENTED,
    )  # fmt: skip
    assert values["contact_name"] == "Jan de Boer"
    assert values["contact_phone"] == "06 12345678"
    assert values["requested_slot"] is None and responses == []


def test_only_an_email_asks_for_the_name_alone(domain):
    typed = "piet@jansen.nl"
    values, responses = validate_followup(
        {"contact_name": typed, "requested_slot": "contact_name"},
        user_message(typed, "inform"), domain, prior=CONSENTED,
    )  # fmt: skip
    assert values["contact_email"] == "piet@jansen.nl"
    assert values["contact_name"] is None
    # Not "Wat is je naam, en je e-mailadres…?" a second time.
    assert responses == ["utter_ask_contact_name_only"]


@pytest.mark.parametrize(
    "typed, phone, response",
    [("+31 6 1234 5678", "06 12345678", None),
     ("010-1234567", "010 123 4567", None),
     ("+32 470 12 34 56", "+32 470 12 34 56", None),
     ("06 1234", None, "utter_invalid_phone_too_short"),
     ("06 123456789012", None, "utter_invalid_phone_too_long"),
     ("+999 12345678", None, "utter_invalid_phone_country"),
     ("0801234567", None, "utter_invalid_phone")],
)  # fmt: skip
def test_phone_numbers_are_checked_and_a_wrong_one_says_why(domain, typed, phone, response):
    prior = {**CONSENTED, "contact_name": "Piet Jansen"}
    values, responses = validate_followup(
        {"contact_email": typed, "requested_slot": "contact_email"},
        user_message(typed, "inform"), domain, prior=prior,
    )  # fmt: skip
    assert values.get("contact_phone") == phone
    if phone:
        assert values["requested_slot"] is None and responses == []
    else:
        assert responses[0] == response
        assert domain["responses"][response][0]["text"]


def test_no_email_or_phone_is_skipped_at_once_and_not_asked_again(domain):
    prior = {**CONSENTED, "contact_name": "Piet Jansen"}
    values, responses = validate_followup(
        {"contact_email": "heb ik niet", "requested_slot": "contact_email"},
        user_message("heb ik niet", "deny"), domain, prior=prior,
    )  # fmt: skip
    assert responses == ["utter_skip_email"]
    assert values["requested_slot"] is None


def test_no_contact_question_is_asked_a_third_time(domain):
    prior = {**CONSENTED, "contact_name": "Piet Jansen", "requested_slot": "contact_email"}
    events = [{"event": "slot", "name": k, "value": v} for k, v in prior.items()]
    for text in ("hm", "weet niet"):
        events.append({"event": "user", "text": text,
                       "parse_data": user_message(text, "inform")})  # fmt: skip
    events.append({"event": "slot", "name": "contact_email", "value": "weet niet"})
    tracker = make_tracker(slots={**prior, "contact_email": "weet niet"},
                           message=user_message("weet niet", "inform"), events=events,
                           active_loop="followup_form")  # fmt: skip
    dispatcher = CollectingDispatcher()
    result = run(ValidateFollowupForm().run(dispatcher, tracker, domain))
    values = {e["name"]: e["value"] for e in result if e["event"] == "slot"}
    assert [m["response"] for m in dispatcher.messages] == ["utter_skip_email"]
    assert values["requested_slot"] is None


def test_a_confirmed_request_is_kept_incomplete_until_it_is_stored_complete(domain):
    sender = "kept-incomplete"
    prior = {**INTAKE, "options": OPTIONS}
    events = [{"event": "slot", "name": k, "value": v} for k, v in prior.items()]
    message = user_message("2", "inform")
    events += [{"event": "user", "text": "2", "parse_data": message},
               {"event": "slot", "name": "chosen_option", "value": "2"}]  # fmt: skip
    tracker = make_tracker(slots={**prior, "chosen_option": "2",
                                  "requested_slot": "chosen_option"},
                           message=message, events=events, sender_id=sender,
                           active_loop="followup_form")  # fmt: skip
    run(ValidateFollowupForm().run(CollectingDispatcher(), tracker, domain))
    row = stored(sender)
    assert row["incomplete"] is True and row["chosen_option"] == "b"
    assert row["refined_question"] == INTAKE["refined_question"]
    slots = {**INTAKE, "options": OPTIONS, "chosen_option": "b", "contact_consent": False}
    tracker = make_tracker(slots, sender_id=sender, **FOLLOWUP_SUBMITTED)
    run(ActionStoreRequest().run(CollectingDispatcher(), tracker, domain))
    assert stored(sender)["incomplete"] is False


def test_what_the_own_time_answer_offers_names_a_format_too():
    said = "onze vision lead wil best een paar uur per week lesgeven"
    events = [
        {"event": "slot", "name": "requested_slot", "value": "own_time"},
        {"event": "user", "text": said, "parse_data": {"intent": {"name": "inform"}}},
    ]
    profile = profile_from_tracker(make_tracker(INTAKE, earlier=events))
    assert "lesgeven" in profile.said
