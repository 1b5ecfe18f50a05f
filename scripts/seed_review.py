"""Fills the store with made-up requests (and some transcripts) for the review app.

    .venv/bin/python scripts/seed_review.py --count 10000 --transcripts 1000

Writes to DATABASE_URL (default var/vraagwijzer.db) after `python -m bot db
upgrade`; conversation ids are `sample-NNNNN`, so never run it on real data
you would not want mixed with samples. `--user NAME` also creates a
coordinator account with the password from REVIEW_SEED_PASSWORD.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.review.accounts import add_user  # noqa: E402 - path set above
from bot.review.sample import intake_events, sample_requests  # noqa: E402 - path set above
from bot.settings import load_settings  # noqa: E402 - path set above
from bot.store.migrate import upgrade  # noqa: E402 - path set above
from bot.store.session import UnitOfWork, session_factory  # noqa: E402 - path set above


def seed(database_url: str, count: int, transcripts: int, seed_value: int = 7) -> None:
    upgrade(database_url)
    with UnitOfWork(session_factory(database_url)) as uow:
        rows = sample_requests(count, seed=seed_value)
        uow.requests.add_many(rows)
        for row in rows[:transcripts]:
            start = row["created_at"].timestamp()
            uow.transcripts.add_events(
                row["conversation_id"], intake_events(row, start)
            )
        uow.commit()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument(
        "--transcripts",
        type=int,
        default=1000,
        help="how many of the requests get a transcript",
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--user", help="also create this coordinator account")
    args = parser.parse_args()
    database_url = load_settings().database_url
    started = time.perf_counter()
    seed(database_url, args.count, min(args.transcripts, args.count), args.seed)
    if args.user:
        password = os.environ.get("REVIEW_SEED_PASSWORD")
        if not password:
            print("Set REVIEW_SEED_PASSWORD for --user.", file=sys.stderr)
            return 1
        with UnitOfWork(session_factory(database_url)) as uow:
            add_user(uow, args.user, password, "coordinator")
            uow.commit()
    seconds = time.perf_counter() - started
    print(
        f"Seeded {args.count} requests ({args.transcripts} with a transcript) "
        f"in {seconds:.1f} s."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
