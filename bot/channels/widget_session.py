"""The widget's session tokens: issued by the server, never shown to coordinators.

A token is 32 random hex digits followed by 32 hex digits of their HMAC-SHA256
under the server's key (WIDGET_SESSION_KEY, or var/widget_session_key): only
this server makes tokens it accepts, so a visitor cannot choose one. The token
stays in the visitor's browser. What Rasa, the store, the review app, the
exports and the logs see is the conversation id ``web:<32 hex digits>``, a
second HMAC of the random part under the same key: it names the conversation
but cannot be turned back into the token, so whoever reads it cannot join the
session, type in it or erase it.

A session is over after WIDGET_SESSION_IDLE_MINUTES without an event in its
transcript: a token presented later gets a new session.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import time
from typing import Any, Callable, Optional, TypeGuard

from bot.channels.boundary import WEB_PREFIX
from bot.private_files import generated_secret
from bot.settings import REPO_ROOT, Settings

KEY_FILE = REPO_ROOT / "var" / "widget_session_key"
TOKEN = re.compile(r"[0-9a-f]{64}")
RANDOM_HEX = 32


def session_key(settings: Settings) -> bytes:
    """WIDGET_SESSION_KEY, else a key generated once into var/ (git-ignored)."""
    key = settings.widget_session_key or generated_secret(KEY_FILE)
    return key.encode("utf-8")


class WidgetSessions:
    """Issues and checks tokens, and names their conversations."""

    def __init__(
        self,
        key: bytes,
        idle_s: float,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._key = key
        self.idle_s = idle_s
        self._clock = clock

    @classmethod
    def from_settings(cls, settings: Settings) -> "WidgetSessions":
        return cls(session_key(settings), settings.widget_session_idle_minutes * 60)

    def _mac(self, purpose: bytes, random_part: str) -> str:
        message = purpose + b":" + random_part.encode("ascii")
        return hmac.new(self._key, message, hashlib.sha256).hexdigest()[:RANDOM_HEX]

    def issue(self) -> str:
        random_part = secrets.token_hex(RANDOM_HEX // 2)
        return random_part + self._mac(b"token", random_part)

    def is_issued(self, token: Any) -> TypeGuard[str]:
        """True for a token this server (with this key) issued."""
        if not isinstance(token, str) or TOKEN.fullmatch(token) is None:
            return False
        random_part, tag = token[:RANDOM_HEX], token[RANDOM_HEX:]
        return hmac.compare_digest(tag, self._mac(b"token", random_part))

    def conversation_id(self, token: str) -> str:
        """The Rasa sender id of an issued token's conversation: ``web:<hex>``."""
        return f"{WEB_PREFIX}{self._mac(b'conversation', token[:RANDOM_HEX])}"

    def is_idle(self, last_activity: Optional[float]) -> bool:
        """Whether a session last active at `last_activity` (Unix time) is over.

        A session without any stored event has said nothing yet: not over."""
        return last_activity is not None and self._clock() - last_activity > self.idle_s
