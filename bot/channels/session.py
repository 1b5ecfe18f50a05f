"""Starting a conversation without a user turn.

When the widget opens a new conversation, or someone presses Start in
Telegram, the entrepreneur should see the welcome (``action_session_start``)
before typing anything. Sending Rasa a message such as ``/session_start`` would
run the welcome twice on a new tracker (once for the new session, once for the
intent) and put a fake user turn in the transcript; this runs only the session
start, as Rasa does before a conversation's first message.
"""

from __future__ import annotations

from rasa.core.channels.channel import OutputChannel
from sanic import Sanic


async def start_conversation(app: Sanic, sender_id: str, output: OutputChannel) -> None:
    """Sends the welcome unless the conversation already has a running session."""
    agent = app.ctx.agent
    if agent is None or not agent.is_ready():
        return
    async with agent.lock_store.lock(sender_id):
        tracker = await agent.processor.fetch_tracker_and_update_session(
            sender_id, output
        )
        await agent.processor.save_tracker(tracker)
