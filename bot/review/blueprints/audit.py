"""The audit log for admins: every erasure and export, by whom and when."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, g, render_template

from bot.review import services
from bot.review.access import login_required

blueprint = Blueprint("audit", __name__)


@blueprint.get("/logboek")
@login_required(role="admin")
def index() -> Any:
    return render_template("audit.html", entries=services.audit_log(g.uow))
