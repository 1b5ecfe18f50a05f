"""The store from async actions: its blocking SQLAlchemy calls run in a worker
thread, so one slow database does not stall every other conversation the
action server is handling on its event loop."""

from __future__ import annotations

import asyncio
from typing import Callable, TypeVar

from bot.settings import load_settings
from bot.store.session import UnitOfWork, session_factory

T = TypeVar("T")


def _in_unit_of_work(work: Callable[[UnitOfWork], T]) -> T:
    factory = session_factory(load_settings().database_url)
    with UnitOfWork(factory) as uow:
        result = work(uow)
        uow.commit()
    return result


async def in_store(work: Callable[[UnitOfWork], T]) -> T:
    """`work(uow)` in a committed unit of work, off the event loop."""
    return await asyncio.to_thread(_in_unit_of_work, work)
