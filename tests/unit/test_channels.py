"""The custom channels' pieces: Telegram hardening, web session ids, settings."""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
from types import SimpleNamespace
from typing import Any, Dict, List

import pytest

from actions.stored_request import CHANNELS
from bot.channels.telegram import (
    MAX_CALLBACK_BYTES,
    CallbackPayloads,
    HardenedTelegramOutput,
    Incoming,
    RecentUpdates,
    TelegramChannel,
    read_update,
    secret_matches,
)
from bot.channels.boundary import UNREADABLE
from bot.channels.webchat import WebChatInput
from bot.channels.widget_session import WidgetSessions, session_key
from bot.settings import DEFAULT_TELEGRAM_API_URL, TelegramSettings, load_settings

TELEGRAM = TelegramSettings(
    bot_token="123456:ABC-test",
    webhook_url="https://bot.example/webhooks/telegram/webhook",
    webhook_secret="s3cret",
    api_url="http://127.0.0.1:8081/",
)
LONG_PAYLOAD = (
    '/inform{"sector": "installatietechniek en elektrotechniek", "region": "Twente"}'
)


def chat(**content: Any) -> Dict[str, Any]:
    return {
        "message_id": 1,
        "date": 0,
        "chat": {"id": 77, "type": "private"},
        **content,
    }


# --- which channel the stored request names ---------------------------------


def test_custom_channels_are_stored_as_web_and_telegram():
    assert CHANNELS[WebChatInput.name()] == "web"
    assert CHANNELS[TelegramChannel.name()] == "telegram"


# --- settings -----------------------------------------------------------------


def test_telegram_is_off_until_token_webhook_and_secret_are_set():
    settings = load_settings(
        {"TELEGRAM_BOT_TOKEN": "1:a", "TELEGRAM_WEBHOOK_SECRET": ""}
    )
    assert not settings.telegram.enabled
    assert settings.telegram.missing == (
        "TELEGRAM_WEBHOOK_URL",
        "TELEGRAM_WEBHOOK_SECRET",
    )
    assert settings.telegram.api_url == DEFAULT_TELEGRAM_API_URL


def test_telegram_settings_come_from_the_environment():
    settings = load_settings(
        {
            "TELEGRAM_BOT_TOKEN": "1:a",
            "TELEGRAM_WEBHOOK_URL": "https://x/webhooks/telegram/webhook",
            "TELEGRAM_WEBHOOK_SECRET": "geheim",
            "TELEGRAM_API_URL": "http://localhost:8081",
        }
    ).telegram
    assert settings.enabled and settings.missing == ()
    assert settings.api_url == "http://localhost:8081"


def test_channel_without_settings_has_no_webhook():
    channel = TelegramChannel(TelegramSettings())
    routes = [route.uri for route in _routes(channel)]
    assert not any(uri.endswith("webhook") for uri in routes)


def test_configured_channel_has_a_post_only_webhook():
    channel = TelegramChannel(TELEGRAM)
    webhook = [route for route in _routes(channel) if route.uri.endswith("webhook")]
    assert [route.methods for route in webhook] == [{"POST"}]


def _routes(channel: TelegramChannel) -> List[Any]:
    async def on_new_message(_: Any) -> None:
        pass

    return list(channel.blueprint(on_new_message)._future_routes)


# --- the webhook secret -------------------------------------------------------


@pytest.mark.parametrize("sent", [None, "", "S3CRET", "s3cret ", "s3cre"])
def test_wrong_or_missing_secret_does_not_match(sent):
    assert not secret_matches(sent, "s3cret")


def test_right_secret_matches_and_no_secret_configured_never_does():
    assert secret_matches("s3cret", "s3cret")
    assert not secret_matches("", "")
    assert not secret_matches("x", None)


# --- repeated updates ---------------------------------------------------------


def test_repeated_update_id_is_recognised():
    updates = RecentUpdates()
    assert not updates.seen_before(1)
    assert not updates.seen_before(2)
    assert updates.seen_before(1)


def test_only_the_latest_update_ids_are_kept():
    updates = RecentUpdates(size=2)
    for update_id in (1, 2, 3):
        updates.seen_before(update_id)
    assert not updates.seen_before(1)  # forgotten, so new again
    assert updates.seen_before(3)


# --- callback data ------------------------------------------------------------


def test_short_payloads_are_sent_as_they_are():
    payloads = CallbackPayloads()
    assert payloads.data_for("/affirm") == "/affirm"
    assert payloads.payload_for("/affirm") == "/affirm"
    assert payloads.data_for("é" * 32) == "é" * 32  # 64 bytes exactly


