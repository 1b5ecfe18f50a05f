"""Rasa's REST channel with answers for bad input and for faults behind it.

credentials.yml::

    bot.channels.rest.GuardedRestInput:

It keeps the name and URL of Rasa's channel (POST /webhooks/rest/webhook with
``{"sender", "message", "metadata"}``) and adds:

- an optional ``"message_id"`` (1-64 letters, digits, ``-`` or ``_``, made up
  by the client per message): a message sent again with the same id gets the
  first answers back and is not handled or stored twice (bot/channels/resend.py);
- a 400 with a JSON error for a body that is not a JSON object, is not UTF-8,
  is nested too deeply, lacks a text `sender` or `message`, or holds text that
  is not valid Unicode, a sender over 128 characters or metadata over 4 KB
  (bot/channels/boundary.py; Rasa answers some of those with a 500, and a lone
  surrogate in the sender used to stop Rasa altogether);
- callers: with REST_CHANNEL_TOKEN set, only those that send
  ``Authorization: Bearer <token>`` (401 otherwise); unset, as under `make
  run`, only callers on this machine that no proxy forwarded (a request with
  ``X-Forwarded-For``, ``Forwarded`` or ``X-Real-IP`` is from elsewhere, even
  though behind a reverse proxy its socket peer is loopback). In production
  (VRAAGWIJZER_ENV=production) the channel refuses to start without the token;
- rate limits per conversation, per client address (through the trusted
  proxies) and on new conversations per address: a 429 with a Dutch message
  and ``Retry-After`` (bot/channels/ratelimit.py);
- the conversation is the sender as posted; the widget's and Telegram's are
  ``web:<id>`` and ``telegram:<id>``, which a REST sender may not start with,
  so no REST client can continue another channel's conversation;
- a Dutch answer, without running the dialogue or storing anything, for an
  empty message or one longer than 2000 characters; the text is normalised
  (NFKC, no control characters) before the dialogue sees it;
- a time limit for the whole turn (TURN_TIMEOUT_S, bot/settings.py, default 8
  seconds): Rasa waits five minutes for the action server, a user gives up
  much sooner;
- a short Dutch message when the turn failed (action server down or slow,
  database unavailable: see bot/faults.py) instead of silence or half an
  answer. Nothing of a failed turn is stored, so sending it again works (the
  turn and its time limit: bot/channels/turns.py, shared with the other
  channels);
- the same message, and no turn at all, when Rasa ended up with an in-memory
  tracker store (a wrong `tracker_store` in endpoints.yml, or a store class
  that failed to import: Rasa then only logs a warning).

The answers are the responses `utter_turn_failed`, `utter_empty_message` and
`utter_message_too_long` in domain.yml.
"""

from __future__ import annotations

import hmac
import logging
import re
from typing import Any, Dict, NamedTuple, Optional, Text

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot import faults
from bot.channels.boundary import (
    OTHER_CHANNEL_PREFIXES,
    Refused,
    check_metadata,
    check_sender,
    is_text,
    message_problem,
    normalise,
    parse_json,
)
from bot.channels.proxy import client_of, limit_request_size, on_this_machine
from bot.channels.ratelimit import rate_limiter
from bot.channels.resend import handled_once
from bot.channels.turns import TURN_FAILED, Handler, response_as_messages, run_turn
from bot.settings import SettingsError, load_settings

logger = logging.getLogger(__name__)

MESSAGE_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")


class BadRequest(Refused):
    """The body is not what the channel accepts; the message goes back as a 400."""


class Body(NamedTuple):
    sender: str
    message: str
    metadata: Optional[Dict[str, Any]] = None
    message_id: Optional[str] = None


