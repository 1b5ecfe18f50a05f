"""Rasa's socket.io channel as the website widget needs it.

Rasa 3.6's ``SocketIOInput`` calls ``sio.enter_room()`` without ``await``; since
python-socketio 5.10 that is a coroutine, so with ``session_persistence: true``
the browser never joins its session's room and never hears the bot. This
channel replaces the ``session_request`` handler with one that awaits it, and
accepts only session ids that look like the widget's (32 hex digits from
``crypto.getRandomValues``): anything shorter gets a fresh random id, so one
visitor cannot pick another's conversation by guessing. A socket may only send
messages for the session it joined.

The channel keeps the name ``socketio``: the stored requests say ``web``.
"""

from __future__ import annotations

import logging
import re
import secrets
from typing import Any, Awaitable, Callable, Dict, Optional, Text

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketBlueprint, SocketIOInput

logger = logging.getLogger(__name__)

SESSION_ID = re.compile(r"[0-9a-f]{32}")


def is_unguessable(session_id: Any) -> bool:
    return isinstance(session_id, str) and SESSION_ID.fullmatch(session_id) is not None


def new_session_id() -> str:
    return secrets.token_hex(16)


class WebChatInput(SocketIOInput):
    """socket.io with working, unguessable session persistence."""

    def blueprint(
        self, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> SocketBlueprint:
        blueprint = super().blueprint(on_new_message)
        assert self.sio is not None  # set by SocketIOInput.blueprint
        namespace = self.namespace or "/"
        handle_message = self.sio.handlers[namespace][self.user_message_evt]

        async def session_request(sid: Text, data: Optional[Dict]) -> None:
            requested = (data or {}).get("session_id")
            session_id = requested if is_unguessable(requested) else new_session_id()
            if self.session_persistence:
                await self.sio.enter_room(sid, session_id, namespace=namespace)
            await self.sio.emit("session_confirm", session_id, room=sid, namespace=namespace)

        async def user_message(sid: Text, data: Dict) -> None:
            session_id = (data or {}).get("session_id")
            if self.session_persistence and session_id not in self.sio.rooms(sid, namespace):
                logger.warning("socket %s sent a message for a session it did not join", sid)
                return
            await handle_message(sid, data)

        self.sio.on("session_request", session_request, namespace=namespace)
        self.sio.on(self.user_message_evt, user_message, namespace=namespace)
        return blueprint
