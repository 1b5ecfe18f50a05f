"""The review app's pages: login, inbox, request, dashboard, corrections, users.

Server-rendered with Jinja2 (autoescaped), one unit of work per page, CSRF on
every form (Flask-WTF), sessions that end after REVIEW_SESSION_MINUTES idle.
"""

from __future__ import annotations

import functools
import io
import secrets
from datetime import date, datetime, timedelta, timezone
from math import ceil
from typing import Any, Callable, Optional
from urllib.parse import urlencode, urlsplit

from flask import (
    Flask,
    Response,
    abort,
    flash,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_wtf.csrf import CSRFError, CSRFProtect
from werkzeug.exceptions import HTTPException, InternalServerError

from bot.export import write_csv
from bot.review import dates, labels, workflow
from bot.review.accounts import (
    MIN_PASSWORD,
    AccountError,
    authenticate,
    end_sessions,
    password_matches,
    set_password,
)
from actions.vocabulary import NEED_LABELS
from bot.review.corrections import nlu_yaml
from bot.review.dashboard import figures
from bot.review.throttle import LoginThrottle
from bot.settings import REPO_ROOT, Settings, load_settings
from bot.store.erasure import erase_conversation
from bot.store.models import NO_OPTION, RefinedRequest
from bot.store.repository import RequestFilter, stored_id
from bot.store.session import UnitOfWork, session_factory
from bot.store.tracker_store import transcript, user_event

PAGE_SIZE = 25
# Highlighted in the transcript; the FallbackClassifier (config.yml) gives up
# at 0.45, so between the two the bot guessed.
LOW_CONFIDENCE = 0.6
SECRET_KEY_FILE = REPO_ROOT / "var" / "review_secret_key"

CATEGORIES = NEED_LABELS
CHANNELS = {"web": "Website", "telegram": "Telegram", "rest": "REST"}
ANSWERS = {
    "topic": "Onderwerp",
    "education_level": "Niveau",
    "headcount": "Aantal mensen",
    "desired_outcome": "Gewenst resultaat",
    "tried_before": "Al geprobeerd",
    "time_horizon": "Termijn",
    "own_time": "Eigen tijd",
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


def parse_day(text: Optional[str]) -> Optional[date]:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def inbox_filter(args: Any) -> RequestFilter:
    """The inbox's query string as a filter; what does not parse is ignored."""
    since, until = parse_day(args.get("van")), parse_day(args.get("tot"))
    handoff = {"ja": True, "nee": False}.get(args.get("overdracht", ""))
    return RequestFilter(
        status=args.get("status") or None,
        need_category=args.get("categorie") or None,
        channel=args.get("kanaal") or None,
        since=dates.day_start(since) if since else None,
        until=dates.day_after(until) if until else None,
        handoff=handoff,
        text=(args.get("zoek") or "").strip() or None,
        tag=args.get("label") or None,
    )


def reversed_range(args: Any) -> Optional[str]:
    """A Dutch message when "van" lies after "tot en met" (nothing can match)."""
    since, until = parse_day(args.get("van")), parse_day(args.get("tot"))
    if since and until and since > until:
        return (
            f"De datum 'van' ({since:%d-%m-%Y}) ligt na 'tot en met' "
            f"({until:%d-%m-%Y}): daar valt niets tussen. Draai de datums om."
        )
    return None


def query_string(args: Any, **changes: Any) -> str:
    """The current query string with some parameters changed or dropped (None)."""
    params = {key: value for key, value in args.items() if value}
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value
    return urlencode(params)


def is_local_path(target: str) -> bool:
    """A path on this site, as a browser will read it."""
    # Browsers drop tabs and newlines from a URL and read "\\" as "/", so
    # "/\t/evil.example" and "/\\evil.example" are "//evil.example", another
    # site; a CR or LF would also break the Location header.
    if len(target) > 2000 or any(c < " " or c in "\x7f\\" for c in target):
        return False
    parts = urlsplit(target)
    return (
        target.startswith("/")
        and not target.startswith("//")
        and not parts.scheme
        and not parts.netloc
    )


def safe_next(target: Optional[str]) -> str:
    """Only paths on this site, so the login cannot redirect elsewhere."""
    if target and is_local_path(target):
        return target
    return url_for("inbox")


def wait_text(seconds: int) -> str:
    if seconds < 60:
        return "1 seconde" if seconds == 1 else f"{seconds} seconden"
    minutes = ceil(seconds / 60)
    return "1 minuut" if minutes == 1 else f"{minutes} minuten"


def transcript_time(timestamp: Optional[float]) -> str:
    if timestamp is None:
        return ""
    return dates.shown(datetime.fromtimestamp(timestamp, timezone.utc), True)


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
    )
    CSRFProtect(app)
    factory = session_factory(settings.database_url)
    intents = labels.domain_intents()
    throttle = throttle or LoginThrottle()

    app.jinja_env.globals.update(
        CATEGORIES=CATEGORIES,
        CHANNELS=CHANNELS,
        STATUSES=workflow.STATUSES,
        ANSWERS=ANSWERS,
        ACTIVITY=ACTIVITY,
        NO_OPTION=NO_OPTION,
        LOW_CONFIDENCE=LOW_CONFIDENCE,
        shown=dates.shown,
        min_password=MIN_PASSWORD,
        transcript_time=transcript_time,
        intent_label=labels.intent_label,
    )

    @app.after_request
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

    @app.errorhandler(CSRFError)
    def csrf_error(error: CSRFError) -> Any:
        message = "Het formulier is verlopen of ongeldig. Laad de pagina opnieuw."
        return render_template("error.html", message=message), 400

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> Any:
        code = error.code or 500
        message = ERRORS.get(code, OTHER_ERROR)
        return render_template("error.html", message=message), code

    @app.errorhandler(InternalServerError)
    def internal_error(error: Any) -> Any:
        # The page must not depend on what just failed, e.g. the user's session.
        g.pop("user", None)
        return render_template("error.html", message=OTHER_ERROR), 500

    def login_required(role: Optional[str] = None) -> Callable:
        def decorate(view: Callable) -> Callable:
            @functools.wraps(view)
            def guarded(*args: Any, **kwargs: Any) -> Any:
                with UnitOfWork(factory) as uow:
                    user_id = session.get("user_id")
                    user = uow.users.get(user_id) if user_id else None
                    if (
                        user is None
                        or not user.active
                        or session.get("epoch") != user.session_epoch
                    ):
                        session.clear()
                        return redirect(
                            url_for("login", next=request.full_path.rstrip("?"))
                        )
                    if role and user.role != role:
                        abort(403)
                    g.uow, g.user = uow, user
                    try:
                        return view(*args, **kwargs)
                    except HTTPException as error:
                        # The error page, while the session can still show
                        # who is logged in.
                        return app.handle_user_exception(error)

            return guarded

        return decorate

    def request_or_404(request_id: int) -> RefinedRequest:
        # Unknown, erased or out of the database's range: the same Dutch 404.
        found = g.uow.requests.get(request_id)
        if found is None:
            abort(404)
        return found

    @app.route("/inloggen", methods=["GET", "POST"])
    def login() -> Any:
        if request.method == "GET":
            return render_template("login.html", next=request.args.get("next"))
        name = request.form.get("gebruiker", "")
        address = request.remote_addr or ""
        next_page = request.form.get("next")
        wait = throttle.retry_after(name, address)
        if wait:
            message = (
                "Te veel mislukte pogingen. "
                f"Probeer het over {wait_text(wait)} opnieuw."
            )
            page = render_template(
                "login.html", error=message, next=next_page, username=name
            )
            return page, 429, {"Retry-After": str(wait)}
        with UnitOfWork(factory) as uow:
            user = authenticate(uow, name, request.form.get("wachtwoord", ""))
            if user is None:
                throttle.failed(name, address)
                message = "Onbekende gebruiker of verkeerd wachtwoord."
                page = render_template(
                    "login.html", error=message, next=next_page, username=name
                )
                return page, 401
            throttle.succeeded(name, address)
            uow.commit()
            session.clear()  # a fresh session: no fixation
            session.permanent = True
            session["user_id"] = user.id
            session["epoch"] = user.session_epoch
        return redirect(safe_next(next_page))

    @app.post("/uitloggen")
    def logout() -> Any:
        user_id = session.get("user_id")
        if isinstance(user_id, int):
            with UnitOfWork(factory) as uow:
                user = uow.users.get(user_id)
                if user is not None and session.get("epoch") == user.session_epoch:
                    end_sessions(user)  # in every browser, not only this one
                    uow.commit()
        session.clear()
        flash("U bent uitgelogd.")
        return redirect(url_for("login"))

    @app.route("/wachtwoord", methods=["GET", "POST"])
    @login_required()
    def change_password() -> Any:
        if request.method == "GET":
            return render_template("password.html")
        new = request.form.get("nieuw", "")
        address = request.remote_addr or ""
        # A session left open must not become a way to guess the password.
        wait = throttle.retry_after(g.user.username, address)
        if wait:
            error = (
                "Te veel mislukte pogingen. "
                f"Probeer het over {wait_text(wait)} opnieuw."
            )
            page = render_template("password.html", error=error)
            return page, 429, {"Retry-After": str(wait)}
        if not password_matches(g.user, request.form.get("huidig", "")):
            throttle.failed(g.user.username, address)
            error = "Het huidige wachtwoord klopt niet."
        elif new != request.form.get("herhaal"):
            error = "De twee nieuwe wachtwoorden verschillen."
        elif len(new) < MIN_PASSWORD:
            error = f"Een wachtwoord heeft minstens {MIN_PASSWORD} tekens."
        else:
            try:
                set_password(g.uow, g.user.username, new)
            except AccountError:
                error = f"Een wachtwoord heeft minstens {MIN_PASSWORD} tekens."
            else:
                g.uow.commit()
                session.clear()
                flash("Uw wachtwoord is gewijzigd. Log opnieuw in.")
                return redirect(url_for("login"))
        return render_template("password.html", error=error), 400

    @app.get("/")
    def home() -> Any:
        return redirect(url_for("inbox"))

    @app.get("/verzoeken")
    @login_required()
    def inbox() -> Any:
        filters = inbox_filter(request.args)
        total = g.uow.requests.count(filters)
        pages = max(1, ceil(total / PAGE_SIZE))
        page = min(max(1, request.args.get("pagina", 1, type=int) or 1), pages)
        rows = g.uow.requests.search(filters, (page - 1) * PAGE_SIZE, PAGE_SIZE)
        return render_template(
            "inbox.html",
            rows=rows,
            total=total,
            page=page,
            pages=pages,
            status_counts=g.uow.requests.counts_by_status(filters),
            args=request.args,
            tags=g.uow.requests.tags_in_use(),
            query_string=functools.partial(query_string, request.args),
            range_error=reversed_range(request.args),
        )

    @app.get("/verzoeken/export.csv")
    @login_required()
    def export_csv() -> Any:
        out = io.StringIO(newline="")
        write_csv(g.uow.requests.search(inbox_filter(request.args)), out)
        name = f"verzoeken-{dates.today():%Y%m%d}.csv"
        return Response(
            out.getvalue().encode("utf-8"),
            mimetype="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )

    @app.get("/verzoeken/<int:request_id>")
    @login_required()
    def detail(request_id: int) -> Any:
        found = request_or_404(request_id)
        corrections = {
            c.event_id: c
            for c in g.uow.corrections.for_conversation(found.conversation_id)
        }
        return render_template(
            "request.html",
            r=found,
            turns=labels.as_seen(
                g.uow.session,
                transcript(g.uow.session, found.conversation_id),
                found.chosen_option,
            ),
            corrections=corrections,
            history=g.uow.requests.history(found.id),
            next_statuses=workflow.next_statuses(found.status),
            users=g.uow.users.active(),
            intents=labels.intent_choices(intents),
        )

    def change(request_id: int, apply: Callable[[RefinedRequest], None]) -> Any:
        found = request_or_404(request_id)
        try:
            apply(found)
        except workflow.WorkflowError as error:
            g.uow.rollback()
            flash(str(error), "fout")
        else:
            g.uow.commit()
            flash("Opgeslagen.")
        return redirect(url_for("detail", request_id=request_id))

    def form_change(endpoint: str, field: str, apply: Callable) -> Callable:
        """A POST view that applies `apply(requests, request, form[field], user)`."""

        def view(request_id: int) -> Any:
            value = request.form.get(field, "")
            return change(request_id, lambda r: apply(g.uow.requests, r, value, g.user))

        view.__name__ = endpoint
        return login_required()(view)

    for path, endpoint, field, apply in (
        ("status", "set_status", "status", workflow.change_status),
        ("notitie", "add_note", "notitie", workflow.add_note),
        ("label", "add_tag", "label", workflow.add_tag),
        ("label/verwijderen", "remove_tag", "label", workflow.remove_tag),
    ):
        app.add_url_rule(
            f"/verzoeken/<int:request_id>/{path}",
            endpoint,
            form_change(endpoint, field, apply),
            methods=["POST"],
        )

    @app.post("/verzoeken/<int:request_id>/toewijzen")
    @login_required()
    def assign(request_id: int) -> Any:
        assignee_id = request.form.get("gebruiker", type=int)
        assignee = g.uow.users.get(assignee_id) if assignee_id else None
        if assignee_id and assignee is None:
            abort(404)
        return change(
            request_id,
            lambda r: workflow.assign(g.uow.requests, r, assignee, g.user),
        )

    @app.post("/verzoeken/<int:request_id>/correctie")
    @login_required()
    def correct(request_id: int) -> Any:
        found = request_or_404(request_id)
        intent = request.form.get("intent", "")
        turn = user_event(
            g.uow.session,
            found.conversation_id,
            stored_id(request.form.get("bericht", type=int)) or 0,
        )
        if turn is None:
            abort(404)
        if intent not in intents:
            flash("Kies een intent uit de lijst.", "fout")
        else:
            g.uow.corrections.mark(found.conversation_id, turn, intent, g.user)
            g.uow.commit()
            flash(f"Gemarkeerd: dit bericht hoort bij '{labels.intent_label(intent)}'.")
        return redirect(url_for("detail", request_id=request_id, _anchor="gesprek"))

    @app.route("/verzoeken/<int:request_id>/wissen", methods=["GET", "POST"])
    @login_required()
    def erase(request_id: int) -> Any:
        found = request_or_404(request_id)
        if request.method == "GET":
            return render_template("erase.html", r=found)
        if request.form.get("bevestig") != found.conversation_id:
            flash("Niet gewist: vink de bevestiging aan.", "fout")
            return redirect(url_for("erase", request_id=request_id))
        counts = erase_conversation(g.uow, found.conversation_id)
        g.uow.commit()
        app.logger.info(
            "AVG erasure of a conversation by %s: %s", g.user.username, counts
        )
        flash(f"Gewist: het verzoek en {counts['events']} gespreksgebeurtenissen.")
        return redirect(url_for("inbox"))

    @app.get("/dashboard")
    @login_required()
    def dashboard() -> Any:
        return render_template("dashboard.html", f=figures(g.uow))

    @app.get("/correcties")
    @login_required()
    def corrections() -> Any:
        return render_template(
            "corrections.html", corrections=g.uow.corrections.list_all()
        )

    @app.get("/correcties/nlu.yml")
    @login_required()
    def corrections_yaml() -> Any:
        text = nlu_yaml(g.uow.corrections.list_all())
        return Response(
            text.encode("utf-8"),
            mimetype="application/x-yaml; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="corrections.yml"'},
        )

    @app.get("/gebruikers")
    @login_required(role="admin")
    def users() -> Any:
        return render_template("users.html", users=g.uow.users.list_all())

    @app.post("/gebruikers/<int:user_id>/actief")
    @login_required(role="admin")
    def set_user_active(user_id: int) -> Any:
        user = g.uow.users.get(user_id)
        if user is None:
            abort(404)
        if user.id == g.user.id:
            flash("U kunt uw eigen account niet uitschakelen.", "fout")
        else:
            user.active = request.form.get("actief") == "1"
            end_sessions(user)
            g.uow.commit()
            flash(f"{user.username}: {'actief' if user.active else 'uitgeschakeld'}.")
        return redirect(url_for("users"))

    return app
