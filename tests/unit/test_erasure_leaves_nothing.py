"""Erasure leaves nothing (issue 23, findings 8 and 10): no copy in the SQLite
file, its WAL or Redis, no sender id in the logs, no password in an error, and
store files readable by their owner only."""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
import subprocess
import time
import traceback
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import sessionmaker

from bot.log_ids import log_id
from bot.private_files import generated_secret, touch_private, write_private
from bot.store.erasure import erase_conversation
from bot.store.migrate import upgrade
from bot.store.session import UnitOfWork, make_engine, session_factory
from tests.conftest import ROOT

MARKER = "Zwaluwstaartverbinding"  # a word no other row holds


@pytest.fixture(scope="module")
def rasa_domain():
    from rasa.shared.core.domain import Domain

    return Domain.load(str(ROOT / "domain.yml"))


def tracker_with(sender, domain, text):
    from rasa.shared.core.events import ActionExecuted, SessionStarted, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    events = [
        ActionExecuted("action_session_start"), SessionStarted(),
        ActionExecuted("action_listen"),
        UserUttered(text, {"name": "inform", "confidence": 0.9},
                    parse_data={"text": text, "intent": {"name": "inform"},
                                "entities": []}),
    ]  # fmt: skip
    return DialogueStateTracker.from_events(sender, events, domain.slots)


def secure_delete_off(dbapi_connection, _record):
    dbapi_connection.execute("PRAGMA secure_delete=OFF")


def file_bytes(database: Path) -> bytes:
    """The database file with its -wal and -shm, as anyone with the disk reads them."""
    return b"".join(
        path.read_bytes()
        for path in (database, Path(f"{database}-wal"), Path(f"{database}-shm"))
        if path.exists()
    )


def test_an_erased_conversation_is_in_no_byte_of_the_file_or_its_wal(
    tmp_path, rasa_domain
):
    from bot.store.tracker_store import DatabaseUrlTrackerStore

    database = tmp_path / "store.db"
    url = f"sqlite:///{database}"
    upgrade(url)
    store = DatabaseUrlTrackerStore(rasa_domain, database_url=url)
    text = f"wij maken een {MARKER} in eikenhout"
    asyncio.run(store.save(tracker_with("web:gone", rasa_domain, text)))
    asyncio.run(store.save(tracker_with("web:kept", rasa_domain, "we zoeken monteurs")))
    with UnitOfWork(session_factory(url)) as uow:
        uow.requests.upsert("web:gone", original_question=text)
        uow.commit()
    with make_engine(url).connect() as connection:  # into the main file, as SQLite does
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    assert MARKER.encode() in file_bytes(database)

    # Debian's SQLite is built with secure_delete on; python.org's and most
    # others are not: start each connection as they do, before the store's own
    # settings run.
    engine = make_engine(url)
    sa.event.listen(engine, "connect", secure_delete_off, insert=True)
    with UnitOfWork(sessionmaker(bind=engine, future=True)) as uow:
        erase_conversation(uow, "web:gone")
        uow.commit()

    assert MARKER.encode() not in file_bytes(database)
    assert b"monteurs" in file_bytes(database)  # the other conversation stays


def test_logs_name_an_erased_conversation_by_a_hash(tmp_path, rasa_domain, caplog):
    from rasa.shared.core.events import ActionExecuted, Restarted

    from bot.store.tracker_store import DatabaseUrlTrackerStore

    url = f"sqlite:///{tmp_path / 'store.db'}"
    upgrade(url)
    store = DatabaseUrlTrackerStore(rasa_domain, database_url=url)
    sender = "telegram:4242424242"
    tracker = tracker_with(sender, rasa_domain, "verwijder mijn gegevens")
    tracker.update(ActionExecuted("action_erase_conversation"))
    tracker.update(Restarted())
    with caplog.at_level(logging.INFO):
        asyncio.run(store.save(tracker))
    logged = caplog.text
    assert "erased conversation" in logged
    assert "4242424242" not in logged
    assert log_id(sender) in logged


def test_a_log_id_is_a_keyed_hash_that_hides_the_sender():
    assert log_id("telegram:4242424242") == log_id("telegram:4242424242")
    assert log_id("telegram:4242424242") != log_id("telegram:4242424243")
    assert "4242" not in log_id("telegram:4242424242")
    result = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "python"), "-m", "bot", "log-id",
         "telegram:4242424242"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert result.stdout.strip() == log_id("telegram:4242424242")


@pytest.fixture
def open_umask():
    previous = os.umask(0o022)  # the usual one: files readable by everyone
    yield
    os.umask(previous)


