"""Rasa's lock store from LOCK_STORE_URL: Redis for several Rasa instances.

endpoints.yml::

    lock_store:
      type: bot.store.lock_store.SettingsLockStore

Rasa handles a message only while it holds the conversation's lock. With one
Rasa process an in-process lock is enough; with several behind a load balancer
the lock must be shared, or two messages of one conversation that land on two
instances both read the tracker and one of them is lost when both save it.

Rasa's own Redis lock store falls short in two ways, both fixed here:

- it reads a lock, changes it and writes it back as separate commands, so two
  instances taking a ticket at the same moment both got ticket 0, handled the
  conversation at once and lost a message (tests/cluster). Every change here is
  one Redis transaction (WATCH, MULTI, EXEC; redis-py retries it when another
  instance changed the lock in between);
- a ticket lives 60 seconds, so a Rasa instance that dies holding one stalls
  that conversation for a minute, longer than any user waits. Here a ticket is
  a lease of `LEASE_S` seconds, renewed every `RENEW_S` while its message waits
  or runs: a dead instance holds a conversation up for `LEASE_S` at most.
  The key itself (it names the conversation) expires `KEY_TTL_S` after its
  last change, so nothing of an erased conversation stays in Redis.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any, AsyncIterator, Callable, Optional, TypeVar
from urllib.parse import unquote, urlsplit

from bot.log_ids import log_id
from bot.settings import load_settings

if TYPE_CHECKING:
    from rasa.core.lock import TicketLock
    from rasa.core.lock_store import LockStore

logger = logging.getLogger(__name__)
T = TypeVar("T")
# A busy Rasa instance runs the dialogue on its event loop between renewals:
# the lease leaves four seconds for that.
LEASE_S = 5.0
RENEW_S = 1.0
# A lock key expires this long after its last change (each renewal is one), so
# no key, which names the conversation, outlives its tickets in Redis for long,
# even when the instance that held it died.
KEY_TTL_S = int(2 * LEASE_S)
# How often a message waiting for its conversation's lock asks Redis again
# (Rasa: every second, which a double click would feel).
LOCK_POLL_S = 0.2


def redis_arguments(url: str) -> dict:
    """`RedisLockStore` arguments for ``redis://[user:password@]host[:port][/db]``
    (``rediss://`` for TLS)."""
    parts = urlsplit(url)
    if parts.scheme not in ("redis", "rediss"):
        # Not the URL itself: it may hold a password.
        raise ValueError(
            "LOCK_STORE_URL must start with redis:// or rediss://, "
            f"not {parts.scheme or '(nothing)'}://"
        )
    database = parts.path.strip("/")
    return {
        "host": parts.hostname or "localhost",
        "port": parts.port or 6379,
        "db": int(database) if database else 1,
        "username": unquote(parts.username) if parts.username else None,
        "password": unquote(parts.password) if parts.password else None,
        "use_ssl": parts.scheme == "rediss",
    }


def renew_ticket(lock: "TicketLock", number: int) -> bool:
    """Extends ticket `number` by a lease; False when it is gone (expired)."""
    for ticket in lock.tickets:
        if ticket.number == number:
            ticket.expires = time.time() + LEASE_S
            return True
    return False


def _redis_lock_store_class() -> type:
    # Deferred: only the Rasa server imports Rasa.
    from rasa.core.lock import TicketLock
    from rasa.core.lock_store import LockError, RedisLockStore

    class LeasedRedisLockStore(RedisLockStore):
        def _change(self, conversation_id: str, change: Callable[[TicketLock], T]) -> T:
            key = self.key_prefix + conversation_id

            def transaction(pipe: Any) -> T:
                stored = pipe.get(key)
                lock = (
                    TicketLock.from_dict(json.loads(stored))
                    if stored
                    else TicketLock(conversation_id)
                )
                result = change(lock)
                pipe.multi()
                if lock.tickets:
                    pipe.set(key, lock.dumps(), ex=KEY_TTL_S)
                else:  # nobody holds it or waits for it
                    pipe.delete(key)
                return result

            return self.red.transaction(transaction, key, value_from_callable=True)

        def issue_ticket(
            self, conversation_id: str, lock_lifetime: float = LEASE_S
        ) -> int:
            try:
                return self._change(
                    conversation_id, lambda lock: lock.issue_ticket(lock_lifetime)
                )
            except Exception as error:
                raise LockError(f"Error while acquiring lock: {error}") from error

        def update_lock(self, conversation_id: str) -> None:
            self._change(conversation_id, lambda lock: lock.remove_expired_tickets())

        def finish_serving(self, conversation_id: str, ticket_number: int) -> None:
            self._change(
                conversation_id, lambda lock: lock.remove_ticket_for(ticket_number)
            )

        def cleanup(self, conversation_id: str, ticket_number: int) -> None:
            self.finish_serving(conversation_id, ticket_number)  # drops an empty lock

        @asynccontextmanager
        async def lock(
            self,
            conversation_id: str,
            lock_lifetime: float = LEASE_S,
            wait_time_in_seconds: float = LOCK_POLL_S,
        ) -> AsyncIterator[TicketLock]:
            ticket = self.issue_ticket(conversation_id, LEASE_S)
            renewing = asyncio.create_task(self._keep_renewing(conversation_id, ticket))
            try:
                yield await self._acquire_lock(
                    conversation_id, ticket, wait_time_in_seconds
                )
            finally:
                renewing.cancel()
                self.cleanup(conversation_id, ticket)

        async def _keep_renewing(self, conversation_id: str, ticket: int) -> None:
            while True:
                await asyncio.sleep(RENEW_S)
                try:
                    renewed = self._change(
                        conversation_id, lambda lock: renew_ticket(lock, ticket)
                    )
                except Exception:  # noqa: BLE001 - Redis away: the lease runs out
                    logger.exception("lock of %s not renewed", log_id(conversation_id))
                    continue
                if not renewed:
                    logger.error(
                        "lock of %s expired while in use", log_id(conversation_id)
                    )
                    return

    return LeasedRedisLockStore


class SettingsLockStore:
    """Rasa creates this from endpoints.yml; it hands back the real lock store."""

    def __new__(cls, endpoint_config: Optional[Any] = None) -> "LockStore":
        from rasa.core.lock_store import InMemoryLockStore

        url = load_settings().lock_store_url
        if not url:
            return InMemoryLockStore()
        return _redis_lock_store_class()(**redis_arguments(url))
