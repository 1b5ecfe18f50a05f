"""Rasa's Telegram connector, hardened for Vraagwijzer.

Named in credentials.yml as ``bot.channels.telegram.TelegramChannel`` and
configured from environment variables (bot/settings.py): without
``TELEGRAM_BOT_TOKEN``, ``TELEGRAM_WEBHOOK_URL`` and ``TELEGRAM_WEBHOOK_SECRET``
the channel is off and its webhook answers 404. What it adds to Rasa 3.6's
``TelegramInput``/``TelegramOutput``:

- the webhook checks Telegram's ``X-Telegram-Bot-Api-Secret-Token`` header (403
  otherwise) and registers itself with that secret when the server starts,
  instead of asking ``getMe`` for every update;
- an update whose ``update_id`` was handled before is ignored (Telegram
  redelivers when an answer is slow);
- photos, voice messages, documents and other messages without text get the
  ``utter_attachment_unsupported`` response of domain.yml instead of silence;
- button payloads longer than Telegram's 64-byte callback data are replaced by
  a short key; an unknown key (e.g. after a restart) falls back to the title of
  the button that was pressed;
- every update passes the channels' boundary (bot/channels/boundary.py): JSON
  nested too deeply is a 400, a text that is not valid Unicode, empty or over
  2000 characters gets a Dutch answer and never reaches Rasa, text is
  normalised to NFKC; the conversation is Rasa's sender ``telegram:<chat id>``,
  out of reach of the other channels;
- the Bot API base URL comes from ``TELEGRAM_API_URL`` (a local Bot API server
  or a test double), and every Bot API call has a timeout;
- private chats only: in a group, supergroup or channel one conversation would
  be shared by everyone in it (and the bot would store what they all say), so
  a message there gets `GROUP_CHAT` and nothing goes to Rasa or the store;
- messages per chat are rate limited (RATE_SESSION_PER_MINUTE,
  bot/channels/ratelimit.py): over the limit the chat hears `TOO_FAST` once per
  minute and nothing else is handled until the minute is over;
- the webhook reads no body over REQUEST_MAX_BYTES (bot/channels/proxy.py);
- a turn that fails behind the channel (action server down or slow, database
  unavailable, over TURN_TIMEOUT_S) ends with "Er gaat iets mis aan onze kant,
  …" in the chat, as in the other channels (bot/channels/turns.py); nothing of
  it is stored. The webhook answers 200 once the turn is over or cut off, so
  Telegram does not redeliver the update.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Text

from aiogram import Bot
from aiogram.bot.api import TelegramAPIServer
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram.utils.exceptions import TelegramAPIError
from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.telegram import TelegramInput, TelegramOutput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.boundary import (
    TELEGRAM_PREFIX,
    UNREADABLE,
    Refused,
    message_problem,
    normalise,
    parse_json,
    problem_text,
)
from bot.channels.proxy import limit_request_size
from bot.channels.ratelimit import rate_limiter
from bot.channels.session import start_conversation
from bot.channels.turns import Handler, guarded, turn_failed_text
from bot.log_ids import log_id
from bot.settings import DEFAULT_TURN_TIMEOUT_S, TelegramSettings, load_settings

logger = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
MAX_CALLBACK_BYTES = 64  # Telegram's limit on an inline button's callback_data
CALLBACK_KEY_PREFIX = "#"
REMEMBERED_UPDATES = 10_000
REMEMBERED_PAYLOADS = 10_000
API_TIMEOUT_S = 15
ALLOWED_UPDATES = ["message", "edited_message", "callback_query"]
ATTACHMENT_RESPONSE = "utter_attachment_unsupported"
# Telegram sends /start when someone opens the bot: answered with the welcome.
TELEGRAM_START = "/start"
PRIVATE = "private"
# Channel-level texts, like boundary.UNREADABLE: answered before Rasa is involved.
GROUP_CHAT = (
    "Hallo! Ik ben Vraagwijzer en ik help alleen in een privégesprek, zodat wat "
    "je vertelt niet in de groep staat. Open een chat met mij en stuur daar je "
    "vraag. In deze groep lees ik niets en bewaar ik niets."
)


class RecentUpdates:
    """The last update ids seen, to ignore Telegram's redeliveries."""

    def __init__(self, size: int = REMEMBERED_UPDATES) -> None:
        self._size = size
        self._ids: "OrderedDict[int, None]" = OrderedDict()

    def seen_before(self, update_id: int) -> bool:
        """True if the id was seen; otherwise remembers it."""
        if update_id in self._ids:
            return True
        self._ids[update_id] = None
        if len(self._ids) > self._size:
            self._ids.popitem(last=False)
        return False


