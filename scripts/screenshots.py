"""The README's pictures of the review app's coordinator pages, from a scratch
database:

    .venv/bin/python scripts/screenshots.py

writes docs/review-users.png (Gebruikers: an account added and one disabled,
through the page's own forms) and docs/review-dashboard.png (mails waiting and
failed, Dutch percentages). The store is a temporary SQLite file seeded like
scripts/seed_review.py; the review app runs on a free port and Debian's
chromium takes the pictures through Playwright (tests/browser.py, 1000 px
wide, 64 colours). docs/review-update.png and docs/review-account.png come
from the coordinator's week with a real model update:
`SCREENSHOTS=1 .venv/bin/python -m pytest tests/review/test_week.py`.
"""

from __future__ import annotations

import secrets
import sys
import tempfile
import threading
from datetime import timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.review.accounts import add_user  # noqa: E402 - path set above
from bot.review.sample import intake_events, sample_requests  # noqa: E402 - path set above
from bot.settings import Settings  # noqa: E402 - path set above
from bot.store.migrate import upgrade  # noqa: E402 - path set above
from bot.store.models import MAIL_FAILED, NOTIFY_DIGEST, NOTIFY_EACH  # noqa: E402 - path set above
from bot.store.session import UnitOfWork, session_factory  # noqa: E402 - path set above
from tests.browser import docs_screenshot, launch_chromium  # noqa: E402 - path set above

PASSWORD = secrets.token_urlsafe(12)
LAPTOP = {"width": 1000, "height": 720}


def seed(database_url: str) -> None:
    """Requests of the last weeks with transcripts, four accounts, and mails
    about the newest requests: some still waiting, two failed for good."""
    upgrade(database_url)
    with UnitOfWork(session_factory(database_url)) as uow:
        rows = sample_requests(180, seed=11)
        uow.requests.add_many(rows)
        for row in rows[:120]:
            start = row["created_at"].timestamp()
            uow.transcripts.add_events(
                row["conversation_id"], intake_events(row, start)
            )
        anna = add_user(uow, "anna", PASSWORD, "admin")
        bram = add_user(uow, "bram", PASSWORD, "coordinator")
        add_user(uow, "carla", PASSWORD, "coordinator")
        add_user(uow, "joost", PASSWORD, "coordinator")
        anna.email, anna.notify = "anna@pps.example", NOTIFY_EACH
        bram.email, bram.notify = "bram@pps.example", NOTIFY_DIGEST
        uow.commit()
        newest = sorted(rows, key=lambda row: row["created_at"])[-3:]
        mails = []
        for row in newest:
            request = uow.requests.get_by_conversation(row["conversation_id"])
            assert request is not None
            mails += uow.outbox.announce(request)
        for mail in mails[:2]:
            mail.status, mail.attempts = MAIL_FAILED, 10
            mail.next_attempt_at = mail.created_at + timedelta(hours=6)
        uow.commit()


def log_in(page: Any, base: str) -> None:
    page.goto(f"{base}/inloggen")
    page.fill("input[name=gebruiker]", "anna")
    page.fill("input[name=wachtwoord]", PASSWORD)
    with page.expect_navigation():
        page.click("button:has-text('Inloggen')")


def take(base: str) -> None:
    with launch_chromium() as browser:
        context = browser.new_context(viewport=LAPTOP, locale="nl-NL")  # type: ignore[attr-defined]
        page = context.new_page()
        log_in(page, base)

        # Gebruikers: Carla has left; Dewi joins.
        page.goto(f"{base}/gebruikers")
        with page.expect_navigation():
            page.click("tr[data-user=carla] button:has-text('Uitschakelen')")
        page.fill("input[name=naam]", "dewi")
        page.fill("input[name=wachtwoord]", secrets.token_urlsafe(12))
        with page.expect_navigation():
            page.click("button:has-text('Account aanmaken')")
        print(docs_screenshot(page, "review-users", force=True, height=860))

        page.goto(f"{base}/dashboard")
        page.set_viewport_size({"width": 1000, "height": 960})
        page.locator("#trechter").evaluate("section => section.scrollIntoView()")
        print(docs_screenshot(page, "review-dashboard", force=True, height=960))
        context.close()


def main() -> int:
    from waitress.server import create_server

    from bot.review.app import create_app

    with tempfile.TemporaryDirectory() as scratch:
        database_url = f"sqlite:///{Path(scratch) / 'screenshots.db'}"
        seed(database_url)
        settings = Settings(
            database_url=database_url, review_secret_key=secrets.token_hex(32)
        )
        server = create_server(create_app(settings), host="127.0.0.1", port=0)
        threading.Thread(target=server.run, daemon=True).start()
        try:
            take(f"http://127.0.0.1:{server.effective_port}")
        finally:
            server.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
