"""Hostile input against the real servers: one test per finding of the probe.

One pair of real servers for the module (tests/e2e/servers.py). Every test
ends by checking that the same Rasa process still answers a normal intake
opening: the critical finding was a single request stopping the service.
"""

from __future__ import annotations

import json

import pytest

from tests.e2e.conversation import post_raw, say, texts
from tests.e2e.servers import ROOT, bot_servers
from tests.e2e.stored import table_rows

pytestmark = pytest.mark.skipif(
    not (ROOT / "models" / "vraagwijzer.tar.gz").exists(),
    reason="no trained model: run `make train` (make test does)",
)

OPENING = "ik vind geen monteurs"


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    with bot_servers(tmp_path_factory.mktemp("hostile")) as (base, database_url):
        yield base, database_url


def still_serving(base: str, sender: str = "after-the-probe") -> None:
    assert texts(say(base, sender, OPENING)), "Rasa no longer answers an intake"


def senders_stored(database_url: str) -> set:
    return {row["sender_id"] for row in table_rows(database_url)["events"]}


def test_a_lone_surrogate_in_the_sender_is_refused_and_rasa_keeps_serving(servers):
    base, database_url = servers
    body = b'{"sender": "x\\ud800", "message": "hoi"}'
    status, answer = post_raw(base, body)
    assert status == 400, answer
    assert "sender" in answer["error"]
    still_serving(base)
    assert not any("\ud800" in sender for sender in senders_stored(database_url))


def test_a_lone_surrogate_in_the_message_or_metadata_is_refused(servers):
    base, _ = servers
    for body in (b'{"sender": "s-msg", "message": "hoi \\udfff"}',
                 b'{"sender": "s-meta", "message": "hoi", "metadata": {"a": "\\ud83d"}}'):  # fmt: skip
        status, answer = post_raw(base, body)
        assert status == 400, (body, answer)
    still_serving(base)


def test_json_nested_5000_levels_is_a_400_not_a_500(servers):
    base, _ = servers
    nested = "[" * 5000 + "]" * 5000
    body = ('{"sender": "deep", "message": "hoi", "metadata": {"x": %s}}' % nested).encode()
    status, answer = post_raw(base, body)
    assert status == 400, answer
    status, answer = post_raw(base, nested.encode())
    assert status == 400, answer
    still_serving(base)


def test_a_300_kb_sender_is_refused_and_not_stored(servers):
    base, database_url = servers
    sender = "s" * 300_000
    status, answer = post_raw(base, json.dumps({"sender": sender, "message": "hoi"}).encode())
    assert status == 400, answer
    assert sender not in senders_stored(database_url)
    still_serving(base)


def test_metadata_over_4_kb_is_refused(servers):
    base, _ = servers
    body = {"sender": "big-meta", "message": "hoi", "metadata": {"x": "a" * 5000}}
    status, answer = post_raw(base, json.dumps(body).encode())
    assert status == 400, answer
