"""Slows down password guessing: after too many failed logins for one user
name, that name is refused for a while (per process, in memory)."""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from typing import Callable, DefaultDict, List

MAX_FAILURES = 10
WINDOW_S = 15 * 60


class LoginThrottle:
    def __init__(
        self,
        max_failures: int = MAX_FAILURES,
        window_s: float = WINDOW_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.max_failures = max_failures
        self.window_s = window_s
        self._clock = clock
        self._failures: DefaultDict[str, List[float]] = defaultdict(list)
        self._lock = threading.Lock()

    def _recent(self, name: str) -> List[float]:
        since = self._clock() - self.window_s
        recent = [moment for moment in self._failures[name] if moment > since]
        self._failures[name] = recent
        return recent

    def blocked(self, name: str) -> bool:
        with self._lock:
            return len(self._recent(name.strip().lower())) >= self.max_failures

    def failed(self, name: str) -> None:
        with self._lock:
            key = name.strip().lower()
            self._recent(key).append(self._clock())

    def succeeded(self, name: str) -> None:
        with self._lock:
            self._failures.pop(name.strip().lower(), None)
