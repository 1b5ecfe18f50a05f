"""The store on a real database: migrations, repository, unit of work, transcripts.

Runs on a SQLite file; set VRAAGWIJZER_TEST_POSTGRES_URL to a scratch PostgreSQL
database (its tables are dropped!) to run the same tests there too.
"""

from __future__ import annotations

import asyncio
import os
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import sqlalchemy as sa

from bot.store.migrate import current_revision, head_revision, upgrade
from bot.store.session import UnitOfWork, make_engine, session_factory

POSTGRES_URL = os.environ.get("VRAAGWIJZER_TEST_POSTGRES_URL")
OPTIONS = [{"id": "stage", "title": "Stageplek"},
           {"id": "bbl", "title": "Bbl-leerbaan"},
           {"id": "challenge", "title": "Studentenchallenge"}]  # fmt: skip


def read_transcript(database_url: str, conversation_id: str):
    with UnitOfWork(session_factory(database_url)) as uow:
        return uow.transcripts.transcript(conversation_id)


def empty_postgres(database_url: str) -> str:
    with make_engine(database_url).begin() as connection:
        for table in ("events", "message_corrections", "request_tags", "mail_outbox",
                      "request_activities", "refined_requests", "users",
                      "alembic_version"):  # fmt: skip
            connection.exec_driver_sql(f"DROP TABLE IF EXISTS {table}")
    return database_url


@pytest.fixture(params=["sqlite", *(["postgresql"] if POSTGRES_URL else [])])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "postgresql":
        database_url = empty_postgres(POSTGRES_URL)
    else:
        database_url = f"sqlite:///{tmp_path / 'store.db'}"
    upgrade(database_url)
    return database_url


def tables(database_url: str) -> set:
    return set(sa.inspect(make_engine(database_url)).get_table_names())


def test_upgrade_creates_the_table_on_a_fresh_file(tmp_path):
    path = tmp_path / "nested" / "fresh.db"
    database_url = f"sqlite:///{path}"
    assert not path.parent.exists()
    upgrade(database_url)
    assert tables(database_url) == {
        "refined_requests", "alembic_version", "users", "request_activities",
        "request_tags", "message_corrections", "mail_outbox", "audit_log",
        "sqlite_sequence",  # SQLite's own, for AUTOINCREMENT
    }  # fmt: skip
    assert current_revision(database_url) == head_revision() == "0008"


def test_upgrade_runs_again_without_touching_the_data(url):
    with UnitOfWork(session_factory(url)) as uow:
        uow.requests.upsert("kept", channel="web")
        uow.commit()

    upgrade(url)

    assert current_revision(url) == head_revision()
    with UnitOfWork(session_factory(url)) as uow:
        assert uow.requests.get_by_conversation("kept") is not None


def test_migration_matches_the_model(url):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from bot.store.models import Base

    with make_engine(url).connect() as connection:
        # SQLite keeps AUTOINCREMENT's high-water marks in its own table.
        ours = {"include_name": lambda name, *_: name != "sqlite_sequence"}
        context = MigrationContext.configure(connection, opts=ours)
        differences = compare_metadata(context, Base.metadata)
    assert differences == []
    indexes = sa.inspect(make_engine(url)).get_indexes("refined_requests")
    [unique] = [index for index in indexes if index["unique"]]
    assert unique["column_names"] == ["conversation_id"]


def test_an_erased_request_id_is_never_given_to_a_new_request(url):
    from bot.store.erasure import erase_conversation

    factory = session_factory(url)
    with UnitOfWork(factory) as uow:
        uow.requests.upsert("first", channel="web")
        erased_id = uow.requests.upsert("bakkerij", company="Bakkerij Ëlsloo").id
        uow.commit()
    with UnitOfWork(factory) as uow:
        erase_conversation(uow, "bakkerij")
        uow.commit()
    with UnitOfWork(factory) as uow:
        new_id = uow.requests.upsert("garage", company="Garage Jansen").id
        uow.commit()
    assert new_id > erased_id
    with UnitOfWork(factory) as uow:
        assert uow.requests.get(erased_id) is None


