"""What a hostile probe of the review app found, one test per finding: redirects
off the site, sessions that outlive a logout or a new password, a lockout that
kept the right password out, English 500s for unknown ids, a Server header."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request
from typing import Any, List

import pytest

from bot.review.accounts import set_password
from bot.review.app import create_app
from bot.review.throttle import (
    ACCOUNT_FREE,
    ADDRESS_FREE,
    LoginThrottle,
    growing_wait,
)
from tests.conftest import ROOT
from tests.e2e.servers import free_port
from tests.review.conftest import (
    PASSWORD,
    add_request,
    add_transcript,
    csrf_token,
    log_in,
    make_user,
    settings_for,
)

COOKIE = "vraagwijzer_review"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def app(store, clock):
    return create_app(settings_for(store), LoginThrottle(clock=clock))


def attempt(client: Any, name: str, password: str, address: str) -> Any:
    where = {"REMOTE_ADDR": address}
    page = client.get("/inloggen", environ_base=where).get_data(as_text=True)
    form = {"csrf_token": csrf_token(page), "gebruiker": name, "wachtwoord": password}
    return client.post("/inloggen", data=form, environ_base=where)


# --- next after login ---------------------------------------------------------


@pytest.mark.parametrize("target", [
    "/\t/evil.example", "/\n/evil.example", "/\r\n/evil.example",
    "/\r\nSet-Cookie: stolen=1", "\t//evil.example", "/\\\\evil.example",
    "https:/evil.example", "javascript:alert(1)", "http://evil.example",
])  # fmt: skip
def test_login_never_redirects_off_site_nor_fails(client, store, target):
    make_user(store, "anna")
    token = csrf_token(client.get("/inloggen").get_data(as_text=True))
    form = {"csrf_token": token, "gebruiker": "anna", "wachtwoord": PASSWORD,
            "next": target}  # fmt: skip
    response = client.post("/inloggen", data=form)
    assert response.status_code == 302
    assert response.location == "/verzoeken"
    assert "stolen" not in response.headers.get("Set-Cookie", "")


def test_a_local_next_with_a_query_is_kept(client, store):
    make_user(store, "anna")
    response = client.get("/verzoeken?status=nieuw&zoek=bakker")
    token = csrf_token(client.get(response.location).get_data(as_text=True))
    form = {"csrf_token": token, "gebruiker": "anna", "wachtwoord": PASSWORD,
            "next": "/verzoeken?status=nieuw&zoek=bakker"}  # fmt: skip
    assert client.post("/inloggen", data=form).location == (
        "/verzoeken?status=nieuw&zoek=bakker"
    )


# --- sessions end with a logout or a new password ----------------------------


def logged_in_clients(app: Any, name: str, count: int) -> List[Any]:
    clients = [app.test_client() for _ in range(count)]
    for client in clients:
        assert log_in(client, name).status_code == 302
        assert client.get("/verzoeken").status_code == 200
    return clients


def log_out(client: Any) -> Any:
    token = csrf_token(client.get("/verzoeken").get_data(as_text=True))
    return client.post("/uitloggen", data={"csrf_token": token})


def test_a_session_cookie_stops_working_after_logout(app, store):
    make_user(store, "anna")
    [client] = logged_in_clients(app, "anna", 1)
    stolen = client.get_cookie(COOKIE).value
    assert log_out(client).location == "/inloggen"

    replay = app.test_client()
    replay.set_cookie(COOKIE, stolen)
    response = replay.get("/verzoeken")
    assert response.status_code == 302 and "/inloggen" in response.location


def test_logout_ends_every_session_of_that_user_only(app, store):
    make_user(store, "anna")
    make_user(store, "bram")
    laptop, phone = logged_in_clients(app, "anna", 2)
    [bram] = logged_in_clients(app, "bram", 1)
    log_out(laptop)
    assert phone.get("/verzoeken").status_code == 302
    assert bram.get("/verzoeken").status_code == 200
    assert log_in(phone, "anna").status_code == 302  # and back in, fresh
    assert phone.get("/verzoeken").status_code == 200


def test_changing_the_password_in_the_app_ends_every_session(app, store):
    make_user(store, "anna")
    laptop, phone = logged_in_clients(app, "anna", 2)
    page = laptop.get("/wachtwoord").get_data(as_text=True)
    form = {"csrf_token": csrf_token(page), "huidig": PASSWORD,
            "nieuw": "nieuw-en-lang-genoeg", "herhaal": "nieuw-en-lang-genoeg"}
    response = laptop.post("/wachtwoord", data=form)  # fmt: skip
    assert response.status_code == 302 and response.location == "/inloggen"
    assert laptop.get("/verzoeken").status_code == 302
    assert phone.get("/verzoeken").status_code == 302
    assert log_in(phone, "anna").status_code == 401  # the old password is gone
    assert log_in(phone, "anna", "nieuw-en-lang-genoeg").status_code == 302


@pytest.mark.parametrize("current, new, repeat, says", [
    ("not-the-password", "nieuw-en-lang-genoeg", "nieuw-en-lang-genoeg",
     "huidige wachtwoord klopt niet"),
    (PASSWORD, "nieuw-en-lang-genoeg", "iets-anders-lang", "verschillen"),
    (PASSWORD, "kort", "kort", "minstens 10 tekens"),
])  # fmt: skip
def test_a_refused_password_change_keeps_the_session(
    app, store, current, new, repeat, says
):
    make_user(store, "anna")
    [client] = logged_in_clients(app, "anna", 1)
    page = client.get("/wachtwoord").get_data(as_text=True)
    form = {"csrf_token": csrf_token(page), "huidig": current, "nieuw": new,
            "herhaal": repeat}  # fmt: skip
    response = client.post("/wachtwoord", data=form)
    assert response.status_code == 400 and says in response.get_data(as_text=True)
    assert client.get("/verzoeken").status_code == 200


def test_the_current_password_cannot_be_guessed_through_the_form(app, store):
    make_user(store, "anna")
    [client] = logged_in_clients(app, "anna", 1)
    statuses = []
    for n in range(ACCOUNT_FREE + 1):
        page = client.get("/wachtwoord").get_data(as_text=True)
        form = {"csrf_token": csrf_token(page), "huidig": f"guess-{n}-guess",
                "nieuw": "nieuw-en-lang-genoeg", "herhaal": "nieuw-en-lang-genoeg"}
        statuses.append(client.post("/wachtwoord", data=form).status_code)  # fmt: skip
    assert statuses == [400] * ACCOUNT_FREE + [429]


def test_a_password_set_from_the_command_line_ends_every_session(
    app, store, uow_of
):
    make_user(store, "anna")
    [client] = logged_in_clients(app, "anna", 1)
    with uow_of() as uow:
        set_password(uow, "anna", "van-de-beheerder-gezet")
        uow.commit()
    assert client.get("/verzoeken").status_code == 302


# --- login throttling ----------------------------------------------------------


def test_guesses_from_elsewhere_never_keep_the_right_password_out(app, store, clock):
    make_user(store, "anna")
    client = app.test_client()
    for n in range(40):
        attempt(client, "anna", f"guess-{n}-guess", f"10.0.0.{n % 4}")
        clock.now += 0.5
    assert attempt(client, "anna", PASSWORD, "192.168.1.20").status_code == 302


def test_the_right_password_gets_in_after_the_wait(app, store, clock):
    make_user(store, "anna")
    client = app.test_client()
    for n in range(ACCOUNT_FREE):
        assert attempt(client, "anna", f"guess-{n}", "10.0.0.9").status_code == 401
    waits = []
    for n in range(5):
        refused = attempt(client, "anna", PASSWORD, "10.0.0.9")
        assert refused.status_code == 429
        assert "Te veel mislukte pogingen" in refused.get_data(as_text=True)
        waits.append(int(refused.headers["Retry-After"]))
        clock.now += waits[-1]
        assert attempt(client, "anna", f"again-{n}", "10.0.0.9").status_code == 401
    assert waits == [1, 2, 4, 8, 16]  # growing, never a lockout
    last_wait = attempt(client, "anna", PASSWORD, "10.0.0.9").headers["Retry-After"]
    clock.now += int(last_wait)
    assert attempt(client, "anna", PASSWORD, "10.0.0.9").status_code == 302


def test_one_address_guessing_many_names_is_slowed(app, store, clock):
    make_user(store, "anna")
    client = app.test_client()
    for n in range(ADDRESS_FREE):
        assert attempt(client, f"naam{n}", "guess-guess", "10.0.0.7").status_code == 401
    slowed = attempt(client, "anna", PASSWORD, "10.0.0.7")
    assert slowed.status_code == 429 and int(slowed.headers["Retry-After"]) >= 1
    assert attempt(client, "anna", PASSWORD, "10.0.0.8").status_code == 302


def test_hammering_during_the_wait_does_not_count():
    clock = Clock()
    throttle = LoginThrottle(clock=clock)
    for _ in range(6):
        throttle.failed("anna", "10.0.0.1")
    wait = throttle.retry_after("anna", "10.0.0.1")
    for _ in range(100):  # refused attempts: the view never calls failed()
        assert throttle.retry_after("Anna ", "10.0.0.1") == wait
    clock.now += wait
    assert throttle.retry_after("anna", "10.0.0.1") == 0
    assert throttle.retry_after("anna", "10.0.0.2") == 0


def test_the_throttle_forgets_after_its_window():
    clock = Clock()
    throttle = LoginThrottle(window_s=60, clock=clock)
    for _ in range(10):
        throttle.failed("anna", "10.0.0.1")
    assert throttle.retry_after("anna", "10.0.0.1") > 0
    clock.now += 61
    assert throttle.retry_after("anna", "10.0.0.1") == 0


def test_waits_grow_and_stop_at_their_cap():
    waits = [growing_wait(n, free=3, max_wait_s=60) for n in range(12)]
    assert waits[:3] == [0, 0, 0]
    assert waits[3:9] == [1, 2, 4, 8, 16, 32]
    assert waits[9:] == [60, 60, 60]
    assert growing_wait(10**6, free=3, max_wait_s=60) == 60


# --- a Dutch 404 for what does not exist (any more) ----------------------------

MISSING = [
    ("get", "/verzoeken/999", {}),
    ("get", "/verzoeken/999/wissen", {}),
    ("post", "/verzoeken/999/wissen", {}),
    ("post", "/verzoeken/999/status", {"status": "afgewezen"}),
    ("post", "/verzoeken/999/notitie", {"notitie": "x"}),
    ("post", "/verzoeken/999/label", {"label": "x"}),
    ("post", "/verzoeken/999/label/verwijderen", {"label": "x"}),
    ("post", "/verzoeken/999/toewijzen", {"gebruiker": "1"}),
    ("post", "/verzoeken/999/correctie", {"intent": "affirm", "bericht": "1"}),
    ("post", "/verzoeken/{id}/toewijzen", {"gebruiker": "999"}),
    ("post", "/verzoeken/{id}/toewijzen", {"gebruiker": str(2**70)}),
    ("post", "/verzoeken/{id}/correctie", {"intent": "affirm", "bericht": "99999"}),
    ("post", "/verzoeken/{id}/correctie", {"intent": "affirm", "bericht": "abc"}),
    ("post", "/verzoeken/{id}/correctie", {"intent": "affirm", "bericht": str(2**70)}),
    ("post", "/gebruikers/999/actief", {"actief": "1"}),
    ("get", f"/verzoeken/{2**70}", {}),
]


@pytest.fixture
def admin(client, store):
    make_user(store, "root", role="admin")
    request_id = add_request(store, "web-1")
    add_transcript(store, "web-1")
    assert log_in(client, "root").status_code == 302
    return client, request_id


def assert_dutch_404(response: Any, logged_in: bool = True) -> None:
    body = response.get_data(as_text=True)
    assert response.status_code == 404, body[:300]
    assert '<html lang="nl">' in body and "Niet gevonden" in body
    assert ("root" in body) == logged_in  # the page still shows who is logged in


@pytest.mark.parametrize("method, path, form", MISSING)
def test_what_does_not_exist_gets_a_dutch_404(admin, method, path, form):
    client, request_id = admin
    token = csrf_token(client.get("/verzoeken").get_data(as_text=True))
    response = getattr(client, method)(
        path.format(id=request_id), data={"csrf_token": token, **form}
    )
    assert_dutch_404(response)


def test_an_erased_request_gets_a_dutch_404(admin):
    client, request_id = admin
    page = client.get(f"/verzoeken/{request_id}/wissen").get_data(as_text=True)
    form = {"csrf_token": csrf_token(page), "bevestig": "web-1"}
    assert client.post(f"/verzoeken/{request_id}/wissen", data=form).status_code == 302
    for path in (f"/verzoeken/{request_id}", f"/verzoeken/{request_id}/wissen"):
        assert_dutch_404(client.get(path))


def test_other_http_errors_are_dutch_too(admin):
    client, _ = admin
    # Outside any page's own check, the menu is there all the same.
    for path in ("/bestaat-niet", "/verzoeken/abc"):
        assert_dutch_404(client.get(path))
        assert "Uitloggen" in client.get(path).get_data(as_text=True)
    response = client.delete("/verzoeken")
    assert response.status_code == 405
    assert "Dat kan op deze pagina niet" in response.get_data(as_text=True)


# --- what the served app says about itself -------------------------------------


def test_the_served_app_does_not_name_its_software(store):
    port = free_port()
    env = {"DATABASE_URL": store, "PYTHONPATH": str(ROOT),
           "REVIEW_SECRET_KEY": "test-secret-key", "PATH": "/usr/bin:/bin"}
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.review", "--port", str(port)], cwd=ROOT, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/inloggen", timeout=5
                ) as response:
                    headers = response.headers
                    break
            except OSError:
                assert process.poll() is None, "the review app exited"
                assert time.monotonic() < deadline, "the review app did not start"
                time.sleep(0.3)
    finally:
        process.terminate()
        process.wait(timeout=10)
    server = headers.get("Server", "")
    for name in ("Python", "Werkzeug", "waitress"):
        assert name.lower() not in server.lower()
    assert "Python" not in headers.get("Via", "")
