"""How long the review app's inbox takes to load with 10,000 requests stored.

    .venv/bin/python scripts/measure_inbox.py [--count 10000] [--runs 20]

Seeds a scratch SQLite database (never DATABASE_URL) with scripts/seed_review.py,
serves the app with waitress on a free port, logs in, and prints the median
and slowest time of: the HTTP response (server time plus transfer) for the
inbox and typical filters, and the full page load in headless chromium
(navigation start to the load event). Figures, not assertions.
"""

from __future__ import annotations

import argparse
import functools
import http.cookiejar
import re
import statistics
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any, Callable, List

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.review.accounts import add_user  # noqa: E402 - path set above
from bot.review.app import create_app  # noqa: E402 - path set above
from bot.settings import Settings  # noqa: E402 - path set above
from bot.store.session import UnitOfWork, session_factory  # noqa: E402 - path set above
from scripts.seed_review import seed  # noqa: E402 - path set above

USER, PASSWORD = "meting", "alleen-voor-de-meting"
PAGES = {
    "inbox, page 1": "/verzoeken",
    "inbox, page 200": "/verzoeken?pagina=200",
    "status + category + channel": (
        "/verzoeken?status=nieuw&categorie=talent&kanaal=web"
    ),
    "free text 'monteurs'": "/verzoeken?zoek=monteurs",
    "date range + handoff": "/verzoeken?van=2026-09-01&tot=2026-10-31&overdracht=ja",
    "dashboard (not the inbox)": "/dashboard",
}


def timed(action: Callable[[], object], runs: int) -> List[float]:
    action()  # warm-up: templates compiled, caches filled
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return times


def report(name: str, times: List[float]) -> None:
    print(
        f"  {name:<30} median {statistics.median(times):6.1f} ms"
        f"   slowest {max(times):6.1f} ms"
    )


def read_page(opener: urllib.request.OpenerDirector, url: str) -> bytes:
    return opener.open(url, timeout=30).read()


def logged_in_opener(base: str) -> urllib.request.OpenerDirector:
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    page = opener.open(f"{base}/inloggen", timeout=30).read().decode()
    found = re.search(r'name="csrf_token" value="([^"]+)"', page)
    if found is None:
        raise RuntimeError(f"no CSRF token on {base}/inloggen")
    token = found.group(1)
    form = urllib.parse.urlencode(
        {"csrf_token": token, "gebruiker": USER, "wachtwoord": PASSWORD}
    ).encode()
    landed = opener.open(f"{base}/inloggen", data=form, timeout=30)
    if not landed.geturl().endswith("/verzoeken"):
        raise SystemExit("login failed")
    return opener


def browser_load_times(base: str, runs: int) -> List[float]:
    from tests.browser import launch_chromium

    with launch_chromium() as chromium:
        browser: Any = chromium  # a Playwright Browser; tests/browser.py says object
        page = browser.new_page()
        page.goto(f"{base}/inloggen")
        page.fill("input[name=gebruiker]", USER)
        page.fill("input[name=wachtwoord]", PASSWORD)
        page.click("button:has-text('Inloggen')")
        times = []
        for _ in range(runs + 1):
            page.goto(f"{base}/verzoeken", wait_until="load")
            times.append(
                page.evaluate(
                    "performance.getEntriesByType('navigation')[0].loadEventEnd"
                )
            )
        return times[1:]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()

    from waitress.server import create_server

    with tempfile.TemporaryDirectory() as scratch:
        database_url = f"sqlite:///{Path(scratch) / 'inbox.db'}"
        started = time.perf_counter()
        seed(database_url, args.count, transcripts=min(1000, args.count))
        with UnitOfWork(session_factory(database_url)) as uow:
            add_user(uow, USER, PASSWORD, "coordinator")
            uow.commit()
        print(
            f"Seeded {args.count} requests in {time.perf_counter() - started:.1f} s "
            f"(SQLite, scratch file)."
        )

        settings = Settings(database_url=database_url, review_secret_key="meting")
        server = create_server(
            create_app(settings), host="127.0.0.1", port=0, threads=4
        )
        threading.Thread(target=server.run, daemon=True).start()
        base = f"http://127.0.0.1:{server.effective_port}"
        try:
            opener = logged_in_opener(base)
            print(f"HTTP response, {args.runs} runs each (25 rows per page):")
            for name, path in PAGES.items():
                load = functools.partial(read_page, opener, base + path)
                report(name, timed(load, args.runs))
            if not args.no_browser:
                print("Full page load in headless chromium (navigation to load event):")
                report("inbox, page 1", browser_load_times(base, args.runs))
        finally:
            server.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
