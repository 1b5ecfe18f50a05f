"""The cluster of `make cluster`, small: PostgreSQL, Redis, two Rasa instances
and two action servers behind nginx, each message of a conversation landing on
another instance than the one before. It runs the production profile
(VRAAGWIJZER_ENV=production: REST behind its token, one trusted proxy hop,
64 KB bodies, rate limits counted in Redis)."""

from __future__ import annotations

import asyncio
import base64
import http.client
import json
import secrets
import shutil
import tempfile
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Dict, Iterator, List, Tuple

import pytest

from bot.cluster import services
from bot.cluster.__main__ import Topology, start, stop
from bot.store.lock_store import LEASE_S, SettingsLockStore
from bot.store.redaction import redact
from tests.e2e.conversation import buttons, post_json, rest_headers, say, widget_turn
from tests.e2e.test_security import listening_addresses
from tests.e2e.servers import ROOT, stored_requests
from tests.e2e.stored import events_of, user_texts
from tests.e2e.test_rest_conversations import INTAKES

CONVERSATIONS = 10
SIMULTANEOUS_PAIRS = 5
TICKETS = 200
SESSION_LIMIT = 15  # messages per conversation per minute, counted in Redis
API_TOKEN = f"cluster-api-{secrets.token_hex(8)}"
PRODUCTION = {
    "VRAAGWIJZER_ENV": "production",
    "REST_CHANNEL_TOKEN": f"cluster-rest-{secrets.token_hex(8)}",
    "RASA_AUTH_TOKEN": API_TOKEN,
    # A loaded test machine must not turn a slow turn into a fault message.
    "TURN_TIMEOUT_S": "60",
    "RATE_SESSION_PER_MINUTE": str(SESSION_LIMIT),
    # Every test talks from 127.0.0.1: high, but counted (in Redis) all the same.
    "RATE_ADDRESS_PER_MINUTE": "100000",
    "RATE_NEW_SESSIONS_PER_HOUR": "100000",
}

pytestmark = [
    pytest.mark.skipif(
        not (ROOT / "models" / "vraagwijzer.tar.gz").exists(),
        reason="no trained model: run `make train` (make test does)",
    ),
    pytest.mark.skipif(
        bool(services.missing_binaries()),
        reason=f"Debian packages {services.missing_binaries()} missing and not "
        "installable here: bash scripts/install_services.sh",
    ),
]


@pytest.fixture(scope="module")
def cluster() -> Iterator[Tuple[Topology, str]]:
    # Not pytest's tmp_path: that is private to root, and PostgreSQL runs as
    # user postgres.
    home = Path(tempfile.mkdtemp(prefix="vraagwijzer-cluster-"))
    home.chmod(0o755)
    topology = Topology.on_free_ports(home, PRODUCTION)
    try:
        with pytest.MonkeyPatch.context() as patch:
            # The REST token for this process's clients (tests/e2e/conversation.py).
            patch.setenv("REST_CHANNEL_TOKEN", PRODUCTION["REST_CHANNEL_TOKEN"])
            settings = start(topology)
            yield topology, settings["DATABASE_URL"]
    finally:
        stop(topology)
        shutil.rmtree(home, ignore_errors=True)


def post_status(url: str, body: bytes, headers: Dict[str, str]) -> Tuple[int, object]:
    request = urllib.request.Request(f"{url}/webhooks/rest/webhook", data=body,
                                     headers=headers)  # fmt: skip
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def instance_urls(topology: Topology) -> List[str]:
    """Rasa 1, Rasa 2, and nginx in front of both."""
    direct = [f"http://127.0.0.1:{port}" for port in topology.rasa_ports]
    return [*direct, topology.entry_url]


def run_intake(urls: List[str], sender: str, need: str) -> List[str]:
    """A whole intake, message n to urls[n % 3]; returns what was sent."""
    sent, offered = [], []
    for number, (message, _) in enumerate(INTAKES[need]):
        if message == "*":
            message = offered[0]["payload"]
        answers = say(urls[number % len(urls)], sender, message)
        assert answers, f"{sender}: no answer to {message!r}"
        offered = buttons(answers) or offered
        sent.append(message)
    return sent


