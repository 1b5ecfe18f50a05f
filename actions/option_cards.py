"""The three pps options as cards: a custom payload for the website widget and
a compact text with inline buttons for Telegram.

Pure functions of the values `actions/options.py` already has per option, so
they can be tested without Rasa. The plain text of each option (the domain's
`utter_option` responses) stays what other clients read; the cards ride along in
`custom`. Rasa's socket.io channel emits a custom message as
``emit("bot_uttered", **custom)``, so the payload sits under ``"data"``: that is
what reaches the widget, and REST clients see it as ``custom.data``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Dict, List, Mapping, Optional, Sequence

CARDS_TYPE = "pps_options"
SUMMARY_MAX_CHARS = 140
# The first sentence: up to a full stop, question or exclamation mark that ends
# a word (not "o.a." or "bv.": those are followed by a lower-case letter).
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý0-9\"'(])")


@dataclass(frozen=True)
class TelegramOptions:
    """One message: the compact options text, and one inline button per option."""

    text: str
    buttons: List[Dict[str, str]]


def _text(value: Any) -> str:
    return " ".join(str(value or "").split()) if value is not None else ""


def summary_of(description: str) -> str:
    """The description's first sentence, shortened to one line on a phone."""
    flat = _text(description)
    first = _SENTENCE_END.split(flat, maxsplit=1)[0]
    if len(first) <= SUMMARY_MAX_CHARS:
        return first
    cut = first[: SUMMARY_MAX_CHARS - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def effort_of(option: Mapping[str, Any]) -> str:
    return "; ".join(
        p for p in (_text(option.get("hours")), _text(option.get("duration"))) if p
    )


def example_of(option: Mapping[str, Any]) -> str:
    name, text = _text(option.get("example_name")), _text(option.get("example_text"))
    if name and text:
        return f"{name}: {text}"
    return name or text


def option_values(ranked: Any) -> Dict[str, Any]:
    """The values present_option has, from a catalogue RankedOption."""
    pps_format = ranked.format
    return {
        "id": pps_format.id,
        "title": pps_format.title,
        "description": pps_format.description,
        "reason": ranked.reason,
        "hours": pps_format.hours,
        "duration": pps_format.duration,
        "cost": pps_format.cost,
        "example_name": pps_format.example_name,
        "example_text": pps_format.example_text,
    }


def option_card(option: Mapping[str, Any]) -> Dict[str, str]:
    """One card from {id, title, description, reason, hours, duration, cost,
    example_name, example_text} (as present_option has them)."""
    description = str(option.get("description") or "").strip()
    return {
        "id": _text(option["id"]),
        "title": _text(option["title"]),
        "summary": summary_of(description),
        "reason": _text(option.get("reason")),
        "effort": effort_of(option),
        "cost": _text(option.get("cost")),
        "details": description,
        "example": example_of(option),
    }


def options_custom(
    options: Sequence[Mapping[str, Any]], replaces: Optional[int] = None
) -> Dict[str, Any]:
    """The `custom` of one bot message carrying all option cards.

    `replaces` is how many bot messages just before it hold the same options as
    plain text (one per option by default): the widget shows the cards in their
    place, other clients keep reading the text.
    """
    cards = [option_card(option) for option in options]
    return {
        "data": {
            "type": CARDS_TYPE,
            "replaces": len(cards) if replaces is None else replaces,
            "options": cards,
        }
    }


def telegram_options(
    options: Sequence[Mapping[str, Any]], extra_buttons: Sequence[Dict[str, str]] = ()
) -> TelegramOptions:
    """Compact text (title, one line, why, effort and cost per option) and a
    button per option whose payload is the option id, then `extra_buttons`
    (the "geen van deze" button of choice_buttons)."""
    blocks = []
    buttons = []
    for number, option in enumerate(options, start=1):
        card = option_card(option)
        lines = [f"{number}. {card['title']}", card["summary"]]
        if card["reason"]:
            lines.append(f"Waarom: {card['reason']}")
        cost = "; ".join(p for p in (card["effort"], card["cost"]) if p)
        if cost:
            lines.append(f"Wat het van je vraagt: {cost}")
        blocks.append("\n".join(line for line in lines if line))
        buttons.append({"title": f"{number}. {card['title']}", "payload": card["id"]})
    buttons.extend(dict(button) for button in extra_buttons)
    return TelegramOptions(text="\n\n".join(blocks), buttons=buttons)
