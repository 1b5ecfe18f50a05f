"""The persona suite as a test, against the real Rasa and action servers.

`make test` runs the 26 regression personas (tests/personas/personas.yml) and
both halves of the blind personas (personas_blind.yml) in one session: the
held-out half was measured once, at the end of issue 21's first attempt, and
joined the reported cases then, as did the second to forty-second held-out sets
(personas_fresh.yml, personas_third.yml, ..., personas_forty_second.yml; suite.py's
HELD_OUT_SETS) after their one run each. Those 42 sets run here only with
PERSONAS_SPENT_SETS=1; `make personas GROUP=...` runs them on their own.
Asserted (until the lead switches the rest on): each regression persona's
request is stored once, with the right need and the fields as said. The other
checks (frame, options, clean restatement, turns) and the blind personas are
reported: printed, and written to var/personas-report-test.md.

The sloppy-user suite (tests/personas/sloppy.yml, issue 22) runs too, in its
own session: each of its 31 conversations must be stored once, with the right
need and the fields as said; its turns are reported.

PERSONAS_ASSERT=all asserts every check of every persona run here.
"""

from __future__ import annotations

import os
from typing import List, Sequence

import pytest

from tests.e2e.servers import ROOT, bot_servers
from tests.personas.suite import (
    ASSERTED_CHECKS,
    CHECKS,
    HELD_OUT_SETS,
    Persona,
    Result,
    all_personas,
    failure_details,
    report,
    run_suite,
    summary,
    table,
)

pytestmark = pytest.mark.skipif(
    not (ROOT / "models" / "vraagwijzer.tar.gz").exists(),
    reason="no trained model: run `make train` (make test does)",
)
ASSERT_ALL = os.environ.get("PERSONAS_ASSERT", "") == "all"


# Asserted checks the current bot fails once the personas answer what they read
# (found by this suite; fixed elsewhere, then removed here). Still reported.
KNOWN_BOT_FAILURES = {
    # It expects "volgend jaar" as the timeframe, but leven_lang_ontwikkelen
    # asks own_time, not time_horizon (since 4c7f9bd), so it is never said.
    # (Its region, once read from the company name, is right since issue 22.)
    "warmtepompen_bijscholen": {"fields"},
}


def _of(groups: Sequence[str]) -> List[Persona]:
    return [p for p in all_personas() if p.group in groups]


def _run_and_report(tmp_path, personas: Sequence[Persona], name: str) -> List[Result]:
    with bot_servers(tmp_path) as (base, database_url):
        results = run_suite(base, database_url, personas)
    text = report(results, title=f"Persona suite ({name}, from pytest)")
    out = ROOT / "var" / f"personas-report-{name}.md"
    out.parent.mkdir(exist_ok=True)
    out.write_text(text, encoding="utf-8")
    print(
        f"\n{table(results)}\n\n{failure_details(results)}\n\n{summary(results)[0]}\nreport: {out}"
    )
    return results


def _unmet(results: Sequence[Result], asserted_groups: Sequence[str]) -> List[str]:
    unmet = []
    for result in results:
        persona = result.run.persona
        checks = (
            CHECKS
            if ASSERT_ALL
            else (ASSERTED_CHECKS if persona.group in asserted_groups else ())
        )
        for check, why in result.asserted_failures(checks).items():
            if not ASSERT_ALL and check in KNOWN_BOT_FAILURES.get(persona.id, ()):
                continue
            unmet.append(f"{persona.id}: {check}: {why}")
    return unmet


# The 42 spent held-out sets (840 conversations, about 25 minutes) assert
# nothing here, so a push runs them only on request; `make personas GROUP=...`
# is where they are read. CI at 159b365 took 76 of its 90 minutes with them.
SPENT_SETS_TOO = os.environ.get("PERSONAS_SPENT_SETS", "") == "1"
TEST_GROUPS = ("regression", "tuning", "heldout") + (
    HELD_OUT_SETS if SPENT_SETS_TOO else ()
)


def test_regression_and_tuning_personas(tmp_path):
    # The held-out half was measured once (2026-12-03, issue 21's closing note)
    # and has joined the reported cases since; a next attempt needs a fresh one.
    # The second to forty-second held-out sets (fresh, third, ...,
    # forty_second) were spent the same way on 2026-12-03 and later; a next
    # attempt needs a forty-third, written blind.
    groups = TEST_GROUPS
    results = _run_and_report(tmp_path, _of(groups), "test")
    unmet = _unmet(results, asserted_groups=("regression",))
    assert not unmet, f"{table(results)}\n\n" + "\n".join(unmet)


def test_sloppy_users(tmp_path):
    results = _run_and_report(tmp_path, _of(("sloppy",)), "sloppy")
    unmet = _unmet(results, asserted_groups=("sloppy",))
    assert not unmet, f"{table(results)}\n\n" + "\n".join(unmet)
