"""Rasa's socket.io channel as the website widget needs it.

Rasa 3.6's ``SocketIOInput`` calls ``sio.enter_room()`` without ``await``; in
the locked python-socketio 5.18 that is a coroutine, so with
``session_persistence: true`` the browser never joins its session's room and
never hears the bot. This channel replaces the ``session_request`` handler with
one that awaits it, and accepts only session ids that look like the widget's (32
hex digits from ``crypto.getRandomValues``): anything else gets a fresh random
id, so one visitor cannot pick another's conversation by guessing. A socket may
only send messages for the session it joined, and its conversation is Rasa's
sender ``web:<session id>``, out of reach of the other channels. Every message
passes the channels' boundary (bot/channels/boundary.py): one that is not a
text (a number, a list, broken Unicode), too long or empty gets a Dutch answer
and never reaches Rasa; text is normalised to NFKC. A ``conversation_start`` event
(sent by the widget for a new conversation) runs the session start: the welcome.
So does what other widgets send when they open (rasa-webchat's ``initPayload``):
an empty or null message, or ``/greet`` or ``/get_started``, at the start of a
session (``opens_session``).
A turn that fails behind the channel (action server down or slow, database
unavailable) ends with "Er gaat iets mis aan onze kant, …" (bot/channels/turns.py).

The channel keeps the name ``socketio``: the stored requests say ``web``.
"""

from __future__ import annotations

import logging
import re
import secrets
from typing import Any, Awaitable, Callable, Dict, Optional, Text, Tuple, TypeGuard

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketBlueprint, SocketIOInput, SocketIOOutput
from rasa.shared.core.events import UserUttered
from sanic import Sanic

from bot.channels.boundary import (
    UNREADABLE,
    WEB_PREFIX,
    Refused,
    check_metadata,
    message_problem,
    normalise,
    parse_json,
    problem_text,
)
from bot.channels.session import start_conversation
from bot.channels.turns import guarded, turn_failed_text
from bot.settings import load_settings

logger = logging.getLogger(__name__)

SESSION_ID = re.compile(r"[0-9a-f]{32}")
START_EVENT = "conversation_start"
# What a widget sends when it opens (rasa-webchat: `initPayload`, null by default).
INIT_PAYLOADS = frozenset({"/greet", "/get_started", "/start", "/session_start"})


def is_unguessable(session_id: Any) -> TypeGuard[str]:
    return isinstance(session_id, str) and SESSION_ID.fullmatch(session_id) is not None


def new_session_id() -> str:
    return secrets.token_hex(16)


def sender_id(session_id: str) -> str:
    """The Rasa sender id of a widget session: its own namespace, so no other
    channel can name it (a REST sender cannot start with "web:")."""
    return f"{WEB_PREFIX}{session_id}"


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

        timeout_s = load_settings().turn_timeout_s
        handle_turn = guarded(on_new_message, fault_answer, timeout_s)
        blueprint = super().blueprint(handle_turn)
        sio = self.sio
        assert sio is not None  # set by SocketIOInput.blueprint
        namespace = self.namespace or "/"

        @blueprint.listener("after_server_start")
        async def remember_app(app: Sanic, *_: Any) -> None:
            server["app"] = app

        async def answer(room: str, text: str) -> None:
            await sio.emit(
                self.bot_message_evt, {"text": text}, room=room, namespace=namespace
            )

        async def session_request(sid: Text, data: Any = None, *_: Any) -> None:
            requested = data.get("session_id") if isinstance(data, dict) else None
            session_id = requested if is_unguessable(requested) else new_session_id()
            if self.session_persistence:
                for room in sio.rooms(sid, namespace):  # after "nieuw gesprek"
                    if room != sid:
                        await sio.leave_room(sid, room, namespace=namespace)
                # The room is the Rasa sender id: SocketIOOutput sends to it.
                await sio.enter_room(sid, sender_id(session_id), namespace=namespace)
            await sio.emit("session_confirm", session_id, room=sid, namespace=namespace)

        async def user_message(sid: Text, data: Any = None, *_: Any) -> None:
            try:
                text, metadata = read_message(data, self.metadata_key)
            except Refused as refused:
                logger.info("socket %s sent an unreadable message: %s", sid, refused)
                await answer(sid, UNREADABLE)
                return
            if self.session_persistence:
                session_id = data.get("session_id")
                if not is_unguessable(session_id) or sender_id(
                    session_id
                ) not in sio.rooms(sid, namespace):
                    logger.warning(
                        "socket %s sent a message for a session it did not join", sid
                    )
                    return
                sender = sender_id(session_id)
            else:
                sender = sid
            output = SocketIOOutput(sio, self.bot_message_evt)
            if await opens_session(server.get("app"), sender, text):
                await start_conversation(server["app"], sender, output)
                return
            problem = message_problem(text)
            if problem is not None:
                await answer(sender, problem_text(domain(), problem))
                return
            message = UserMessage(
                normalise(text),
                output,
                sender,
                input_channel=self.name(),
                metadata=metadata,
            )
            await handle_turn(message)

        async def conversation_start(sid: Text, data: Any = None, *_: Any) -> None:
            session_id = data.get("session_id") if isinstance(data, dict) else None
            if not is_unguessable(session_id) or sender_id(session_id) not in sio.rooms(
                sid, namespace
            ):
                return
            output = SocketIOOutput(sio, self.bot_message_evt)
            await start_conversation(server["app"], sender_id(session_id), output)

        sio.on("session_request", session_request, namespace=namespace)
        sio.on(self.user_message_evt, user_message, namespace=namespace)
        sio.on(START_EVENT, conversation_start, namespace=namespace)
        return blueprint
