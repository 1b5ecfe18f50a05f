"""The production profile, client addresses behind proxies, the rate limiter and
the Rasa launcher, without servers (issue 23)."""

from __future__ import annotations

import asyncio

import pytest

from bot.channels.ratelimit import (
    KNOWN_S,
    TOO_FAST,
    TOO_MANY_NEW,
    Limits,
    MemoryCounters,
    RateLimiter,
)
from bot.channels.webchat import origin_allowed
from bot.clients import address_key, client_address, is_this_machine
from bot.rasa_run import rasa_arguments
from bot.settings import SettingsError, load_settings

# -- the profile ---------------------------------------------------------------------


def test_make_run_needs_no_setting():
    settings = load_settings({})
    assert not settings.production
    assert settings.trusted_proxy_hops == 0
    assert settings.rasa_host == "127.0.0.1"
    assert settings.request_max_bytes == 1_000_000  # not Sanic's 100 MB
    assert not settings.review_secure_cookies
    assert settings.cors_origins == ("http://localhost:8080", "http://127.0.0.1:8080")


def test_production_changes_the_defaults():
    settings = load_settings({"VRAAGWIJZER_ENV": "production"})
    assert settings.production
    assert settings.trusted_proxy_hops == 1
    assert settings.request_max_bytes == 64 * 1024
    assert settings.review_secure_cookies
    overridden = load_settings(
        {"VRAAGWIJZER_ENV": "production", "TRUSTED_PROXY_HOPS": "2",
         "REQUEST_MAX_BYTES": "100000"}
    )  # fmt: skip
    assert (overridden.trusted_proxy_hops, overridden.request_max_bytes) == (2, 100000)


@pytest.mark.parametrize("name, value", [
    ("TRUSTED_PROXY_HOPS", "-1"), ("TRUSTED_PROXY_HOPS", "een"),
    ("RATE_SESSION_PER_MINUTE", "veel"), ("REQUEST_MAX_BYTES", "-5"),
])  # fmt: skip
def test_a_malformed_number_is_refused_by_name(name, value):
    with pytest.raises(SettingsError, match=name):
        load_settings({name: value})


def test_secrets_come_from_the_environment_or_a_file(tmp_path):
    token_file = tmp_path / "rest_token"
    token_file.write_text("uit-een-bestand\n")
    settings = load_settings(
        {"REST_CHANNEL_TOKEN_FILE": str(token_file), "RASA_AUTH_TOKEN": "uit-env"}
    )
    assert settings.rest_channel_token == "uit-een-bestand"
    assert settings.rasa_auth_token == "uit-env"
    with pytest.raises(SettingsError, match="RASA_JWT_SECRET_FILE"):
        load_settings({"RASA_JWT_SECRET_FILE": str(tmp_path / "missing")})


def test_the_rest_channel_refuses_to_start_in_production_without_a_token(
    monkeypatch,
):
    from bot.channels.rest import GuardedRestInput

    monkeypatch.setenv("VRAAGWIJZER_ENV", "production")
    monkeypatch.delenv("REST_CHANNEL_TOKEN", raising=False)
    monkeypatch.delenv("REST_CHANNEL_TOKEN_FILE", raising=False)
    with pytest.raises(SettingsError, match="REST_CHANNEL_TOKEN"):
        GuardedRestInput().blueprint(lambda message: None)  # type: ignore[arg-type]
    monkeypatch.setenv("REST_CHANNEL_TOKEN", "geheim")
    assert GuardedRestInput().blueprint(lambda message: None) is not None  # type: ignore[arg-type]


# -- the launcher --------------------------------------------------------------------


