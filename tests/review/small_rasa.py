"""A small Rasa project for the model update (bot/retrain.py): a tiny pipeline
and a few dozen examples, so training takes seconds; trained once and served by
one Rasa process with its HTTP API on (the fixtures in tests/review/conftest.py).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Dict, Iterator, List

import yaml

from bot import retrain
from tests.e2e.servers import free_port, server_env, wait_until_up

TOKEN = "update-test-token"
TALENT = ["ik vind geen monteurs", "we zoeken stagiairs", "geen personeel te vinden",
          "wie wil er bij ons werken", "vacatures blijven open", "we hebben mensen nodig",
          "ik zoek een leerling voor de werkplaats", "jonge mensen gezocht"]  # fmt: skip
INNOVATIE = ["iets met duurzaamheid", "we willen een prototype bouwen",
             "hoe pakken we digitalisering aan", "zonnepanelen op het dak",
             "onderzoek naar een nieuw product", "onze machines moeten slimmer",
             "cyberveiligheid van ons bedrijf", "een nieuw materiaal testen"]  # fmt: skip
HOLDOUT = {"need_talent": ["we vinden geen monteurs", "stagiairs gezocht"],
           "need_innovatie": ["duurzaamheid is belangrijk", "een prototype maken"]}  # fmt: skip
# What a copy of the project holds (its first model included).
PROJECT_FILES = ("config.yml", "domain.yml", "data", "tests", "models/vraagwijzer.tar.gz")  # fmt: skip


def examples(texts: List[str]) -> str:
    return "".join(f"- {text}\n" for text in texts)


def write_project(root: Path) -> None:
    (root / "data" / "nlu").mkdir(parents=True)
    (root / "tests").mkdir()
    (root / "config.yml").write_text(
        yaml.safe_dump(
            {
                "recipe": "default.v1",
                "language": "nl",
                "assistant_id": "model-update-test",
                "pipeline": [
                    {"name": "WhitespaceTokenizer"},
                    {"name": "CountVectorsFeaturizer", "analyzer": "char_wb",
                     "min_ngram": 2, "max_ngram": 4},
                    {"name": "DIETClassifier", "epochs": 40, "random_seed": 1,
                     "number_of_transformer_layers": 0, "hidden_layers_sizes":
                     {"text": [32]}, "embedding_dimension": 10},
                ],
                "policies": [{"name": "RulePolicy"}],
            }
        )
    )  # fmt: skip
    (root / "domain.yml").write_text(
        'version: "3.1"\nintents: [need_talent, need_innovatie]\n'
        "responses:\n  utter_talent:\n  - text: talent\n"
        "  utter_innovatie:\n  - text: innovatie\n"
    )
    (root / "data" / "rules.yml").write_text(
        'version: "3.1"\nrules:\n'
        "- rule: talent\n  steps:\n  - intent: need_talent\n  - action: utter_talent\n"
        "- rule: innovatie\n  steps:\n  - intent: need_innovatie\n"
        "  - action: utter_innovatie\n"
    )
    (root / "data" / "nlu" / "needs.yml").write_text(
        yaml.safe_dump(
            {
                "version": "3.1",
                "nlu": [
                    {"intent": "need_talent", "examples": examples(TALENT)},
                    {"intent": "need_innovatie", "examples": examples(INNOVATIE)},
                ],
            }
        )
    )
    (root / "tests" / "nlu_holdout.yml").write_text(
        yaml.safe_dump(
            {
                "version": "3.1",
                "nlu": [
                    {"intent": intent, "examples": examples(texts)}
                    for intent, texts in HOLDOUT.items()
                ],
            }
        )
    )


def rasa_status(base: str) -> Dict[str, Any]:
    with urllib.request.urlopen(f"{base}/status?token={TOKEN}", timeout=30) as answer:
        return json.loads(answer.read())


@contextmanager
def trained_and_served(root: Path) -> Iterator[str]:
    """The small project written to `root`, its first model trained, and Rasa
    serving it with the API on; yields Rasa's URL."""
    write_project(root)
    log = root / "rasa.log"
    env = server_env(f"sqlite:///{root / 'store.db'}")
    subprocess.run(
        [sys.executable, "-m", "bot.rasa_cli", "train", "--out", "models",
         "--fixed-model-name", "vraagwijzer"],
        cwd=root, env=env, check=True, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL, timeout=600,
    )  # fmt: skip
    port = free_port()
    with log.open("w") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot.rasa_cli", "run", "--model", "models",
             "--port", str(port), "--enable-api", "--auth-token", TOKEN],
            cwd=root, env=env, stdout=output, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_up(f"{base}/status?token={TOKEN}", process, log)
        yield base
    finally:
        os.killpg(process.pid, 15)
        process.wait(timeout=30)


def fresh_copy(trained: Path, root: Path, rasa_url: str) -> retrain.Project:
    """A copy of the trained project for one test module, its first model
    loaded into the running Rasa (an earlier module may have loaded another)."""
    for name in PROJECT_FILES:
        source, target = trained / name, root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            shutil.copy2(source, target)
    project = retrain.Project(
        root=root, rasa_url=rasa_url, rasa_token=TOKEN, epoch_fraction=0.5
    )
    retrain.rasa_request(
        project, "PUT", "/model", {"model_file": str(project.live_model)}
    )
    return project