def test_intakes_across_instances_are_stored_once_and_in_order(cluster):
    topology, database_url = cluster
    urls = instance_urls(topology)
    needs = sorted(INTAKES)
    conversations: Dict[str, str] = {
        f"cluster-{number}": needs[number % len(needs)] for number in range(CONVERSATIONS)
    }
    with ThreadPoolExecutor(max_workers=CONVERSATIONS) as pool:
        intakes = pool.map(lambda item: run_intake(urls, *item), conversations.items())
        sent = dict(zip(conversations, intakes, strict=True))
    requests = stored_requests(database_url)
    for sender, need in conversations.items():
        stored = user_texts(database_url, sender)
        assert stored == [redact(text) for text in sent[sender]], sender
        assert requests[sender]["need_category"] == need
        assert len(requests[sender]["options"]) == 3
    assert set(requests) == set(conversations)  # one request per intake, no more


def test_two_messages_at_once_on_two_instances_are_both_handled_in_turn(cluster):
    topology, database_url = cluster
    first, second, _ = instance_urls(topology)
    for pair in range(SIMULTANEOUS_PAIRS):
        sender = f"cluster-double-{pair}"
        say(first, sender, "ik krijg mijn vacatures voor monteurs niet gevuld")
        together = threading.Barrier(2)

        def send(url: str, text: str, sender: str = sender,
                 together: threading.Barrier = together) -> list:  # fmt: skip
            together.wait()
            return say(url, sender, text)

        with ThreadPoolExecutor(max_workers=2) as pool:
            answers = list(pool.map(send, (first, second), ("mbo", "wat kun je?")))
        assert all(answers), answers
        assert sorted(user_texts(database_url, sender)[1:]) == ["mbo", "wat kun je?"]
        # Handled one after the other: each message's turn ends (the bot
        # listens again) before the next message is taken.
        events = events_of(database_url, sender)
        kinds = [
            "listen" if event.get("name") == "action_listen" else event["event"]
            for event in events
            if event["event"] == "user" or event.get("name") == "action_listen"
        ]
        assert kinds[-5:] == ["listen", "user", "listen", "user", "listen"], events


def test_the_widget_talks_through_nginx_to_one_instance(cluster):
    topology, database_url = cluster
    # Long polling: each poll is a new HTTP request that must reach the
    # instance holding the socket.io session (sticky routing in nginx).
    opening = "we moeten iets met duurzaamheid maar weten niet wat"
    session_id, said, _ = asyncio.run(
        widget_turn(topology.entry_url, opening, until=None, max_wait_s=20)
    )
    assert any("Vraagwijzer" in text for text in said), said
    # Stored under the HMAC of the token the server issued (every instance
    # reads the same key), never the token itself.
    from bot.channels.widget_session import WidgetSessions
    from bot.settings import load_settings

    stored_id = WidgetSessions.from_settings(load_settings()).conversation_id(session_id)
    deadline = time.monotonic() + 10  # stored when the turn ends, after the welcome
    while not user_texts(database_url, stored_id) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert user_texts(database_url, stored_id) == [opening]


def test_nginx_passes_the_widgets_websocket_upgrade_on(cluster):
    topology, _ = cluster
    connection = http.client.HTTPConnection("127.0.0.1", topology.entry_port, timeout=10)
    connection.request("GET", "/socket.io/?EIO=4&transport=websocket", headers={
        "Connection": "Upgrade", "Upgrade": "websocket", "Sec-WebSocket-Version": "13",
        "Sec-WebSocket-Key": base64.b64encode(secrets.token_bytes(16)).decode(),
    })  # fmt: skip
    assert connection.getresponse().status == 101  # Switching Protocols
    connection.close()


def test_a_resent_message_is_answered_again_but_handled_once(cluster):
    topology, database_url = cluster
    first, second, _ = instance_urls(topology)
    sender = "cluster-resend"
    say(first, sender, "ik krijg mijn vacatures voor monteurs niet gevuld")
    body = {"sender": sender, "message": "mbo", "message_id": "bericht-2"}
    answers = post_json(f"{first}/webhooks/rest/webhook", body)
    # The client heard nothing and sends it again, this time to the other instance.
    assert post_json(f"{second}/webhooks/rest/webhook", body) == answers
    assert user_texts(database_url, sender)[1:] == ["mbo"]
    say(second, sender, "3")  # and the intake goes on from there
    assert user_texts(database_url, sender)[1:] == ["mbo", "3"]


def test_two_instances_taking_tickets_at_once_never_share_one(cluster, monkeypatch):
    topology, _ = cluster
    monkeypatch.setenv("LOCK_STORE_URL", f"redis://127.0.0.1:{topology.redis_port}/1")
    stores = [SettingsLockStore(), SettingsLockStore()]  # as in two Rasa processes
    start_together = threading.Barrier(len(stores))

    def take_tickets(store) -> List[int]:
        start_together.wait()
        return [store.issue_ticket("cluster-tickets") for _ in range(TICKETS)]

    with ThreadPoolExecutor(max_workers=len(stores)) as pool:
        tickets = [number for batch in pool.map(take_tickets, stores) for number in batch]
    assert len(set(tickets)) == len(tickets) == TICKETS * len(stores)


