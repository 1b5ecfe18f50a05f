"""The review app over HTTP (Flask's test client): who gets in, CSRF, session
expiry, roles, the filtered CSV export, escaping."""

from __future__ import annotations

import csv
import io
import time

import pytest

from bot.export import DUTCH_HEADERS
from tests.review.conftest import (
    OPTIONS,
    PASSWORD,
    XSS,
    add_request,
    add_transcript,
    csrf_token,
    log_in,
    make_user,
    settings_for,
)

PAGES = ["/verzoeken", "/verzoeken/1", "/dashboard", "/correcties",
         "/correcties/voorbeeldzinnen.yml", "/verzoeken/export.csv",
         "/verzoeken/1/wissen"]  # fmt: skip


@pytest.fixture
def request_id(store):
    return add_request(store, "web-1")


@pytest.mark.parametrize("page", PAGES)
def test_without_a_session_every_page_sends_you_to_the_login(client, request_id, page):
    response = client.get(page)
    assert response.status_code == 302
    assert response.location.startswith("/inloggen?next=")


def test_a_post_without_a_session_changes_nothing(client, store, uow_of, request_id):
    make_user(store, "anna")
    # A valid CSRF token, but in an anonymous session.
    token = csrf_token(client.get("/inloggen").get_data(as_text=True))
    form = {"csrf_token": token, "status": "afgewezen"}
    response = client.post(f"/verzoeken/{request_id}/status", data=form)
    assert response.status_code == 302 and "/inloggen" in response.location
    with uow_of() as uow:
        assert uow.requests.get(request_id).status == "nieuw"


def test_wrong_password_is_refused(client, store):
    make_user(store, "anna")
    response = log_in(client, "anna", "not-the-password")
    assert response.status_code == 401
    assert "verkeerd wachtwoord" in response.get_data(as_text=True)
    assert client.get("/verzoeken").status_code == 302


def test_password_guessing_is_slowed_down_for_that_name(store):
    from bot.review.app import create_app
    from bot.review.throttle import LoginThrottle

    frozen = LoginThrottle(clock=lambda: 1000.0)
    client = create_app(settings_for(store), frozen).test_client()
    make_user(store, "anna")
    make_user(store, "bram")
    for _ in range(3):
        assert log_in(client, "Anna", "guess-guess-guess").status_code == 401
    slowed = log_in(client, "anna")  # even the right password waits a moment
    assert slowed.status_code == 429
    assert "Probeer het over 1 seconde opnieuw" in slowed.get_data(as_text=True)
    assert log_in(client, "bram").status_code == 302  # other names still work


@pytest.mark.parametrize("target, landing", [
    ("/verzoeken/1?x=1", "/verzoeken/1?x=1"),
    ("//evil.example/", "/verzoeken"),
    ("/\\evil.example/", "/verzoeken"),
    ("https://evil.example/", "/verzoeken"),
])  # fmt: skip
def test_login_redirects_back_but_never_off_site(client, store, target, landing):
    make_user(store, "anna")
    token = csrf_token(client.get("/inloggen").get_data(as_text=True))
    form = {"csrf_token": token, "gebruiker": "anna", "wachtwoord": PASSWORD,
            "next": target}  # fmt: skip
    assert client.post("/inloggen", data=form).location == landing


def test_forms_without_a_csrf_token_are_refused(client, store, uow_of, request_id):
    make_user(store, "anna")
    assert log_in(client, "anna").status_code == 302
    response = client.post(f"/verzoeken/{request_id}/status",
                           data={"status": "in behandeling"})  # fmt: skip
    assert response.status_code == 400
    assert "formulier is verlopen" in response.get_data(as_text=True)
    with uow_of() as uow:
        assert uow.requests.get(request_id).status == "nieuw"


def test_login_itself_needs_the_csrf_token(client, store):
    make_user(store, "anna")
    response = client.post(
        "/inloggen", data={"gebruiker": "anna", "wachtwoord": "correct-horse-battery"}
    )
    assert response.status_code == 400


def test_the_session_expires_after_the_idle_time(client, store, monkeypatch):
    import itsdangerous.timed

    make_user(store, "anna")
    log_in(client, "anna")
    assert client.get("/verzoeken").status_code == 200
    later = time.time() + 121 * 60  # REVIEW_SESSION_MINUTES defaults to 120
    monkeypatch.setattr(itsdangerous.timed.time, "time", lambda: later)
    assert client.get("/verzoeken").status_code == 302


def test_a_disabled_account_loses_its_session(client, store, uow_of):
    from bot.review.accounts import set_active

    make_user(store, "anna")
    log_in(client, "anna")
    with uow_of() as uow:
        set_active(uow, "anna", False)
        uow.commit()
    assert client.get("/verzoeken").status_code == 302


def test_only_admins_manage_users(client, store):
    make_user(store, "anna")
    log_in(client, "anna")
    assert client.get("/gebruikers").status_code == 403
    client.post("/uitloggen", data={"csrf_token": csrf_token(
        client.get("/verzoeken").get_data(as_text=True))})  # fmt: skip
    make_user(store, "root", role="admin")
    log_in(client, "root")
    assert "anna" in client.get("/gebruikers").get_data(as_text=True)


