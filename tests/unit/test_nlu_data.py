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


@pytest.fixture(scope="module")
def holdout():
    return load_data(str(ROOT / "tests" / "nlu_holdout.yml"))


def test_every_need_has_at_least_40_training_examples(training):
    counts = Counter(example.get("intent") for example in training.intent_examples)
    assert {need: counts[need] for need in NEED_INTENTS if counts[need] < 40} == {}


def test_every_need_has_at_least_15_held_out_examples(holdout):
    counts = Counter(example.get("intent") for example in holdout.intent_examples)
    assert {need: counts[need] for need in NEED_INTENTS if counts[need] < 15} == {}


def test_held_out_examples_are_never_trained_on(training, holdout):
    trained = {normalised(example.get("text")) for example in training.intent_examples}
    leaked = [
        example.get("text")
        for example in holdout.intent_examples
        if normalised(example.get("text")) in trained
    ]
    assert leaked == []
