"""Transcripts as Rasa writes them, marking misunderstood messages, their NLU
export (checked by Rasa itself), and the AVG erasure."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

import sqlalchemy as sa
import yaml

from bot.review.corrections import nlu_yaml
from bot.review.workflow import add_note, add_tag
from bot.store.erasure import erase_conversation
from bot.store.session import make_engine
from tests.review.conftest import add_request, add_transcript, make_user

ROOT = Path(__file__).resolve().parents[2]


def rasa_writes(database_url, monkeypatch, sender_id):
    """A conversation saved by Rasa's own SQL tracker store."""
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    from bot.store.tracker_store import DatabaseUrlTrackerStore

    monkeypatch.setenv("DATABASE_URL", database_url)
    ranking = [{"name": "nlu_fallback", "confidence": 0.45},
               {"name": "need_innovatie", "confidence": 0.3},
               {"name": "inform", "confidence": 0.2}]  # fmt: skip
    tracker = DialogueStateTracker.from_events(sender_id, [
        UserUttered("we moeten iets met duurzaamheid",
                    intent={"name": "need_innovatie", "confidence": 0.91},
                    timestamp=1000.0),
        BotUttered("Wat heb je al geprobeerd?", timestamp=1001.0),
        UserUttered("zonnepanelen op t dak misschien",
                    intent=ranking[0], parse_data={"intent_ranking": ranking},
                    timestamp=1002.0),
        UserUttered("weet ik veel", intent={"name": "inform", "confidence": 0.8},
                    timestamp=1003.0),
        ActionExecuted("action_default_fallback", timestamp=1004.0),
    ])  # fmt: skip
    asyncio.run(DatabaseUrlTrackerStore(Domain.empty()).save(tracker))


def test_transcript_from_rasa_has_ids_intents_and_fallbacks(store, uow_of, monkeypatch):
    rasa_writes(store, monkeypatch, "web-7")
    with uow_of() as uow:
        turns = uow.transcripts.transcript("web-7")
        assert [(t["event"], t["intent"], t["fallback"]) for t in turns] == [
            ("user", "need_innovatie", False),
            ("bot", None, False),
            ("user", "nlu_fallback", True),  # the NLU gave up
            ("user", "inform", True),  # the core fallback answered it
        ]
        assert turns[0]["confidence"] == 0.91
        assert turns[2]["ranking"] == [("need_innovatie", 0.3), ("inform", 0.2)]
        ids = [t["id"] for t in turns]
        assert ids == sorted(ids) and len(set(ids)) == 4
        assert uow.transcripts.user_turn("web-7", ids[2])["text"] == (
            "zonnepanelen op t dak misschien"
        )
        assert uow.transcripts.user_turn("web-7", ids[1]) is None  # a bot turn
        assert uow.transcripts.user_turn("someone-else", ids[2]) is None


def mark(uow_of, conversation_id, event_index, intent, user):
    with uow_of() as uow:
        turn = [t for t in uow.transcripts.transcript(conversation_id)
                if t["event"] == "user"][event_index]  # fmt: skip
        uow.corrections.mark(conversation_id, turn, intent, user)
        uow.commit()


def test_marking_twice_keeps_the_last_intent(store, uow_of):
    anna = make_user(store, "anna")
    add_transcript(store, "conv-1")
    mark(uow_of, "conv-1", 2, "deny", anna)
    mark(uow_of, "conv-1", 2, "inform", anna)
    with uow_of() as uow:
        [correction] = uow.corrections.list_all()
        assert correction.corrected_intent == "inform"
        assert correction.predicted_intent == "nlu_fallback"
        assert correction.text == "tja lastig te zeggen eigenlijk"
        assert correction.user.username == "anna"


class Marked:
    def __init__(self, text, intent):
        self.text, self.corrected_intent = text, intent


