"""How long redaction and the answer parsers' e-mail and phone searches take
on worst-case input: the figures for issue 11 and issue 23 (finding 12).

    python scripts/bench_redaction.py [--chars 2000]

Each family of input below once made (or could make) a pattern of
bot/store/redaction.py backtrack over the rest of the text at every start
position. Prints the slowest family's best time of five at `--chars`
characters (target: 5 ms for 2,000) and each family at 100 KB, the size of
the socket.io message that froze Rasa for 127 s.
"""

from __future__ import annotations

import argparse
import functools
import time
from typing import Callable, Dict

from actions.parsing import extract_email, extract_phone
from bot.store.redaction import redact

FAMILIES: Dict[str, str] = {
    "letters (e-mail local part)": "a",
    "digits": "1",
    "digits and spaces (phone)": "1 ",
    "digits and dashes (phone)": "1-",
    "digits and en dashes (phone)": "0\u2013",
    "digits and NBSP (phone)": "0\u00a0",
    "full-width digits": "\uff10\uff16",
    "card groups": "4111 ",
    "dots (e-mail)": "a.",
    "at signs": "a@",
    "domain labels": "a@b.",
    "IBAN starts": "NL91 ",
    "letters and digits": "A1",
    "parentheses": "(1",
    "international prefixes": "+00 ",
}


def worst_case(unit: str, chars: int) -> str:
    return (unit * (chars // len(unit) + 1))[:chars]


def redact_worst_case(unit: str, chars: int) -> str:
    """Builds the text inside the timing, as the 100,000-character figure has it."""
    return redact(worst_case(unit, chars))


def best_of(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=2000)
    args = parser.parse_args()
    timings = {
        name: best_of(5, functools.partial(redact, worst_case(unit, args.chars)))
        for name, unit in FAMILIES.items()
    }
    slowest = max(timings, key=timings.__getitem__)
    for name, seconds in timings.items():
        print(f"  {args.chars:>7,} chars  {seconds * 1000:7.2f} ms  {name}")
    print(
        f"slowest at {args.chars:,} characters: {timings[slowest] * 1000:.2f} ms "
        f"({slowest}); target 5 ms"
    )
    large = max(
        best_of(1, functools.partial(redact_worst_case, unit, 100_000))
        for unit in FAMILIES.values()
    )
    print(f"slowest at 100,000 characters: {large * 1000:.1f} ms")
    # The answer parsers' e-mail and phone searches run several times a turn.
    for label, parse in (("e-mail", extract_email), ("phone", extract_phone)):
        parsed = max(
            best_of(1, functools.partial(parse, worst_case(unit, 100_000)))
            for unit in FAMILIES.values()
        )
        print(
            f"answer parser ({label}), slowest at 100,000 characters: "
            f"{parsed * 1000:.1f} ms"
        )


if __name__ == "__main__":
    main()
