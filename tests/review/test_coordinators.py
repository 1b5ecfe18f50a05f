"""What an admin and a coordinator do in the app itself: accounts, the status
menu, the menu on error pages, and the dashboard's contact figure."""

from __future__ import annotations

import re

from bot.review.dashboard import figures
from tests.review.conftest import (
    PASSWORD,
    add_request,
    csrf_token,
    log_in,
    make_user,
)

NEW_PASSWORD = "nieuw-wachtwoord-42"


def token(client) -> str:
    return csrf_token(client.get("/account").get_data(as_text=True))


def test_an_admin_adds_disables_enables_and_resets_in_the_app(client, store):
    from bot.review.app import create_app
    from tests.review.conftest import settings_for

    make_user(store, "root", role="admin")
    log_in(client, "root")
    form = {"csrf_token": token(client), "naam": "bram", "rol": "coordinator"}
    short = client.post("/gebruikers", data={**form, "wachtwoord": "kort"},
                        follow_redirects=True).get_data(True)  # fmt: skip
    assert "minstens 10 tekens" in short and 'data-user="bram"' not in short
    page = client.post("/gebruikers", data={**form, "wachtwoord": PASSWORD},
                       follow_redirects=True).get_data(True)  # fmt: skip
    assert "Account &#39;bram&#39; aangemaakt" in page
    row = re.search(r'<tr data-user="bram">.*?</tr>', page, re.S).group(0)
    assert "coördinator" in row and "actief" in row
    twice = client.post("/gebruikers", data={**form, "wachtwoord": PASSWORD},
                        follow_redirects=True).get_data(True)  # fmt: skip
    assert "Er is al een account" in twice

    bram = create_app(settings_for(store)).test_client()
    assert log_in(bram, "bram").status_code == 302
    bram_id = int(re.search(r'/gebruikers/(\d+)/actief', row).group(1))

    client.post(f"/gebruikers/{bram_id}/actief",
                data={"csrf_token": token(client), "actief": "0"})  # fmt: skip
    assert bram.get("/verzoeken").status_code == 302  # out at once
    assert log_in(bram, "bram").status_code == 401
    client.post(f"/gebruikers/{bram_id}/actief",
                data={"csrf_token": token(client), "actief": "1"})  # fmt: skip
    assert log_in(bram, "bram").status_code == 302

    done = client.post(f"/gebruikers/{bram_id}/wachtwoord",
                       data={"csrf_token": token(client), "wachtwoord": NEW_PASSWORD},
                       follow_redirects=True).get_data(True)  # fmt: skip
    assert "bram heeft een nieuw wachtwoord" in done
    assert bram.get("/verzoeken").status_code == 302  # the old session ended
    assert log_in(bram, "bram").status_code == 401
    assert log_in(bram, "bram", NEW_PASSWORD).status_code == 302


def test_a_coordinator_cannot_manage_accounts_and_still_has_the_menu(client, store):
    make_user(store, "anna")
    log_in(client, "anna")
    for response in (
        client.get("/gebruikers"),
        client.post("/gebruikers", data={"csrf_token": token(client), "naam": "x",
                    "rol": "admin", "wachtwoord": PASSWORD}),  # fmt: skip
    ):
        assert response.status_code == 403
        body = response.get_data(as_text=True)
        assert "Hiervoor heeft uw account geen rechten" in body
        assert "Uitloggen" in body and ">anna<" in body
    assert "x" not in [u for u in client.get("/verzoeken").get_data(True).split()]


def test_the_status_menu_shows_the_current_status(client, store):
    request_id = add_request(store, "web-1")
    make_user(store, "anna")
    log_in(client, "anna")

    def menu() -> list:
        page = client.get(f"/verzoeken/{request_id}").get_data(as_text=True)
        select = re.search(r'<select name="status">(.*?)</select>', page, re.S)
        return re.findall(r'<option value="([^"]+)"( selected)?', select.group(1))

    assert menu()[0] == ("nieuw", " selected")
    client.post(f"/verzoeken/{request_id}/status",
                data={"csrf_token": token(client), "status": "in behandeling"})  # fmt: skip
    options = menu()
    assert options[0] == ("in behandeling", " selected")
    assert [value for value, selected in options if selected] == ["in behandeling"]
    # Submitting the current status changes nothing and records nothing.
    client.post(f"/verzoeken/{request_id}/status",
                data={"csrf_token": token(client), "status": "in behandeling"})  # fmt: skip
    page = client.get(f"/verzoeken/{request_id}").get_data(as_text=True)
    assert page.count('data-kind="status"') == 1


def test_the_contact_figure_counts_only_requests_with_contact_data(store, uow_of):
    # "nee" to the consent question: an answer, but no contact.
    add_request(store, "nee", consent_at="2026-11-24T10:00:00+00:00")
    add_request(store, "mail", contact_email="piet@garage.example",
                consent_at="2026-11-24T10:00:00+00:00")  # fmt: skip
    add_request(store, "telefoon", contact_phone="010-1234567",
                consent_at="2026-11-24T10:00:00+00:00")  # fmt: skip
    add_request(store, "leeg", contact_email="")
    with uow_of() as uow:
        funnel = {bar.label: bar.value for bar in figures(uow)["funnel"]}
    assert funnel["Contactgegevens achtergelaten"] == 2
