"""The stored requests as JSON lines or CSV, for the coordinators' own tools."""

from __future__ import annotations

import csv
import json
from datetime import datetime
from typing import Any, Dict, Iterable, List, TextIO

from bot.store.models import RefinedRequest

FIELDS = (
    "conversation_id",
    "channel",
    "created_at",
    "need_category",
    "original_question",
    "refined_question",
    "problem",
    "goal",
    "who",
    "tried",
    "company",
    "sector",
    "size",
    "region",
    "contact_name",
    "contact_email",
    "contact_phone",
    "options",
    "chosen_option",
    "status",
    "consent_at",
    "handoff_requested",
)
# The intake frame is part of the contract as strings, empty when unknown.
FRAME_FIELDS = ("problem", "goal", "who", "tried")
# Excel reads a CSV as UTF-8 only when it starts with a byte order mark.
BOM = "\ufeff"
# Excel and LibreOffice run a cell that starts with one of these as a formula
# (=HYPERLINK(...) in a company name); a leading apostrophe makes it text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else value


def row_of(request: RefinedRequest) -> Dict[str, Any]:
    """The exported fields of one request, JSON-ready; options as stored {id, title}."""
    row = {field: _plain(getattr(request, field)) for field in FIELDS}
    for field in FRAME_FIELDS:
        row[field] = row[field] or ""
    row["options"] = [
        {"id": option.get("id"), "title": option.get("title")}
        for option in request.options or []
    ]
    return row


def csv_row(row: Dict[str, Any]) -> List[str]:
    return [_csv_cell(row[field]) for field in FIELDS]


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return neutralised(str(value))


def neutralised(text: str) -> str:
    """The text as a spreadsheet shows it, never as a formula it runs."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def write_jsonl(requests: Iterable[RefinedRequest], out: TextIO) -> int:
    count = 0
    for request in requests:
        out.write(json.dumps(row_of(request), ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csv(requests: Iterable[RefinedRequest], out: TextIO) -> int:
    out.write(BOM)
    writer = csv.writer(out)
    writer.writerow(FIELDS)
    count = 0
    for request in requests:
        writer.writerow(csv_row(row_of(request)))
        count += 1
    return count


WRITERS = {"jsonl": write_jsonl, "csv": write_csv}
