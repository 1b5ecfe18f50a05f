"""`make personas`: every scripted entrepreneur end to end, as one table.

Starts one action server and one Rasa server on free ports with a fresh store
(tests/e2e/servers.py), drives each persona of tests/personas/personas.yml over
the REST channel, prints a table (persona x check), the failure reasons and a
summary line, and exits 1 when any check fails. `--only ID ...` runs a subset.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from tests.e2e.servers import ROOT, bot_servers
from tests.personas.suite import (
    failure_details,
    load_personas,
    run_suite,
    summary,
    table,
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", default=None, help="persona ids to run")
    parser.add_argument("--show", action="store_true", help="print each conversation")
    args = parser.parse_args(argv)
    if not (ROOT / "models" / "vraagwijzer.tar.gz").exists():
        print("no trained model: run `make train` first", file=sys.stderr)
        return 2
    personas = load_personas()
    if args.only:
        unknown = sorted(set(args.only) - {p.id for p in personas})
        if unknown:
            print(f"unknown persona(s): {', '.join(unknown)}", file=sys.stderr)
            return 2
        personas = [p for p in personas if p.id in args.only]
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
            print(f"\n=== {result.run.persona.id}")
            for user, bot in zip(
                result.run.user_texts, result.run.bot_texts, strict=False
            ):
                print(f"  > {user}\n    {bot.replace(chr(10), chr(10) + '    ')}")
    print()
    print(table(results))
    details = failure_details(results)
    if details:
        print()
        print(details)
    line, all_passed = summary(results)
    print()
    print(line)
    return 0 if all_passed else 1


if __name__ == "__main__":
    sys.exit(main())
