"""Rasa's socket.io channel as the website widget needs it.

Rasa 3.6's ``SocketIOInput`` calls ``sio.enter_room()`` without ``await``; in
the locked python-socketio 5.18 that is a coroutine, so with
``session_persistence: true`` the browser never joins its session's room and
never hears the bot. This channel replaces the ``session_request`` handler with
one that awaits it. The server issues the session tokens
(bot/channels/widget_session.py): a token it did not sign, or one whose session
was idle too long, gets a fresh one, so a visitor can neither pick nor guess a
session. A socket may only send messages for the session it joined. Its
conversation is Rasa's sender ``web:<HMAC of the token>``, out of reach of the
other channels: coordinators, exports and logs see that id, which cannot be used
to join the session. When the conversation is erased ("verwijder mijn
gegevens"), the socket gets ``conversation_erased`` and the widget clears what
it kept in the browser. Every message
passes the channels' boundary (bot/channels/boundary.py): one that is not a
text (a number, a list, broken Unicode), too long or empty gets a Dutch answer
and never reaches Rasa; text is normalised to NFKC. A ``conversation_start`` event
(sent by the widget for a new conversation) runs the session start: the welcome.
So does what other widgets send when they open (rasa-webchat's ``initPayload``):
an empty or null message, or ``/greet`` or ``/get_started``, at the start of a
session (``opens_session``).
A turn that fails behind the channel (action server down or slow, database
unavailable) ends with "Er gaat iets mis aan onze kant, …" (bot/channels/turns.py).

Rasa creates its socket.io server with ``cors_allowed_origins=[]``, which turns
python-engineio's Origin check off; here a connection whose browser sends an
``Origin`` outside CORS_ORIGINS (bot/settings.py) is refused. Messages and new
sessions are rate limited (bot/channels/ratelimit.py), with a Dutch answer.

The channel keeps the name ``socketio``: the stored requests say ``web``.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any, Awaitable, Callable, Dict, Optional, Text, Tuple

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketBlueprint, SocketIOInput, SocketIOOutput
from rasa.shared.core.events import UserUttered
from sanic import Sanic
from socketio import AsyncServer

from bot.channels.boundary import (
    UNREADABLE,
    Refused,
    check_metadata,
    message_problem,
    normalise,
    parse_json,
    problem_text,
)
from bot.channels.proxy import client_of_environ, limit_request_size
from bot.channels.ratelimit import rate_limiter
from bot.channels.session import start_conversation
from bot.channels.turns import guarded, turn_failed_text
from bot.channels.widget_session import WidgetSessions
from bot.settings import load_settings
from bot.store.session import UnitOfWork

logger = logging.getLogger(__name__)

START_EVENT = "conversation_start"
ERASED_EVENT = "conversation_erased"
# The response of action_erase_conversation once everything is erased.
ERASED_RESPONSE = "utter_erased"
# What a widget sends when it opens (rasa-webchat: `initPayload`, null by default).
INIT_PAYLOADS = frozenset({"/greet", "/get_started", "/start", "/session_start"})


def last_activity(conversation_id: str) -> Optional[float]:
    """Time of the conversation's newest stored event (blocking: run in a thread)."""
    with UnitOfWork() as uow:
        return uow.transcripts.last_event_time(conversation_id)


class WebChatOutput(SocketIOOutput):
    """Rasa's socket.io output that also tells the widget when its conversation
    was erased, so that it clears the browser's copy."""

    def __init__(self, sio: AsyncServer, bot_message_evt: Text, namespace: str) -> None:
        super().__init__(sio, bot_message_evt)
        self.namespace = namespace

    async def send_response(self, recipient_id: Text, message: Dict[Text, Any]) -> None:
        await super().send_response(recipient_id, message)
        if message.get("utter_action") == ERASED_RESPONSE:
            await self.sio.emit(
                ERASED_EVENT, {}, room=recipient_id, namespace=self.namespace
            )


def origin_allowed(environ: Any, origins: Tuple[str, ...]) -> bool:
    """A browser's socket from one of `origins`; a client that sends no Origin
    (not a browser) is not a cross-site page and passes."""
    origin = environ.get("HTTP_ORIGIN") if isinstance(environ, dict) else None
    return not origin or origin in origins


def read_message(data: Any, metadata_key: str) -> Tuple[Any, Optional[dict]]:
    """(text, metadata) of a ``user_uttered`` payload, or boundary.Refused."""
    if not isinstance(data, dict):
        raise Refused("not a socket.io message object")
    metadata = data.get(metadata_key)
    if isinstance(metadata, str):
        metadata = parse_json(metadata.encode("utf-8", "surrogatepass"))
    return data.get("message"), check_metadata(metadata or None)


def is_opener(text: Any) -> bool:
    """An empty or null message, or a widget's init payload."""
    if text is None:
        return True
    return isinstance(text, str) and (
        text.strip() == "" or text.strip().lower() in INIT_PAYLOADS
    )


async def opens_session(app: Optional[Sanic], sender: str, text: Any) -> bool:
    """Whether `text` is a widget opening a session that has no user message
    yet; then the welcome is sent (once) instead of an answer to it."""
    if not is_opener(text) or app is None:
        return False
    agent = app.ctx.agent
    if agent is None or not agent.is_ready():
        return False
    tracker = await agent.tracker_store.retrieve(sender)
    if tracker is not None and any(
        isinstance(event, UserUttered) for event in tracker.applied_events()
    ):
        return False
    return True


