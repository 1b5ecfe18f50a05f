"""Erasure and redaction on a real SQLite file with Rasa's own tracker store."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
import sqlalchemy as sa

from bot.store.erasure import erase_conversation
from bot.store.migrate import upgrade
from bot.store.redaction import EMAIL, PHONE
from bot.store.session import UnitOfWork, make_engine, session_factory
from tests.conftest import ROOT


@pytest.fixture
def url(tmp_path: Path) -> str:
    database_url = f"sqlite:///{tmp_path / 'erasure.db'}"
    upgrade(database_url)
    return database_url


@pytest.fixture(scope="module")
def rasa_domain():
    from rasa.shared.core.domain import Domain

    return Domain.load(str(ROOT / "domain.yml"))


def tracker_store(database_url, domain):
    from bot.store.tracker_store import DatabaseUrlTrackerStore

    return DatabaseUrlTrackerStore(domain, database_url=database_url)


def conversation(sender, domain, *extra):
    """A short intake in which the entrepreneur types personal data."""
    from rasa.shared.core.events import (
        ActionExecuted, BotUttered, SessionStarted, SlotSet, UserUttered,
    )  # fmt: skip
    from rasa.shared.core.trackers import DialogueStateTracker

    text = "bel me op 06-12345678 of mail piet@jansen.nl, we zoeken monteurs"
    events = [
        ActionExecuted("action_session_start"), SessionStarted(),
        ActionExecuted("action_listen"),
        UserUttered(text, {"name": "need_talent", "confidence": 0.9},
                    parse_data={"text": text, "intent": {"name": "need_talent"},
                                "entities": []}),
        SlotSet("original_question", text),
        SlotSet("contact_email", "piet@jansen.nl"),
        BotUttered("Hoeveel monteurs zoek je?"),
        ActionExecuted("action_listen"),
        *extra,
    ]  # fmt: skip
    return DialogueStateTracker.from_events(sender, events, domain.slots)


def rows(database_url, sender):
    with make_engine(database_url).connect() as connection:
        query = sa.text("SELECT type_name, data FROM events WHERE sender_id = :s ORDER BY id")
        return [(kind, json.loads(data)) for kind, data in connection.execute(query, {"s": sender})]


def store_request(database_url, sender):
    with UnitOfWork(session_factory(database_url)) as uow:
        uow.requests.upsert(sender, original_question="bel 06-12345678",
                            contact_email="piet@jansen.nl")  # fmt: skip
        uow.commit()


def test_transcript_is_stored_redacted_except_the_contact_slot(url, rasa_domain):
    asyncio.run(tracker_store(url, rasa_domain).save(conversation("r-1", rasa_domain)))
    stored = rows(url, "r-1")
    raw = json.dumps([data for _, data in stored])
    assert "06-12345678" not in raw
    user = next(data for kind, data in stored if kind == "user")
    assert user["text"] == f"bel me op {PHONE} of mail {EMAIL}, we zoeken monteurs"
    assert EMAIL in user["parse_data"]["text"]
    slots = {data["name"]: data["value"] for kind, data in stored if kind == "slot"}
    assert slots["contact_email"] == "piet@jansen.nl"
    assert PHONE in slots["original_question"]


def test_redacted_transcript_reads_back_as_a_tracker(url, rasa_domain):
    store = tracker_store(url, rasa_domain)
    asyncio.run(store.save(conversation("r-2", rasa_domain)))
    tracker = asyncio.run(store.retrieve("r-2"))
    assert tracker.get_slot("contact_email") == "piet@jansen.nl"
    assert PHONE in tracker.latest_message.text


def test_store_requests_mask_free_text_but_keep_contact_columns(url):
    store_request(url, "r-3")
    with UnitOfWork(session_factory(url)) as uow:
        request = uow.requests.get_by_conversation("r-3")
        assert request.original_question == f"bel {PHONE}"
        assert request.contact_email == "piet@jansen.nl"


def test_erase_conversation_removes_request_and_transcript_only_of_that_one(
    url, rasa_domain
):
    store = tracker_store(url, rasa_domain)
    for sender in ("gone", "kept"):
        asyncio.run(store.save(conversation(sender, rasa_domain)))
        store_request(url, sender)
    with UnitOfWork(session_factory(url)) as uow:
        counts = erase_conversation(uow, "gone")
        uow.commit()
    erased = {table: n for table, n in counts.items() if n}
    assert erased == {"refined_requests": 1, "events": 8}
    assert rows(url, "gone") == []
    assert len(rows(url, "kept")) == 8
    with UnitOfWork(session_factory(url)) as uow:
        assert uow.requests.get_by_conversation("gone") is None
        assert uow.requests.get_by_conversation("kept") is not None
        # erasing twice is harmless
        assert set(erase_conversation(uow, "gone").values()) == {0}


def test_erase_before_rasa_created_its_table(url):
    store_request(url, "early")
    with UnitOfWork(session_factory(url)) as uow:
        counts = erase_conversation(uow, "early")
        assert counts["refined_requests"] == 1 and counts["events"] == 0


def test_saving_the_erasing_turn_keeps_nothing_from_before_the_restart(
    url, rasa_domain
):
    """Rasa writes back the whole in-memory tracker once its rows are gone."""
    from rasa.shared.core.events import (
        ActionExecuted, BotUttered, Restarted, SessionStarted, UserUttered,
    )  # fmt: skip

    store = tracker_store(url, rasa_domain)
    asyncio.run(store.save(conversation("e-1", rasa_domain)))
    store_request(url, "e-1")
    erasing = conversation(
        "e-1", rasa_domain,
        UserUttered("verwijder mijn gegevens", {"name": "request_erasure"}),
        ActionExecuted("action_ask_erasure_confirmation"),
        BotUttered("Weet je het zeker?"), ActionExecuted("action_listen"),
        UserUttered("ja", {"name": "affirm"}),
        ActionExecuted("action_erase_conversation"),
        BotUttered("Alles van dit gesprek is gewist"), Restarted(),
        ActionExecuted("action_session_start"), SessionStarted(),
        ActionExecuted("action_listen"),
    )  # fmt: skip
    asyncio.run(store.save(erasing))

    stored = rows(url, "e-1")
    assert [kind for kind, _ in stored] == ["action", "session_started", "action"]
    assert "monteurs" not in json.dumps(stored)
    with UnitOfWork(session_factory(url)) as uow:
        assert uow.requests.get_by_conversation("e-1") is None
    # The next turn starts from the stored, empty conversation.
    tracker = asyncio.run(store.retrieve("e-1"))
    assert tracker.get_slot("contact_email") is None


def test_a_restart_without_erasure_keeps_the_transcript(url, rasa_domain):
    from rasa.shared.core.events import ActionExecuted, Restarted

    store = tracker_store(url, rasa_domain)
    restarted = conversation("restart-1", rasa_domain,
                             ActionExecuted("action_restart"), Restarted())  # fmt: skip
    asyncio.run(store.save(restarted))
    assert len(rows(url, "restart-1")) == 10


def test_a_tracker_store_that_cannot_start_raises_instead_of_using_memory(
    tmp_path, rasa_domain
):
    from bot.store.tracker_store import TrackerStoreUnavailable

    with pytest.raises(TrackerStoreUnavailable):
        tracker_store("postgresql+nosuchdriver://x@localhost/db", rasa_domain)
