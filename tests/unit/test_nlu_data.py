"""The training data and the held-out set: enough examples, and kept apart."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from rasa.shared.nlu.training_data.loading import load_data

ROOT = Path(__file__).resolve().parents[2]
NEED_INTENTS = [
    "need_talent",
    "need_innovatie",
    "need_kennis_netwerk",
    "need_leven_lang_ontwikkelen",
    "need_onderwijs_invloed",
    "need_loket",
]


def normalised(text: str) -> str:
    return " ".join(text.lower().split())


@pytest.fixture(scope="module")
def training():
    return load_data(str(ROOT / "data" / "nlu"))


@pytest.fixture(scope="module", params=["nlu_holdout.yml", "nlu_fresh_openings.yml"])
def holdout(request):
    return load_data(str(ROOT / "tests" / request.param))


def test_every_need_has_at_least_40_training_examples(training):
    counts = Counter(example.get("intent") for example in training.intent_examples)
    assert {need: counts[need] for need in NEED_INTENTS if counts[need] < 40} == {}


def test_every_need_has_at_least_12_held_out_examples(holdout):
    counts = Counter(example.get("intent") for example in holdout.intent_examples)
    assert {need: counts[need] for need in NEED_INTENTS if counts[need] < 12} == {}


def test_held_out_examples_are_never_trained_on(training, holdout):
    trained = {normalised(example.get("text")) for example in training.intent_examples}
    leaked = [
        example.get("text")
        for example in holdout.intent_examples
        if normalised(example.get("text")) in trained
    ]
    assert leaked == []


def test_every_erasure_wording_the_privacy_text_promises_is_trained(training):
    """The welcome says "verwijder mijn gegevens"; issue 11 promised "vergeet mij"."""
    import yaml

    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    promised = {"vergeet mij", "verwijder mijn gegevens", "wis alles"}
    for name in ("utter_welcome", "utter_stop"):
        for text in domain["responses"][name][0]["text"].split('"')[1::2]:
            if any(word in text for word in ("verwijder", "wis", "vergeet")):
                promised.add(normalised(text))
    erasure = {
        normalised(example.get("text"))
        for example in training.intent_examples
        if example.get("intent") == "request_erasure"
    }
    assert promised - erasure == set()
