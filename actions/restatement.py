"""The restated question: the Rasa side of bot/intake/writing.py.

Every connecting Dutch phrase comes from the `utter_restatement_phrases`
response in domain.yml; the entrepreneur's own words enter only through the
intake frame (bot/intake/frame.py: clean clauses in the second person) and
short normalised values (people, level, when).
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from typing import Any, Dict, Mapping, Optional

from actions import extraction, parsing
from bot.intake import deadlines, dutch, nouns, writing
from bot.intake import frame as intake_frame
from bot.intake.catalogue import GENERAL_PEOPLE
from bot.intake.frame import Frame

logger = logging.getLogger(__name__)

PHRASES_RESPONSE = "utter_restatement_phrases"
UNKNOWN = parsing.UNKNOWN
MAX_WHEN_WORDS = 5
FIRST_PERSON = re.compile(r"\b(?:ik|we|wij|mijn|m'n|ons|onze)\b", re.IGNORECASE)


def phrases(domain: Mapping[str, Any]) -> Dict[str, Any]:
    return domain["responses"][PHRASES_RESPONSE][0]["custom"]


def known(value: Any) -> Optional[str]:
    text = parsing.clean_text(value)
    return text if text and text.lower() != UNKNOWN else None


def number_in_words(count: int, words: Mapping[str, Any]) -> str:
    numbers = words["numbers"]
    return numbers[count] if 0 <= count < len(numbers) else str(count)


def restate(
    values: Mapping[str, Any], domain: Mapping[str, Any], said: str = ""
) -> str:
    """The problem as understood and the real question (bot/intake/writing.py),
    from the frame and the normalised constraints in `values`; `said`: what
    the entrepreneur typed, not to be pasted back."""
    words = phrases(domain)
    need = values.get("need_category") or "loket"
    frame = frame_of(values)
    topic = nouns.speakable(known(values.get("topic")) or "")
    if need == "onderwijs_invloed" and topic:
        # "hoe zorg je dat de opleiding {topic} beter aansluit": the course's
        # name, never "de opleiding de kappersopleiding"
        course = COURSE_TOPIC.match(topic) if names_a_course(topic) else None
        topic = (course.group("name") or course.group("bare") or "") if course else ""
    who = re.sub(r"^(?:jullie|je)\s+", "", frame.who)
    if topic and who and _same_people(topic, who):
        topic = ""  # "hoe leer je jullie chauffeurs meer over chauffeurs"
    people_only = PEOPLE_ONLY_GOAL.match(frame.goal)
    if (
        need == "talent"
        and who
        and people_only
        and _same_people(people_only["noun"], who)
    ):
        # "monteurs erbij": the people sought, said below as counted
        frame = replace(frame, goal="")
    level = _level_code(values.get("education_level"))
    when = known(values.get("time_horizon"))
    if need == "leven_lang_ontwikkelen" and len(frame.who.split()) == 1:
        # "kok" read from "kok niveau 3": the own people, as many ("je koks")
        bare = frame.who.lower()
        many = bare if bare in GROUPS else nouns.plural(nouns.singular(bare))
        frame = replace(frame, who=f"je {many}")
    details = {
        # Whose work it is, in the entrepreneur's terms ("je monteurs"),
        # except where the count makes the people sought ("twee monteurs").
        "people": frame.who
        if frame.who and need != "talent"
        else _people(need, values, words, who or topic)
        if not (need == "talent" and who)
        else _counted(who, values, words),
        "level": words["level"][level] if level in words["level"] else "",
        "when": _when(when, words),
        "topic": topic or "",
        "said": said,
    }
    try:
        return writing.restatement(frame, need, words, details)
    except Exception:  # noqa: BLE001 - the last line of defence, logged
        # a realiser bug must not lose the intake ("Er gaat iets mis" on
        # every answer after it): the need's own question, without the parse
        logger.exception("restatement failed; the need's question stands in")
        return writing.restatement(Frame(), need, words, {**details, "topic": ""})


def _same_people(words: str, who: str) -> bool:
    """Whether `words` end in the noun `who` ends in, one or many."""
    return nouns.singular(words.split()[-1]) == nouns.singular(who.split()[-1])


# A goal that names only the people sought: "monteurs erbij", "2 nieuwe lassers".
PEOPLE_ONLY_GOAL = re.compile(
    r"^(?:(?:\d+|meer|extra|nieuwe|jonge|een\s+paar)\s+)*(?P<noun>[\w'-]+)(?:\s+erbij)?$"
)
GROUPS = frozenset("personeel team ploeg staf garde bemanning mensen".split())
COURSE_TOPIC = re.compile(
    r"^(?:de\s+(?:opleiding\s+(?P<name>[\w-]+)|[\w-]+opleiding)|(?P<bare>[\w-]+))$"
)
PRONOUNS = frozenset("ze zij hij het dat dit die deze jullie wij we ons".split())


def names_a_course(topic: str) -> bool:
    """ "de opleiding autotechniek", "de kappersopleiding", "werktuigbouwkunde";
    not "ze", "andere afspraken" or a verb read as the course's name ("de
    opleiding stelt")."""
    course = COURSE_TOPIC.match(topic)
    if not course:
        return False
    name = course.group("name") or course.group("bare") or ""
    stem = name[:-1]
    verb_form = name.endswith("t") and any(
        infinitive in dutch.word_list()
        # stel-t: stellen; loop-t: lopen; leer-t: leren
        for infinitive in (
            stem + stem[-1:] + "en",
            re.sub(r"([aeou])\1", r"\1", stem) + "en",
        )
    )
    return name not in PRONOUNS and not verb_form


