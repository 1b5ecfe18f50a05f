"""`make bench-load`: many entrepreneurs at once, single process vs cluster.

BENCH_USERS (default 50) simulated entrepreneurs each run a whole intake over
the REST channel, all at the same time and without pauses, against

1. the single-process default of `make run`: one Rasa, one action server, SQLite;
2. the cluster of `make cluster`: nginx, two Rasa instances, two action
   servers, PostgreSQL, Redis;
3. the same cluster with one Rasa instance killed (SIGKILL) a third of the way
   in. A client whose request fails (connection error, 5xx or the fault
   message) sends it once more after a second, as a browser reconnects.

For each run it prints messages per second, turn latency p50/p95/p99, retries
and errors, CPU (share of one core) and peak memory per process, and then
checks the store: every answered user message stored exactly once and in
order, exactly one request per finished intake.

Then a long conversation (`LONG_TURNS` turns, `LONG_REPEATS` times) on one
instance, with and without the session limit (SESSION_MAX_TURNS), for turn 1
against turn 100.

Loopback only; a run stops after BENCH_RUN_S seconds (default 600).
"""

from __future__ import annotations

import asyncio
import os
import secrets
import signal
import statistics
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterator, List, Mapping, Optional, Set, Tuple

import aiohttp
import sqlalchemy as sa

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.cluster import services  # noqa: E402
from bot.cluster.__main__ import Topology, start, stop  # noqa: E402
from bot.store.redaction import redact  # noqa: E402
from scripts.bench import server_pids  # noqa: E402
from tests.e2e.servers import bot_servers  # noqa: E402
from tests.e2e.stored import user_texts  # noqa: E402
from tests.e2e.test_rest_conversations import INTAKES  # noqa: E402

USERS = int(os.environ.get("BENCH_USERS") or 50)
RUN_S = float(os.environ.get("BENCH_RUN_S") or 600)
REQUEST_TIMEOUT_S = 30
RETRY_AFTER_S = 1.0
FAULT_TEXT = "Er gaat iets mis aan onze kant"
KILL_AFTER_SHARE = 1 / 3
LONG_TURNS = 100
LONG_REPEATS = 3
# The servers run as in production: the real turn time limit.
REST_TOKEN = secrets.token_urlsafe(24)
# The cluster's nginx forwards (X-Forwarded-For), so REST needs its token there;
# 50 simulated users share 127.0.0.1, so the rate limits are off.
PRODUCTION_ENV = {
    "TURN_TIMEOUT_S": "8",
    "REST_CHANNEL_TOKEN": REST_TOKEN,
    "RATE_SESSION_PER_MINUTE": "0",
    "RATE_ADDRESS_PER_MINUTE": "0",
    "RATE_NEW_SESSIONS_PER_HOUR": "0",
}
AUTHORIZATION = {"Authorization": f"Bearer {REST_TOKEN}"}


@dataclass
class Load:
    """What the simulated users sent and saw in one run."""

    sent: Dict[str, List[str]] = field(default_factory=dict)  # answered messages
    finished: Set[str] = field(default_factory=set)
    latencies_ms: List[float] = field(default_factory=list)
    retries: int = 0
    errors: int = 0
    messages: int = 0
    seconds: float = 0.0


async def post(
    session: aiohttp.ClientSession,
    url: str,
    sender: str,
    text: str,
    message_id: Optional[str] = None,
) -> list:
    body = {"sender": sender, "message": text, "message_id": message_id}
    async with session.post(url, json=body) as response:
        if response.status >= 500:
            raise aiohttp.ClientResponseError(
                response.request_info, (), status=response.status
            )
        answers = await response.json()
    if any(FAULT_TEXT in answer.get("text", "") for answer in answers):
        raise RuntimeError("fault message")
    return answers


async def entrepreneur(
    session: aiohttp.ClientSession, url: str, sender: str, need: str, load: Load
) -> None:
    offered: list = []
    load.sent[sender] = []
    for number, (message, _) in enumerate(INTAKES[need]):
        if message == "*":
            message = offered[0]["payload"] if offered else "1"
        started = time.perf_counter()
        answers = None
        for attempt in range(2):
            try:
                # The resend carries the same id: handled once (bot/channels/resend.py).
                answers = await post(session, url, sender, message, f"m{number}")
                break
            except (aiohttp.ClientError, asyncio.TimeoutError, RuntimeError):
                if attempt == 0:
                    load.retries += 1
                    await asyncio.sleep(RETRY_AFTER_S)
        if answers is None:
            load.errors += 1
            return  # this entrepreneur gives up
        load.messages += 1
        load.latencies_ms.append((time.perf_counter() - started) * 1000)
        load.sent[sender].append(message)
        offered = [b for a in answers for b in a.get("buttons", [])] or offered
    load.finished.add(sender)


