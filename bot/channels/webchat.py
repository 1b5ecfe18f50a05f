"""Rasa's socket.io channel as the website widget needs it.

Rasa 3.6's ``SocketIOInput`` calls ``sio.enter_room()`` without ``await``; in
the locked python-socketio 5.18 that is a coroutine, so with
``session_persistence: true`` the browser never joins its session's room and
never hears the bot. This channel replaces the ``session_request`` handler with
one that awaits it, and accepts only session ids that look like the widget's (32
hex digits from ``crypto.getRandomValues``): anything else gets a fresh random
id, so one visitor cannot pick another's conversation by guessing. A socket may
only send messages for the session it joined. A ``conversation_start`` event
(sent by the widget for a new conversation) runs the session start: the welcome.
A turn that fails behind the channel (action server down or slow, database
unavailable) ends with "Er gaat iets mis aan onze kant, …" (bot/channels/turns.py).

The channel keeps the name ``socketio``: the stored requests say ``web``.
"""

from __future__ import annotations

import logging
import re
import secrets
from typing import Any, Awaitable, Callable, Dict, Optional, Text, TypeGuard

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketBlueprint, SocketIOInput, SocketIOOutput
from sanic import Sanic

from bot.channels.session import start_conversation
from bot.channels.turns import guarded, turn_failed_text
from bot.settings import load_settings

logger = logging.getLogger(__name__)

SESSION_ID = re.compile(r"[0-9a-f]{32}")
START_EVENT = "conversation_start"


def is_unguessable(session_id: Any) -> TypeGuard[str]:
    return isinstance(session_id, str) and SESSION_ID.fullmatch(session_id) is not None


def new_session_id() -> str:
    return secrets.token_hex(16)


class WebChatInput(SocketIOInput):
    """socket.io with working, unguessable session persistence."""

    def blueprint(
        self, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> SocketBlueprint:
        server: Dict[str, Sanic] = {}

        def fault_answer() -> str:
            return turn_failed_text(server["app"].ctx.agent.domain)

        timeout_s = load_settings().turn_timeout_s
        blueprint = super().blueprint(guarded(on_new_message, fault_answer, timeout_s))
        sio = self.sio
        assert sio is not None  # set by SocketIOInput.blueprint
        namespace = self.namespace or "/"
        handle_message = sio.handlers[namespace][self.user_message_evt]

        @blueprint.listener("after_server_start")
        async def remember_app(app: Sanic, *_: Any) -> None:
            server["app"] = app

        async def session_request(sid: Text, data: Optional[Dict]) -> None:
            requested = (data or {}).get("session_id")
            session_id = requested if is_unguessable(requested) else new_session_id()
            if self.session_persistence:
                for room in sio.rooms(sid, namespace):  # after "nieuw gesprek"
                    if room != sid:
                        await sio.leave_room(sid, room, namespace=namespace)
                await sio.enter_room(sid, session_id, namespace=namespace)
            await sio.emit("session_confirm", session_id, room=sid, namespace=namespace)

        async def user_message(sid: Text, data: Dict) -> None:
            session_id = (data or {}).get("session_id")
            if self.session_persistence and session_id not in sio.rooms(sid, namespace):
                logger.warning(
                    "socket %s sent a message for a session it did not join", sid
                )
                return
            await handle_message(sid, data)

        async def conversation_start(sid: Text, data: Dict) -> None:
            session_id = (data or {}).get("session_id")
            if not is_unguessable(session_id) or session_id not in sio.rooms(
                sid, namespace
            ):
                return
            output = SocketIOOutput(sio, self.bot_message_evt)
            await start_conversation(server["app"], session_id, output)

        sio.on("session_request", session_request, namespace=namespace)
        sio.on(self.user_message_evt, user_message, namespace=namespace)
        sio.on(START_EVENT, conversation_start, namespace=namespace)
        return blueprint
