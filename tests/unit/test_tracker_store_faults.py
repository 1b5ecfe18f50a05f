"""A database error in one conversation never stops the Rasa process.

Rasa 3.6's SQLTrackerStore.session_scope turns any ValueError (a
UnicodeEncodeError is one) into print_error_and_exit, i.e. SystemExit. Ours
keeps the error a fault of that turn (MissingSchemaRaises in
bot/rasa_internals.py, whose test pins Rasa's source).
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot import faults
from bot.store.migrate import upgrade
from tests.conftest import ROOT

UNENCODABLE_SENDER = "x\ud800"


@pytest.fixture(scope="module")
def domain():
    from rasa.shared.core.domain import Domain

    return Domain.load(str(ROOT / "domain.yml"))


@pytest.fixture
def store(tmp_path: Path, domain):
    from bot.store.tracker_store import DatabaseUrlTrackerStore

    database_url = f"sqlite:///{tmp_path / 'faults.db'}"
    upgrade(database_url)
    return DatabaseUrlTrackerStore(domain, database_url=database_url)


def a_tracker(sender: str, domain):
    from rasa.shared.core.events import ActionExecuted, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    events = [ActionExecuted("action_listen"), UserUttered("ik zoek monteurs")]
    return DialogueStateTracker.from_events(sender, events, domain.slots)


def test_an_unencodable_sender_is_an_error_of_that_save_not_an_exit(store, domain):
    with faults.collecting() as seen:
        with pytest.raises(Exception) as raised:
            asyncio.run(store.save(a_tracker(UNENCODABLE_SENDER, domain)))
    assert not isinstance(raised.value, SystemExit)
    assert seen == {faults.DATABASE}
    # The same store goes on serving every other conversation.
    asyncio.run(store.save(a_tracker("someone-else", domain)))
    assert asyncio.run(store.retrieve("someone-else")) is not None


def test_through_rasas_fail_safe_wrapper_the_turn_hears_of_it(store, domain):
    from rasa.core.tracker_store import FailSafeTrackerStore

    wrapped = FailSafeTrackerStore(store)
    with faults.collecting() as seen:
        assert asyncio.run(wrapped.retrieve(UNENCODABLE_SENDER)) is None
    assert seen == {faults.DATABASE}


def test_a_missing_postgresql_schema_is_an_error_not_an_exit(store, monkeypatch):
    import rasa.core.tracker_store as rasa_store

    from bot.store.tracker_store import TrackerStoreUnavailable

    def missing(session):
        raise ValueError("vraagwijzer")

    monkeypatch.setattr(rasa_store, "ensure_schema_exists", missing)
    with pytest.raises(TrackerStoreUnavailable):
        with store.session_scope():
            pass
