"""`make bench-compare`: Vraagwijzer and the stock `rasa init` assistant, side by side.

In one run, on this machine and the installed Rasa, over the REST channel:

- the stock assistant of `rasa init --no-prompt` (moodbot: in-memory tracker
  store, no action server), trained once and cached under var/bench-compare/;
- Vraagwijzer as `make run` serves it: SQLite store, the action server, no
  HTTP API, the real turn time limit;
- with ``--vs DIR`` also a second Vraagwijzer checkout (say, main), with its
  own trained model in DIR/models, to compare two versions on the same load.

The bots are started one after the other (each start-up time is measured up
to the moment it answers; started together, three Rasa processes on 2 cores
took over three minutes), warmed up with each of their scripts once, then
driven in turns, bot after bot
(A B A B, ROUNDS times), so that other load on the machine falls on all of them
alike: first by 1 user, then by 50 concurrent users (BENCH_USERS), each user
starting a new conversation as soon as one ends, without pauses, for
PHASE_S seconds per phase. Vraagwijzer gets whole intakes, one need after
another (tests/e2e/test_rest_conversations.py; a ``--vs`` checkout those of its
own test), the stock bot its own 8-message conversation. A message counts as
an error on a 5xx, a timeout or the fault message; that conversation is then
abandoned.

Per bot and number of users it prints msg/s (all rounds together, and the
rounds' median), turn latency p50/p95/p99, errors, Rasa's CPU-seconds per
message (utime + stime from /proc of the Rasa process over the phase, divided
by the messages answered in it; for Vraagwijzer also the action server's),
and at the end Rasa's resident memory (now and peak), then the ratios.

Loopback only; every phase stops by itself after PHASE_S seconds plus the
requests still under way.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, Iterator, List, Optional

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.bench import server_pids  # noqa: E402
from scripts.bench_load import FAULT_TEXT, cpu_seconds, memory_mb  # noqa: E402
from tests.e2e.servers import BIN, free_port, wait_until_up  # noqa: E402
from tests.e2e.test_rest_conversations import INTAKES  # noqa: E402

USERS = int(os.environ.get("BENCH_USERS") or 50)
PHASE_S = float(os.environ.get("BENCH_PHASE_S") or 15)
ROUNDS = int(os.environ.get("BENCH_ROUNDS") or 2)
REQUEST_TIMEOUT_S = 30
INTAKES_AS_JSON = (
    "import json; from tests.e2e.test_rest_conversations import INTAKES; "
    "print(json.dumps(INTAKES))"
)
STOCK_CACHE = ROOT / "var" / "bench-compare"
# The moodbot's stories and rules: greet, unhappy, cheer up, did it help, bot
# challenge, goodbye.
STOCK_CONVERSATION = [
    "hello",
    "I am sad",
    "no",
    "are you a bot?",
    "hi there",
    "very good",
    "thanks, bye",
    "goodbye",
]


@dataclass
class Bot:
    name: str
    base: str
    rasa_pid: int
    actions_pid: Optional[int]
    startup_s: float
    conversations: List[List[str]]  # the scripts, taken in turn

    def script(self, number: int) -> List[str]:
        return self.conversations[number % len(self.conversations)]


@dataclass
class Phase:
    """What one bot did for one number of users, over all rounds."""

    messages: int = 0
    errors: int = 0
    seconds: float = 0.0
    rasa_cpu_s: float = 0.0
    actions_cpu_s: float = 0.0
    latencies_ms: List[float] = field(default_factory=list)
    rounds_msg_s: List[float] = field(default_factory=list)


def intakes(root: Path) -> List[List[str]]:
    """The whole intakes of `root`'s end-to-end test, one per need: a second
    checkout gets its own, which fit the conversation of that version."""
    if root == ROOT:
        by_need = INTAKES
    else:
        printed = subprocess.run(
            [str(BIN / "python"), "-c", INTAKES_AS_JSON],
            cwd=root,
            env={**base_env(), "PYTHONPATH": str(root)},
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        by_need = json.loads(printed)
    return [[message for message, _ in by_need[need]] for need in sorted(by_need)]


# -- load -------------------------------------------------------------------------


async def answer(
    session: aiohttp.ClientSession, url: str, sender: str, text: str
) -> list:
    async with session.post(url, json={"sender": sender, "message": text}) as response:
        if response.status >= 500:
            raise aiohttp.ClientResponseError(
                response.request_info, (), status=response.status
            )
        answers = await response.json()
    if any(FAULT_TEXT in (a.get("text") or "") for a in answers):
        raise RuntimeError("fault message")
    return answers


async def drive(bot: Bot, users: int, seconds: float, phase: Phase, label: str) -> None:
    """`users` users, each one conversation after another, for `seconds`."""
    url = f"{bot.base}/webhooks/rest/webhook"
    deadline = time.monotonic() + seconds
    messages = 0

    async def user(session: aiohttp.ClientSession, number: int) -> None:
        nonlocal messages
        conversation = number
        while time.monotonic() < deadline:
            sender = f"{label}-{number}-{conversation}"
            offered: list = []
            for text in bot.script(conversation):
                if time.monotonic() >= deadline:
                    return
                if text == "*":  # the first option button
                    text = offered[0]["payload"] if offered else "1"
                started = time.perf_counter()
                try:
                    answers = await answer(session, url, sender, text)
                except (aiohttp.ClientError, asyncio.TimeoutError, RuntimeError):
                    phase.errors += 1
                    break
                phase.latencies_ms.append((time.perf_counter() - started) * 1000)
                messages += 1
                offered = [
                    b for a in answers for b in a.get("buttons") or []
                ] or offered
            conversation += users

    timeout = aiohttp.ClientTimeout(total=REQUEST_TIMEOUT_S)
    connector = aiohttp.TCPConnector(limit=users)
    rasa_before = cpu_seconds([bot.rasa_pid])
    actions_before = cpu_seconds([bot.actions_pid]) if bot.actions_pid else 0.0
    started = time.monotonic()
    async with aiohttp.ClientSession(timeout=timeout, connector=connector) as session:
        await asyncio.gather(*(user(session, n) for n in range(users)))
    elapsed = time.monotonic() - started
    phase.seconds += elapsed
    phase.messages += messages
    phase.rasa_cpu_s += cpu_seconds([bot.rasa_pid]) - rasa_before
    if bot.actions_pid:
        phase.actions_cpu_s += cpu_seconds([bot.actions_pid]) - actions_before
    phase.rounds_msg_s.append(messages / elapsed)


async def warm_up(bot: Bot) -> None:
    """Each script once: the first turns after start-up are slow."""
    url = f"{bot.base}/webhooks/rest/webhook"
    async with aiohttp.ClientSession() as session:
        for number, conversation in enumerate(bot.conversations):
            for text in conversation:
                await answer(
                    session,
                    url,
                    f"warmup-{bot.name}-{number}",
                    "1" if text == "*" else text,
                )


# -- servers ----------------------------------------------------------------------


@contextmanager
def process(
    command: List[str], cwd: Path, env: Dict[str, str], log: Path, health: str
) -> Iterator[float]:
    """Starts `command`, yields the seconds until `health` answered."""
    with log.open("w") as output:
        started = time.monotonic()
        child = subprocess.Popen(
            command, cwd=cwd, env=env, stdout=output, stderr=subprocess.STDOUT
        )
        try:
            wait_until_up(health, child, log)
            yield time.monotonic() - started
        finally:
            child.terminate()
            try:
                child.wait(timeout=20)
            except subprocess.TimeoutExpired:
                child.kill()


def stock_project() -> Path:
    """`rasa init --no-prompt` (it trains the model), once per Rasa version."""
    import rasa

    project = STOCK_CACHE / f"stock-rasa-{rasa.__version__}"
    if not list(project.glob("models/*.tar.gz")):
        shutil.rmtree(project, ignore_errors=True)
        project.mkdir(parents=True)
        print(f"Training the stock assistant in {project.relative_to(ROOT)} (once) ...")
        subprocess.run(
            [str(BIN / "rasa"), "init", "--no-prompt", "--init-dir", str(project)],
            cwd=project,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=base_env(),
        )
    return project


def base_env() -> Dict[str, str]:
    return {
        **os.environ,
        "TF_CPP_MIN_LOG_LEVEL": "3",
        "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
    }


def serve_stock(stack: ExitStack, workdir: Path) -> Bot:
    project = stock_project()
    port = free_port()
    command = [str(BIN / "rasa"), "run", "--model", "models", "--port", str(port)]
    base = f"http://127.0.0.1:{port}"
    startup = stack.enter_context(
        process(command, project, base_env(), workdir / "stock.log", f"{base}/")
    )
    return Bot("stock", base, server_pids(port), None, startup, [STOCK_CONVERSATION])


def serve_vraagwijzer(stack: ExitStack, workdir: Path, name: str, root: Path) -> Bot:
    """`root`'s Vraagwijzer as `make run` serves it, on free ports."""
    folder = workdir / name
    folder.mkdir()
    env = {
        **base_env(),
        "PYTHONPATH": str(root),
        "DATABASE_URL": f"sqlite:///{folder / 'store.db'}",
        "ACTION_SERVER_TOKEN": secrets.token_urlsafe(24),
        # 50 simulated users share 127.0.0.1: the rate limits are off here.
        "RATE_SESSION_PER_MINUTE": "0",
        "RATE_ADDRESS_PER_MINUTE": "0",
        "RATE_NEW_SESSIONS_PER_HOUR": "0",
    }
    subprocess.run(
        [str(BIN / "python"), "-m", "bot", "db", "upgrade"],
        cwd=root,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    actions_port, rasa_port = free_port(), free_port()
    stack.enter_context(
        process(
            [
                str(BIN / "python"),
                "-m",
                "bot.action_server",
                "--actions",
                "actions",
                "--port",
                str(actions_port),
            ],
            root,
            {**env, "SANIC_HOST": "127.0.0.1"},
            folder / "actions.log",
            f"http://127.0.0.1:{actions_port}/health",
        )
    )
    endpoints = (
        (root / "endpoints.yml")
        .read_text()
        .replace("http://localhost:5055/", f"http://127.0.0.1:{actions_port}/")
    )
    (folder / "endpoints.yml").write_text(endpoints)
    base = f"http://127.0.0.1:{rasa_port}"
    command = [
        str(BIN / "rasa"),
        "run",
        "--model",
        "models",
        "--port",
        str(rasa_port),
        "--credentials",
        "credentials.yml",
        "--endpoints",
        str(folder / "endpoints.yml"),
    ]
    startup = stack.enter_context(
        process(command, root, env, folder / "rasa.log", f"{base}/webhooks/rest/")
    )
    return Bot(
        name,
        base,
        server_pids(rasa_port),
        server_pids(actions_port),
        startup,
        intakes(root),
    )


# -- report -----------------------------------------------------------------------


def quantiles(latencies: List[float]) -> List[float]:
    return statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0.0] * 99


