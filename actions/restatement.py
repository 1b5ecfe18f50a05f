"""The restated question, written from normalised values, never spliced.

Every Dutch phrase comes from the `utter_restatement_phrases` response in
domain.yml; this module only chooses and joins them. The entrepreneur's own
words enter only as short values (topic, company name, a goal of a few words).
"""

from __future__ import annotations

import re
from typing import Any, Dict, Mapping, Optional

from actions import extraction, parsing

PHRASES_RESPONSE = "utter_restatement_phrases"
REFINED_TEMPLATES = {
    "talent": "utter_refined_talent",
    "innovatie": "utter_refined_innovatie",
    "kennis_netwerk": "utter_refined_kennis_netwerk",
    "leven_lang_ontwikkelen": "utter_refined_leven_lang_ontwikkelen",
    "onderwijs_invloed": "utter_refined_onderwijs_invloed",
    "loket": "utter_refined_loket",
}
DIPLOMA_TEMPLATE = "utter_refined_leven_lang_ontwikkelen_diploma"
# Words of "Als ik het goed begrijp, is je eigenlijke vraag: … Klopt dat?"
FRAME_WORDS = 11
MAX_WORDS = 45
MAX_GOAL_WORDS = 6
UNKNOWN = parsing.UNKNOWN


def phrases(domain: Mapping[str, Any]) -> Dict[str, Any]:
    return domain["responses"][PHRASES_RESPONSE][0]["custom"]


def template(domain: Mapping[str, Any], response: str) -> str:
    return domain["responses"][response][0]["text"]


def known(value: Any) -> Optional[str]:
    text = parsing.clean_text(value)
    return text if text and text.lower() != UNKNOWN else None


def number_in_words(count: int, words: Mapping[str, Any]) -> str:
    numbers = words["numbers"]
    return numbers[count] if 0 <= count < len(numbers) else str(count)


def restate(values: Mapping[str, Any], domain: Mapping[str, Any]) -> str:
    """The refined question for the slots in `values`, capitalised, ≤ 35 words."""
    words = phrases(domain)
    need = values.get("need_category") or "loket"
    response = REFINED_TEMPLATES[need]
    if (
        need == "leven_lang_ontwikkelen"
        and "diploma" in str(values.get("topic") or "").lower()
    ):
        response = DIPLOMA_TEMPLATE  # "bijscholen in een diploma" is not Dutch
    question = _question(need, values, words, template(domain, response))
    extras = [
        _company(values, words, detail=2),
        _goal(need, values, words),
        _own_time(values, words),
    ]
    # Dropped in this order when the whole message would pass 45 words.
    for attempt in range(5):
        sentences = [question] + [s for s in extras if s]
        text = " ".join(sentences)
        if _word_count(text) + FRAME_WORDS <= MAX_WORDS:
            break
        if attempt == 0:
            extras[2] = None
        elif attempt == 1:
            extras[1] = None
        elif attempt == 2:
            extras[0] = _company(values, words, detail=1)
        else:
            extras[0] = _company(values, words, detail=0)
    text = re.sub(r"\s+([,.?])", r"\1", re.sub(r"\s+", " ", text)).strip()
    return text[:1].upper() + text[1:]


def _question(
    need: str, values: Mapping[str, Any], words: Mapping[str, Any], text: str
) -> str:
    topic = known(values.get("topic"))
    level = _level_code(values.get("education_level"))
    when = known(values.get("time_horizon"))
    pieces = {
        "people": _people(need, values, words, topic),
        "level": f" {words['level'][level]}" if level in words["level"] else "",
        "contract": "",
        "when": f", {words['timeframe'].get(when, when)}" if when else "",
        "topic": topic or words["topic_default"].get(need, ""),
        "about": f" {words['about'][need]} {topic}"
        if topic and need in words["about"]
        else "",
        "education": words["education"].get(level, words["education"]["default"]),
    }
    contract = known(values.get("contract_type"))
    topic_says_stage = "stag" in (topic or "").lower() or (
        contract == "stage"
        and not extraction.PEOPLE_WANTED.fullmatch((topic or "").lower())
    )
    if contract in words["contract"] and not topic_says_stage:
        pieces["contract"] = f" {words['contract'][contract]}"
    return text.format(**pieces)


