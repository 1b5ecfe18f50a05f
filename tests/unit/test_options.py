"""The options step: three options shown once, the topic named, honest padding."""

from __future__ import annotations

import asyncio

from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.options import ActionAskChosenOption
from tests.conftest import make_tracker


def ask(slots):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(
        ActionAskChosenOption().run(dispatcher, make_tracker(slots=slots), {})
    )
    return dispatcher.messages, events


def responses(messages):
    return [m.get("response") for m in messages]


def test_three_options_stored_as_id_and_title_each_naming_the_topic() -> None:
    messages, events = ask({"need_category": "innovatie", "topic": "oude broodresten",
                            "original_question": "iets met oude broodresten"})  # fmt: skip
    [stored] = [e for e in events if e == SlotSet("options", e["value"])]
    assert len(stored["value"]) == 3
    assert all(set(option) == {"id", "title"} for option in stored["value"])
    assert "cyber_scan" not in [option["id"] for option in stored["value"]]
    shown = [m for m in messages if m.get("response", "").startswith("utter_option_")
             or m.get("response") == "utter_option"]  # fmt: skip
    assert len(shown) == 3
    assert all("oude broodresten" in m["reason"] for m in shown)
    assert responses(messages)[-1] == "utter_ask_chosen_option"


def test_fewer_than_three_fitting_options_are_said_to_be_general() -> None:
    messages, _ = ask({"need_category": "innovatie", "topic": "oude broodresten",
                       "original_question": "iets met oude broodresten"})  # fmt: skip
    few = [m for m in messages if m.get("response") == "utter_options_few_fit"]
    assert few and few[0]["topic"] == "oude broodresten"


def test_three_fitting_options_need_no_such_remark() -> None:
    messages, _ = ask({"need_category": "kennis_netwerk", "topic": "logistiek",
                       "original_question": "een netwerk en bijeenkomsten over logistiek "
                       "en onderzoek met een lectoraat"})  # fmt: skip
    assert "utter_options_few_fit" not in responses(messages)


def test_options_already_shown_are_only_asked_for_again() -> None:
    options = [{"id": "gastles", "title": "Gastles geven"}] * 3
    messages, events = ask({"need_category": "onderwijs_invloed", "options": options})
    assert events == []
    assert responses(messages) == ["utter_ask_chosen_option"]
