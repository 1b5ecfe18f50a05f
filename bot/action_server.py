"""The action server, as ``rasa run actions`` starts it, behind a shared secret.

    python -m bot.action_server --actions actions --port 5055

rasa_sdk has no authentication: anyone who can reach ``/webhook`` can run any
action on a tracker they make up (store a request, erase a conversation). This
starts rasa_sdk's own server (same arguments, logging and Sanic app) with one
plugin, registered through rasa_sdk's plugin hook, that refuses every call
without ``Authorization: Bearer <ACTION_SERVER_TOKEN>`` with a 401. Only
``/health`` stays open, for the scripts that wait for the server.

Rasa sends the header from endpoints.yml (``action_endpoint.headers``, with
``${ACTION_SERVER_TOKEN}`` from the environment). The token comes from the
environment, or else from ``var/action_server_token``, which ``make install``
writes (scripts/install.sh) and scripts/run.sh exports. Without a token the
server does not start. It listens on 127.0.0.1 unless ACTIONS_HOST (or
rasa_sdk's SANIC_HOST) says otherwise.

A second plugin loads the spaCy pipeline and the catalogue (actions/preload.py)
before the server listens, so /health answers only when the first call will
not wait seconds for them; a third forgets the call's parses when it has
answered (bot/intake/dutch.py keeps them only for the turn).
"""

from __future__ import annotations

import hmac
import logging
import os
import sys
import time
from pathlib import Path
from typing import Any, List, Optional

import pluggy

from bot.rasa_cli import filter_known_harmless

TOKEN_ENV = "ACTION_SERVER_TOKEN"
TOKEN_FILE = Path(__file__).resolve().parents[1] / "var" / "action_server_token"
OPEN_PATHS = frozenset({"/health"})
DEFAULT_HOST = "127.0.0.1"
PRELOADED_LOG = "Loaded the spaCy pipeline and the catalogue"

logger = logging.getLogger(__name__)

hookimpl = pluggy.HookimplMarker("rasa_sdk")


def load_token(token_file: Path = TOKEN_FILE) -> Optional[str]:
    """ACTION_SERVER_TOKEN, else the one `make install` wrote; None if neither."""
    token = os.environ.get(TOKEN_ENV, "").strip()
    if not token and token_file.is_file():
        token = token_file.read_text().strip()
    return token or None


def authorised(header: Optional[str], token: str) -> bool:
    expected = f"Bearer {token}".encode("utf-8")
    sent = (header or "").encode("utf-8", "surrogateescape")
    return hmac.compare_digest(sent, expected)


class RequireToken:
    """rasa_sdk plugin: a request middleware refusing calls without the token."""

    def __init__(self, token: str) -> None:
        self.token = token

    @hookimpl
    def attach_sanic_app_extensions(self, app: Any) -> None:
        from sanic import response

        @app.middleware("request")
        async def require_token(request: Any) -> Any:
            if request.path in OPEN_PATHS:
                return None
            if authorised(request.headers.get("Authorization"), self.token):
                return None
            return response.json({"error": "unauthorized"}, status=401)


class Preload:
    """rasa_sdk plugin: loads what the actions need before the server listens."""

    @hookimpl
    def attach_sanic_app_extensions(self, app: Any) -> None:
        def preload(_app: Any, _loop: Any) -> None:
            from actions.preload import preload

            started = time.monotonic()
            preload()
            logger.info("%s in %.1f s", PRELOADED_LOG, time.monotonic() - started)

        # In every worker, before it accepts a connection.
        app.register_listener(preload, "before_server_start")


class ForgetParses:
    """rasa_sdk plugin: after each call, the parses of its messages are
    forgotten (bot/intake/dutch.py keeps them for the turn that reads them)."""

    @hookimpl
    def attach_sanic_app_extensions(self, app: Any) -> None:
        app.middleware("response")(forget_parses)


async def forget_parses(_request: Any, _response: Any) -> None:
    from bot.intake import dutch

    dutch.forget_parses()


def main(argv: Optional[List[str]] = None) -> None:
    filter_known_harmless()
    from rasa_sdk.__main__ import main_from_args
    from rasa_sdk.endpoint import create_argument_parser
    from rasa_sdk.plugin import plugin_manager

    token = load_token()
    if token is None:
        sys.exit(
            f"{TOKEN_ENV} is not set and {TOKEN_FILE} does not exist: "
            "run `make install` or set the variable."
        )
    os.environ.setdefault("SANIC_HOST", os.environ.get("ACTIONS_HOST", DEFAULT_HOST))
    plugin_manager().register(RequireToken(token))
    plugin_manager().register(Preload())
    plugin_manager().register(ForgetParses())
    args = create_argument_parser().parse_args(argv)
    main_from_args(args)


if __name__ == "__main__":
    main()