class CallbackPayloads:
    """Fits button payloads into Telegram's 64 bytes of callback data."""

    def __init__(self, size: int = REMEMBERED_PAYLOADS) -> None:
        self._size = size
        self._by_key: "OrderedDict[str, str]" = OrderedDict()

    def data_for(self, payload: str) -> str:
        if len(payload.encode("utf-8")) <= MAX_CALLBACK_BYTES:
            return payload
        key = (
            CALLBACK_KEY_PREFIX
            + hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]
        )
        self._by_key[key] = payload
        self._by_key.move_to_end(key)
        if len(self._by_key) > self._size:
            self._by_key.popitem(last=False)
        return key

    def payload_for(self, data: str) -> Optional[str]:
        """The payload behind callback data; None for a key no longer known."""
        if data in self._by_key:
            return self._by_key[data]
        if data.startswith(CALLBACK_KEY_PREFIX) and len(data) == 33:
            return None
        return data


@dataclass(frozen=True)
class Incoming:
    """What an update asks of the bot: a text for Rasa, or a polite refusal."""

    chat_id: int
    text: Optional[str]  # None: a message without text (photo, voice, document ...)
    callback_query_id: Optional[str] = None
    unreadable: bool = False  # a "text" that is not a string
    private: bool = True  # False: a group, supergroup or channel


def read_update(
    update: Dict[str, Any], payloads: CallbackPayloads
) -> Optional[Incoming]:
    """The chat and text of a webhook update; None when there is nothing to answer."""
    query = update.get("callback_query")
    if isinstance(query, dict):
        message = query.get("message")
        chat_id = chat_id_of(message)
        if chat_id is None:  # a button on an inline-mode message: not ours
            return None
        assert isinstance(message, dict)
        data = query.get("data")
        data = data if isinstance(data, str) else ""
        text = payloads.payload_for(data) or pressed_button_title(message, data)
        query_id = query.get("id")
        return Incoming(
            chat_id,
            text,
            callback_query_id=query_id if isinstance(query_id, str) else None,
            private=is_private(message),
        )
    message = update.get("message") or update.get("edited_message")
    chat_id = chat_id_of(message)
    if chat_id is None:
        return None
    assert isinstance(message, dict)
    text = message.get("text")
    private = is_private(message)
    if text is not None and not isinstance(text, str):
        return Incoming(chat_id, None, unreadable=True, private=private)
    return Incoming(chat_id, text, private=private)


def is_private(message: Dict[str, Any]) -> bool:
    """A one-to-one chat with the bot; anything else (or no type) is not."""
    chat = message.get("chat")
    return isinstance(chat, dict) and chat.get("type") == PRIVATE


def chat_id_of(message: Any) -> Optional[int]:
    """The chat of a Telegram message, an integer; None for anything else."""
    chat = message.get("chat") if isinstance(message, dict) else None
    chat_id = chat.get("id") if isinstance(chat, dict) else None
    if isinstance(chat_id, bool) or not isinstance(chat_id, int):
        return None
    return chat_id


def sender_id(chat_id: Any) -> str:
    """The Rasa sender id of a chat, in the channel's own namespace."""
    return f"{TELEGRAM_PREFIX}{chat_id}"


def chat_of(recipient_id: str) -> str:
    """The chat id in a sender id (Telegram's Bot API wants the bare number)."""
    return recipient_id.removeprefix(TELEGRAM_PREFIX)


