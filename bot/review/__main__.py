"""`python -m bot.review` (`make review`): the review app on REVIEW_PORT."""

from __future__ import annotations

import argparse
import logging

from waitress import serve

from bot.review.app import create_app
from bot.settings import load_settings


def main() -> None:
    settings = load_settings()
    parser = argparse.ArgumentParser(prog="python -m bot.review")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=settings.review_port)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    print(f"Review app: http://{args.host}:{args.port}/ (Ctrl-C stops it)", flush=True)
    # ident="": no Server header, so a response does not name the software.
    serve(create_app(settings), host=args.host, port=args.port, threads=4, ident="")


if __name__ == "__main__":
    main()
