"""Shared fixtures: a real SQLite store per test session, the real domain."""

from __future__ import annotations

import os
import socket
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent

# Where `make run` listens (scripts/run.sh): a test on one of these would fail,
# or worse talk to the developer's running bot, while a `make run` is up.
DEFAULT_PORTS = frozenset({5005, 5055, 5080, 8080})


@pytest.fixture(scope="session", autouse=True)
def no_default_ports() -> Iterator[None]:
    """Refuses a bind to a default port anywhere in the test process; servers
    that tests start in subprocesses get free ports from tests/e2e/servers.py."""
    original = socket.socket.bind

    def bind(self: socket.socket, address: Any) -> None:
        if isinstance(address, tuple) and len(address) >= 2:
            if address[1] in DEFAULT_PORTS:
                raise OSError(f"tests may not bind default port {address[1]}")
        original(self, address)

    socket.socket.bind = bind  # type: ignore[method-assign]  # undone below
    try:
        yield
    finally:
        socket.socket.bind = original  # type: ignore[method-assign]


@pytest.fixture(scope="session", autouse=True)
def database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Every test writes to its own SQLite file, never to var/."""
    url = f"sqlite:///{tmp_path_factory.mktemp('store') / 'test.db'}"
    os.environ["DATABASE_URL"] = url
    from bot.store.migrate import upgrade

    upgrade(url)
    return url


@pytest.fixture(scope="session")
def domain() -> Dict[str, Any]:
    """The domain as Rasa sends it to the action server."""
    from rasa.shared.core.domain import Domain

    return Domain.load(str(ROOT / "domain.yml")).as_dict()


def user_message(
    text: str, intent: Optional[str] = None, confidence: float = 0.95, **ranking: float
) -> Dict[str, Any]:
    """A parsed user message as Rasa puts it on the tracker."""
    ranked = [{"name": intent, "confidence": confidence}] if intent else []
    ranked += [{"name": name, "confidence": c} for name, c in ranking.items()]
    return {
        "text": text,
        "intent": ranked[0] if ranked else {},
        "intent_ranking": ranked,
        "entities": [],
    }


# What the action server must see before it stores a request or erases a
# conversation (actions/stored_request.py, actions/privacy.py).
FOLLOWUP_SUBMITTED: Dict[str, Any] = {
    "earlier": [{"event": "active_loop", "name": "followup_form"}],
    "this_turn": [{"event": "action", "name": "followup_form"},
                  {"event": "active_loop", "name": None}],
}  # fmt: skip
ERASURE_ASKED: Dict[str, Any] = {
    "earlier": [{"event": "action", "name": "action_ask_erasure_confirmation"}],
    "message": user_message("ja", "affirm"),
}


def make_tracker(
    slots: Optional[Dict[str, Any]] = None,
    message: Optional[Dict[str, Any]] = None,
    events: Optional[List[Dict[str, Any]]] = None,
    active_loop: Optional[str] = None,
    channel: str = "rest",
    sender_id: str = "test-sender",
    earlier: Optional[List[Dict[str, Any]]] = None,
    this_turn: Optional[List[Dict[str, Any]]] = None,
):
    """A rasa_sdk Tracker as the action server receives it; `earlier` events
    go before the user message, `this_turn` after it."""
    from rasa_sdk import Tracker

    message = message or user_message("")
    all_slots = {"handoff_requested": False, **(slots or {})}
    if events is None:
        events = [{"event": "slot", "name": k, "value": v} for k, v in all_slots.items()]
        events += earlier or []
        events.append(
            {"event": "user", "text": message["text"], "parse_data": message,
             "input_channel": channel}
        )
        events += this_turn or []
    return Tracker(
        sender_id=sender_id,
        slots=all_slots,
        latest_message=message,
        events=events,
        paused=False,
        followup_action=None,
        active_loop={"name": active_loop} if active_loop else {},
        latest_action_name="action_listen",
    )


def form_slots(form: str) -> List[str]:
    """A form's `required_slots` in domain.yml: what rasa_sdk hands required_slots."""
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    return list(domain["forms"][form]["required_slots"])
