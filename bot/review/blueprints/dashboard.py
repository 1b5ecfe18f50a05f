"""The dashboard: requests per week, need and channel, the funnel, fallbacks."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, g, render_template

from bot.review.access import login_required
from bot.review.dashboard import figures

blueprint = Blueprint("dashboard", __name__)


@blueprint.get("/dashboard")
@login_required()
def index() -> Any:
    return render_template("dashboard.html", f=figures(g.uow))
