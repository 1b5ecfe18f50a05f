"""Bad input over the REST webhook: a Dutch answer or a 4xx, never a 500 or silence.

One pair of real servers for the module. A conversation stored before the bad
input must come out of it unchanged.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.e2e.conversation import buttons, post_raw, say, texts, tracker
from tests.e2e.servers import ROOT, bot_servers
from tests.e2e.stored import table_rows

pytestmark = pytest.mark.skipif(
    not (ROOT / "models" / "vraagwijzer.tar.gz").exists(),
    reason="no trained model: run `make train` (make test does)",
)

KEPT = "kept-before-bad-input"
# Up to the choice of an option, quickest need (see test_rest_conversations.py).
TO_THE_OPTIONS = [
    "mijn monteurs moeten bijgeschoold worden op warmtepompen",
    "ze kunnen nog geen warmtepompen installeren",
    "dat ze zelf warmtepompen installeren en onderhouden", "zes, mbo",
    "een paar uur per week",
    "Klimaattechniek Jansen in Tilburg", "installatietechniek, 15 medewerkers", "klopt",
]  # fmt: skip

# (what was sent, a word of the Dutch answer; None: any non-empty answer)
ANSWERED = {
    "empty": ("", "leeg"),
    "whitespace": ("   \n\t  ", "leeg"),
    "10,000 characters": ("monteurs " * 1112, "lang bericht"),
    "only emoji": ("😀🎉👍🔧", None),
    "html and javascript": ("<script>alert('x')</script><b>hoi</b>", None),
    "sql": ("'; DROP TABLE events; -- en refined_requests", None),
    "control characters": ("ik zoek\x00 monteurs\x1b[31m\x07\x7f", None),
    "english": ("Hello, I need interns for my software company", None),
    "german": ("Wir suchen Auszubildende für unsere Werkstatt", None),
    "unknown button payload": ('/option_pick{"chosen_option":"nonexistent"}', None),
    "unknown intent": ("/drop_tables", None),
    "bad entity json": ('/inform{"region": [', None),
}

REFUSED = {
    "malformed json": b'{"sender": "x", "message": ',
    "not an object": b'["sender", "message"]',
    "invalid utf-8": b'{"sender": "x", "message": "ik zoek \xff\xfe monteurs"}',
    "no sender": json.dumps({"message": "hoi"}).encode(),
    "message not text": json.dumps({"sender": "x", "message": 42}).encode(),
    "metadata not an object": json.dumps(
        {"sender": "x", "message": "hoi", "metadata": "x"}
    ).encode(),
}


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    with bot_servers(tmp_path_factory.mktemp("bad-input")) as (base, database_url):
        say(base, KEPT, "ik zoek monteurs")
        say(base, KEPT, "ik wil een mens spreken")  # stores a request
        yield base, database_url


def stored_of(database_url, sender):
    rows = table_rows(database_url)
    return (
        [row for row in rows["events"] if row["sender_id"] == sender],
        [row for row in rows["refined_requests"] if row["conversation_id"] == sender],
    )


@pytest.fixture(scope="module")
def kept_before(servers):
    return stored_of(servers[1], KEPT)


def sent(base, sender, text):
    status, answers = post_raw(base, json.dumps({"sender": sender, "message": text}).encode())
    assert status == 200, answers
    return answers


@pytest.mark.parametrize("case", sorted(ANSWERED))
def test_bad_message_gets_a_dutch_answer(servers, kept_before, case):
    base, database_url = servers
    text, expected = ANSWERED[case]
    answers = sent(base, f"bad-{case}", text)
    assert answers and all(a.get("text") or a.get("buttons") for a in answers)
    if expected:
        assert expected in texts(answers)
    assert stored_of(database_url, KEPT) == kept_before


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_malformed_body_is_refused_with_400(servers, kept_before, case):
    base, database_url = servers
    status, answer = post_raw(base, REFUSED[case])
    assert status == 400 and answer["error"]
    assert stored_of(database_url, KEPT) == kept_before


def test_empty_and_too_long_messages_are_not_stored(servers):
    base, database_url = servers
    assert stored_of(database_url, "bad-empty") == ([], [])
    assert stored_of(database_url, "bad-10,000 characters") == ([], [])


def test_sql_in_a_message_is_stored_as_text(servers):
    _, database_url = servers
    events, _ = stored_of(database_url, "bad-sql")
    assert any("DROP TABLE" in row["data"] for row in events)


def test_option_out_of_range_or_unknown_is_asked_again_once(servers):
    base, _ = servers
    sender = "bad-option"
    for message in TO_THE_OPTIONS:
        answers = say(base, sender, message)
    assert len(buttons(answers)) >= 3
    answers = say(base, sender, "7")
    assert "Die keuze ken ik niet" in texts(answers)
    assert tracker(base, sender)["slots"]["requested_slot"] == "chosen_option"
    # The second unclear choice is not asked a third time: a coordinator
    # chooses with the entrepreneur.
    say(base, sender, "0")
    slots = tracker(base, sender)["slots"]
    assert slots["chosen_option"] == "geen"
    assert slots["requested_slot"] == "contact_consent"


@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(text=st.text(st.characters(blacklist_categories=["Cs"]), max_size=300))
def test_any_text_gets_an_answer(servers, text):
    base, _ = servers
    answers = sent(base, "property", text)
    assert answers and all(a.get("text") or a.get("buttons") for a in answers)
