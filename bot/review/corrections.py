"""Corrected user messages as Rasa NLU training data, to review and merge
into `data/nlu/`: the loop that makes the bot better every week."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Dict, Iterable, List

from bot.store.models import MessageCorrection

HEADER = """\
# Berichten die de bot verkeerd begreep, met de intent die coördinatoren
# aanwezen in de review-app. Nalezen, dan samenvoegen in data/nlu/.
"""
# Rasa reads "[text](entity)" and "[text]{...}" in examples as entity labels.
_BRACKETS = str.maketrans({"[": "(", "]": ")"})
_SPACES = re.compile(r"\s+")


def example_text(text: str) -> str:
    """One line of plain text: no line breaks, no entity markup."""
    return _SPACES.sub(" ", text).strip().translate(_BRACKETS)


def examples_by_intent(
    corrections: Iterable[MessageCorrection],
) -> Dict[str, List[str]]:
    """Per corrected intent (sorted), its distinct examples in order of marking."""
    grouped: Dict[str, List[str]] = defaultdict(list)
    for correction in corrections:
        text = example_text(correction.text)
        examples = grouped[correction.corrected_intent]
        if text and text not in examples:
            examples.append(text)
    return {intent: grouped[intent] for intent in sorted(grouped) if grouped[intent]}


def nlu_yaml(corrections: Iterable[MessageCorrection]) -> str:
    """`version: "3.1"` NLU data with one `examples: |` block per intent."""
    lines = [HEADER, 'version: "3.1"', ""]
    grouped = examples_by_intent(corrections)
    if not grouped:
        lines.append("nlu: []")
    else:
        lines.append("nlu:")
    for intent, examples in grouped.items():
        lines.append(f"  - intent: {intent}")
        lines.append("    examples: |")
        lines.extend(f"      - {text}" for text in examples)
    return "\n".join(lines) + "\n"