async def run_load(base: str, label: str, kill: Optional[int] = None) -> Load:
    """USERS whole intakes at once; `kill`: pid to SIGKILL a third of the way in."""
    load = Load()
    needs = sorted(INTAKES)
    expected = sum(len(INTAKES[needs[n % len(needs)]]) for n in range(USERS))
    timeout = aiohttp.ClientTimeout(total=REQUEST_TIMEOUT_S)
    connector = aiohttp.TCPConnector(limit=USERS)
    url = f"{base}/webhooks/rest/webhook"

    async def killer(pid: int) -> None:
        while load.messages < expected * KILL_AFTER_SHARE:
            await asyncio.sleep(0.05)
        os.kill(pid, signal.SIGKILL)
        print(f"  killed Rasa instance pid {pid} after {load.messages} messages")

    started = time.monotonic()
    async with aiohttp.ClientSession(
        timeout=timeout, connector=connector, headers=AUTHORIZATION
    ) as session:
        users = [
            entrepreneur(session, url, f"{label}-{n}", needs[n % len(needs)], load)
            for n in range(USERS)
        ]
        tasks = [asyncio.ensure_future(user) for user in users]
        if kill:
            tasks.append(asyncio.ensure_future(killer(kill)))
        done, pending = await asyncio.wait(tasks, timeout=RUN_S)
        for task in pending:
            task.cancel()
    load.seconds = time.monotonic() - started
    if pending:
        print(f"  stopped after {RUN_S:.0f}s with {len(pending)} tasks unfinished")
    return load


# -- processes ----------------------------------------------------------------------


