"""The catalogue of pps formats, and how they are ranked for one entrepreneur.

Plain Python, no rasa_sdk: the options action asks for three formats and shows
them. Every word the entrepreneur sees comes from data/catalogue.yml; this
module only checks that file, scores the formats and fills in the templates.
"""

from __future__ import annotations

import functools
import re
import string
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, FrozenSet, List, Optional, Sequence, Set, Tuple

import jsonschema
import yaml

from bot.intake import deadlines, dutch, nouns, text_match, writing
from bot.intake.frame import MUST_GOAL, NOT_PEOPLE, SITUATIONS
from bot.intake.nouns import with_counted_plurals
from bot.intake.questions import is_direct
from bot.intake.vocabulary import NEED_CODES

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_CATALOGUE_PATH = REPO_ROOT / "data" / "catalogue.yml"
FORMAT_FITS_FILE = REPO_ROOT / "data" / "answers" / "format_fits.tsv"

SECTOR_CODES = (
    "bouw",
    "installatie",
    "maakindustrie",
    "ict",
    "logistiek",
    "zorg",
    "horeca",
    "detailhandel",
    "agrifood",
    "energie",
    "mobiliteit",
    "zakelijke_dienstverlening",
    "creatief",
)
LEVEL_CODES = ("mbo", "hbo", "wo")
MAX_TITLE_LENGTH = 30  # the title becomes a chat button

REASON_FIELDS = frozenset({"hours", "goal", "problem", "when"})
REASON_KEYS = (
    "urgency_fast",
    "urgency_short",
    "urgency_calm",
    "urgency_slow",
    "result_late",
    "low_time",
    "much_time",
    "goal_fit",
)
# A format that lasts this long or less is one talk, lesson or meeting.
ONE_OFF_MONTHS = 1.0
# Which fact a reason names when several speak for a format: what the
# entrepreneur said about hurry and time. The sector ranks but is no reason:
# coordinators read "vaak gekozen in de bouw" as filler (held-out 33rd
# review), and a company size that fits says nothing to its owner.
FACT_ORDER = (
    "urgency_fast",
    "urgency_short",
    "low_time",
    "much_time",
    "urgency_calm",
)
LABEL_KEYS = ("none_option",)  # read by actions/options.py
SNAKE_CASE = re.compile(r"^[a-z][a-z0-9_]*$")

# Points per term. The need dominates; the other terms together can still lift
# a format whose second need matches over one whose first need matches, when
# it fits the company clearly better. Formats that do not serve the need at
# all always come last (see rank_formats).
NEED_POINTS = (40.0, 25.0, 15.0)
NEED_POINTS_LATER = 10.0
SECTOR_MATCH = 10.0  # only a bonus: most formats work in any sector
# (at most this many weeks, points); only the first is quick enough to tell
# someone in a hurry
FAST_START = ((4, 5.0), (8, 2.0))
SLOW_START_WEEKS, SLOW_START = 12, -10.0
# A question due soon whose answer comes when the format ends (a finding,
# trained staff): no format that runs longer than this.
HASTY_RESULT_MONTHS = 6
TOO_SLOW = -15.0  # kept, and said so, but after the formats that are in time
RESULT_AT_THE_END = ("innovatie", "leven_lang_ontwikkelen")
# Hours a week that someone with little time does not have.
HEAVY_HOURS = 4.0
SHORT_MONTHS, SHORT_RUN = 3, 2.0
LONG_MONTHS, LONG_RUN = 12, -5.0
CALM_LONG_RUN = 3.0
LOW_TIME = ((1.0, 10.0), (2.0, 5.0))  # (at most this many hours, points)
TOO_MUCH_TIME = ((4.0, -10.0), (2.0, -5.0))  # (more than this many hours, points)
MUCH_TIME_HOURS, MUCH_TIME = 3.0, 5.0
AVERAGE_TIME_MAX_HOURS, AVERAGE_TIME_OVER = 8.0, -5.0
SIZE_FIT, SIZE_MISFIT = 2.0, -10.0
LEVEL_FIT, LEVEL_MISFIT = 5.0, -5.0
# A word the entrepreneur used that names what a format is about ("hackers",
# "energie"): strong enough to choose between formats serving the same need.
TOPIC_MATCH = 12.0
# Rarity-weighted overlap (cosine, 0..1) of what was said with a format's
# description, keywords and examples. A format "really fits the topic" from
# FIT_SIMILARITY on, or when a keyword matched, and then gets TOPIC_FIT on top:
# enough to pass the formats that only fit the need at the same need rank, not
# enough for a weak match with a third need to pass the need's own formats.
CONTENT_POINTS = 40.0
FIT_SIMILARITY = 0.12
TOPIC_FIT = 15.0
# What coordinators usually propose for the need (scripts/format_fits.py):
# up to this many points for a format always proposed and never struck. It
# orders the formats that serve the need alike (a short practice project
# before a student challenge for innovatie) without outweighing the need.
USUAL_FIT = 6.0


