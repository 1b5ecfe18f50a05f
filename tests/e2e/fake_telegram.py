"""A stand-in for Telegram's Bot API on 127.0.0.1 that records every call.

aiogram posts form fields (reply_markup as a JSON string) to
``/bot<token>/<method>``; this answers like the Bot API does, enough for
setWebhook, sendMessage and answerCallbackQuery, and keeps the calls so a test
can read what the entrepreneur would have seen.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
import urllib.parse
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler
from typing import Any, Dict, Iterator, List

from tests.e2e.servers import http_server


class FakeBotApi:
    def __init__(self) -> None:
        self.calls: List[Dict[str, Any]] = []  # {"token", "method", "params"}
        self._lock = threading.Lock()
        self._message_ids = itertools.count(1)
        self.url = ""

    def record(self, token: str, method: str, params: Dict[str, Any]) -> Any:
        with self._lock:
            self.calls.append({"token": token, "method": method, "params": params})
        if method == "sendMessage":
            return {
                "message_id": next(self._message_ids),
                "date": int(time.time()),
                "chat": {"id": int(params["chat_id"]), "type": "private"},
                "text": params.get("text", ""),
            }
        if method == "getMe":
            return {
                "id": 1,
                "is_bot": True,
                "first_name": "Vraagwijzer",
                "username": "vw_bot",
            }
        return True

    def called(self, method: str) -> List[Dict[str, Any]]:
        with self._lock:
            return [call["params"] for call in self.calls if call["method"] == method]

    def sent(self) -> List[Dict[str, Any]]:
        """The sendMessage calls, reply_markup parsed."""
        messages = []
        for params in self.called("sendMessage"):
            markup = params.get("reply_markup")
            messages.append(
                {**params, "reply_markup": json.loads(markup) if markup else None}
            )
        return messages


def _handler(api: FakeBotApi) -> type:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - http.server's name
            _, bot_token, method = self.path.split("/", 2)
            body = self.rfile.read(
                int(self.headers.get("Content-Length") or 0)
            ).decode()
            if self.headers.get("Content-Type", "").startswith("application/json"):
                params = json.loads(body or "{}")
            else:
                params = {k: v[-1] for k, v in urllib.parse.parse_qs(body).items()}
            result = api.record(bot_token[len("bot") :], method, params)
            payload = json.dumps({"ok": True, "result": result}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *args: object) -> None:
            pass

    return Handler


@contextmanager
def fake_bot_api() -> Iterator[FakeBotApi]:
    api = FakeBotApi()
    with http_server(_handler(api)) as url:
        api.url = url
        yield api
