"""Corrections reach the model (bot/retrain.py): merged into data/nlu/ in their
own file, a new model trained and scored on the holdout, loaded into a running
Rasa through `PUT /model` only when it is not worse; and the review app's
button and progress. A small project (tests/review/small_rasa.py: tiny
pipeline, a few dozen examples) keeps the training to seconds; the `served`
fixture (tests/review/conftest.py) gives this module its own copy."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from typing import Any, List

import yaml

from bot import retrain
from bot.review.corrections import nlu_yaml
from tests.review.conftest import log_in, make_user
from tests.review.small_rasa import rasa_status


class Marked:
    def __init__(self, text: str, intent: str) -> None:
        self.text, self.corrected_intent = text, intent


def test_a_model_at_least_as_good_is_loaded_without_restart(served):
    project = served
    before = rasa_status(project.rasa_url)["model_id"]
    lines: List[str] = []
    corrections = [Marked("personeel is niet te krijgen", "need_talent"),
                   Marked("we willen iets met nieuwe technieken", "need_innovatie")]  # fmt: skip

    status = retrain.update_model(project, nlu_yaml(corrections), 2, lines.append)

    assert status.state == "live", status.message
    assert status.accuracy_after >= status.accuracy_before
    merged = yaml.safe_load(project.corrections_file.read_text(encoding="utf-8"))
    assert {m["intent"] for m in merged["nlu"]} == {"need_talent", "need_innovatie"}
    # The same Rasa process now serves another model.
    after = rasa_status(project.rasa_url)
    assert after["model_id"] != before
    assert retrain.read_status(project).state == "live"
    assert [line.split(":")[0] for line in lines if line.startswith("step")] == [
        f"step {name}" for name in retrain.STEPS
    ]


def test_a_worse_model_leaves_the_old_one_serving(served, monkeypatch):
    project = served
    serving = rasa_status(project.rasa_url)["model_id"]
    live_bytes = project.live_model.read_bytes()
    previous = project.corrections_file.read_text(encoding="utf-8")
    modified = project.corrections_file.stat().st_mtime

    def copy_of_live(project_: retrain.Project, out: Path, log: Path) -> Path:
        out.mkdir(parents=True, exist_ok=True)
        shutil.copy2(project_.live_model, out / "candidate.tar.gz")
        return out / "candidate.tar.gz"

    def scores(model: Path, log: Path, holdout: Path) -> float:
        return 0.5 if model.name == "candidate.tar.gz" else 0.75

    monkeypatch.setattr(retrain, "train_candidate", copy_of_live)
    monkeypatch.setattr(retrain, "need_accuracy", scores)
    corrections = nlu_yaml([Marked("iets heel anders", "need_talent")])

    status = retrain.update_model(project, corrections, 1, lambda line: None)

    assert status.state == "afgewezen"
    assert (status.accuracy_before, status.accuracy_after) == (0.75, 0.5)
    assert project.live_model.read_bytes() == live_bytes
    assert project.corrections_file.read_text(encoding="utf-8") == previous
    assert project.corrections_file.stat().st_mtime == modified  # no retraining
    assert rasa_status(project.rasa_url)["model_id"] == serving


def test_a_failed_training_leaves_the_old_one_serving(served, monkeypatch):
    project = served
    serving = rasa_status(project.rasa_url)["model_id"]
    previous = project.corrections_file.read_text(encoding="utf-8")
    # A correction naming an intent the domain does not know: Rasa refuses it.
    monkeypatch.setattr(project, "epoch_fraction", 0.0)
    corrections = nlu_yaml([Marked("iets", "need_bestaat_niet")])
    corrections = corrections.replace("version:", "nlu_broken: [\nversion:")

    status = retrain.update_model(project, corrections, 1, lambda line: None)

    assert status.state == "mislukt"
    assert project.corrections_file.read_text(encoding="utf-8") == previous
    assert rasa_status(project.rasa_url)["model_id"] == serving


def update_section(page: str) -> str:
    """The section's text, without its markup (a CSRF token is random)."""
    section = page.split('<section id="bijwerken"')[1].split("</section>")[0]
    return re.sub(r"<[^>]*>", " ", "<" + section)


def test_the_corrections_page_shows_the_button_and_the_progress(
    client, store, tmp_path, monkeypatch
):
    from tests.review.test_corrections import mark
    from tests.review.conftest import add_transcript
    from bot.store.session import UnitOfWork, session_factory

    project = retrain.Project(root=tmp_path, rasa_token=None)
    client.application.config["RETRAIN_PROJECT"] = project
    admin = make_user(store, "anna", role="admin")
    make_user(store, "bram")
    add_transcript(store, "conv-1")
    mark(lambda: UnitOfWork(session_factory(store)), "conv-1", 2, "inform", admin)
    started: List[Any] = []
    monkeypatch.setattr(
        retrain, "start_in_background", lambda p, url: started.append((p, url)) or True
    )

    log_in(client, "bram")
    page = client.get("/correcties").get_data(as_text=True)
    assert "Bot bijwerken met" not in page  # only an admin updates the bot

    client2 = client.application.test_client()
    log_in(client2, "anna")
    page = client2.get("/correcties").get_data(as_text=True)
    assert "Bot bijwerken met 1 correcties" in page
    for word in ("intent", "NLU", "YAML", "fallback"):
        assert word.lower() not in update_section(page).lower()
    token = page.split('name="csrf_token" value="')[-1].split('"')[0]
    answer = client2.post("/correcties/bijwerken", data={"csrf_token": token})
    assert answer.status_code == 302 and started == [(project, store)]

    # While the job runs: the step, no second button; afterwards the figures.
    retrain.write_status(
        project, retrain.Status(state="bezig", step="trainen", pid=os.getpid())
    )
    page = client2.get("/correcties").get_data(as_text=True)
    section = update_section(page)
    assert "stap 2 van 4" in section and "Bot bijwerken met" not in section, section
    retrain.write_status(
        project,
        retrain.Status(state="live", message="De bot gebruikt nu de nieuwe versie.",
                       accuracy_before=0.894, accuracy_after=0.9, finished_at=1.0),
    )  # fmt: skip
    page = client2.get("/correcties").get_data(as_text=True)
    assert "oude versie 89,4%, nieuwe versie 90,0%" in page
    assert "De bot gebruikt nu de nieuwe versie." in page