@pytest.mark.parametrize("payload", [LONG_PAYLOAD, "é" * 33])
def test_long_payloads_get_a_short_key_that_leads_back(payload):
    payloads = CallbackPayloads()
    data = payloads.data_for(payload)
    assert len(data.encode("utf-8")) <= MAX_CALLBACK_BYTES
    assert data != payload
    assert payloads.payload_for(data) == payload


def test_forgotten_key_is_unknown():
    data = CallbackPayloads().data_for(LONG_PAYLOAD)
    assert CallbackPayloads().payload_for(data) is None


def test_buttons_are_sent_one_per_row_with_short_callback_data():
    out = HardenedTelegramOutput(TELEGRAM, CallbackPayloads())
    sent: List[Dict[str, Any]] = []

    async def send_message(chat_id: Any, text: str, **kwargs: Any) -> None:
        sent.append({"chat_id": chat_id, "text": text, **kwargs})

    out.send_message = send_message  # type: ignore[assignment]
    buttons = [
        {"title": "Ja", "payload": "/affirm"},
        {"title": "Lang", "payload": LONG_PAYLOAD},
    ]
    asyncio.run(out.send_text_with_buttons("77", "Klopt dat?", buttons))
    keyboard = json.loads(sent[0]["reply_markup"].as_json())["inline_keyboard"]
    assert [[button["text"] for button in row] for row in keyboard] == [
        ["Ja"],
        ["Lang"],
    ]
    data = keyboard[1][0]["callback_data"]
    assert len(data.encode("utf-8")) <= MAX_CALLBACK_BYTES
    assert out.payloads.payload_for(data) == LONG_PAYLOAD


def test_the_output_sends_to_the_bare_chat_id_of_a_namespaced_sender():
    out = HardenedTelegramOutput(TELEGRAM, CallbackPayloads())
    sent: List[Any] = []

    async def send_message(chat_id: Any, text: str, **kwargs: Any) -> None:
        sent.append(chat_id)

    out.send_message = send_message  # type: ignore[assignment]
    asyncio.run(out.send_text_message("telegram:77", "hoi"))
    asyncio.run(out.send_response("telegram:77", {"text": "hoi"}))
    buttons = [{"title": "Ja", "payload": "/affirm"}]
    asyncio.run(out.send_response("telegram:77", {"text": "ok?", "buttons": buttons}))
    assert sent == ["77", "77", "77"]


def test_bot_api_base_url_comes_from_the_settings():
    out = HardenedTelegramOutput(TELEGRAM, CallbackPayloads())
    url = out.server.api_url(token="123456:ABC-test", method="sendMessage")
    assert url == "http://127.0.0.1:8081/bot123456:ABC-test/sendMessage"


# --- reading updates ----------------------------------------------------------


def test_text_message_is_passed_on():
    update = {"update_id": 1, "message": chat(text="ik zoek stagiairs")}
    assert read_update(update, CallbackPayloads()) == Incoming(77, "ik zoek stagiairs")


def test_edited_message_is_passed_on():
    update = {"update_id": 1, "edited_message": chat(text="ik zoek monteurs")}
    assert read_update(update, CallbackPayloads()) == Incoming(77, "ik zoek monteurs")


@pytest.mark.parametrize(
    "content",
    [
        {"photo": [{"file_id": "a", "file_unique_id": "b", "width": 1, "height": 1}]},
        {"voice": {"file_id": "a", "file_unique_id": "b", "duration": 2}},
        {"document": {"file_id": "a", "file_unique_id": "b"}},
        {"sticker": {"file_id": "a"}},
    ],
)
def test_message_without_text_asks_for_a_polite_answer(content):
    update = {"update_id": 1, "message": chat(**content)}
    assert read_update(update, CallbackPayloads()) == Incoming(77, None)


def test_button_press_passes_the_payload_and_query_id():
    payloads = CallbackPayloads()
    data = payloads.data_for(LONG_PAYLOAD)
    update = {
        "update_id": 1,
        "callback_query": {"id": "q1", "data": data, "message": chat(text="Kies")},
    }
    assert read_update(update, payloads) == Incoming(
        77, LONG_PAYLOAD, callback_query_id="q1"
    )


def test_button_with_a_forgotten_key_passes_the_button_title():
    data = CallbackPayloads().data_for(LONG_PAYLOAD)
    keyboard = {
        "inline_keyboard": [[{"text": "Installatie in Twente", "callback_data": data}]]
    }
    pressed = chat(text="Kies", reply_markup=keyboard)
    update = {
        "update_id": 1,
        "callback_query": {"id": "q1", "data": data, "message": pressed},
    }
    incoming = read_update(update, CallbackPayloads())  # e.g. after a restart
    assert incoming == Incoming(77, "Installatie in Twente", callback_query_id="q1")


