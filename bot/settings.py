"""Settings from environment variables; the defaults make `make run` work.

DATABASE_URL
    SQLAlchemy URL of the store, shared by Rasa's transcripts (table `events`) and
    the refined requests. Default: ``sqlite:///<repo>/var/vraagwijzer.db`` (the
    ``var/`` directory is created when the engine first needs it). For
    PostgreSQL e.g. ``postgresql+psycopg2://user:password@host:5432/vraagwijzer``.
RASA_AUTH_TOKEN
    Token that protects Rasa's HTTP API; the API stays off when unset.
    Default: unset (None).
TELEGRAM_BOT_TOKEN, TELEGRAM_WEBHOOK_URL, TELEGRAM_WEBHOOK_SECRET
    The Telegram channel (bot/channels/telegram.py) is on only when all three
    are set: the token from BotFather, the public HTTPS address Telegram posts
    updates to (ending in ``/webhooks/telegram/webhook``), and a secret of 1-256
    characters ``A-Z a-z 0-9 _ -`` that Telegram sends back in the
    ``X-Telegram-Bot-Api-Secret-Token`` header. Default: unset (channel off).
TELEGRAM_API_URL
    Base URL of the Bot API server, for a self-hosted or test Bot API server.
    Default: ``https://api.telegram.org``.
REVIEW_PORT
    Port of the coordinators' review app (`make review`). Default: 5080.
REVIEW_SECRET_KEY
    Signs the review app's session cookies and CSRF tokens. Default: a random
    key generated once and kept in ``var/review_secret_key``.
REVIEW_SESSION_MINUTES
    A review session ends after this many minutes without a request.
    Default: 120.
REVIEW_SECURE_COOKIES
    ``1`` when the review app is served over HTTPS (cookies marked Secure).
    Default: unset (off), for plain http on localhost; on in production.
RETENTION_DAYS
    Days a conversation (transcript and request) is kept after its last activity;
    `python -m bot purge` erases older ones. Default: 180.
TURN_TIMEOUT_S
    Seconds a channel (REST, the widget's socket.io, Telegram) waits for a turn
    before it tells the user something went wrong (Rasa itself waits five
    minutes for the action server; bot/channels/turns.py). Default: 8.
LOCK_STORE_URL
    Redis URL of the lock store that keeps two Rasa instances from handling one
    conversation at once, e.g. ``redis://127.0.0.1:6379/1``. Required with more
    than one Rasa instance. Default: unset (Rasa's in-process lock store).
PPS_CONTACT_EMAIL
    The partnership's contact address, named to an entrepreneur who leaves no
    contact details or whose erasure failed. Default: pps@techniekpact-rijnmond.example
    (the demo site's fictitious partnership).
SESSION_MAX_TURNS
    User messages in one conversation session before the tracker store starts a
    new session that carries the slots and the open form over, so a long
    conversation does not slow down every turn. 0 turns it off. Default: 25.
SMTP_URL
    Where the coordinators' notification mails go out (bot/notify): ``smtp://``
    plain (a relay on this machine), ``smtp+starttls://`` STARTTLS required
    (port 587 by default), ``smtps://`` TLS from the start (port 465 by default);
    a login as ``user:password@``, percent-encoded, e.g.
    ``smtp+starttls://vraagwijzer%40pps.nl:geheim@smtp.pps.nl:587``.
    Default: unset (mails wait in the outbox; `make run` starts no mail worker).
SMTP_CA_FILE
    PEM file of the certificate authorities the SMTP server's certificate is
    checked against. Default: unset (the system's authorities).
SMTP_TIMEOUT_S
    Seconds a connection to the SMTP server, and each command on it, may take.
    Default: 10.
MAIL_FROM
    Sender address of the notification mails.
    Default: vraagwijzer@localhost.
REVIEW_BASE_URL
    Address of the review app as coordinators open it, for the links in the
    mails. Default: http://localhost:<REVIEW_PORT>.
WIDGET_SESSION_KEY
    Signs the widget's session tokens and derives the stored conversation id
    ``web:<HMAC>`` from them (bot/channels/widget_session.py); every Rasa
    instance of one install needs the same key. Default: a random key generated
    once and kept in ``var/widget_session_key`` (created 0600).
WIDGET_SESSION_IDLE_MINUTES
    A widget session that saw no message for this many minutes is over: the
    widget gets a new, empty one. Default: 60.

VRAAGWIJZER_ENV
    ``development`` (default: `make run`, nothing to set) or ``production``.
    Production changes these defaults: TRUSTED_PROXY_HOPS 1, REQUEST_MAX_BYTES
    65536, REVIEW_SECURE_COOKIES on; and the REST channel refuses to start
    without REST_CHANNEL_TOKEN (bot/channels/rest.py). In both, Rasa (through
    ``python -m bot.rasa_run``), the action server and the review app listen on
    127.0.0.1 and Rasa's telemetry is off.
TRUSTED_PROXY_HOPS
    How many reverse proxies in front of Rasa and the review app append to
    ``X-Forwarded-For``; the client address is the entry that many places from
    the right (bot/channels/clients.py, werkzeug's ProxyFix for the review app).
    0: the socket peer is the client. Default: 0, in production 1.
REQUEST_MAX_BYTES
    Largest request body Rasa's server reads (Sanic's REQUEST_MAX_SIZE, set by
    the channels at start); a larger one gets a 413 before any channel sees it.
    Default: 1000000, in production 65536.
RASA_HOST
    Interface Rasa listens on (``python -m bot.rasa_run``). Default: 127.0.0.1.
CORS_ORIGINS
    Space-separated origins of the web pages that may talk to Rasa: browser
    CORS (``rasa run --cors``) and the Origin check of the widget's socket.io.
    Default: ``http://localhost:$WEB_PORT http://127.0.0.1:$WEB_PORT`` (the
    demo site; WEB_PORT default 8080).
RASA_JWT_SECRET, REST_CHANNEL_TOKEN
    Rasa's HTTP API behind JWT; the REST channel's bearer token. Default: unset.
Secrets from files
    Each secret (RASA_AUTH_TOKEN, RASA_JWT_SECRET, REST_CHANNEL_TOKEN,
    REVIEW_SECRET_KEY, TELEGRAM_BOT_TOKEN, TELEGRAM_WEBHOOK_SECRET) may instead
    be given as a file: ``<NAME>_FILE=/run/secrets/...`` (its content, stripped).
    None is ever passed on a command line, where ``ps`` shows it.
REVIEW_SESSION_MAX_HOURS
    A review session ends this many hours after the login, however active.
    Default: 12.
RATE_SESSION_PER_MINUTE, RATE_ADDRESS_PER_MINUTE, RATE_NEW_SESSIONS_PER_HOUR
    Rate limits of the chat channels (bot/channels/ratelimit.py): messages per
    conversation per minute, messages per client address (an IPv6 address by
    its /64) per minute, and new conversations per client address per hour.
    0 turns a limit off. Defaults: 20, 60, 30. The counters are kept in Redis
    when LOCK_STORE_URL is set (the cluster), else in the process.

An empty variable counts as unset.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Optional, Tuple

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = f"sqlite:///{REPO_ROOT / 'var' / 'vraagwijzer.db'}"
DEFAULT_TELEGRAM_API_URL = "https://api.telegram.org"
DEFAULT_RETENTION_DAYS = 180
DEFAULT_TURN_TIMEOUT_S = 8.0
DEFAULT_REVIEW_PORT = 5080
DEFAULT_REVIEW_SESSION_MINUTES = 120
DEFAULT_REVIEW_SESSION_MAX_HOURS = 12
DEFAULT_SESSION_MAX_TURNS = 25
DEFAULT_PPS_CONTACT_EMAIL = "pps@techniekpact-rijnmond.example"
DEFAULT_SMTP_TIMEOUT_S = 10.0
DEFAULT_MAIL_FROM = "vraagwijzer@localhost"
DEFAULT_WIDGET_SESSION_IDLE_MINUTES = 60
DEFAULT_WEB_PORT = 8080
DEFAULT_RASA_HOST = "127.0.0.1"
DEVELOPMENT, PRODUCTION = "development", "production"
ENVIRONMENTS = (DEVELOPMENT, PRODUCTION)
# Development / production defaults.
DEFAULT_PROXY_HOPS = {DEVELOPMENT: 0, PRODUCTION: 1}
DEFAULT_REQUEST_MAX_BYTES = {DEVELOPMENT: 1_000_000, PRODUCTION: 64 * 1024}
DEFAULT_RATE_SESSION_PER_MINUTE = 20
DEFAULT_RATE_ADDRESS_PER_MINUTE = 60
DEFAULT_RATE_NEW_SESSIONS_PER_HOUR = 30
TELEGRAM_VARIABLES = (
    "TELEGRAM_BOT_TOKEN",
    "TELEGRAM_WEBHOOK_URL",
    "TELEGRAM_WEBHOOK_SECRET",
)


class SettingsError(ValueError):
    """A setting that cannot be used; the message names it."""


def secret(env: Mapping[str, str], name: str) -> Optional[str]:
    """`name` from the environment, else the content of the file `<name>_FILE`
    names (stripped); None when neither is set."""
    value = env.get(name)
    if value:
        return value
    path = env.get(f"{name}_FILE")
    if not path:
        return None
    try:
        content = Path(path).read_text(encoding="utf-8").strip()
    except OSError as error:
        raise SettingsError(f"{name}_FILE: cannot read {path}: {error}") from None
    return content or None


def _int(env: Mapping[str, str], name: str, default: int) -> int:
    value = env.get(name)
    if not value:
        return default
    try:
        number = int(value)
    except ValueError:
        raise SettingsError(f"{name} must be a whole number, not {value!r}") from None
    if number < 0:
        raise SettingsError(f"{name} may not be negative")
    return number


def _flag(env: Mapping[str, str], name: str, default: bool) -> bool:
    value = env.get(name)
    return default if not value else value == "1"


@dataclass(frozen=True)
class TelegramSettings:
    bot_token: Optional[str] = None
    webhook_url: Optional[str] = None
    webhook_secret: Optional[str] = None
    api_url: str = DEFAULT_TELEGRAM_API_URL

    @property
    def enabled(self) -> bool:
        return bool(self.bot_token and self.webhook_url and self.webhook_secret)

    @property
    def missing(self) -> Tuple[str, ...]:
        values = (self.bot_token, self.webhook_url, self.webhook_secret)
        unset = zip(TELEGRAM_VARIABLES, values, strict=True)
        return tuple(name for name, value in unset if not value)


@dataclass(frozen=True)
class Settings:
    database_url: str = DEFAULT_DATABASE_URL
    environment: str = DEVELOPMENT
    rasa_auth_token: Optional[str] = None
    rasa_jwt_secret: Optional[str] = None
    rasa_host: str = DEFAULT_RASA_HOST
    # Required from every REST caller when set; unset: loopback callers only.
    rest_channel_token: Optional[str] = None
    telegram: TelegramSettings = TelegramSettings()
    trusted_proxy_hops: int = 0
    request_max_bytes: int = DEFAULT_REQUEST_MAX_BYTES[DEVELOPMENT]
    cors_origins: Tuple[str, ...] = (
        f"http://localhost:{DEFAULT_WEB_PORT}",
        f"http://127.0.0.1:{DEFAULT_WEB_PORT}",
    )
    review_port: int = DEFAULT_REVIEW_PORT
    review_secret_key: Optional[str] = None
    review_session_minutes: int = DEFAULT_REVIEW_SESSION_MINUTES
    review_session_max_hours: int = DEFAULT_REVIEW_SESSION_MAX_HOURS
    review_secure_cookies: bool = False
    retention_days: int = DEFAULT_RETENTION_DAYS
    turn_timeout_s: float = DEFAULT_TURN_TIMEOUT_S
    lock_store_url: Optional[str] = None
    session_max_turns: int = DEFAULT_SESSION_MAX_TURNS
    pps_contact_email: str = DEFAULT_PPS_CONTACT_EMAIL
    smtp_url: Optional[str] = None
    smtp_ca_file: Optional[str] = None
    smtp_timeout_s: float = DEFAULT_SMTP_TIMEOUT_S
    mail_from: str = DEFAULT_MAIL_FROM
    review_base_url: Optional[str] = None

    @property
    def review_url(self) -> str:
        """The review app's address for links, without a trailing slash."""
        base = self.review_base_url or f"http://localhost:{self.review_port}"
        return base.rstrip("/")

    widget_session_key: Optional[str] = None
    widget_session_idle_minutes: float = DEFAULT_WIDGET_SESSION_IDLE_MINUTES
    rate_session_per_minute: int = DEFAULT_RATE_SESSION_PER_MINUTE
    rate_address_per_minute: int = DEFAULT_RATE_ADDRESS_PER_MINUTE
    rate_new_sessions_per_hour: int = DEFAULT_RATE_NEW_SESSIONS_PER_HOUR

    @property
    def production(self) -> bool:
        return self.environment == PRODUCTION


