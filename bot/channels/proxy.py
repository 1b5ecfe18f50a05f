"""What Rasa's server knows of a caller behind the reverse proxy, and how much
of a request it reads.

- `client_of(request)`: the client address of a Sanic request, through
  TRUSTED_PROXY_HOPS proxies (bot/clients.py); `client_of_environ` the same for
  a socket.io connection (python-engineio's environ keeps the Sanic request).
- `limit_request_size(blueprint)`: Sanic reads a body of up to 100 MB before any
  route runs (``REQUEST_MAX_SIZE``). A listener on a channel's blueprint, a
  public Sanic hook, sets REQUEST_MAX_BYTES (bot/settings.py) before the server
  accepts a connection; Sanic's HTTP protocol reads the limit per connection,
  so a larger body gets a 413 before the Telegram secret or the REST token is
  even looked at. Rasa 3.6 builds its Sanic app in ``rasa.core.run.configure_app``
  and offers no setting for it.
"""

from __future__ import annotations

from typing import Any, Mapping

from sanic import Blueprint, Sanic
from sanic.request import Request

from bot.clients import client_address, is_this_machine
from bot.settings import load_settings

FORWARDED_FOR = "X-Forwarded-For"


def client_of(request: Request, hops: int) -> str:
    return client_address(request.ip, request.headers.getall(FORWARDED_FOR, []), hops)


def on_this_machine(request: Request) -> bool:
    """A loopback caller that no proxy forwarded."""
    return is_this_machine(request.ip, request.headers.keys())


def client_of_environ(environ: Mapping[str, Any], hops: int) -> str:
    request = environ.get("sanic.request")
    peer = getattr(request, "ip", "") or ""
    forwarded = environ.get("HTTP_X_FORWARDED_FOR")
    return client_address(peer, [forwarded] if forwarded else [], hops)


def limit_request_size(blueprint: Blueprint) -> None:
    max_bytes = load_settings().request_max_bytes

    @blueprint.listener("before_server_start")
    async def set_request_max_size(app: Sanic, *_: Any) -> None:
        app.config.REQUEST_MAX_SIZE = max_bytes