@dataclass(frozen=True)
class PpsFormat:
    id: str
    title: str
    description: str
    # What it gives the entrepreneur, in one sentence: the heart of its reason.
    gives: str
    needs: Tuple[str, ...]
    hours: str
    duration: str
    cost: str
    hours_per_week: float
    months: float
    start_weeks: int
    min_size: Optional[int]
    max_size: Optional[int]
    sectors: Tuple[str, ...]
    levels: Tuple[str, ...]
    example_name: Optional[str]
    example_text: Optional[str]
    # Word beginnings ("duurzaam", "hack") that show a question is about this format.
    keywords: Tuple[str, ...] = ()
    # What entrepreneurs say when this format would help them (for matching only).
    examples: Tuple[str, ...] = ()
    # A topic-bound format (the cyber scan) is proposed only when the question
    # names one of its topic keywords.
    topic_bound: bool = False
    topic_keywords: Tuple[str, ...] = ()
    # Situations (bot/intake/frame.py SITUATIONS) in which a coordinator would
    # strike this format, unless the entrepreneur named the format itself
    # (`named_by`: "bbl", not "lasser", which is only a topic word).
    not_when: Tuple[str, ...] = ()
    named_by: Tuple[str, ...] = ()
    # Needs it is not proposed for but serves when chosen (an own employee's
    # diploma through a bbl): choosing it leaves those needs (need_of_choice).
    chosen_for: Tuple[str, ...] = ()
    # A coordinator's own route for any need (the loket): it takes the last
    # place when fewer formats than that fit what was said.
    need_general: bool = False
    # "gives" with the people of the question in it ("Je leidt zelf een
    # {person} op"), used for the needs it serves
    gives_people: Optional[str] = None
    # "gives" where it is the general route for another need's question
    gives_general: Optional[str] = None

    def matching_text(self) -> str:
        """What the entrepreneur's words are compared with."""
        parts = [
            self.title,
            self.description,
            " ".join(self.keywords),
            " ".join(self.topic_keywords),
            *self.examples,
            self.example_text or "",
        ]
        return "\n".join(parts)


@dataclass(frozen=True)
class Catalogue:
    formats: Tuple[PpsFormat, ...]
    reasons: Dict[str, str]
    need_labels: Dict[str, str]
    sector_labels: Dict[str, str]
    labels: Dict[str, str] = field(default_factory=dict)

    def get(self, format_id: str) -> Optional[PpsFormat]:
        return next((f for f in self.formats if f.id == format_id), None)


@dataclass(frozen=True)
class IntakeProfile:
    need_category: str
    sector: Optional[str] = None
    company_size: Optional[int] = None
    urgency: Optional[str] = None  # "hoog", "normaal", "laag"
    own_time: Optional[str] = None  # "weinig", "gemiddeld", "veel"
    education_level: Optional[str] = None  # "mbo", "hbo", "wo"
    said: str = ""  # the entrepreneur's own words: question, goal, topic
    topic: Optional[str] = None  # a short noun phrase of what the question is about
    # The intake frame: what goes wrong, what should be different, and the
    # situations that strike formats (bot/intake/frame.py).
    # the problem with its verb first ("is de energierekening verdubbeld"),
    # as after "Als ik het goed begrijp,"
    problem: str = ""
    goal: str = ""
    situations: FrozenSet[str] = frozenset()
    who: str = ""  # whose work, or the people sought: "monteurs", "je kapsters"
    when: str = ""  # when it should be arranged, as stored: "voor de zomer"


@dataclass(frozen=True)
class RankedOption:
    format: PpsFormat
    score: float
    reason: str
    fits_topic: bool = False  # matched by content, not only by need


@dataclass(frozen=True)
class _Signal:
    """One term of a format's score, and the reason template that explains it."""

    points: float
    reason_key: Optional[str] = None


# --- loading ---------------------------------------------------------------

_TEXT = {"type": "string", "pattern": r"\S"}
_WORDS = {"type": "array", "items": _TEXT}
_AMOUNT = {"type": "number", "minimum": 0}
_EMPLOYEES = {"type": ["integer", "null"], "minimum": 1}


def _codes_schema(known: Sequence[str], non_empty: bool) -> Dict[str, Any]:
    schema = {"type": "array", "items": {"enum": list(known)}, "uniqueItems": True}
    return {**schema, "minItems": 1} if non_empty else schema


def _labels_schema(keys: Sequence[str], exact: bool = False) -> Dict[str, Any]:
    return {
        "type": "object",
        "required": list(keys),
        "additionalProperties": False if exact else _TEXT,
        "properties": {key: _TEXT for key in keys},
    }


