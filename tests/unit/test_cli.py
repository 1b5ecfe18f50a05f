"""`python -m bot` as the coordinators run it, against a real SQLite file."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from bot.export import DUTCH_HEADERS
from bot.store.migrate import head_revision, upgrade
from bot.store.session import UnitOfWork, session_factory

ROOT = Path(__file__).resolve().parents[2]
FIELDS = ["conversation_id", "channel", "created_at", "need_category",
          "original_question", "refined_question", "problem", "goal", "who", "tried",
          "company", "sector", "size",
          "region", "contact_name", "contact_email", "contact_phone", "options",
          "chosen_option", "status", "consent_at", "handoff_requested"]  # fmt: skip
OPTIONS = [{"id": "stage", "title": "Stageplek in het mbo"},
           {"id": "bbl", "title": "Bbl-leerbaan"},
           {"id": "challenge", "title": "Studentenchallenge"}]  # fmt: skip
DUTCH = {"company": "Café Ëlsloo B.V.", "region": "Ĳsselstein",
         "refined_question": "Hoe vindt het café drie ĳverige monteurs?"}  # fmt: skip


def bot(database_url: str, *args: str) -> subprocess.CompletedProcess:
    env = {"DATABASE_URL": database_url, "PYTHONPATH": str(ROOT),
           "PATH": os.environ.get("PATH", "/usr/bin:/bin")}  # fmt: skip
    return subprocess.run([sys.executable, "-m", "bot", *args], cwd=ROOT, env=env,
                          capture_output=True, timeout=60)  # fmt: skip


@pytest.fixture
def seeded(tmp_path: Path) -> str:
    database_url = f"sqlite:///{tmp_path / 'seeded.db'}"
    upgrade(database_url)
    with UnitOfWork(session_factory(database_url)) as uow:
        uow.requests.upsert(
            "web-1", channel="web", need_category="talent",
            original_question="ik vind geen monteurs", options=OPTIONS,
            chosen_option="bbl", sector="installatie", size="8",
            contact_name="Piet Jansen", contact_email="piet@jansen.nl",
            consent_at="2026-11-25T10:00:00+00:00",
            answers={"headcount": "3"}, **DUTCH,
        )  # fmt: skip
        uow.requests.upsert("telegram-2", channel="telegram", need_category="loket",
                            options=OPTIONS, chosen_option="geen",
                            handoff_requested=True, status="opgevolgd")  # fmt: skip
        uow.commit()
    return database_url


def test_jsonl_has_exactly_the_contract_fields_newest_first(seeded):
    result = bot(seeded, "export", "--format", "jsonl")
    assert result.returncode == 0, result.stderr.decode()
    rows = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    assert [row["conversation_id"] for row in rows] == ["telegram-2", "web-1"]
    assert all(list(row) == FIELDS for row in rows)
    web = rows[1]
    assert web["options"] == OPTIONS
    assert web["chosen_option"] == "bbl" and web["status"] == "nieuw"
    assert web["size"] == "8" and web["handoff_requested"] is False
    assert {field: web[field] for field in DUTCH} == DUTCH
    assert "answers" not in web
    created = datetime.fromisoformat(web["created_at"])
    assert created.utcoffset() == timedelta(0)
    assert web["consent_at"] == "2026-11-25T10:00:00+00:00"
    assert rows[0]["handoff_requested"] is True and rows[0]["contact_name"] is None


def test_csv_has_a_bom_and_keeps_dutch_characters(seeded):
    result = bot(seeded, "export", "--format", "csv")
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.startswith(b"\xef\xbb\xbf")
    text = io.StringIO(result.stdout.decode("utf-8-sig"), newline="")
    reader = csv.DictReader(text, delimiter=";")
    assert reader.fieldnames == list(DUTCH_HEADERS)
    rows = {row["Gesprek"]: row for row in reader}
    web = rows["web-1"]
    assert (web["Bedrijf"], web["Regio"], web["Aangescherpte vraag"]) == (
        DUTCH["company"], DUTCH["region"], DUTCH["refined_question"])  # fmt: skip
    assert [web[f"Optie {n}"] for n in (1, 2, 3)] == [o["title"] for o in OPTIONS]
    assert web["Gekozen optie"] == "Bbl-leerbaan" and web["Behoefte"] == "Talent"
    assert web["Sector"] == "Installatietechniek"
    assert web["Toestemming gegeven"] == "25-11-2026 11:00"  # Amsterdam, not UTC
    assert web["Wil een medewerker spreken"] == "nee" and web["Telefoon"] == ""
    assert rows["telegram-2"]["Gekozen optie"] == "Geen van de drie"


def test_xlsx_export_reads_back_with_openpyxl(seeded):
    from openpyxl import load_workbook

    result = bot(seeded, "export", "--format", "xlsx")
    assert result.returncode == 0, result.stderr.decode()
    sheet = load_workbook(io.BytesIO(result.stdout)).active
    assert [cell.value for cell in sheet[1]] == list(DUTCH_HEADERS)
    assert sheet.freeze_panes == "A2" and sheet.max_row == 3
    web = {sheet.cell(1, c).value: sheet.cell(3, c).value
           for c in range(1, sheet.max_column + 1)}  # fmt: skip
    assert web["Gesprek"] == "web-1" and web["Grootte"] == 8
    assert web["Toestemming gegeven"] == datetime(2026, 11, 25, 11, 0)


@pytest.mark.parametrize("command", [["export", "--format", "csv"], ["stats"]])
def test_reading_a_database_that_does_not_exist_yet(tmp_path, command):
    missing = tmp_path / "var" / "nothing.db"
    result = bot(f"sqlite:///{missing}", *command)
    assert result.returncode == 0
    assert result.stdout == b""
    assert b"No database" in result.stderr
    assert not missing.exists()


def test_export_before_the_migrations_ran(tmp_path):
    empty = tmp_path / "empty.db"
    empty.touch()
    result = bot(f"sqlite:///{empty}", "export")
    assert result.returncode == 0 and result.stdout == b""
    assert b"python -m bot db upgrade" in result.stderr


def test_stats_counts_per_category_and_status(seeded):
    database_url = seeded
    with UnitOfWork(session_factory(database_url)) as uow:
        uow.requests.upsert("web-3", channel="web", need_category="talent")
        uow.commit()
    result = bot(database_url, "stats")
    assert result.returncode == 0, result.stderr.decode()
    table = [line.split() for line in result.stdout.decode().splitlines()]
    assert table[0] == ["need_category", "nieuw", "opgevolgd", "total"]
    assert ["talent", "2", "0", "2"] in table
    assert ["loket", "0", "1", "1"] in table
    assert table[-1] == ["total", "2", "1", "3"]


def test_db_upgrade_creates_the_schema_and_runs_twice(tmp_path):
    database_url = f"sqlite:///{tmp_path / 'new' / 'store.db'}"
    for _ in range(2):
        result = bot(database_url, "db", "upgrade")
        assert result.returncode == 0, result.stderr.decode()
        assert f"revision {head_revision()}".encode() in result.stdout
    assert bot(database_url, "export").stdout == b""
    assert bot(database_url, "stats").stdout.strip() == b"No requests stored yet."