@pytest.mark.parametrize(
    "update",
    [
        {
            "update_id": 1,
            "callback_query": {"id": "q", "data": "x", "inline_message_id": "i"},
        },
        {"update_id": 1, "channel_post": chat(text="nieuws")},
        {"update_id": 1},
    ],
    ids=["inline-mode button", "channel post", "empty"],
)
def test_updates_that_are_not_a_conversation_are_ignored(update):
    assert read_update(update, CallbackPayloads()) is None


# --- web session ids ----------------------------------------------------------


SESSIONS = WidgetSessions(b"k" * 32, idle_s=600, clock=lambda: 10_000.0)


def test_issued_tokens_are_128_random_bits_with_the_servers_signature():
    tokens = {SESSIONS.issue() for _ in range(100)}
    assert len({token[:32] for token in tokens}) == 100
    assert all(re.fullmatch(r"[0-9a-f]{64}", token) for token in tokens)
    assert all(SESSIONS.is_issued(token) for token in tokens)
    other_server = WidgetSessions(b"x" * 32, idle_s=600)
    assert not any(other_server.is_issued(token) for token in tokens)


@pytest.mark.parametrize(
    "session_id",
    [None, "", "1", "demo", "0" * 31, "0" * 32, "A" * 64, "g" * 64, "0" * 64,
     "0" * 65, "12345678-1234-1234-1234-123456789abc", 12345],
)  # fmt: skip
def test_tokens_the_server_did_not_issue_are_refused(session_id):
    assert not SESSIONS.is_issued(session_id)


def test_a_changed_signature_or_random_part_is_refused():
    token = SESSIONS.issue()
    last = "0" if token[-1] != "0" else "1"
    first = "0" if token[0] != "0" else "1"
    assert not SESSIONS.is_issued(token[:-1] + last)
    assert not SESSIONS.is_issued(first + token[1:])


def test_the_stored_conversation_id_does_not_reveal_the_token():
    token = SESSIONS.issue()
    conversation = SESSIONS.conversation_id(token)
    assert re.fullmatch(r"web:[0-9a-f]{32}", conversation)
    assert token[:32] not in conversation and token[32:] not in conversation
    # What a coordinator reads cannot be presented as a session token.
    assert not SESSIONS.is_issued(conversation.removeprefix("web:"))
    assert not SESSIONS.is_issued(conversation.removeprefix("web:") * 2)
    assert SESSIONS.conversation_id(token) == conversation  # stable


def test_a_session_is_over_after_the_idle_limit():
    assert not SESSIONS.is_idle(None)  # nothing said yet
    assert not SESSIONS.is_idle(10_000.0 - 600)
    assert SESSIONS.is_idle(10_000.0 - 601)


def test_the_session_key_comes_from_the_settings_or_a_private_file(
    tmp_path, monkeypatch
):
    import bot.channels.widget_session as widget_session

    assert session_key(load_settings({"WIDGET_SESSION_KEY": "abc"})) == b"abc"
    key_file = tmp_path / "var" / "widget_session_key"
    monkeypatch.setattr(widget_session, "KEY_FILE", key_file)
    key = session_key(load_settings({}))
    assert len(key) == 64 and session_key(load_settings({})) == key
    assert key_file.stat().st_mode & 0o777 == 0o600


def test_idle_minutes_come_from_the_settings():
    assert load_settings({}).widget_session_idle_minutes == 60
    assert (
        load_settings(
            {"WIDGET_SESSION_IDLE_MINUTES": "0.5"}
        ).widget_session_idle_minutes
        == 0.5
    )


# --- a turn that fails behind the channel ---------------------------------------


class RecordingOutput:
    """Stands in for HardenedTelegramOutput: what the chat would read."""

    def __init__(self) -> None:
        self.sent: List[tuple] = []

    async def send_text_message(self, recipient_id: str, text: str, **_: Any) -> None:
        self.sent.append((recipient_id, text))

    async def answer_callback_query(self, callback_query_id: str) -> None:
        pass


def telegram_request() -> Any:
    responses = {"utter_turn_failed": [{"text": "Er gaat iets mis"}]}
    agent = SimpleNamespace(domain=SimpleNamespace(responses=responses))
    return SimpleNamespace(app=SimpleNamespace(ctx=SimpleNamespace(agent=agent)))


async def _half_then_crash(message: Any) -> None:
    await message.output_channel.send_text_message(message.sender_id, "half")
    raise RuntimeError("action server unreachable")


