"""A database error in one conversation never stops the Rasa process.

Rasa 3.6's SQLTrackerStore.session_scope turns any ValueError (a
UnicodeEncodeError is one) into print_error_and_exit, i.e. SystemExit. Ours
keeps the error a fault of that turn (bot/store/tracker_store.py).
"""

from __future__ import annotations

import asyncio
import hashlib
import inspect
from pathlib import Path

import pytest

from bot import faults
from bot.store.migrate import upgrade
from tests.conftest import ROOT

# sha256 of Rasa 3.6.21's SQLTrackerStore.session_scope source. When an upgrade
# changes it, check that DatabaseUrlTrackerStore.session_scope still does
# everything Rasa's does (minus the exit), then update the hash.
RASA_SESSION_SCOPE_SHA256 = (
    "6775e1ede3ec8d2d1ba466d06c850b44201630347ccde7f91c33d3c1a2554818"
)
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


def test_rasas_session_scope_is_the_one_our_override_replaces():
    from rasa.core.tracker_store import SQLTrackerStore

    source = inspect.getsource(SQLTrackerStore.session_scope.__wrapped__)
    assert "print_error_and_exit" in source and "ensure_schema_exists" in source
    assert hashlib.sha256(source.encode()).hexdigest() == RASA_SESSION_SCOPE_SHA256, (
        "Rasa's SQLTrackerStore.session_scope changed: review "
        "DatabaseUrlTrackerStore.session_scope against it"
    )


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
