"""What every channel accepts from the outside, before Rasa or the store sees it.

REST (bot/channels/rest.py), socket.io (bot/channels/webchat.py) and Telegram
(bot/channels/telegram.py) check each incoming message here:

- a sender id and a message are text: a JSON string may hold a lone surrogate
  (``"\\ud800"``) that no database can store, so such a string is refused;
- a sender id has at most `MAX_SENDER_CHARS` characters, a message at most
  `MAX_MESSAGE_CHARS` (after normalising), metadata at most
  `MAX_METADATA_BYTES` as JSON;
- JSON is nested at most `MAX_JSON_DEPTH` levels: Python's parser gives up
  with a RecursionError near a thousand, and what it does parse would be walked
  recursively later (redaction, the store's serialisation);
- a message is normalised to NFKC (full-width digits and letters become the
  ordinary ones, so NLU and redaction see "0612345678" in "０６１２３４５６７８")
  and loses its control characters.

A message that fails gets an answer from the channel and never reaches Rasa:
REST answers a 400 for a malformed body; the chat channels answer in Dutch
(`UNREADABLE` here, since the domain may not be loaded when the channel must
refuse something; the domain's `utter_empty_message` and
`utter_message_too_long` for an empty or too long message).
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any, Optional

MAX_SENDER_CHARS = 128
MAX_MESSAGE_CHARS = 2000
MAX_METADATA_BYTES = 4096
MAX_JSON_DEPTH = 20

# The chat channels' sender ids: "web:<session id>", "telegram:<chat id>". A
# REST sender is the one posted, so it may not start with either.
WEB_PREFIX = "web:"
TELEGRAM_PREFIX = "telegram:"
OTHER_CHANNEL_PREFIXES = (WEB_PREFIX, TELEGRAM_PREFIX)

EMPTY_RESPONSE = "utter_empty_message"
TOO_LONG_RESPONSE = "utter_message_too_long"
# The one Dutch text that lives outside domain.yml: the answer to a chat
# message that is not text at all (a number, a list, broken Unicode), which the
# channel refuses before Rasa is involved.
UNREADABLE = (
    "Dit bericht kan ik niet lezen. Typ je vraag als gewone tekst, "
    "in maximaal 2000 tekens."
)

# C0 and C1 control characters except tab and newline, and the BOM.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff]")


class Refused(ValueError):
    """Input the channel does not pass on; the message says why (for a 400)."""


def is_text(value: Any) -> bool:
    """A str that UTF-8 can encode: no lone surrogates."""
    if not isinstance(value, str):
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def json_depth(value: Any) -> int:
    """How deeply lists and objects nest in `value` (a scalar: 0), iteratively."""
    deepest = 0
    pending = [(value, 1)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, depth)
        if deepest > MAX_JSON_DEPTH:
            return deepest
        pending.extend((child, depth + 1) for child in children)
    return deepest


def parse_json(body: bytes) -> Any:
    """The JSON document in `body`, or Refused (not UTF-8, not JSON, too deep)."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise Refused("body is not UTF-8") from None
    try:
        data = json.loads(text)
    except RecursionError:
        raise Refused(f"JSON nested deeper than {MAX_JSON_DEPTH} levels") from None
    except ValueError:
        raise Refused("body is not JSON") from None
    if json_depth(data) > MAX_JSON_DEPTH:
        raise Refused(f"JSON nested deeper than {MAX_JSON_DEPTH} levels")
    return data


def check_sender(sender: Any) -> str:
    if not isinstance(sender, str) or not sender.strip():
        raise Refused("'sender' must be a non-empty string")
    if not is_text(sender):
        raise Refused("'sender' is not valid Unicode text")
    if len(sender) > MAX_SENDER_CHARS:
        raise Refused(f"'sender' is longer than {MAX_SENDER_CHARS} characters")
    return sender


def check_metadata(metadata: Any) -> Optional[dict]:
    """`metadata` if it is None or a small JSON object of text, else Refused."""
    if metadata is None:
        return None
    if not isinstance(metadata, dict):
        raise Refused("'metadata' must be an object")
    if json_depth(metadata) > MAX_JSON_DEPTH:
        raise Refused(f"'metadata' nested deeper than {MAX_JSON_DEPTH} levels")
    try:
        size = len(json.dumps(metadata, ensure_ascii=False).encode("utf-8"))
    except (TypeError, ValueError, UnicodeEncodeError):
        raise Refused("'metadata' is not valid Unicode JSON") from None
    if size > MAX_METADATA_BYTES:
        raise Refused(f"'metadata' is larger than {MAX_METADATA_BYTES} bytes")
    return metadata


def normalise(text: str) -> str:
    """NFKC, without control characters, stripped."""
    return CONTROL_CHARACTERS.sub("", unicodedata.normalize("NFKC", text)).strip()


def message_problem(text: Any) -> Optional[str]:
    """Why a chat message cannot go to Rasa: a domain response name, `UNREADABLE`,
    or None when `normalise(text)` may go on."""
    if not is_text(text):
        return UNREADABLE
    if len(text) > 4 * MAX_MESSAGE_CHARS:
        # Compatibility normalisation hardly ever shrinks a text: no need to
        # normalise a megabyte to know it is too long.
        return TOO_LONG_RESPONSE
    cleaned = normalise(text)
    if not cleaned:
        return EMPTY_RESPONSE
    if len(cleaned) > MAX_MESSAGE_CHARS:
        return TOO_LONG_RESPONSE
    return None


def problem_text(domain: Any, problem: str) -> str:
    """What the user reads for `message_problem`'s answer."""
    responses = getattr(domain, "responses", None) or {}
    variations = responses.get(problem)
    return str(variations[0]["text"]) if variations else UNREADABLE