async def _too_slow(message: Any) -> None:
    await asyncio.sleep(5)


async def _fine(message: Any) -> None:
    await message.output_channel.send_text_message(message.sender_id, "heel")


@pytest.mark.parametrize(
    "turn, expected",
    [
        (_half_then_crash, ["half", "Er gaat iets mis"]),
        (_too_slow, ["Er gaat iets mis"]),
        (_fine, ["heel"]),
    ],
    ids=["crash", "over-the-limit", "fine"],
)
def test_a_failed_telegram_turn_ends_with_the_fault_message_in_the_chat(turn, expected):
    channel = TelegramChannel(TELEGRAM, turn_timeout_s=0.05)
    out = RecordingOutput()
    incoming = Incoming(77, "ik zoek monteurs")
    asyncio.run(
        asyncio.wait_for(channel._answer(telegram_request(), incoming, out, turn), 2)
    )
    # The conversation is "telegram:77"; HardenedTelegramOutput sends to chat 77.
    assert out.sent == [("telegram:77", text) for text in expected]


def test_a_failed_welcome_after_start_ends_with_the_fault_message():
    class Processor:
        async def fetch_tracker_and_update_session(self, *_: Any) -> None:
            raise RuntimeError("action_session_start failed")

    class Locks:
        def lock(self, _: str) -> Any:
            return contextlib.nullcontext()

    request = telegram_request()
    request.app.ctx.agent.is_ready = lambda: True
    request.app.ctx.agent.processor = Processor()
    request.app.ctx.agent.lock_store = Locks()
    out = RecordingOutput()

    async def not_called(_: Any) -> None:
        raise AssertionError("/start is no user turn")

    channel = TelegramChannel(TELEGRAM, turn_timeout_s=1)
    asyncio.run(channel._answer(request, Incoming(77, "/start"), out, not_called))
    assert out.sent == [("telegram:77", "Er gaat iets mis")]


def test_telegram_takes_the_turn_limit_from_the_settings(monkeypatch):
    for name, value in {
        "TELEGRAM_BOT_TOKEN": "123456:ABC-test",
        "TELEGRAM_WEBHOOK_URL": "https://x/webhooks/telegram/webhook",
        "TELEGRAM_WEBHOOK_SECRET": "s3cret",
        "TURN_TIMEOUT_S": "3.5",
    }.items():
        monkeypatch.setenv(name, value)
    channel = TelegramChannel.from_credentials(None)
    assert isinstance(channel, TelegramChannel) and channel.turn_timeout_s == 3.5


@pytest.mark.parametrize("text, expected", [
    ("x\ud800", UNREADABLE),
    ("monteurs " * 300, "Dat is een erg lang bericht"),
    ("\x00 \ufeff", "Je bericht was leeg"),
])  # fmt: skip
def test_telegram_text_the_boundary_refuses_is_answered_without_a_turn(text, expected):
    request = telegram_request()
    request.app.ctx.agent.domain.responses.update({
        "utter_message_too_long": [{"text": "Dat is een erg lang bericht."}],
        "utter_empty_message": [{"text": "Je bericht was leeg."}],
    })  # fmt: skip
    out = RecordingOutput()

    async def not_called(_: Any) -> None:
        raise AssertionError("refused text must not reach Rasa")

    channel = TelegramChannel(TELEGRAM, turn_timeout_s=1)
    asyncio.run(channel._answer(request, Incoming(77, text), out, not_called))
    assert len(out.sent) == 1 and out.sent[0][1].startswith(expected)


def test_a_telegram_text_that_is_no_string_is_answered_as_unreadable():
    update = {"update_id": 1, "message": chat(text=["a"])}
    incoming = read_update(update, CallbackPayloads())
    assert incoming == Incoming(77, None, unreadable=True)
    out = RecordingOutput()

    async def not_called(_: Any) -> None:
        raise AssertionError("refused text must not reach Rasa")

    channel = TelegramChannel(TELEGRAM, turn_timeout_s=1)
    asyncio.run(channel._answer(telegram_request(), incoming, out, not_called))
    assert out.sent == [("77", UNREADABLE)]


def test_telegram_text_is_normalised_before_rasa_sees_it():
    seen: List[str] = []

    async def turn(message: Any) -> None:
        seen.append((message.sender_id, message.text))

    channel = TelegramChannel(TELEGRAM, turn_timeout_s=1)
    asyncio.run(channel._answer(telegram_request(), Incoming(77, "bel ０６\u00a0x"),
                                RecordingOutput(), turn))  # fmt: skip
    assert seen == [("telegram:77", "bel 06 x")]
