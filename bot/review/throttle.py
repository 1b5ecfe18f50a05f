"""Slows down password guessing with growing waits, per address and per account,
without ever locking an account for everyone (per process, in memory).

- Per address: after `ADDRESS_FREE` failed logins from one address (any user
  name), its next attempt waits 1 s, then 2, 4, ... up to `ADDRESS_MAX_WAIT_S`
  after its last failure. Other addresses are not slowed.
- Per account: after `ACCOUNT_FREE` failed logins on one name (from anywhere),
  an address that failed on that name waits a growing time after its own last
  failure there, up to `ACCOUNT_MAX_WAIT_S`. An address that has not failed on
  the name is not made to wait for it, so guesses from elsewhere never keep the
  coordinator out: the right password gets in at once from a clean address, and
  after at most the wait from one that mistyped.

An attempt refused for its wait is not counted, so hammering does not stretch
it. Failures count for `WINDOW_S`; a successful login clears the account's.
"""

from __future__ import annotations

import math
import threading
import time
from collections import defaultdict
from typing import Callable, DefaultDict, List, Tuple

WINDOW_S = 15 * 60
ADDRESS_FREE = 5
ADDRESS_MAX_WAIT_S = 15 * 60
ACCOUNT_FREE = 3
ACCOUNT_MAX_WAIT_S = 5 * 60
# Beyond this many tracked keys, expired ones are dropped (many addresses).
PRUNE_AT = 10_000

Key = Tuple[str, ...]


def growing_wait(failures: int, free: int, max_wait_s: float) -> float:
    """0 for the first `free` failures, then 1, 2, 4, ... seconds, capped."""
    if failures < free:
        return 0.0
    return min(max_wait_s, 2.0 ** min(failures - free, 32))


def account_key(name: str) -> str:
    # The login form trims the name; case must not give a guesser fresh counts.
    return name.strip().lower()[:80]


class LoginThrottle:
    def __init__(
        self,
        window_s: float = WINDOW_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.window_s = window_s
        self._clock = clock
        self._failures: DefaultDict[Key, List[float]] = defaultdict(list)
        self._lock = threading.Lock()

    def _recent(self, key: Key) -> List[float]:
        since = self._clock() - self.window_s
        recent = [moment for moment in self._failures.get(key, ()) if moment > since]
        if recent:
            self._failures[key] = recent
        else:
            self._failures.pop(key, None)
        return recent

    def retry_after(self, name: str, address: str) -> int:
        """Seconds this address must still wait before trying this name; 0: go."""
        account = account_key(name)
        with self._lock:
            now = self._clock()
            by_address = self._recent(("address", address))
            waits = [0.0]
            if by_address:
                wait = growing_wait(len(by_address), ADDRESS_FREE, ADDRESS_MAX_WAIT_S)
                waits.append(by_address[-1] + wait - now)
            here = self._recent(("pair", account, address))
            if here:
                on_account = self._recent(("account", account))
                wait = growing_wait(len(on_account), ACCOUNT_FREE, ACCOUNT_MAX_WAIT_S)
                waits.append(here[-1] + wait - now)
        return math.ceil(max(waits))

    def failed(self, name: str, address: str) -> None:
        account = account_key(name)
        with self._lock:
            now = self._clock()
            for key in (
                ("address", address),
                ("account", account),
                ("pair", account, address),
            ):
                self._failures[key] = [*self._recent(key), now]
            if len(self._failures) > PRUNE_AT:
                for known in list(self._failures):
                    self._recent(known)

    def succeeded(self, name: str, address: str) -> None:
        # The address keeps its count: one good account must not let it guess
        # others faster.
        account = account_key(name)
        with self._lock:
            self._failures.pop(("account", account), None)
            self._failures.pop(("pair", account, address), None)