def test_filtered_csv_export_for_excel(client, store):
    make_user(store, "anna", role="admin")  # export is an admin right
    add_request(store, "web-1", company="Café Ĳsselstein", channel="web")
    add_request(store, "tg-1", company="Garage Méndez", channel="telegram")
    log_in(client, "anna")
    response = client.get("/verzoeken/export.csv?kanaal=web&pagina=3")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    body = response.get_data()
    assert body.startswith("\ufeff".encode("utf-8"))  # Excel reads it as UTF-8
    text = io.StringIO(body.decode("utf-8-sig"), newline="")
    rows = list(csv.DictReader(text, delimiter=";"))
    assert [row["Bedrijf"] for row in rows] == ["Café Ĳsselstein"]  # all pages
    assert list(rows[0]) == list(DUTCH_HEADERS)


def test_filtered_xlsx_export(client, store):
    from openpyxl import load_workbook

    make_user(store, "anna", role="admin")  # export is an admin right
    add_request(store, "web-1", company="=1+1 B.V.", channel="web")
    add_request(store, "tg-1", company="Garage Méndez", channel="telegram")
    log_in(client, "anna")
    response = client.get("/verzoeken/export.xlsx?kanaal=telegram")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].endswith('.xlsx"')
    sheet = load_workbook(io.BytesIO(response.get_data())).active
    assert sheet.max_row == 2 and sheet.freeze_panes == "A2"
    company = sheet.cell(2, DUTCH_HEADERS.index("Bedrijf") + 1)
    assert company.value == "Garage Méndez"
    everything = load_workbook(
        io.BytesIO(client.get("/verzoeken/export.xlsx").get_data())
    ).active
    column = DUTCH_HEADERS.index("Bedrijf") + 1
    values = [everything.cell(row, column).value for row in (2, 3)]
    assert "'=1+1 B.V." in values


def test_csv_export_neutralises_formulas(client, store):
    make_user(store, "anna", role="admin")  # export is an admin right
    add_request(store, "web-1", company='=HYPERLINK("https://evil.example","Klik")',
                original_question="+31 is ons landnummer")  # fmt: skip
    log_in(client, "anna")
    body = client.get("/verzoeken/export.csv").get_data().decode("utf-8-sig")
    [row] = list(csv.DictReader(io.StringIO(body, newline=""), delimiter=";"))
    assert row["Bedrijf"] == '\'=HYPERLINK("https://evil.example","Klik")'
    assert row["Oorspronkelijke vraag"] == "'+31 is ons landnummer"


def test_user_text_is_escaped_everywhere(client, store):
    make_user(store, "anna")
    request_id = add_request(store, "xss", company=XSS, original_question=XSS,
                             refined_question=XSS)  # fmt: skip
    add_transcript(store, "xss", extra_user=XSS)
    log_in(client, "anna")
    for page in ("/verzoeken", f"/verzoeken/{request_id}"):
        html = client.get(page).get_data(as_text=True)
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "<script" not in html
    csp = client.get("/verzoeken").headers["Content-Security-Policy"]
    assert "script-src 'none'" in csp


def test_the_frame_is_shown_first_and_a_coordinator_can_edit_it(
    client, store, uow_of, request_id
):
    make_user(store, "anna")
    log_in(client, "anna")
    page = client.get(f"/verzoeken/{request_id}").get_data(as_text=True)
    assert page.index("De kern") < page.index("De vraag")
    token = csrf_token(page)
    form = {"csrf_token": token, "problem": "jullie gooien elke dag brood weg",
            "goal": "minder brood  weggooien", "who": "", "tried": ""}  # fmt: skip
    response = client.post(f"/verzoeken/{request_id}/kern", data=form)
    assert response.status_code == 302
    with uow_of() as uow:
        stored = uow.requests.get(request_id)
        assert stored.problem == "jullie gooien elke dag brood weg"
        assert stored.goal == "minder brood weggooien"
    page = client.get(f"/verzoeken/{request_id}").get_data(as_text=True)
    assert 'value="jullie gooien elke dag brood weg"' in page
    assert "wat er misgaat" in page  # the change is in the request's history


def test_a_format_named_beside_the_three_shown_is_shown_as_chosen(client, store):
    make_user(store, "anna")
    request_id = add_request(store, "named", chosen_option="cyber_scan")
    log_in(client, "anna")
    page = client.get(f"/verzoeken/{request_id}").get_data(as_text=True)
    assert "stond niet bij de drie: <strong>Cyberscan door studenten</strong>" in page
    shown = add_request(store, "shown", chosen_option=OPTIONS[0]["id"])
    page = client.get(f"/verzoeken/{shown}").get_data(as_text=True)
    assert "stond niet bij de drie" not in page


def test_a_correction_and_questions_of_the_entrepreneur_are_shown_with_the_question(
    client, store
):
    make_user(store, "anna")
    said = {"question_correction": "ik zoek geen nieuwe mensen, mijn dames moeten het leren",
            "open_questions": "krijgt ie daar wat voor?"}  # fmt: skip
    request_id = add_request(store, "corrected", answers=said)
    log_in(client, "anna")
    page = client.get(f"/verzoeken/{request_id}").get_data(as_text=True)
    shown = page.index("De ondernemer stelde dit bij")
    assert page.index("Aangescherpt") < shown < page.index("Voorgestelde opties")
    assert "Vragen van de ondernemer" in page and "krijgt ie daar wat voor?" in page
    plain = add_request(store, "plain")
    assert "stelde dit bij" not in client.get(f"/verzoeken/{plain}").get_data(as_text=True)