class WebChatInput(SocketIOInput):
    """socket.io with working, unguessable session persistence."""

    def blueprint(
        self, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> SocketBlueprint:
        server: Dict[str, Sanic] = {}

        def domain() -> Any:
            agent = server["app"].ctx.agent if "app" in server else None
            return agent.domain if agent is not None else None

        def fault_answer() -> str:
            return turn_failed_text(domain())

        settings = load_settings()
        sessions = WidgetSessions.from_settings(settings)
        handle_turn = guarded(on_new_message, fault_answer, settings.turn_timeout_s)
        blueprint = super().blueprint(handle_turn)
        limit_request_size(blueprint)
        sio = self.sio
        assert sio is not None  # set by SocketIOInput.blueprint
        namespace = self.namespace or "/"
        limiter = rate_limiter(settings)
        rasa_connect = sio.handlers.get(namespace, {}).get("connect")

        def client(sid: Text) -> str:
            environ = sio.get_environ(sid, namespace) or {}
            return client_of_environ(environ, settings.trusted_proxy_hops)

        async def connect(sid: Text, environ: Any, auth: Any = None) -> bool:
            if not origin_allowed(environ, settings.cors_origins):
                logger.warning("socket.io connection from a page of another origin")
                return False
            return (
                bool(await rasa_connect(sid, environ, auth)) if rasa_connect else True
            )

        @blueprint.listener("after_server_start")
        async def remember_app(app: Sanic, *_: Any) -> None:
            server["app"] = app

        async def answer(room: str, text: str) -> None:
            await sio.emit(
                self.bot_message_evt, {"text": text}, room=room, namespace=namespace
            )

        # The conversation each socket joined, and when it last said something:
        # a socket left open past the idle limit gets a new session too.
        joined: Dict[str, str] = {}
        last_seen: Dict[str, float] = {}

        def output() -> WebChatOutput:
            return WebChatOutput(sio, self.bot_message_evt, namespace)

        async def is_over(conversation_id: str) -> bool:
            stored = await asyncio.get_running_loop().run_in_executor(
                None, last_activity, conversation_id
            )
            return sessions.is_idle(stored)

        async def join(sid: str, token: str) -> None:
            conversation_id = sessions.conversation_id(token)
            for room in sio.rooms(sid, namespace):  # after "nieuw gesprek"
                if room != sid:
                    await sio.leave_room(sid, room, namespace=namespace)
            # The room is the Rasa sender id: SocketIOOutput sends to it.
            await sio.enter_room(sid, conversation_id, namespace=namespace)
            joined[sid] = token
            last_seen[sid] = time.time()
            await sio.emit("session_confirm", token, room=sid, namespace=namespace)

        def joined_conversation(sid: str, data: Any) -> Optional[str]:
            """The conversation id of the token in `data`, if this socket joined it."""
            token = data.get("session_id") if isinstance(data, dict) else None
            if not sessions.is_issued(token) or joined.get(sid) != token:
                return None
            return sessions.conversation_id(token)

        async def session_request(sid: Text, data: Any = None, *_: Any) -> None:
            requested = data.get("session_id") if isinstance(data, dict) else None
            if not sessions.is_issued(requested):
                token = sessions.issue()
            elif await is_over(sessions.conversation_id(requested)):
                logger.info("socket %s: its session was idle too long, a new one", sid)
                token = sessions.issue()
            else:
                token = requested
            refusal = await limiter.admit_session(
                sessions.conversation_id(token), client(sid)
            )
            if refusal is not None:
                await answer(sid, refusal.text)
                return
            await join(sid, token)

        async def disconnect(sid: Text) -> None:
            joined.pop(sid, None)
            last_seen.pop(sid, None)

        async def user_message(sid: Text, data: Any = None, *_: Any) -> None:
            try:
                text, metadata = read_message(data, self.metadata_key)
            except Refused as refused:
                logger.info("socket %s sent an unreadable message: %s", sid, refused)
                await answer(sid, UNREADABLE)
                return
            sender = joined_conversation(sid, data)
            if sender is None:
                logger.warning(
                    "socket %s sent a message for a session it did not join", sid
                )
                return
            if sessions.is_idle(last_seen.get(sid)):
                logger.info("socket %s: its session was idle too long, a new one", sid)
                await join(sid, sessions.issue())
                return
            last_seen[sid] = time.time()
            refusal = await limiter.admit_message(sender, client(sid))
            if refusal is not None:
                await answer(sid, refusal.text)
                return
            if await opens_session(server.get("app"), sender, text):
                await start_conversation(server["app"], sender, output())
                return
            problem = message_problem(text)
            if problem is not None:
                await answer(sender, problem_text(domain(), problem))
                return
            message = UserMessage(
                normalise(text),
                output(),
                sender,
                input_channel=self.name(),
                metadata=metadata,
            )
            await handle_turn(message)

        async def conversation_start(sid: Text, data: Any = None, *_: Any) -> None:
            sender = joined_conversation(sid, data)
            if sender is None:
                return
            await start_conversation(server["app"], sender, output())

        sio.on("connect", connect, namespace=namespace)
        sio.on("session_request", session_request, namespace=namespace)
        sio.on("disconnect", disconnect, namespace=namespace)
        sio.on(self.user_message_evt, user_message, namespace=namespace)
        sio.on(START_EVENT, conversation_start, namespace=namespace)
        return blueprint