FORMAT_SCHEMA: Dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": [
        "id",
        "title",
        "description",
        "gives",
        "needs",
        "asks",
        "hours_per_week",
        "months",
        "start_weeks",
        "sectors",
        "levels",
        "example",
    ],
    "properties": {
        "id": {"type": "string", "pattern": SNAKE_CASE.pattern},
        "title": {**_TEXT, "maxLength": MAX_TITLE_LENGTH},  # it becomes a chat button
        "description": _TEXT,
        "gives": _TEXT,
        "needs": _codes_schema(NEED_CODES, non_empty=True),
        "asks": _labels_schema(("hours", "duration", "cost"), exact=True),
        "hours_per_week": _AMOUNT,
        "months": _AMOUNT,
        "start_weeks": {"type": "integer", "minimum": 0},
        "min_size": _EMPLOYEES,
        "max_size": _EMPLOYEES,
        "sectors": _codes_schema(SECTOR_CODES, non_empty=False),
        "levels": _codes_schema(LEVEL_CODES, non_empty=True),
        "example": {
            **_labels_schema(("name", "text"), exact=True),
            "type": ["object", "null"],
        },
        "keywords": _WORDS,
        "examples": _WORDS,
        "topic_bound": {"type": "boolean"},
        "topic_keywords": {**_WORDS, "minItems": 1},
        "not_when": _codes_schema(SITUATIONS, non_empty=True),
        "named_by": {**_WORDS, "minItems": 1},
        "chosen_for": _codes_schema(NEED_CODES, non_empty=True),
        "need_general": {"type": "boolean"},
        "gives_people": {"type": "string", "pattern": r"\{(?:person|people)\}"},
        "gives_general": _TEXT,
    },
    # a topic-bound format needs its topic words, and topic words need the binding
    "if": {"properties": {"topic_bound": {"const": True}}, "required": ["topic_bound"]},
    "then": {"required": ["topic_keywords"]},
    "else": {"not": {"required": ["topic_keywords"]}},
}

CATALOGUE_SCHEMA: Dict[str, Any] = {
    "type": "object",
    "required": ["formats", "reasons", "need_labels", "sector_labels", "labels"],
    "properties": {
        "formats": {"type": "array", "minItems": 1, "items": FORMAT_SCHEMA},
        "reasons": _labels_schema(REASON_KEYS),
        "need_labels": _labels_schema(NEED_CODES, exact=True),
        "sector_labels": _labels_schema(SECTOR_CODES, exact=True),
        "labels": _labels_schema(LABEL_KEYS),
    },
}


def load_catalogue(path: str | Path = DEFAULT_CATALOGUE_PATH) -> Catalogue:
    """The catalogue at `path`, read and checked once per process."""
    return _load_cached(Path(path).resolve())


def format_titles() -> Dict[str, str]:
    """Each format's title by its id."""
    return {f.id: f.title for f in load_catalogue().formats}


def need_of_choice(format_id: str, need: str) -> str:
    """The need a route chosen outside the options asks for: its own first
    need where it does not serve `need` ("de cursus op maat" after options
    for new staff asks for bijscholing, whatever the opening sounded like);
    else `need`."""
    chosen = load_catalogue().get(format_id)
    if chosen is None or need in chosen.needs + chosen.chosen_for:
        return need
    return chosen.needs[0]


@functools.lru_cache(maxsize=8)
def _load_cached(path: Path) -> Catalogue:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise ValueError(f"{path}: not valid YAML: {error}") from error
    return _parse_catalogue(raw, source=path.name)


def _parse_catalogue(raw: Any, source: str) -> Catalogue:
    """The checked catalogue, or a ValueError with one line per problem, each
    naming the file, the entry (format number and id) and the field."""
    validator = jsonschema.Draft202012Validator(CATALOGUE_SCHEMA)
    errors = sorted(validator.iter_errors(raw), key=lambda e: list(map(str, e.path)))
    problems = [_describe(error, raw, source) for error in errors]
    if not problems:
        problems = _cross_checks(raw, source)
    if problems:
        raise ValueError("\n".join(problems))
    return Catalogue(
        formats=tuple(_to_format(entry) for entry in raw["formats"]),
        reasons={str(k): v.strip() for k, v in raw["reasons"].items()},
        need_labels={k: v.strip() for k, v in raw["need_labels"].items()},
        sector_labels={k: v.strip() for k, v in raw["sector_labels"].items()},
        labels={str(k): v.strip() for k, v in raw["labels"].items()},
    )


def _where(path: Sequence[Any], raw: Any, source: str) -> Tuple[str, List[str]]:
    """("catalogue.yml format #3 'cyber_scan'", the rest of the path) for a path
    into the raw file."""
    path = list(path)
    if len(path) >= 2 and path[0] == "formats" and isinstance(path[1], int):
        entry = raw["formats"][path[1]]
        format_id = entry.get("id") if isinstance(entry, dict) else None
        name = f" '{format_id}'" if isinstance(format_id, str) else ""
        return f"{source} format #{path[1] + 1}{name}", [str(p) for p in path[2:]]
    return source, [str(p) for p in path]


