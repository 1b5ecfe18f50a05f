"""`make personas`: scripted entrepreneurs end to end, as one table and a report.

Starts one action server and one Rasa server on free ports with a fresh store
(tests/e2e/servers.py), drives each persona over the REST channel (answering
from the bot's words: tests/personas/responder.py), prints a table (persona x
check), the failure reasons and a summary line, and writes a report with every
restatement and the three options verbatim (default var/personas-report.md).

Which personas: the 26 regression personas and the tuning half of the blind
ones (tests/personas/personas_blind.yml); `--heldout` the held-out half
instead (run it once, for the final figures); `--group fresh`, `--group third`,
..., `--group forty_second` one of issue 21's later held-out sets
(tests/personas/personas_<group>.yml, HELD_OUT_SETS in tests/personas/suite.py:
each written blind and run once, then joined to the reported cases);
`--sloppy` the sloppy-user
conversations (issue 22); `--group tuning` one group; `--only ID ...` those ids
from any file.
Exits 1 when any check fails.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from tests.e2e.servers import ROOT, bot_servers
from tests.personas.suite import (
    GROUPS,
    all_personas,
    failure_details,
    report,
    run_suite,
    summary,
    table,
    transcript,
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--only", nargs="*", default=None, help="persona ids to run")
    parser.add_argument(
        "--group",
        nargs="*",
        choices=GROUPS,
        default=["regression", "tuning"],
        help="which personas (default: the 26 regression ones and the tuning half)",
    )
    parser.add_argument("--heldout", action="store_true", help="= --group heldout")
    parser.add_argument("--sloppy", action="store_true", help="= --group sloppy")
    parser.add_argument("--show", action="store_true", help="print each conversation")
    parser.add_argument(
        "--report",
        type=Path,
        default=ROOT / "var" / "personas-report.md",
        help="where the report goes (default var/personas-report.md)",
    )
    args = parser.parse_args(argv)
    if not (ROOT / "models" / "vraagwijzer.tar.gz").exists():
        print("no trained model: run `make train` first", file=sys.stderr)
        return 2
    personas = all_personas()
    if args.only:
        unknown = sorted(set(args.only) - {p.id for p in personas})
        if unknown:
            print(f"unknown persona(s): {', '.join(unknown)}", file=sys.stderr)
            return 2
        personas = [p for p in personas if p.id in args.only]
    else:
        groups = set(args.group)
        if args.heldout or args.sloppy:
            groups = {"heldout"} if args.heldout else set()
            groups |= {"sloppy"} if args.sloppy else set()
        personas = [p for p in personas if p.group in groups]
    with tempfile.TemporaryDirectory(prefix="personas-") as workdir:
        print(f"starting the servers, then {len(personas)} personas ...", flush=True)
        with bot_servers(Path(workdir)) as (base, database_url):
            results = run_suite(
                base,
                database_url,
                personas,
                progress=lambda r: print(
                    f"  {r.run.persona.id}: "
                    f"{'pass' if r.passed else 'FAIL ' + ', '.join(r.failures)}",
                    flush=True,
                ),
            )
    if args.show:
        for result in results:
            print()
            print(transcript(result))
    print()
    print(table(results))
    details = failure_details(results)
    if details:
        print()
        print(details)
    line, all_passed = summary(results)
    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text(report(results), encoding="utf-8")
    print()
    print(line)
    print(f"report: {args.report}")
    return 0 if all_passed else 1


if __name__ == "__main__":
    sys.exit(main())
