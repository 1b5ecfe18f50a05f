"""Marking a misunderstood message, the list of marks, and their download as
example sentences for the bot's training data."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    url_for,
)

from bot import retrain
from bot.review import labels, services
from bot.review.access import login_required, request_or_404, wiring
from bot.review.corrections import examples_by_intent
from bot.settings import load_settings

blueprint = Blueprint("corrections", __name__)


@blueprint.post("/verzoeken/<int:request_id>/correctie")
@login_required()
def correct(request_id: int) -> Any:
    found = request_or_404(request_id)
    intent = request.form.get("intent", "")
    turn = services.user_turn(g.uow, found, request.form.get("bericht", type=int))
    if turn is None:
        abort(404)
    if intent not in wiring().intents:
        flash("Kies uit de lijst wat er bedoeld werd.", "fout")
    else:
        services.mark_message(g.uow, found, turn, intent, g.user)
        flash(f"Gemarkeerd: dit bericht hoort bij '{labels.intent_label(intent)}'.")
    return redirect(url_for("inbox.detail", request_id=request_id, _anchor="gesprek"))


def retrain_project() -> retrain.Project:
    """The model update's project: the app's setting (tests), else the environment."""
    project = current_app.config.get("RETRAIN_PROJECT")
    return project if project is not None else retrain.project_from_settings([])


@blueprint.get("/correcties")
@login_required()
def index() -> Any:
    corrections = services.corrections(g.uow)
    project = retrain_project()
    live = project.live_model
    return render_template(
        "corrections.html",
        corrections=corrections,
        update=retrain.read_status(project),
        examples=sum(len(e) for e in examples_by_intent(corrections).values()),
        live_since=(
            datetime.fromtimestamp(live.stat().st_mtime, timezone.utc)
            if live.exists()
            else None
        ),
        steps=retrain.STEPS,
    )


@blueprint.post("/correcties/bijwerken")
@login_required(role="admin")
def update_model() -> Any:
    database_url = (
        current_app.config.get("DATABASE_URL") or load_settings().database_url
    )
    if retrain.start_in_background(retrain_project(), database_url):
        flash("Bijwerken gestart. Dit duurt een paar minuten; de bot blijft werken.")
    else:
        flash("Er loopt al een update.", "fout")
    return redirect(url_for("corrections.index", _anchor="bijwerken"))


@blueprint.get("/correcties/voorbeeldzinnen.yml")
@login_required()
def nlu_yaml() -> Any:
    return Response(
        services.corrections_yaml(g.uow),
        mimetype="application/x-yaml; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="voorbeeldzinnen.yml"'},
    )