def test_the_database_and_its_wal_are_readable_by_the_owner_only(tmp_path, open_umask):
    database = tmp_path / "var" / "store.db"
    url = f"sqlite:///{database}"
    upgrade(url)
    with UnitOfWork(session_factory(url)) as uow:
        uow.requests.upsert("web:x", original_question="we zoeken monteurs")
        uow.commit()
        for path in (database, Path(f"{database}-wal"), Path(f"{database}-shm")):
            assert path.exists() and path.stat().st_mode & 0o777 == 0o600, path


def test_private_files_are_0600_from_the_start(tmp_path, open_umask, monkeypatch):
    # Never made readable and restricted afterwards: no chmod at all.
    monkeypatch.setattr(Path, "chmod", lambda *_: pytest.fail("chmod after writing"))
    write_private(tmp_path / "password", "geheim")
    touch_private(tmp_path / "empty")
    secret = generated_secret(tmp_path / "key")
    for name in ("password", "empty", "key"):
        assert (tmp_path / name).stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "password").read_text() == "geheim"
    assert generated_secret(tmp_path / "key") == secret and len(secret) == 64
    existing = tmp_path / "existing"
    existing.write_text("old")
    os.chmod(existing, 0o644)
    write_private(existing, "new")
    assert existing.stat().st_mode & 0o777 == 0o600 and existing.read_text() == "new"


def test_the_cluster_writes_its_password_files_private(tmp_path, open_umask):
    from bot.cluster import services

    services.write_password_file(tmp_path / "postgres.password", "geheim")
    assert (tmp_path / "postgres.password").stat().st_mode & 0o777 == 0o600


def test_a_database_password_is_in_no_error_message(rasa_domain):
    from bot.store.tracker_store import (
        DatabaseUrlTrackerStore,
        TrackerStoreUnavailable,
    )

    url = "postgresql+nosuchdriver://vraagwijzer:Geheim-wachtwoord-42@localhost/db"
    with pytest.raises(TrackerStoreUnavailable) as raised:
        DatabaseUrlTrackerStore(rasa_domain, database_url=url)
    shown = "".join(traceback.format_exception(raised.value))
    assert "Geheim-wachtwoord-42" not in shown
    assert "vraagwijzer:***@localhost" in str(raised.value)


def test_the_cli_shows_no_database_password():
    url = "postgresql+psycopg2://vraagwijzer:Geheim-wachtwoord-42@127.0.0.1:1/db"
    result = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "python"), "-m", "bot", "stats"],
        cwd=ROOT, capture_output=True, text=True,
        env={"DATABASE_URL": url, "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    assert result.returncode != 0
    assert "Geheim-wachtwoord-42" not in result.stdout + result.stderr


# --- Redis lock keys ----------------------------------------------------------------


@pytest.fixture
def redis_url(tmp_path):
    if shutil.which("redis-server") is None:
        pytest.skip("redis-server not installed: scripts/install_services.sh")
    from tests.e2e.servers import free_port

    port = free_port()
    process = subprocess.Popen(
        ["redis-server", "--bind", "127.0.0.1", "--port", str(port), "--save", "",
         "--appendonly", "no", "--dir", str(tmp_path)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        import redis

        client = redis.Redis(port=port)
        for _ in range(100):
            try:
                client.ping()
                break
            except redis.ConnectionError:
                time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/1"
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_lock_keys_expire_even_when_their_holder_died(redis_url, monkeypatch):
    from bot.store.lock_store import KEY_TTL_S, SettingsLockStore

    monkeypatch.setenv("LOCK_STORE_URL", redis_url)
    store = SettingsLockStore()
    key = store.key_prefix + "telegram:77"

    async def hold() -> int:
        async with store.lock("telegram:77"):
            return store.red.ttl(key)

    assert 0 < asyncio.run(hold()) <= KEY_TTL_S
    assert not store.red.exists(key)
    store.issue_ticket("telegram:77")  # an instance that dies holding a ticket
    assert 0 < store.red.ttl(key) <= KEY_TTL_S


def test_make_run_shows_the_store_without_its_password():
    """scripts/run.sh says which store it uses: never with the password."""
    lines = [
        line
        for line in (ROOT / "scripts" / "run.sh").read_text().splitlines()
        if line.startswith(("store_url=", 'echo "Store:'))
    ]
    assert lines
    url = "postgresql+psycopg2://vraagwijzer:Geheim-wachtwoord-42@db:5432/vw"
    result = subprocess.run(
        ["bash", "-c", "\n".join(lines)], capture_output=True, text=True, check=True,
        env={"DATABASE_URL": url, "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert "Geheim-wachtwoord-42" not in result.stdout
    assert result.stdout.strip() == "Store: postgresql+psycopg2://vraagwijzer:***@db:5432/vw"
