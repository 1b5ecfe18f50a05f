"""Dutch places in what the entrepreneur types: "zwolle", "Zwole", "in den bosch".

Pure Python over data/places/ (written by scripts/import_places.py from
GeoNames and the OpenTaal word list; sources and licences there):

- case- and accent-insensitive: "zwolle", "ZWOLLE" and "Zwolle" are Zwolle;
- typo-tolerant with rapidfuzz: one edit for names of 5 to 8 letters, two from
  9 ("zwole" -> Zwolle, "apeldorn" -> Apeldoorn), the biggest place on a tie;
- never an ordinary Dutch word: a word within typing distance of a place name
  is never taken for it ("werk", "beter"), and a place whose name is itself a
  word ("Best", "Putten", "Made") counts only with a capital or after "in",
  "uit", "te", "bij", "regio" or "omgeving".
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, FrozenSet, List, Optional, Tuple

DATA = Path(__file__).resolve().parents[2] / "data" / "places"
PLACES_FILE = DATA / "nl_places.tsv"
NEAR_WORDS_FILE = DATA / "near_words.txt"
# Prepositions after which a word can only be a place: "we zitten in best".
# Not "te": "om je mensen op te leiden" is no place ("te Leiden", capitalised,
# still is).
BEFORE_A_PLACE = frozenset(
    {"in", "uit", "bij", "regio", "omgeving", "rond", "nabij", "vlakbij"}
)
MAX_NAME_WORDS = 4  # "Wijk bij Duurstede", "Bergen op Zoom"
MIN_FUZZY_LENGTH = 5
TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|'s-[^\W\d_]+", re.UNICODE)


@dataclass(frozen=True)
class Place:
    name: str  # as the coordinators read it: "Zwolle", "Den Haag"
    province: str
    population: int


@dataclass(frozen=True)
class _Entry:
    place: Place
    is_word: bool


def fold(text: str) -> str:
    """Lower case without accents, one space: "Súdwest Fryslân" -> "sudwest fryslan"."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.lower().split())


def fuzzy_limit(length: int) -> int:
    """How many edits a typed name of `length` letters may differ from a place."""
    if length < MIN_FUZZY_LENGTH:
        return 0
    return 1 if length <= 8 else 2


@functools.lru_cache(maxsize=1)
def _places() -> Dict[str, _Entry]:
    entries: Dict[str, _Entry] = {}
    for line in PLACES_FILE.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        alias, name, province, population, word, _ = line.split("\t")
        entries[fold(alias)] = _Entry(
            Place(name, province, int(population)), is_word=word == "1"
        )
    return entries


@functools.lru_cache(maxsize=1)
def _near_words() -> FrozenSet[str]:
    lines = NEAR_WORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


@functools.lru_cache(maxsize=1)
def _by_length() -> Dict[int, List[str]]:
    lengths: Dict[int, List[str]] = {}
    for key in _places():
        lengths.setdefault(len(key), []).append(key)
    return lengths


def _exact(key: str) -> Optional[_Entry]:
    return _places().get(key)


def _fuzzy(key: str) -> Optional[_Entry]:
    from rapidfuzz.distance import Levenshtein

    limit = fuzzy_limit(len(key))
    if limit == 0 or key in _near_words() or key in _places():
        return None  # too short, an ordinary word, or a place (an exact match)
    best: Optional[Tuple[int, int, str]] = None
    for size in range(len(key) - limit, len(key) + limit + 1):
        for name in _by_length().get(size, []):
            # a typo seldom hits the first letter, and a word that only
            # contains a place ("resomeren", Someren) is no place
            if name[0] != key[0]:
                continue
            distance = Levenshtein.distance(key, name, score_cutoff=limit)
            if distance > limit or _places()[name].is_word:
                continue
            rank = (distance, -_places()[name].place.population, name)
            if best is None or rank < best:
                best = rank
    return _places()[best[2]] if best else None


# How people also name a province: "in Brabant", "in Fryslân".
PROVINCE_NAMES = frozenset({"brabant", "fryslan", "friesland"})


@functools.lru_cache(maxsize=1)
def _provinces() -> FrozenSet[str]:
    named = {fold(entry.place.province) for entry in _places().values()}
    return frozenset(named | PROVINCE_NAMES)


CITY_SIZE = 50_000  # "Utrecht", "Groningen": the city rather than the province


def is_province(name: str) -> bool:
    """ "Friesland", "Zeeland", "Noord-Brabant": a province, not a place."""
    key = fold(name)
    city = _exact(key)
    return key in _provinces() and not (city and city.place.population > CITY_SIZE)


def load() -> None:
    """The places and their lookups, loaded now rather than on first use."""
    _places()
    _near_words()
    _by_length()


def find_place(text: str, answering: bool = False) -> Optional[Place]:
    """The first Dutch place named in `text`, exactly or with a typo; None if none.

    `answering`: `text` answers "In welke plaats?", so a place whose name is
    also a word counts when it is the whole answer ("best", "putten").
    """
    tokens = [m.group() for m in TOKEN.finditer(text or "")]
    whole = _exact(fold(" ".join(tokens))) if answering else None
    if whole is not None:
        return whole.place
    for fuzzy in (False, True):
        for start in range(len(tokens)):
            for size in range(min(MAX_NAME_WORDS, len(tokens) - start), 0, -1):
                words = tokens[start : start + size]
                key = fold(" ".join(words))
                entry = _fuzzy(key) if fuzzy else _exact(key)
                if entry is None:
                    continue
                after_preposition = start > 0 and fold(tokens[start - 1]) in (
                    BEFORE_A_PLACE
                )
                capitalised = words[0][:1].isupper() or words[0].startswith("'s-")
                if entry.is_word and not (after_preposition or capitalised):
                    continue
                return entry.place
    return None