def _describe(error: jsonschema.ValidationError, raw: Any, source: str) -> str:
    where, fields = _where(error.absolute_path, raw, source)
    schema, value = error.schema, error.instance
    if error.validator == "pattern" and schema.get("pattern") == r"\S":
        problem = "must be a non-empty text"
    elif error.validator == "enum":
        problem = f"unknown code {value!r} (known: {', '.join(schema['enum'])})"
    elif error.validator == "uniqueItems":
        problem = "lists a code twice"
    elif error.validator == "minItems":
        problem = "must be a non-empty list"
    elif error.validator == "maxLength":
        problem = f"{value!r} is longer than {schema['maxLength']} characters"
    elif error.validator == "additionalProperties" and isinstance(value, dict):
        known = set(schema.get("properties", {}))
        problem = f"unknown field(s): {', '.join(sorted(map(str, set(value) - known)))}"
    elif error.validator == "not" and fields == [] and "topic_keywords" in value:
        fields, problem = ["topic_keywords"], "only counts with 'topic_bound: true'"
    elif error.validator == "required" and "topic_keywords" in error.message:
        problem = "'topic_bound: true' needs a non-empty 'topic_keywords' list"
    else:
        problem = error.message
    field_name = ".".join(fields)
    return f"{where}: {field_name + ': ' if field_name else ''}{problem}"


def _cross_checks(raw: Dict[str, Any], source: str) -> List[str]:
    """What a schema cannot say: unique ids, size bounds in order, and reason
    templates with known placeholders only."""
    problems = []
    seen = set()
    for number, entry in enumerate(raw["formats"], start=1):
        where = f"{source} format #{number} '{entry['id']}'"
        if entry["id"] in seen:
            problems.append(f"{where}: id: duplicate id")
        seen.add(entry["id"])
        low, high = entry.get("min_size"), entry.get("max_size")
        if low is not None and high is not None and low > high:
            problems.append(f"{where}: min_size is larger than max_size")
    for key, template in raw["reasons"].items():
        fields = {name for _, name, _, _ in string.Formatter().parse(template) if name}
        unknown = sorted(fields - REASON_FIELDS)
        if unknown:
            problems.append(
                f"{source} reasons: {key}: unknown placeholder(s): {', '.join(unknown)}"
            )
    return problems


def _to_format(entry: Dict[str, Any]) -> PpsFormat:
    """A format entry that passed the schema, as a PpsFormat."""
    example = entry["example"] or {}
    min_size, max_size = entry.get("min_size"), entry.get("max_size")
    return PpsFormat(
        id=entry["id"],
        title=entry["title"].strip(),
        description=entry["description"].strip(),
        gives=entry["gives"].strip(),
        needs=tuple(entry["needs"]),
        hours=entry["asks"]["hours"].strip(),
        duration=entry["asks"]["duration"].strip(),
        cost=entry["asks"]["cost"].strip(),
        hours_per_week=float(entry["hours_per_week"]),
        months=float(entry["months"]),
        start_weeks=int(entry["start_weeks"]),
        min_size=None if min_size is None else int(min_size),
        max_size=None if max_size is None else int(max_size),
        sectors=tuple(entry["sectors"]),
        levels=tuple(entry["levels"]),
        example_name=example.get("name", "").strip() or None,
        example_text=example.get("text", "").strip() or None,
        keywords=tuple(w.strip().lower() for w in entry.get("keywords", [])),
        examples=tuple(w.strip() for w in entry.get("examples", [])),
        topic_bound=entry.get("topic_bound", False),
        topic_keywords=tuple(
            w.strip().lower() for w in entry.get("topic_keywords", [])
        ),
        not_when=tuple(entry.get("not_when", [])),
        named_by=tuple(w.strip().lower() for w in entry.get("named_by", [])),
        chosen_for=tuple(entry.get("chosen_for", [])),
        need_general=entry.get("need_general", False),
        gives_people=(entry.get("gives_people") or "").strip() or None,
        gives_general=(entry.get("gives_general") or "").strip() or None,
    )


# --- ranking ---------------------------------------------------------------


