"""Coordinators' words for what the review app shows: the one mapping from the
bot's intent names to Dutch labels, and the transcript as the entrepreneur saw
it (button titles instead of payloads, the chosen option marked).

The intents come from domain.yml at run time; an intent without a label here is
shown by its name with a clear note (and tests/unit/test_review_labels.py fails).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

import yaml

from bot.intake.vocabulary import NEED_LABELS, need_intent

REPO_ROOT = Path(__file__).resolve().parents[2]

INTENT_LABELS: Dict[str, str] = {
    "affirm": "Ja / akkoord",
    "deny": "Nee / niet akkoord",
    "greet": "Begroeting",
    "goodbye": "Afscheid",
    "thank": "Bedankje",
    "inform": "Geeft informatie (antwoord op een vraag)",
    **{
        need_intent(code): f"Vraag: {label.lower()}"
        for code, label in NEED_LABELS.items()
    },
    "ask_capabilities": "Vraagt wat de bot kan",
    "ask_why": "Vraagt waarom de bot iets vraagt",
    "request_human": "Wil een mens spreken",
    "request_erasure": "Wil gegevens laten wissen",
    "stop": "Wil stoppen",
    "start_over": "Wil opnieuw beginnen",
    "ask_cost": "Vraagt wat het kost",
    "ask_time_cost": "Vraagt hoeveel tijd het kost",
    "ask_who_behind": "Vraagt wie erachter zit",
    "ask_privacy": "Vraagt naar privacy",
    "ask_when_contact": "Vraagt wanneer er contact komt",
    "bot_challenge": "Vraagt of dit een bot is",
    "out_of_scope": "Buiten het onderwerp",
    "nlu_fallback": "Niet begrepen",
}
MISSING_LABEL = "{name} (nog geen Nederlandse naam)"


def intent_label(name: Optional[str]) -> str:
    if not name:
        return "niets herkend"
    return INTENT_LABELS.get(name) or MISSING_LABEL.format(name=name)


def domain_intents(domain_file: Path = REPO_ROOT / "domain.yml") -> List[str]:
    domain = yaml.safe_load(domain_file.read_text(encoding="utf-8"))
    return sorted(domain["intents"])


def intent_choices(intents: Sequence[str]) -> List[Tuple[str, str]]:
    """(value, label) pairs for "Wat er bedoeld werd", in label order."""
    return sorted(((name, intent_label(name)) for name in intents), key=lambda p: p[1])


def _cards(message: Dict[str, Any]) -> List[str]:
    """Titles of the option cards a bot message carried (actions/option_cards.py)."""
    custom = message.get("custom") or {}
    payload = custom.get("data") if isinstance(custom, dict) else None
    if not isinstance(payload, dict):
        return []
    return [
        str(c.get("title"))
        for c in payload.get("options") or []
        if isinstance(c, dict) and c.get("title")
    ]


def _bot_choices(message: Dict[str, Any]) -> Dict[str, str]:
    """payload -> title of a bot message's buttons and option cards."""
    choices = {
        str(b.get("payload")): str(b.get("title"))
        for b in message.get("buttons") or []
        if isinstance(b, dict) and b.get("payload") is not None
    }
    custom = (message.get("custom") or {}).get("data") or {}
    if isinstance(custom, dict):
        for card in custom.get("options") or []:
            if isinstance(card, dict) and card.get("id"):
                choices.setdefault(
                    str(card["id"]), str(card.get("title") or card["id"])
                )
    return choices


def as_seen(
    turns: List[Dict[str, Any]], chosen_option: Optional[str] = None
) -> List[Dict[str, Any]]:
    """The transcript with, per bot turn, `cards` (titles of option cards it
    carried) and, per user turn, `shown` (the button title the
    entrepreneur pressed, else their text), `payload` (what was sent, when it was
    a button) and `chosen` (this turn chose the request's option)."""
    choices: Dict[str, str] = {}
    seen = []
    for turn in turns:
        turn = dict(turn)
        if turn["event"] == "bot":
            message = turn.get("message") or {}
            turn["cards"] = _cards(message)
            found = _bot_choices(message)
            if found:
                choices = found
        else:
            text = turn.get("text") or ""
            title = choices.get(text)
            turn["shown"] = title or text
            turn["payload"] = text if title else None
            turn["chosen"] = bool(chosen_option) and text == chosen_option
            choices = {}
        seen.append(turn)
    return seen
