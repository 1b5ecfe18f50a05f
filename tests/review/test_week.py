"""A coordinator's week in headless chromium (tests/browser.py), with a real
SMTP server (aiosmtpd): choose a mail per request on Mijn account, get the mail
of a new request, follow its link, set the status, add a note, export the
inbox as .xlsx and read it back with openpyxl, log out."""

from __future__ import annotations

import io
import re
import threading
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook

from bot.export import DUTCH_HEADERS
from bot.notify.worker import deliver
from bot.store.migrate import upgrade
from bot.store.session import session_factory
from tests.browser import axe_violations, launch_chromium, screenshot_path
from tests.review.conftest import PASSWORD, add_request, make_user, settings_for
from tests.review.smtp_server import SmtpServer

LAPTOP = {"width": 1366, "height": 900}


@pytest.fixture
def week(tmp_path):
    """The review app on a free port, its mails going to a local SMTP server."""
    from waitress.server import create_server

    from bot.review.app import create_app

    database_url = f"sqlite:///{tmp_path / 'week.db'}"
    upgrade(database_url)
    make_user(database_url, "anna", role="admin")  # exports are an admin right
    add_request(database_url, "web-oud", company="Drukkerij Oud")
    with SmtpServer() as smtp:
        settings = replace(settings_for(database_url), smtp_url=smtp.url)
        server = create_server(create_app(settings), host="127.0.0.1", port=0,
                               threads=2)  # fmt: skip
        base = f"http://127.0.0.1:{server.effective_port}"
        settings = replace(settings, review_base_url=base)
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        try:
            yield base, database_url, settings, smtp
        finally:
            server.close()


@pytest.fixture
def page():
    with launch_chromium() as browser:
        # bypass_csp: axe-core is injected as a script, which the app's CSP forbids.
        context = browser.new_context(viewport=LAPTOP, locale="nl-NL",
                                      accept_downloads=True, bypass_csp=True)  # fmt: skip
        yield context.new_page()
        context.close()


def follow(page, selector: str) -> None:
    with page.expect_navigation():
        page.click(selector)


def test_a_coordinators_week(page, week):
    base, database_url, settings, smtp = week

    # Monday: log in and ask for a mail per new request.
    page.goto(f"{base}/inloggen")
    page.fill("input[name=gebruiker]", "anna")
    page.fill("input[name=wachtwoord]", PASSWORD)
    follow(page, "button:has-text('Inloggen')")
    follow(page, "a.who")
    assert page.locator("h1").inner_text().startswith("Mijn account")
    page.fill("input[name=email]", "anna@pps.example")
    page.check("input[name=melding][value=per_verzoek]")
    follow(page, "button:has-text('Opslaan')")
    assert "Uw instellingen zijn opgeslagen." in page.inner_text("main")
    assert page.is_checked("input[name=melding][value=per_verzoek]")
    assert axe_violations(page) == [], "account page"
    page.screenshot(path=screenshot_path("review-account"), full_page=True)

    # Tuesday: an entrepreneur's request is stored; the mail worker sends it.
    request_id = add_request(
        database_url, "web-garage", company="Garage Jansen", region="Rotterdam",
        size="12", answers={"time_horizon": "binnen drie maanden"},
        contact_name="Piet Jansen", contact_email="piet@garagejansen.example",
    )  # fmt: skip
    assert len(deliver(session_factory(database_url), settings).sent) == 1
    (message,) = smtp.inbox.messages()
    assert message["To"] == "anna@pps.example"
    text = message.get_body(("plain",)).get_content()
    assert "Garage Jansen" in text and "binnen drie maanden" in text
    assert "piet@garagejansen" not in text
    link = re.search(r"Bekijken: (\S+)", text).group(1)
    assert link == f"{base}/verzoeken/{request_id}"

    # Follow the link from the mail; work the request.
    page.goto(link)
    assert page.locator("h1").inner_text().startswith("Garage Jansen")
    status = page.locator("select[name=status]")
    assert status.input_value() == "nieuw"
    status.select_option("in behandeling")
    follow(page, "button:has-text('Status wijzigen')")
    assert page.locator("h1 .status").inner_text() == "in behandeling"
    assert page.locator("select[name=status]").input_value() == "in behandeling"
    page.fill("textarea[name=notitie]", "Piet gebeld, donderdag langs.")
    follow(page, "button:has-text('Notitie opslaan')")
    assert "Piet gebeld, donderdag langs." in page.inner_text(".history")

    # Friday: the week's requests in Excel.
    page.goto(f"{base}/verzoeken")
    with page.expect_download() as download:
        page.click("a:has-text('Excel-export')")
    assert download.value.suggested_filename.endswith(".xlsx")
    # Playwright keeps the download under a name without an extension.
    sheet = load_workbook(io.BytesIO(Path(download.value.path()).read_bytes())).active
    assert [cell.value for cell in sheet[1]] == list(DUTCH_HEADERS)
    rows = {
        sheet.cell(row, DUTCH_HEADERS.index("Bedrijf") + 1).value: {
            header: sheet.cell(row, column).value
            for column, header in enumerate(DUTCH_HEADERS, start=1)
        }
        for row in range(2, sheet.max_row + 1)
    }
    assert set(rows) == {"Garage Jansen", "Drukkerij Oud"}
    garage = rows["Garage Jansen"]
    assert garage["Status"] == "in behandeling" and garage["Nummer"] == request_id
    assert garage["Termijn"] == "binnen drie maanden" and garage["Grootte"] == 12
    assert garage["Binnengekomen"].year >= 2026  # a date, not text

    # Log out: the mail's link now asks for a login.
    follow(page, "button:has-text('Uitloggen')")
    assert "U bent uitgelogd." in page.inner_text("main")
    page.goto(link)
    assert page.url.startswith(f"{base}/inloggen")