def rank_formats(
    catalogue: Catalogue, profile: IntakeProfile, limit: int = 3
) -> List[RankedOption]:
    """The `limit` best formats for this profile, best first, each with a reason.

    Formats that serve the need come before all that do not; within those, the
    highest score wins (need, constraints and how well the content matches
    what was said) and ties keep catalogue order. A topic-bound format is left out
    unless what was said names its topic.
    """
    said = " ".join(part for part in (profile.said, profile.topic or "") if part)
    similarities = content_index(catalogue.formats).similarities(said)
    fit_strength: Dict[str, float] = {}
    named: Set[str] = set()  # formats a keyword names
    scored = []
    late: Set[str] = set()  # formats done after the time named
    for position, pps_format, held_back in _candidates(catalogue, profile, said, limit):
        signals = _signals(pps_format, profile)
        if done_too_late(pps_format, profile):
            late.add(pps_format.id)
        if too_slow(pps_format, profile) or pps_format.id in late:
            signals.append(_Signal(TOO_SLOW))
        similarity = similarities[position]
        signals.append(_Signal(CONTENT_POINTS * similarity))
        keyword = matched_keyword(pps_format, said)
        fits_topic = bool(keyword) or similarity >= FIT_SIMILARITY
        fit_strength[pps_format.id] = similarity + (1.0 if keyword else 0.0)
        if keyword:
            named.add(pps_format.id)
        if fits_topic:
            signals.append(_Signal(TOPIC_FIT))
        else:
            # what was said does not decide between them: what coordinators
            # usually propose for the need does
            signals.append(_usual_signal(pps_format, profile.need_category))
        score = sum(signal.points for signal in signals)
        serves_need = profile.need_category in pps_format.needs
        scored.append(
            (
                (not serves_need, held_back, -score, position),
                pps_format,
                signals,
                score,
                fits_topic,
            )
        )
    scored.sort(key=lambda item: item[0])
    seen_ids = set()
    unique: List[Any] = []
    for item in scored:
        if item[1].id not in seen_ids:
            seen_ids.add(item[1].id)
            unique.append(item)
    unique = _named_before_usual(unique, limit, profile.need_category, named)
    chosen = _with_general_route(unique, limit, profile.need_category)
    # The option that fits what was said best says the goal back: a goal
    # said back before a format that does not fit it ("Je wilt één
    # aanspreekpunt" before a guest lesson) only looks personal. Where no
    # option fits, one made for the need itself takes it. The problem is not
    # said back: "Het helpt, want nu is het lastig om aan een uitvoerder te
    # komen" reads to coordinators as a false cause (held-out 33rd review).
    # The others end with a fact that speaks for them, each fact once.
    # "de monteurs moeten ... kunnen" is said as a question, not after "je
    # wilt"; "dat het beter wordt" is said after nothing (held-out 41st review)
    goal = (
        ""
        if MUST_GOAL.search(profile.goal)
        or writing.garbled(profile.goal)
        or writing.names_nothing(profile.goal)
        or is_direct(profile.goal)
        else profile.goal
    )
    fitting = sorted(
        (item for item in chosen if item[4]),
        key=lambda item: -fit_strength[item[1].id],
    )
    fitting += [
        item
        for item in chosen
        if not item[4] and item[1].needs[0] == profile.need_category
    ]
    # one lead at most: the rest get a fact
    lead_id = fitting[0][1].id if goal and fitting else None
    said_back: Dict[str, str] = {}
    if lead_id:
        # written once, for the lead only: each plural is a parse
        # "Je wilt weten welke techniek werkt", not "Je wilt dat je weet ..."
        wish, own = writing.own_wish(profile.goal)
        said_back["goal"] = writing.one_in_words(
            with_counted_plurals(wish if own == "je" else profile.goal)
        )
    options: List[RankedOption] = []
    facts_said: Set[str] = set()
    # "niet klaar voor het voorjaar" under each of the three argues against
    # the whole list (held-out 42nd review): said where another is in time
    say_late = not all(item[1].id in late for item in chosen)
    for at, (_, pps_format, signals, score, fits_topic) in enumerate(chosen):
        lead = "goal_fit" if pps_format.id == lead_id else None
        fact = None if lead else _fact(signals, facts_said)
        if fact:
            facts_said.add(fact)
        # the coordinator's route for any need, last because not all fit
        general_route = (
            pps_format.need_general
            and not fits_topic
            and pps_format.needs[0] != profile.need_category
            and at == len(chosen) - 1
        )
        reason = _reason(
            catalogue,
            pps_format,
            profile,
            lead or fact,
            said_back,
            general_route,
            late=say_late and pps_format.id in late,
        )
        options.append(RankedOption(pps_format, score, reason, fits_topic))
    return options


def _candidates(
    catalogue: Catalogue, profile: IntakeProfile, said: str, limit: int
) -> List[Tuple[int, PpsFormat, bool]]:
    """The formats a coordinator would not strike, with their catalogue
    position, and whether each is held back. A topic-bound format counts
    where what was said names its topic; where too few others serve the need,
    one made for this need comes after them (retraining mbo staff leaves the
    sector's own training)."""
    need = profile.need_category
    allowed = [
        (position, f)
        for position, f in enumerate(catalogue.formats)
        if not struck(f, profile, said)
    ]
    named = [
        (position, f, False)
        for position, f in allowed
        if not f.topic_bound or text_match.keyword_in(f.topic_keywords, said)
    ]
    if sum(need in f.needs for _, f, _ in named) >= limit:
        return named
    named_ids = {f.id for _, f, _ in named}
    held_back = [
        (position, f, True)
        for position, f in allowed
        if f.id not in named_ids and f.needs[0] == need
    ]
    return sorted(named + held_back, key=lambda item: item[0])


def _named_before_usual(
    scored: List[Any], limit: int, need: str, named: Set[str]
) -> List[Any]:
    """`scored` with the first format of the need that the words name (its
    id in `named`: a keyword) moved up before the last of the first `limit`
    that does not fit what was said: what coordinators usually propose only
    fills the places the entrepreneur's words leave ("één aanspreekpunt")."""
    later = next(
        (
            at
            for at, item in enumerate(scored[limit:], limit)
            if need in item[1].needs and item[1].id in named
        ),
        None,
    )
    unfitting = [at for at, item in enumerate(scored[:limit]) if not item[4]]
    if later is None or not unfitting:
        return scored
    at = unfitting[-1]
    return [*scored[:at], scored[later], *scored[at:later], *scored[later + 1 :]]


