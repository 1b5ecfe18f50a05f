"""Hostile input against the real servers: one test per finding of the probe.

One pair of real servers for the module (tests/e2e/servers.py). Every test
ends by checking that the same Rasa process still answers a normal intake
opening: the critical finding was a single request stopping the service.
"""

from __future__ import annotations

import asyncio
import json
import secrets
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Dict, List, Optional, Tuple

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.channels.boundary import UNREADABLE
from tests.e2e.conversation import post_raw, say, texts, tracker, widget_session
from tests.e2e.servers import (
    ACTION_SERVER_TOKEN, ROOT, action_server, bot_servers, upgraded_database,
    web_conversation,
)  # fmt: skip
from tests.e2e.stored import events_of, table_rows

pytestmark = pytest.mark.skipif(
    not (ROOT / "models" / "vraagwijzer.tar.gz").exists(),
    reason="no trained model: run `make train` (make test does)",
)

OPENING = "ik vind geen monteurs"


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    with bot_servers(tmp_path_factory.mktemp("hostile")) as (base, database_url):
        yield base, database_url


def still_serving(base: str) -> None:
    """A new conversation's opening is understood and answered (not with the
    fault message): Rasa, the action server and the store all still work."""
    sender = f"after-the-probe-{secrets.token_hex(4)}"
    answer = texts(say(base, sender, OPENING))
    assert answer and "Er gaat iets mis" not in answer, answer
    assert tracker(base, sender)["slots"]["need_category"] == "talent"


def senders_stored(database_url: str) -> set:
    return {row["sender_id"] for row in table_rows(database_url)["events"]}


def test_a_lone_surrogate_in_the_sender_is_refused_and_rasa_keeps_serving(servers):
    base, database_url = servers
    body = b'{"sender": "x\\ud800", "message": "hoi"}'
    status, answer = post_raw(base, body)
    assert status == 400, answer
    assert "sender" in answer["error"]
    still_serving(base)
    assert not any("\ud800" in sender for sender in senders_stored(database_url))


def test_a_lone_surrogate_in_the_message_or_metadata_is_refused(servers):
    base, _ = servers
    for body in (b'{"sender": "s-msg", "message": "hoi \\udfff"}',
                 b'{"sender": "s-meta", "message": "hoi", "metadata": {"a": "\\ud83d"}}'):  # fmt: skip
        status, answer = post_raw(base, body)
        assert status == 400, (body, answer)
    still_serving(base)


def test_json_nested_5000_levels_is_a_400_not_a_500(servers):
    base, _ = servers
    nested = "[" * 5000 + "]" * 5000
    body = ('{"sender": "deep", "message": "hoi", "metadata": {"x": %s}}' % nested).encode()
    status, answer = post_raw(base, body)
    assert status == 400, answer
    status, answer = post_raw(base, nested.encode())
    assert status == 400, answer
    still_serving(base)


def test_a_300_kb_sender_is_refused_and_not_stored(servers):
    base, database_url = servers
    sender = "s" * 300_000
    status, answer = post_raw(base, json.dumps({"sender": sender, "message": "hoi"}).encode())
    assert status == 400, answer
    assert sender not in senders_stored(database_url)
    still_serving(base)


def test_metadata_over_4_kb_is_refused(servers):
    base, _ = servers
    body = {"sender": "big-meta", "message": "hoi", "metadata": {"x": "a" * 5000}}
    status, answer = post_raw(base, json.dumps(body).encode())
    assert status == 400, answer


async def widget_answers(base: str, payloads: List[Any], wait_s: float = 20) -> List[str]:
    """Sends each payload as a ``user_uttered`` event on one joined widget
    session; what the bot said in answer to each (one answer expected)."""
    async with widget_session(base, wait_s) as (client, session_id, heard):
        said = []
        for payload in payloads:
            if payload == "<message>":
                payload = {"message": "hoi", "session_id": session_id}
            elif isinstance(payload, dict):
                payload = {**payload, "session_id": session_id}
            await client.emit("user_uttered", payload)
            said.append(await asyncio.wait_for(heard.get(), wait_s))
        return said


def test_socketio_numbers_lists_and_broken_text_get_a_dutch_answer(servers):
    base, database_url = servers
    said = asyncio.run(widget_answers(base, [
        42, [1, 2], "hoi", None,
        {"message": 17}, {"message": ["a"]}, {"message": "x\ud800"},
        {"message": "monteurs " * 12_000},
    ]))  # fmt: skip
    assert all(said), said
    assert said[:7] == [UNREADABLE] * 7
    assert "lang bericht" in said[7]
    assert not any(s.startswith("web:") for s in senders_stored(database_url))
    still_serving(base)


