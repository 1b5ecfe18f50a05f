"""The intake form's answers as a table: per slot, how its answer is read and
which response asks again when it cannot be read.

A reader takes the answer's text and the tracker and returns the slot's value,
or None when the text does not answer the question. ValidateIntakeForm turns
each row into its `validate_<slot>` method (actions/intake.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable, Dict, List, Optional, Text

from rasa_sdk import Tracker

from actions import extraction, parsing
from bot.intake import dutch
from bot.intake.frame import names_people
from bot.intake.places import find_place

MAX_ANSWERS_PER_QUESTION = 2
# Intents that interrupt a form (the `not_intent` lists in domain.yml): the
# form lets them through to their rules. `start_over` is the NLU's start-over
# (Rasa's own `restart` would act before any rule could ask first); the ask_*
# intents are the questions on the side (actions/side_questions.py).
INTERRUPTIONS = ("ask_why", "ask_capabilities", "request_human", "request_erasure",
                 "stop", "restart", "start_over", "bot_challenge", "out_of_scope",
                 "ask_cost", "ask_time_cost", "ask_who_behind", "ask_privacy",
                 "ask_when_contact")  # fmt: skip
# A company-name answer that also names its place: "Bakkerij Jansen uit Ede".
NAME_THEN_PLACE = re.compile(r",|\s(?:in|uit|te|bij)\s", re.IGNORECASE)
# "maakt niet uit" to the level question is an answer, not a miss.
LEVEL_UNKNOWN = (
    "maakt niet uit",
    "weet ik niet",
    "weet niet",  # "weet niet, daarom vraag ik het juist"
    "geen idee",
    "gemengd",
    "maakt niks uit",
    # "nvt": no people to be schooled, so no level (held-out 30th: asked twice)
    "nvt",
    "n.v.t",
    "niet van toepassing",
)
# Said beside two levels, it leaves the level open ("mbo of hbo, maakt niet
# uit" takes either: both are stored).
UNSURE_OF_LEVEL = re.compile(
    # "weet ik dus niet, dat is juist de vraag" (held-out 39th: asked twice)
    r"\bweet\s+(?:ik\s+)?(?:(?:het|dus|echt|eigenlijk|ook|nog|gewoon)\s+){0,2}niet\b"
    r"|\bgeen\s+idee\b"
    rf"|{parsing.ANY_LEVEL.pattern}"
)
# ... that the people have learnt their trade without a school
LEVEL_NONE = (
    "geen papieren",
    "geen diploma",
    "zonder diploma",
    "geen opleiding",
    "ongeschoold",
    "in de praktijk geleerd",
    "op de werkvloer geleerd",
)
# ... and other ways to say that any level will do
LEVEL_ANY = (
    "boeit me nie",
    "boeit niet",
    "maakt me niet uit",
    "maakt me niks uit",
    "maakt mij niet uit",
    "maakt mij niks uit",
    "maakt ons niet uit",
    "maakt niet zo",
    "om het even",
    "niet schelen",
)
MAX_WORDS_OF_FREE_ANSWER = 6
MAX_WORDS_OF_FREE_SECTOR = 4
MAX_WORDS_OF_REGION = 4
MAX_COMPANY_SIZE = 100_000
REGION_PREFIXES = (
    "in ",
    "op ",
    "regio ",
    "de regio ",
    "uit ",
    "bij ",
    "we zitten in ",
    "te ",
)


@dataclass(frozen=True)
class Answer:
    read: Callable[[str, Tracker], Optional[str]]
    reask: Text  # the response that asks again
    # read after its last self-correction (as_corrected); the name answer
    # holds name, place and size, and the time answer also how much time
    # they have: those weigh their corrections per part
    corrects: bool = True


def messages_to(tracker: Tracker, slot: Optional[Text]) -> List[Dict[Text, Any]]:
    """The user events of this conversation (since its last restart or new
    session) sent while the question for `slot` was open (None: no question,
    as for the opening)."""
    requested = None
    messages: List[Dict[Text, Any]] = []
    for event in tracker.events:
        kind = event.get("event")
        if kind == "slot" and event.get("name") == "requested_slot":
            requested = event.get("value")
        elif kind in ("restart", "session_started", "reset_slots"):
            requested, messages = None, []
        elif kind == "user" and requested == slot:
            messages.append(event)
    return messages


def answers_to(tracker: Tracker, slot: Text) -> int:
    """How many messages answered the question for `slot` (interruptions aside)."""
    return sum(
        1
        for event in messages_to(tracker, slot)
        if ((event.get("parse_data") or {}).get("intent") or {}).get("name")
        not in INTERRUPTIONS
        or slot in ("company_name", "topic")
    )


# "weet ik niet" to any form question: unknown, taken at once (issue 22).
UNSURE_PART = re.compile(
    r"(?:nee\s+)?(?:ik\s+)?(?:weet\s+(?:ik\s+)?(?:het\s+)?(?:nog\s+|echt\s+)?niet(?:\s+precies)?"
    r"|geen\s+(?:flauw\s+)?idee|geen\s+benul|onbekend)(?:\s+eigenlijk|\s+nog)?"
)


def is_unsure(text: str) -> bool:
    """Whether the whole answer says the entrepreneur does not know, beside
    any question of theirs ("hoe bedoel je?, weet ik niet. wat leert zo'n
    student eigenlijk?")."""
    unasked = ASKED_BACK.sub(" ", text).strip(" ,.")
    lowered = parsing.clean_text(unasked or text).lower()
    parts = [p for p in re.split(r"\s*[,;]\s*|\s+(?:en|of)\s+", lowered) if p]
    return bool(parts) and all(UNSURE_PART.fullmatch(part) for part in parts)


def starts_unsure(text: str) -> bool:
    """Whether the answer's first sentence says the entrepreneur does not
    know ("weet ik echt niet. ze hebben van alles, lts, mavo")."""
    first = re.split(r"[.!?]", parsing.clean_text(text).lower(), maxsplit=1)[0]
    return bool(UNSURE_PART.fullmatch(first.strip(" ,")))


def says_unsure(text: str) -> bool:
    """Whether the answer says "weet ik niet", whole or in its first sentence."""
    return is_unsure(text) or starts_unsure(text)


def answered_unsure(tracker: Tracker, slot: Text) -> bool:
    """Whether a message answering the question for `slot` said "weet ik niet"."""
    return any(
        says_unsure(event.get("text") or "") for event in messages_to(tracker, slot)
    )


def asked(tracker: Tracker, slot: Text) -> bool:
    """Whether the message answers this slot's own question; a value for
    another slot was already read from a free message by the extraction."""
    return tracker.get_slot("requested_slot") == slot


def _free(text: str, max_words: int) -> Optional[str]:
    # "eh, liefst dit voorjaar": stored without "eh,"
    text = LEADING_FILLER.sub("", text)
    if parsing.is_free_text(text) and len(text.split()) <= max_words:
        return text.lower()
    return None


# Dutch writes no letter three times in a row: "binnnen" is a typo.
TRIPLED = re.compile(r"([a-z])\1{2,}", re.IGNORECASE)
LEADING_FILLER = re.compile(
    r"^\W*(?:(?:eh|euh|ehm|uh|uhm|hmm|nou|tja|oh)\b[\s,.!]*)+", re.IGNORECASE
)


def read_education_level(text: str, tracker: Tracker) -> Optional[str]:
    level = extraction.level_said(text)
    lowered = dutch.written(text).lower()  # "maakt nie uit"
    # "mbo of hbo, weet ik eigenlijk niet": two levels said unsure leave it
    # open, as does one guessed beside not knowing ("geen idee, hbo?", "eh
    # hbo? weet niet precies") or named only in a question back ("geen idee.
    # wat is het verschil tussen mbo 2 en 3?", held-out 40th)
    not_knowing = UNSURE_OF_LEVEL.search(lowered)
    asked_only = not parsing.normalise_education_level(QUESTION_BACK.sub(" ", text))
    open_choice = (
        level
        and not_knowing
        and ("/" in level or LEVEL_GUESSED.search(lowered) or asked_only)
    )
    if level and not open_choice:
        return level
    if any(words in lowered for words in LEVEL_NONE):
        return "geen diploma"  # "geen papieren, vak in de praktijk geleerd"
    if any(words in lowered for words in LEVEL_ANY):
        return "maakt niet uit"  # "boeit me nie, als ze maar verstand hebben"
    # "weet ik niet, wat is handig?": the phrase, not the message around it
    unknown = next((words for words in LEVEL_UNKNOWN if words in lowered), None)
    return unknown or ("weet ik niet" if open_choice or not_knowing else None)


# "wat is eigenlijk het verschil tussen mbo 2 en 3?": a question of their own
# ("hbo denk ik voor zoiets?" is an answer)
QUESTION_BACK = re.compile(
    r"(?:^|(?<=[.!?]))\s*(?:en\s+|maar\s+)?(?:wat|welk\w*|hoe|wie|waar\w*|wanneer"
    r"|is|zijn|kan|kun|moet|mag)\b[^.!?]*\?",
    re.IGNORECASE,
)
# "hbo misschien", "hbo?": a level guessed ("hbo denk ik" is a level said)
LEVEL_GUESSED = re.compile(
    r"\b(?:mbo|hbo|wo)\b(?:\s*\?|\s+misschien\b|\s+ofzo\b)"
    r"|\bmisschien\s+(?:\w+\s+)?(?:mbo|hbo|wo)\b"
)


def read_headcount(text: str, tracker: Tracker) -> Optional[str]:
    if not asked(tracker, "headcount"):
        return text  # normalised by the extraction
    # "11 vast, in de winter een man of 40, mbo denk ik": the company's
    # people, not those sought
    if STAFF_SAID.search(text):
        return None
    count = extraction.headcount(text.lower()) or _count_of_people(text)
    return None if count is None else str(count)


STAFF_SAID = re.compile(
    r"^\W*(?:we\s+zijn\s+(?:met\s+)?)?\d+\s+(?:vast|vaste\s+\w+|in\s+dienst)\b"
    # ("we zijn met 11 vast, ik zoek er 2 bij": the 2 are sought)
    r"(?![^.!?]*\b(?:extra|nodig|zoek|zoeken|er\s+\d+\s+bij)\b)",
    re.IGNORECASE,
)


# "12 man", "5 jongens": staff and people words a count of people ends in
PEOPLE_COUNTED = re.compile(
    rf"^(?:{extraction.STAFF}|personen|jongens|meiden|dames|mannen|vrouwen)$"
)


def _people(noun: dutch.Word) -> bool:
    return bool(PEOPLE_COUNTED.match(noun.lower)) or names_people(noun)


def _count_of_people(text: str) -> Optional[int]:
    """ "gaat om 140 machines, 6 monteurs": the count of people, not of the
    machines; the first count where none is said of people ("één
    afstudeerder", "2 of 3")."""
    words = dutch.words_of(text)
    counted = [
        (parsing.parse_count(word.text), after)
        for word, after in zip(words, words[1:], strict=False)
        if word.pos == "NUM" and after.pos == "NOUN"
    ]
    people = [count for count, noun in counted if count and _people(noun)]
    if people:
        return people[0]
    return parsing.parse_count(text)


# "nee wacht, ik zei 8 maar met kantoor erbij zijn we met 11": the count
# taken back
TAKEN_BACK = re.compile(r"\bik\s+zei\s+\d+\s*(?:,|maar\b)?", re.IGNORECASE)


def read_company_size(text: str, tracker: Tracker) -> Optional[str]:
    # "9. O nee, 10 sinds deze maand": the count they end on
    corrected = TAKEN_BACK.sub(" ", extraction.as_corrected(text))
    count = extraction.size_answered(text.lower()) or parsing.parse_count(corrected)
    if count is None or not 1 <= int(count) <= MAX_COMPANY_SIZE:
        return None
    return str(count)


def read_sector(text: str, tracker: Tracker) -> Optional[str]:
    code = parsing.normalise_sector(text)
    if code:
        return code
    # Not in the list, but clearly a branch after the second ask: their words,
    # without the size said with it ("taxi, 40 chauffeurs").
    free = _free(SIZE_SAID_WITH.split(text)[0].strip(), MAX_WORDS_OF_FREE_SECTOR)
    if answers_to(tracker, "sector") >= MAX_ANSWERS_PER_QUESTION and free:
        # "Jan de Vries", "we zitten in enschede": a name or a place, no branch
        if parsing.is_person_name(text) or extraction.region(text):
            return None
        return free
    return None


SIZE_SAID_WITH = re.compile(r"[,;(]|\s+(?:met|en)\s+(?=\d)|\s*\d")


def read_company_name(text: str, tracker: Tracker) -> Optional[str]:
    if not asked(tracker, "company_name"):
        return text  # introduced as a name in a free message
    return name_part(text)


def name_part(answer: str) -> Optional[str]:
    """The name in an answer to the company question ("Stapje kinderschoenen"
    of "Stapje kinderschoenen, amersfoort, 7")."""
    place = extraction.region(answer) if NAME_THEN_PLACE.search(answer) else None
    return extraction.name_from_answer(answer, place)


# "houten bedoel ik", "Wormerveer, daar zit de hoofdvestiging", "rotterdam.
# wat kost dit eigenlijk?": the place is the answer's first part.
PLACE_AFTERWORDS = re.compile(
    r"\s+(?:bedoel\s+ik|eigenlijk|denk\s+ik|geloof\s+ik|hoor)\s*$", re.I
)


def read_region(text: str, tracker: Tracker) -> Optional[str]:
    found = extraction.region(text)
    if found:
        return found
    first_part = PLACE_AFTERWORDS.sub("", re.split(r"[,.;!?]", text)[0]).strip()
    if first_part and first_part != text:
        found = read_region(first_part, tracker)
        if found:
            return found
    region = text
    for prefix in REGION_PREFIXES:
        if region.lower().startswith(prefix):
            region = region[len(prefix) :]
    # The answer to "in welke plaats?": a Dutch place, also lower case or with
    # a typo ("zwole" is Zwolle); a place that is also a word only in a short
    # answer, where it is the place ("apeldoorn en de dorpen eromheen" is
    # Apeldoorn, "best" alone is Best).
    short = len(region.split()) <= MAX_WORDS_OF_REGION
    place = find_place(region, answering=short) if asked(tracker, "region") else None
    if place:
        return place.name
    if not parsing.is_free_text(region) or len(region.split()) > MAX_WORDS_OF_REGION:
        return None
    return region[:1].upper() + region[1:]


# "henk stopt volgend jaar juni, dus liefst dit najaar al iemand": the wish
# follows "dus"; "in het voorjaar, dan maken ze het lesprogramma voor volgend
# jaar": the answer comes before the why.
WISH_AFTER = re.compile(r",?\s+dus\s+")
ASKED_BACK = extraction.ASKED_BACK
WHY_AFTER = re.compile(r",\s*(?:dan|want|omdat)\s+")
NOT_WHEN = re.compile(
    r"\b(?:niet|behalve)\s+(?:in|voor|rond|tijdens)\s+(?:de\s+|het\s+)?\w+", re.I
)


def opening_time(tracker: Optional[Tracker]) -> Optional[str]:
    """The time the opening named ("voor de zomer"), which the time question
    checks rather than takes."""
    opening = tracker.get_slot("original_question") if tracker else None
    return extraction.timeframe(opening.lower()) if opening else None


def read_time_horizon(text: str, tracker: Tracker) -> Optional[str]:
    said = opening_time(tracker)
    if (
        said
        and parsing.yes_or_no_first(text) is True
        and not extraction.timeframe_from_answer(text.lower())
    ):
        return said  # "ja" to "Je noemde voor de zomer: is dat ook wanneer ...?"
    corrected = extraction.as_corrected(text)
    later = extraction.timeframe_from_answer(corrected.lower())
    # ("voor 1 maart, nee 1 februari al": the whole keeps its "voor")
    whole = extraction.timeframe_from_answer(text.lower()) or ""
    if later and not (whole.startswith("voor ") and later.startswith("in ")):
        # "september, nee oktober"; not "volgend najaar, een middag per week,
        # nou ja, in de oogst minder", which corrects the time they have
        text = corrected
    text = TRIPLED.sub(r"\1\1", text)  # "binnnen 3 maanden"
    # "..., tijd heb ik wel een beetje in de winter", "voor het
    # festivalseizoen, in de winter een middag per maand": when they have
    # time, not when it should be arranged; "niet in december": not when
    unowned = [
        p
        for p in re.split(r"(?<=[,.!?])\s+", NOT_WHEN.sub(" ", text))
        if not HAVE_TIME.search(p) and not extraction.own_time(p.lower())
    ]
    text = " ".join(unowned) if unowned else text
    lowered = text.lower()
    parts = [WISH_AFTER.split(lowered)[-1]] if WISH_AFTER.search(lowered) else []
    # "voor het vaarseizoen, april, weinig. in de winter is het rustiger",
    # "september?, we zijn vooral in de winter druk": the first sentence says
    # when; a later one says more of the business
    first = WHY_AFTER.split(FIRST_SENTENCE.split(lowered)[0])[0]
    # ("geen haast. dit jaar nog", "zsm!! voor het trouwseizoen": the date
    # after a word of hurry is the answer)
    if first != lowered and extraction.timeframe_from_answer(first) not in HURRY:
        parts.append(first)
    # "zo snel mogelijk. beginnen stages niet altijd in september?": asked back
    unasked = ASKED_BACK.sub(" ", lowered).strip()
    parts += [unasked] if unasked and unasked != lowered else []
    parts += [WHY_AFTER.split(lowered)[0], lowered]
    for part in dict.fromkeys(parts):
        found = extraction.timeframe_from_answer(part)
        if found:
            return found
    if not parsing.TIME_WORDS.search(lowered) and (
        extraction.company_size(lowered) or extraction.headcount(lowered)
    ):
        return None  # "we zijn met 13 man": a size (the extraction keeps it)
    # "het liefst in het voorjaarssemester, als dat nog kan": a time of their
    # own words first, then more
    # ("voor de kerstdrukte zou mooi zijn maar mag ook later", held-out 40th)
    first_part = WISHED.sub("", PART_OR_WISH.split(text.strip())[0])
    if first_part != text and parsing.TIME_PREPOSITIONS.match(first_part):
        return _free(first_part, MAX_WORDS_OF_FREE_ANSWER) or _free(
            text, MAX_WORDS_OF_FREE_ANSWER
        )
    return _free(text, MAX_WORDS_OF_FREE_ANSWER)


WISHED = re.compile(r"^(?:het\s+)?(?:liefst|graag|het\s+mooiste)\s+", re.IGNORECASE)
PART_OR_WISH = re.compile(r"\s*[,.;]\s+|\s+(?=(?:zou|maar)\s)", re.IGNORECASE)


FIRST_SENTENCE = extraction.FIRST_SENTENCE
HAVE_TIME = re.compile(
    r"\btijd\s+(?:heb|hebben)\s+(?:ik|we|wij)\b|\b(?:heb|hebben)\s+(?:ik|we|wij)\s+"
    r"(?:\w+\s+){0,2}?tijd\b"
    # "in de winter zat tijd"
    r"|\b(?:zat|genoeg|veel|weinig|geen|meer|minder)\s+tijd\b",
    re.IGNORECASE,
)
HURRY = ("zo snel mogelijk", "geen haast")


def own_time_beside_the_time(text: str) -> Optional[str]:
    """ "voor het vaarseizoen, april, weinig": to the question for when and
    how much time, a short part that names no date but how much ("weinig",
    "niet veel", "middagje hier en daar") is the own time, as said; a
    question asked along says none."""
    said_parts = [
        part
        for sentence in FIRST_SENTENCE.split(ASKED_BACK.sub(" ", text).strip())
        for part in re.split(r"\s*,\s*", sentence)
    ]
    for part in said_parts:
        short = 0 < len(part.split()) <= MAX_WORDS_OF_OWN_TIME_PART
        said = part.strip(" ?!.").lower()
        if (
            short
            # "..., paar uur, meer niet": hours without "per week" say it too
            and (
                HOW_MUCH.search(said)
                or TIME_SPAN.search(said)
                or A_LITTLE_WHILE.search(said)
            )
            and not extraction.timeframe_from_answer(said)
        ):
            return said
    return None


MAX_WORDS_OF_OWN_TIME_PART = 4
# "middagje hier en daar": to the question for time, a small span is time too
A_LITTLE_WHILE = re.compile(r"\b(?:middagje|ochtendje|dagje)\b")
HOW_MUCH = re.compile(
    r"^(?:heel\s+)?(?:weinig|niet\s+veel|nauwelijks|amper|veel|genoeg|een\s+beetje"
    r"|beetje|geen\s+tijd)(?:\s+tijd)?$"
)
# "ff uitleg op de eerste dag, wisselen leer je in een middag": a longer
# answer to "hoeveel tijd?" that names a span of time is kept as said.
TIME_SPAN = re.compile(
    r"\b(?:uur|uurtje|uurtjes|uren|middag|middagen|ochtend|ochtenden|avond|avondje"
    r"|avonden|dag|dagen|dagdeel|dagdelen|week|weken|minuten|kwartier)\b"
    # "een paar keer per jaar naar school": how often, which is time too
    rf"|\bkeer\s+{parsing.PER_MONTH_OR_YEAR.pattern}"
)
MAX_WORDS_OF_TIME_ANSWER = 14
# "ik kan een drukker vrijmaken voor proefdrukken": a person set free is the
# time they give, though no hours are named
PEOPLE_SET_FREE = re.compile(
    r"\b(?:vrijmaken|vrij\s+maken|vrijspelen|vrij\s+roosteren|inroosteren"
    r"|meedraaien|op\s+zetten|erop\s+zetten|beschikbaar)\b"
)
# "..., kost dat trouwens wat, zo'n project?": a side question after the answer
SIDE_QUESTION_AFTER = re.compile(
    r"[.,;]\s*[^.,;?]*\b(?:trouwens|eigenlijk)\b[^?]*\?\s*$"
)


def read_own_time(text: str, tracker: Tracker) -> Optional[str]:
    text = SIDE_QUESTION_AFTER.sub("", text).strip()
    lowered = text.lower()
    found = extraction.own_time_from_answer(lowered) or _free(
        text, MAX_WORDS_OF_FREE_ANSWER
    )
    if found:
        return found
    # To "hoeveel tijd kun je erin steken?", "af en toe een middagje, meer
    # niet" and "ik neem ze zelf mee op de klus" answer as said; elsewhere
    # only a longer answer that names a span of time or a person set free.
    answering = tracker is not None and asked(tracker, "own_time")
    if answering or TIME_SPAN.search(lowered) or PEOPLE_SET_FREE.search(lowered):
        # "eens per maand een middag, we zijn met 25 man en ...": a long
        # answer's first sentence, or its first part, says the time
        first_sentence = re.split(r"[.!?]\s+", text)[0]
        first_part = first_sentence.split(", ")[0]
        for said in (text, first_sentence, first_part):
            free = _free(said, MAX_WORDS_OF_TIME_ANSWER)
            if free:
                return free
    return None


ANSWERS: Dict[Text, Answer] = {
    "education_level": Answer(read_education_level, "utter_invalid_education_level"),
    "headcount": Answer(read_headcount, "utter_invalid_headcount"),
    "company_size": Answer(read_company_size, "utter_invalid_company_size"),
    "sector": Answer(read_sector, "utter_invalid_sector"),
    "company_name": Answer(
        read_company_name, "utter_invalid_company_name", corrects=False
    ),
    "region": Answer(read_region, "utter_invalid_region"),
    "time_horizon": Answer(
        read_time_horizon, "utter_invalid_time_horizon", corrects=False
    ),
    "own_time": Answer(read_own_time, "utter_invalid_own_time"),
}
