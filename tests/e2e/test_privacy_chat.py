"""Erasure and redaction in the chat, against the real servers and store."""

from __future__ import annotations

import json

import pytest

from tests.e2e.conversation import say, texts, tracker
from tests.e2e.servers import ROOT, bot_servers
from tests.e2e.stored import events_of, table_rows, user_texts

pytestmark = pytest.mark.skipif(
    not (ROOT / "models" / "vraagwijzer.tar.gz").exists(),
    reason="no trained model: run `make train` (make test does)",
)

OPENING = "ik krijg mijn vacatures voor monteurs niet gevuld, bel me op 06-12345678"


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    with bot_servers(tmp_path_factory.mktemp("privacy")) as (base, database_url):
        yield base, database_url


def everything_stored(database_url: str) -> str:
    return json.dumps(table_rows(database_url), default=str)


def test_confirmed_erasure_leaves_nothing_of_the_conversation(servers):
    base, database_url = servers
    sender = "erase-me"
    say(base, sender, OPENING)
    say(base, sender, "mbo")
    answers = say(base, sender, "ik wil een mens spreken")  # stores the request
    assert tracker(base, sender)["slots"]["handoff_requested"] is True
    stored = table_rows(database_url)["refined_requests"]
    assert [row["conversation_id"] for row in stored] == [sender]

    answers = say(base, sender, "verwijder mijn gegevens")
    assert "Weet je het zeker" in texts(answers)
    assert table_rows(database_url)["refined_requests"], "erased before the yes"
    answers = say(base, sender, "ja")
    assert "gewist" in texts(answers)

    rows = table_rows(database_url)
    assert rows["refined_requests"] == []
    left = events_of(database_url, sender)
    assert {event["event"] for event in left} <= {"action", "session_started", "bot"}
    dump = everything_stored(database_url)
    # What was said and the slots it filled; the welcome itself names "mbo".
    for said in ("monteurs", "mens spreken", "[telefoonnummer]", "Weet je het zeker",
                 "education_level", "handoff_requested"):  # fmt: skip
        assert said not in dump, f"{said!r} still stored"
    # The conversation goes on from scratch, and is stored again from here.
    answers = say(base, sender, "we zoeken stagiairs voor de werkplaats")
    assert answers
    assert tracker(base, sender)["slots"]["need_category"] == "talent"
    assert user_texts(database_url, sender) == ["we zoeken stagiairs voor de werkplaats"]


def test_erasure_not_confirmed_keeps_everything_and_resumes_the_form(servers):
    base, database_url = servers
    sender = "keep-me"
    say(base, sender, "we moeten iets met duurzaamheid maar weten niet wat")
    asked = tracker(base, sender)["slots"]["requested_slot"]
    say(base, sender, "verwijder mijn gegevens")
    answers = say(base, sender, "nee")
    assert "niets gewist" in texts(answers)
    state = tracker(base, sender)
    assert state["active_loop"]["name"] == "intake_form"
    assert state["slots"]["requested_slot"] == asked
    assert state["slots"]["need_category"] == "innovatie"
    assert len(answers) >= 2, "the form's question should follow"
    assert "duurzaamheid" in " ".join(user_texts(database_url, sender))


def test_personal_data_in_free_text_is_masked_in_the_transcript(servers):
    base, database_url = servers
    sender = "masked"
    say(base, sender, OPENING)
    say(base, sender, "hbo, mail anders naar jan.devries@bouwbedrijf.nl")
    dump = json.dumps(events_of(database_url, sender))
    assert "06-12345678" not in dump and "jan.devries@bouwbedrijf.nl" not in dump
    assert "[telefoonnummer]" in dump and "[e-mailadres]" in dump
    assert tracker(base, sender)["slots"]["need_category"] == "talent"
