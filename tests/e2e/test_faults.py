"""Faults injected into the real processes: what the user sees, what is stored.

The action server stopped or paused, Rasa restarted mid-intake, the database
file replaced by a directory (SQLite's "unable to open database file"), and two
messages of one conversation at once. Rasa runs with the real turn limit.
"""

from __future__ import annotations

import asyncio
import shutil
import signal
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack

import pytest
import yaml

from bot.settings import DEFAULT_TURN_TIMEOUT_S
from bot.store.session import sqlite_path
from tests.e2e.conversation import say, texts, tracker, widget_turn
from tests.e2e.servers import ROOT, Bot, web_conversation
from tests.e2e.stored import events_of, user_texts

pytestmark = pytest.mark.skipif(
    not (ROOT / "models" / "vraagwijzer.tar.gz").exists(),
    reason="no trained model: run `make train` (make test does)",
)

OPENING = "ik krijg mijn vacatures voor monteurs niet gevuld"
MAX_WAIT_S = 10  # the issue: a Dutch message within 10 seconds


def response(name: str) -> str:
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    return domain["responses"][name][0]["text"]


class FaultBot(Bot):
    """The two servers, spoken to over the REST webhook."""

    def say(self, sender: str, text: str):
        return say(self.base, sender, text)

    def timed_say(self, sender: str, text: str):
        started = time.monotonic()
        answers = self.say(sender, text)
        return answers, time.monotonic() - started

    def slots(self, sender: str):
        return tracker(self.base, sender)["slots"]


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    with ExitStack() as stack:
        limit = {"TURN_TIMEOUT_S": str(DEFAULT_TURN_TIMEOUT_S)}
        yield FaultBot(tmp_path_factory.mktemp("faults"), stack, limit)


def test_action_server_down_then_back(bot):
    sender = "fault-down"
    bot.say(sender, OPENING)
    bot.stop_actions()
    try:
        answers, waited = bot.timed_say(sender, "mbo")
    finally:
        bot.start_actions()
    assert texts(answers) == response("utter_turn_failed") and waited < MAX_WAIT_S
    assert user_texts(bot.database_url, sender) == [OPENING]  # the failed turn

    answers = bot.say(sender, "mbo")
    assert answers and "iets mis" not in texts(answers)
    assert bot.slots(sender)["education_level"] == "mbo"
    assert bot.slots(sender)["requested_slot"] == "headcount"
    assert user_texts(bot.database_url, sender) == [OPENING, "mbo"]


def test_widget_hears_it_too_when_the_action_server_is_down(bot):
    bot.stop_actions()
    try:
        fault = response("utter_turn_failed")
        session_id, said, waited = asyncio.run(
            widget_turn(bot.base, OPENING, until=fault, max_wait_s=MAX_WAIT_S)
        )
    finally:
        bot.start_actions()
    assert fault in said and waited < MAX_WAIT_S
    assert user_texts(bot.database_url, web_conversation(session_id)) == []


def test_action_server_paused_answers_within_ten_seconds(bot):
    sender = "fault-slow"
    bot.say(sender, OPENING)
    bot.actions.send_signal(signal.SIGSTOP)
    try:
        answers, waited = bot.timed_say(sender, "mbo")
    finally:
        bot.actions.send_signal(signal.SIGCONT)
    assert texts(answers) == response("utter_turn_failed")
    assert waited < MAX_WAIT_S
    assert user_texts(bot.database_url, sender) == [OPENING]

    bot.say(sender, "mbo")
    assert bot.slots(sender)["requested_slot"] == "headcount"


def test_database_unavailable_then_back(bot):
    sender = "fault-database"
    bot.say(sender, OPENING)
    stored = events_of(bot.database_url, sender)
    path = sqlite_path(bot.database_url)
    moved = path.with_name("away")
    moved.mkdir()
    for file in path.parent.glob(path.name + "*"):
        shutil.move(str(file), moved / file.name)
    path.mkdir()  # "unable to open database file" for every new connection
    try:
        answers, waited = bot.timed_say(sender, "mbo")
    finally:
        path.rmdir()
        for file in moved.iterdir():
            shutil.move(str(file), path.parent / file.name)
        moved.rmdir()
    assert texts(answers) == response("utter_turn_failed") and waited < MAX_WAIT_S
    assert events_of(bot.database_url, sender) == stored  # not a blank new session

    bot.say(sender, "mbo")
    assert bot.slots(sender)["requested_slot"] == "headcount"
    assert user_texts(bot.database_url, sender) == [OPENING, "mbo"]


def test_two_messages_at_once_are_both_processed_in_order(bot):
    sender = "fault-twice"
    bot.say(sender, OPENING)
    with ThreadPoolExecutor(max_workers=2) as pool:
        first = pool.submit(bot.say, sender, "mbo")
        time.sleep(0.05)
        second = pool.submit(bot.say, sender, "3")
        answers = [first.result(), second.result()]
    assert all(answers)
    assert user_texts(bot.database_url, sender) == [OPENING, "mbo", "3"]
    slots = bot.slots(sender)
    assert slots["education_level"] == "mbo" and slots["headcount"] == "3"
    assert slots["requested_slot"] == "time_horizon"


def test_rasa_restarted_mid_intake_goes_on_with_the_form(bot):
    sender = "fault-restart"
    bot.say(sender, OPENING)
    bot.say(sender, "mbo")
    before = tracker(bot.base, sender)
    bot.restart_rasa()
    after = tracker(bot.base, sender)
    assert after["active_loop"] == before["active_loop"]
    assert after["slots"] == before["slots"]
    assert "Vraagwijzer" not in texts(bot.say(sender, "3"))  # no new welcome
    assert bot.slots(sender)["requested_slot"] == "time_horizon"
    assert user_texts(bot.database_url, sender) == [OPENING, "mbo", "3"]