def load_settings(environ: Optional[Mapping[str, str]] = None) -> Settings:
    env = os.environ if environ is None else environ
    environment = env.get("VRAAGWIJZER_ENV") or DEVELOPMENT
    if environment not in ENVIRONMENTS:
        raise SettingsError(
            f"VRAAGWIJZER_ENV must be {' or '.join(ENVIRONMENTS)}, not {environment!r}"
        )
    production = environment == PRODUCTION
    web_port = env.get("WEB_PORT") or str(DEFAULT_WEB_PORT)
    cors = env.get("CORS_ORIGINS") or (
        f"http://localhost:{web_port} http://127.0.0.1:{web_port}"
    )
    return Settings(
        database_url=env.get("DATABASE_URL") or DEFAULT_DATABASE_URL,
        environment=environment,
        rasa_auth_token=secret(env, "RASA_AUTH_TOKEN"),
        rasa_jwt_secret=secret(env, "RASA_JWT_SECRET"),
        rasa_host=env.get("RASA_HOST") or DEFAULT_RASA_HOST,
        rest_channel_token=secret(env, "REST_CHANNEL_TOKEN"),
        telegram=TelegramSettings(
            bot_token=secret(env, "TELEGRAM_BOT_TOKEN"),
            webhook_url=env.get("TELEGRAM_WEBHOOK_URL") or None,
            webhook_secret=secret(env, "TELEGRAM_WEBHOOK_SECRET"),
            api_url=env.get("TELEGRAM_API_URL") or DEFAULT_TELEGRAM_API_URL,
        ),
        trusted_proxy_hops=_int(
            env, "TRUSTED_PROXY_HOPS", DEFAULT_PROXY_HOPS[environment]
        ),
        request_max_bytes=_int(
            env, "REQUEST_MAX_BYTES", DEFAULT_REQUEST_MAX_BYTES[environment]
        ),
        cors_origins=tuple(cors.split()),
        review_port=int(env.get("REVIEW_PORT") or DEFAULT_REVIEW_PORT),
        review_secret_key=secret(env, "REVIEW_SECRET_KEY"),
        review_session_minutes=int(
            env.get("REVIEW_SESSION_MINUTES") or DEFAULT_REVIEW_SESSION_MINUTES
        ),
        review_session_max_hours=_int(
            env, "REVIEW_SESSION_MAX_HOURS", DEFAULT_REVIEW_SESSION_MAX_HOURS
        ),
        review_secure_cookies=_flag(env, "REVIEW_SECURE_COOKIES", production),
        retention_days=int(env.get("RETENTION_DAYS") or DEFAULT_RETENTION_DAYS),
        turn_timeout_s=float(env.get("TURN_TIMEOUT_S") or DEFAULT_TURN_TIMEOUT_S),
        lock_store_url=env.get("LOCK_STORE_URL") or None,
        session_max_turns=int(
            env.get("SESSION_MAX_TURNS") or DEFAULT_SESSION_MAX_TURNS
        ),
        pps_contact_email=env.get("PPS_CONTACT_EMAIL") or DEFAULT_PPS_CONTACT_EMAIL,
        smtp_url=env.get("SMTP_URL") or None,
        smtp_ca_file=env.get("SMTP_CA_FILE") or None,
        smtp_timeout_s=float(env.get("SMTP_TIMEOUT_S") or DEFAULT_SMTP_TIMEOUT_S),
        mail_from=env.get("MAIL_FROM") or DEFAULT_MAIL_FROM,
        review_base_url=env.get("REVIEW_BASE_URL") or None,
        widget_session_key=env.get("WIDGET_SESSION_KEY") or None,
        widget_session_idle_minutes=float(
            env.get("WIDGET_SESSION_IDLE_MINUTES")
            or DEFAULT_WIDGET_SESSION_IDLE_MINUTES
        ),
        rate_session_per_minute=_int(
            env, "RATE_SESSION_PER_MINUTE", DEFAULT_RATE_SESSION_PER_MINUTE
        ),
        rate_address_per_minute=_int(
            env, "RATE_ADDRESS_PER_MINUTE", DEFAULT_RATE_ADDRESS_PER_MINUTE
        ),
        rate_new_sessions_per_hour=_int(
            env, "RATE_NEW_SESSIONS_PER_HOUR", DEFAULT_RATE_NEW_SESSIONS_PER_HOUR
        ),
    )
