"""Rate limits of the chat channels: per conversation, per client address and
on new conversations, each a setting (bot/settings.py, 0 turns one off).

- ``RATE_SESSION_PER_MINUTE``: messages of one conversation per minute (REST
  sender, widget session, Telegram chat);
- ``RATE_ADDRESS_PER_MINUTE``: messages per minute from one client address
  (REST and the widget; an IPv6 client counts by its /64, bot/clients.py;
  behind a proxy the address it forwarded, bot/channels/proxy.py);
- ``RATE_NEW_SESSIONS_PER_HOUR``: new conversations per hour from one client
  address (REST and the widget); each one stores a tracker.

Telegram has no client address: every update comes from Telegram's servers
after the secret check, a chat is one Telegram account (private chats only,
bot/channels/telegram.py), and accounts are Telegram's to limit; its chats
count per conversation.

A message over a limit is not handled and not stored; the sender is told so in
Dutch (`TOO_FAST`, `TOO_MANY_NEW`): REST answers 429 with ``Retry-After``, the
widget and Telegram answer in the chat. The texts live here, like the
boundary's `UNREADABLE`: the channel refuses before Rasa is involved, and a
refusal must cost nothing.

Counters are fixed windows (a minute, an hour). With LOCK_STORE_URL set, as in
the cluster, they are kept in that Redis so every Rasa instance counts the same
messages (one INCR and EXPIRE per counter, one round trip); otherwise in the
process. When Redis cannot be reached the message is let through and the error
logged: the lock store fails that turn anyway, with its own answer.

Why no library: `limits` (the rate limiter behind Flask-Limiter and slowapi,
with memory and Redis storage) was the first choice, but its current releases
need ``packaging>=21`` and Rasa 3.6 pins ``packaging<21``; pip's resolver then
falls back to limits 2.4.0, whose asynchronous Redis storage needs coredis 2
(``limits[async-redis]``), a second, old Redis client beside the redis-py 4.6
that Rasa's lock store already uses. Two fixed-window counters on redis-py's
asyncio client are a few lines; the review app's login throttle has its own
(bot/review/throttle.py).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Any, Callable, Dict, Optional, Protocol, Tuple

from bot.clients import address_key
from bot.settings import Settings, load_settings

logger = logging.getLogger(__name__)

MINUTE_S = 60
HOUR_S = 3600
# How long a conversation counts as known (not new) after its last message.
KNOWN_S = 24 * HOUR_S
KEY_PREFIX = "vraagwijzer:rate:"
MEMORY_PRUNE_AT = 50_000

TOO_FAST = (
    "Je stuurt veel berichten kort na elkaar. Dit bericht heb ik niet gelezen. "
    "Wacht een minuut en stuur het dan opnieuw."
)
TOO_MANY_NEW = (
    "Er zijn vanaf jouw verbinding veel nieuwe gesprekken begonnen. Dit bericht "
    "heb ik niet gelezen. Probeer het later opnieuw of ga verder in je gesprek."
)


@dataclass(frozen=True)
class Limits:
    session_per_minute: int = 0
    address_per_minute: int = 0
    new_sessions_per_hour: int = 0

    @classmethod
    def from_settings(cls, settings: Settings) -> "Limits":
        return cls(
            settings.rate_session_per_minute,
            settings.rate_address_per_minute,
            settings.rate_new_sessions_per_hour,
        )


@dataclass(frozen=True)
class Refusal:
    text: str
    retry_after_s: int


class Counters(Protocol):
    async def hit(self, key: str, window_s: int) -> Tuple[int, int]:
        """Counts one for `key` in the current window: (count, seconds left)."""

    async def known(self, key: str) -> bool:
        """Whether `key` was marked within `KNOWN_S`."""

    async def mark(self, key: str) -> None:
        """Marks `key` as known for `KNOWN_S`."""


class MemoryCounters:
    """Counters in this process (one Rasa instance)."""

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self._clock = clock
        self._counts: Dict[str, Tuple[int, int]] = {}  # key -> (window, count)
        self._known: Dict[str, float] = {}  # key -> until

    async def hit(self, key: str, window_s: int) -> Tuple[int, int]:
        now = self._clock()
        window = int(now // window_s)
        seen_window, count = self._counts.get(key, (window, 0))
        count = count + 1 if seen_window == window else 1
        self._counts[key] = (window, count)
        if len(self._counts) > MEMORY_PRUNE_AT:
            self._counts = {k: v for k, v in self._counts.items() if v[0] == window}
        return count, window_left(now, window_s)

    async def known(self, key: str) -> bool:
        return self._known.get(key, 0.0) > self._clock()

    async def mark(self, key: str) -> None:
        now = self._clock()
        self._known[key] = now + KNOWN_S
        if len(self._known) > MEMORY_PRUNE_AT:
            self._known = {k: t for k, t in self._known.items() if t > now}


class RedisCounters:
    """Counters in Redis, shared by every Rasa instance of the cluster."""

    def __init__(self, url: str, clock: Callable[[], float] = time.time) -> None:
        self._url = url
        self._clock = clock
        self._client: Any = None

    def client(self) -> Any:
        if self._client is None:  # on first use: inside the server's event loop
            from redis import asyncio as aioredis

            self._client = aioredis.from_url(
                self._url, socket_timeout=2, socket_connect_timeout=2
            )
        return self._client

    async def hit(self, key: str, window_s: int) -> Tuple[int, int]:
        now = self._clock()
        window = int(now // window_s)
        name = f"{KEY_PREFIX}{key}:{window}"
        async with self.client().pipeline(transaction=True) as pipe:
            pipe.incr(name)
            pipe.expire(name, window_s + 1)
            count, _ = await pipe.execute()
        return int(count), window_left(now, window_s)

    async def known(self, key: str) -> bool:
        return bool(await self.client().exists(f"{KEY_PREFIX}known:{key}"))

    async def mark(self, key: str) -> None:
        await self.client().set(f"{KEY_PREFIX}known:{key}", b"1", ex=KNOWN_S)


def window_left(now: float, window_s: int) -> int:
    return max(1, int(window_s - now % window_s + 0.999))


class RateLimiter:
    def __init__(self, limits: Limits, counters: Counters) -> None:
        self.limits = limits
        self.counters = counters

    async def admit_new(
        self, session: str, address: Optional[str]
    ) -> Optional[Refusal]:
        """None when `session` may start (or is known); else why not."""
        limit = self.limits.new_sessions_per_hour
        if not limit or address is None:
            return None
        if await self.counters.known(session):
            return None
        count, left = await self.counters.hit(f"new:{address_key(address)}", HOUR_S)
        if count > limit:
            logger.warning("new conversations over the limit from one address")
            return Refusal(TOO_MANY_NEW, left)
        await self.counters.mark(session)
        return None

    async def admit_message(
        self, session: str, address: Optional[str]
    ) -> Optional[Refusal]:
        """None when a message of `session` from `address` (None: no address,
        Telegram) may be handled; else the refusal to send back."""
        try:
            return await self._admit_message(session, address)
        except Exception:  # noqa: BLE001 - Redis away: serve, the lock store answers
            logger.exception("rate limit counters unavailable: message let through")
            return None

    async def _admit_message(
        self, session: str, address: Optional[str]
    ) -> Optional[Refusal]:
        refusal = await self.admit_new(session, address)
        if refusal is not None:
            return refusal
        checks = [(f"session:{session}", self.limits.session_per_minute)]
        if address is not None:
            key = f"address:{address_key(address)}"
            checks.append((key, self.limits.address_per_minute))
        for key, limit in checks:
            if limit:
                count, left = await self.counters.hit(key, MINUTE_S)
                if count > limit:
                    logger.warning("messages over the limit (%s)", key.split(":")[0])
                    return Refusal(TOO_FAST, left)
        if self.limits.new_sessions_per_hour and address is not None:
            await self.counters.mark(session)  # known for another day
        return None

    async def admit_session(
        self, session: str, address: Optional[str]
    ) -> Optional[Refusal]:
        """`admit_new` for a channel that opens a conversation before its first
        message (the widget's ``session_request``); lets it through on errors."""
        try:
            return await self.admit_new(session, address)
        except Exception:  # noqa: BLE001 - as in admit_message
            logger.exception("rate limit counters unavailable: session let through")
            return None


_limiters: Dict[Tuple[Limits, Optional[str]], RateLimiter] = {}


def rate_limiter(settings: Optional[Settings] = None) -> RateLimiter:
    """The process's limiter for the settings (one per Rasa process)."""
    settings = settings or load_settings()
    limits = Limits.from_settings(settings)
    url = settings.lock_store_url
    key = (limits, url)
    if key not in _limiters:
        counters: Counters = RedisCounters(url) if url else MemoryCounters()
        _limiters[key] = RateLimiter(limits, counters)
    return _limiters[key]