def test_the_launcher_binds_loopback_and_keeps_secrets_off_the_command_line():
    settings = load_settings({"RASA_AUTH_TOKEN": "api-geheim"})
    given = ["--model", "models", "--port", "5005"]
    arguments = rasa_arguments(given, settings)
    assert arguments[:5] == ["run", *given]
    assert arguments[arguments.index("-i") + 1] == "127.0.0.1"
    assert arguments[arguments.index("--auth-token") + 1] == "api-geheim"
    assert "--enable-api" in arguments
    # Without a secret the API stays off; an interface given is kept.
    plain = rasa_arguments(["-i", "::1"], load_settings({}))
    assert plain == ["run", "-i", "::1"]


def test_run_scripts_pass_no_secret_and_bind_rasa_to_loopback():
    from bot.cluster.__main__ import Topology, rasa_command
    from tests.conftest import ROOT

    run_sh = (ROOT / "scripts" / "run.sh").read_text()
    assert "--auth-token" not in run_sh and "--jwt-secret" not in run_sh
    assert "bot.rasa_run" in run_sh and "RASA_TELEMETRY_ENABLED=false" in run_sh
    command = rasa_command(Topology(), 5011, ROOT / "endpoints.yml")
    assert command[1:3] == ["-m", "bot.rasa_run"]
    assert "--auth-token" not in command


# -- client addresses ----------------------------------------------------------------


@pytest.mark.parametrize("peer, forwarded, hops, client", [
    ("192.0.2.1", [], 0, "192.0.2.1"),
    ("127.0.0.1", ["203.0.113.9"], 0, "127.0.0.1"),  # not trusted: ignored
    ("127.0.0.1", ["203.0.113.9"], 1, "203.0.113.9"),
    ("127.0.0.1", ["10.0.0.1, 203.0.113.9"], 1, "203.0.113.9"),  # forged left
    ("127.0.0.1", ["10.0.0.1", "203.0.113.9"], 1, "203.0.113.9"),  # two headers
    ("127.0.0.1", ["10.0.0.1, 203.0.113.9, 127.0.0.1"], 2, "203.0.113.9"),
    ("127.0.0.1", ["203.0.113.9"], 2, "203.0.113.9"),
    ("127.0.0.1", [], 1, "127.0.0.1"),
])  # fmt: skip
def test_the_client_is_the_entry_the_first_trusted_proxy_appended(
    peer, forwarded, hops, client
):
    assert client_address(peer, forwarded, hops) == client


def test_a_forwarded_request_is_never_this_machine():
    assert is_this_machine("127.0.0.1", ["Content-Type"])
    assert is_this_machine("::1", [])
    assert not is_this_machine("127.0.0.1", ["X-Forwarded-For"])
    assert not is_this_machine("127.0.0.1", ["forwarded"])
    assert not is_this_machine("192.0.2.1", [])


def test_an_ipv6_client_is_counted_by_its_64():
    assert address_key("2001:db8:1:2::1") == address_key("2001:db8:1:2:ffff::9")
    assert address_key("2001:db8:1:2::1") == "2001:db8:1:2::/64"
    assert address_key("2001:db8:1:3::1") != address_key("2001:db8:1:2::1")
    assert address_key("[2001:db8:1:2::1]") == "2001:db8:1:2::/64"
    assert address_key("::ffff:192.0.2.7") == "192.0.2.7"
    assert address_key("192.0.2.7") == "192.0.2.7"
    assert address_key("x" * 500) == "x" * 64


# -- the rate limiter ----------------------------------------------------------------


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0  # the start of a minute and of an hour

    def __call__(self) -> float:
        return self.now


def limiter(clock: Clock, **limits: int) -> RateLimiter:
    return RateLimiter(Limits(**limits), MemoryCounters(clock))


def admit(limiter: RateLimiter, session: str, address=None):  # type: ignore[no-untyped-def]
    return asyncio.run(limiter.admit_message(session, address))


def test_a_conversation_over_its_limit_is_told_to_wait():
    clock = Clock()
    limits = limiter(clock, session_per_minute=3)
    assert [admit(limits, "s") for _ in range(3)] == [None] * 3
    refused = admit(limits, "s")
    assert refused is not None and refused.text == TOO_FAST
    assert refused.retry_after_s == 60
    assert admit(limits, "other") is None  # per conversation
    clock.now += 60
    assert admit(limits, "s") is None


