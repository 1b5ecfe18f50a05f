"""Runs `rasa data validate --fail-on-warnings`, minus one known false alarm.

Rasa 3.6 warns that a response "is not used in any story or rule" when only a
form or a custom action utters it (RasaHQ/rasa#11843 and friends): every
`utter_ask_<slot>` of a form triggers it. This script accepts exactly those
warnings for responses that a form asks or that actions/*.py or the custom
channels in bot/channels/*.py name, and fails
on every other warning or error.

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

import yaml

ROOT = Path(__file__).resolve().parent.parent
UNUSED = re.compile(r"The utterance '(utter_\w+)' is not used in any story or rule")
WARNING = re.compile(r"UserWarning: (.*)|\bWARNING\b(.*)|\bERROR\b(.*)")
# utter_restart is uttered by Rasa's own action_restart.
USED_BY_RASA = {"utter_restart", "utter_ask_rephrase", "utter_default"}


def responses_uttered_outside_stories() -> set[str]:
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    form_slots = {
        slot for form in domain["forms"].values() for slot in form["required_slots"]
    }
    asked = {f"utter_ask_{slot}" for slot in form_slots}
    explained = {f"utter_why_{slot}" for slot in form_slots}  # action_explain_question
    named_in_actions = set()
    sources = [
        *(ROOT / "actions").glob("*.py"),
        *(ROOT / "bot" / "channels").glob("*.py"),
    ]
    for source in sources:
        named_in_actions |= set(re.findall(r"utter_\w+", source.read_text("utf-8")))
    return asked | explained | named_in_actions | USED_BY_RASA


def main(extra_data: Sequence[str] = ()) -> int:
    rasa = Path(sys.executable).parent / "rasa"
    command = [str(rasa), "data", "validate", "--fail-on-warnings"]
    if extra_data:
        command += ["--data", "data", *(str(Path(p).resolve()) for p in extra_data)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    output = result.stdout + result.stderr
    allowed = responses_uttered_outside_stories()
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
