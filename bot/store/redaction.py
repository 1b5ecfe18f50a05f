"""Masks personal numbers and addresses typed in free text before it is stored.

E-mail addresses, phone numbers (Dutch and international, with any dash or
space between the digits), IBANs (checked with mod 97), payment card numbers
(checked with Luhn), BSNs (checked with the 11-proef) and KvK numbers (any stand-alone
8-digit number: a date or amount written that way is masked too, which errs on
the side of privacy). Contact details belong in the contact slots and columns,
which are never redacted; everywhere else (what the entrepreneur typed, the
bot's restatement of it, the other slots) they are replaced by a placeholder.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Dict, Match, Pattern, Tuple

EMAIL = "[e-mailadres]"
PHONE = "[telefoonnummer]"
IBAN = "[iban]"
BSN = "[bsn]"
KVK = "[kvk-nummer]"
CARD = "[betaalkaart]"

# Where contact details belong: slots (Rasa) and columns (our store).
CONTACT_FIELDS = frozenset({"contact_name", "contact_email", "contact_phone"})

# Every pattern below runs in time linear in the text: each may only start
# where its token starts (a lookbehind) and every repetition is bounded, so no
# start position can make the engine scan or backtrack over the rest of the
# text (a 100 KB message once took 127 s). scripts/bench_redaction.py measures it.

# The dashes and spaces people (and their phones' keyboards) put in numbers;
# NFKC has already turned non-breaking and thin spaces into plain ones, but a
# bot message or slot may not have been normalised.
_DASHES = "\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"
_SPACES = " \t\u00a0\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_SEPARATOR = f"[{_DASHES}{_SPACES}]"

# RFC 5321's limits: 64 characters before the @, 63 per domain label.
_EMAIL = re.compile(
    r"(?<![\w.+'-])[\w.+'-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}", re.UNICODE
)
# Two letters, two check digits, then 11 to 30 letters or digits, maybe in groups.
_IBAN = re.compile(r"\b[A-Z]{2}[0-9]{2}(?:[ ]?[A-Z0-9]){11,30}\b", re.IGNORECASE)
# A Dutch IBAN is masked even with a typo in it (failing mod 97).
_DUTCH_IBAN = re.compile(r"NL[0-9]{2}[A-Z]{4}[0-9]{10}", re.IGNORECASE)
# 13 to 19 digits, maybe in groups: a payment card when the Luhn check passes.
_CARD = re.compile(rf"(?<![\w+])(?:[0-9]{_SEPARATOR}?){{12,18}}[0-9](?!\w)")
# A run of digits with the separators people type in phone numbers; +31/0031
# or a leading 0 is checked in `_phone`.
_PHONE = re.compile(
    rf"(?<![\w+])(?:\+|00)?\(?[0-9](?:[0-9().]|{_SEPARATOR}){{6,24}}[0-9](?!\w)"
)
_BSN = re.compile(r"(?<![\w.-])[0-9]{3}[ .]?[0-9]{3}[ .]?[0-9]{3}(?![\w]|[.-][0-9])")
_KVK = re.compile(r"(?<![\w.-])[0-9]{8}(?![\w]|[.-][0-9])")


def passes_luhn(digits: str) -> bool:
    """The Luhn check of payment card numbers (ISO/IEC 7812)."""
    if not digits.isdigit():
        return False
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def _card(match: Match[str]) -> str:
    digits = re.sub(r"[^0-9]", "", match.group(0))
    return CARD if 13 <= len(digits) <= 19 and passes_luhn(digits) else match.group(0)


def is_iban(text: str) -> bool:
    """Mod 97 of the rearranged number is 1 (ISO 13616); spaces are ignored."""
    compact = text.replace(" ", "").upper()
    if not 15 <= len(compact) <= 34 or not compact.isalnum():
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(char, 36)) for char in rearranged)) % 97 == 1


def _iban(match: Match[str]) -> str:
    # The pattern may have run on into the next word ("NL91ABNA0417164300 graag"):
    # the longest prefix ending at a word boundary that checks out is the IBAN.
    text = match.group(0)
    for end in range(len(text), 14, -1):
        if end < len(text) and text[end] != " ":
            continue
        candidate = text[:end]
        if is_iban(candidate) or _DUTCH_IBAN.fullmatch(candidate.replace(" ", "")):
            return IBAN + text[end:]
    return text


def _phone(match: Match[str]) -> str:
    text = match.group(0)
    digits = re.sub(r"[^0-9]", "", text)
    if text.startswith("+") or text.startswith("00"):
        international = digits[2:] if text.startswith("00") else digits
        dutch = international.startswith("31")
        if dutch:
            digits = "0" + international[2:].lstrip("0")
        elif 8 <= len(international) <= 15:
            return PHONE
    # Dutch numbers: ten digits, a 0 and then a non-zero area or mobile code.
    if len(digits) == 10 and digits[0] == "0" and digits[1] != "0":
        return PHONE
    return text


def is_bsn(digits: str) -> bool:
    """The 11-proef: 9·d1 + 8·d2 + … + 2·d8 − d9 is a non-zero multiple of 11."""
    if len(digits) != 9 or not digits.isdigit():
        return False
    total = sum(
        int(d) * weight for d, weight in zip(digits, range(9, 1, -1), strict=False)
    )
    total -= int(digits[8])
    return total % 11 == 0 and total != 0


def _bsn(match: Match[str]) -> str:
    digits = re.sub(r"[^0-9]", "", match.group(0))
    return BSN if is_bsn(digits) else match.group(0)


# Order matters: an e-mail can hold digits, an IBAN holds a KvK-length run.
_RULES: Tuple[Tuple[Pattern[str], Callable[[Match[str]], str]], ...] = (
    (_EMAIL, lambda match: EMAIL),
    (_IBAN, _iban),
    (_CARD, _card),
    (_PHONE, _phone),
    (_BSN, _bsn),
    (_KVK, lambda match: KVK),
)


# Full-width forms (U+FF01-FF5E) as their ASCII twins: what NFKC does to them,
# without NFKC's other changes to stored text (the Dutch "Ĳ" stays).
_FULL_WIDTH = {code: code - 0xFF01 + 0x21 for code in range(0xFF01, 0xFF5F)}


def redact(text: str) -> str:
    """`text` with every e-mail, phone, IBAN, card, BSN and KvK number masked;
    full-width letters and digits (＠, ０６…) are read as the ordinary ones."""
    text = text.translate(_FULL_WIDTH)
    for pattern, replace in _RULES:
        text = pattern.sub(replace, text)
    return text


def redact_value(value: Any) -> Any:
    """Strings redacted, lists and dicts walked; other values unchanged."""
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, list):
        return [redact_value(item) for item in value]
    if isinstance(value, dict):
        return {key: redact_value(item) for key, item in value.items()}
    return value


def redact_event(data: Dict[str, Any]) -> Dict[str, Any]:
    """`_redact_event`, plus the `metadata` any event may carry (what a client
    sent beside the text: REST `metadata`, the widget's)."""
    redacted = _redact_event(data)
    if data.get("metadata"):
        redacted = {**redacted, "metadata": redact_value(data["metadata"])}
    return redacted


def _redact_event(data: Dict[str, Any]) -> Dict[str, Any]:
    """A serialised Rasa event with the free text masked.

    User messages (text and the parse data: text, entity values, metadata), bot
    messages (text and every field of their data: buttons, quick replies,
    custom payloads such as the option cards with their reasons, attachments),
    slots other than the contact slots, the entities of `entities` and
    reminder events, and the `action_text` of an end-to-end action. Other
    events come back unchanged.
    """
    kind = data.get("event")
    if kind == "user":
        parse_data = dict(data.get("parse_data") or {})
        if "text" in parse_data:
            parse_data["text"] = redact_value(parse_data["text"])
        if "entities" in parse_data:
            parse_data["entities"] = [
                {**entity, "value": redact_value(entity.get("value"))}
                for entity in parse_data["entities"]
            ]
        if parse_data.get("metadata"):
            parse_data["metadata"] = redact_value(parse_data["metadata"])
        redacted = {**data, "text": redact_value(data.get("text"))}
        if "parse_data" in data:
            redacted["parse_data"] = parse_data
        return redacted
    if kind == "bot":
        redacted = {**data, "text": redact_value(data.get("text"))}
        if data.get("data"):
            redacted["data"] = redact_value(data["data"])
        return redacted
    if kind in ("entities", "reminder") and data.get("entities"):
        return {**data, "entities": redact_value(data["entities"])}
    if kind == "action" and data.get("action_text"):
        return {**data, "action_text": redact_value(data["action_text"])}
    if kind == "slot" and data.get("name") not in CONTACT_FIELDS:
        return {**data, "value": redact_value(data.get("value"))}
    return data
