"""Writes data/answers/answer_needs.tsv: what entrepreneurs answered to "wat
gaat er mis?", "wat moet er anders?" and "om wie gaat het?", each with the
need of the intake it came from (bot/intake/answer_need.py learns from it).

The source is the persona sets that are spent (tests/personas: the
regression and sloppy groups and every held-out set already run once). A set
not yet run stays out: register it only after this file is written, or its
answers would be learnt before they are measured.

Run from the repository root:
    .venv/bin/python scripts/answer_needs.py            # write the file
    .venv/bin/python scripts/answer_needs.py --measure  # eight folds by set
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Dict, Iterator, List, Tuple

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.intake import answer_need  # noqa: E402 - after the path is set

PERSONAS = ROOT / "tests" / "personas"
KINDS = ("problem", "goal", "who")


def spent_personas() -> Iterator[Tuple[str, Dict]]:
    """(set, persona) for every persona of the spent sets in tests/personas
    (scripts/format_fits.py reads them too)."""
    for path in sorted(PERSONAS.glob("*.yml")):
        for persona in (
            yaml.safe_load(path.read_text(encoding="utf-8")).get("personas") or []
        ):
            yield path.stem, persona


def rows() -> list:
    found = []
    for from_set, persona in spent_personas():
        answers = persona.get("answers") or {}
        for kind in KINDS:
            text = answers.get(kind)
            if persona.get("need") and isinstance(text, str) and text.strip():
                one_line = " ".join(text.split())
                found.append((one_line, persona["need"], kind, from_set))
    return found


def main() -> None:
    lines = [
        "# Answers to the content probes and the need of their intake; written by",
        "# scripts/answer_needs.py from the spent persona sets in tests/personas.",
        "# text<TAB>need<TAB>kind<TAB>set",
        *("\t".join(row) for row in rows()),
    ]
    answer_need.DATA_FILE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines) - 3} answers -> {answer_need.DATA_FILE.relative_to(ROOT)}")


FOLDS = 8


def measure() -> None:
    """Each set read by a reader learnt without it: how often it names the
    intake's need per kind of answer, and for the problem and goal together
    how often it is sure (answer_need.SURE) and then right."""
    import numpy  # noqa: PLC0415 - only for measuring

    rows = answer_need.read_rows()
    sets = sorted({from_set for *_, from_set in rows})
    right: Dict[str, List[bool]] = {}
    together = []
    for fold in range(FOLDS):
        left_out = set(sets[fold::FOLDS])
        learnt = [row for row in rows if row[3] not in left_out]
        model = answer_need.learn([r[0] for r in learnt], [r[1] for r in learnt])
        tested = [row for row in rows if row[3] in left_out]
        for (_, need, kind, _), read in zip(
            tested, model.predict([r[0].lower() for r in tested]), strict=True
        ):
            right.setdefault(kind, []).append(read == need)
        # rows come per persona, problem before goal: a problem and the goal
        # right after it are one intake's
        pairs: Dict[str, List[Tuple[str, str, str]]] = {}
        for text, need, kind, from_set in tested:
            pairs.setdefault(from_set, []).append((kind, text, need))
        for answers in pairs.values():
            for at, (kind, problem, need) in enumerate(answers):
                following = answers[at + 1] if at + 1 < len(answers) else None
                if kind != "problem" or not following or following[0] != "goal":
                    continue
                mean = model.predict_proba(
                    [problem.lower(), following[1].lower()]
                ).mean(0)
                best = model.classes_[int(mean.argmax())]
                together.append((mean.max() >= answer_need.SURE, best == need))
    for kind, hits in right.items():
        print(f"{kind}: {sum(hits) / len(hits):.3f} of {len(hits)} answers")
    sure = [hit for is_sure, hit in together if is_sure]
    print(
        f"problem and goal together: right {numpy.mean([h for _, h in together]):.3f}"
        f" of {len(together)}; sure in {len(sure) / len(together):.2f},"
        f" then right {numpy.mean(sure):.3f}"
    )


if __name__ == "__main__":
    measure() if "--measure" in sys.argv else main()