def test_nlu_yaml_groups_examples_per_intent():
    text = nlu_yaml([
        Marked("we willen iets met zonnepanelen", "need_innovatie"),
        Marked("tja  lastig\nte zeggen", "inform"),
        Marked("we willen iets met zonnepanelen", "need_innovatie"),  # duplicate
        Marked("kijk op [deze site](http://x.nl)", "inform"),  # no entity markup
        Marked("   ", "inform"),
        Marked('"quotes": # en: dubbele punten', "need_loket"),
    ])  # fmt: skip
    data = yaml.safe_load(text)
    assert data["version"] == "3.1"
    assert data["nlu"] == [
        {"intent": "inform",
         "examples": "- tja lastig te zeggen\n- kijk op (deze site)(http://x.nl)\n"},
        {"intent": "need_innovatie", "examples": "- we willen iets met zonnepanelen\n"},
        {"intent": "need_loket", "examples": '- "quotes": # en: dubbele punten\n'},
    ]  # fmt: skip


def test_nothing_marked_is_still_valid_nlu_data():
    assert yaml.safe_load(nlu_yaml([])) == {"version": "3.1", "nlu": []}


def test_the_export_passes_rasa_data_validate_with_the_repo_data(
    store, uow_of, tmp_path
):
    anna = make_user(store, "anna")
    add_transcript(store, "conv-1", extra_user="zoiets als [zonnepanelen] <b>dan</b>")
    mark(uow_of, "conv-1", 2, "inform", anna)  # "tja lastig te zeggen eigenlijk"
    mark(uow_of, "conv-1", 5, "need_innovatie", anna)
    with uow_of() as uow:
        exported = nlu_yaml(uow.corrections.list_all())
    path = tmp_path / "corrections.yml"
    path.write_text(exported, encoding="utf-8")

    from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLReader

    examples = RasaYAMLReader().reads(exported).intent_examples
    assert {(m.get("intent"), m.get("text")) for m in examples} == {
        ("inform", "tja lastig te zeggen eigenlijk"),
        ("need_innovatie", "zoiets als (zonnepanelen) <b>dan</b>"),
    }
    # Together with data/, with the repo's domain and config, no warnings.
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "validate_data.py"), str(path)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def test_validation_catches_a_conflicting_correction(tmp_path):
    # A test that cannot fail is worse than none: this one must fail validation.
    path = tmp_path / "conflict.yml"
    path.write_text(nlu_yaml([Marked("ik vind geen monteurs", "need_loket")]))
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "validate_data.py"), str(path)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 1


def test_erasure_removes_request_history_corrections_and_transcript(store, uow_of):
    anna = make_user(store, "anna")
    for conversation in ("erase-me", "keep-me"):
        add_request(store, conversation)
        add_transcript(store, conversation)
        mark(uow_of, conversation, 2, "inform", anna)
    with uow_of() as uow:
        request = uow.requests.get_by_conversation("erase-me")
        add_note(uow.requests, request, "belde op 3 nov", anna)
        add_tag(uow.requests, request, "avg", anna)
        uow.commit()

    with uow_of() as uow:
        counts = erase_conversation(uow, "erase-me")
        uow.commit()
    assert counts == {
        "request_activities": 2,
        "request_tags": 1,
        "mail_outbox": 0,
        "message_corrections": 1,
        "refined_requests": 1,
        "events": 14,
    }

    with make_engine(store).connect() as connection:

        def left(table, column, value="erase-me"):
            query = f"SELECT count(*) FROM {table} WHERE {column} = :v"
            return connection.execute(sa.text(query), {"v": value}).scalar()

        assert left("events", "sender_id") == 0
        assert left("refined_requests", "conversation_id") == 0
        assert left("message_corrections", "conversation_id") == 0
        assert (
            connection.execute(
                sa.text("SELECT count(*) FROM request_activities")
            ).scalar()
            == 0
        )
        assert (
            connection.execute(sa.text("SELECT count(*) FROM request_tags")).scalar()
            == 0
        )
        assert left("events", "sender_id", "keep-me") == 14
        assert left("refined_requests", "conversation_id", "keep-me") == 1
    with uow_of() as uow:
        assert set(erase_conversation(uow, "erase-me").values()) == {0}
