"""Corrections into the model: merge, train, check on the holdout, load.

`make retrain` and the review app's "Bot bijwerken" button run the same job:

1. the coordinators' corrections are written to `data/nlu/corrections.yml`
   (one reviewable file, nothing else in data/nlu/ changes);
2. a new model is trained into `models/candidates/`, fine-tuned from the live
   model on the merged data when the pipeline allows it
   (`rasa train --finetune`), else from scratch;
3. `rasa test nlu` scores the live model and the candidate on
   tests/nlu_holdout.yml: the need accuracy (the need category of every
   `need_*` example, as scripts/bench.py counts it);
4. only when the candidate's need accuracy is not lower, it becomes
   `models/vraagwijzer.tar.gz` and the running Rasa loads it through its HTTP
   API (`PUT /model`, behind RASA_AUTH_TOKEN): no restart, and a failed or
   worse candidate leaves the old model serving.

Every step is logged (logger `bot.retrain`, var/log/retrain.log) and written to
`var/retrain/status.json`, which the review app shows.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, List, Optional, Tuple

ROOT = Path(__file__).resolve().parent.parent
HOLDOUT = ROOT / "tests" / "nlu_holdout.yml"
CORRECTIONS_FILE = ROOT / "data" / "nlu" / "corrections.yml"
LIVE_MODEL = ROOT / "models" / "vraagwijzer.tar.gz"
STATE_DIR = ROOT / "var" / "retrain"
LOG_FILE = ROOT / "var" / "log" / "retrain.log"
NO_NEED = "(geen behoefte)"

logger = logging.getLogger(__name__)


def need_of(intent: str) -> str:
    return intent.removeprefix("need_") if intent.startswith("need_") else NO_NEED


def need_accuracy_from(results_dir: Path) -> float:
    """The share of `need_*` holdout examples whose need category was right."""
    rows: List[Dict[str, Any]] = []
    for name in ("intent_successes.json", "intent_errors.json"):
        path = results_dir / name
        if path.exists():
            rows += json.loads(path.read_text(encoding="utf-8"))
    pairs = [
        (need_of(row["intent"]), need_of(row["intent_prediction"]["name"]))
        for row in rows
        if row["intent"].startswith("need_")
    ]
    if not pairs:
        raise RuntimeError(f"no need examples scored in {results_dir}")
    return sum(gold == predicted for gold, predicted in pairs) / len(pairs)


def rasa_command(*args: str) -> List[str]:
    """Rasa's command line minus the known-harmless warnings (bot/rasa_cli.py)."""
    return [sys.executable, "-m", "bot.rasa_cli", *args]


def run_rasa(args: Iterable[str], log: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TF_CPP_MIN_LOG_LEVEL": "3"}
    env.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
    with log.open("a", encoding="utf-8") as out:
        result = subprocess.run(
            rasa_command(*args), cwd=ROOT, env=env, stdout=out, stderr=out
        )
    if result.returncode != 0:
        raise RuntimeError(f"rasa {' '.join(args)} failed (see {log})")


def need_accuracy(model: Path, log: Path, holdout: Path = HOLDOUT) -> float:
    """`rasa test nlu` of one model on the holdout: its need accuracy."""
    with tempfile.TemporaryDirectory() as tmp:
        run_rasa(
            [
                "test",
                "nlu",
                "--model",
                str(model),
                "--nlu",
                str(holdout),
                "--out",
                tmp,
                "--successes",
                "--no-plot",
            ],
            log,
        )
        return need_accuracy_from(Path(tmp))


@dataclass
class Project:
    """Where the job reads and writes; a test points it at a small project."""

    root: Path = ROOT
    rasa_url: str = "http://localhost:5005"
    rasa_token: Optional[str] = None
    # Fine-tune the live model (`rasa train --finetune`) for this share of the
    # configured epochs; 0 trains from scratch.
    epoch_fraction: float = 0.5

    @property
    def corrections_file(self) -> Path:
        return self.root / "data" / "nlu" / "corrections.yml"

    @property
    def live_model(self) -> Path:
        return self.root / "models" / "vraagwijzer.tar.gz"

    @property
    def holdout(self) -> Path:
        return self.root / "tests" / "nlu_holdout.yml"

    @property
    def state_dir(self) -> Path:
        return self.root / "var" / "retrain"

    @property
    def status_file(self) -> Path:
        return self.state_dir / "status.json"

    @property
    def log_file(self) -> Path:
        return self.root / "var" / "log" / "retrain.log"


STEPS = ("samenvoegen", "trainen", "controleren", "laden")


@dataclass
class Status:
    """What the review app shows of the last job (var/retrain/status.json)."""

    state: str = "geen"  # geen | bezig | live | afgewezen | mislukt
    step: str = ""
    corrections: int = 0
    started_at: float = 0.0
    finished_at: float = 0.0
    accuracy_before: Optional[float] = None
    accuracy_after: Optional[float] = None
    message: str = ""
    live_model: str = ""
    steps: List[Dict[str, Any]] = field(default_factory=list)
    pid: int = 0

    @property
    def running(self) -> bool:
        if self.state != "bezig":
            return False
        try:
            os.kill(self.pid, 0)
        except OSError:
            return False
        return True


def read_status(project: Project) -> Status:
    try:
        data = json.loads(project.status_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Status()
    known = set(Status.__dataclass_fields__)
    return Status(**{key: value for key, value in data.items() if key in known})


def write_status(project: Project, status: Status) -> None:
    project.state_dir.mkdir(parents=True, exist_ok=True)
    tmp = project.status_file.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(status), indent=2), encoding="utf-8")
    tmp.replace(project.status_file)


