"""Runs `rasa data validate --fail-on-warnings`, minus one known false alarm.

Rasa 3.6 warns that a response "is not used in any story or rule" when only a
form or a custom action utters it (RasaHQ/rasa#11843 and friends): every
`utter_ask_<slot>` of a form triggers it. bot/rasa_cli.py declares
the responses that a form asks or that actions/*.py or the custom channels in
bot/channels/*.py name, so Rasa does not warn about those; this script fails on
every other warning or error.

Extra arguments are more training data files validated together with data/,
e.g. the corrections exported by the review app before they are merged:
    .venv/bin/python scripts/validate_data.py corrections.yml
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Sequence

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.rasa_cli import responses_uttered_from_code  # noqa: E402

UNUSED = re.compile(r"The utterance '(utter_\w+)' is not used in any story or rule")
WARNING = re.compile(r"UserWarning: (.*)|\bWARNING\b(.*)|\bERROR\b(.*)")


def main(extra_data: Sequence[str] = ()) -> int:
    # Rasa's command line minus the known-harmless warnings (bot/rasa_cli.py).
    command = [sys.executable, "-m", "bot.rasa_cli", "data", "validate"]
    command += ["--fail-on-warnings"]
    if extra_data:
        command += ["--data", "data", *(str(Path(p).resolve()) for p in extra_data)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    output = result.stdout + result.stderr
    allowed = responses_uttered_from_code()
    problems = []
    for line in output.splitlines():
        if "tensorflow" in line or not WARNING.search(line):
            continue
        unused = UNUSED.search(line)
        if unused and unused.group(1) in allowed:
            continue
        problems.append(line.strip())
    if problems or (result.returncode != 0 and not UNUSED.search(output)):
        print(output)
        print("\nrasa data validate found problems:", *problems, sep="\n  ")
        return 1
    print(
        "rasa data validate --fail-on-warnings: no warnings beyond responses "
        "uttered by forms and custom actions"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
