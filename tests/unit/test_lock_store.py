"""The lock store Rasa gets from LOCK_STORE_URL (bot/store/lock_store.py)."""

from __future__ import annotations

import pytest
from rasa.core.lock import TicketLock
from rasa.core.lock_store import InMemoryLockStore, RedisLockStore

from bot.store.lock_store import LEASE_S, SettingsLockStore, redis_arguments, renew_ticket


def test_redis_url_with_password_port_and_database():
    assert redis_arguments("redis://:s%40cret@cache.example:6380/2") == {
        "host": "cache.example", "port": 6380, "db": 2, "username": None,
        "password": "s@cret", "use_ssl": False,
    }  # fmt: skip


def test_redis_url_defaults_and_tls():
    arguments = redis_arguments("rediss://cache.example")
    assert (arguments["port"], arguments["db"], arguments["use_ssl"]) == (6379, 1, True)


def test_a_url_that_is_not_redis_is_refused():
    with pytest.raises(ValueError, match="redis://"):
        redis_arguments("postgresql://localhost/locks")


def test_renewing_extends_only_the_own_ticket_by_a_lease():
    lock = TicketLock("c")
    mine, other = lock.issue_ticket(0.5), lock.issue_ticket(0.5)
    assert renew_ticket(lock, mine)
    expiry = {ticket.number: ticket.expires for ticket in lock.tickets}
    assert expiry[mine] - expiry[other] > LEASE_S - 1
    assert not renew_ticket(lock, 99)


def test_without_url_rasa_keeps_its_in_process_lock_store(monkeypatch):
    monkeypatch.delenv("LOCK_STORE_URL", raising=False)
    assert isinstance(SettingsLockStore(), InMemoryLockStore)


def test_with_url_it_is_a_redis_lock_store(monkeypatch):
    monkeypatch.setenv("LOCK_STORE_URL", "redis://127.0.0.1:6399/3")
    store = SettingsLockStore()  # redis-py connects on first use only
    assert isinstance(store, RedisLockStore)
    assert store.red.connection_pool.connection_kwargs["db"] == 3
