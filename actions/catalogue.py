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
from typing import Any, Dict, List, Mapping, NoReturn, Optional, Sequence, Tuple

import yaml

from actions import text_match

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CATALOGUE_PATH = REPO_ROOT / "data" / "catalogue.yml"

NEED_CODES = (
    "talent",
    "innovatie",
    "kennis_netwerk",
    "leven_lang_ontwikkelen",
    "onderwijs_invloed",
    "loket",
)
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

REQUIRED_FIELDS = (
    "id",
    "title",
    "description",
    "needs",
    "asks",
    "hours_per_week",
    "months",
    "start_weeks",
    "sectors",
    "levels",
    "example",
)
OPTIONAL_FIELDS = (
    "min_size",
    "max_size",
    "keywords",
    "examples",
    "topic_bound",
    "topic_keywords",
)
ASKS_FIELDS = ("hours", "duration", "cost")
REASON_FIELDS = frozenset(
    {
        "need_label",
        "sector_label",
        "start_weeks",
        "months",
        "hours_per_week",
        "company_size",
        "level",
        "keyword",
        "topic",
    }
)
REASON_KEYS = (
    "need_primary",
    "need_secondary",
    "sector",
    "urgency_fast",
    "urgency_short",
    "urgency_calm",
    "low_time",
    "much_time",
    "size",
    "level",
    "topic",
    "topic_fit",
    "topic_general",
    "fallback",
    "fallback_topic",
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
FAST_START = ((4, 10.0), (8, 5.0))  # (at most this many weeks, points)
SLOW_START_WEEKS, SLOW_START = 12, -10.0
SHORT_MONTHS, SHORT_RUN = 3, 5.0
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
MAX_REASONS = 2


@dataclass(frozen=True)
class PpsFormat:
    id: str
    title: str
    description: str
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

    def matching_text(self) -> str:
        """What the entrepreneur's words are compared with."""
        parts = [self.title, self.description, " ".join(self.keywords),
                 " ".join(self.topic_keywords), *self.examples,
                 self.example_text or ""]  # fmt: skip
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
    question: str = ""  # the question itself (its correction, else the opening)


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


def load_catalogue(path: str | Path = DEFAULT_CATALOGUE_PATH) -> Catalogue:
    """The catalogue at `path`, read and checked once per process."""
    return _load_cached(Path(path).resolve())


@functools.lru_cache(maxsize=8)
def _load_cached(path: Path) -> Catalogue:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise ValueError(f"{path}: not valid YAML: {error}") from error
    return _parse_catalogue(raw, source=path.name)


def _fail(where: str, problem: str) -> NoReturn:
    raise ValueError(f"{where}: {problem}")


def _parse_catalogue(raw: Any, source: str) -> Catalogue:
    if not isinstance(raw, dict):
        _fail(source, "expected a mapping with formats, reasons and labels")
    formats = raw.get("formats")
    if not isinstance(formats, list) or not formats:
        _fail(source, "'formats' must be a non-empty list")
    parsed = tuple(
        _parse_format(entry, f"{source} format #{n}")
        for n, entry in enumerate(formats, start=1)
    )
    _check_unique_ids(parsed, source)
    return Catalogue(
        formats=parsed,
        reasons=_parse_reasons(raw.get("reasons"), f"{source} reasons"),
        need_labels=_parse_labels(
            raw.get("need_labels"), NEED_CODES, f"{source} need_labels", exact=True
        ),
        sector_labels=_parse_labels(
            raw.get("sector_labels"),
            SECTOR_CODES,
            f"{source} sector_labels",
            exact=True,
        ),
        labels=_parse_labels(raw.get("labels"), LABEL_KEYS, f"{source} labels"),
    )


def _check_unique_ids(formats: Sequence[PpsFormat], source: str) -> None:
    seen = set()
    for pps_format in formats:
        if pps_format.id in seen:
            _fail(f"{source} format '{pps_format.id}'", "duplicate id")
        seen.add(pps_format.id)


def _parse_format(entry: Any, where: str) -> PpsFormat:
    if not isinstance(entry, dict):
        _fail(where, "expected a mapping")
    if isinstance(entry.get("id"), str):
        where = f"{where} '{entry['id']}'"
    missing = [name for name in REQUIRED_FIELDS if name not in entry]
    if missing:
        _fail(where, f"missing field(s): {', '.join(missing)}")
    unknown = sorted(set(entry) - set(REQUIRED_FIELDS) - set(OPTIONAL_FIELDS))
    if unknown:
        _fail(where, f"unknown field(s): {', '.join(unknown)}")
    format_id = _text(entry, "id", where)
    if not SNAKE_CASE.match(format_id):
        _fail(where, f"id '{format_id}' is not snake_case")
    title = _text(entry, "title", where)
    if len(title) > MAX_TITLE_LENGTH:
        _fail(where, f"title '{title}' is longer than {MAX_TITLE_LENGTH} characters")
    asks = entry["asks"]
    if not isinstance(asks, dict):
        _fail(where, "'asks' must be a mapping with hours, duration and cost")
    example_name, example_text = _parse_example(entry["example"], where)
    topic_bound, topic_keywords = _topic_binding(entry, where)
    min_size = _optional_size(entry, "min_size", where)
    max_size = _optional_size(entry, "max_size", where)
    if min_size is not None and max_size is not None and min_size > max_size:
        _fail(where, "min_size is larger than max_size")
    return PpsFormat(
        id=format_id,
        title=title,
        description=_text(entry, "description", where),
        needs=_codes(entry, "needs", NEED_CODES, where, allow_empty=False),
        hours=_text(asks, "hours", f"{where} asks"),
        duration=_text(asks, "duration", f"{where} asks"),
        cost=_text(asks, "cost", f"{where} asks"),
        hours_per_week=_number(entry, "hours_per_week", where),
        months=_number(entry, "months", where),
        start_weeks=int(_number(entry, "start_weeks", where, whole=True)),
        min_size=min_size,
        max_size=max_size,
        sectors=_codes(entry, "sectors", SECTOR_CODES, where, allow_empty=True),
        levels=_codes(entry, "levels", LEVEL_CODES, where, allow_empty=False),
        example_name=example_name,
        example_text=example_text,
        keywords=_keywords(entry, where),
        examples=_word_list(entry, "examples", where),
        topic_bound=topic_bound,
        topic_keywords=topic_keywords,
    )


def _text(mapping: Mapping[str, Any], key: str, where: str) -> str:
    value = mapping.get(key)
    if not isinstance(value, str) or not value.strip():
        _fail(where, f"'{key}' must be a non-empty text")
    return value.strip()


def _number(
    mapping: Mapping[str, Any], key: str, where: str, whole: bool = False
) -> float:
    value = mapping.get(key)
    # bool is an int in Python, but "yes" is never a number of hours
    valid_type = (int,) if whole else (int, float)
    if isinstance(value, bool) or not isinstance(value, valid_type) or value < 0:
        kind = "a whole number" if whole else "a number"
        _fail(where, f"'{key}' must be {kind}, 0 or more (got {value!r})")
    return float(value)


def _optional_size(mapping: Mapping[str, Any], key: str, where: str) -> Optional[int]:
    if mapping.get(key) is None:
        return None
    value = mapping[key]
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        _fail(where, f"'{key}' must be a whole number of employees (got {value!r})")
    return value


def _codes(
    mapping: Mapping[str, Any],
    key: str,
    known: Sequence[str],
    where: str,
    allow_empty: bool,
) -> Tuple[str, ...]:
    value = mapping.get(key)
    if not isinstance(value, list) or (not value and not allow_empty):
        _fail(where, f"'{key}' must be a {'' if allow_empty else 'non-empty '}list")
    for code in value:
        if code not in known:
            known_codes = ", ".join(known)
            _fail(where, f"unknown code '{code}' in '{key}' (known: {known_codes})")
    if len(set(value)) != len(value):
        _fail(where, f"'{key}' lists a code twice")
    return tuple(value)


def _keywords(mapping: Mapping[str, Any], where: str, key: str = "keywords") -> Tuple[str, ...]:
    return tuple(word.lower() for word in _word_list(mapping, key, where))


def _word_list(mapping: Mapping[str, Any], key: str, where: str) -> Tuple[str, ...]:
    value = mapping.get(key, [])
    if not isinstance(value, list) or not all(
        isinstance(word, str) and word.strip() for word in value
    ):
        _fail(where, f"'{key}' must be a list of words")
    return tuple(word.strip() for word in value)


def _topic_binding(mapping: Mapping[str, Any], where: str) -> Tuple[bool, Tuple[str, ...]]:
    bound = mapping.get("topic_bound", False)
    if not isinstance(bound, bool):
        _fail(where, f"'topic_bound' must be true or false (got {bound!r})")
    keywords = _keywords(mapping, where, key="topic_keywords")
    if bound and not keywords:
        _fail(where, "'topic_bound' needs a non-empty 'topic_keywords' list")
    if keywords and not bound:
        _fail(where, "'topic_keywords' only counts with 'topic_bound: true'")
    return bound, keywords


def _parse_example(value: Any, where: str) -> Tuple[Optional[str], Optional[str]]:
    if value is None:
        return None, None
    if not isinstance(value, dict):
        _fail(where, "'example' must be null or a mapping with name and text")
    where = f"{where} example"
    return _text(value, "name", where), _text(value, "text", where)


def _parse_reasons(value: Any, where: str) -> Dict[str, str]:
    reasons = _parse_labels(value, REASON_KEYS, where)
    for key, template in reasons.items():
        fields = {name for _, name, _, _ in string.Formatter().parse(template) if name}
        unknown = sorted(fields - REASON_FIELDS)
        if unknown:
            _fail(f"{where} '{key}'", f"unknown placeholder(s): {', '.join(unknown)}")
    return reasons


def _parse_labels(
    value: Any, required: Sequence[str], where: str, exact: bool = False
) -> Dict[str, str]:
    if not isinstance(value, dict):
        _fail(where, "expected a mapping")
    missing = [key for key in required if key not in value]
    if missing:
        _fail(where, f"missing: {', '.join(missing)}")
    extra = sorted(set(value) - set(required))
    if exact and extra:
        _fail(where, f"unknown code(s): {', '.join(map(str, extra))}")
    return {str(key): _text(value, key, where) for key in value}


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
    similarities = _content_index(catalogue.formats).similarities(said)
    topic = topic_of(catalogue, profile)
    scored = []
    for position, pps_format in enumerate(catalogue.formats):
        if pps_format.topic_bound and not text_match.keyword_in(
            pps_format.topic_keywords, said
        ):
            continue
        signals = _signals(pps_format, profile)
        similarity = similarities[position]
        signals.append(_Signal(CONTENT_POINTS * similarity))
        keyword = matched_keyword(pps_format, said)
        fits_topic = bool(keyword) or similarity >= FIT_SIMILARITY
        if fits_topic:
            signals.append(_Signal(TOPIC_FIT))
        score = sum(signal.points for signal in signals)
        serves_need = profile.need_category in pps_format.needs
        scored.append(
            ((not serves_need, -score, position), pps_format, signals, score, fits_topic)
        )
    scored.sort(key=lambda item: item[0])

    ranked: List[RankedOption] = []
    seen_ids = set()
    for _, pps_format, signals, score, fits_topic in scored:
        if len(ranked) >= limit:
            break
        if pps_format.id in seen_ids:
            continue
        seen_ids.add(pps_format.id)
        reason = _reason(catalogue, pps_format, profile, signals, topic, fits_topic)
        ranked.append(RankedOption(pps_format, score, reason, fits_topic))
    return ranked


@functools.lru_cache(maxsize=8)
def _content_index(formats: Tuple[PpsFormat, ...]) -> text_match.ContentIndex:
    return text_match.ContentIndex([f.matching_text() for f in formats])


def topic_of(catalogue: Catalogue, profile: IntakeProfile) -> Optional[str]:
    """The entrepreneur's topic in their own words: the topic slot, else the
    noun phrase with the rarest catalogue words of the question itself, else
    of everything said (the goal too)."""
    topic = text_match.clean_topic(profile.topic)
    if topic:
        return topic
    weights = _content_index(catalogue.formats).idf
    for text in (profile.question, profile.said):
        if text.strip():
            phrase = text_match.topic_phrase(text, weights)
            if phrase:
                return phrase
    return None


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


def _need_signal(pps_format: PpsFormat, need: str) -> _Signal:
    if need not in pps_format.needs:
        return _Signal(0.0)
    position = pps_format.needs.index(need)
    if position == 0:
        return _Signal(NEED_POINTS[0], "need_primary")
    points = NEED_POINTS[position] if position < len(NEED_POINTS) else NEED_POINTS_LATER
    return _Signal(points, "need_secondary")


def _sector_signal(pps_format: PpsFormat, sector: Optional[str]) -> _Signal:
    if sector and sector in pps_format.sectors:
        return _Signal(SECTOR_MATCH, "sector")
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
            return _Signal(points, "urgency_fast")
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
                return _Signal(points, "low_time")
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
    return _Signal(SIZE_FIT, "size")


def _level_signal(pps_format: PpsFormat, level: Optional[str]) -> _Signal:
    if not level:
        return _Signal(0.0)
    if level in pps_format.levels:
        return _Signal(LEVEL_FIT, "level")
    return _Signal(LEVEL_MISFIT)


def matched_keyword(pps_format: PpsFormat, said: str) -> Optional[str]:
    """The entrepreneur's word that begins with one of the format's keywords
    (one typo allowed in longer keywords)."""
    keywords = pps_format.keywords + pps_format.topic_keywords
    return text_match.keyword_in(keywords, said) if keywords else None


def _topic_signal(pps_format: PpsFormat, said: str) -> _Signal:
    if matched_keyword(pps_format, said):
        return _Signal(TOPIC_MATCH, "topic")
    return _Signal(0.0)


NEED_KEYS = ("need_primary", "need_secondary")


def _reason(
    catalogue: Catalogue,
    pps_format: PpsFormat,
    profile: IntakeProfile,
    signals: Sequence[_Signal],
    topic: Optional[str] = None,
    fits_topic: bool = False,
) -> str:
    """Names the entrepreneur's topic first (when known), then the strongest
    other positive signal; without a topic, the two strongest signals."""
    explained = [s for s in signals if s.points > 0 and s.reason_key]
    # sorted() is stable: on equal points the need, then sector, ... comes first
    strongest = sorted(explained, key=lambda s: -s.points)
    values = _reason_values(catalogue, pps_format, profile)
    if not topic:
        keys = [s.reason_key for s in strongest[:MAX_REASONS] if s.reason_key]
        keys = keys or ["fallback"]
        return " ".join(catalogue.reasons[key].format(**values) for key in keys)

    values["topic"] = topic
    serves_need = profile.need_category in pps_format.needs
    if fits_topic:
        first = "topic_fit"
    elif serves_need and profile.need_category in catalogue.need_labels:
        first = "topic_general"
    else:
        first = "fallback_topic"
    others = [s.reason_key for s in strongest if s.reason_key not in (*NEED_KEYS, "topic")]
    keys = [first, *others[: MAX_REASONS - 1]]
    return " ".join(catalogue.reasons[key].format(**values) for key in keys if key)


def _reason_values(
    catalogue: Catalogue, pps_format: PpsFormat, profile: IntakeProfile
) -> Dict[str, str]:
    sector = profile.sector or ""
    return {
        "need_label": catalogue.need_labels.get(
            profile.need_category, profile.need_category
        ),
        "sector_label": catalogue.sector_labels.get(sector, sector),
        "start_weeks": _dutch_number(pps_format.start_weeks),
        "months": _dutch_number(pps_format.months),
        "hours_per_week": _dutch_number(pps_format.hours_per_week),
        "company_size": str(profile.company_size or ""),
        "level": profile.education_level or "",
        "keyword": matched_keyword(pps_format, profile.said) or "",
        "topic": "",
    }


def _dutch_number(value: float) -> str:
    """2.0 -> "2", 0.5 -> "0,5": Dutch writes a decimal comma."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:g}".replace(".", ",")
