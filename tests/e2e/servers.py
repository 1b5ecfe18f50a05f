"""Starts the real action server and Rasa server on free ports for a test."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
import threading
from contextlib import ExitStack, contextmanager
from http.server import (
    BaseHTTPRequestHandler,
    SimpleHTTPRequestHandler,
    ThreadingHTTPServer,
)
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple

from bot.channels.widget_session import WidgetSessions
from bot.cluster.services import free_port, wait_for_http

ROOT = Path(__file__).resolve().parents[2]
# Rasa sends it to the action server, which refuses calls without it.
ACTION_SERVER_TOKEN = secrets.token_urlsafe(24)
# Signs the widget's session tokens; a test names a widget conversation with it.
WIDGET_SESSION_KEY = secrets.token_hex(32)
BIN = Path(sys.executable).parent
START_TIMEOUT_S = 180
NO_RATE_LIMITS = {
    "RATE_SESSION_PER_MINUTE": "0",
    "RATE_ADDRESS_PER_MINUTE": "0",
    "RATE_NEW_SESSIONS_PER_HOUR": "0",
}


def web_conversation(token: str) -> str:
    """The stored conversation id (Rasa sender) of a widget session token."""
    return WidgetSessions(WIDGET_SESSION_KEY.encode(), idle_s=3600).conversation_id(token)


def wait_until_up(url: str, process: subprocess.Popen, log: Path) -> None:
    outcome = wait_for_http(url, lambda: process.poll() is None, START_TIMEOUT_S)
    if outcome == "exited":
        raise RuntimeError(f"{url} exited early:\n{log.read_text()[-3000:]}")
    if outcome == "timeout":
        raise TimeoutError(f"{url} not up in {START_TIMEOUT_S}s:\n{log.read_text()[-3000:]}")


def write_endpoints(workdir: Path, actions_port: int) -> Path:
    endpoints = workdir / "endpoints.yml"
    endpoints.write_text(
        f'action_endpoint:\n  url: "http://127.0.0.1:{actions_port}/webhook"\n'
        '  headers:\n    Authorization: Bearer ${ACTION_SERVER_TOKEN}\n'
        "tracker_store:\n  type: bot.store.tracker_store.DatabaseUrlTrackerStore\n"
        "lock_store:\n  type: bot.store.lock_store.SettingsLockStore\n"
    )
    return endpoints


def upgraded_database(workdir: Path) -> str:
    """A fresh SQLite store in `workdir`, migrated as `make run` does."""
    database_url = f"sqlite:///{workdir / 'store.db'}"
    subprocess.run([str(BIN / "python"), "-m", "bot", "db", "upgrade"], check=True,
                   cwd=ROOT, env=server_env(database_url))  # fmt: skip
    return database_url


def server_env(database_url: str, **overrides: str) -> Dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "PYTHONPATH": str(ROOT),
        "TF_CPP_MIN_LOG_LEVEL": "3",
        # A loaded test machine must not turn a slow turn into a fault message;
        # tests/e2e/test_faults.py runs with the real limit.
        "TURN_TIMEOUT_S": "60",
        "ACTION_SERVER_TOKEN": ACTION_SERVER_TOKEN,
        "WIDGET_SESSION_KEY": WIDGET_SESSION_KEY,
        "RASA_TELEMETRY_ENABLED": "false",
        # "voor januari" is haste in December only: every run reads relative
        # times as on one day (bot/intake/deadlines.py)
        "VRAAGWIJZER_TODAY": "2026-12-01",
        # Every test talks from 127.0.0.1, many conversations at once: the rate
        # limits are off unless a test sets them (tests/e2e/test_hostile.py).
        **NO_RATE_LIMITS,
        **overrides,
    }


@contextmanager
def action_server(workdir: Path, database_url: str) -> Iterator[int]:
    with action_server_process(workdir, database_url) as (port, _):
        yield port


@contextmanager
def action_server_process(
    workdir: Path, database_url: str, port: Optional[int] = None
) -> Iterator[Tuple[int, subprocess.Popen]]:
    """The action server and its process, e.g. to pause it; `port` to restart it."""
    port = port or free_port()
    log = workdir / "actions.log"
    command = [str(BIN / "python"), "-m", "bot.action_server", "--actions", "actions",
               "--port", str(port)]  # fmt: skip
    # Only Rasa calls it, as with `make run` (scripts/run.sh).
    env = server_env(database_url, SANIC_HOST="127.0.0.1")
    with _process(command, log, env) as process:
        wait_until_up(f"http://127.0.0.1:{port}/health", process, log)
        yield port, process


@contextmanager
def rasa_server(
    workdir: Path,
    database_url: str,
    actions_port: int,
    extra_env: Optional[Dict[str, str]] = None,
    api: bool = True,
) -> Iterator[str]:
    """Rasa on a free port; `api=False` serves only the channels, as `make run`
    does without RASA_AUTH_TOKEN."""
    port = free_port()
    log = workdir / "rasa.log"
    command = [
        str(BIN / "rasa"), "run", "--model", str(ROOT / "models"),
        "--port", str(port), "--credentials", str(ROOT / "credentials.yml"),
        "--endpoints", str(write_endpoints(workdir, actions_port)),
    ]  # fmt: skip
    if api:
        command += ["--enable-api", "--auth-token", "test-token"]
    env = server_env(database_url, **(extra_env or {}))
    with _process(command, log, env) as process:
        base = f"http://127.0.0.1:{port}"
        health = f"{base}/status?token=test-token" if api else f"{base}/"
        wait_until_up(health, process, log)
        yield base


@contextmanager
def bot_servers(
    workdir: Path, extra_env: Optional[Dict[str, str]] = None
) -> Iterator[Tuple[str, str]]:
    """A fresh store, the action server and Rasa: yields (Rasa URL, DATABASE_URL)."""
    database_url = upgraded_database(workdir)
    with action_server(workdir, database_url) as actions_port:
        with rasa_server(workdir, database_url, actions_port, extra_env) as base:
            yield base, database_url


class Bot:
    """The action server and Rasa on one store, each stoppable and startable
    again (tests/e2e/test_faults.py, test_telegram.py); `rasa_env` for Rasa."""

    def __init__(
        self, workdir: Path, stack: ExitStack, rasa_env: Optional[Dict[str, str]] = None
    ) -> None:
        self.workdir, self.stack, self.rasa_env = workdir, stack, rasa_env
        self.database_url = upgraded_database(workdir)
        self.actions_port = free_port()
        self.start_actions()
        self._rasa = ExitStack()
        stack.callback(lambda: self._rasa.close())
        self.start_rasa()

    def start_actions(self) -> None:
        server = action_server_process(self.workdir, self.database_url, self.actions_port)
        self.actions = self.stack.enter_context(server)[1]

    def stop_actions(self) -> None:
        self.actions.terminate()
        self.actions.wait(timeout=20)

    def start_rasa(self) -> None:
        server = rasa_server(
            self.workdir, self.database_url, self.actions_port, self.rasa_env
        )
        self.base = self._rasa.enter_context(server)

    def restart_rasa(self) -> None:
        self._rasa.close()
        self._rasa = ExitStack()
        self.start_rasa()


def stored_requests(database_url: str) -> Dict[str, Dict[str, Any]]:
    """`python -m bot export --format jsonl`, by conversation id."""
    result = subprocess.run(
        [sys.executable, "-m", "bot", "export", "--format", "jsonl"],
        cwd=ROOT, env={"DATABASE_URL": database_url, "PATH": "/usr/bin:/bin",
                       "PYTHONPATH": str(ROOT)},
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    return {row["conversation_id"]: row for row in rows}


class QuietStaticHandler(SimpleHTTPRequestHandler):
    """Serves files (``functools.partial(..., directory=...)``) without logging."""

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def http_server(
    handler: Callable[..., BaseHTTPRequestHandler], port: int = 0
) -> Iterator[str]:
    """A small test HTTP server on a free loopback port (or `port`), in a
    thread: yields its URL."""
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def _process(command: List[str], log: Path, env: Dict[str, str]) -> Iterator[subprocess.Popen]:
    with log.open("w") as output:
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT
        )
        try:
            yield process
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
