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
    Default: unset (off), for plain http on localhost.
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
DEFAULT_SESSION_MAX_TURNS = 25
DEFAULT_PPS_CONTACT_EMAIL = "pps@techniekpact-rijnmond.example"
DEFAULT_SMTP_TIMEOUT_S = 10.0
DEFAULT_MAIL_FROM = "vraagwijzer@localhost"
DEFAULT_WIDGET_SESSION_IDLE_MINUTES = 60
TELEGRAM_VARIABLES = (
    "TELEGRAM_BOT_TOKEN",
    "TELEGRAM_WEBHOOK_URL",
    "TELEGRAM_WEBHOOK_SECRET",
)


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
    rasa_auth_token: Optional[str] = None
    # Required from every REST caller when set; unset: loopback callers only.
    rest_channel_token: Optional[str] = None
    telegram: TelegramSettings = TelegramSettings()
    review_port: int = DEFAULT_REVIEW_PORT
    review_secret_key: Optional[str] = None
    review_session_minutes: int = DEFAULT_REVIEW_SESSION_MINUTES
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


def load_settings(environ: Optional[Mapping[str, str]] = None) -> Settings:
    env = os.environ if environ is None else environ
    return Settings(
        database_url=env.get("DATABASE_URL") or DEFAULT_DATABASE_URL,
        rasa_auth_token=env.get("RASA_AUTH_TOKEN") or None,
        rest_channel_token=env.get("REST_CHANNEL_TOKEN") or None,
        telegram=TelegramSettings(
            bot_token=env.get("TELEGRAM_BOT_TOKEN") or None,
            webhook_url=env.get("TELEGRAM_WEBHOOK_URL") or None,
            webhook_secret=env.get("TELEGRAM_WEBHOOK_SECRET") or None,
            api_url=env.get("TELEGRAM_API_URL") or DEFAULT_TELEGRAM_API_URL,
        ),
        review_port=int(env.get("REVIEW_PORT") or DEFAULT_REVIEW_PORT),
        review_secret_key=env.get("REVIEW_SECRET_KEY") or None,
        review_session_minutes=int(
            env.get("REVIEW_SESSION_MINUTES") or DEFAULT_REVIEW_SESSION_MINUTES
        ),
        review_secure_cookies=(env.get("REVIEW_SECURE_COOKIES") or "0") == "1",
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
    )
