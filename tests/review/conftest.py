"""A fresh store per test, accounts, requests and transcripts to review."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List

import pytest

from bot import retrain
from bot.review.accounts import add_user
from bot.review.sample import intake_events, user_event
from bot.settings import Settings
from bot.store.migrate import upgrade
from bot.store.models import User
from bot.store.session import UnitOfWork, session_factory
from tests.review.small_rasa import fresh_copy, trained_and_served

PASSWORD = "correct-horse-battery"
XSS = "<script>alert(1)</script>"
OPTIONS = [{"id": "bbl_leerbaan", "title": "Bbl-leerbaan"},
           {"id": "stageplek", "title": "Stageplek"},
           {"id": "instroom_loket", "title": "Instroomloket"}]  # fmt: skip


@pytest.fixture
def store(tmp_path: Path) -> str:
    database_url = f"sqlite:///{tmp_path / 'review.db'}"
    upgrade(database_url)
    return database_url


@pytest.fixture
def uow_of(store: str) -> Callable[[], UnitOfWork]:
    return lambda: UnitOfWork(session_factory(store))


def make_user(database_url: str, name: str, role: str = "coordinator") -> User:
    with UnitOfWork(session_factory(database_url)) as uow:
        user = add_user(uow, name, PASSWORD, role)
        uow.commit()
    return user


def add_request(database_url: str, conversation_id: str, **fields: Any) -> int:
    defaults: Dict[str, Any] = {
        "channel": "web", "need_category": "talent", "company": "Bakkerij Ëlsloo",
        "original_question": "ik vind geen monteurs", "options": OPTIONS,
        "refined_question": "Hoe vinden we twee monteurs via een bbl-leerbaan?",
    }  # fmt: skip
    with UnitOfWork(session_factory(database_url)) as uow:
        request = uow.requests.upsert(conversation_id, **{**defaults, **fields})
        uow.commit()
        return request.id


def add_transcript(
    database_url: str, conversation_id: str, extra_user: str = ""
) -> None:
    """An intake transcript (one fallback turn), plus one more user message."""
    row = {"need_category": "talent", "chosen_option": "bbl_leerbaan",
           "refined_question": "Hoe vinden we twee monteurs?",
           "consent_at": datetime(2026, 11, 2, tzinfo=timezone.utc)}  # fmt: skip
    events: List[Dict[str, Any]] = intake_events(row, 1_790_000_000.0)
    if extra_user:
        events.append(user_event(extra_user, "inform", 0.9, 1_790_000_100.0))
    with UnitOfWork(session_factory(database_url)) as uow:
        uow.transcripts.add_events(conversation_id, events)
        uow.commit()


def settings_for(database_url: str) -> Settings:
    return Settings(database_url=database_url, review_secret_key="test-secret-key")


def csrf_token(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)  # type: ignore


@pytest.fixture
def client(store: str):
    """A Flask test client, not logged in."""
    from bot.review.app import create_app

    app = create_app(settings_for(store))
    return app.test_client()


def log_in(client: Any, name: str, password: str = PASSWORD) -> Any:
    token = csrf_token(client.get("/inloggen").get_data(as_text=True))
    return client.post(
        "/inloggen",
        data={"csrf_token": token, "gebruiker": name, "wachtwoord": password},
    )


@pytest.fixture(scope="session")
def small_rasa(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple]:
    """The small project (tests/review/small_rasa.py) trained once, and one Rasa
    serving it with the API on: (the trained project's root, Rasa's URL)."""
    root = tmp_path_factory.mktemp("small-project")
    with trained_and_served(root) as rasa_url:
        yield root, rasa_url


@pytest.fixture(scope="module")
def served(
    small_rasa: tuple, tmp_path_factory: pytest.TempPathFactory
) -> retrain.Project:
    """This module's own copy of the small project, its first model the one
    the Rasa serves: the model update (bot/retrain.py) works on it."""
    trained, rasa_url = small_rasa
    return fresh_copy(trained, tmp_path_factory.mktemp("project"), rasa_url)