def frame_of(values: Mapping[str, Any]) -> Frame:
    """The intake frame held in the slots. A goal still in the entrepreneur's
    own words (a slot set before the frame reading) is read first, never pasted."""
    goal = known(values.get("desired_outcome")) or ""
    if FIRST_PERSON.search(goal):
        goal = intake_frame.read_answer(goal, "goal").goal
    return Frame(
        problem=known(values.get("problem")) or "",
        problem_lead=known(values.get("problem_lead")) or "",
        goal=goal,
        who=known(values.get("who")) or "",
        tried=known(values.get("tried_before")) or "",
    )


def _people(
    need: str, values: Mapping[str, Any], words: Mapping[str, Any], topic: Optional[str]
) -> str:
    count = parsing.parse_count(str(values.get("headcount") or ""))
    if need == "talent":
        plural = count != 1
        # "monteurs", "jonge jongens": people, not what they are for
        people_topic = topic and (
            extraction.PEOPLE_WANTED.fullmatch(topic.lower())
            or topic.split()[-1].lower() in GENERAL_PEOPLE
        )
        who = (
            topic if topic and people_topic else _default_people(values, words, plural)
        )
        if topic and not people_topic:
            who = words["people_for"].format(people=who, topic=topic)
        return (
            nouns.counted(number_in_words(count, words), count, who) if count else who
        )
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


def _counted(who: str, values: Mapping[str, Any], words: Mapping[str, Any]) -> str:
    """The people sought, counted as said and new unless they are students:
    "twee nieuwe monteurs", "een stagiair"."""
    one_word = len(who.split()) == 1
    if one_word and not intake_frame.STUDENT_PEOPLE.search(who):
        who = f"nieuwe {who}"  # "hoe vind je twee kaasmakers": not that they are new
    count = parsing.parse_count(str(values.get("headcount") or ""))
    if not count:
        last = who.split()[-1]
        # "hoe vind je stagiair": one of them, then "een stagiair"
        return f"een {who}" if one_word and nouns.singular(last) == last else who
    return nouns.counted(number_in_words(count, words), count, who)


def _when(when: Optional[str], words: Mapping[str, Any]) -> str:
    """The time to add to the question, as a deadline ("voor januari" for
    "vanaf januari")."""
    return deadlines.as_deadline(_when_said(when, words))


def _when_said(when: Optional[str], words: Mapping[str, Any]) -> str:
    """The time as said: a normalised one, or one as typed while it is short
    and sounds like a time ("voor het hoogseizoen", not "maakt nie uit")."""
    if not when:
        return ""
    # "dit voorjaar zou mooi zijn": the time, not the wish around it
    when = WISH_AFTER_TIME.sub("", when).strip(" ,")
    # "dit najaar, geen haast": the question carries the date
    when = when.removesuffix(", geen haast")
    if when.startswith("zo snel mogelijk, "):
        when = "zo snel mogelijk"  # the haste is the point; the date is stored
    elif re.search(r", in \w+$", when):
        when = when.rsplit(", ", 1)[1]  # "volgend schooljaar, in september"
    normalised = extraction.timeframe_from_answer(when.lower()) or when
    if normalised in words["timeframe"]:
        return str(words["timeframe"][normalised])
    typed_month = normalised.startswith("in ") and normalised[3:] in when.lower()
    if normalised != when and not typed_month:
        return normalised  # "dit najaar beginnen": dit najaar
    # "voor t stookseizoen. oktober": spoken "t" written out, two sentences one
    when = re.sub(r"\s*[.;]\s+", ", ", dutch.written(when))
    # "whenever, avondje per maand max": how much of their time, not when
    when = ", ".join(p for p in when.split(", ") if not OWN_TIME_PART.search(p))
    if len(when.split()) <= MAX_WHEN_WORDS and (
        parsing.TIME_WORDS.search(when) or parsing.TIME_PREPOSITIONS.search(when)
    ):
        # "paar maanden" said alone is a time from now: "binnen een paar maanden"
        bare = BARE_DURATION.fullmatch(when.strip())
        month = when.strip(" .!").lower()
        if month in extraction.MONTHS:
            return f"in {month}"  # "september" said alone
        return f"binnen een {bare.group(1)}" if bare else when
    return ""


OWN_TIME_PART = re.compile(
    r"\bper\s+(?:week|maand|dag|jaar|kwartaal)\b|\buurtjes?\b|\buur\b|\bdagde(?:el|len)\b",
    re.IGNORECASE,
)
WISH_AFTER_TIME = re.compile(
    r"\s*,?\s*(?:zou|zal|is|lijkt|dat|als)\b.*$|\s+(?:graag|liefst)\s*$"
    # "januari ofzo", "na de zomer hoor": chat after the time
    r"|\s*,?\s*(?:of\s*zo|ofzo|ongeveer|hoor|haha\w*)\s*$",
    re.IGNORECASE,
)
BARE_DURATION = re.compile(
    r"(?:een\s+)?(paar\s+(?:weken|maanden|jaar)|half\s+jaar|jaar)", re.IGNORECASE
)


def _level_code(value: Any) -> Optional[str]:
    level = parsing.normalise_education_level(str(value or ""))
    return level


def restatement_values(slots: Mapping[str, Any]) -> Dict[str, Any]:
    names = ("need_category", "topic", "headcount", "education_level", "contract_type",
             "time_horizon", "own_time", "desired_outcome", "company_name", "sector",
             "company_size", "region", "problem", "problem_lead", "who",
             "tried_before")  # fmt: skip
    return {name: slots.get(name) for name in names}
