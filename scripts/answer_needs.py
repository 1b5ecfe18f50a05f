"""Writes data/answers/answer_needs.tsv: what entrepreneurs answered to "wat
gaat er mis?", "wat moet er anders?" and "om wie gaat het?", each with the
need of the intake it came from (bot/intake/answer_need.py learns from it).

The source is the persona sets that are spent (tests/personas: the
regression and sloppy groups and every held-out set already run once). A set
not yet run stays out: register it only after this file is written, or its
answers would be learnt before they are measured.

Run from the repository root:
    .venv/bin/python scripts/answer_needs.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.intake.answer_need import DATA_FILE  # noqa: E402 - after the path is set

PERSONAS = ROOT / "tests" / "personas"
KINDS = ("problem", "goal", "who")


def rows() -> list:
    found = []
    for path in sorted(PERSONAS.glob("*.yml")):
        for persona in (
            yaml.safe_load(path.read_text(encoding="utf-8")).get("personas") or []
        ):
            answers = persona.get("answers") or {}
            for kind in KINDS:
                text = answers.get(kind)
                if persona.get("need") and isinstance(text, str) and text.strip():
                    one_line = " ".join(text.split())
                    found.append((one_line, persona["need"], kind, path.stem))
    return found


def main() -> None:
    lines = [
        "# Answers to the content probes and the need of their intake; written by",
        "# scripts/answer_needs.py from the spent persona sets in tests/personas.",
        "# text<TAB>need<TAB>kind<TAB>set",
        *("\t".join(row) for row in rows()),
    ]
    DATA_FILE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines) - 3} answers -> {DATA_FILE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
