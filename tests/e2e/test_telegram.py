"""The Telegram channel end to end: webhook updates in, Bot API calls out.

Rasa runs with the channel configured against a fake Bot API server on
127.0.0.1 (tests/e2e/fake_telegram.py). Updates are posted to the webhook as
Telegram would post them; what the entrepreneur sees is read from the recorded
sendMessage calls, and button presses use the callback data the bot sent.
The action server can be stopped and started again (tests/e2e/servers.py's Bot).
"""

from __future__ import annotations

import itertools
import json
import time
import urllib.error
import urllib.request
from contextlib import ExitStack
from typing import Any, Dict, List, Optional

import pytest
import yaml

from bot.channels.telegram import GROUP_CHAT, MAX_CALLBACK_BYTES, SECRET_HEADER
from tests.e2e.conversation import tracker
from tests.e2e.fake_telegram import FakeBotApi, fake_bot_api
from tests.e2e.servers import ROOT, Bot, stored_requests
from tests.e2e.stored import events_of

pytestmark = pytest.mark.skipif(
    not (ROOT / "models" / "vraagwijzer.tar.gz").exists(),
    reason="no trained model: run `make train` (make test does)",
)

TOKEN = "123456:TEST-token-not-real"
SECRET = "test_secret-42"
WEBHOOK_URL = "https://vraagwijzer.example/webhooks/telegram/webhook"
CHAT_ID = 424242
FAULT_CHAT_ID = 434343
MAX_WAIT_S = 10  # as for REST (tests/e2e/test_faults.py): a Dutch message within 10 s
update_ids = itertools.count(9000)

# (what the entrepreneur does, slot the bot asks for next): text is typed,
# "press:<title>" presses the inline button whose title starts with <title>.
INTAKE = [
    ("/start", None),
    ("we moeten iets met duurzaamheid maar weten niet wat", "problem"),
    ("minder energie verbruiken in de productie", "education_level"),
    ("press:hbo", "time_horizon"),
    ("binnen een half jaar, een paar uur per week", "company_name"),
    # the name says the sector ("metaalbewerking"): only the size is asked
    ("Metaalbewerking De Vries uit Twente", "company_size"),
    ("25 man", "question_confirmed"),
    ("press:Ja, klopt", "chosen_option"),
    ("press:2. ", "contact_consent"),
    ("press:Ja, neem contact op", "contact_name"),
    ("Anna de Vries, anna@devries-metaal.nl", None),
]


def domain_text(response: str) -> str:
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    return domain["responses"][response][0]["text"]


def text_update(text: str, chat_id: int = CHAT_ID) -> Dict[str, Any]:
    return {"update_id": next(update_ids), "message": message(chat_id, text=text)}


def message(chat_id: int = CHAT_ID, **content: Any) -> Dict[str, Any]:
    return {
        "message_id": next(update_ids),
        "date": int(time.time()),
        "chat": {"id": chat_id, "type": "private", "first_name": "Anna"},
        "from": {"id": chat_id, "is_bot": False, "first_name": "Anna"},
        **content,
    }


def press_update(api: FakeBotApi, title: str) -> Dict[str, Any]:
    """The callback query of pressing a button of the bot's latest keyboard."""
    sent = [m for m in api.sent() if m["reply_markup"]][-1]
    keyboard = sent["reply_markup"]["inline_keyboard"]
    button = next(b for row in keyboard for b in row if b["text"].startswith(title))
    return {
        "update_id": next(update_ids),
        "callback_query": {
            "id": f"cb-{next(update_ids)}",
            "from": {"id": CHAT_ID, "is_bot": False, "first_name": "Anna"},
            "chat_instance": "1",
            "data": button["callback_data"],
            "message": message(text=sent["text"], reply_markup=sent["reply_markup"]),
        },
    }


