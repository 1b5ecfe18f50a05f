"""Conversation tests: the test stories in tests/stories, run by `rasa test`."""

from __future__ import annotations

import subprocess

import pytest

from tests.e2e.servers import BIN, ROOT, action_server, server_env, write_endpoints

pytestmark = pytest.mark.skipif(
    not (ROOT / "models" / "vraagwijzer.tar.gz").exists(),
    reason="no trained model: run `make train` (make test does)",
)


def test_data_validates_without_warnings():
    result = subprocess.run(
        [str(BIN / "python"), "scripts/validate_data.py"],
        cwd=ROOT, capture_output=True, text=True, env=server_env(""),
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-3000:]


def test_stories_are_followed_exactly(tmp_path):
    database_url = f"sqlite:///{tmp_path / 'stories.db'}"
    subprocess.run([str(BIN / "python"), "-m", "bot", "db", "upgrade"], check=True,
                   cwd=ROOT, env=server_env(database_url))  # fmt: skip
    with action_server(tmp_path, database_url) as actions_port:
        result = subprocess.run(
            [
                str(BIN / "rasa"), "test", "core", "--model", str(ROOT / "models"),
                "--stories", str(ROOT / "tests" / "stories"),
                "--endpoints", str(write_endpoints(tmp_path, actions_port)),
                "--out", str(tmp_path / "results"), "--fail-on-prediction-errors",
            ],
            cwd=ROOT, capture_output=True, text=True, env=server_env(database_url),
        )  # fmt: skip
    failed = tmp_path / "results" / "failed_test_stories.yml"
    report = failed.read_text() if failed.exists() else ""
    assert result.returncode == 0, report + result.stdout[-3000:] + result.stderr[-3000:]
