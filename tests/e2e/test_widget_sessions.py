"""Widget sessions issued by the server (issue 23, finding 3), against real servers.

The token stays in the browser; the store, the tracker API, exports and logs see
only ``web:<HMAC>``, which cannot join the session. A session idle longer than
WIDGET_SESSION_IDLE_MINUTES (here 20 seconds) is over. When the
conversation is erased, the socket hears ``conversation_erased``.
"""

from __future__ import annotations

import asyncio
import re
import secrets
import time
from typing import Any, List, Tuple

import pytest

from tests.e2e.conversation import tracker, widget_session
from tests.e2e.servers import ROOT, bot_servers, web_conversation
from tests.e2e.stored import user_texts

pytestmark = pytest.mark.skipif(
    not (ROOT / "models" / "vraagwijzer.tar.gz").exists(),
    reason="no trained model: run `make train` (make test does)",
)

IDLE_S = 20
WAIT_S = 60
OPENING = "ik krijg mijn vacatures voor monteurs niet gevuld"


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("widget-sessions")
    env = {"WIDGET_SESSION_IDLE_MINUTES": str(IDLE_S / 60)}
    with bot_servers(workdir, env) as (base, database_url):
        yield base, database_url, workdir


async def said_until(heard: asyncio.Queue, wanted: str) -> List[Any]:
    said: List[Any] = []
    deadline = time.monotonic() + WAIT_S
    while not any(wanted in (text or "") for text in said):
        said.append(await asyncio.wait_for(heard.get(), deadline - time.monotonic()))
    return said


async def joined_token(base: str, requested: Any) -> str:
    async with widget_session(base, WAIT_S, requested) as (_, token, _heard):
        return token


async def talk(base: str, *messages: str) -> Tuple[str, str]:
    """A new session that says `messages`, each after the bot's answer: (its
    token, the token a second socket gets right after when it asks for it).
    The second socket asks before the first one leaves: a long-polling client
    takes up to half a minute to disconnect."""
    async with widget_session(base, WAIT_S) as (client, token, heard):
        for message in messages:
            await client.emit("user_uttered", {"message": message, "session_id": token})
            await asyncio.wait_for(heard.get(), WAIT_S)
            await asyncio.sleep(1)  # the rest of the answer
        return token, await joined_token(base, token)


def test_the_server_issues_the_token_and_refuses_one_the_client_made(servers):
    base, _, _ = servers
    made_up = secrets.token_hex(32)
    token = asyncio.run(joined_token(base, made_up))
    assert token != made_up and re.fullmatch(r"[0-9a-f]{64}", token)
    assert asyncio.run(joined_token(base, secrets.token_hex(16))) != token
    assert asyncio.run(joined_token(base, None)) != token


def test_what_coordinators_see_cannot_join_the_session(servers):
    base, database_url, workdir = servers
    token, rejoined = asyncio.run(talk(base, OPENING))
    assert rejoined == token  # its owner continues it
    conversation = web_conversation(token)
    assert user_texts(database_url, conversation) == [OPENING]
    assert tracker(base, conversation)["slots"]["need_category"] == "talent"

    # The stored id, as shown on the request page, in CSV rows and in logs.
    shown = conversation.removeprefix("web:")
    for attempt in (shown, shown * 2, conversation):
        assert asyncio.run(joined_token(base, attempt)) not in (token, attempt)

    async def type_as_the_entrepreneur() -> None:
        async with widget_session(base, WAIT_S, shown) as (client, _, _heard):
            for session_id in (shown, shown * 2, conversation):
                payload = {"message": "hoi", "session_id": session_id}
                await client.emit("user_uttered", payload)
            await asyncio.sleep(3)

    asyncio.run(type_as_the_entrepreneur())
    assert user_texts(database_url, conversation) == [OPENING]
    # The token itself is nowhere on the server's side.
    for stored in (workdir / "store.db", workdir / "rasa.log", workdir / "actions.log"):
        assert token[:32].encode() not in stored.read_bytes(), stored


def test_a_session_idle_too_long_is_over(servers):
    base, database_url, _ = servers
    token, rejoined = asyncio.run(talk(base, OPENING))
    assert rejoined == token
    time.sleep(IDLE_S + 1)
    fresh = asyncio.run(joined_token(base, token))
    assert fresh != token

    async def open_socket_left_idle() -> str:
        async with widget_session(base, WAIT_S, fresh) as (client, joined, heard):
            assert joined == fresh
            renewed = asyncio.get_running_loop().create_future()
            client.on("session_confirm", lambda sid: renewed.set_result(sid))
            await asyncio.sleep(IDLE_S + 1)
            await client.emit("user_uttered", {"message": "hallo", "session_id": fresh})
            return await asyncio.wait_for(renewed, WAIT_S)

    renewed = asyncio.run(open_socket_left_idle())
    assert renewed not in (fresh, token)
    assert user_texts(database_url, web_conversation(fresh)) == []


def test_the_widget_hears_that_its_conversation_was_erased(servers):
    base, database_url, _ = servers

    async def erase() -> List[Any]:
        async with widget_session(base, WAIT_S) as (client, token, heard):
            erased = asyncio.get_running_loop().create_future()
            client.on("conversation_erased", lambda *_: erased.set_result(token))
            for message in (OPENING, "verwijder mijn gegevens"):
                await client.emit(
                    "user_uttered", {"message": message, "session_id": token}
                )
                await asyncio.wait_for(heard.get(), WAIT_S)
            assert not erased.done()
            await client.emit("user_uttered", {"message": "ja", "session_id": token})
            said = await said_until(heard, "gewist")
            return [said, await asyncio.wait_for(erased, WAIT_S)]

    said, token = asyncio.run(erase())
    assert any("gewist" in (text or "") for text in said)
    assert OPENING not in user_texts(database_url, web_conversation(token))