def _with_general_route(scored: List[Any], limit: int, need: str) -> List[Any]:
    """The first `limit`; when not all of them fit what was said, the last
    one that neither fits nor is a format of this need first gives way to the
    coordinator's general route (a broad format of another need says less
    than "let a coordinator look")."""
    chosen = scored[:limit]
    general = next((item for item in scored if item[1].need_general), None)
    if general is None or general in chosen:
        return chosen
    replaceable = [
        i
        for i, (_, pps_format, _, _, fits_topic) in enumerate(chosen)
        if not fits_topic and pps_format.needs[0] != need
    ]
    if not replaceable:
        return chosen
    at = replaceable[-1]
    return chosen[:at] + chosen[at + 1 :] + [general]


def struck(pps_format: PpsFormat, profile: IntakeProfile, said: str) -> bool:
    """Whether a coordinator would strike the format here: bbl for staff who
    already work there, side jobs for a skilled vacancy, ... (its `not_when`),
    a format for another level than the one asked for, or one that takes half
    a day a week from someone with little time; unless the entrepreneur named
    the format itself ("bbl", "diploma"). One that is slower than a question
    in haste stays, and says so (`too_slow`): a coordinator still proposes
    the research that answers the question, and tells when it can start."""
    # bbl for a hbo engineer, a learning community for mbo staff (hbo and wo
    # are one higher education here: a wo question still fits a hbo format)
    level = _level_group(profile.education_level)
    wrong_level = bool(
        level
        and pps_format.levels
        and level not in map(_level_group, pps_format.levels)
    )
    # a half day every week from someone who has "een middag of zo"
    too_heavy = (
        profile.own_time == "weinig" and pps_format.hours_per_week >= HEAVY_HOURS
    )
    if ruled_out(pps_format, said):
        return True
    misfits = wrong_level or too_heavy or set(pps_format.not_when) & profile.situations
    if not misfits:
        return False
    return not (
        pps_format.named_by and text_match.keyword_in(pps_format.named_by, said)
    )


# "ik wil geen onderzoek laten doen", "het gaat niet om stagiairs", "nee,
# geen cursus": what is refused, up to an "en", a "maar" or the end of the
# clause ("we hebben nog geen stagiairs gehad" refuses nothing).
NEGATED = re.compile(
    r"(?:\b(?:wil|willen|wilt|hoef|hoeven|hoeft|zoek|zoeken|zit|zitten)\s+(?:ik|we|wij|je\s+)?"
    r"\s*(?:\w+\s+)?(?:geen|niet)|\bgaat\s+(?:\w+\s+)?niet\s+om|^nee\W+(?:geen|niet))"
    r"\s+([^,.;:!?]*?)(?=\s+(?:maar|en)\b|[,.;:!?]|$)",
    re.I,
)


def ruled_out(pps_format: PpsFormat, said: str) -> bool:
    """Whether the entrepreneur said they do not want this format, by a word
    that names it ("geen onderzoek" for research with a lectoraat)."""
    return bool(pps_format.named_by) and any(
        text_match.keyword_in(pps_format.named_by, negated.group(1))
        for negated in NEGATED.finditer(said)
    )


def too_slow(pps_format: PpsFormat, profile: IntakeProfile) -> bool:
    """Research that starts in half a year, for a question that is due in
    weeks; or, where the answer comes at the end, a challenge of nine months
    before January."""
    return profile.urgency == "hoog" and (
        pps_format.start_weeks > SLOW_START_WEEKS
        or (
            profile.need_category in RESULT_AT_THE_END
            and pps_format.months > HASTY_RESULT_MONTHS
        )
    )


WEEKS_PER_MONTH = 4.3
BY_A_TIME = re.compile(r"\s*(?:voor|vóór)\s", re.IGNORECASE)


def done_too_late(pps_format: PpsFormat, profile: IntakeProfile) -> bool:
    """Where the answer comes at the end (a finding, trained staff), a format
    that ends after the time named: a branch training of two years for staff
    who must know it "voor 1 juli" (held-out 41st review). Haste itself is
    `too_slow`'s."""
    if profile.urgency == "hoog" or profile.need_category not in RESULT_AT_THE_END:
        return False
    if not BY_A_TIME.match(profile.when):
        return False  # "na de zomer", "in oktober": maybe when to begin
    months = deadlines.months_until(profile.when, deadlines.today())
    ends = pps_format.start_weeks / WEEKS_PER_MONTH + pps_format.months
    return months is not None and ends > months


def _level_group(level: Optional[str]) -> Optional[str]:
    return "hoger" if level in ("hbo", "wo") else level


@functools.lru_cache(maxsize=8)
def content_index(formats: Tuple[PpsFormat, ...]) -> text_match.ContentIndex:
    return text_match.ContentIndex([f.matching_text() for f in formats])