def test_a_rest_client_cannot_reach_a_widget_or_telegram_conversation(servers):
    base, _ = servers
    for sender in ("web:" + "a" * 32, "telegram:77"):
        status, answer = post_raw(base, json.dumps({"sender": sender, "message": "hoi"}).encode())
        assert status == 400, (sender, answer)


def action_call(url: str, body: Any, authorization: Any = None) -> int:
    headers = {"Content-Type": "application/json"}
    if authorization is not None:
        headers["Authorization"] = authorization
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_the_action_server_refuses_calls_without_the_shared_secret(tmp_path):
    made_up = {
        "next_action": "action_erase_conversation", "sender_id": "someone-else",
        "version": "3.6.21", "domain": {},
        "tracker": {"sender_id": "someone-else", "slots": {}, "latest_message": {},
                    "events": [], "paused": False, "followup_action": None,
                    "active_loop": {}, "latest_action_name": None},
    }  # fmt: skip
    with action_server(tmp_path, upgraded_database(tmp_path)) as port:
        base = f"http://127.0.0.1:{port}"
        for wrong in (None, "", "Bearer", "Bearer wrong", ACTION_SERVER_TOKEN,
                      f"bearer {ACTION_SERVER_TOKEN}x", "Bearer \u00e9"):  # fmt: skip
            assert action_call(f"{base}/webhook", made_up, wrong) == 401, wrong
        assert action_call(f"{base}/actions", None) == 401
        assert action_call(f"{base}/health", None) == 200
        right = f"Bearer {ACTION_SERVER_TOKEN}"
        assert action_call(f"{base}/webhook", made_up, right) == 200


def test_rest_metadata_is_stored_redacted(servers):
    base, database_url = servers
    body = {"sender": "meta-pii", "message": OPENING,
            "metadata": {"note": "mail piet@jansen.nl of bel 06\u201112345678"}}  # fmt: skip
    status, _ = post_raw(base, json.dumps(body).encode())
    assert status == 200
    stored = json.dumps(events_of(database_url, "meta-pii"), ensure_ascii=False)
    assert "[e-mailadres]" in stored and "[telefoonnummer]" in stored
    assert "piet@jansen.nl" not in stored and "06\u201112345678" not in stored


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(body=st.one_of(
    st.binary(max_size=300),
    st.fixed_dictionaries(
        {"sender": st.text(max_size=200) | st.integers(), "message": st.text(max_size=300)},
        optional={"metadata": st.dictionaries(st.text(max_size=5), st.text(max_size=50),
                                              max_size=3)},
    ).map(lambda value: json.dumps(value).encode()),
))  # fmt: skip
def test_fuzzed_rest_bodies_get_an_answer_or_a_400_from_the_real_server(servers, body):
    status, answer = post_raw(servers[0], body, timeout=60)
    assert status in (200, 400), (body, status, answer)
    if status == 200:
        assert isinstance(answer, list)


def test_after_the_battery_the_same_server_still_answers_an_intake(servers):
    still_serving(servers[0])


def test_nine_messages_at_once_on_one_sender_are_all_answered(servers):
    """The probe saw 5 simultaneous messages on one sender take 4.3 s one after
    another, so 9 would pass the 8 s turn limit and get the fault message."""
    base, database_url = servers
    sender = f"burst-{secrets.token_hex(4)}"
    say(base, sender, OPENING)
    with ThreadPoolExecutor(max_workers=9) as pool:
        answers = list(pool.map(lambda n: texts(say(base, sender, f"we zoeken {n} monteurs")),
                                range(2, 11)))  # fmt: skip
    assert all(answer and "Er gaat iets mis" not in answer for answer in answers), answers
    stored = [e for e in events_of(database_url, sender) if e["event"] == "user"]
    assert len(stored) == 10
    still_serving(base)


# -- behind a proxy, under abuse, oversized (issue 23) ------------------------------