def _people(
    need: str, values: Mapping[str, Any], words: Mapping[str, Any], topic: Optional[str]
) -> str:
    count = parsing.parse_count(str(values.get("headcount") or ""))
    if need == "talent":
        plural = count != 1
        people_topic = topic and extraction.PEOPLE_WANTED.fullmatch(topic.lower())
        who = (
            topic if topic and people_topic else _default_people(values, words, plural)
        )
        if topic and not people_topic:
            who = words["people_for"].format(people=who, topic=topic)
        if count == 1:
            return f"{words['one']} {who}"
        return f"{number_in_words(count, words)} {who}" if count else who
    if count:
        key = "staff_one" if count == 1 else "staff_count"
        return words[key].format(count=number_in_words(count, words))
    return words["staff_default"]


def _default_people(
    values: Mapping[str, Any], words: Mapping[str, Any], plural: bool
) -> str:
    contract = known(values.get("contract_type"))
    key = "stage" if contract == "stage" else "default"
    return words["people"][key][1 if plural else 0]


def _level_code(value: Any) -> Optional[str]:
    level = parsing.normalise_education_level(str(value or ""))
    return level


def _company(
    values: Mapping[str, Any], words: Mapping[str, Any], detail: int
) -> Optional[str]:
    name = known(values.get("company_name"))
    sector = parsing.normalise_sector(str(values.get("sector") or ""))
    free_sector = known(values.get("sector")) if not sector else None
    size = parsing.parse_count(str(values.get("company_size") or ""))
    region = known(values.get("region"))
    details = ""
    if detail and (sector or free_sector or size or region):
        details = words["a_company"]
        if sector and detail >= 2:
            sector_words = words["sector_names"].get(sector, sector.replace("_", " "))
            details += " " + words["sector"].format(sector=sector_words)
        elif (
            free_sector
            and detail >= 2
            and parsing.is_free_text(free_sector)
            and len(free_sector.split()) <= 3
        ):
            details += " " + words["free_sector"].format(sector=free_sector.lower())
        if size:
            key = "size_one" if size == 1 else "size"
            details += " " + words[key].format(size=number_in_words(size, words))
        if region:
            details += " " + words["region"].format(region=region)
    if name and details:
        return words["company_named"].format(company=name, details=details)
    if name:
        return words["company_name_only"].format(company=name)
    if details:
        return words["company_unnamed"].format(details=details)
    return None


def _goal(
    need: str, values: Mapping[str, Any], words: Mapping[str, Any]
) -> Optional[str]:
    if need == "talent":
        return None
    goal = known(values.get("desired_outcome"))
    if not goal or not parsing.is_free_text(goal):
        return None
    lowered = goal.lower()
    for keyword, phrase in words["goals"].items():
        if re.search(rf"\b{re.escape(keyword)}", lowered):
            return words["goal"].format(goal=phrase)
    goal_words = [words["possessives"].get(w, w) for w in lowered.split()]
    if len(goal_words) > MAX_GOAL_WORDS or goal_words[0] in ("ja", "nee", "weet"):
        return None
    topic = (known(values.get("topic")) or "").lower()
    if topic and topic == " ".join(goal_words):
        return None
    return words["goal"].format(goal=" ".join(goal_words))


def _own_time(values: Mapping[str, Any], words: Mapping[str, Any]) -> Optional[str]:
    own = known(values.get("own_time"))
    if not own:
        return None
    phrase = words["own_time_phrases"].get(own)
    if phrase is None:
        if not re.match(r"^(ongeveer|een|weinig|nauwelijks)\b", own.lower()):
            return None
        phrase = own.lower()
    return words["own_time"].format(own_time=phrase)


def _word_count(text: str) -> int:
    return len(text.split())


def restatement_values(slots: Mapping[str, Any]) -> Dict[str, Any]:
    names = ("need_category", "topic", "headcount", "education_level", "contract_type",
             "time_horizon", "own_time", "desired_outcome", "company_name", "sector",
             "company_size", "region")  # fmt: skip
    return {name: slots.get(name) for name in names}
