"""Logging in and out, one's own password, and the admin's account list."""

from __future__ import annotations

import time
from math import ceil
from typing import Any, Optional
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)

from bot.clients import address_key
from bot.review import services
from bot.review.access import login_required, unit_of_work, wiring
from bot.review.accounts import password_matches

blueprint = Blueprint("auth", __name__)


def client_key() -> str:
    """The login throttle's key for this client: its address (behind the
    trusted proxies, see create_app), an IPv6 address by its /64."""
    return address_key(request.remote_addr)


@blueprint.before_app_request
def end_sessions_past_their_lifetime() -> None:
    """A session ends REVIEW_SESSION_MAX_HOURS after its login, however active."""
    if "user_id" not in session:
        return
    started = session.get("login_at")
    max_s = current_app.config["REVIEW_SESSION_MAX_S"]
    if not isinstance(started, (int, float)) or time.time() - started > max_s:
        session.clear()


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
    return url_for("inbox.index")


def wait_text(seconds: int) -> str:
    if seconds < 60:
        return "1 seconde" if seconds == 1 else f"{seconds} seconden"
    minutes = ceil(seconds / 60)
    return "1 minuut" if minutes == 1 else f"{minutes} minuten"


def too_many_attempts(wait: int) -> str:
    return f"Te veel mislukte pogingen. Probeer het over {wait_text(wait)} opnieuw."


@blueprint.route("/inloggen", methods=["GET", "POST"])
def login() -> Any:
    if request.method == "GET":
        return render_template("login.html", next=request.args.get("next"))
    name = request.form.get("gebruiker", "")
    address = client_key()
    next_page = request.form.get("next")
    throttle = wiring().throttle
    wait = throttle.retry_after(name, address)
    if wait:
        page = render_template(
            "login.html", error=too_many_attempts(wait), next=next_page, username=name
        )
        return page, 429, {"Retry-After": str(wait)}
    with unit_of_work() as uow:
        user = services.log_in(uow, name, request.form.get("wachtwoord", ""))
        if user is None:
            throttle.failed(name, address)
            message = "Onbekende gebruiker of verkeerd wachtwoord."
            page = render_template(
                "login.html", error=message, next=next_page, username=name
            )
            return page, 401
        throttle.succeeded(name, address)
        session.clear()  # a fresh session: no fixation
        session.permanent = True
        session["user_id"] = user.id
        session["epoch"] = user.session_epoch
        session["login_at"] = int(time.time())
    return redirect(safe_next(next_page))


@blueprint.post("/uitloggen")
def logout() -> Any:
    with unit_of_work() as uow:
        # In every browser, not only this one.
        services.log_out(uow, session.get("user_id"), session.get("epoch"))
    session.clear()
    flash("U bent uitgelogd.")
    return redirect(url_for("auth.login"))


@blueprint.route("/wachtwoord", methods=["GET", "POST"])
@login_required()
def change_password() -> Any:
    if request.method == "GET":
        return render_template("password.html")
    address = client_key()
    throttle = wiring().throttle
    # A session left open must not become a way to guess the password.
    wait = throttle.retry_after(g.user.username, address)
    if wait:
        page = render_template("password.html", error=too_many_attempts(wait))
        return page, 429, {"Retry-After": str(wait)}
    if password_matches(g.user, request.form.get("huidig", "")):
        error = services.new_password(
            g.uow, g.user, request.form.get("nieuw", ""), request.form.get("herhaal")
        )
    else:
        throttle.failed(g.user.username, address)
        error = "Het huidige wachtwoord klopt niet."
    if error is None:
        session.clear()
        flash("Uw wachtwoord is gewijzigd. Log opnieuw in.")
        return redirect(url_for("auth.login"))
    return render_template("password.html", error=error), 400


@blueprint.route("/account", methods=["GET", "POST"])
@login_required()
def account() -> Any:
    """The coordinator's own page: how they hear of new requests."""
    if request.method == "GET":
        return render_template("account.html", choices=services.NOTIFY_CHOICES)
    error = services.set_notifications(
        g.uow,
        g.user,
        request.form.get("email", ""),
        request.form.get("melding", ""),
        request.form.get("tijd", ""),
    )
    if error is not None:
        g.uow.rollback()
        page = render_template(
            "account.html", choices=services.NOTIFY_CHOICES, error=error
        )
        return page, 400
    flash("Uw instellingen zijn opgeslagen.")
    return redirect(url_for("auth.account"))


@blueprint.get("/gebruikers")
@login_required(role="admin")
def users() -> Any:
    return render_template(
        "users.html", users=services.accounts(g.uow), roles=services.ROLE_LABELS
    )


@blueprint.post("/gebruikers")
@login_required(role="admin")
def add_user() -> Any:
    name = request.form.get("naam", "")
    error = services.add_account(
        g.uow, name, request.form.get("wachtwoord", ""), request.form.get("rol", "")
    )
    if error:
        flash(error, "fout")
    else:
        flash(f"Account '{name.strip()}' aangemaakt. Geef het wachtwoord zelf door.")
    return redirect(url_for("auth.users"))


@blueprint.post("/gebruikers/<int:user_id>/wachtwoord")
@login_required(role="admin")
def reset_password(user_id: int) -> Any:
    user = services.account(g.uow, user_id)
    if user is None:
        abort(404)
    error = services.reset_password(g.uow, user, request.form.get("wachtwoord", ""))
    if error:
        flash(error, "fout")
    else:
        flash(f"{user.username} heeft een nieuw wachtwoord en is overal uitgelogd.")
    return redirect(url_for("auth.users"))


@blueprint.post("/gebruikers/<int:user_id>/actief")
@login_required(role="admin")
def set_user_active(user_id: int) -> Any:
    user = services.account(g.uow, user_id)
    if user is None:
        abort(404)
    if user.id == g.user.id:
        flash("U kunt uw eigen account niet uitschakelen.", "fout")
    else:
        services.set_account_active(g.uow, user, request.form.get("actief") == "1")
        flash(f"{user.username}: {'actief' if user.active else 'uitgeschakeld'}.")
    return redirect(url_for("auth.users"))