def rasa_request(
    project: Project, method: str, path: str, body: Optional[Dict[str, Any]] = None
) -> Any:
    """One call to Rasa's HTTP API, behind RASA_AUTH_TOKEN."""
    import urllib.request

    url = f"{project.rasa_url.rstrip('/')}{path}?token={project.rasa_token or ''}"
    data = json.dumps(body).encode() if body is not None else None
    call = urllib.request.Request(url, data=data, method=method)
    call.add_header("Content-Type", "application/json")
    # Loading a model takes Rasa a while (spaCy, DIET): wait for it.
    with urllib.request.urlopen(call, timeout=300) as answer:  # noqa: S310
        text = answer.read()
    return json.loads(text) if text else None


def train_candidate(project: Project, out: Path, log: Path) -> Path:
    """Fine-tuned from the live model when possible (same config), else from
    scratch: Rasa refuses to fine-tune a model trained with another config."""
    args = ["train", "--out", str(out), "--fixed-model-name", "candidate"]
    args += ["--config", str(project.root / "config.yml")]
    args += ["--domain", str(project.root / "domain.yml")]
    args += ["--data", str(project.root / "data")]
    if project.epoch_fraction and project.live_model.exists():
        finetune = ["--finetune", str(project.live_model)]
        finetune += ["--epoch-fraction", str(project.epoch_fraction)]
        try:
            run_rasa(args + finetune, log)
            return out / "candidate.tar.gz"
        except RuntimeError:
            logger.warning("fine-tuning refused or failed; training from scratch")
    run_rasa(args, log)
    return out / "candidate.tar.gz"


def update_model(
    project: Project, corrections_yaml: str, count: int, log: Callable[[str], None]
) -> Status:
    """The whole job; returns its final status (also written to the file)."""
    status = Status(
        state="bezig", corrections=count, started_at=time.time(), pid=os.getpid()
    )
    status.live_model = read_status(project).live_model or str(project.live_model)
    rasa_log = project.log_file
    rasa_log.parent.mkdir(parents=True, exist_ok=True)

    def step(name: str, detail: str = "") -> None:
        if status.steps:
            status.steps[-1]["finished_at"] = time.time()
        status.step = name
        status.steps.append({"name": name, "started_at": time.time(), "detail": ""})
        log(f"step {name}{': ' + detail if detail else ''}")
        write_status(project, status)

    def finish(state: str, message: str) -> Status:
        if status.steps:
            status.steps[-1]["finished_at"] = time.time()
        status.state, status.message = state, message
        status.finished_at = time.time()
        log(f"{state}: {message}")
        write_status(project, status)
        return status

    previous: Optional[Tuple[str, float]] = None
    if project.corrections_file.exists():
        previous = (
            project.corrections_file.read_text(encoding="utf-8"),
            project.corrections_file.stat().st_mtime,
        )
    try:
        step("samenvoegen", f"{count} corrections into {project.corrections_file}")
        project.corrections_file.write_text(corrections_yaml, encoding="utf-8")
        candidates = project.root / "models" / "candidates"
        candidates.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(dir=candidates))
        started = time.monotonic()
        step("trainen", "fine-tuning" if project.epoch_fraction else "from scratch")
        candidate = train_candidate(project, work, rasa_log)
        log(f"trained {candidate} in {time.monotonic() - started:.0f} s")
        step("controleren", f"rasa test nlu on {project.holdout}")
        status.accuracy_before = need_accuracy(
            project.live_model, rasa_log, project.holdout
        )
        write_status(project, status)
        status.accuracy_after = need_accuracy(candidate, rasa_log, project.holdout)
        log(
            f"need accuracy before {status.accuracy_before:.3f}, "
            f"after {status.accuracy_after:.3f}"
        )
        if status.accuracy_after < status.accuracy_before:
            _restore(project, previous)
            return finish(
                "afgewezen",
                "De nieuwe versie herkende minder goed; de oude blijft in gebruik.",
            )
        step("laden", f"PUT /model on {project.rasa_url}")
        backup = project.live_model.with_suffix(".previous.tar.gz")
        if project.live_model.exists():
            shutil.copy2(project.live_model, backup)
        shutil.copy2(candidate, project.live_model)
        shutil.rmtree(work, ignore_errors=True)
        if project.rasa_token:
            try:
                rasa_request(
                    project, "PUT", "/model", {"model_file": str(project.live_model)}
                )
            except OSError as error:
                shutil.copy2(backup, project.live_model)
                _restore(project, previous)
                return finish(
                    "mislukt",
                    f"De bot kon de nieuwe versie niet laden ({error}); "
                    "de oude blijft in gebruik.",
                )
            status.live_model = str(project.live_model)
            return finish("live", "De bot gebruikt nu de nieuwe versie.")
        status.live_model = str(project.live_model)
        return finish(
            "live",
            "Nieuwe versie klaar; de bot laadt haar bij de volgende start "
            "(RASA_AUTH_TOKEN is niet gezet, dus laden zonder herstart kan niet).",
        )
    except Exception as error:  # noqa: BLE001  (every failure ends the job cleanly)
        logger.exception("retrain failed")
        _restore(project, previous)
        return finish("mislukt", f"Bijwerken mislukt: {error}")