def pressed_button_title(message: Dict[str, Any], data: str) -> Optional[str]:
    markup = message.get("reply_markup")
    keyboard = markup.get("inline_keyboard") if isinstance(markup, dict) else None
    for row in keyboard if isinstance(keyboard, list) else []:
        for button in row if isinstance(row, list) else []:
            if isinstance(button, dict) and button.get("callback_data") == data:
                title = button.get("text")
                return title if isinstance(title, str) else None
    return None


def secret_matches(sent: Optional[str], expected: Optional[str]) -> bool:
    if not sent or not expected:
        return False
    return hmac.compare_digest(sent.encode("utf-8"), expected.encode("utf-8"))


class HardenedTelegramOutput(TelegramOutput):
    """TelegramOutput on a configurable Bot API server, with short callback data."""

    def __init__(self, settings: TelegramSettings, payloads: CallbackPayloads) -> None:
        Bot.__init__(
            self,
            settings.bot_token,
            timeout=API_TIMEOUT_S,
            server=TelegramAPIServer.from_base(settings.api_url),
        )
        self.payloads = payloads

    async def send_response(self, recipient_id: Text, message: Dict[Text, Any]) -> None:
        await super().send_response(chat_of(recipient_id), message)

    async def send_text_message(
        self, recipient_id: Text, text: Text, **kwargs: Any
    ) -> None:
        await super().send_text_message(chat_of(recipient_id), text, **kwargs)

    async def send_text_with_buttons(
        self,
        recipient_id: Text,
        text: Text,
        buttons: List[Dict[Text, Any]],
        button_type: Optional[Text] = "vertical",
        **kwargs: Any,
    ) -> None:
        """One button per row: option titles are too long to share a row."""
        keyboard = InlineKeyboardMarkup()
        for button in buttons:
            data = self.payloads.data_for(str(button["payload"]))
            keyboard.row(InlineKeyboardButton(button["title"], callback_data=data))
        await self.send_message(chat_of(recipient_id), text, reply_markup=keyboard)

    async def register_webhook(self, url: str, secret: str) -> None:
        # aiogram 2.15 predates setWebhook's secret_token: call the method itself.
        await self.request(
            "setWebhook",
            {
                "url": url,
                "secret_token": secret,
                "allowed_updates": json.dumps(ALLOWED_UPDATES),
            },
        )