def test_a_lock_of_a_dead_instance_frees_after_a_lease_a_live_one_holds(
    cluster, monkeypatch
):
    topology, _ = cluster
    monkeypatch.setenv("LOCK_STORE_URL", f"redis://127.0.0.1:{topology.redis_port}/1")
    live, other = SettingsLockStore(), SettingsLockStore()

    async def wait_for_lock(conversation: str) -> float:
        started = time.monotonic()
        async with other.lock(conversation):
            return time.monotonic() - started

    async def held_by_live_instance(hold_s: float) -> float:
        async with live.lock("cluster-live"):
            waiting = asyncio.create_task(wait_for_lock("cluster-live"))
            await asyncio.sleep(hold_s)
        return await waiting

    # A ticket nobody renews: the instance that took it died.
    live.issue_ticket("cluster-dead")
    assert asyncio.run(wait_for_lock("cluster-dead")) < LEASE_S + 1
    hold_s = LEASE_S + 2
    assert asyncio.run(held_by_live_instance(hold_s)) >= hold_s - 0.1


def test_rasa_listens_on_loopback_with_no_secret_on_its_command_line(cluster):
    topology, _ = cluster
    for number, port in enumerate(topology.rasa_ports, start=1):
        assert listening_addresses(port) == {"0100007F"}  # 127.0.0.1 only
        pid = services.read_pid(topology.pid_file(f"rasa-{number}"))
        command_line = Path(f"/proc/{pid}/cmdline").read_bytes()
        assert b"bot.rasa_run" in command_line
        assert API_TOKEN.encode() not in command_line
        assert PRODUCTION["REST_CHANNEL_TOKEN"].encode() not in command_line
        assert b"RASA_TELEMETRY_ENABLED=false" in Path(f"/proc/{pid}/environ").read_bytes()
    status = f"http://127.0.0.1:{topology.rasa_ports[0]}/status?token={API_TOKEN}"
    with urllib.request.urlopen(status, timeout=30) as response:
        assert response.status == 200  # the API got its token all the same


def test_rest_through_nginx_needs_the_token_and_a_small_body(cluster):
    topology, _ = cluster
    body = json.dumps({"sender": "cluster-no-token", "message": "hoi"}).encode()
    plain = {"Content-Type": "application/json"}
    assert post_status(topology.entry_url, body, plain)[0] == 401
    big = json.dumps({"sender": "cluster-big", "message": "a" * 70_000}).encode()
    assert post_status(topology.entry_url, big, rest_headers())[0] == 413
    direct = f"http://127.0.0.1:{topology.rasa_ports[0]}"
    assert post_status(direct, big, rest_headers())[0] == 413  # Rasa's own limit


def test_the_rate_limit_of_a_conversation_is_shared_by_both_instances(cluster):
    topology, _ = cluster
    first, second, _ = instance_urls(topology)
    for attempt in range(3):  # again if a minute boundary fell in between
        sender = f"cluster-rate-{attempt}"
        started = int(time.time() // 60)
        # Empty messages: counted, answered in Dutch, no turn.
        body = json.dumps({"sender": sender, "message": " "}).encode()
        statuses = [
            post_status((first, second)[n % 2], body, rest_headers())
            for n in range(SESSION_LIMIT + 1)
        ]
        if int(time.time() // 60) == started:
            break
    assert [status for status, _ in statuses] == [200] * SESSION_LIMIT + [429]
    refusal = statuses[-1][1]
    assert isinstance(refusal, bytes) and "berichten" in refusal.decode()


def test_cluster_stop_stops_every_process_and_frees_the_ports(cluster):
    topology, _ = cluster  # runs last: the other tests need the cluster
    pids = [services.read_pid(path) for path in (topology.home / "run").glob("*.pid")]
    assert len(pids) == 4 and all(pids)
    stopped = stop(topology)
    assert sorted(stopped) == sorted(
        ["actions-1", "actions-2", "rasa-1", "rasa-2", "nginx", "redis", "postgres"]
    )
    assert not any(services.is_running(pid) for pid in pids)
    ports = [topology.entry_port, topology.postgres_port, topology.redis_port,
             *topology.rasa_ports, *topology.action_ports]  # fmt: skip
    assert not any(services.port_in_use(port) for port in ports)