def _signals(pps_format: PpsFormat, profile: IntakeProfile) -> List[_Signal]:
    return [
        _need_signal(pps_format, profile.need_category),
        _sector_signal(pps_format, profile.sector),
        *_urgency_signals(pps_format, profile.urgency),
        _own_time_signal(pps_format, profile.own_time),
        _size_signal(pps_format, profile.company_size),
        _level_signal(pps_format, profile.education_level),
        _topic_signal(pps_format, profile.said),
    ]


def _usual_signal(pps_format: PpsFormat, need: str) -> _Signal:
    # a topic-bound format is proposed where its topic is named, and struck
    # elsewhere: its keywords decide, not how often the topic came up
    if pps_format.topic_bound:
        return _Signal(0.0)
    return _Signal(USUAL_FIT * usual_fit(need, pps_format.id))


def usual_fit(need: str, format_id: str) -> float:
    """How often coordinators propose the format for the need, less how
    often they strike it, per intake of that need: -1 to 1, 0 where unknown."""
    return _format_fits().get((need, format_id), 0.0)


@functools.lru_cache(maxsize=1)
def _format_fits() -> Dict[Tuple[str, str], float]:
    if not FORMAT_FITS_FILE.exists():
        return {}
    fits = {}
    for line in FORMAT_FITS_FILE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            need, format_id, proposed, struck, intakes = line.split("\t")
            fits[(need, format_id)] = (int(proposed) - int(struck)) / int(intakes)
    return fits


def _need_signal(pps_format: PpsFormat, need: str) -> _Signal:
    if need not in pps_format.needs:
        return _Signal(0.0)
    position = pps_format.needs.index(need)
    if position == 0:
        return _Signal(NEED_POINTS[0])
    points = NEED_POINTS[position] if position < len(NEED_POINTS) else NEED_POINTS_LATER
    return _Signal(points)


def _sector_signal(pps_format: PpsFormat, sector: Optional[str]) -> _Signal:
    if sector and sector in pps_format.sectors:
        return _Signal(SECTOR_MATCH)
    return _Signal(0.0)


def _urgency_signals(pps_format: PpsFormat, urgency: Optional[str]) -> List[_Signal]:
    if urgency == "hoog":
        return [_start_signal(pps_format), _run_signal(pps_format)]
    if urgency == "laag" and pps_format.months >= LONG_MONTHS:
        # no hurry: room for the longer partnerships that build something lasting
        return [_Signal(CALM_LONG_RUN, "urgency_calm")]
    return []


def _start_signal(pps_format: PpsFormat) -> _Signal:
    for max_weeks, points in FAST_START:
        if pps_format.start_weeks <= max_weeks:
            fast_enough_to_say = max_weeks == FAST_START[0][0]
            return _Signal(points, "urgency_fast" if fast_enough_to_say else None)
    if pps_format.start_weeks > SLOW_START_WEEKS:
        return _Signal(SLOW_START)
    return _Signal(0.0)


def _run_signal(pps_format: PpsFormat) -> _Signal:
    if pps_format.months <= SHORT_MONTHS:
        return _Signal(SHORT_RUN, "urgency_short")
    if pps_format.months > LONG_MONTHS:
        return _Signal(LONG_RUN)
    return _Signal(0.0)


def _own_time_signal(pps_format: PpsFormat, own_time: Optional[str]) -> _Signal:
    hours = pps_format.hours_per_week
    if own_time == "weinig":
        for max_hours, points in LOW_TIME:
            if hours <= max_hours:
                # "maar 1 uur per week" hides that it runs for years, and
                # says "per week" of a single talk or meeting; "maar 2 uur
                # per week" to someone with an afternoon a month is more than
                # they offered: only the lightest is said to be little
                lasts = ONE_OFF_MONTHS < pps_format.months < LONG_MONTHS
                lightest = hours <= LOW_TIME[0][0]
                said = "low_time" if lasts and lightest else None
                return _Signal(points, said)
        for min_hours, points in TOO_MUCH_TIME:
            if hours > min_hours:
                return _Signal(points)
    if own_time == "veel" and hours >= MUCH_TIME_HOURS:
        return _Signal(MUCH_TIME, "much_time")
    if own_time == "gemiddeld" and hours > AVERAGE_TIME_MAX_HOURS:
        return _Signal(AVERAGE_TIME_OVER)
    return _Signal(0.0)


def _size_signal(pps_format: PpsFormat, size: Optional[int]) -> _Signal:
    if size is None or (pps_format.min_size is None and pps_format.max_size is None):
        return _Signal(0.0)
    too_small = pps_format.min_size is not None and size < pps_format.min_size
    too_large = pps_format.max_size is not None and size > pps_format.max_size
    if too_small or too_large:
        return _Signal(SIZE_MISFIT)
    return _Signal(SIZE_FIT)


def _level_signal(pps_format: PpsFormat, level: Optional[str]) -> _Signal:
    if not level:
        return _Signal(0.0)
    if level in pps_format.levels:
        return _Signal(LEVEL_FIT)
    return _Signal(LEVEL_MISFIT)


