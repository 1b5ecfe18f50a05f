"""The dashboard: requests per week, need and channel, the funnel, fallbacks."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, g, redirect, render_template, url_for

from bot.review import services
from bot.review.access import login_required
from bot.review.dashboard import figures

blueprint = Blueprint("dashboard", __name__)


@blueprint.get("/dashboard")
@login_required()
def index() -> Any:
    return render_template("dashboard.html", f=figures(g.uow))


@blueprint.post("/dashboard/e-mail/opnieuw")
@login_required(role="admin")
def retry_mails() -> Any:
    count = services.retry_failed_mails(g.uow)
    flash(f"{count} mislukte e-mail(s) worden opnieuw verstuurd.")
    return redirect(url_for("dashboard.index", _anchor="e-mail"))
