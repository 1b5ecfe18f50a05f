"""Starts the real action server and Rasa server on free ports for a test."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Tuple

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
START_TIMEOUT_S = 180


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url} exited early:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(f"{url} not up in {START_TIMEOUT_S}s:\n{log.read_text()[-3000:]}")


def write_endpoints(workdir: Path, actions_port: int) -> Path:
    endpoints = workdir / "endpoints.yml"
    endpoints.write_text(
        f'action_endpoint:\n  url: "http://127.0.0.1:{actions_port}/webhook"\n'
        "tracker_store:\n  type: bot.store.tracker_store.DatabaseUrlTrackerStore\n"
    )
    return endpoints


def upgraded_database(workdir: Path) -> str:
    """A fresh SQLite store in `workdir`, migrated as `make run` does."""
    database_url = f"sqlite:///{workdir / 'store.db'}"
    subprocess.run([str(BIN / "python"), "-m", "bot", "db", "upgrade"], check=True,
                   cwd=ROOT, env=server_env(database_url))  # fmt: skip
    return database_url


@contextmanager
def running_bot(workdir: Path, api: bool = True) -> Iterator[Tuple[str, str]]:
    """Both servers on a fresh store: yields (Rasa's base URL, DATABASE_URL)."""
    database_url = upgraded_database(workdir)
    with action_server(workdir, database_url) as actions_port:
        with rasa_server(workdir, database_url, actions_port, api=api) as base:
            yield base, database_url


def server_env(database_url: str, **overrides: str) -> Dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "PYTHONPATH": str(ROOT),
        "TF_CPP_MIN_LOG_LEVEL": "3",
        # A loaded test machine must not turn a slow turn into a fault message;
        # tests/e2e/test_faults.py runs with the real limit.
        "TURN_TIMEOUT_S": "60",
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
    command = [str(BIN / "rasa"), "run", "actions", "--actions", "actions",
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
    api: bool = True,
    **env: str,
) -> Iterator[str]:
    """Rasa on a free port; `api=False` serves only the channels, as `make run`
    does without RASA_AUTH_TOKEN; `env` overrides environment variables."""
    port = free_port()
    log = workdir / "rasa.log"
    command = [
        str(BIN / "rasa"), "run", "--model", str(ROOT / "models"),
        "--port", str(port), "--credentials", str(ROOT / "credentials.yml"),
        "--endpoints", str(write_endpoints(workdir, actions_port)),
    ]  # fmt: skip
    if api:
        command += ["--enable-api", "--auth-token", "test-token"]
    with _process(command, log, server_env(database_url, **env)) as process:
        base = f"http://127.0.0.1:{port}"
        health = f"{base}/status?token=test-token" if api else f"{base}/"
        wait_until_up(health, process, log)
        yield base


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