FORWARDED = "X-Forwarded-For"
SITE = "https://pps.example"
LIMITED_TOKEN = secrets.token_urlsafe(16)
LIMITED = {
    # One trusted proxy: each test below talks as its own forwarded client,
    # with the REST token (a forwarded request needs it).
    "TRUSTED_PROXY_HOPS": "1",
    "REST_CHANNEL_TOKEN": LIMITED_TOKEN,
    "RATE_SESSION_PER_MINUTE": "3",
    "RATE_ADDRESS_PER_MINUTE": "5",
    "RATE_NEW_SESSIONS_PER_HOUR": "3",
    "REQUEST_MAX_BYTES": str(64 * 1024),
    "CORS_ORIGINS": SITE,
}


def post_as(base: str, body: Any, headers: Optional[Dict[str, str]] = None,
            raw: Optional[bytes] = None) -> Tuple[int, Any, Any]:  # fmt: skip
    """(status, parsed answer or None, response headers) of a REST post."""
    data = raw if raw is not None else json.dumps(body).encode()
    request = urllib.request.Request(
        f"{base}/webhooks/rest/webhook", data=data,
        headers={"Content-Type": "application/json", **(headers or {})},
    )  # fmt: skip
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read()), response.headers
    except urllib.error.HTTPError as error:
        content = error.read()
        try:
            parsed = json.loads(content)
        except ValueError:
            parsed = None
        return error.code, parsed, error.headers
    except (ConnectionError, urllib.error.URLError) as error:
        # Sanic may close the connection on a body over its limit before
        # the client has sent it all: refused all the same.
        return 413, str(error), {}


def as_client(forwarded_for: str) -> Dict[str, str]:
    """Headers of a request the proxy forwarded from `forwarded_for`."""
    return {FORWARDED: forwarded_for, "Authorization": f"Bearer {LIMITED_TOKEN}"}


def in_one_window(needed_s: float = 30.0) -> None:
    """Waits, if need be, until the limiter's minute and hour windows both have
    `needed_s` left. They are fixed windows on the wall clock
    (bot/channels/ratelimit.py): a test whose counts straddle a whole minute or
    hour would see them start again."""
    now = time.time()
    for window in (3600, 60):  # a whole hour is a whole minute too
        left = window - now % window
        if left < needed_s:
            time.sleep(left + 0.1)
            return


@pytest.fixture(scope="module")
def limited(tmp_path_factory):
    """Rasa behind one trusted proxy, with small rate and size limits."""
    with bot_servers(tmp_path_factory.mktemp("limited"), LIMITED) as (base, database_url):
        yield base, database_url


def test_a_request_forwarded_by_a_proxy_on_this_machine_needs_the_token(servers):
    """Finding 1: behind a reverse proxy every caller's peer is loopback."""
    base, database_url = servers
    for header, value in ((FORWARDED, "203.0.113.9"), ("Forwarded", "for=203.0.113.9"),
                          ("X-Real-IP", "203.0.113.9")):  # fmt: skip
        sender = f"proxied-{secrets.token_hex(4)}"
        status, answer, _ = post_as(base, {"sender": sender, "message": OPENING},
                                    {header: value})  # fmt: skip
        assert status == 401, (header, answer)
        assert sender not in senders_stored(database_url)
    status, _, _ = post_as(base, {"sender": "not-proxied", "message": OPENING})
    assert status == 200  # `make run` on this machine: no token needed


def test_a_widget_session_id_made_up_or_read_off_a_page_joins_nothing(servers):
    """Finding 3 in the battery: only a token the server issued joins a
    session; a made-up id, or the stored id coordinators see, gets a new one."""
    base, _ = servers

    async def joined(requested: Optional[str]) -> str:
        async with widget_session(base, 30, requested) as (_, token, _heard):
            return token

    made_up = secrets.token_hex(32)
    token = asyncio.run(joined(made_up))
    assert token != made_up
    assert asyncio.run(joined(token)) == token  # its owner comes back to it
    shown = web_conversation(token)  # as on the request page and in exports
    for attempt in (shown, shown.removeprefix("web:")):
        assert asyncio.run(joined(attempt)) not in (token, attempt)


def test_sanic_refuses_a_body_over_the_limit_before_reading_it(servers, limited):
    """Finding 5: Sanic read up to 100 MB before any check."""
    base, _ = servers
    huge = b'{"sender": "huge", "message": "' + b"a" * 2_000_000 + b'"}'
    assert post_as(base, None, raw=huge)[0] == 413  # 1 MB under `make run`
    limited_base, _ = limited
    big = json.dumps({"sender": "big", "message": "a" * 70_000}).encode()
    assert post_as(limited_base, None, as_client("198.51.100.70"), raw=big)[0] == 413
    small = json.dumps({"sender": "small", "message": "a" * 60_000}).encode()
    status, answer, _ = post_as(limited_base, None, as_client("198.51.100.71"),
                                raw=small)  # fmt: skip
    assert status == 200 and "lang bericht" in texts(answer)  # read, answered in Dutch
    still_serving(base)


