"""Files only the owner may read: created 0600 from the start, whatever the umask.

`Path.write_text` followed by `chmod` leaves the file readable by others (with
the usual umask 022) between the two calls; `os.open` with the mode creates it
restricted. Used for generated secrets (the widget's session key, the cluster's
PostgreSQL password and env file) and for the SQLite store (bot/store/session.py).
"""

from __future__ import annotations

import os
import secrets
import time
from pathlib import Path

PRIVATE = 0o600


def write_private(path: Path, text: str) -> None:
    """Writes `text` to `path`, which is (and stays) readable by its owner only."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE)
    try:
        # An existing file keeps its mode through O_CREAT: restrict it too.
        os.fchmod(descriptor, PRIVATE)
        os.write(descriptor, text.encode("utf-8"))
    finally:
        os.close(descriptor)


def touch_private(path: Path) -> None:
    """Creates `path` empty and 0600 if it is missing; restricts it if not."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT, PRIVATE)
    try:
        os.fchmod(descriptor, PRIVATE)
    finally:
        os.close(descriptor)


def generated_secret(path: Path, size: int = 32) -> str:
    """The secret kept in `path`, generated (`size` random bytes, hex) on first use.

    Two processes starting at once both find no file: O_EXCL lets one write it,
    and the other reads what that one wrote.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE)
    except FileExistsError:
        pass
    else:
        try:
            os.write(descriptor, secrets.token_hex(size).encode("ascii"))
        finally:
            os.close(descriptor)
    for _ in range(50):  # the other process may have created but not written it
        secret = path.read_text(encoding="utf-8").strip()
        if secret:
            return secret
        time.sleep(0.02)
    raise RuntimeError(f"{path} is empty: remove it and start again")
