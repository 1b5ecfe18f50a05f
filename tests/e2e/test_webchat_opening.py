"""Widgets that open with a message (rasa-webchat's initPayload) get the
welcome, not "Dit bericht kan ik niet lezen" (issue 22, bot/channels/webchat.py)."""

from __future__ import annotations

import asyncio
from typing import Any, List

import pytest

from bot.channels.boundary import UNREADABLE
from tests.e2e.conversation import widget_session
from tests.e2e.servers import ROOT, bot_servers

pytestmark = pytest.mark.skipif(
    not (ROOT / "models" / "vraagwijzer.tar.gz").exists(),
    reason="no trained model: run `make train` (make test does)",
)
WELCOME = "Hoi! Ik ben Vraagwijzer"


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    with bot_servers(tmp_path_factory.mktemp("webchat-opening")) as (base, url):
        yield base, url


async def said_after(
    base: str, messages: List[Any], wait_s: float = 30
) -> List[List[str]]:
    """Per message sent on one new widget session, what the bot said before
    the next one (a second of quiet ends a turn)."""
    async with widget_session(base, wait_s) as (client, session_id, heard):
        turns = []
        for message in messages:
            await client.emit(
                "user_uttered",
                {
                    "message": message,
                    "session_id": session_id,
                    "customData": {"language": "nl"},
                },
            )
            said = [await asyncio.wait_for(heard.get(), wait_s)]
            while True:
                try:
                    said.append(await asyncio.wait_for(heard.get(), 1.5))
                except asyncio.TimeoutError:
                    break
            turns.append(said)
        return turns


@pytest.mark.parametrize("opening", [None, "", "/get_started", "/greet"])
def test_a_widget_opening_gets_the_welcome_once(servers, opening):
    base, _ = servers
    turns = asyncio.run(said_after(base, [opening, "ik zoek monteurs"]))
    assert WELCOME in turns[0][0], turns
    assert UNREADABLE not in turns[0]
    # The intake goes on from there, without a second welcome.
    assert not any(WELCOME in text for text in turns[1]), turns
    assert any("?" in text for text in turns[1]), turns


def test_an_empty_message_later_in_a_conversation_is_still_answered_as_empty(servers):
    base, _ = servers
    turns = asyncio.run(said_after(base, ["ik zoek monteurs", ""]))
    assert turns[1] == [
        "Je bericht was leeg. Vertel in een paar woorden wat er speelt in je bedrijf."
    ]
