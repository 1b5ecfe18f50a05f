"""Writes data/answers/format_fits.tsv: per need, how often the spent persona
sets' writers, reading the catalogue as a coordinator would, proposed each
format (`fits`) and struck it (`not_fit`) for an intake of that need.
bot/intake/catalogue.py ranks by it beside the catalogue's own needs: for a
concrete innovation question they proposed a short practice project in 97%
and a student challenge in 61%, though the catalogue names innovatie first
for both.

The source is the persona sets that are spent, as for
scripts/answer_needs.py: register a new set only after this file is written.
Run from the repository root:
    .venv/bin/python scripts/format_fits.py
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.intake import catalogue  # noqa: E402 - after the path is set
from scripts.answer_needs import spent_personas  # noqa: E402


def main() -> None:
    intakes: Counter = Counter()
    proposed: Counter = Counter()
    struck: Counter = Counter()
    for _, persona in spent_personas():
        need = persona.get("need")
        if not need or not persona.get("fits"):
            continue
        intakes[need] += 1
        proposed.update((need, f) for f in persona["fits"])
        struck.update((need, f) for f in persona.get("not_fit") or [])
    lines = [
        "# Per need, how often the spent persona sets proposed and struck each",
        "# format; written by scripts/format_fits.py.",
        "# need<TAB>format<TAB>fits<TAB>not_fit<TAB>intakes",
    ]
    for need in sorted(intakes):
        for pps_format in catalogue.load_catalogue().formats:
            key = (need, pps_format.id)
            lines.append(
                f"{need}\t{pps_format.id}\t{proposed[key]}\t{struck[key]}\t{intakes[need]}"
            )
    written = catalogue.FORMAT_FITS_FILE
    written.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{sum(intakes.values())} intakes -> {written.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
