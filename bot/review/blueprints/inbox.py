"""The inbox, a request with its transcript, working it, and erasing it."""

from __future__ import annotations

import functools
from typing import Any, Callable

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    url_for,
)

from bot.review import services, workflow
from bot.review.access import login_required, request_or_404, wiring
from bot.review.filters import inbox_filter, query_string, reversed_range

blueprint = Blueprint("inbox", __name__)


@blueprint.get("/")
def home() -> Any:
    return redirect(url_for("inbox.index"))


@blueprint.get("/verzoeken")
@login_required()
def index() -> Any:
    filters = inbox_filter(request.args)
    wanted = request.args.get("pagina", 1, type=int) or 1
    page = services.inbox_page(g.uow, filters, wanted)
    return render_template(
        "inbox.html",
        rows=page.rows,
        total=page.total,
        page=page.page,
        pages=page.pages,
        status_counts=page.status_counts,
        args=request.args,
        tags=page.tags,
        query_string=functools.partial(query_string, request.args),
        range_error=reversed_range(request.args),
    )


@blueprint.get("/verzoeken/<int:request_id>")
@login_required()
def detail(request_id: int) -> Any:
    found = request_or_404(request_id)
    return render_template(
        "request.html", **services.request_page(g.uow, found, wiring().intents)
    )


def change(request_id: int, step: services.Change, value: Any) -> Any:
    found = request_or_404(request_id)
    if step is workflow.change_status and value == found.status:
        # The menu opens on the current status: sent unchanged, nothing changes.
        flash(f"De status blijft '{value}'.")
        return redirect(url_for("inbox.detail", request_id=request_id))
    error = services.change_request(g.uow, found, step, value, g.user)
    if error:
        flash(error, "fout")
    else:
        flash("Opgeslagen.")
    return redirect(url_for("inbox.detail", request_id=request_id))


def form_change(endpoint: str, field: str, step: services.Change) -> Callable:
    """A POST view that applies the workflow `step` with the form's `field`."""

    def view(request_id: int) -> Any:
        return change(request_id, step, request.form.get(field, ""))

    view.__name__ = endpoint
    return login_required()(view)


for path, endpoint, field, step in (
    ("status", "set_status", "status", workflow.change_status),
    ("notitie", "add_note", "notitie", workflow.add_note),
    ("label", "add_tag", "label", workflow.add_tag),
    ("label/verwijderen", "remove_tag", "label", workflow.remove_tag),
):
    blueprint.add_url_rule(
        f"/verzoeken/<int:request_id>/{path}",
        endpoint,
        form_change(endpoint, field, step),
        methods=["POST"],
    )


@blueprint.post("/verzoeken/<int:request_id>/kern")
@login_required()
def edit_frame(request_id: int) -> Any:
    parts = {field: request.form.get(field, "") for field in workflow.FRAME_FIELDS}
    return change(request_id, workflow.edit_frame, parts)


@blueprint.post("/verzoeken/<int:request_id>/toewijzen")
@login_required()
def assign(request_id: int) -> Any:
    assignee_id = request.form.get("gebruiker", type=int)
    assignee = services.account(g.uow, assignee_id) if assignee_id else None
    if assignee_id and assignee is None:
        abort(404)
    return change(request_id, workflow.assign, assignee)


@blueprint.route("/verzoeken/<int:request_id>/wissen", methods=["GET", "POST"])
@login_required(role="admin")  # recorded in the audit log
def erase(request_id: int) -> Any:
    found = request_or_404(request_id)
    if request.method == "GET":
        return render_template("erase.html", r=found)
    if request.form.get("bevestig") != found.conversation_id:
        flash("Niet gewist: vink de bevestiging aan.", "fout")
        return redirect(url_for("inbox.erase", request_id=request_id))
    counts = services.erase_request(g.uow, found, g.user)
    current_app.logger.info(
        "AVG erasure of a conversation by %s: %s", g.user.username, counts
    )
    flash(f"Gewist: het verzoek en {counts['events']} gespreksgebeurtenissen.")
    return redirect(url_for("inbox.index"))
