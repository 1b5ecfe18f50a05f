"""What went wrong during one turn, so the channel can tell the user.

Rasa's processor swallows a failing custom action (it logs the exception and
carries on without the action's events) and its fail-safe tracker store
swallows a failing database (it logs and uses memory). Either way the user
would hear nothing, or an answer built on an empty conversation. The channel
opens `collecting()` around a turn; the tracker store and
`watch_rasa_actions()` `report()` into it; the channel then answers with a
short Dutch message instead (bot/channels/rest.py).

The faults live in a context variable: each request handler runs in its own
asyncio task, so concurrent turns of different conversations do not mix.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from typing import Iterator, Optional, Set

from bot import rasa_internals

DATABASE = "database"
ACTIONS = "actions"
TIMEOUT = "timeout"
CRASH = "crash"

_turn: ContextVar[Optional[Set[str]]] = ContextVar("turn_faults", default=None)


@contextmanager
def collecting() -> Iterator[Set[str]]:
    """The faults reported while the block runs (in this task and its children)."""
    seen: Set[str] = set()
    token = _turn.set(seen)
    try:
        yield seen
    finally:
        _turn.reset(token)


def seen() -> Set[str]:
    """The faults of the current turn so far (empty outside a turn)."""
    return set(_turn.get() or ())


def report(kind: str) -> None:
    seen = _turn.get()
    if seen is not None:
        seen.add(kind)


@contextmanager
def reported(kind: str) -> Iterator[None]:
    """Reports `kind` when the block raises, and lets the exception go on."""
    try:
        yield
    except Exception:
        report(kind)
        raise


def report_failed_action() -> None:
    report(ACTIONS)


def watch_rasa_actions() -> None:
    """Reports ACTIONS when Rasa swallows a failed custom action (it only logs
    it: bot/rasa_internals.py)."""
    rasa_internals.watch_action_failures(report_failed_action)
