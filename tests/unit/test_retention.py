"""`python -m bot purge` on a real SQLite file with Rasa's transcript table."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from bot.store.migrate import upgrade
from bot.store.retention import parse_period
from bot.store.session import UnitOfWork, make_engine, session_factory
from tests.conftest import ROOT

DAY = 24 * 3600


def purge(database_url: str, *args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {"DATABASE_URL": database_url, "PYTHONPATH": str(ROOT),
                   "PATH": os.environ.get("PATH", "/usr/bin:/bin"), **env}  # fmt: skip
    return subprocess.run([sys.executable, "-m", "bot", "purge", *args], cwd=ROOT,
                          env=environment, capture_output=True, text=True, timeout=60)  # fmt: skip


def transcript(database_url, domain, sender, age_days):
    """Stores a two-turn transcript whose last event is `age_days` old."""
    from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    from bot.store.tracker_store import DatabaseUrlTrackerStore

    at = time.time() - age_days * DAY
    events = [ActionExecuted("action_listen", timestamp=at - 60),
              UserUttered("ik zoek monteurs", {"name": "need_talent"}, timestamp=at - 30),
              BotUttered("Welk niveau zoek je?", timestamp=at)]  # fmt: skip
    tracker = DialogueStateTracker.from_events(sender, events, domain.slots)
    asyncio.run(DatabaseUrlTrackerStore(domain, database_url=database_url).save(tracker))


def request(database_url, sender, age_days):
    with UnitOfWork(session_factory(database_url)) as uow:
        uow.requests.upsert(sender, need_category="talent")
        uow.commit()
    with make_engine(database_url).begin() as connection:
        connection.execute(
            sa.text("UPDATE refined_requests SET updated_at = datetime('now', :age) "
                    "WHERE conversation_id = :c"),
            {"age": f"-{age_days} days", "c": sender},
        )  # fmt: skip


def senders(database_url):
    with make_engine(database_url).connect() as connection:
        events = {row[0] for row in connection.execute(sa.text("SELECT sender_id FROM events"))}
        requests = {row[0] for row in connection.execute(
            sa.text("SELECT conversation_id FROM refined_requests"))}  # fmt: skip
    return events, requests


@pytest.fixture
def seeded(tmp_path: Path) -> str:
    from rasa.shared.core.domain import Domain

    domain = Domain.load(str(ROOT / "domain.yml"))
    database_url = f"sqlite:///{tmp_path / 'retention.db'}"
    upgrade(database_url)
    transcript(database_url, domain, "old", 200)
    request(database_url, "old", 200)
    transcript(database_url, domain, "old-transcript-only", 365)
    request(database_url, "old-request-only", 190)
    transcript(database_url, domain, "recent", 3)
    request(database_url, "recent", 3)
    # Started long ago, but the entrepreneur came back last week.
    transcript(database_url, domain, "returned", 1)
    request(database_url, "returned", 300)
    return database_url


def test_purge_deletes_only_conversations_idle_past_the_default_180_days(seeded):
    result = purge(seeded)
    assert result.returncode == 0, result.stderr
    assert "Purged 3 conversations" in result.stdout
    assert "2 requests, 6 transcript events" in result.stdout
    events, requests = senders(seeded)
    assert events == {"recent", "returned"}
    assert requests == {"recent", "returned"}


def test_purge_again_deletes_nothing(seeded):
    purge(seeded)
    result = purge(seeded)
    assert result.returncode == 0, result.stderr
    assert "Purged 0 conversations" in result.stdout
    assert senders(seeded) == ({"recent", "returned"}, {"recent", "returned"})


def test_period_from_the_option_or_the_environment(seeded):
    assert "Purged 4 conversations" in purge(seeded, "--older-than", "2d").stdout
    assert senders(seeded) == ({"returned"}, {"returned"})
    result = purge(seeded, RETENTION_DAYS="0")
    assert "Purged 1 conversations" in result.stdout


ALL = {"old", "old-request-only", "recent", "returned"}


def test_a_bad_period_is_refused(seeded):
    result = purge(seeded, "--older-than", "half jaar")
    assert result.returncode == 2
    assert "Geen geldige periode: 'half jaar'" in result.stderr
    assert "180d" in result.stderr and result.stdout == ""
    assert senders(seeded)[1] == ALL


@pytest.mark.parametrize("text, says", [
    ("0h", "groter dan 0"), ("0", "groter dan 0"), ("00d", "groter dan 0"),
    ("-5d", "Geen geldige periode"), ("", "Geen geldige periode"),
    ("1.5d", "Geen geldige periode"), ("99999999999999d", "te lang"),
    ("40000w", "te lang"),
])  # fmt: skip
def test_a_zero_negative_or_absurd_period_erases_nothing(seeded, text, says):
    result = purge(seeded, f"--older-than={text}")
    assert result.returncode == 2, result.stdout
    assert says in result.stderr and "Traceback" not in result.stderr
    assert senders(seeded)[1] == ALL


def test_valid_periods_still_purge(seeded):
    assert "Purged 4 conversations" in purge(seeded, "--older-than", "48h").stdout
    assert purge(seeded, "--older-than", "1W").returncode == 0


def test_purge_without_a_database_creates_none(tmp_path):
    path = tmp_path / "none.db"
    result = purge(f"sqlite:///{path}")
    assert result.returncode == 0 and not path.exists()


def test_parse_period():
    assert parse_period("180d") == parse_period("180") == timedelta(days=180)
    assert parse_period("26w") == timedelta(weeks=26)
    assert parse_period("12h") == timedelta(hours=12)
    assert parse_period(" 2 W ") == timedelta(weeks=2)
    assert parse_period("36500d") == timedelta(days=36500)
    for bad in ("-5d", "0h", "0", "5y", "36501d"):
        with pytest.raises(ValueError):
            parse_period(bad)
