"""Plain functions that read what an entrepreneur typed into clean slot values.

They hold parsing vocabularies, not text the user sees: every answer the bot
gives lives in domain.yml.
"""

from __future__ import annotations

import re
from typing import Iterable, Optional, Sequence

NUMBER_WORDS = {
    "een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6,
    "zeven": 7, "acht": 8, "negen": 9, "tien": 10, "elf": 11, "twaalf": 12,
    "dertien": 13, "veertien": 14, "vijftien": 15, "zestien": 16, "zeventien": 17,
    "achttien": 18, "negentien": 19, "twintig": 20, "dertig": 30, "veertig": 40,
    "vijftig": 50, "zestig": 60, "zeventig": 70, "tachtig": 80, "negentig": 90,
    "honderd": 100, "tweeën": 2, "drieën": 3, "vieren": 4, "vijven": 5,
    "zessen": 6, "zevenen": 7, "achten": 8, "negenen": 9, "tienen": 10,
    "elven": 11, "twaalven": 12,
}  # fmt: skip

EDUCATION_LEVELS = {
    "mbo": ("mbo", "bbl", "bol", "niveau 1", "niveau 2", "niveau 3", "niveau 4",
            "roc", "vakschool", "mbo'er"),
    "hbo": ("hbo", "hogeschool", "bachelor", "hbo'er", "hts", "heao"),
    "wo": ("wo", "universiteit", "universitair", "academisch", "master", "tu "),
}  # fmt: skip

SECTORS = {
    "maakindustrie": ("metaal", "maakindustrie", "machinebouw", "machines", "productie",
                      "fabriek", "lassen", "laswerk", "precisie", "kunststof", "hightech"),
    "bouw": ("bouw", "aannemer", "betonstaal", "timmer", "metsel", "schilder",
             "dakdek", "infra", "grondwerk", "vlecht"),
    "installatie": ("installat", "elektro", "loodgiet", "klimaat", "warmtepomp",
                    "zonnepane", "cv-"),
    "ict": ("ict", " it", "software", "webshop bouw", "website", "cyber", "data",
            "automatiser", "programm", "developer"),
    "logistiek": ("logistiek", "transport", "vervoer", "magazijn", "expeditie",
                  "binnenvaart", "scheepvaart"),
    "zorg": ("zorg", "verpleeg", "thuiszorg", "kinderopvang", "welzijn",
             "fysio", "apotheek", "tandarts"),
    "horeca": ("horeca", "restaurant", "hotel", "café", "cafe", "catering",
               "bakker", "lunchroom"),
    "detailhandel": ("detailhandel", "winkel", "retail", "webshop", "supermarkt"),
    "agrifood": ("agri", "food", "voedsel", "akkerbouw", "veehouder", "tuinbouw",
                 "kweker", "boer", "melk", "kaas", "glastuin"),
    "energie": ("energie", "duurzame", "waterstof", "netbeheer", "windpark"),
    "mobiliteit": ("garage", "auto", "fiets", "mobiliteit", "carrosserie",
                   "vrachtwagen"),
    "zakelijke_dienstverlening": ("advies", "accountant", "administratie",
                                  "consultan", "adviesbureau", "marketing",
                                  "makelaar", "verzeker", "juridisch"),
    "creatief": ("creatie", "design", "ontwerp", "reclame", "media", "fotogra",
                 "drukkerij", "game"),
}  # fmt: skip

# Words for "no", used when a button is not clicked but typed.
NO_WORDS = ("nee", "geen", "niet", "nope", "liever niet", "overslaan", "skip", "-")
YES_WORDS = ("ja", "jawel", "jep", "yes", "ok", "oké", "oke", "prima", "goed",
             "akkoord", "klopt", "prima hoor", "is goed", "graag")  # fmt: skip
NONE_OF_THESE = ("geen", "niks", "niets", "geen van", "allebei niet", "geen idee")
ORDINALS = {"eerste": 1, "tweede": 2, "derde": 3, "1e": 1, "2e": 2, "3e": 3}

EMAIL_PATTERN = re.compile(r"[\w.+'-]+@[\w-]+(\.[\w-]+)*\.[a-z]{2,}", re.IGNORECASE)
PHONE_PATTERN = re.compile(r"(\+?\d[\d\s()-]{7,}\d)")
DIGITS = re.compile(r"\d+")


def clean_text(value: object) -> str:
    """Collapse white space and drop a trailing full stop or question mark."""
    text = " ".join(str(value or "").split())
    return text.rstrip(" .!?")


def parse_count(text: str) -> Optional[int]:
    """A head count from "8 man", "we zijn met z'n twaalven", "twintig"."""
    lowered = clean_text(text).lower()
    match = DIGITS.search(lowered.replace(".", ""))
    if match:
        return int(match.group())
    # "een stuk of vijf": the last number word is the count, "een" an article.
    found = [
        NUMBER_WORDS.get(word) or _compound_number(word)
        for word in re.findall(r"[a-zëé]+", lowered)
    ]
    counts = [number for number in found if number]
    return counts[-1] if counts else None