def children(pid: int) -> List[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def tree(pid: int) -> List[int]:
    pids = [pid]
    for child in children(pid):
        pids += tree(child)
    return pids


def cpu_seconds(pids: List[int]) -> float:
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def memory_mb(pids: List[int], field_name: str) -> float:
    total = 0
    for pid in pids:
        try:
            status = Path(f"/proc/{pid}/status").read_text().splitlines()
        except OSError:
            continue
        total += next(
            (int(line.split()[1]) for line in status if line.startswith(field_name)), 0
        )
    return total / 1024


@contextmanager
def measured(
    processes: Mapping[str, Optional[int]],
) -> Iterator[Dict[str, Tuple[float, float]]]:
    """Yields {name: (CPU share of one core, memory MB)}, filled in at the end.
    Memory: the peak (VmHWM) of a single process, the sum of the current sizes
    of a process tree (PostgreSQL and nginx run several). A process not found
    counts as (0, 0)."""
    trees = {name: tree(pid) if pid else [] for name, pid in processes.items()}
    before = {name: cpu_seconds(pids) for name, pids in trees.items()}
    started = time.monotonic()
    figures: Dict[str, Tuple[float, float]] = {}
    yield figures
    wall = time.monotonic() - started
    for name, root in processes.items():
        pids = (tree(root) if root else []) or trees[name]
        cpu = (cpu_seconds(pids) - before[name]) / wall
        single = len(pids) == 1
        figures[name] = (cpu, memory_mb(pids, "VmHWM:" if single else "VmRSS:"))


# -- report -------------------------------------------------------------------------


def check_store(database_url: str, load: Load) -> str:
    """Answered messages stored exactly once and in order; one request per intake."""
    exact = duplicated = missing = reordered = 0
    for sender, texts in load.sent.items():
        stored = user_texts(database_url, sender)
        expected = [redact(text) for text in texts]
        if stored == expected:
            exact += 1
        elif len(stored) > len(expected):
            duplicated += 1
        elif sorted(stored) == sorted(expected):
            reordered += 1
        else:
            missing += 1
    engine = sa.create_engine(database_url)
    with engine.connect() as connection:
        counts = dict(
            connection.execute(
                sa.text(
                    "SELECT conversation_id, COUNT(*) FROM refined_requests "
                    "GROUP BY conversation_id"
                )
            ).all()
        )
    engine.dispose()
    one_request = sum(counts.get(sender) == 1 for sender in load.finished)
    extra = sum(1 for sender in load.sent if counts.get(sender, 0) > 1)
    return (
        f"{exact}/{len(load.sent)} conversations stored exactly once and in order "
        f"(duplicated {duplicated}, missing {missing}, out of order {reordered}); "
        f"{one_request}/{len(load.finished)} finished intakes with exactly one "
        f"request, {extra} with more"
    )


def report(
    label: str, load: Load, figures: Dict[str, Tuple[float, float]], store: str
) -> None:
    q = (
        statistics.quantiles(load.latencies_ms, n=100)
        if len(load.latencies_ms) > 1
        else [0] * 99
    )
    print(
        f"{label}: {load.messages} messages in {load.seconds:.1f}s = "
        f"{load.messages / load.seconds:.1f} msg/s; turn p50 {q[49]:.0f} ms, "
        f"p95 {q[94]:.0f} ms, p99 {q[98]:.0f} ms; retries {load.retries}, "
        f"errors {load.errors}; {len(load.finished)}/{USERS} intakes finished"
    )
    for name, (cpu, mb) in figures.items():
        memory = f"memory {mb:6.0f} MB" if mb else "gone at the end"
        print(f"  {name:10s} CPU {cpu * 100:5.0f}% of a core, {memory}")
    print(f"  store: {store}")


# -- runs ---------------------------------------------------------------------------


def single_process(workdir: Path) -> None:
    with bot_servers(workdir, PRODUCTION_ENV) as (base, database_url):
        processes = {
            "rasa": server_pids(int(base.rsplit(":", 1)[1])),
            "actions": _actions_pid(workdir),
        }
        with measured(processes) as figures:
            load = asyncio.run(run_load(base, "single"))
        report(
            "Single process (SQLite)", load, figures, check_store(database_url, load)
        )


def _actions_pid(workdir: Path) -> int:
    endpoints = (workdir / "endpoints.yml").read_text()
    port = int(endpoints.split("127.0.0.1:")[1].split("/")[0])
    return server_pids(port)


def cluster(workdir: Path) -> None:
    home = workdir / "cluster"
    home.mkdir()
    workdir.chmod(0o755)  # PostgreSQL runs as user postgres
    topology = Topology.on_free_ports(home, PRODUCTION_ENV)
    try:
        database_url = start(topology)["DATABASE_URL"]
        processes = {
            name: services.read_pid(topology.pid_file(name))
            for name in ("rasa-1", "rasa-2", "actions-1", "actions-2")
        }
        processes["nginx"] = services.read_pid(home / "nginx" / "nginx.pid")
        processes["redis"] = services.read_pid(home / "redis" / "redis.pid")
        processes["postgres"] = services.read_pid(home / "postgres" / "postmaster.pid")
        with measured(processes) as figures:
            load = asyncio.run(run_load(topology.entry_url, "cluster"))
        report(
            "Cluster (nginx, 2 Rasa, 2 actions, PostgreSQL, Redis)",
            load,
            figures,
            check_store(database_url, load),
        )
        with measured(processes) as figures:
            load = asyncio.run(
                run_load(topology.entry_url, "cluster-kill", kill=processes["rasa-2"])
            )
        report(
            "Cluster, rasa-2 killed mid-run",
            load,
            figures,
            check_store(database_url, load),
        )
    finally:
        stop(topology)


def long_conversation_script() -> List[str]:
    """An entrepreneur who keeps asking and hedging inside one intake session."""
    detours = [
        "wat kun je?",
        "waarom vraag je dat?",
        "hmm ik weet het niet",
        "hoe werkt dat",
    ]
    script = [INTAKES["talent"][0][0]]
    while len(script) < LONG_TURNS:
        script += detours
    return script[:LONG_TURNS]


async def long_conversations(base: str, label: str) -> List[List[float]]:
    runs = []
    async with aiohttp.ClientSession(headers=AUTHORIZATION) as session:
        for repeat in range(LONG_REPEATS):
            latencies = []
            for message in long_conversation_script():
                started = time.perf_counter()
                answers = await post(
                    session,
                    f"{base}/webhooks/rest/webhook",
                    f"{label}-{repeat}",
                    message,
                )
                assert answers, f"no answer to {message!r}"
                latencies.append((time.perf_counter() - started) * 1000)
            runs.append(latencies)
    return runs


def median_of(runs: List[List[float]], start: int, end: int) -> float:
    """Median latency of turns start+1..end over all runs."""
    return statistics.median(t for run in runs for t in run[start:end])


def turn_growth(workdir: Path) -> None:
    print(
        f"Long conversation, {LONG_TURNS} turns, median of {LONG_REPEATS}, "
        "one instance:"
    )
    for max_turns in ("25", "0"):
        folder = workdir / f"long-{max_turns}"
        folder.mkdir()
        env = {**PRODUCTION_ENV, "SESSION_MAX_TURNS": max_turns}
        with bot_servers(folder, env) as (base, _):
            runs = asyncio.run(long_conversations(base, f"long-{max_turns}"))
        first, last = median_of(runs, 0, 1), median_of(runs, LONG_TURNS - 1, LONG_TURNS)
        early, late = (
            median_of(runs, 1, 10),
            median_of(runs, LONG_TURNS - 10, LONG_TURNS),
        )
        setting = "off" if max_turns == "0" else f"{max_turns} turns"
        print(
            f"  session limit {setting:9s}: turn 1 {first:.0f} ms, "
            f"turn {LONG_TURNS} {last:.0f} ms ({last / first:.2f}x); "
            f"turns 2-10 {early:.0f} ms, turns {LONG_TURNS - 9}-{LONG_TURNS} "
            f"{late:.0f} ms ({late / early:.2f}x)"
        )


def main() -> None:
    missing = services.missing_binaries()
    if missing:
        sys.exit(f"Missing Debian packages {missing}: bash scripts/install_services.sh")
    print(
        f"{USERS} entrepreneurs at once, each a whole intake over REST, no pauses; "
        f"{os.cpu_count()} cores."
    )
    with tempfile.TemporaryDirectory(prefix="vraagwijzer-bench-") as tmp:
        workdir = Path(tmp)
        (workdir / "single").mkdir()
        single_process(workdir / "single")
        cluster(workdir)
        turn_growth(workdir)


if __name__ == "__main__":
    main()
