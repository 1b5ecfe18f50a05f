"""A turn's parses are kept for the turn and forgotten when the call ends."""

from __future__ import annotations

import asyncio
from typing import Any, Callable, List, Tuple

from bot import action_server
from bot.intake import dutch


class RecordingApp:
    """Records the Sanic middleware a plugin attaches."""

    def __init__(self) -> None:
        self.middleware_seen: List[Tuple[str, Callable[..., Any]]] = []

    def middleware(self, attach_to: str) -> Callable[[Callable[..., Any]], Any]:
        def register(function: Callable[..., Any]) -> Callable[..., Any]:
            self.middleware_seen.append((attach_to, function))
            return function

        return register


def test_the_same_text_is_parsed_once_and_each_caller_gets_its_own_list():
    dutch.forget_parses()
    first = dutch.words_of("we vinden geen monteurs")
    first.append(first[0])  # a caller's list is its own
    second = dutch.words_of("we vinden geen monteurs")
    assert len(second) == len(first) - 1
    assert dutch._parsed.cache_info().hits >= 1


def test_the_action_server_forgets_the_parses_after_each_call():
    app = RecordingApp()
    action_server.ForgetParses().attach_sanic_app_extensions(app)
    [(attach_to, forget)] = app.middleware_seen
    assert attach_to == "response"
    dutch.words_of("mijn klant betaalde een valse factuur")
    dutch.sentences("mijn klant betaalde een valse factuur, nu zijn we geld kwijt")
    assert dutch._parsed.cache_info().currsize > 0
    assert dutch._clauses.cache_info().currsize > 0
    asyncio.run(forget(None, None))
    assert dutch._parsed.cache_info().currsize == 0
    assert dutch._clauses.cache_info().currsize == 0