class TelegramChannel(TelegramInput):
    """The Telegram webhook at /webhooks/telegram/webhook."""

    @classmethod
    def name(cls) -> Text:
        return "telegram"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        settings = load_settings()
        return cls(settings.telegram, settings.turn_timeout_s)

    def __init__(
        self,
        settings: TelegramSettings,
        turn_timeout_s: float = DEFAULT_TURN_TIMEOUT_S,
    ) -> None:
        super().__init__(
            settings.bot_token,
            verify=None,
            webhook_url=settings.webhook_url,
            debug_mode=False,
        )
        self.settings = settings
        self.turn_timeout_s = turn_timeout_s
        self.updates = RecentUpdates()
        self.payloads = CallbackPayloads()
        self.told_to_wait: "OrderedDict[int, int]" = OrderedDict()  # chat -> minute

    def get_output_channel(self) -> HardenedTelegramOutput:
        return HardenedTelegramOutput(self.settings, self.payloads)

    def blueprint(self, on_new_message: Handler) -> Blueprint:
        telegram = Blueprint("telegram_webhook", __name__)
        if not self.settings.enabled:
            logger.info(
                "Telegram channel off: %s unset", ", ".join(self.settings.missing)
            )

            @telegram.route("/", methods=["GET"])
            async def health_off(_: Request) -> HTTPResponse:
                return response.json(
                    {"status": "off", "missing": self.settings.missing}
                )

            return telegram

        out = self.get_output_channel()
        limit_request_size(telegram)
        limiter = rate_limiter()

        @telegram.listener("after_server_start")
        async def register_webhook(*_: Any) -> None:
            assert self.settings.webhook_url and self.settings.webhook_secret
            try:
                await out.register_webhook(
                    self.settings.webhook_url, self.settings.webhook_secret
                )
                logger.info(
                    "Telegram webhook registered: %s", self.settings.webhook_url
                )
            except Exception:  # noqa: BLE001 - serve anyway, the operator sees the log
                logger.exception("Telegram webhook not registered")

        @telegram.listener("before_server_stop")
        async def close_session(*_: Any) -> None:
            await out.close()

        @telegram.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @telegram.route("/webhook", methods=["POST"])
        async def webhook(request: Request) -> HTTPResponse:
            sent = request.headers.get(SECRET_HEADER)
            if not secret_matches(sent, self.settings.webhook_secret):
                logger.warning("Telegram webhook called without the right secret")
                return response.text("forbidden", status=403)
            try:
                update = parse_json(request.body)
            except Refused as refused:
                return response.text(f"not a Telegram update: {refused}", status=400)
            if not isinstance(update, dict) or not isinstance(
                update.get("update_id"), int
            ):
                return response.text("not a Telegram update", status=400)
            if self.updates.seen_before(update["update_id"]):
                logger.info("Telegram update %s repeated: ignored", update["update_id"])
                return response.text("duplicate")
            incoming = read_update(update, self.payloads)
            if incoming is None:
                return response.text("ignored")
            refusal = await limiter.admit_message(sender_id(incoming.chat_id), None)
            if refusal is not None:
                if self._tell_to_wait(incoming.chat_id):
                    await self._say(out, incoming, refusal.text)
                return response.text("rate limited")
            if not incoming.private:
                await self._say(out, incoming, GROUP_CHAT)
                return response.text("not a private chat")
            await self._answer(request, incoming, out, on_new_message)
            return response.text("success")

        return telegram

    def _tell_to_wait(self, chat_id: int) -> bool:
        """True the first time in a minute that this chat is over its limit."""
        minute = int(time.time() // 60)
        if self.told_to_wait.get(chat_id) == minute:
            return False
        self.told_to_wait[chat_id] = minute
        self.told_to_wait.move_to_end(chat_id)
        if len(self.told_to_wait) > REMEMBERED_UPDATES:
            self.told_to_wait.popitem(last=False)
        return True

    async def _say(
        self, out: HardenedTelegramOutput, incoming: Incoming, text: str
    ) -> None:
        """A channel-level answer in the chat (no turn, nothing stored)."""
        try:
            if incoming.callback_query_id:
                await out.answer_callback_query(incoming.callback_query_id)
            await out.send_text_message(str(incoming.chat_id), text)
        except (TelegramAPIError, asyncio.TimeoutError):
            logger.exception("Telegram Bot API call failed for a chat")

    async def _answer(
        self,
        request: Request,
        incoming: Incoming,
        out: HardenedTelegramOutput,
        on_new_message: Handler,
    ) -> None:
        chat_id = str(incoming.chat_id)
        try:
            if incoming.callback_query_id:  # stops the spinner on the button
                await out.answer_callback_query(incoming.callback_query_id)
            if incoming.unreadable:
                await out.send_text_message(chat_id, UNREADABLE)
                return
            if incoming.text is None:
                await out.send_text_message(chat_id, attachment_reply(request))
                return
            problem = message_problem(incoming.text)
            if problem is not None:
                domain = request.app.ctx.agent.domain
                await out.send_text_message(chat_id, problem_text(domain, problem))
                return
            text = normalise(incoming.text)
            handler = on_new_message
            if text == TELEGRAM_START:
                # The welcome is a custom action too: it can fail like a turn.
                async def welcome(message: UserMessage) -> None:
                    await start_conversation(request.app, message.sender_id, out)

                handler = welcome
            message = UserMessage(
                text,
                out,
                sender_id(incoming.chat_id),
                input_channel=self.name(),
                metadata=self.get_metadata(request),
            )
            turn = guarded(
                handler,
                lambda: turn_failed_text(request.app.ctx.agent.domain),
                self.turn_timeout_s,
            )
            await turn(message)
        except (TelegramAPIError, asyncio.TimeoutError):
            # Answer 200 all the same: a redelivery would be ignored as repeated.
            logger.exception(
                "Telegram Bot API call failed for chat %s", log_id(chat_id)
            )


def attachment_reply(request: Request) -> str:
    """The domain's answer to a photo, voice message or document."""
    responses = request.app.ctx.agent.domain.responses[ATTACHMENT_RESPONSE]
    return responses[0]["text"]
