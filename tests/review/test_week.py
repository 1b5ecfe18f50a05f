"""A coordinator's week in headless chromium (tests/browser.py), with a real
SMTP server (aiosmtpd) and a real Rasa serving a small model
(tests/review/small_rasa.py): choose a mail per request on Mijn account, get
the mail of a new request, follow its link, set the status, add a note, mark a
misunderstood message with what was meant, update the bot with it (the real
job, bot/retrain.py, started by the button, followed on the page as it
refreshes itself), export the inbox as .xlsx and read it back with openpyxl,
log out."""

from __future__ import annotations

import io
import re
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook
from playwright.sync_api import Error as PlaywrightError

from bot.export import DUTCH_HEADERS
from bot.notify.worker import deliver
from bot.review.sample import action_event, bot_event, user_event
from bot.store.migrate import upgrade
from bot.store.session import UnitOfWork, session_factory
from tests.browser import (
    axe_violations,
    docs_screenshot,
    launch_chromium,
    screenshot_path,
)
from tests.review.conftest import PASSWORD, add_request, make_user, settings_for
from tests.review.small_rasa import rasa_status
from tests.review.smtp_server import SmtpServer

LAPTOP = {"width": 1366, "height": 900}
# What the entrepreneur typed and the bot did not understand.
MISUNDERSTOOD = "niemand solliciteert meer op onze werkplaats"
# The model update: a small model trains in seconds, but a loaded machine is slow.
UPDATE_TIMEOUT_S = 420
# While it runs, the page reloads itself every 10 s (model_update.html).
REFRESH_STALLED_S = 45


def add_garage_transcript(database_url: str, conversation_id: str) -> None:
    """The conversation as Rasa stored it: one message the NLU gave up on."""
    t = time.time() - 600
    events = [
        action_event("action_session_start", t),
        user_event("hoi", "greet", 0.97, t + 1),
        bot_event("Hoi! Waar loop je tegenaan in je bedrijf?", t + 2),
        user_event(MISUNDERSTOOD, "nlu_fallback", 0.41, t + 10,
                   ranking=[("need_innovatie", 0.32), ("inform", 0.18)]),
        bot_event("Sorry, dat begreep ik niet. Kun je het anders zeggen?", t + 11),
        user_event("ik vind geen monteurs", "need_talent", 0.93, t + 20),
    ]  # fmt: skip
    with UnitOfWork(session_factory(database_url)) as uow:
        uow.transcripts.add_events(conversation_id, events)
        uow.commit()


@pytest.fixture
def week(tmp_path, served):
    """The review app on a free port, its mails going to a local SMTP server,
    its model update working on the small project that a real Rasa serves."""
    from waitress.server import create_server

    from bot.review.app import create_app

    database_url = f"sqlite:///{tmp_path / 'week.db'}"
    upgrade(database_url)
    make_user(database_url, "anna", role="admin")  # exports are an admin right
    add_request(database_url, "web-oud", company="Drukkerij Oud")
    with SmtpServer() as smtp:
        settings = replace(settings_for(database_url), smtp_url=smtp.url)
        app = create_app(settings)
        app.config["RETRAIN_PROJECT"] = served
        server = create_server(app, host="127.0.0.1", port=0, threads=2)
        base = f"http://127.0.0.1:{server.effective_port}"
        settings = replace(settings, review_base_url=base)
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        try:
            yield base, database_url, settings, smtp, served
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
    base, database_url, settings, smtp, project = week

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
    docs_screenshot(page, "review-account")

    # Tuesday: an entrepreneur's request is stored; the mail worker sends it.
    request_id = add_request(
        database_url, "web-garage", company="Garage Jansen", region="Rotterdam",
        size="12", answers={"time_horizon": "binnen drie maanden"},
        contact_name="Piet Jansen", contact_email="piet@garagejansen.example",
    )  # fmt: skip
    add_garage_transcript(database_url, "web-garage")
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

    # Wednesday: the bot did not understand a message; say what was meant.
    turn = page.locator(".transcript .turn.fallback")
    assert turn.count() == 1 and MISUNDERSTOOD in turn.inner_text()
    turn.locator("select[name=intent]").select_option(label="Vraag: talent")
    with page.expect_navigation():
        turn.locator("button:has-text('Markeren')").click()
    marked = "Gemarkeerd: dit bericht hoort bij 'Vraag: talent'."
    assert marked in page.inner_text("main")
    correction = page.locator(".transcript .turn.fallback .correction")
    assert correction.inner_text() == "Gecorrigeerd naar Vraag: talent door anna"

    # Thursday: the correction into the bot, watched on the Correcties page.
    follow(page, "nav a:has-text('Correcties')")
    row = page.locator("table tbody tr")
    assert row.count() == 1 and MISUNDERSTOOD in row.inner_text()
    assert "Vraag: talent" in row.inner_text()
    update = page.locator("#bijwerken")
    in_use_before = update.locator("p:has-text('In gebruik:')").inner_text()
    serving_before = rasa_status(project.rasa_url)["model_id"]
    loads: list = []
    page.on("load", lambda _: loads.append(time.monotonic()))
    started = time.monotonic()
    follow(page, "button:has-text('Bot bijwerken met 1 correcties')")
    assert "Bijwerken gestart." in page.inner_text("main")
    progress = [update_progress(page)]
    assert progress[0].startswith("Bezig met bijwerken: stap"), progress
    assert "Bot bijwerken met" not in update.inner_text()  # no second job
    assert update.locator("progress").count() == 1
    # The page refreshes itself while the job runs; the test only reads it.
    while not progress[-1].startswith("Laatste update"):
        assert time.monotonic() - started < UPDATE_TIMEOUT_S, progress
        since_load = time.monotonic() - (loads[-1] if loads else started)
        assert since_load < REFRESH_STALLED_S, ("the page stopped refreshing", progress)
        page.wait_for_timeout(1000)
        text = update_progress(page)
        if text and text != progress[-1]:
            progress.append(text)
    steps = [int(m.group(1)) for t in progress if (m := re.search(r"stap (\d)", t))]
    assert steps == sorted(steps) and len(loads) >= 2, (progress, loads)
    assert progress[-1].endswith(": De bot gebruikt nu de nieuwe versie."), progress
    figures = re.search(
        r"oude versie (\d+,\d)%, nieuwe versie (\d+,\d)%\.", update.inner_text()
    )
    assert figures, update.inner_text()
    before, after = (float(f.replace(",", ".")) for f in figures.groups())
    assert after >= before
    in_use_after = update.locator("p:has-text('In gebruik:')").inner_text()
    assert in_use_after != in_use_before, in_use_after
    assert rasa_status(project.rasa_url)["model_id"] != serving_before
    merged = yaml.safe_load(project.corrections_file.read_text(encoding="utf-8"))
    assert merged["nlu"] == [
        {"intent": "need_talent", "examples": f"- {MISUNDERSTOOD}\n"}
    ]
    page.screenshot(path=screenshot_path("review-update"), full_page=True)
    docs_screenshot(page, "review-update")

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


def update_progress(page) -> str:
    """The model update's state line on the Correcties page; "" while the
    page reloads itself."""
    try:
        return page.locator("#bijwerken [role=status]").inner_text(timeout=2000)
    except PlaywrightError:
        return ""