def _compound_number(word: str) -> int:
    """Dutch writes 25 as one word: "vijfentwintig"."""
    for tens_word in ("twintig", "dertig", "veertig", "vijftig", "zestig",
                      "zeventig", "tachtig", "negentig"):  # fmt: skip
        if word.endswith(tens_word) and word != tens_word:
            units = word[: -len(tens_word)].removesuffix("en").removesuffix("ën")
            return NUMBER_WORDS[tens_word] + NUMBER_WORDS.get(units, 0)
    return 0


def normalise_education_level(text: str) -> Optional[str]:
    """mbo, hbo or wo where the text names one; None where it names none."""
    lowered = f" {clean_text(text).lower()} "
    found = [
        level
        for level, words in EDUCATION_LEVELS.items()
        if any(_contains_word(lowered, word) for word in words)
    ]
    return "/".join(found) if found else None


def normalise_sector(text: str) -> Optional[str]:
    """The sector code for a free description such as "we zijn een installateur"."""
    lowered = f" {clean_text(text).lower()} "
    for code, stems in SECTORS.items():
        if lowered.strip() == code.replace("_", " ") or any(
            stem in lowered for stem in stems
        ):
            return code
    return None


def urgency_of(time_horizon: Optional[str]) -> Optional[str]:
    """hoog (within about three months), normaal, or laag."""
    if not time_horizon:
        return None
    lowered = clean_text(time_horizon).lower()
    if any(w in lowered for w in ("geen haast", "maakt niet uit", "ooit", "geen idee")):
        return "laag"
    if any(w in lowered for w in ("volgend jaar", "jaar", "lange termijn", "later")):
        return "laag" if "half" not in lowered else "normaal"
    if any(
        w in lowered
        for w in ("snel", "direct", "nu", "asap", "morgen", "week", "weken", "maand")
    ):
        months = parse_count(lowered)
        if "maand" in lowered and months and months > 3:
            return "normaal"
        return "hoog"
    return "normaal"


def own_time_level(own_time: Optional[str]) -> Optional[str]:
    """weinig (up to about two hours a week), gemiddeld, or veel."""
    if not own_time:
        return None
    lowered = clean_text(own_time).lower()
    if any(w in lowered for w in ("dag", "veel", "fulltime", "meer")):
        return "veel"
    if any(w in lowered for w in ("weinig", "geen", "uurtje", "nauwelijks", "niet")):
        return "weinig"
    hours = parse_count(lowered)
    if hours is not None and "uur" in lowered:
        return "weinig" if hours <= 2 else ("gemiddeld" if hours <= 8 else "veel")
    return "gemiddeld"


def is_no(text: str) -> bool:
    lowered = clean_text(text).lower()
    return any(lowered == w or lowered.startswith(f"{w} ") for w in NO_WORDS)


def is_yes(text: str) -> bool:
    lowered = clean_text(text).lower()
    return any(lowered == w or lowered.startswith(f"{w} ") for w in YES_WORDS)


def extract_email(text: str) -> Optional[str]:
    match = EMAIL_PATTERN.search(text or "")
    return match.group().lower() if match else None


def extract_phone(text: str) -> Optional[str]:
    match = PHONE_PATTERN.search(text or "")
    if not match:
        return None
    digits = re.sub(r"[^\d+]", "", match.group())
    return digits if 10 <= len(digits.lstrip("+")) <= 13 else None


def clean_name(text: str) -> Optional[str]:
    """"ik ben Piet de Vries" → "Piet de Vries"."""
    name = clean_text(text)
    for prefix in ("mijn naam is", "ik heet", "ik ben", "naam:", "dit is"):
        if name.lower().startswith(prefix):
            name = name[len(prefix) :].strip(" ,:")
    if not name or len(name) > 80 or not re.search(r"[a-zA-Zà-ÿ]", name):
        return None
    return name


def choose_option(text: str, option_ids: Sequence[str], titles: Iterable[str]) -> Optional[str]:
    """The chosen option id, "geen" for none of them, or None if unclear."""
    answer = clean_text(text).lower()
    if answer in option_ids:
        return answer
    if any(answer.startswith(word) for word in NONE_OF_THESE):
        return "geen"
    number = ORDINALS.get(answer.split(" ")[-1]) or ORDINALS.get(answer.split(" ")[0])
    if number is None:
        digits = DIGITS.findall(answer)
        number = int(digits[0]) if len(digits) == 1 else None
    if number is not None:
        return option_ids[number - 1] if 1 <= number <= len(option_ids) else None
    for option_id, title in zip(option_ids, titles):
        if answer and (answer in title.lower() or title.lower() in answer):
            return option_id
    return None


def _contains_word(haystack: str, word: str) -> bool:
    return re.search(rf"(?<![a-z]){re.escape(word.strip())}(?![a-z])", haystack) is not None
