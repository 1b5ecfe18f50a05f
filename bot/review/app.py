"""The review app's pages: login, inbox, request, dashboard, corrections, users.

Server-rendered with Jinja2 (autoescaped), one unit of work per page, CSRF on
every form (Flask-WTF), sessions that end after REVIEW_SESSION_MINUTES idle
and REVIEW_SESSION_MAX_HOURS after the login; behind TRUSTED_PROXY_HOPS
proxies, werkzeug's ProxyFix gives the client's address.
`create_app` wires the settings, the extensions, the blueprints
(bot/review/blueprints/) and the error pages; the pages' work is in
bot/review/services.py.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta, timezone
from typing import Any, Optional

from flask import Flask, Response, g, render_template, request
from flask_wtf.csrf import CSRFError, CSRFProtect
from werkzeug.exceptions import HTTPException, InternalServerError
from werkzeug.middleware.proxy_fix import ProxyFix

from bot.export import CHANNEL_LABELS
from bot.intake.catalogue import format_titles
from bot.intake.vocabulary import NEED_LABELS
from bot.review import dates, labels, workflow
from bot.review.access import EXTENSION, Wiring, with_session_user
from bot.review.accounts import MIN_PASSWORD
from bot.review.blueprints import audit, auth, corrections, dashboard, export, inbox
from bot.review.throttle import LoginThrottle
from bot.settings import REPO_ROOT, Settings, load_settings
from bot.store.models import NO_OPTION
from bot.store.session import session_factory

BLUEPRINTS = (
    auth.blueprint,
    inbox.blueprint,
    corrections.blueprint,
    dashboard.blueprint,
    export.blueprint,
    audit.blueprint,
)
# The audit log's actions, in Dutch (bot/store/models.py AUDIT_ACTIONS).
AUDIT_LABELS = {"erase": "gesprek gewist", "export": "verzoeken geëxporteerd"}

# Highlighted in the transcript; the FallbackClassifier (config.yml) gives up
# at 0.45, so between the two the bot guessed.
LOW_CONFIDENCE = 0.6
SECRET_KEY_FILE = REPO_ROOT / "var" / "review_secret_key"

CATEGORIES = NEED_LABELS
CHANNELS = CHANNEL_LABELS
ANSWERS = {
    "topic": "Onderwerp",
    "education_level": "Niveau",
    "headcount": "Aantal mensen",
    "desired_outcome": "Gewenst resultaat",
    "tried_before": "Al geprobeerd",
    "time_horizon": "Termijn",
    "own_time": "Eigen tijd",
    "question_correction": "Correctie op de herformulering",
    "open_questions": "Vragen van de ondernemer",
}
ERRORS = {
    400: "Dit verzoek klopt niet. Laad de pagina opnieuw.",
    403: "Hiervoor heeft uw account geen rechten.",
    404: "Niet gevonden. Misschien is het gewist, of klopt de link niet.",
    405: "Dat kan op deze pagina niet.",
    413: "Dat is te veel tekst in één keer.",
}
OTHER_ERROR = "Dat lukte niet. Probeer het opnieuw of ga terug naar de verzoeken."
ACTIVITY = {
    "status": "status",
    "assign": "toegewezen",
    "note": "notitie",
    "tag": "label toegevoegd",
    "untag": "label verwijderd",
    "frame_problem": "wat er misgaat",
    "frame_goal": "wat er anders moet",
    "frame_who": "om wie het gaat",
    "frame_tried": "wat al geprobeerd is",
}
# The intake frame at the top of a request, in the coordinators' words.
FRAME_LABELS = {
    "problem": "Wat gaat er mis",
    "goal": "Wat moet er anders",
    "who": "Om wie gaat het",
    "tried": "Al geprobeerd",
}


def secret_key(settings: Settings) -> str:
    """REVIEW_SECRET_KEY, else a key generated once into var/ (git-ignored)."""
    if settings.review_secret_key:
        return settings.review_secret_key
    if not SECRET_KEY_FILE.exists():
        SECRET_KEY_FILE.parent.mkdir(parents=True, exist_ok=True)
        SECRET_KEY_FILE.touch(mode=0o600)
        SECRET_KEY_FILE.write_text(secrets.token_hex(32), encoding="utf-8")
    return SECRET_KEY_FILE.read_text(encoding="utf-8").strip()


def decimal(value: float, places: int = 2) -> str:
    """A number as Dutch write it: 0,87."""
    return f"{value:.{places}f}".replace(".", ",")


def transcript_time(timestamp: Optional[float]) -> str:
    if timestamp is None:
        return ""
    return dates.shown(datetime.fromtimestamp(timestamp, timezone.utc), True)


def security_headers(response: Response) -> Response:
    # No script at all, styles from our own file only.
    response.headers["Content-Security-Policy"] = (
        "default-src 'self'; script-src 'none'; object-src 'none'; "
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "same-origin"
    if request.endpoint != "static":
        response.headers["Cache-Control"] = "no-store"
    return response


def csrf_error(error: CSRFError) -> Any:
    message = "Het formulier is verlopen of ongeldig. Laad de pagina opnieuw."
    return render_template("error.html", message=message), 400


def http_error(error: HTTPException) -> Any:
    code = error.code or 500
    message = ERRORS.get(code, OTHER_ERROR)
    page = with_session_user(lambda: render_template("error.html", message=message))
    return page, code


def internal_error(error: Any) -> Any:
    # The page must not depend on what just failed, e.g. the user's session.
    g.pop("user", None)
    return render_template("error.html", message=OTHER_ERROR), 500


def create_app(
    settings: Optional[Settings] = None, throttle: Optional[LoginThrottle] = None
) -> Flask:
    settings = settings or load_settings()
    app = Flask(__name__)
    app.config.update(
        SECRET_KEY=secret_key(settings),
        PERMANENT_SESSION_LIFETIME=timedelta(minutes=settings.review_session_minutes),
        SESSION_COOKIE_NAME="vraagwijzer_review",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=settings.review_secure_cookies,
        WTF_CSRF_TIME_LIMIT=settings.review_session_minutes * 60,
        MAX_CONTENT_LENGTH=64 * 1024,
        # However active, a session ends this long after its login (auth.py).
        REVIEW_SESSION_MAX_S=settings.review_session_max_hours * 3600,
        DATABASE_URL=settings.database_url,  # for the model update job
    )
    if settings.trusted_proxy_hops:
        # The client's address (the login throttle's key) and scheme as the
        # trusted proxies forwarded them; what the client sent further left
        # in X-Forwarded-For is ignored.
        hops = settings.trusted_proxy_hops
        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]
            app.wsgi_app, x_for=hops, x_proto=hops
        )
    CSRFProtect(app)
    app.extensions[EXTENSION] = Wiring(
        factory=session_factory(settings.database_url),
        throttle=throttle or LoginThrottle(),
        intents=labels.domain_intents(),
    )

    app.jinja_env.globals.update(
        CATEGORIES=CATEGORIES,
        CHANNELS=CHANNELS,
        STATUSES=workflow.STATUSES,
        ANSWERS=ANSWERS,
        ACTIVITY=ACTIVITY,
        FRAME_LABELS=FRAME_LABELS,
        NO_OPTION=NO_OPTION,
        FORMAT_TITLES=format_titles(),
        LOW_CONFIDENCE=LOW_CONFIDENCE,
        shown=dates.shown,
        min_password=MIN_PASSWORD,
        transcript_time=transcript_time,
        decimal=decimal,
        intent_label=labels.intent_label,
        AUDIT_LABELS=AUDIT_LABELS,
    )

    app.after_request(security_headers)
    app.register_error_handler(CSRFError, csrf_error)
    app.register_error_handler(HTTPException, http_error)
    app.register_error_handler(InternalServerError, internal_error)
    for blueprint in BLUEPRINTS:
        app.register_blueprint(blueprint)
    return app
