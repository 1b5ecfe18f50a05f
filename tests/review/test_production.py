"""The review app behind the production proxy (issue 23, findings 2 and 10): the
login throttle keyed on the client the proxy forwarded (an IPv6 client by its
/64), the Secure cookie and an absolute session lifetime."""

from __future__ import annotations

import dataclasses
import time
from typing import Any, Dict, Optional

import pytest

from bot.review.app import create_app
from bot.review.throttle import ADDRESS_FREE, LoginThrottle
from bot.settings import load_settings
from tests.review.conftest import PASSWORD, csrf_token, make_user, settings_for
from tests.review.test_hardening import Clock

PROXY = "127.0.0.1"  # the reverse proxy on this machine: every request's peer


def attempt(
    client: Any, name: str, password: str, peer: str, forwarded: Optional[str] = None
) -> Any:
    where: Dict[str, str] = {"REMOTE_ADDR": peer}
    if forwarded is not None:
        where["HTTP_X_FORWARDED_FOR"] = forwarded
    page = client.get("/inloggen", environ_base=where).get_data(as_text=True)
    form = {"csrf_token": csrf_token(page), "gebruiker": name, "wachtwoord": password}
    return client.post("/inloggen", data=form, environ_base=where)


def behind_proxy(store: str, hops: int = 1) -> Any:
    settings = dataclasses.replace(settings_for(store), trusted_proxy_hops=hops)
    return create_app(settings, LoginThrottle(clock=Clock()))


def test_behind_the_proxy_one_guesser_does_not_slow_every_coordinator(store):
    make_user(store, "anna")
    client = behind_proxy(store).test_client()
    for n in range(ADDRESS_FREE):
        failed = attempt(client, f"naam{n}", "fout-fout", PROXY, "203.0.113.9")
        assert failed.status_code == 401
    assert attempt(client, "anna", "x", PROXY, "203.0.113.9").status_code == 429
    # Another client through the same proxy logs in at once.
    assert attempt(client, "anna", PASSWORD, PROXY, "198.51.100.4").status_code == 302


def test_a_forged_leftmost_address_does_not_give_fresh_tries(store):
    client = behind_proxy(store).test_client()
    for n in range(ADDRESS_FREE):
        forged = f"10.9.9.{n}, 203.0.113.9"  # the proxy appended the last one
        assert attempt(client, f"naam{n}", "fout-fout", PROXY, forged).status_code == 401
    assert attempt(client, "anders", "fout-fout", PROXY, "10.1.1.1, 203.0.113.9").status_code == 429


def test_an_ipv6_client_counts_by_its_64(store):
    client = behind_proxy(store).test_client()
    for n in range(ADDRESS_FREE):
        address = f"2001:db8:1:2::{n + 1:x}"
        assert attempt(client, f"naam{n}", "fout-fout", PROXY, address).status_code == 401
    fresh_in_same_64 = "2001:db8:1:2:ffff::abcd"
    assert attempt(client, "anders", "fout-fout", PROXY, fresh_in_same_64).status_code == 429
    other_64 = "2001:db8:1:3::1"
    assert attempt(client, "anders", "fout-fout", PROXY, other_64).status_code == 401


def test_without_trusted_hops_the_forwarded_header_is_ignored(store):
    client = behind_proxy(store, hops=0).test_client()
    for n in range(ADDRESS_FREE):
        forged = f"10.0.0.{n}"
        assert attempt(client, f"naam{n}", "fout-fout", "192.0.2.1", forged).status_code == 401
    assert attempt(client, "anders", "fout-fout", "192.0.2.1", "10.0.0.99").status_code == 429


def test_production_marks_the_session_cookie_secure(store):
    settings = load_settings(
        {"VRAAGWIJZER_ENV": "production", "DATABASE_URL": store,
         "REVIEW_SECRET_KEY": "k" * 32}
    )  # fmt: skip
    assert settings.review_secure_cookies and settings.trusted_proxy_hops == 1
    make_user(store, "anna")
    client = create_app(settings).test_client()
    https = {"wsgi.url_scheme": "https", "REMOTE_ADDR": PROXY}
    page = client.get("/inloggen", environ_base=https).get_data(as_text=True)
    form = {"csrf_token": csrf_token(page), "gebruiker": "anna", "wachtwoord": PASSWORD}
    answer = client.post("/inloggen", data=form, environ_base=https)
    assert answer.status_code == 302
    cookie = answer.headers["Set-Cookie"]
    assert "vraagwijzer_review=" in cookie and "Secure" in cookie and "HttpOnly" in cookie


def test_a_session_ends_after_its_absolute_lifetime_however_active(
    store, monkeypatch
):
    make_user(store, "anna")
    settings = dataclasses.replace(settings_for(store), review_session_max_hours=1)
    client = create_app(settings).test_client()
    assert attempt(client, "anna", PASSWORD, "192.0.2.1").status_code == 302
    started = time.time()
    for minutes in (10, 30, 50):  # active all along: never idle for long
        monkeypatch.setattr(time, "time", lambda m=minutes: started + m * 60)
        assert client.get("/verzoeken").status_code == 200
    monkeypatch.setattr(time, "time", lambda: started + 61 * 60)
    ended = client.get("/verzoeken")
    assert ended.status_code == 302 and "/inloggen" in ended.headers["Location"]


@pytest.mark.parametrize("value", ["prod", "Production", "test"])
def test_an_unknown_profile_is_refused(value):
    from bot.settings import SettingsError

    with pytest.raises(SettingsError, match="VRAAGWIJZER_ENV"):
        load_settings({"VRAAGWIJZER_ENV": value})
