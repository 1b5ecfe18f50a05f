"""``rasa run`` with the secrets and the production profile from the settings.

    python -m bot.rasa_run --model models --port 5005 [rasa run options]

Started by `make run` (scripts/run.sh) and the cluster (bot/cluster). It runs
Rasa's own command line, with these additions from bot/settings.py:

- ``-i RASA_HOST`` (default 127.0.0.1) unless the arguments name an interface:
  the channels are reached through the reverse proxy (or, under `make run`, from
  this machine), never directly;
- ``--auth-token`` / ``--jwt-secret`` and ``--enable-api`` when RASA_AUTH_TOKEN
  or RASA_JWT_SECRET (or their ``*_FILE``) is set. They are added to the
  arguments Rasa parses inside this process, not to the command that started
  it, so ``ps`` and ``/proc/<pid>/cmdline`` never show them;
- ``RASA_TELEMETRY_ENABLED=false``: Rasa reports nothing to Rasa's servers.
"""

from __future__ import annotations

import os
import sys
from typing import List, Optional

from bot.settings import Settings, load_settings

TELEMETRY_VARIABLE = "RASA_TELEMETRY_ENABLED"


def rasa_arguments(argv: List[str], settings: Settings) -> List[str]:
    """The arguments of ``rasa run`` for `argv` (what this command was given)."""
    arguments = ["run", *argv]
    if not {"-i", "--interface"}.intersection(argv):
        arguments += ["-i", settings.rasa_host]
    api = False
    if settings.rasa_auth_token:
        arguments += ["--auth-token", settings.rasa_auth_token]
        api = True
    if settings.rasa_jwt_secret:
        arguments += ["--jwt-secret", settings.rasa_jwt_secret]
        api = True
    if api and "--enable-api" not in argv:
        arguments.append("--enable-api")
    return arguments


def main(argv: Optional[List[str]] = None) -> None:
    settings = load_settings()
    os.environ[TELEMETRY_VARIABLE] = "false"
    arguments = rasa_arguments(sys.argv[1:] if argv is None else argv, settings)
    from bot import rasa_cli  # Rasa's own CLI, minus known-harmless warnings

    rasa_cli.main(arguments)


if __name__ == "__main__":
    main()
