"""`python -m bot users add|password|disable|enable|list`, as an admin runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bot.review.accounts import authenticate
from tests.review.conftest import PASSWORD

ROOT = Path(__file__).resolve().parents[2]


def users(database_url, *args, stdin=""):
    env = {**os.environ, "DATABASE_URL": database_url, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "bot", "users", *args], input=stdin, env=env,
        capture_output=True, text=True, timeout=60, cwd=ROOT,
    )  # fmt: skip


def test_add_disable_enable_and_list(store, uow_of):
    added = users(store, "add", "anna", "--role", "admin", "--password-stdin",
                  stdin=PASSWORD + "\n")  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert added.stdout.strip() == "Added admin 'anna'."
    with uow_of() as uow:
        assert authenticate(uow, "anna", PASSWORD) is not None

    assert users(store, "disable", "anna").returncode == 0
    assert users(store, "list").stdout == "anna\tadmin\tdisabled\n"
    with uow_of() as uow:
        assert authenticate(uow, "anna", PASSWORD) is None
    assert users(store, "enable", "anna").returncode == 0
    assert users(store, "list").stdout == "anna\tadmin\tactive\n"


def test_refusals_say_why(store):
    short = users(store, "add", "piet", "--password-stdin", stdin="kort\n")
    assert short.returncode == 1 and "at least 10 characters" in short.stderr
    missing = users(store, "disable", "nobody")
    assert missing.returncode == 1 and "No user 'nobody'" in missing.stderr
    assert users(store, "list").stdout == ""


def test_a_new_password_replaces_the_old_one(store, uow_of):
    users(store, "add", "anna", "--password-stdin", stdin=PASSWORD + "\n")
    with uow_of() as uow:
        epoch = uow.users.get_by_username("anna").session_epoch
    changed = users(store, "password", "anna", "--password-stdin",
                    stdin="een-heel-nieuw-wachtwoord\n")  # fmt: skip
    assert changed.returncode == 0, changed.stderr
    assert "sessions ended" in changed.stdout
    with uow_of() as uow:
        assert authenticate(uow, "anna", PASSWORD) is None
        assert authenticate(uow, "anna", "een-heel-nieuw-wachtwoord") is not None
        assert uow.users.get_by_username("anna").session_epoch > epoch
    short = users(store, "password", "anna", "--password-stdin", stdin="kort\n")
    assert short.returncode == 1 and "at least 10 characters" in short.stderr
