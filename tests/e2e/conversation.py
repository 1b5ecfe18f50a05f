"""Talks to the running bot over the REST channel, as a website would."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any, Dict, List, Tuple

TOKEN = "test-token"


def post_json(url: str, body: Dict[str, Any], timeout: float = 30) -> Any:
    request = urllib.request.Request(
        url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}
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
