"""Marking a misunderstood message, the list of marks, and their download as
example sentences for the bot's training data."""

from __future__ import annotations

from typing import Any

from flask import (
    Blueprint,
    Response,
    abort,
    flash,
    g,
    redirect,
    render_template,
    request,
    url_for,
)

from bot.review import labels, services
from bot.review.access import login_required, request_or_404, wiring

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


@blueprint.get("/correcties")
@login_required()
def index() -> Any:
    return render_template("corrections.html", corrections=services.corrections(g.uow))


@blueprint.get("/correcties/voorbeeldzinnen.yml")
@login_required()
def nlu_yaml() -> Any:
    return Response(
        services.corrections_yaml(g.uow),
        mimetype="application/x-yaml; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="voorbeeldzinnen.yml"'},
    )
