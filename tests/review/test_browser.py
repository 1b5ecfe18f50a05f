"""The coordinators' Monday round in headless chromium (tests/browser.py):
log in, filter, open a request, work it, mark a message, download, dashboard."""

from __future__ import annotations

import csv
import io
import threading
from pathlib import Path

import pytest
import yaml

from bot.review import dates
from bot.review.sample import bot_event, sample_requests, user_event
from bot.store.migrate import upgrade
from bot.store.session import UnitOfWork, session_factory
from tests.browser import axe_violations, launch_chromium, screenshot_path
from tests.review.conftest import (
    PASSWORD,
    XSS,
    add_request,
    add_transcript,
    make_user,
    settings_for,
)

LAPTOP = {"width": 1366, "height": 900}
TABLET = {"width": 820, "height": 1180}  # iPad Air, portrait
NARROW = {"width": 768, "height": 1024}  # iPad mini, portrait


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The review app on a free port over a store with 40 sample requests."""
    from waitress.server import create_server

    from bot.review.app import create_app

    database_url = f"sqlite:///{tmp_path_factory.mktemp('browser') / 'review.db'}"
    upgrade(database_url)
    with UnitOfWork(session_factory(database_url)) as uow:
        uow.requests.add_many(sample_requests(40))
        uow.commit()
    add_request(database_url, "web-elsloo", company="Bakkerij Ëlsloo",
                original_question="ik krijg mijn vacatures voor monteurs niet gevuld",
                chosen_option="bbl_leerbaan", contact_name="Ilse de Wit",
                contact_email="ilse@elsloo.nl", consent_at="2026-11-25T09:00:00+00:00",
                handoff_requested=True)  # fmt: skip
    add_transcript(database_url, "web-elsloo")
    add_button_presses(database_url, "web-elsloo")
    add_request(database_url, "web-xss", company=XSS, original_question=XSS)
    add_transcript(database_url, "web-xss", extra_user=XSS)
    make_user(database_url, "anna")
    make_user(database_url, "bram")
    make_user(database_url, "root", role="admin")  # erases and exports

    server = create_server(create_app(settings_for(database_url)),
                           host="127.0.0.1", port=0, threads=2)  # fmt: skip
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.effective_port}", database_url
    finally:
        server.close()


def add_button_presses(database_url, conversation_id):
    """Two buttons pressed, as Rasa logs them: the bot event holds the buttons,
    the user event the payload."""
    t = 1_790_000_200.0
    confirm = [{"title": "Ja, klopt", "payload": "/affirm"},
               {"title": "Nee, anders", "payload": "/deny"}]  # fmt: skip
    options = [{"title": "1. Bbl-leerbaan", "payload": "bbl_leerbaan"},
               {"title": "2. Stageplek", "payload": "stageplek"},
               {"title": "Geen van deze", "payload": "geen"}]  # fmt: skip
    events = [
        bot_event("Dus je vraag is: hoe vinden we twee monteurs? Klopt dat?", t, confirm),
        user_event("/affirm", "affirm", 1.0, t + 1),
        bot_event("Welke spreekt je het meest aan?", t + 2, options),
        user_event("bbl_leerbaan", "inform", 1.0, t + 3),
    ]
    with UnitOfWork(session_factory(database_url)) as uow:
        uow.transcripts.add_events(conversation_id, events)
        uow.commit()


@pytest.fixture(scope="module")
def browser():
    with launch_chromium() as launched:
        yield launched


@pytest.fixture
def page(browser, site):
    context = browser.new_context(
        viewport=LAPTOP, accept_downloads=True, locale="nl-NL"
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.dialogs = dialogs
    yield page
    context.close()
    assert dialogs == [], "a page ran script from user text"


def follow(page, target):
    """Clicks a link or submit button and waits for the page it leads to."""
    with page.expect_navigation():
        if isinstance(target, str):
            page.click(target)
        else:
            target.click()


def log_in(page, base, name="anna", password=PASSWORD):
    page.goto(f"{base}/inloggen")
    page.fill("input[name=gebruiker]", name)
    page.fill("input[name=wachtwoord]", password)
    follow(page, "button:has-text('Inloggen')")


def open_request(page, base, company):
    page.goto(f"{base}/verzoeken")
    page.fill("input[name=zoek]", company)
    follow(page, "button:has-text('Filteren')")
    follow(page, f"table.inbox a:has-text('{company}')")


def test_wrong_password_is_refused(page, site):
    base, _ = site
    log_in(page, base, password="helemaal-fout-123")
    assert page.locator(".flash.error").inner_text() == (
        "Onbekende gebruiker of verkeerd wachtwoord."
    )
    page.screenshot(path=screenshot_path("review-login-refused"))
    page.goto(f"{base}/verzoeken")
    assert page.url.startswith(f"{base}/inloggen")


def test_no_session_no_inbox(page, site):
    base, _ = site
    response = page.goto(f"{base}/verzoeken/1")
    assert "/inloggen?next=/verzoeken/1" in page.url
    assert response.ok and page.locator("h1").inner_text() == "Inloggen"
    assert page.locator("table.inbox").count() == 0


def test_log_in_and_filter_the_inbox(page, site):
    base, _ = site
    log_in(page, base)
    assert page.url == f"{base}/verzoeken"
    assert page.locator("table.inbox tbody tr").count() == 25  # one page
    assert "42 gevonden" in page.locator("h1").inner_text()
    follow(page, "a[rel=next]")
    assert page.locator("table.inbox tbody tr").count() == 17
    assert "pagina 2 van 2" in page.locator(".pager").inner_text()

    page.select_option("select[name=overdracht]", "ja")
    page.fill("input[name=zoek]", "BAKKERIJ ëlsloo")
    follow(page, "button:has-text('Filteren')")
    rows = page.locator("table.inbox tbody tr")
    assert rows.count() == 1
    assert "Bakkerij Ëlsloo" in rows.first.inner_text()
    assert "overdracht" in rows.first.inner_text()
    page.screenshot(path=screenshot_path("review-inbox-filtered"), full_page=True)

    page.goto(f"{base}/verzoeken")
    counts = page.locator(".status-tabs a[data-status=nieuw] b").inner_text()
    follow(page, ".status-tabs a[data-status=nieuw]")
    assert page.locator("table.inbox tbody tr .status").all_inner_texts() == (
        ["nieuw"] * min(int(counts), 25)
    )
    page.screenshot(path=screenshot_path("review-inbox"), full_page=True)

    page.set_viewport_size(TABLET)
    assert page.evaluate("document.documentElement.scrollWidth") <= TABLET["width"]
    status = page.locator("table.inbox tbody tr .status").first.bounding_box()
    assert status["x"] + status["width"] <= TABLET["width"], "status column visible"
    page.screenshot(path=screenshot_path("review-inbox-tablet"), full_page=True)


def test_open_a_request_work_it_and_see_the_history(page, site):
    base, _ = site
    log_in(page, base)
    open_request(page, base, "Bakkerij Ëlsloo")
    original = page.locator("blockquote.original").inner_text()
    assert original == "ik krijg mijn vacatures voor monteurs niet gevuld"
    assert page.locator("blockquote.refined").inner_text().startswith("Hoe vinden we")
    assert page.locator(".options li.chosen").inner_text().startswith("Bbl-leerbaan")
    assert "ilse@elsloo.nl" in page.locator(".two").inner_text()
    assert "25-11-2026 10:00:00" in page.locator(".two").inner_text()  # local time

    users = page.locator(".transcript .turn.user")
    assert users.count() == 7
    assert users.nth(1).locator(".intent").inner_text() == "Vraag: talent"
    # The bot's own name for it is not shown, not even on hover.
    assert users.nth(1).locator(".intent").get_attribute("title") is None
    assert users.nth(1).locator(".confidence").inner_text() == "0,88"  # Dutch decimal comma
    fallback = page.locator(".transcript .turn.fallback")
    assert fallback.count() == 1
    assert "niet begrepen" in fallback.inner_text()
    low = page.locator(".transcript .turn.low .intent").inner_text()
    assert low == "Geeft informatie (antwoord op een vraag)"
    # buttons show as the entrepreneur saw them, and the chosen option is marked
    transcript = page.locator(".transcript").inner_text()
    assert "/affirm" not in transcript and "bbl_leerbaan" not in transcript
    assert users.nth(5).locator(".bubble").inner_text() == "knop: Ja, klopt"
    chosen = page.locator(".transcript .turn.user.chosen")
    assert chosen.count() == 1
    assert chosen.locator(".bubble").inner_text() == "knop: 1. Bbl-leerbaan gekozen optie"

    page.select_option("select[name=status]", "in behandeling")
    follow(page, "button:has-text('Status wijzigen')")
    assert page.locator("h1 .status").inner_text() == "in behandeling"
    page.select_option("select[name=gebruiker]", label="bram")
    follow(page, "button:has-text('Toewijzen')")
    page.fill(
        "textarea[name=notitie]", "Ilse gebeld: wil <b>twee</b> bbl'ers per 1 feb."
    )
    follow(page, "button:has-text('Notitie opslaan')")
    page.fill("input[name=label]", "bbl")
    follow(page, "button:has-text('Toevoegen')")

    history = page.locator(".history li")
    assert history.count() == 4
    texts = [" ".join(text.split()) for text in history.all_inner_texts()]
    assert "anna · label toegevoegd: – → bbl" in texts[0]
    assert "Ilse gebeld: wil <b>twee</b> bbl'ers per 1 feb." in texts[1]
    assert "anna · toegewezen: – → bram" in texts[2]
    assert "anna · status: nieuw → in behandeling" in texts[3]
    page.screenshot(path=screenshot_path("review-request"), full_page=True)

    page.set_viewport_size(TABLET)
    page.reload()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= TABLET["width"], "no sideways scrolling on a tablet"
    page.screenshot(path=screenshot_path("review-request-tablet"), full_page=True)


def test_mark_a_message_and_download_the_corrections(page, site):
    base, _ = site
    log_in(page, base)
    open_request(page, base, "Bakkerij Ëlsloo")
    turn = page.locator(".transcript .turn.fallback")
    turn.locator("select[name=intent]").select_option("inform")
    follow(page, turn.locator("button:has-text('Markeren')"))
    corrected = page.locator(".transcript .turn.fallback .correction")
    assert corrected.inner_text() == (
        "Gecorrigeerd naar Geeft informatie (antwoord op een vraag) door anna"
    )

    follow(page, "nav a:has-text('Correcties')")
    assert "tja lastig te zeggen eigenlijk" in page.locator("table").inner_text()
    page.screenshot(path=screenshot_path("review-corrections"), full_page=True)
    with page.expect_download() as download:
        page.click("a:has-text('Voorbeeldzinnen downloaden')")
    assert download.value.suggested_filename == "voorbeeldzinnen.yml"
    data = yaml.safe_load(Path(download.value.path()).read_text(encoding="utf-8"))
    assert data == {
        "version": "3.1",
        "nlu": [{"intent": "inform", "examples": "- tja lastig te zeggen eigenlijk\n"}],
    }


def test_download_the_filtered_csv(page, site):
    base, _ = site
    log_in(page, base, "root")
    page.goto(f"{base}/verzoeken?kanaal=telegram")
    shown = page.locator("table.inbox tbody tr").count()
    with page.expect_download() as download:
        page.click("a:has-text('CSV-export')")
    body = Path(download.value.path()).read_bytes()
    assert body.startswith("\ufeff".encode())
    text = io.StringIO(body.decode("utf-8-sig"), newline="")
    rows = list(csv.DictReader(text, delimiter=";"))  # Dutch Excel's separator
    assert 0 < len(rows) == shown
    local_today = dates.today()
    assert download.value.suggested_filename == f"verzoeken-{local_today:%Y%m%d}.csv"
    assert {row["Kanaal"] for row in rows} == {"Telegram"}


def test_dashboard_draws_its_charts_in_the_page(page, site):
    base, _ = site
    log_in(page, base)
    follow(page, "nav a:has-text('Dashboard')")
    assert page.locator("#per-week svg rect.bar").count() == 12
    assert page.locator("#per-categorie svg rect.bar").count() >= 5
    assert page.locator("#per-kanaal svg rect.bar").count() == 3
    funnel = [
        t.strip() for t in page.locator("#trechter svg .bar-row").all_text_contents()
    ]
    assert funnel[0].startswith("Gesprek gestart") and "42 (100%)" in funnel[0]
    assert "Contactgegevens achtergelaten" in funnel[-1]
    share = page.locator("#niet-begrepen .big").inner_text()
    assert share.endswith("%") and "," in share and "." not in share
    assert "script" not in page.content().lower().replace("<svg", "")
    page.screenshot(path=screenshot_path("review-dashboard"), full_page=True)
    page.set_viewport_size(TABLET)
    page.screenshot(path=screenshot_path("review-dashboard-tablet"), full_page=True)


def test_a_chat_message_with_script_shows_as_text(page, site):
    base, _ = site
    log_in(page, base)
    page.goto(f"{base}/verzoeken?zoek=script")
    assert page.locator("table.inbox a", has_text=XSS).inner_text() == XSS
    follow(page, "table.inbox a")
    assert page.locator(".transcript .bubble", has_text=XSS).inner_text() == XSS
    assert page.locator("h1").inner_text().startswith(XSS)
    assert page.evaluate("document.scripts.length") == 0
    page.screenshot(path=screenshot_path("review-xss-as-text"), full_page=True)


def test_erase_a_conversation_after_confirming(page, site):
    base, database_url = site
    add_request(database_url, "web-wis", company="Wis Mij B.V.")
    add_transcript(database_url, "web-wis")
    log_in(page, base, "root")
    open_request(page, base, "Wis Mij B.V.")
    follow(page, "a:has-text('Gesprek wissen')")
    page.click("button:has-text('Definitief wissen')")  # unticked: not sent
    assert "Wis Mij B.V." in page.locator("section.danger").inner_text()
    page.check("input[name=bevestig]")
    page.screenshot(path=screenshot_path("review-erase-confirm"))
    follow(page, "button:has-text('Definitief wissen')")
    assert "Gewist: het verzoek en 14 gespreksgebeurtenissen." in page.content()
    page.goto(f"{base}/verzoeken?zoek=Wis+Mij")
    assert page.locator("table.inbox").count() == 0
    with UnitOfWork(session_factory(database_url)) as uow:
        assert uow.transcripts.transcript("web-wis") == []


def test_wrong_password_keeps_the_username(page, site):
    base, _ = site
    log_in(page, base, password="helemaal-fout-123")
    assert page.locator("input[name=gebruiker]").input_value() == "anna"
    assert page.evaluate("document.activeElement.name") == "wachtwoord"


def test_reversed_date_range_says_so_in_dutch(page, site):
    base, _ = site
    log_in(page, base)
    page.goto(f"{base}/verzoeken?van=2026-11-30&tot=2026-11-01")
    assert page.locator(".flash.error").inner_text() == (
        "De datum 'van' (30-11-2026) ligt na 'tot en met' (01-11-2026): "
        "daar valt niets tussen. Draai de datums om."
    )
    page.goto(f"{base}/verzoeken?van=2026-11-01&tot=2026-11-30")
    assert page.locator(".flash.error").count() == 0


def test_favicon_is_served(page, site):
    base, _ = site
    log_in(page, base)
    href = page.locator("link[rel=icon]").get_attribute("href")
    response = page.request.get(f"{base}{href}")
    assert response.status == 200
    assert response.headers["content-type"].startswith("image/svg+xml")


def test_correct_intent_lists_dutch_labels(page, site):
    base, _ = site
    log_in(page, base)
    open_request(page, base, "Bakkerij Ëlsloo")
    labels = page.locator(".transcript .turn.fallback select[name=intent] option")
    texts = labels.all_inner_texts()[1:]
    assert "Ja / akkoord" in texts and "affirm" not in texts
    assert all("nog geen Nederlandse naam" not in text for text in texts)
    assert labels.nth(1).get_attribute("value") != texts[0]


@pytest.mark.parametrize("width", [768, 820, 1366])
def test_inbox_and_request_fit_without_sideways_scrolling(page, site, width):
    base, _ = site
    page.set_viewport_size({"width": width, "height": 1024})
    log_in(page, base)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    wrap = page.locator(".table-wrap")
    assert wrap.evaluate("el => el.scrollWidth <= el.clientWidth"), "inbox table scrolls"
    open_request(page, base, "Bakkerij Ëlsloo")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    for control in ["select[name=status]", "select[name=gebruiker]"]:
        box = page.locator(control).bounding_box()
        assert box is not None and 0 <= box["x"] and box["x"] + box["width"] <= width


@pytest.mark.parametrize("size", ["laptop", "narrow"])
def test_axe_finds_no_serious_or_critical_violation(browser, site, size):
    base, _ = site
    # The app's CSP forbids all script; axe-core is the test's own, injected.
    context = browser.new_context(
        viewport=LAPTOP if size == "laptop" else NARROW, bypass_csp=True, locale="nl-NL"
    )
    page = context.new_page()
    log_in(page, base)
    assert axe_violations(page) == [], "inbox"
    page.goto(f"{base}/verzoeken?kanaal=telegram")  # the README's picture: sample rows only
    page.screenshot(path=screenshot_path(f"review-inbox-{size}"))
    open_request(page, base, "Bakkerij Ëlsloo")
    assert axe_violations(page) == [], "request"
    page.screenshot(path=screenshot_path(f"review-request-{size}"))
    context.close()