def row(bot: Bot, phase: Phase) -> str:
    q = quantiles(phase.latencies_ms)
    per_message = phase.rasa_cpu_s / max(phase.messages, 1)
    actions = (
        f" + actions {phase.actions_cpu_s / max(phase.messages, 1) * 1000:.0f}"
        if bot.actions_pid
        else ""
    )
    rounds = "/".join(f"{r:.1f}" for r in phase.rounds_msg_s)
    return (
        f"  {bot.name:12s} {phase.messages / phase.seconds:6.1f} msg/s "
        f"(rounds {rounds}; median {statistics.median(phase.rounds_msg_s):.1f})  "
        f"p50/p95/p99 {q[49]:.0f}/{q[94]:.0f}/{q[98]:.0f} ms  "
        f"errors {phase.errors}/{phase.messages + phase.errors}  "
        f"Rasa CPU {per_message * 1000:.0f}{actions} ms/msg"
    )


def ratios(bot: Bot, stock: Phase, phase: Phase) -> str:
    def ratio(a: float, b: float) -> str:
        return f"{a / b:.2f}x" if b else "n/a"

    def cpu_per_message(p: Phase) -> float:
        return p.rasa_cpu_s / max(p.messages, 1)

    q, qs = quantiles(phase.latencies_ms), quantiles(stock.latencies_ms)
    return (
        f"  {bot.name} / stock: msg/s "
        f"{ratio(phase.messages / phase.seconds, stock.messages / stock.seconds)}, "
        f"p95 {ratio(q[94], qs[94])}, Rasa CPU per message "
        f"{ratio(cpu_per_message(phase), cpu_per_message(stock))}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--vs", type=Path, help="a second Vraagwijzer checkout, e.g. main"
    )
    args = parser.parse_args()
    print(
        f"{os.cpu_count()} cores; {ROUNDS} rounds of {PHASE_S:.0f}s per bot, "
        f"1 and {USERS} users."
    )
    with (
        tempfile.TemporaryDirectory(prefix="bench-compare-") as tmp,
        ExitStack() as stack,
    ):
        workdir = Path(tmp)
        stock_project()  # trained before any bot starts
        starts: List[Callable[[], Bot]] = [
            lambda: serve_stock(stack, workdir),
            lambda: serve_vraagwijzer(stack, workdir, "vraagwijzer", ROOT),
        ]
        if args.vs:
            vs = args.vs.resolve()
            starts.append(lambda: serve_vraagwijzer(stack, workdir, vs.name, vs))
        bots = [start() for start in starts]
        for bot in bots:
            print(f"  {bot.name:12s} Rasa up in {bot.startup_s:.1f}s")
            asyncio.run(warm_up(bot))
        for users in (1, USERS):
            phases = {bot.name: Phase() for bot in bots}
            for round_number in range(ROUNDS):
                for bot in bots:
                    asyncio.run(
                        drive(
                            bot,
                            users,
                            PHASE_S,
                            phases[bot.name],
                            f"{bot.name}-{users}u-r{round_number}",
                        )
                    )
            print(f"{users} user(s):")
            for bot in bots:
                print(row(bot, phases[bot.name]))
            for bot in bots[1:]:
                print(ratios(bot, phases["stock"], phases[bot.name]))
        print("Rasa memory after the run (resident now / peak):")
        stock_mb = memory_mb([bots[0].rasa_pid], "VmRSS:")
        for bot in bots:
            now, peak = (memory_mb([bot.rasa_pid], f) for f in ("VmRSS:", "VmHWM:"))
            print(
                f"  {bot.name:12s} {now:5.0f} / {peak:5.0f} MB "
                f"({now / stock_mb:.2f}x stock)"
            )


if __name__ == "__main__":
    main()
