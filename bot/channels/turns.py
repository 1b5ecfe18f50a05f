"""One turn of a conversation, guarded: the channels' shared answer to faults.

A channel runs each user message through `run_turn`: a time limit for the whole
turn (TURN_TIMEOUT_S, bot/settings.py; Rasa itself waits five minutes for the
action server) and the faults seen during it (action server down or slow,
database unavailable, a crash: bot/faults.py). After a failed turn the user
gets the `utter_turn_failed` response of domain.yml ("Er gaat iets mis aan onze
kant, probeer het zo nog eens.") instead of silence. Nothing of a failed turn is
stored, so sending the message again continues where the conversation was.

The REST channel answers with the message instead of the turn's answers
(bot/channels/rest.py); channels that send answers as they come, the widget's
socket.io (bot/channels/webchat.py) and Telegram (bot/channels/telegram.py),
wrap their handler in `guarded`, which adds the message after whatever was
already sent.
"""

from __future__ import annotations

import asyncio
import logging
import random
from typing import Any, Awaitable, Callable, Dict, List

from rasa.core.channels.channel import UserMessage

from bot import faults
from bot.log_ids import log_id

logger = logging.getLogger(__name__)

TURN_FAILED = "utter_turn_failed"

Handler = Callable[[UserMessage], Awaitable[Any]]


def one_variation(domain: Any, name: str) -> str:
    """The text of one variation of the domain's response `name`."""
    variations = domain.responses.get(name) or [{"text": name}]
    return str(random.choice(variations)["text"])


def response_as_messages(domain: Any, name: str) -> List[Dict[str, Any]]:
    """The domain's response `name` as the REST channel sends it: one message."""
    return [{"text": one_variation(domain, name)}]


def turn_failed_text(domain: Any) -> str:
    """What the user reads after a failed turn."""
    return one_variation(domain, TURN_FAILED)


async def run_turn(
    on_new_message: Handler, message: UserMessage, timeout_s: float
) -> set:
    """Runs one turn; returns the faults seen (empty when it went well).

    A turn cut off by the time limit is not stored: Rasa saves the tracker at
    the end of the turn, so the user can send the message again.
    """
    with faults.collecting() as seen:
        try:
            await asyncio.wait_for(on_new_message(message), timeout_s)
        except asyncio.TimeoutError:
            logger.error(
                "turn of %s took over %ss", log_id(message.sender_id), timeout_s
            )
            seen.add(faults.TIMEOUT)
        except Exception:  # noqa: BLE001 - whatever broke, the user hears it
            logger.exception("turn of %s failed", log_id(message.sender_id))
            seen.add(faults.CRASH)
        return set(seen)


def guarded(
    on_new_message: Handler, fault_answer: Callable[[], str], timeout_s: float
) -> Handler:
    """`on_new_message` for channels that send answers as they come (socket.io,
    Telegram): after a failed turn the user also gets `fault_answer()`."""
    faults.watch_rasa_actions()

    async def handle(message: UserMessage) -> None:
        if await run_turn(on_new_message, message, timeout_s):
            text = fault_answer()
            await message.output_channel.send_text_message(message.sender_id, text)

    return handle
