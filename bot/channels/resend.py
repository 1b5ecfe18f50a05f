"""A message sent again with the same `message_id` is answered, not handled twice.

A client that got no answer (the connection dropped, the Rasa instance died, a
502 from the load balancer) cannot know whether its message was handled. If it
was, sending it again would store it twice and move the dialogue on twice. A
client that gives each message an id and sends the same id with the resend
gets the answers given the first time instead, and nothing new is stored.

The check runs under the conversation's lock, so a resend that arrives while
another Rasa instance is still handling the first one waits for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable, List, Optional

from rasa.core.channels.channel import UserMessage

from bot.channels.turns import Handler

if TYPE_CHECKING:
    from rasa.shared.core.events import Event


def answers_to(events: Iterable["Event"], message_id: str) -> Optional[List[dict]]:
    """What the bot said after the user message `message_id`; None if not there."""
    answers: Optional[List[dict]] = None
    for event in events:
        if event.type_name == "user":
            if answers is not None:
                break
            if getattr(event, "message_id", None) == message_id:
                answers = []
        elif event.type_name == "bot" and answers is not None:
            answers.append(event.message())
    return answers


def handled_once(agent: Any) -> Handler:
    """`on_new_message` that answers a resent message from the stored conversation."""

    async def handle(message: UserMessage) -> None:
        async with agent.lock_store.lock(message.sender_id):
            tracker = await agent.tracker_store.retrieve(message.sender_id)
            earlier = (
                answers_to(tracker.events, message.message_id) if tracker else None
            )
            if earlier is None:
                await agent.processor.handle_message(message)
                return
            for answer in earlier:
                await message.output_channel.send_response(message.sender_id, answer)

    return handle
