"""The trained model predicts the same when DIET loads without Rasa's training
step (bot/diet_classifier.py) as when it loads Rasa's way."""

from __future__ import annotations

import asyncio

import pytest
import yaml

from bot import diet_classifier
from tests.e2e.servers import ROOT

pytestmark = pytest.mark.skipif(
    not (ROOT / "models" / "vraagwijzer.tar.gz").exists(),
    reason="no trained model: run `make train` (make test does)",
)


def holdout_texts() -> list:
    items = yaml.safe_load((ROOT / "tests" / "nlu_holdout.yml").read_text())["nlu"]
    return [
        line[2:].strip()
        for item in items
        for line in item["examples"].splitlines()
        if line.startswith("- ")
    ]


def parses(texts: list) -> list:
    from rasa.core.agent import Agent

    agent = Agent.load(str(ROOT / "models"))

    async def parse_all() -> list:
        return [await agent.parse_message(text) for text in texts]

    return [
        (
            [(i["name"], round(i["confidence"], 5)) for i in parse["intent_ranking"]],
            [(e["entity"], e["value"]) for e in parse["entities"]],
        )
        for parse in asyncio.run(parse_all())
    ]


def test_predictions_equal_rasas_own_load(monkeypatch):
    texts = holdout_texts()[::4]
    lean = parses(texts)
    # A hash that does not match makes the classifier load Rasa's way.
    monkeypatch.setattr(diet_classifier, "RELIED_ON_SHA256", "rasa's own load")
    assert parses(texts) == lean