def test_the_autoincrement_migration_keeps_existing_rows_and_children(tmp_path):
    from bot.store.erasure import erase_conversation

    database_url = f"sqlite:///{tmp_path / 'old.db'}"
    upgrade(database_url, "0002")
    with make_engine(database_url).begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO users (username, password_hash, role, active, created_at)"
            " VALUES ('anna', 'x', 'admin', 1, '2026-11-01 10:00:00')"
        )
        for conversation_id in ("a", "b"):
            connection.exec_driver_sql(
                "INSERT INTO refined_requests (conversation_id, channel, created_at,"
                " updated_at, options, answers, assigned_to_id) VALUES"
                f" ('{conversation_id}', 'web', '2026-11-01 10:00:00',"
                " '2026-11-01 10:00:00', '[]', '{}', 1)"
            )
        connection.exec_driver_sql("INSERT INTO request_tags VALUES (2, 'bouw')")
        connection.exec_driver_sql(
            "INSERT INTO request_activities (request_id, at, user_id, kind)"
            " VALUES (2, '2026-11-01 10:00:00', 1, 'note')"
        )

    upgrade(database_url)

    with UnitOfWork(session_factory(database_url)) as uow:
        kept = uow.requests.get_by_conversation("b")
        assert kept.id == 2 and kept.assignee.username == "anna"
        assert [tag.tag for tag in kept.tags] == ["bouw"]
        assert [a.kind for a in uow.requests.history(2)] == ["note"]
        erase_conversation(uow, "b")
        uow.commit()
    with UnitOfWork(session_factory(database_url)) as uow:
        assert uow.requests.upsert("c", channel="web").id == 3
        uow.commit()


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(tmp_path):
    with make_engine(f"sqlite:///{tmp_path / 'wal.db'}").connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 15000


def test_sqlite_connections_are_pooled_until_the_file_changes(tmp_path):
    path = tmp_path / "pooled.db"
    engine = make_engine(f"sqlite:///{path}")
    opened = []
    sa.event.listen(engine, "connect", lambda *_: opened.append(1))

    def query() -> None:
        with engine.connect() as connection:
            connection.exec_driver_sql("SELECT 1")

    query()
    query()
    assert len(opened) == 1  # the second query reused the open connection

    path.rename(tmp_path / "away.db")
    path.mkdir()  # what tests/e2e/test_faults.py does to the store
    with pytest.raises(sa.exc.OperationalError, match="unable to open"):
        query()
    path.rmdir()
    (tmp_path / "away.db").rename(path)
    query()
    query()
    assert len(opened) == 2  # one new connection, to the file that is back


def test_upsert_creates_then_updates_one_row(url):
    factory = session_factory(url)
    with UnitOfWork(factory) as uow:
        created = uow.requests.upsert(
            "sender-1", channel="telegram", need_category="talent",
            original_question="ik vind geen monteurs", options=OPTIONS, size=8,
        )  # fmt: skip
        uow.commit()
    with UnitOfWork(factory) as uow:
        uow.requests.upsert("sender-1", refined_question="Hoe vind ik 3 monteurs?",
                            chosen_option="bbl")  # fmt: skip
        uow.commit()

    with UnitOfWork(factory) as uow:
        [request] = uow.requests.list_all()
        assert request.conversation_id == "sender-1"
        assert request.channel == "telegram"
        assert request.original_question == "ik vind geen monteurs"
        assert request.refined_question == "Hoe vind ik 3 monteurs?"
        assert request.options == OPTIONS and request.chosen_option == "bbl"
        assert request.size == "8"
        assert request.status == "nieuw" and request.handoff_requested is False
        assert request.answers == {} and request.consent_at is None
        assert request.created_at == created.created_at
        assert request.created_at.tzinfo is not None
        assert request.created_at.utcoffset() == timedelta(0)
        assert request.updated_at > request.created_at


def test_consent_time_from_slot_text_is_stored_as_utc(url):
    factory = session_factory(url)
    with UnitOfWork(factory) as uow:
        uow.requests.upsert("sender-2", channel="web",
                            consent_at="2026-11-25T10:00:00+01:00")  # fmt: skip
        uow.commit()
    with UnitOfWork(factory) as uow:
        consent_at = uow.requests.get_by_conversation("sender-2").consent_at
    assert consent_at == datetime(2026, 11, 25, 9, 0, tzinfo=timezone.utc)
    assert consent_at.utcoffset() == timedelta(0)


def test_unknown_fields_are_refused(url):
    with UnitOfWork(session_factory(url)) as uow:
        with pytest.raises(TypeError, match="email"):
            uow.requests.upsert("sender-3", channel="web", email="piet@jansen.nl")


def test_unit_of_work_rolls_back_unless_committed(url):
    factory = session_factory(url)
    with UnitOfWork(factory) as uow:
        uow.requests.upsert("uncommitted", channel="web")
        assert uow.requests.get_by_conversation("uncommitted") is not None
    with pytest.raises(RuntimeError):
        with UnitOfWork(factory) as uow:
            uow.requests.upsert("failed", channel="web")
            raise RuntimeError("action failed halfway")

    with UnitOfWork(factory) as uow:
        assert uow.requests.get_by_conversation("uncommitted") is None
        assert uow.requests.get_by_conversation("failed") is None


def test_delete_by_conversation(url):
    factory = session_factory(url)
    with UnitOfWork(factory) as uow:
        uow.requests.upsert("erase-me", channel="web")
        uow.requests.upsert("keep-me", channel="web")
        uow.commit()
    with UnitOfWork(factory) as uow:
        assert uow.requests.delete_by_conversation("erase-me") == 1
        assert uow.requests.delete_by_conversation("never-stored") == 0
        uow.commit()
    with UnitOfWork(factory) as uow:
        assert [r.conversation_id for r in uow.requests.list_all()] == ["keep-me"]