def test_rest_messages_over_the_conversation_limit_get_a_dutch_429(limited):
    base, database_url = limited
    in_one_window()
    client = as_client("198.51.100.10")
    sender = f"flood-{secrets.token_hex(4)}"
    # Empty messages cost no turn but count.
    answers = [post_as(base, {"sender": sender, "message": " "}, client) for _ in range(4)]
    assert [status for status, _, _ in answers] == [200, 200, 200, 429]
    status, refusal, headers = answers[-1]
    assert "berichten" in texts(refusal) and int(headers["Retry-After"]) >= 1
    assert senders_stored(database_url).isdisjoint({sender})


def test_rest_messages_from_one_address_or_its_64_share_a_limit(limited):
    base, _ = limited
    in_one_window()
    statuses = [
        post_as(base, {"sender": f"v6-{n}-{secrets.token_hex(3)}", "message": " "},
                as_client(f"2001:db8:77:1::{n + 1:x}"))[0]  # fmt: skip
        for n in range(6)
    ]
    # 3 new conversations per hour from one /64, then the Dutch refusal.
    assert statuses == [200, 200, 200, 429, 429, 429]
    other_64 = post_as(base, {"sender": "v6-other", "message": " "},
                       as_client("2001:db8:77:2::1"))  # fmt: skip
    assert other_64[0] == 200
    # A forged address left of the proxy's entry is not a fresh client.
    forged = post_as(base, {"sender": "v6-forged", "message": " "},
                     as_client("10.0.0.1, 2001:db8:77:1::99"))  # fmt: skip
    assert forged[0] == 429


def test_rest_messages_per_address_are_limited_across_conversations(limited):
    base, _ = limited
    in_one_window()
    client = as_client("198.51.100.20")
    senders = [f"addr-{n}-{secrets.token_hex(3)}" for n in range(3)]
    statuses = [post_as(base, {"sender": senders[n % 3], "message": " "}, client)[0]
                for n in range(6)]  # fmt: skip
    assert statuses == [200] * 5 + [429]


def test_widget_floods_and_new_sessions_get_a_dutch_answer(limited):
    import socketio

    base, database_url = limited
    in_one_window()
    # Unreadable messages: one answer each, no turn; the fourth is over the
    # limit. (An empty first message would open the session with the welcome.)
    said = asyncio.run(widget_answers(base, [{"message": 17}] * 4))
    assert said[3] is not None and "berichten" in said[3], said

    async def open_session() -> Tuple[str, Any]:
        """("confirmed", id) or ("told", what the bot said instead)."""
        client = socketio.AsyncClient()
        outcome: asyncio.Future = asyncio.get_running_loop().create_future()
        client.on("session_confirm", lambda sid: outcome.done() or outcome.set_result(("confirmed", sid)))  # fmt: skip
        client.on("bot_uttered", lambda data: outcome.done() or outcome.set_result(("told", data.get("text"))))  # fmt: skip
        await client.connect(base, transports=["polling"])
        try:
            await client.emit("session_request", {"session_id": secrets.token_hex(16)})
            return await asyncio.wait_for(outcome, 20)
        finally:
            await client.disconnect()

    async def sessions(count: int) -> List[Tuple[str, Any]]:
        return [await open_session() for _ in range(count)]

    # The session above was the first of this address (127.0.0.1, no proxy).
    outcomes = asyncio.run(sessions(3))
    assert [kind for kind, _ in outcomes] == ["confirmed", "confirmed", "told"]
    assert "gesprekken" in outcomes[-1][1]
    assert not any(s.startswith("web:") for s in senders_stored(database_url))


def test_a_widget_socket_from_another_sites_page_is_refused(limited):
    """Finding 6: Rasa turned python-engineio's Origin check off."""
    import socketio

    base, _ = limited

    async def connect(origin: str) -> bool:
        client = socketio.AsyncClient()
        try:
            await client.connect(base, transports=["polling"], headers={"Origin": origin},
                                 wait_timeout=10)  # fmt: skip
        except socketio.exceptions.ConnectionError:
            return False
        await client.disconnect()
        return True

    assert asyncio.run(connect(SITE)) is True
    assert asyncio.run(connect("https://evil.example")) is False
