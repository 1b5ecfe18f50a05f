"""`make bench`: prints the figures the closing notes report.

- NLU on the held-out sets (`rasa test nlu --nlu tests/nlu_holdout.yml`, and
  tests/nlu_fresh_openings.yml): accuracy and macro-F1 of the need category,
  the confusion between needs, and the need as the bot reads a first message.
- 5-fold cross-validation of the training data (`rasa test nlu --cross-validation`).
- Over the REST channel on one instance: turn latency p50/p95 of a scripted
  12-turn conversation, server start-up time, peak memory of both servers.
- Training time of the whole model.

Set BENCH_SKIP=cv,train to leave out the slow parts.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import List

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.intake.vocabulary import NEED_CODES as NEEDS  # noqa: E402
from tests.e2e.conversation import say  # noqa: E402
from tests.e2e.servers import (  # noqa: E402
    BIN,
    action_server,
    rasa_server,
    server_env,
)
from tests.e2e.test_rest_conversations import INTAKES  # noqa: E402

CONVERSATIONS = 20
TURNS = 12
SKIP = set(os.environ.get("BENCH_SKIP", "").split(","))


def rasa(*args: str, cwd: Path = ROOT) -> float:
    started = time.monotonic()
    subprocess.run(
        [str(BIN / "rasa"), *args],
        cwd=cwd,
        check=True,
        env=server_env(""),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.monotonic() - started


def need_of(intent: str) -> str:
    return intent.removeprefix("need_") if intent.startswith("need_") else "(geen need)"


HOLDOUT_SETS = ("tests/nlu_holdout.yml", "tests/nlu_fresh_openings.yml")


def holdout_scores(out: Path, nlu: str = HOLDOUT_SETS[0]) -> None:
    rasa(
        "test",
        "nlu",
        "--model",
        "models",
        "--nlu",
        nlu,
        "--out",
        str(out),
        "--successes",
        "--no-plot",
    )
    rows = []
    for name in ("intent_successes.json", "intent_errors.json"):
        path = out / name
        if path.exists():
            rows += json.loads(path.read_text())
    pairs = [
        (need_of(r["intent"]), need_of(r["intent_prediction"]["name"]))
        for r in rows
        if r["intent"].startswith("need_")
    ]
    correct = sum(gold == predicted for gold, predicted in pairs)
    f1s = []
    for need in NEEDS:
        tp = sum(g == need and p == need for g, p in pairs)
        fp = sum(g != need and p == need for g, p in pairs)
        fn = sum(g == need and p != need for g, p in pairs)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0
        f1s.append(f1)
        print(
            f"  {need:24s} n={tp + fn:3d}  P={precision:.2f} R={recall:.2f} F1={f1:.2f}"
        )
    print(
        f"  need_category accuracy {correct / len(pairs):.3f} on {len(pairs)} "
        f"examples, macro-F1 {statistics.mean(f1s):.3f}"
    )
    confusions = Counter((g, p) for g, p in pairs if g != p)
    for (gold, predicted), count in confusions.most_common():
        print(f"  confused: {gold} -> {predicted}: {count}")
    all_intents = sum(r["intent"] == r["intent_prediction"]["name"] for r in rows)
    print(
        f"  all intents accuracy {all_intents / len(rows):.3f} on {len(rows)} examples"
    )


def opening_needs(nlu: str) -> None:
    """Need accuracy on the need examples of `nlu` as the bot reads a first
    message (actions/intake.py): the likeliest need intent in the ranking, else
    the need its words name; with neither, the bot asks (counted as wrong)."""
    import asyncio

    from rasa.core.agent import Agent
    from rasa.shared.nlu.training_data.loading import load_data

    from actions.intake import need_of_message

    agent = Agent.load(str(ROOT / "models" / "vraagwijzer.tar.gz"))
    examples = [
        (message.get("text"), need_of(message.get("intent")))
        for message in load_data(str(ROOT / nlu)).intent_examples
        if message.get("intent", "").startswith("need_")
    ]

    async def read_all() -> List[str]:
        read = []
        for text, _ in examples:
            parsed = await agent.parse_message(text)
            need = need_of_message(parsed.get("intent_ranking"), text)
            read.append(need or "(gevraagd)")
        return read

    read = asyncio.run(read_all())
    correct = sum(gold == need for (_, gold), need in zip(examples, read, strict=True))
    print(
        f"  need as the bot reads an opening: {correct / len(examples):.3f} "
        f"on {len(examples)} examples"
    )


def cross_validation(out: Path) -> None:
    seconds = rasa(
        "test",
        "nlu",
        "--nlu",
        "data/nlu",
        "--config",
        "config.yml",
        "--cross-validation",
        "--folds",
        "5",
        "--out",
        str(out),
    )
    report = json.loads((out / "intent_report.json").read_text())
    needs = [report[f"need_{n}"]["f1-score"] for n in NEEDS]
    print(
        f"  intents: accuracy {report['accuracy']:.3f}, macro-F1 "
        f"{report['macro avg']['f1-score']:.3f}; need intents macro-F1 "
        f"{statistics.mean(needs):.3f} ({seconds:.0f}s)"
    )
    entities = out / "DIETClassifier_report.json"
    if entities.exists():
        report = json.loads(entities.read_text())
        print(f"  entities (DIET): macro-F1 {report['macro avg']['f1-score']:.3f}")


def peak_memory_mb(pid: int) -> float:
    """VmHWM: the most resident memory the process ever had."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def server_pids(port: int) -> int:
    output = subprocess.run(
        ["ss", "-ltnp", f"sport = :{port}"], capture_output=True, text=True
    ).stdout
    return int(output.split("pid=")[1].split(",")[0])


