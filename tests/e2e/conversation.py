"""Talks to the running bot over the REST channel and socket.io, as a website would."""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import time
import urllib.error
import urllib.request
from contextlib import asynccontextmanager
from typing import Any, AsyncIterator, Dict, List, Optional, Tuple

import socketio

TOKEN = "test-token"


def rest_headers() -> Dict[str, str]:
    """As a REST client of the servers under test: with their REST_CHANNEL_TOKEN
    when this process has one (tests/cluster runs the production profile)."""
    headers = {"Content-Type": "application/json"}
    token = os.environ.get("REST_CHANNEL_TOKEN")
    if token:
        headers["Authorization"] = f"Bearer {token}"
    return headers


def post_json(url: str, body: Dict[str, Any], timeout: float = 30) -> Any:
    request = urllib.request.Request(
        url, data=json.dumps(body).encode(), headers=rest_headers()
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read())


def say(base: str, sender: str, text: str) -> List[Dict[str, Any]]:
    """Sends one message and returns the bot's answers."""
    return post_json(f"{base}/webhooks/rest/webhook", {"sender": sender, "message": text})


def tracker(base: str, sender: str) -> Dict[str, Any]:
    url = f"{base}/conversations/{sender}/tracker?token={TOKEN}"
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.loads(response.read())


def texts(answers: List[Dict[str, Any]]) -> str:
    return "\n".join(answer.get("text", "") for answer in answers)


def buttons(answers: List[Dict[str, Any]]) -> List[Dict[str, str]]:
    return [button for answer in answers for button in answer.get("buttons", [])]


def post_raw(base: str, body: bytes, timeout: float = 30) -> Tuple[int, Any]:
    """POSTs `body` as is to the REST webhook: (status, parsed JSON answer)."""
    request = urllib.request.Request(
        f"{base}/webhooks/rest/webhook", data=body,
        headers={"Content-Type": "application/json"},
    )  # fmt: skip
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


@asynccontextmanager
async def widget_session(
    base: str, max_wait_s: float, requested: Optional[str] = None
) -> AsyncIterator[Tuple[socketio.AsyncClient, str, asyncio.Queue]]:
    """A socket.io client joined to a widget session, as the widget does:
    (client, session token the server issued, queue of the texts the bot says).
    `requested`: the token to ask for (None: a new session)."""
    client = socketio.AsyncClient()
    heard: asyncio.Queue = asyncio.Queue()
    confirmed = asyncio.get_running_loop().create_future()
    client.on("bot_uttered", lambda data: heard.put_nowait(data.get("text")))
    client.on("session_confirm", lambda sid: confirmed.set_result(sid))
    # Long polling: python-engineio's websocket client needs a newer aiohttp.
    await client.connect(base, transports=["polling"])
    try:
        await client.emit("session_request", {"session_id": requested})
        session_id = await asyncio.wait_for(confirmed, max_wait_s)
        yield client, session_id, heard
    finally:
        await client.disconnect()


async def widget_turn(
    base: str, text: str, until: Optional[str], max_wait_s: float
) -> tuple:
    """Says `text` over socket.io as the widget does; (session id, what the bot
    said until `until` was among it (None: anything) or `max_wait_s` passed,
    seconds waited)."""
    async with widget_session(base, max_wait_s) as (client, session_id, heard):
        said: List[Any] = []
        started = time.monotonic()
        await client.emit("user_uttered", {"message": text, "session_id": session_id})

        def heard_enough() -> bool:
            return bool(said) if until is None else until in said

        while not heard_enough() and time.monotonic() - started < max_wait_s:
            left = max_wait_s - (time.monotonic() - started)
            try:
                said.append(await asyncio.wait_for(heard.get(), max(left, 0.01)))
            except asyncio.TimeoutError:
                break
        return session_id, said, time.monotonic() - started
