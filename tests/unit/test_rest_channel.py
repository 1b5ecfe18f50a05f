"""The REST channel's checks and the fault reporting, without a server."""

from __future__ import annotations

import asyncio
import json
import logging
from types import SimpleNamespace

import pytest

from bot import faults
from bot.channels.rest import (
    BadRequest, caller_allowed, clean_message, keeps_conversations_in_memory,
    parse_body,
)  # fmt: skip
from bot.channels.turns import run_turn
from bot.clients import is_this_machine


def test_a_well_formed_body_is_read():
    body = '{"sender": "s-1", "message": "ik zoek monteurs", "metadata": {"a": 1}}'
    assert parse_body(body.encode()) == ("s-1", "ik zoek monteurs", {"a": 1}, None)


def test_a_message_id_is_read():
    body = b'{"sender": "s-1", "message": "mbo", "message_id": "m-7_a"}'
    assert parse_body(body).message_id == "m-7_a"


@pytest.mark.parametrize("body", [
    b"", b"{", b"[]", b'"hoi"', b'{"sender": "s"}', b'{"message": "hoi"}',
    b'{"sender": "", "message": "hoi"}', b'{"sender": 1, "message": "hoi"}',
    b'{"sender": "s", "message": null}', b'{"sender": "s", "message": "\xff"}',
    b'{"sender": "s", "message": "hoi", "metadata": []}',
    b'{"sender": "s", "message": "hoi", "message_id": 7}',
    b'{"sender": "s", "message": "hoi", "message_id": ""}',
    b'{"sender": "s", "message": "hoi", "message_id": "a b"}',
    b'{"sender": "s", "message": "hoi", "message_id": "' + b"x" * 65 + b'"}',
])  # fmt: skip
def test_malformed_bodies_are_bad_requests(body):
    with pytest.raises(BadRequest):
        parse_body(body)


def test_control_characters_go_tabs_and_newlines_stay():
    assert clean_message("\ufeff ik zoek\x00 monteurs\x1b[31m\x07\n\tnu ") == (
        "ik zoek monteurs[31m\n\tnu"
    )
    assert clean_message(" \x00\x01 ") == ""


def test_a_failing_action_logged_by_rasa_is_a_fault_of_that_turn_only():
    faults.watch_rasa_actions()
    faults.watch_rasa_actions()  # installed once
    processor = logging.getLogger("rasa.core.processor")
    assert len(processor.handlers) == 1
    with faults.collecting() as seen:
        processor.error("Encountered an exception while running action 'intake_form'.")
        processor.error("Failed to run custom action 'x'.")  # not the swallowed one
    assert seen == {faults.ACTIONS}
    with faults.collecting() as seen:
        processor.error("Failed to run custom action 'x'.")
    assert seen == set()
    processor.error("Encountered an exception while running action 'x'.")  # no turn
    assert faults.seen() == set()


def test_run_turn_reports_timeouts_and_crashes():
    async def slow(message):
        await asyncio.sleep(5)

    async def crash(message):
        raise RuntimeError("boom")

    async def fine(message):
        return None

    message = SimpleNamespace(sender_id="s")
    assert asyncio.run(run_turn(slow, message, 0.05)) == {faults.TIMEOUT}
    assert asyncio.run(run_turn(crash, message, 1)) == {faults.CRASH}
    assert asyncio.run(run_turn(fine, message, 1)) == set()


def test_an_in_memory_tracker_store_is_noticed_through_rasas_wrapper():
    from rasa.core.tracker_store import FailSafeTrackerStore, InMemoryTrackerStore

    memory = SimpleNamespace(tracker_store=FailSafeTrackerStore(InMemoryTrackerStore(None)))
    assert keeps_conversations_in_memory(memory)
    database = SimpleNamespace(tracker_store=FailSafeTrackerStore(SimpleNamespace(
        domain=None, event_broker=None)))  # fmt: skip
    assert not keeps_conversations_in_memory(database)


def test_guarded_handler_adds_the_fault_answer_after_a_failed_turn():
    from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

    from bot.channels.turns import guarded

    async def crash(message):
        await message.output_channel.send_text_message(message.sender_id, "half")
        raise RuntimeError("boom")

    async def fine(message):
        await message.output_channel.send_text_message(message.sender_id, "heel")

    for handler, expected in [(crash, ["half", "mis"]), (fine, ["heel"])]:
        output = CollectingOutputChannel()
        handle = guarded(handler, lambda: "mis", timeout_s=1)
        asyncio.run(handle(UserMessage("hoi", output, "s-1")))
        assert [m["text"] for m in output.messages] == expected
        assert {m["recipient_id"] for m in output.messages} == {"s-1"}


# --- the boundary (issue 11) ------------------------------------------------


@pytest.mark.parametrize("body", [
    b'{"sender": "x\\ud800", "message": "hoi"}',
    b'{"sender": "s", "message": "hoi \\udfff"}',
    b'{"sender": "s", "message": "hoi", "metadata": {"\\ud83d": 1}}',
    ('{"sender": "%s", "message": "hoi"}' % ("s" * 129)).encode(),
    ('{"sender": "%s", "message": "hoi"}' % ("s" * 300_000)).encode(),
    ('{"sender": "s", "message": "hoi", "metadata": {"x": "%s"}}' % ("a" * 4100)).encode(),
    ('{"sender": "s", "message": "hoi", "metadata": {"x": %s}}' % ("[" * 5000 + "]" * 5000)).encode(),
    ("[" * 5000 + "]" * 5000).encode(),
    b'{"sender": "web:0123456789abcdef0123456789abcdef", "message": "hoi"}',
    b'{"sender": "telegram:77", "message": "hoi"}',
])  # fmt: skip
def test_what_the_probe_sent_is_a_bad_request(body):
    with pytest.raises(BadRequest):
        parse_body(body)


def test_a_sender_of_128_characters_and_4_kb_of_metadata_are_fine():
    body = json.dumps({"sender": "s" * 128, "message": "hoi",
                       "metadata": {"x": "a" * 4000}})  # fmt: skip
    assert parse_body(body.encode()).sender == "s" * 128


def test_messages_are_normalised_to_nfkc():
    assert clean_message("bel ０６１２３４５６７８\u00a0nu") == "bel 0612345678 nu"


@pytest.mark.parametrize("authorization, ip, headers, token, allowed", [
    (None, "127.0.0.1", {}, None, True),
    (None, "::1", {}, None, True),
    (None, "192.0.2.7", {}, None, False),
    # Behind a reverse proxy every caller's socket peer is loopback.
    (None, "127.0.0.1", {"X-Forwarded-For": "192.0.2.7"}, None, False),
    (None, "127.0.0.1", {"x-forwarded-for": "127.0.0.1"}, None, False),
    (None, "::1", {"Forwarded": "for=192.0.2.7"}, None, False),
    (None, "127.0.0.1", {"X-Real-IP": "192.0.2.7"}, None, False),
    ("Bearer geheim", "192.0.2.7", {}, "geheim", True),
    ("Bearer geheim", "127.0.0.1", {"X-Forwarded-For": "192.0.2.7"}, "geheim", True),
    (None, "127.0.0.1", {}, "geheim", False),
    ("Bearer fout", "192.0.2.7", {}, "geheim", False),
    ("geheim", "192.0.2.7", {}, "geheim", False),
])  # fmt: skip
def test_the_rest_channel_needs_its_token_outside_this_machine(
    authorization, ip, headers, token, allowed
):
    this_machine = is_this_machine(ip, headers)
    assert caller_allowed(authorization, this_machine, token) is allowed