def post_update(
    base: str, update: Dict[str, Any], secret: Optional[str] = SECRET
) -> int:
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers[SECRET_HEADER] = secret
    request = urllib.request.Request(
        f"{base}/webhooks/telegram/webhook",
        data=json.dumps(update).encode(),
        headers=headers,
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def user_turns(base: str, chat_id: int = CHAT_ID) -> int:
    return sum(1 for e in tracker(base, f"telegram:{chat_id}")["events"] if e["event"] == "user")


def sent_to(api: FakeBotApi, chat_id: int) -> List[str]:
    """The texts sent to one chat, oldest first."""
    return [m["text"] for m in api.sent() if int(m["chat_id"]) == chat_id]


@pytest.fixture(scope="module")
def telegram_bot(tmp_path_factory):
    """The fake Bot API and the two servers, the action server stoppable."""
    with fake_bot_api() as api, ExitStack() as stack:
        env = {
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_WEBHOOK_URL": WEBHOOK_URL,
            "TELEGRAM_WEBHOOK_SECRET": SECRET,
            "TELEGRAM_API_URL": api.url,
        }
        yield api, Bot(tmp_path_factory.mktemp("telegram"), stack, env)


@pytest.fixture(scope="module")
def telegram(telegram_bot):
    api, bot = telegram_bot
    return api, bot.base, bot.database_url


def test_webhook_is_registered_with_the_secret(telegram):
    api, _, _ = telegram
    deadline = time.monotonic() + 20
    while not api.called("setWebhook") and time.monotonic() < deadline:
        time.sleep(0.2)
    (registration,) = api.called("setWebhook")
    assert registration["url"] == WEBHOOK_URL
    assert registration["secret_token"] == SECRET
    assert "callback_query" in json.loads(registration["allowed_updates"])
    assert {call["token"] for call in api.calls} == {TOKEN}


def test_whole_intake_by_text_and_buttons_is_stored_as_telegram(telegram):
    api, base, database_url = telegram
    for step, next_slot in INTAKE:
        answered_before = len(api.sent())
        if step.startswith("press:"):
            update = press_update(api, step[len("press:") :])
            callbacks_before = len(api.called("answerCallbackQuery"))
        else:
            update = text_update(step)
        assert post_update(base, update) == 200
        answers = api.sent()[answered_before:]
        assert answers, f"no answer to {step!r}"
        assert {int(a["chat_id"]) for a in answers} == {CHAT_ID}
        if step.startswith("press:"):
            assert len(api.called("answerCallbackQuery")) == callbacks_before + 1
        slots = tracker(base, f"telegram:{CHAT_ID}")["slots"]
        said = " | ".join(a["text"] for a in answers)
        assert slots["requested_slot"] == next_slot, (
            f"after {step!r} the bot said {said!r}"
        )
        if step == "/start":
            assert "Vraagwijzer" in said and user_turns(base) == 0

    for sent in api.sent():
        for row in (sent["reply_markup"] or {}).get("inline_keyboard", []):
            for button in row:
                assert (
                    len(button["callback_data"].encode("utf-8")) <= MAX_CALLBACK_BYTES
                )
    stored = stored_requests(database_url)[f"telegram:{CHAT_ID}"]
    assert stored["channel"] == "telegram"
    assert stored["need_category"] == "innovatie"
    assert stored["chosen_option"] == stored["options"][1]["id"]
    assert stored["contact_name"] == "Anna de Vries"


def test_request_without_the_secret_is_rejected(telegram):
    api, base, _ = telegram
    sent_before, turns_before = len(api.sent()), user_turns(base)
    forged = text_update("ik wil graag stagiairs")
    assert post_update(base, forged, secret=None) == 403
    assert post_update(base, forged, secret="raden-maar") == 403
    assert len(api.sent()) == sent_before
    assert user_turns(base) == turns_before


def test_repeated_update_is_answered_once(telegram):
    api, base, _ = telegram
    update = text_update("hallo")
    sent_before, turns_before = len(api.sent()), user_turns(base)
    assert post_update(base, update) == 200
    answered = len(api.sent())
    assert answered > sent_before
    assert post_update(base, update) == 200
    assert len(api.sent()) == answered
    assert user_turns(base) == turns_before + 1


@pytest.mark.parametrize(
    "content",
    [
        {
            "photo": [
                {"file_id": "p1", "file_unique_id": "u1", "width": 90, "height": 90}
            ]
        },
        {"voice": {"file_id": "v1", "file_unique_id": "u2", "duration": 3}},
        {
            "document": {
                "file_id": "d1",
                "file_unique_id": "u3",
                "file_name": "offerte.pdf",
            }
        },
    ],
    ids=["photo", "voice", "document"],
)
def test_photo_voice_and_document_get_a_polite_answer(telegram, content):
    api, base, _ = telegram
    sent_before, turns_before = len(api.sent()), user_turns(base)
    update = {"update_id": next(update_ids), "message": message(**content)}
    assert post_update(base, update) == 200
    (answer,) = api.sent()[sent_before:]
    assert answer["text"] == domain_text("utter_attachment_unsupported")
    assert user_turns(base) == turns_before


def test_action_server_down_the_chat_hears_it_and_goes_on_once_it_is_back(
    telegram_bot,
):
    api, bot = telegram_bot
    chat, answer = FAULT_CHAT_ID, "minder energie verbruiken in de productie"
    for text in ("/start", "we moeten iets met duurzaamheid maar weten niet wat"):
        assert post_update(bot.base, text_update(text, chat)) == 200
    assert tracker(bot.base, f"telegram:{chat}")["slots"]["requested_slot"] == "problem"
    turns_before, sent_before = user_turns(bot.base, chat), len(sent_to(api, chat))

    bot.stop_actions()
    try:
        started = time.monotonic()
        status = post_update(bot.base, text_update(answer, chat))
        answered_in = time.monotonic() - started
        fault = domain_text("utter_turn_failed")
        while (
            fault not in sent_to(api, chat)
            and time.monotonic() - started < MAX_WAIT_S
        ):
            time.sleep(0.1)
        heard_in = time.monotonic() - started
    finally:
        bot.start_actions()
    assert status == 200 and answered_in < MAX_WAIT_S  # Telegram does not redeliver
    assert sent_to(api, chat)[sent_before:] == [fault] and heard_in < MAX_WAIT_S
    assert user_turns(bot.base, chat) == turns_before  # nothing of the failed turn
    assert tracker(bot.base, f"telegram:{chat}")["slots"]["requested_slot"] == "problem"

    sent_before = len(sent_to(api, chat))
    assert post_update(bot.base, text_update(answer, chat)) == 200
    answers = sent_to(api, chat)[sent_before:]
    assert answers and fault not in answers
    assert (
        tracker(bot.base, f"telegram:{chat}")["slots"]["requested_slot"]
        == "education_level"
    )
    assert user_turns(bot.base, chat) == turns_before + 1


@pytest.mark.parametrize("kind", ["group", "supergroup"])
def test_a_group_chat_gets_a_polite_answer_and_nothing_is_stored(telegram, kind):
    """A group would share one conversation between all its members."""
    api, base, database_url = telegram
    group_id = -100_123 if kind == "supergroup" else -4_567
    update = text_update("ik vind geen monteurs", chat_id=group_id)
    update["message"]["chat"] = {"id": group_id, "type": kind, "title": "Team"}
    assert post_update(base, update) == 200
    deadline = time.monotonic() + MAX_WAIT_S
    while not sent_to(api, group_id) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert sent_to(api, group_id) == [GROUP_CHAT]
    assert events_of(database_url, f"telegram:{group_id}") == []
