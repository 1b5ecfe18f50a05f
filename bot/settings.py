"""Settings from environment variables; the defaults make `make run` work.

DATABASE_URL
    SQLAlchemy URL of the store, shared by Rasa's transcripts (table `events`) and
    the refined requests. Default: ``sqlite:///<repo>/var/vraagwijzer.db`` (the
    ``var/`` directory is created when the engine first needs it). For
    PostgreSQL e.g. ``postgresql+psycopg2://user:password@host:5432/vraagwijzer``.
RASA_AUTH_TOKEN
    Token that protects Rasa's HTTP API; the API stays off when unset.
    Default: unset (None).
RETENTION_DAYS
    Days a conversation (transcript and request) is kept after its last activity;
    `python -m bot purge` erases older ones. Default: 180.
TURN_TIMEOUT_S
    Seconds the REST channel waits for a turn before it tells the user something
    went wrong (Rasa itself waits five minutes for the action server). Default: 8.

An empty variable counts as unset.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Optional

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = f"sqlite:///{REPO_ROOT / 'var' / 'vraagwijzer.db'}"
DEFAULT_RETENTION_DAYS = 180
DEFAULT_TURN_TIMEOUT_S = 8.0


@dataclass(frozen=True)
class Settings:
    database_url: str = DEFAULT_DATABASE_URL
    rasa_auth_token: Optional[str] = None
    retention_days: int = DEFAULT_RETENTION_DAYS
    turn_timeout_s: float = DEFAULT_TURN_TIMEOUT_S


def load_settings(environ: Optional[Mapping[str, str]] = None) -> Settings:
    env = os.environ if environ is None else environ
    return Settings(
        database_url=env.get("DATABASE_URL") or DEFAULT_DATABASE_URL,
        rasa_auth_token=env.get("RASA_AUTH_TOKEN") or None,
        retention_days=int(env.get("RETENTION_DAYS") or DEFAULT_RETENTION_DAYS),
        turn_timeout_s=float(env.get("TURN_TIMEOUT_S") or DEFAULT_TURN_TIMEOUT_S),
    )
