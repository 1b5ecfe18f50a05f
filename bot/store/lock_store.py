"""Rasa's lock store from LOCK_STORE_URL: Redis for several Rasa instances.

endpoints.yml::

    lock_store:
      type: bot.store.lock_store.SettingsLockStore

Rasa handles a message only while it holds the conversation's lock. With one
Rasa process an in-process lock is enough; with several behind a load balancer
the lock must be shared, or two messages of one conversation that land on two
instances both read the tracker and one of them is lost when both save it.

Rasa's Redis lock store is not safe across instances as it stands (see
`AtomicRedisLockStore`). Rasa keeps a lock for 60 seconds unless it is released (TICKET_LOCK_LIFETIME).
A Rasa instance that dies holding one would stall that conversation for a
minute; here a lock lives just past the turn time limit (TURN_TIMEOUT_S), after
which the channel has given up on the turn anyway (and cancelled it, which
releases the lock).
"""

from __future__ import annotations

import json
import math
from typing import TYPE_CHECKING, Any, Callable, Optional, TypeVar
from urllib.parse import unquote, urlsplit

from bot.settings import load_settings

if TYPE_CHECKING:
    from rasa.core.lock_store import LockStore

T = TypeVar("T")
LOCK_MARGIN_S = 2
# How often a message waiting for its conversation's lock asks Redis again
# (Rasa: every second, which a double click would feel).
LOCK_POLL_S = 0.2


def redis_arguments(url: str) -> dict:
    """`RedisLockStore` arguments for ``redis://[user:password@]host[:port][/db]``
    (``rediss://`` for TLS)."""
    parts = urlsplit(url)
    if parts.scheme not in ("redis", "rediss"):
        raise ValueError(f"LOCK_STORE_URL must start with redis:// or rediss://: {url!r}")
    database = parts.path.strip("/")
    return {
        "host": parts.hostname or "localhost",
        "port": parts.port or 6379,
        "db": int(database) if database else 1,
        "username": unquote(parts.username) if parts.username else None,
        "password": unquote(parts.password) if parts.password else None,
        "use_ssl": parts.scheme == "rediss",
    }


def lock_lifetime_s(turn_timeout_s: float) -> int:
    return math.ceil(turn_timeout_s) + LOCK_MARGIN_S


def _redis_lock_store_class(lifetime_s: float) -> type:
    # Deferred: only the Rasa server imports Rasa.
    from rasa.core.lock import TicketLock
    from rasa.core.lock_store import LockError, RedisLockStore

    class AtomicRedisLockStore(RedisLockStore):
        """Rasa's Redis lock store reads a lock, changes it and writes it back as
        separate commands: two instances taking a ticket at the same moment both
        got ticket 0, handled the conversation at once and one message was lost
        (tests/cluster). Here every change is one Redis transaction (WATCH, MULTI,
        EXEC; redis-py runs it again when another instance changed the lock)."""

        def _change(self, conversation_id: str, change: Callable[[Any], T]) -> T:
            key = self.key_prefix + conversation_id

            def transaction(pipe: Any) -> T:
                stored = pipe.get(key)
                lock = (TicketLock.from_dict(json.loads(stored)) if stored
                        else TicketLock(conversation_id))  # fmt: skip
                result = change(lock)
                pipe.multi()
                if lock.tickets:
                    pipe.set(key, lock.dumps())
                else:  # nobody holds it or waits for it
                    pipe.delete(key)
                return result

            return self.red.transaction(transaction, key, value_from_callable=True)

        def issue_ticket(self, conversation_id: str, lock_lifetime: float = lifetime_s) -> int:
            try:
                return self._change(conversation_id, lambda lock: lock.issue_ticket(lock_lifetime))
            except Exception as error:
                raise LockError(f"Error while acquiring lock: {error}") from error

        def update_lock(self, conversation_id: str) -> None:
            self._change(conversation_id, lambda lock: lock.remove_expired_tickets())

        def finish_serving(self, conversation_id: str, ticket_number: int) -> None:
            self._change(conversation_id, lambda lock: lock.remove_ticket_for(ticket_number))

        def cleanup(self, conversation_id: str, ticket_number: int) -> None:
            self.finish_serving(conversation_id, ticket_number)  # drops an empty lock

        def lock(self, conversation_id: str, lock_lifetime: float = lifetime_s,
                 wait_time_in_seconds: float = LOCK_POLL_S):  # fmt: skip
            return super().lock(conversation_id, lock_lifetime, wait_time_in_seconds)

    return AtomicRedisLockStore


class SettingsLockStore:
    """Rasa creates this from endpoints.yml; it hands back the real lock store."""

    def __new__(cls, endpoint_config: Optional[Any] = None) -> "LockStore":
        from rasa.core.lock_store import InMemoryLockStore

        settings = load_settings()
        if not settings.lock_store_url:
            return InMemoryLockStore()
        store_class = _redis_lock_store_class(lock_lifetime_s(settings.turn_timeout_s))
        return store_class(**redis_arguments(settings.lock_store_url))