def matched_keyword(pps_format: PpsFormat, said: str) -> Optional[str]:
    """The entrepreneur's word that begins with one of the format's keywords
    (one typo allowed in longer keywords)."""
    keywords = pps_format.keywords + pps_format.topic_keywords
    return text_match.keyword_in(keywords, said) if keywords else None


def _topic_signal(pps_format: PpsFormat, said: str) -> _Signal:
    if matched_keyword(pps_format, said):
        return _Signal(TOPIC_MATCH)
    return _Signal(0.0)


def _fact(signals: Sequence[_Signal], said: Set[str]) -> Optional[str]:
    """The strongest fact about hurry, time or company that speaks for the
    format (FACT_ORDER) and no option before it named."""
    explained = {s.reason_key for s in signals if s.points > 0 and s.reason_key}
    return next((k for k in FACT_ORDER if k in explained and k not in said), None)


def _reason(
    catalogue: Catalogue,
    pps_format: PpsFormat,
    profile: IntakeProfile,
    said_with: Optional[str],
    said_back: Dict[str, str],
    general_route: bool = False,
    late: bool = False,
) -> str:
    """What the format gives, after the entrepreneur's goal or problem
    (`said_back`, as the reasons write them) or before a fact that speaks for
    it (`said_with`, a reason key); as the general route, why it is there;
    when `late`, that it ends after the time named."""
    values = {**_reason_values(pps_format, profile), **said_back}
    slow = ""
    if too_slow(pps_format, profile):
        slow = " " + catalogue.reasons["urgency_slow"].format(**values)
    elif late and values["when"] != "snel":
        slow = " " + catalogue.reasons["result_late"].format(**values)
    gives = (
        pps_format.gives_general
        if general_route and pps_format.gives_general
        else _gives(pps_format, profile)
    )
    if not said_with:
        return gives + slow
    sentence = catalogue.reasons[said_with].format(**values)
    if said_with == "goal_fit":
        return f"{sentence} {gives}{slow}"
    return f"{gives} {sentence}{slow}"


def _gives(pps_format: PpsFormat, profile: IntakeProfile) -> str:
    """What the format gives, with the people of the question where the
    format serves this need ("Je leidt zelf een monteur op")."""
    people = people_named(profile.who)
    if not (
        people and pps_format.gives_people and profile.need_category in pps_format.needs
    ):
        return pps_format.gives
    return pps_format.gives_people.format(
        people=people, person=f"een {nouns.singular(people)}"
    )


# Too general to name anyone: the catalogue's own words say it as well.
GENERAL_PEOPLE = frozenset(
    "mensen personeel medewerkers studenten stagiairs stagiaires leerlingen jongeren "
    "collega's collegas krachten handen vakmensen jongens meiden gasten werknemers "
    "talenten".split()
)


def people_named(who: str) -> str:
    """The one plural noun `who` names ("je kapsters": "kapsters"), if it is a
    Dutch word for a kind of worker; else ""."""
    bare = re.sub(r"^(?:je|jullie|onze|ons|mijn|m'n|de|het)\s+", "", who.lower())
    words = re.sub(
        r"^(?:\d+\s+|eigen\s+|nieuwe\s+|jonge\s+|ervaren\s+)+", "", bare
    ).split()
    if len(words) != 1 or words[0] in GENERAL_PEOPLE or words[0] in NOT_PEOPLE:
        return ""
    word = words[0]
    one = nouns.singular(word)
    return word if one != word and dutch.known(one) and _does_the_work(one) else ""


def _does_the_work(one: str) -> bool:
    """ "monteur", "kapster", "lasser" (lassen), "metselaar": a word for
    someone by its ending; an -er only where its verb is a word ("cilinder"
    is not: there is no "cilinden")."""
    if one.endswith(AGENT_ENDINGS):
        return True
    return one.endswith("er") and dutch.known(one[:-2] + "en")


AGENT_ENDINGS = ("eur", "ist", "aar", "ster", "kundige", "ende", "ant", "ent", "man")


def _reason_values(pps_format: PpsFormat, profile: IntakeProfile) -> Dict[str, str]:
    return {"when": _when_said(profile.when), "hours": pps_format.hours}


# A time said that reads after "Je wilt het ... geregeld hebben".
WHEN_SAID = re.compile(
    r"zo snel mogelijk"
    r"|(?:voor|binnen|in|vanaf|per|uiterlijk|na|deze|dit|de komende)\s[\w\s-]*"
)
MAX_WHEN_WORDS = 6


def _when_said(when: str) -> str:
    """ "voor de zomer" as said ("zo snel mogelijk, voor de zomer": its first
    part), as a deadline; "snel" where it does not read after "Je wilt het"."""
    first = when.split(",")[0].strip().lower()
    if WHEN_SAID.fullmatch(first) and len(first.split()) <= MAX_WHEN_WORDS:
        return deadlines.as_deadline(first)
    return "snel"