def test_an_address_and_its_64_share_one_limit():
    limits = limiter(Clock(), address_per_minute=2)
    assert admit(limits, "a", "2001:db8::1") is None
    assert admit(limits, "b", "2001:db8::2") is None
    assert admit(limits, "c", "2001:db8::3").text == TOO_FAST  # type: ignore[union-attr]
    assert admit(limits, "d", "2001:db8:0:1::1") is None
    assert admit(limits, "e", None) is None  # Telegram: no address


def test_new_conversations_per_address_are_limited_known_ones_go_on():
    clock = Clock()
    limits = limiter(clock, new_sessions_per_hour=2)
    assert admit(limits, "a", "192.0.2.1") is None
    assert admit(limits, "b", "192.0.2.1") is None
    refused = admit(limits, "c", "192.0.2.1")
    assert refused is not None and refused.text == TOO_MANY_NEW
    assert admit(limits, "c", "192.0.2.1") is not None  # still new, still refused
    assert admit(limits, "a", "192.0.2.1") is None  # a known one goes on
    assert admit(limits, "c", "192.0.2.2") is None  # another address
    clock.now += 3600
    assert admit(limits, "d", "192.0.2.1") is None
    clock.now += KNOWN_S + 1
    assert admit(limits, "a", "192.0.2.1") is None  # new again after a day


def test_limits_of_zero_are_off():
    limits = limiter(Clock())
    assert all(admit(limits, "s", "192.0.2.1") is None for _ in range(500))


def test_unreachable_counters_let_the_message_through():
    class Broken(MemoryCounters):
        async def hit(self, key, window_s):  # type: ignore[no-untyped-def]
            raise ConnectionError("redis away")

    limits = RateLimiter(Limits(session_per_minute=1), Broken())
    assert admit(limits, "s") is None


# -- the widget's Origin check -------------------------------------------------------


def test_only_the_configured_origins_may_open_a_widget_socket():
    origins = ("https://pps.example",)
    assert origin_allowed({"HTTP_ORIGIN": "https://pps.example"}, origins)
    assert not origin_allowed({"HTTP_ORIGIN": "https://evil.example"}, origins)
    assert not origin_allowed({"HTTP_ORIGIN": "null"}, origins)
    assert origin_allowed({}, origins)  # no browser page: nothing to forge


# -- Telegram: private chats only ---------------------------------------------------


@pytest.mark.parametrize("kind, private", [
    ("private", True), ("group", False), ("supergroup", False), ("channel", False),
    (None, False),
])  # fmt: skip
def test_only_a_private_telegram_chat_is_a_conversation(kind, private):
    from bot.channels.telegram import CallbackPayloads, read_update

    chat = {"id": -55, "type": kind} if kind else {"id": -55}
    text = {"update_id": 1, "message": {"chat": chat, "text": "hoi"}}
    assert read_update(text, CallbackPayloads()).private is private  # type: ignore[union-attr]
    press = {"update_id": 2, "callback_query": {
        "id": "q", "data": "/affirm", "message": {"chat": chat, "text": "Klopt?"}}}  # fmt: skip
    assert read_update(press, CallbackPayloads()).private is private  # type: ignore[union-attr]


def test_a_telegram_chat_over_its_limit_is_told_once_a_minute(monkeypatch):
    import time

    from bot.channels.telegram import TelegramChannel
    from bot.settings import TelegramSettings

    channel = TelegramChannel(TelegramSettings())
    monkeypatch.setattr(time, "time", lambda: 1_800_000_000.0)
    assert channel._tell_to_wait(77) is True
    assert channel._tell_to_wait(77) is False  # the rest of that minute: quiet
    assert channel._tell_to_wait(78) is True
    monkeypatch.setattr(time, "time", lambda: 1_800_000_060.0)
    assert channel._tell_to_wait(77) is True
