"""The DIETClassifier that loads without a training step (bot/diet_classifier.py):
still written for this Rasa, and the one config.yml trains."""

from __future__ import annotations

import yaml

from bot import diet_classifier
from bot.settings import REPO_ROOT


def test_rasa_source_is_the_one_the_load_was_written_for():
    assert diet_classifier.relied_on_sha256() == diet_classifier.RELIED_ON_SHA256, (
        "Rasa changed RasaModel.load, RasaModel._rasa_predict or "
        "DIET.prepare_for_predict: check bot/diet_classifier.py against the new "
        "source, then update RELIED_ON_SHA256"
    )


def test_config_trains_the_prediction_loaded_classifier():
    pipeline = yaml.safe_load((REPO_ROOT / "config.yml").read_text())["pipeline"]
    names = [component["name"] for component in pipeline]
    assert "bot.diet_classifier.PredictionLoadedDIETClassifier" in names
    assert "DIETClassifier" not in names
