"""Erase and export are admin rights, recorded in an audit log without personal
data (issue 23, finding 7)."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from bot.store.session import make_engine
from tests.review.conftest import (
    add_request,
    add_transcript,
    csrf_token,
    log_in,
    make_user,
)


def audit_rows(store):
    with make_engine(store).connect() as connection:
        query = sa.text("SELECT * FROM audit_log ORDER BY id")
        return [dict(row._mapping) for row in connection.execute(query)]


@pytest.fixture
def request_id(store):
    request_id = add_request(store, "web-geheim-1", company="Bakkerij Geheim")
    add_transcript(store, "web-geheim-1")
    return request_id


def test_a_coordinator_can_neither_erase_nor_export(client, store, request_id):
    make_user(store, "anna")
    log_in(client, "anna")
    page = client.get(f"/verzoeken/{request_id}").get_data(as_text=True)
    assert "Gesprek wissen" not in page and "Vraag een beheerder" in page
    assert "CSV-export" not in client.get("/verzoeken").get_data(as_text=True)
    assert client.get(f"/verzoeken/{request_id}/wissen").status_code == 403
    form = {"csrf_token": csrf_token(page), "bevestig": "web-geheim-1"}
    assert client.post(f"/verzoeken/{request_id}/wissen", data=form).status_code == 403
    assert client.get("/verzoeken/export.csv").status_code == 403
    assert client.get("/logboek").status_code == 403
    assert client.get(f"/verzoeken/{request_id}").status_code == 200  # not erased
    assert audit_rows(store) == []


def test_an_admins_erasure_and_export_are_in_the_audit_log(client, store, request_id):
    add_request(store, "web-ander", company="Garage Ander")
    make_user(store, "root", role="admin")
    log_in(client, "root")
    assert client.get("/verzoeken/export.csv").status_code == 200
    page = client.get(f"/verzoeken/{request_id}/wissen").get_data(as_text=True)
    form = {"csrf_token": csrf_token(page), "bevestig": "web-geheim-1"}
    assert client.post(f"/verzoeken/{request_id}/wissen", data=form).status_code == 302

    rows = audit_rows(store)
    assert [(row["action"], row["request_id"]) for row in rows] == [
        ("export", None), ("erase", request_id)
    ]
    assert rows[0]["rows"] == 2 and rows[1]["rows"] > 1
    stored = json.dumps(rows, default=str)
    for personal in ("web-geheim", "Geheim", "Garage", "monteurs"):
        assert personal not in stored
    log = client.get("/logboek").get_data(as_text=True)
    assert "gesprek gewist" in log and "verzoeken geëxporteerd" in log
    assert f"#{request_id}" in log and "root" in log
    assert "Logboek" in client.get("/verzoeken").get_data(as_text=True)