def _restore(project: Project, previous: Optional[Tuple[str, float]]) -> None:
    """A rejected or failed job leaves data/nlu/ as it found it, modification
    time included, so `make` does not train the old data again."""
    if previous is None:
        project.corrections_file.unlink(missing_ok=True)
        return
    text, modified = previous
    project.corrections_file.write_text(text, encoding="utf-8")
    os.utime(project.corrections_file, (modified, modified))


def corrections_from_store(database_url: str) -> tuple[str, int]:
    """The corrections as NLU data, and how many messages were marked."""
    from bot.review.corrections import examples_by_intent, nlu_yaml
    from bot.store.session import UnitOfWork, session_factory

    with UnitOfWork(session_factory(database_url)) as uow:
        marked = uow.corrections.list_all()
        count = sum(len(examples) for examples in examples_by_intent(marked).values())
        return nlu_yaml(marked), count


def project_from_settings(argv: Optional[List[str]] = None) -> Project:
    """The job's project from the environment, or from `--root`, `--rasa-url`
    and `--epoch-fraction` (how the review app starts it). The token comes
    from RASA_AUTH_TOKEN only, never from the command line."""
    import argparse

    from bot.settings import load_settings

    port = os.environ.get("RASA_PORT", "5005")
    parser = argparse.ArgumentParser(prog="python -m bot.retrain")
    parser.add_argument("--root", type=Path, default=ROOT)
    parser.add_argument(
        "--rasa-url", default=os.environ.get("RASA_URL") or f"http://localhost:{port}"
    )
    parser.add_argument(
        "--epoch-fraction",
        type=float,
        default=float(os.environ.get("RETRAIN_EPOCH_FRACTION", "0.5")),
    )
    args = parser.parse_args(argv)
    return Project(
        root=args.root.resolve(),
        rasa_url=args.rasa_url,
        rasa_token=load_settings().rasa_auth_token,
        epoch_fraction=args.epoch_fraction,
    )


def start_in_background(project: Project, database_url: str) -> bool:
    """The review app's button: the job as its own process; False when one runs."""
    import threading

    if read_status(project).running:
        return False
    env = {**os.environ, "DATABASE_URL": database_url, "PYTHONPATH": str(ROOT)}
    env.pop("RASA_AUTH_TOKEN", None)
    if project.rasa_token:
        env["RASA_AUTH_TOKEN"] = project.rasa_token
    command = [sys.executable, "-m", "bot.retrain", "--root", str(project.root)]
    command += ["--rasa-url", project.rasa_url]
    command += ["--epoch-fraction", str(project.epoch_fraction)]
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    # Reaped when it ends, so a job that died does not look alive.
    threading.Thread(target=process.wait, daemon=True).start()
    write_status(
        project,
        Status(state="bezig", step="starten", started_at=time.time(), pid=process.pid),
    )
    return True


def main(argv: Optional[List[str]] = None) -> int:
    """`make retrain` / `python -m bot.retrain`: the job, logged to the terminal
    and to var/log/retrain.log."""
    from bot.settings import load_settings

    project = project_from_settings(argv)
    status = read_status(project)
    if status.running and status.pid != os.getpid():
        print("A model update is already running.", file=sys.stderr)
        return 1
    project.log_file.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(project.log_file, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)

    def log(line: str) -> None:
        logger.info(line)
        print(line, flush=True)

    corrections_yaml, count = corrections_from_store(load_settings().database_url)
    log(f"model update with {count} corrected messages")
    if count == 0:
        log("nothing to do: no corrections")
        return 0
    status = update_model(project, corrections_yaml, count, log)
    log(f"done in {status.finished_at - status.started_at:.0f} s")
    return 0 if status.state == "live" else 1


if __name__ == "__main__":
    sys.exit(main())