def test_list_all_is_newest_first(url):
    factory = session_factory(url)
    with UnitOfWork(factory) as uow:
        for conversation in ("first", "second", "third"):
            uow.requests.upsert(conversation, channel="web")
        uow.commit()
    with UnitOfWork(factory) as uow:
        names = [r.conversation_id for r in uow.requests.list_all()]
    assert names == ["third", "second", "first"]


def test_counts_by_category_and_status(url):
    factory = session_factory(url)
    seeded = [("a", "talent", "nieuw"), ("b", "talent", "nieuw"),
              ("c", "talent", "opgevolgd"), ("d", "innovatie", "nieuw"),
              ("e", None, "nieuw")]  # fmt: skip
    with UnitOfWork(factory) as uow:
        for conversation, category, status in seeded:
            uow.requests.upsert(conversation, channel="web", need_category=category,
                                status=status)  # fmt: skip
        uow.commit()
    with UnitOfWork(factory) as uow:
        counts = uow.requests.counts_by_category_and_status()
    assert counts == [("innovatie", "nieuw", 1), ("talent", "nieuw", 2),
                      ("talent", "opgevolgd", 1), (None, "nieuw", 1)]  # fmt: skip


def test_tracker_store_keeps_transcripts_in_the_store_database(url, monkeypatch):
    from rasa.core.tracker_store import create_tracker_store
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import BotUttered, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker
    from rasa.utils.endpoints import EndpointConfig

    from bot.store.tracker_store import DatabaseUrlTrackerStore

    monkeypatch.setenv("DATABASE_URL", url)
    # As Rasa loads it from endpoints.yml, so a silent in-memory fallback fails here.
    endpoint = EndpointConfig(type="bot.store.tracker_store.DatabaseUrlTrackerStore")
    store = create_tracker_store(endpoint, Domain.empty())
    assert isinstance(store, DatabaseUrlTrackerStore)
    assert store.engine.url.database == make_engine(url).url.database
    if store.engine.dialect.name == "sqlite":  # it shares the file with the actions
        with store.engine.connect() as connection:
            timeout = connection.exec_driver_sql("PRAGMA busy_timeout").scalar()
        assert timeout == 15000

    intent = {"name": "need_talent", "confidence": 0.93}
    tracker = DialogueStateTracker.from_events("web-42", [
        UserUttered("ik vind geen monteurs", intent=intent, timestamp=1000.0),
        BotUttered("Als ik het goed begrijp, zoek je monteurs. Klopt dat?",
                   timestamp=1001.0),
    ])  # fmt: skip
    asyncio.run(store.save(tracker))

    again = DatabaseUrlTrackerStore(Domain.empty())
    retrieved = asyncio.run(again.retrieve("web-42"))
    assert [(type(e).__name__, e.text) for e in retrieved.events] == [
        ("UserUttered", "ik vind geen monteurs"),
        ("BotUttered", "Als ik het goed begrijp, zoek je monteurs. Klopt dat?"),
    ]
    assert "events" in tables(url)

    transcript = read_transcript(url, "web-42")
    assert [(turn["event"], turn["text"]) for turn in transcript] == [
        ("user", "ik vind geen monteurs"),
        ("bot", "Als ik het goed begrijp, zoek je monteurs. Klopt dat?"),
    ]
    assert transcript[0]["intent"] == "need_talent"
    assert transcript[0]["timestamp"] == 1000.0
    assert read_transcript(url, "someone-else") == []


def test_transcript_is_empty_before_rasa_created_its_table(url):
    assert read_transcript(url, "web-42") == []


def test_tracker_store_syncs_sqlite_at_checkpoints_only(tmp_path):
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    from bot.store.tracker_store import DatabaseUrlTrackerStore

    database_url = f"sqlite:///{tmp_path / 'normal.db'}"
    upgrade(database_url)
    store = DatabaseUrlTrackerStore(Domain.empty(), database_url=database_url)
    for turn in range(3):
        tracker = asyncio.run(store.retrieve("normal")) or DialogueStateTracker(
            "normal", []
        )
        tracker.update(UserUttered(f"bericht {turn}", timestamp=1000.0 + turn))
        asyncio.run(store.save(tracker))
    tracker = asyncio.run(store.retrieve("normal"))
    assert [e.text for e in tracker.events] == ["bericht 0", "bericht 1", "bericht 2"]
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 15000
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL


def test_transcripts_read_empty_and_erase_nothing_before_rasa_created_its_table(url):
    with UnitOfWork(session_factory(url)) as uow:
        transcripts = uow.transcripts
        assert not transcripts.exists()
        assert transcripts.user_turn("web-42", 1) is None
        assert transcripts.conversations_started() == set()
        assert transcripts.conversations_with_slot(["need_category"]) == {
            "need_category": set()
        }
        assert transcripts.fallback_share() == (0, 0)
        assert transcripts.last_event_times() == {}
        assert transcripts.erase_conversation("web-42") == 0