def latency_and_memory(workdir: Path) -> None:
    database_url = f"sqlite:///{workdir / 'bench.db'}"
    subprocess.run(
        [str(BIN / "python"), "-m", "bot", "db", "upgrade"],
        check=True,
        env=server_env(database_url),
    )
    started = time.monotonic()
    with action_server(workdir, database_url) as actions_port:
        actions_up = time.monotonic() - started
        started = time.monotonic()
        with rasa_server(workdir, database_url, actions_port) as base:
            rasa_up = time.monotonic() - started
            script = [message for message, _ in INTAKES["talent"][:TURNS]]
            latencies = []
            for conversation in range(CONVERSATIONS):
                for message in script:
                    message = "1" if message == "*" else message
                    turn_started = time.perf_counter()
                    say(base, f"bench-{conversation}", message)
                    latencies.append((time.perf_counter() - turn_started) * 1000)
            port = int(base.rsplit(":", 1)[1])
            rasa_mb = peak_memory_mb(server_pids(port))
            actions_mb = peak_memory_mb(server_pids(actions_port))
    quantiles = statistics.quantiles(latencies, n=100)
    print(
        f"  {CONVERSATIONS} conversations x {TURNS} turns, one user at a time: "
        f"p50 {quantiles[49]:.0f} ms, p95 {quantiles[94]:.0f} ms, "
        f"max {max(latencies):.0f} ms"
    )
    print(
        f"  start-up: Rasa {rasa_up:.1f}s (model loaded), "
        f"action server {actions_up:.1f}s"
    )
    print(f"  peak memory: Rasa {rasa_mb:.0f} MB, action server {actions_mb:.0f} MB")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        for number, nlu in enumerate(HOLDOUT_SETS):
            print(f"NLU held-out set ({nlu}):")
            holdout_scores(tmp_path / f"holdout{number}", nlu)
            opening_needs(nlu)
        if "cv" not in SKIP:
            print("NLU 5-fold cross-validation (data/nlu):")
            cross_validation(tmp_path / "cv")
        print("REST channel, one instance:")
        latency_and_memory(tmp_path)
        if "train" not in SKIP:
            seconds = rasa("train", "--out", str(tmp_path / "models"), "--force")
            print(f"Training time (rasa train --force): {seconds:.0f}s")


if __name__ == "__main__":
    main()
