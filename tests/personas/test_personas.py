"""The persona suite as a test: every persona passes every check.

Part of `make test`; `make personas` runs the same suite and prints its table.
"""

from __future__ import annotations

import pytest

from tests.e2e.servers import ROOT, bot_servers
from tests.personas.suite import failure_details, load_personas, run_suite, summary, table

pytestmark = pytest.mark.skipif(
    not (ROOT / "models" / "vraagwijzer.tar.gz").exists(),
    reason="no trained model: run `make train` (make test does)",
)


def test_every_persona_passes_every_check(tmp_path):
    with bot_servers(tmp_path) as (base, database_url):
        results = run_suite(base, database_url, load_personas())
    line, all_passed = summary(results)
    assert all_passed, f"{table(results)}\n\n{failure_details(results)}\n\n{line}"
