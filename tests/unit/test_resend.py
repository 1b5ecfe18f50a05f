"""Answers to a resent message come from the stored conversation (bot/channels/resend.py)."""

from __future__ import annotations

from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered

from bot.channels.resend import answers_to

BUTTONS = [{"title": "mbo", "payload": "mbo"}]
EVENTS = [
    ActionExecuted("action_listen"),
    UserUttered("ik zoek monteurs", message_id="m-1"),
    BotUttered("Hoi! Ik ben Vraagwijzer."),
    SlotSet("need_category", "talent"),
    BotUttered("Welk niveau?", data={"buttons": BUTTONS}),
    ActionExecuted("action_listen"),
    UserUttered("mbo", message_id="m-2"),
    BotUttered("Hoeveel mensen?"),
]


def test_the_answers_after_the_message_until_the_next_one():
    answers = answers_to(EVENTS, "m-1")
    assert [a["text"] for a in answers] == ["Hoi! Ik ben Vraagwijzer.", "Welk niveau?"]
    assert answers[1]["buttons"] == BUTTONS


def test_the_last_message_of_the_conversation():
    assert [a["text"] for a in answers_to(EVENTS, "m-2")] == ["Hoeveel mensen?"]


def test_an_unknown_id_was_not_handled_yet():
    assert answers_to(EVENTS, "m-3") is None
