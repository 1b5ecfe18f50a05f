"""The stored requests for the coordinators' own tools: JSON lines (the
contract, field names and codes as stored), and for Dutch Excel a CSV
(semicolons, UTF-8 with BOM) and an .xlsx workbook, both with Dutch headers,
Dutch labels instead of codes, the three options in three columns and the
times in Dutch local time."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any, BinaryIO, Callable, Dict, Iterable, List, Optional, TextIO
from zoneinfo import ZoneInfo

from bot.intake.catalogue import format_titles
from bot.intake.vocabulary import NEED_LABELS
from bot.store.models import NO_OPTION, RefinedRequest

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


def neutralised(text: str) -> str:
    """The text as a spreadsheet shows it, never as a formula it runs."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def write_jsonl(requests: Iterable[RefinedRequest], out: TextIO) -> int:
    count = 0
    for request in requests:
        out.write(json.dumps(row_of(request), ensure_ascii=False) + "\n")
        count += 1
    return count


# --- for Dutch Excel -----------------------------------------------------------

LOCAL = ZoneInfo("Europe/Amsterdam")
CHANNEL_LABELS = {"web": "Website", "telegram": "Telegram", "rest": "REST"}
NO_OPTION_LABEL = "Geen van de drie"
# Characters XML 1.0 (and so an .xlsx) cannot hold; text could bring them along.
XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
DATE_FORMAT = "dd-mm-yyyy hh:mm"  # Excel's code for 25-11-2026 11:05


@lru_cache(maxsize=1)
def sector_labels() -> Dict[str, str]:
    """The catalogue's sector names (data/catalogue.yml), read on first use."""
    from bot.intake.catalogue import load_catalogue

    return dict(load_catalogue().sector_labels)


def _label(text: Optional[str]) -> Optional[str]:
    return text[:1].upper() + text[1:] if text else text


def _local(moment: Optional[datetime]) -> Optional[datetime]:
    """Dutch local time without a zone: a spreadsheet cell has none."""
    return None if moment is None else moment.astimezone(LOCAL).replace(tzinfo=None)


def _option(request: RefinedRequest, index: int) -> Optional[str]:
    options = request.options or []
    return options[index].get("title") if index < len(options) else None


def _chosen(request: RefinedRequest) -> Optional[str]:
    chosen = request.chosen_option
    if not chosen:
        return None
    if chosen == NO_OPTION:
        return NO_OPTION_LABEL
    titles = {o.get("id"): o.get("title") for o in request.options or []}
    # a format named that was not among the three
    return titles.get(chosen) or format_titles().get(chosen) or chosen


def _sector(request: RefinedRequest) -> Optional[str]:
    return _label(sector_labels().get(request.sector or "", request.sector))


def _size(request: RefinedRequest) -> Any:
    size = request.size
    return int(size) if size and size.isdigit() and len(size) < 10 else size


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable[[RefinedRequest], Any]


DUTCH_COLUMNS = (
    Column("Nummer", lambda r: r.id),
    Column("Binnengekomen", lambda r: _local(r.created_at)),
    Column("Kanaal", lambda r: CHANNEL_LABELS.get(r.channel, r.channel)),
    Column("Behoefte", lambda r: NEED_LABELS.get(r.need_category, r.need_category)),
    Column("Status", lambda r: r.status),
    Column("Bedrijf", lambda r: r.company),
    Column("Sector", _sector),
    Column("Grootte", _size),
    Column("Regio", lambda r: r.region),
    Column("Oorspronkelijke vraag", lambda r: r.original_question),
    Column("Aangescherpte vraag", lambda r: r.refined_question),
    Column("Wat gaat er mis", lambda r: r.problem),
    Column("Wat moet er anders", lambda r: r.goal),
    Column("Om wie gaat het", lambda r: r.who),
    Column("Al geprobeerd", lambda r: r.tried),
    Column("Termijn", lambda r: (r.answers or {}).get("time_horizon")),
    Column("Optie 1", lambda r: _option(r, 0)),
    Column("Optie 2", lambda r: _option(r, 1)),
    Column("Optie 3", lambda r: _option(r, 2)),
    Column("Gekozen optie", _chosen),
    Column("Wil een medewerker spreken", lambda r: r.handoff_requested),
    Column("Contactpersoon", lambda r: r.contact_name),
    Column("E-mail", lambda r: r.contact_email),
    Column("Telefoon", lambda r: r.contact_phone),
    Column("Toestemming gegeven", lambda r: _local(r.consent_at)),
    Column("Gesprek", lambda r: r.conversation_id),
)
DUTCH_HEADERS = tuple(column.header for column in DUTCH_COLUMNS)


def dutch_values(request: RefinedRequest) -> List[Any]:
    """One request as typed cells: numbers, local times, yes/no, text."""
    return [column.value(request) for column in DUTCH_COLUMNS]


def _dutch_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, datetime):
        return value.strftime("%d-%m-%Y %H:%M")
    if isinstance(value, int):
        return str(value)
    return neutralised(str(value))


def write_dutch_csv(requests: Iterable[RefinedRequest], out: TextIO) -> int:
    """The CSV Dutch Excel opens in columns: `;`, UTF-8 with BOM."""
    out.write(BOM)
    writer = csv.writer(out, delimiter=";")
    writer.writerow(DUTCH_HEADERS)
    count = 0
    for request in requests:
        writer.writerow([_dutch_text(value) for value in dutch_values(request)])
        count += 1
    return count


def _xlsx_cell(value: Any) -> Any:
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, str):
        return neutralised(XML_ILLEGAL.sub("", value))
    return value


def write_xlsx(requests: Iterable[RefinedRequest], out: BinaryIO) -> int:
    """An .xlsx workbook: a bold, frozen header row, numbers as numbers, times
    as dates, text always as text (never a formula)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Verzoeken"
    sheet.append(DUTCH_HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    count = 0
    for count, request in enumerate(requests, start=1):
        for column, value in enumerate(dutch_values(request), start=1):
            cell = sheet.cell(row=count + 1, column=column)
            cell.value = _xlsx_cell(value)
            if isinstance(value, datetime):
                cell.number_format = DATE_FORMAT
            elif isinstance(cell.value, str):
                cell.data_type = "s"  # openpyxl reads "=..." as a formula
    for column, header in enumerate(DUTCH_HEADERS, start=1):
        letter = sheet.cell(row=1, column=column).column_letter
        sheet.column_dimensions[letter].width = max(12, min(len(header) + 4, 40))
    sheet.auto_filter.ref = sheet.dimensions
    workbook.save(out)
    return count


def _xlsx_to_text(requests: Iterable[RefinedRequest], out: TextIO) -> int:
    """`python -m bot export --format xlsx`: the workbook on stdout's bytes."""
    buffer = io.BytesIO()
    count = write_xlsx(requests, buffer)
    binary = getattr(out, "buffer", None)
    if binary is None:
        raise ValueError("an .xlsx needs a binary output")
    out.flush()
    binary.write(buffer.getvalue())
    binary.flush()
    return count


WRITERS = {"jsonl": write_jsonl, "csv": write_dutch_csv, "xlsx": _xlsx_to_text}