def parse_body(body: bytes) -> Body:
    """The request body's fields, or BadRequest (bot/channels/boundary.py)."""
    try:
        data = parse_json(body)
        if not isinstance(data, dict):
            raise BadRequest("body is not a JSON object")
        sender = check_sender(data.get("sender"))
        if sender.startswith(OTHER_CHANNEL_PREFIXES):
            raise BadRequest("'sender' may not start with 'web:' or 'telegram:'")
        message = data.get("message")
        if not isinstance(message, str):
            raise BadRequest("'message' must be a string")
        if not is_text(message):
            raise BadRequest("'message' is not valid Unicode text")
        metadata = check_metadata(data.get("metadata"))
    except BadRequest:
        raise
    except Refused as refused:
        raise BadRequest(str(refused)) from None
    message_id = data.get("message_id")
    if message_id is not None and not (
        isinstance(message_id, str) and MESSAGE_ID.fullmatch(message_id)
    ):
        raise BadRequest("'message_id' must be 1-64 letters, digits, '-' or '_'")
    return Body(sender, message, metadata, message_id)


def clean_message(text: str) -> str:
    return normalise(text)


def caller_allowed(
    authorization: Optional[str], this_machine: bool, token: Optional[str]
) -> bool:
    """With REST_CHANNEL_TOKEN set, the caller must send it as a bearer token;
    without it (local development, `make run`) only this machine may call, not
    what a proxy on it forwards (bot/channels/proxy.py `on_this_machine`)."""
    if token is None:
        return this_machine
    expected = f"Bearer {token}".encode("utf-8")
    sent = (authorization or "").encode("utf-8", "surrogateescape")
    return hmac.compare_digest(sent, expected)


def keeps_conversations_in_memory(agent: Any) -> bool:
    """Whether Rasa would keep this conversation only in memory, to lose it."""
    from rasa.core.tracker_store import InMemoryTrackerStore

    store = agent.tracker_store
    # Rasa wraps the configured store in a FailSafeTrackerStore.
    store = getattr(store, "_tracker_store", store)
    return isinstance(store, InMemoryTrackerStore)


class GuardedRestInput(RestInput):
    @classmethod
    def name(cls) -> Text:
        return "rest"

    def blueprint(self, on_new_message: Handler) -> Blueprint:
        faults.watch_rasa_actions()
        settings = load_settings()
        timeout_s, token = settings.turn_timeout_s, settings.rest_channel_token
        if settings.production and token is None:
            raise SettingsError(
                "VRAAGWIJZER_ENV=production: the REST channel needs "
                "REST_CHANNEL_TOKEN (or REST_CHANNEL_TOKEN_FILE)"
            )
        hops, limiter = settings.trusted_proxy_hops, rate_limiter()
        webhook = Blueprint("guarded_rest_webhook", __name__)
        limit_request_size(webhook)

        @webhook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if not caller_allowed(
                request.headers.get("Authorization"), on_this_machine(request), token
            ):
                return response.json({"error": "unauthorized"}, status=401)
            try:
                sender, text, metadata, message_id = parse_body(request.body)
            except BadRequest as error:
                return response.json({"error": str(error)}, status=400)
            refusal = await limiter.admit_message(sender, client_of(request, hops))
            if refusal is not None:
                return response.json(
                    [{"text": refusal.text}],
                    status=429,
                    headers={"Retry-After": str(refusal.retry_after_s)},
                )
            agent = request.app.ctx.agent
            domain = agent.domain
            problem = message_problem(text)
            if problem is not None:
                return response.json(response_as_messages(domain, problem))
            text = normalise(text)
            if keeps_conversations_in_memory(agent):
                logger.error("no database tracker store: not taking the message")
                return response.json(response_as_messages(domain, TURN_FAILED))
            collector = CollectingOutputChannel()
            message = UserMessage(
                text,
                collector,
                sender,
                input_channel=self.name(),
                message_id=message_id,
                metadata=metadata,
            )
            handler = handled_once(agent) if message_id else on_new_message
            if await run_turn(handler, message, timeout_s):
                return response.json(response_as_messages(domain, TURN_FAILED))
            return response.json(collector.messages)

        return webhook
