"""The inbox's requests, as filtered, as a CSV or Excel download: an admin's
right, recorded in the audit log."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, g, request

from bot.review import dates, services
from bot.review.access import login_required
from bot.review.filters import inbox_filter

blueprint = Blueprint("export", __name__)


@blueprint.get("/verzoeken/export.csv")
@login_required(role="admin")
def inbox_csv() -> Any:
    name = f"verzoeken-{dates.today():%Y%m%d}.csv"
    return Response(
        services.inbox_csv(g.uow, inbox_filter(request.args), g.user),
        mimetype="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@blueprint.get("/verzoeken/export.xlsx")
@login_required(role="admin")
def inbox_xlsx() -> Any:
    name = f"verzoeken-{dates.today():%Y%m%d}.xlsx"
    return Response(
        services.inbox_xlsx(g.uow, inbox_filter(request.args), g.user),
        mimetype=XLSX,
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
