"""Plain functions that read what an entrepreneur typed into clean slot values.

They hold parsing vocabularies, not text the user sees: every answer the bot
gives lives in domain.yml.
"""

from __future__ import annotations

import datetime
import os
import re
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence

from bot.intake import deadlines, dutch

NUMBER_WORDS = {
    "een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6,
    "zeven": 7, "acht": 8, "negen": 9, "tien": 10, "elf": 11, "twaalf": 12,
    "dertien": 13, "veertien": 14, "vijftien": 15, "zestien": 16, "zeventien": 17,
    "achttien": 18, "negentien": 19, "twintig": 20, "dertig": 30, "veertig": 40,
    "vijftig": 50, "zestig": 60, "zeventig": 70, "tachtig": 80, "negentig": 90,
    "honderd": 100, "tweeën": 2, "drieën": 3, "vieren": 4, "vijven": 5,
    "zessen": 6, "zevenen": 7, "achten": 8, "negenen": 9, "tienen": 10,
    "elven": 11, "twaalven": 12,
    # typed without the diaeresis: "met z'n drieen"
    "tweeen": 2, "drieen": 3,
}  # fmt: skip

EDUCATION_LEVELS = {
    "mbo": ("mbo", "bbl", "bol", "niveau 1", "niveau 2", "niveau 3", "niveau 4",
            "roc", "vakschool", "mbo'er"),
    "hbo": ("hbo", "hogeschool", "bachelor", "hbo'er", "hts", "heao"),
    "wo": ("wo", "universiteit", "universitair", "academisch", "master", "tu "),
}  # fmt: skip

# Canonical sectors and the whole words (after stripping a company suffix such
# as "-bedrijf") that name them. BUSINESS words name a kind of company and count
# anywhere in a message; the others only as the answer to the sector question,
# in "we zitten in de bouw", or in a compound like "bouwbedrijf".
SECTORS = {
    "maakindustrie": (
        "maakindustrie",
        "metaal",
        "metaalbewerking",
        "metaalindustrie",
        "machinebouw",
        "machines",
        "productie",
        "fabriek",
        "fabrikant",
        "laswerk",
        "lassen",
        "precisietechniek",
        "kunststof",
        "hightech",
        "staalbouw",
        "plaatwerk",
        "constructie",
        "industrie",
        "draaierij",
        "fijnmechanica",
        "techniek",
        "metaalbewerker",
        "machinefabriek",
        "interieurbouw",
        "standbouw",
        "beursbouw",
        "decorbouw",
        "tentoonstellingsbouw",
        "jachtbouw",
        "scheepsbouw",
        "jachtwerf",
        "scheepswerf",
        "meubelmakerij",
        "meubelmaker",
        "houtbewerking",
        "spuitgieterij",
        "gieterij",
        "verpakking",
        "elektronica",
        "composiet",
        "staalconstructie",
        "lasbedrijf",
        "verspaning",
        "cnc",
        "spuitgietbedrijf",
        "textiel",
        "textielindustrie",
        "confectie",
        "drukgieterij",
        "matrijzenbouw",
        "gereedschapmakerij",
        "spuitgieten",
        "kunststofverwerking",
    ),
    "bouw": (
        "bouw",
        "aannemer",
        "aannemerij",
        "betonstaal",
        "timmerman",
        "timmer",
        "metselaar",
        "metsel",
        "schilder",
        "dakdekker",
        "infra",
        "grondwerk",
        "vlechter",
        "woningbouw",
        "utiliteitsbouw",
        "wegenbouw",
        "stukadoor",
        "tegelzetter",
        "klus",
        "renovatie",
        "bouwsector",
        "bestrating",
        "stratenmaker",
        "stratenmakers",
        "architect",
        "architecten",
        "sloop",
        "gevelbouw",
        "kozijnen",
        "restauratie",
        "restauratiebedrijf",
        "monumentenrestauratie",
        "waterbouw",
        "grondverzet",
        "gww",
        "civiele",
        "civiel",
        "sloopbedrijf",
        "steigerbouw",
        "glaszetter",
        "architectuur",
        "vloerenlegger",
        "vloeren",
        "dakwerk",
        "timmerwerk",
        "metselwerk",
        "schilderwerk",
        "schilders",
        "bouwkundig",
        "bouwbedrijf",
        "timmerbedrijf",
        "constructiebureau",
        "bouwadviesbureau",
    ),
    "installatie": (
        "installatie",
        "installateur",
        "installatietechniek",
        "elektro",
        "elektrotechniek",
        "elektricien",
        "loodgieter",
        "klimaattechniek",
        "warmtepomp",
        "warmtepompen",
        "zonnepanelen",
        "koeltechniek",
        "warmte",
        "warmtetechniek",
        "paneelbouw",
        "schakelkastenbouw",
        "domotica",
        "ventilatie",
        "airco",
        "sanitair",
        "loodgieters",
        "elektrotechnisch",
        "installatiebedrijf",
        "laadpalen",
        "cv",
    ),
    "ict": (
        "ict",
        "it",
        "software",
        "website",
        "websites",
        "cyber",
        "automatisering",
        "programmeren",
        "developer",
        "hosting",
        "ict-bedrijf",
        "it-bedrijf",
        "web",
        "app",
        "apps",
        "telecom",
        "webbureau",
        "internetbureau",
        "datacenter",
        "softwarebedrijf",
        "saas",
    ),
    "logistiek": (
        "logistiek",
        "transport",
        "vervoer",
        "magazijn",
        "expeditie",
        "binnenvaart",
        "scheepvaart",
        "koerier",
        "distributie",
        "opslag",
        "vervoerder",
        "transporteur",
        "taxi",
        "taxibedrijf",
        "personenvervoer",
        "koeriers",
        "koeriersdienst",
        "expediteur",
        "verhuizer",
        "verhuisbedrijf",
        "bezorging",
        "bezorgdienst",
        "pakketdienst",
        "overslag",
        "haven",
        "havenbedrijf",
        "wegtransport",
        "transportbedrijf",
        "containervervoer",
    ),
    "zorg": (
        "zorg",
        "verpleeghuis",
        "verpleging",
        "thuiszorg",
        "kinderopvang",
        "welzijn",
        "fysio",
        "fysiotherapie",
        "fysiotherapeut",
        "apotheek",
        "tandarts",
        "huisarts",
        "zorginstelling",
        "ouderenzorg",
        "zorgsector",
        "tandartspraktijk",
        "dementiezorg",
        "dierenarts",
        "dierenartsen",
        "dierenkliniek",
        "dierenartspraktijk",
        "audicien",
        "mondzorg",
        "tandtechniek",
        "tandtechnisch",
        "verloskunde",
        "verloskundige",
        "verloskundigen",
        "ggz",
        "jeugdzorg",
        "gehandicaptenzorg",
        "revalidatie",
        "logopedie",
        "logopedist",
        "huisartsenpraktijk",
        "zorgboerderij",
        "podotherapeut",
        "ergotherapie",
        "diëtist",
        "fysiopraktijk",
    ),
    "horeca": (
        "horeca",
        "restaurant",
        "hotel",
        "bnb",
        "café",
        "cafe",
        "catering",
        "lunchroom",
        "snackbar",
        "eetcafé",
        "brasserie",
        "cateraar",
        "camping",
        "recreatie",
        "vakantiepark",
        "rondvaart",
        "rondvaartbedrijf",
        "rondvaarten",
        "jachthaven",
        "bungalowpark",
        "strandtent",
        "pannenkoekenhuis",
        "zalencentrum",
        "partycentrum",
        "bowling",
        "pretpark",
        "dierentuin",
        "toerisme",
        "hostel",
        "kampeerterrein",
        "watersport",
        "zeilschool",
        "sportschool",
        "fitness",
        "sport",
    ),
    "detailhandel": (
        "detailhandel",
        "winkel",
        "retail",
        "webshop",
        "supermarkt",
        "winkelier",
        "groothandel",
        "tuincentrum",
        "delicatessen",
        "boekhandel",
        "boekwinkel",
        "opticien",
        "optiek",
        "bloemist",
        "bloemenwinkel",
        "kledingwinkel",
        "juwelier",
        "drogist",
        "drogisterij",
        "slijterij",
        "bouwmarkt",
        "meubelwinkel",
        "modezaak",
        "schoenenwinkel",
        "dierenwinkel",
        "kapper",
        "kappers",
        "kapsalon",
        "kapperszaak",
        "haarstudio",
        "schoonheidssalon",
        "nagelstudio",
    ),
    "agrifood": (
        "agri",
        "agrifood",
        "food",
        "voedsel",
        "voeding",
        "akkerbouw",
        "veehouderij",
        "veehouder",
        "tuinbouw",
        "glastuinbouw",
        "kweker",
        "kwekerij",
        "boer",
        "boerderij",
        "melkveehouderij",
        "kaas",
        "kaasmakerij",
        "landbouw",
        "hovenier",
        "slager",
        "slagerij",
        "visserij",
        "agrarisch",
        "teler",
        "loonwerk",
        "loonwerker",
        "zuivel",
        "bakker",
        "bakkerij",
        "voedingsmiddelen",
        "foodproductie",
        "levensmiddelen",
        "sauzen",
        "sausmaker",
        "banketbakker",
        "banketbakkerij",
        "brouwerij",
        "bierbrouwerij",
        "fruitteelt",
        "fruitteler",
        "teelt",
        "chocolade",
        "chocolaterie",
        "chocolatier",
        "melkvee",
        "visverwerking",
        "visverwerker",
        "vleesverwerking",
        "vleesverwerker",
        "champignons",
        "champignonkwekerij",
        "kweken",
        "groente",
        "groenten",
        "fruit",
        "uien",
        "agf",
        "groenteteelt",
        "aardappelen",
        "bloembollen",
        "bollenteelt",
        "boomkwekerij",
        "pluimvee",
        "varkenshouderij",
        "geitenhouderij",
        "zuivelfabriek",
        "kaasboerderij",
        "wijngaard",
        "imkerij",
        "vis",
        "slachterij",
        "levensmiddelen",
    ),
    "energie": (
        "energie",
        "waterstof",
        "netbeheer",
        "netbeheerder",
        "windpark",
        "zonnepark",
        "energiebedrijf",
        "biogas",
        "energiecoöperatie",
        "zonne-energie",
        "windenergie",
        "warmtenet",
    ),
    "mobiliteit": (
        "garage",
        "autobedrijf",
        "auto",
        "fiets",
        "fietsen",
        "fietsenmaker",
        "mobiliteit",
        "carrosserie",
        "vrachtwagen",
        "autoschade",
        "rijschool",
        "autogarage",
        "bandenservice",
        "autoverhuur",
        "tweewielers",
        "scooters",
        "caravans",
        "autodealer",
        "dealer",
        "tankstation",
    ),
    "zakelijke_dienstverlening": (
        "advies",
        "adviesbureau",
        "accountant",
        "accountancy",
        "administratie",
        "administratiekantoor",
        "consultancy",
        "consultant",
        "marketing",
        "makelaar",
        "makelaardij",
        "verzekering",
        "verzekeraar",
        "juridisch",
        "advocaat",
        "notaris",
        "notariaat",
        "notariskantoor",
        "recruitment",
        "uitzendbureau",
        "ingenieursbureau",
        "dienstverlening",
        "glazenwasser",
        "glazenwasserij",
        "advocatuur",
        "beveiliging",
        "vertaalbureau",
        "vertaal",
        "vertalingen",
        "vertaler",
        "uitvaart",
        "uitvaartonderneming",
        "uitvaartverzorging",
        "uitvaartcentrum",
        "schoonmaak",
        "schoonmaakbedrijf",
        "glazenwassers",
        "facilitair",
        "beveiligingsbedrijf",
        "boekhouder",
        "boekhouding",
        "belastingadviseur",
        "hypotheekadviseur",
    ),
    "creatief": (
        "creatief",
        "design",
        "ontwerp",
        "ontwerpbureau",
        "reclame",
        "reclamebureau",
        "media",
        "fotografie",
        "fotograaf",
        "drukkerij",
        "games",
        "game",
        "grafisch",
        "communicatiebureau",
        "evenementen",
        "evenement",
        "uitgeverij",
        "videoproductie",
        "video",
        "film",
        "filmproductie",
        "animatie",
    ),
}
# More trades, as people name their branch ("stoffeerderij", "zadelmakerij",
# "pechhulp"): data/sectors/trades.tsv, read like the words above.
TRADES_FILE = Path(__file__).resolve().parent.parent / "data" / "sectors" / "trades.tsv"


def _trades() -> Dict[str, str]:
    rows = TRADES_FILE.read_text(encoding="utf-8").splitlines()
    return dict(row.split("\t") for row in rows if row and not row.startswith("#"))


BUSINESS_WORDS = frozenset(
    """
aannemer aannemerij timmerman metselaar schilder dakdekker stukadoor tegelzetter
installateur elektricien loodgieter fabriek fabrikant draaierij machinefabriek
metaalbewerker restaurant hotel bnb café cafe bakker bakkerij lunchroom snackbar eetcafé
brasserie cateraar winkel supermarkt winkelier groothandel kweker kwekerij
boer boerderij kaasmakerij hovenier slager slagerij teler loonwerker garage
autobedrijf fietsenmaker rijschool adviesbureau accountant administratiekantoor
makelaar makelaardij verzekeraar advocaat notaris uitzendbureau ingenieursbureau
ontwerpbureau reclamebureau fotograaf drukkerij communicatiebureau thuiszorg
verpleeghuis kinderopvang fysiotherapeut apotheek tandarts huisarts zorginstelling
transporteur vervoerder koerier veehouder energiebedrijf fruitteler chocolaterie
chocolatier tuincentrum dierenarts dierenkliniek dierenartspraktijk opticien juwelier
bloemist drogist kapper kapsalon schoonmaakbedrijf vertaalbureau uitvaartonderneming
jachthaven rondvaartbedrijf restauratiebedrijf
""".split()
)
COMPANY_SUFFIXES = (
    "bedrijven",
    "bedrijf",
    "bureau",
    "zaak",
    "kantoor",
    "praktijk",
    "onderneming",
    "sector",
    "branche",
    "firma",
    "groep",
)
# Two or more capitalised words in a row: a person's or a company's name.
NAME_RUN = re.compile(r"[A-Z][\w'&-]*(?:\s+[A-Z][\w'&-]*)+")
_SECTOR_OF_WORD = {
    word: code for code, words in SECTORS.items() for word in words
} | _trades()
_SECTOR_WORDS_LONGEST = sorted(_SECTOR_OF_WORD, key=len, reverse=True)
GENERAL_HEADS = (
    "techniek",
    "onderhoud",
    "service",
    "reparatie",
    "verhuur",
    "handel",
    "werkplaats",
    "zorg",
)
FUZZY_MIN_SCORE = 88
FUZZY_MIN_LENGTH = 6

# Replies that are never a name, topic, sector or correction.
FILLER_WORDS = frozenset(
    """
ja nee jawel jep yes ok oké oke okay prima goed akkoord klopt graag hoi hallo hey hee
hai dag doei bedankt dank thanks top mooi super fijn nou tja hmm hm uh eh euh ehm
weet niet geen idee misschien zeker sure niks niets iets whatever jaja neenee ok!
dus en of maar zo ofzo lol haha test
""".split()
)
PLACEHOLDER = re.compile(r"\[[^\]]*\]")
PERSON_NAME = re.compile(
    r"^[A-Z][a-zà-ÿ]+(?:\s+(?:van|de|der|den|van de|van der|ter"
    r"|ten))?\s+[A-Z][a-zà-ÿ]+$"
)

# Stored when a question was asked twice without a usable answer.
UNKNOWN = "onbekend"

# Words for "no", used when a button is not clicked but typed.
NO_WORDS = ("nee", "geen", "niet", "nope", "liever niet", "overslaan", "skip", "-")
YES_WORDS = ("ja", "jaa", "jawel", "jazeker", "jep", "jup", "yup", "yes", "ok",
             "oké", "oke", "prima", "goed", "akkoord", "klopt", "prima hoor",
             "is goed", "graag")  # fmt: skip
NONE_OF_THESE = ("geen", "niks", "niets", "geen van", "allebei niet", "geen idee")
ORDINALS = {"eerste": 1, "tweede": 2, "derde": 3, "1e": 1, "2e": 2, "3e": 3}

# Anchored at a word's start (the look-behind) and bounded by RFC 5321's lengths
# and a phone number's: a search over a long run of letters or digits is linear,
# where the unbounded patterns tried every start again (issue 23, finding 12;
# `make bench-redaction` times both).
EMAIL_PATTERN = re.compile(
    r"(?<![\w.+'-])[\w.+'-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){0,8}\.[a-z]{2,24}(?![\w-])",
    re.IGNORECASE,
)
PHONE_PATTERN = re.compile(r"(?<![\d+])(\+?\d[\d\s()-]{7,18}\d)(?!\d)")
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


# "mbo of hbo maakt niet uit": two levels said as all one
ANY_LEVEL = re.compile(
    r"\b(?:maakt|boeit)\s+(?:me\s+|mij\s+)?(?:niet|niks|nie)\s+uit\b"
)


def normalise_education_level(text: str) -> Optional[str]:
    """mbo, hbo or wo where the text names one; None where it names none.

    A level ruled out ("hbo hoeft niet") or only allowed beside the one
    wanted ("hbo liefst, mbo 4 mag ook") is not the level sought."""
    if LEVELS_NOT_KNOWN.search(clean_text(text)):
        return None  # "geen flauw idee wat dat allemaal betekent, bol bbl mbo"
    clauses = LEVEL_CLAUSE_BREAK.split(clean_text(text).lower())
    mainly: List[str] = []
    wanted: List[str] = []
    allowed: List[str] = []
    for clause in clauses:
        if LEVEL_RULED_OUT.search(clause):
            continue
        named = _levels_named(clause)
        if LEVEL_ALLOWED_TOO.search(clause):
            allowed.extend(named)
        else:
            (mainly if LEVEL_MAINLY.search(clause) else wanted).extend(named)
    chosen = mainly or wanted or allowed
    found = [level for level in EDUCATION_LEVELS if level in chosen]
    return "/".join(found) if found else None


def _levels_named(clause: str) -> List[str]:
    padded = f" {clause} "
    return [
        level
        for level, words in EDUCATION_LEVELS.items()
        if any(_contains_word(padded, word) for word in words)
    ]


LEVELS_NOT_KNOWN = re.compile(
    r"\b(?:geen\s+(?:flauw\s+|enkel\s+)?idee|weet\s+(?:ik\s+)?niet)\s+wat\s+"
    r"(?:dat|dit|het|die)\s+(?:\w+\s+)?(?:betekent|betekenen|inhoudt|inhouden)\b",
    re.IGNORECASE,
)
# A level is weighed clause by clause: "hbo liefst, mbo 4 mag ook".
LEVEL_CLAUSE_BREAK = re.compile(
    r"[,.;!?]|\bmaar\b|\b(?:en|of)\s+(?=misschien|eventueel|evt|mogelijk)"
)
LEVEL_RULED_OUT = re.compile(
    r"\b(?:hoeft|hoeven)\s+(?:echt\s+)?niet\b|\bniet\s+nodig\b|^\s*(?:geen|niet)\s"
)
LEVEL_ALLOWED_TOO = re.compile(
    r"\b(?:mag|mogen|kan|kunnen)\s+(?:\w+\s+)?ook\b|\book\s+(?:goed|prima|oké|oke|best)\b"
    r"|\b(?:eventueel|desnoods|evt|misschien|mogelijk)\b|\book\s*$"  # "maar mbo ook"
    r"|^\s*(?:en\s+)?een\s+paar\b|\bal\s+(?:is|zijn)\b"  # "mbo 4, een paar hbo"
)
# "mbo en hbo, vooral hbo", "hbo liefst": the level that weighs most
LEVEL_MAINLY = re.compile(r"\b(?:vooral|voornamelijk|liefst|meestal)\b")


# Words of a time the timeframe parser may not know yet ("vanaf volgend
# semester", "in q3", "rond de kerst").
TIME_WORDS = re.compile(
    r"\b(?:semester|kwartaal|q[1-4]|schooljaar|collegejaar|studiejaar|jaar|maand"
    r"|maanden|week|weken|zomer|winter|herfst|najaar|voorjaar|lente|kerst|pasen"
    r"|januari|februari|maart|april|mei|juni|juli|augustus|september|oktober"
    r"|november|december|binnenkort|zsm|asap|20\d\d|zo\s+snel|snel\s+mogelijk)\b",
    re.IGNORECASE,
)
# Where a typed time opens with one of these, it is a time too ("voor het
# hoogseizoen").
TIME_PREPOSITIONS = re.compile(r"^(?:voor|na|binnen|in|vanaf|rond|begin|eind)\b", re.I)


def normalise_sector(text: str) -> Optional[str]:
    """The sector code an answer names, by whole words with typo tolerance.

    "tuinbouw" is agrifood, not bouw: words are compared whole, after stripping
    a company suffix ("installatiebedrijf" → "installatie"); a compound counts
    by its longest known last part ("glastuinbouw" → "tuinbouw").
    """
    cleaned = clean_text(text)
    if not cleaned or not is_free_text(cleaned) or _is_person_name(cleaned):
        return None
    lowered = cleaned.lower()
    if lowered.replace(" ", "_") in SECTORS:
        return lowered.replace(" ", "_")
    # "stralen en coaten voor haven en industrie", "rangeren bij industrie":
    # after "voor" or "bij" come the customers; the trade is what precedes.
    own, *customers = CUSTOMERS_AFTER.split(lowered, maxsplit=1)
    if customers and own.strip():
        return _sector_in_words(_words(own)) or _sector_in_words(_words(lowered))
    return _sector_in_words(_words(lowered))


CUSTOMERS_AFTER = re.compile(r"\s+(?:voor|bij)\s+")
# "surfplanken maken", "we produceren kozijnen": making things is industry.
MAKING = re.compile(r"\b(?:maken|maakt|produceren|produceert|productie|fabriceren)\b")


def _sector_in_words(words: List[str]) -> Optional[str]:
    # "webwinkel, detailhandel": a word from the list itself beats a compound.
    for word in words:
        if word in _SECTOR_OF_WORD:
            return _SECTOR_OF_WORD[word]
    for word in words:
        code = _sector_of_word(word, fuzzy=True)
        if code:
            return code
    return "maakindustrie" if MAKING.search(" ".join(words)) else None


def sector_in_message(text: str) -> Optional[str]:
    """A sector a free message states: business words, compounds, "in de bouw".

    Names come first: "Jan Bakker" is a person, not a bakery, and "Bakker Bouw"
    is a builder (a company name ends in what it does)."""
    cleaned = clean_text(text)
    for run in NAME_RUN.findall(cleaned):
        if _is_person_name(run):
            cleaned = cleaned.replace(run, " ")
            continue
        code = sector_of_name(run)
        if code:
            return code
        if run.split()[0].lower() in TRADE_SURNAMES:
            cleaned = cleaned.replace(run, " ")  # "Bakker Truck": Mr Bakker's
    lowered = cleaned.lower()
    words = _words(lowered)
    for at, word in enumerate(words):
        if not (_names_a_trade(word) or _ours(words, at)) or _someone_elses(words, at):
            continue  # "bij de winkels", "dan zegt het restaurant": another's
        if word in EVERY_FIRMS_ADVISER and at and words[at - 1] in POSSESSIVES:
            continue  # "mijn accountant zei RAAK"
        stem = _strip_company_suffix(word)
        if word in BUSINESS_WORDS or _singular(word) in BUSINESS_WORDS:
            return _SECTOR_OF_WORD.get(word) or _SECTOR_OF_WORD[_singular(word)]
        if stem != word and word in _SECTOR_OF_WORD:
            return _SECTOR_OF_WORD[word]  # "constructiebureau" is listed whole
        if stem != word and len(stem) >= 2:
            code = _sector_of_word(stem, fuzzy=False)
            if code:
                return code
    match = re.search(
        r"\b(?:zitten|zit|werken|werk|actief|bedrijf|zaak)\s+(?:\w+\s+)?(?:in"
        r"|uit)\s+de\s+([a-zà-ÿ-]+)\b",
        lowered,
    ) or re.search(r"\bin\s+de\s+([a-zà-ÿ-]+?)-?\s*(?:sector|branche)\b", lowered)
    if match:
        return _sector_of_word(match.group(1), fuzzy=False)
    return None


# One adviser every firm has: "mijn accountant" names a supplier, not the
# trade ("onze accountants" still does).
EVERY_FIRMS_ADVISER = frozenset(
    "accountant boekhouder advocaat notaris adviseur belastingadviseur verzekeraar"
    " bank huisarts".split()
)
POSSESSIVES = frozenset("mijn m'n mn onze ons".split())
# Before a business word: whose it is ("onze bakkerij", "we hebben een
# garage"); after a preposition ("bij de winkels", "voor restaurants") it is
# a customer's or another's.
OWNERS = frozenset("ik we wij ons onze mijn mn m'n eigen".split())
OTHERS_BEFORE = frozenset("bij voor van aan naar met zoals als andere het die".split())
OWNER_WORDS_BEFORE = 4


TRADE_ENDINGS = ("er", "eur", "eut", "ist", "man", "aar", "ster", "arts", "ien", "oor")


def _names_a_trade(word: str) -> bool:
    """A trade's people ("slagers", "dakdekker", "kapper"): who they employ
    or seek says their sector wherever it is said, unlike a place of business
    ("winkel", "uitzendbureau"), which may be a customer's."""
    return _singular(word).endswith(TRADE_ENDINGS) or word.endswith(TRADE_ENDINGS)


# "komt terug van de opticien", "bij de kapper", "onderzoek voor de
# verzekeraar": one of a trade met through "van/bij/naar/voor de" is a
# customer or supplier; "van de monteurs" are staff.
ONE_ELSEWHERE = re.compile(r"(?:van|bij|naar|door|voor) (?:de|het|een|onze|ons) $")


def _someone_elses(words: List[str], at: int) -> bool:
    if at == 0 and words[at + 2 : at + 3] in (["ons"], ["me"], ["mij"]):
        return True  # "supermarkt wil ons wel, maar ...": who acts on us
    before = " ".join(words[max(0, at - 2) : at]) + " "
    one = words[at] in _SECTOR_OF_WORD and not words[at].endswith("s")
    return one and bool(ONE_ELSEWHERE.search(before))


def _ours(words: List[str], at: int) -> bool:
    """Whether the business word at `at` names the speaker's own business:
    first in the message ("kitbedrijf hier"), or an owner word shortly
    before it and no preposition right before it (or before its article)."""
    if at == 0 or words[at + 1 : at + 2] == ["hier"]:
        return True
    before = words[max(0, at - OWNER_WORDS_BEFORE) : at]
    right_before = [w for w in before[-2:] if w not in ("de", "een", "het")]
    if before[-1:] and before[-1] in OTHERS_BEFORE:
        return False
    if right_before[-1:] and right_before[-1] in OTHERS_BEFORE - {"het", "die"}:
        return False
    return bool(OWNERS & set(before))


def sector_of_name(name: str) -> Optional[str]:
    """The sector a company name states by its words: "Metaalbewerking De Vries",
    "Bakker Bouw" (the last such word), or None ("Tuinhuis Online")."""
    found = None
    words = _words(clean_text(name).lower())
    for index, word in enumerate(words):
        before = words[index - 1] if index else ""
        # "Notariskantoor De Boer": a word after "de" or "van" is a surname.
        # "Tegelwerken Bakker": a trade that is also a surname, after the
        # trade of the name, is the owner
        # "Bakker Truck & Trailer Service": a trade surname first in a longer
        # name is the owner too; better to ask the branch than guess bakery
        surname = word in TRADE_SURNAMES and (found or index == 0 < len(words) - 1)
        if len(word) >= 4 and before not in SURNAME_PARTICLES and not surname:
            if not _umbrella_word(word):
                found = _sector_of_word(word, fuzzy=False) or found
    return found


# "Regenwater Techniek Flevoland", "Jansen Techniek": a name word that covers
# many trades names none; where no other word does, the branch is asked.
UMBRELLA_NAME_WORDS = frozenset("techniek industrie productie handel".split())


def _umbrella_word(word: str) -> bool:
    """ "Techniek", or a compound of it whose first part names no trade:
    "plafondtechniek" is a builder's, "dentaltechniek" serves dentists and
    "glashandel" may be a glazier's, so the branch is asked; "koeltechniek"
    and "vishandel" still say theirs."""
    if word in UMBRELLA_NAME_WORDS:
        return True
    if word in _SECTOR_OF_WORD:
        return False  # "boekhandel"
    for head in UMBRELLA_NAME_WORDS:
        first = word.removesuffix(head).rstrip("-")
        if first != word:
            return _sector_of_word(first, fuzzy=False) is None
    return False


SURNAME_PARTICLES = frozenset(
    {"de", "van", "der", "den", "ter", "ten", "te", "het", "'t"}
)
# Common Dutch surnames that are also trades.
TRADE_SURNAMES = frozenset(
    "bakker visser smit smits boer mulder timmerman schilder kok brouwer kuiper "
    "slager wever schipper kramer molenaar metselaar koopman snijder".split()
)


def _words(lowered: str) -> list:
    lowered = BED_AND_BREAKFAST.sub(" bnb ", lowered)
    return [w.strip("-'") for w in re.findall(r"[a-zà-ÿ][a-zà-ÿ'-]*", lowered)]


# "bed and breakfast", "b&b": one business word
BED_AND_BREAKFAST = re.compile(r"\bbed\s*(?:and|&|en)\s*breakfast\b|\bb\s*&\s*b\b")


def _singular(word: str) -> str:
    for suffix in ("'s", "s", "en"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _strip_company_suffix(word: str) -> str:
    for suffix in COMPANY_SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            stem = word[: -len(suffix)].rstrip("-")
            return (
                stem[:-1]
                if stem.endswith("s") and stem[:-1] in _SECTOR_OF_WORD
                else stem
            )
    return word


# Sectors that use what is built rather than make it ("Saunabouw").
BUILT_FOR = frozenset(
    {"bouw", "horeca", "zorg", "detailhandel", "zakelijke_dienstverlening"}
)


def _sector_of_word(word: str, fuzzy: bool) -> Optional[str]:
    stem = _strip_company_suffix(word)
    for candidate in (word, stem, _singular(word), _singular(stem), stem.rstrip("s")):
        if candidate in _SECTOR_OF_WORD:
            return _SECTOR_OF_WORD[candidate]
    # "vliegtuigonderhoud", "evenemententechniek": after a general head the
    # first part names the trade.
    for head in GENERAL_HEADS:
        first = stem.removesuffix(head).rstrip("-")
        if first != stem and len(first) >= 4:
            for candidate in (first, first.rstrip("s"), _singular(first)):
                if candidate in _SECTOR_OF_WORD:
                    return _SECTOR_OF_WORD[candidate]
    if fuzzy and len(stem) >= FUZZY_MIN_LENGTH:
        from rapidfuzz import fuzz, process  # noqa: PLC0415 - only for typos

        best = process.extractOne(stem, _SECTOR_WORDS_LONGEST, scorer=fuzz.ratio,
                                  score_cutoff=FUZZY_MIN_SCORE)  # fmt: skip
        if best and (not dutch.spelled_right(word) or _inflected(word, best[0])):
            return _SECTOR_OF_WORD[best[0]]
    # "Warmtebouw", "metaalbouw": what is built names the trade, as in
    # "machinebouw" and "tuinbouw" (listed themselves).
    if stem.endswith("bouw") and len(stem) > len("bouw") + 2:
        built = stem[: -len("bouw")].rstrip("s-")
        # a sauna or a shop built is bouw, not the trade that uses it
        if built in _SECTOR_OF_WORD and _SECTOR_OF_WORD[built] not in BUILT_FOR:
            return _SECTOR_OF_WORD[built]
    # Compound: its head is the last part ("glastuinbouw", "woningbouw").
    for known in _SECTOR_WORDS_LONGEST:
        # "Boomzorg", "Vloerzorg": care for things; the care sector's own
        # compounds are listed ("thuiszorg", "mondzorg")
        if len(known) >= 4 and stem.endswith(known) and known != "zorg":
            return _SECTOR_OF_WORD[known]
    return None


def _inflected(word: str, listed: str) -> bool:
    """ "agrarische" for "agrarisch", "verhuizen" for "verhuizer": the same
    word but for its last letters, unlike "harden" and "haarden"."""
    shared = len(os.path.commonprefix([word, listed]))
    return shared >= min(len(word), len(listed)) - INFLECTED_LETTERS


INFLECTED_LETTERS = 2


def is_person_name(text: str) -> bool:
    return _is_person_name(clean_text(text))


def _is_person_name(text: str) -> bool:
    """ "Piet Bakker" is a person; "Bakkerij Jansen" names a business first."""
    if not PERSON_NAME.match(text):
        return False
    first = text.split()[0].lower()
    return _sector_of_word(first, fuzzy=False) is None


def is_free_text(text: object) -> bool:
    """Whether a reply can be a name, topic, sector or correction at all: not
    yes/no, a greeting, a filler word, contact data, a button payload or a
    redaction placeholder."""
    cleaned = clean_text(text)
    lowered = cleaned.lower()
    if not cleaned or cleaned.startswith("/") or PLACEHOLDER.search(cleaned):
        return False
    if extract_email(cleaned) or extract_phone(cleaned):
        return False
    words = re.findall(r"[a-zà-ÿ0-9'&]+", lowered)
    if not words or all(w in FILLER_WORDS for w in words):
        return False
    if lowered in (
        "weet ik niet",
        "geen idee",
        "maakt niet uit",
        "ja graag",
        "nee dank je",
    ):
        return False
    return True


def is_company_name(text: object) -> bool:
    """A plausible company name: free text of at most six words with a letter."""
    cleaned = clean_text(text)
    if not is_free_text(cleaned) or not re.search(r"[a-zA-Zà-ÿ]", cleaned):
        return False
    words = cleaned.split()
    if len(words) > 6 or len(cleaned) > 80:
        return False
    # "Het Boomhuis", "De Vlinder": an article before a capital opens a name
    named = len(words) > 1 and words[1][:1].isupper()
    if words[0].lower() == "het" and not named:
        return False  # "het is een bakkerij"
    if words[0].lower() in (
        "we",
        "wij",
        "ik",
        "dat",
        "die",
        "geen",
        "weet",
        "hoezo",
        "waarom",
    ):
        return False
    return True


# A named month or season at most this many months away is haste ("voor
# januari" in December); "vanaf februari" then leaves time to arrange it.
NAMED_HASTE_MONTHS = 1


def urgency_of(
    time_horizon: Optional[str], today: Optional[datetime.date] = None
) -> Optional[str]:
    """hoog (within about three months), normaal, or laag. A month, season
    or "dit jaar" counts from today: "voor januari" is haste in December."""
    if not time_horizon:
        return None
    lowered = clean_text(time_horizon).lower()
    if any(w in lowered for w in ("geen haast", "maakt niet uit", "ooit", "geen idee")):
        return "laag"
    months = deadlines.months_until(lowered, today or deadlines.today())
    if months is not None:
        return "hoog" if months <= NAMED_HASTE_MONTHS else "normaal"
    # "jaar" as a word: "voor het najaar" is this autumn, not a year away
    if re.search(r"\bjaar\b|\blange termijn\b|\blater\b", lowered):
        # "binnen een jaar, hij stopt volgend voorjaar" is a deadline
        return "normaal" if re.search(r"\bhalf\b|\bbinnen\b", lowered) else "laag"
    if any(
        w in lowered
        for w in ("snel", "direct", "nu", "asap", "morgen", "week", "weken", "maand")
    ):
        months = parse_count(lowered)
        if "maand" in lowered and months and months > 3:
            return "normaal"
        if "maanden" in lowered and months is None:
            return "normaal"  # "de komende maanden": no haste said
        return "hoog"
    return "normaal"


# How own time is said (own_time_level, and answers.TIME_SPAN).
A_DAY = re.compile(r"\bdag(?:en)?\b")
PART_OF_A_DAY = re.compile(r"\b(?:middag|ochtend|avond)(?:en|je|jes)?\b|\bdagde[e]?l")
EVERY_WEEK = re.compile(
    r"\bper\s+week\b|\bin\s+de\s+week\b|\belke\s+week\b|\bwekelijks"
)
PER_MONTH_OR_YEAR = re.compile(
    r"\b(?:per|in\s+het|in\s+de)\s+(?:jaar|maand|kwartaal)\b"
)


NO_MORE = re.compile(r"\b(?:meer\s+niet|niet\s+meer|niet\s+veel)\b")
LITTLE_TIME = re.compile(
    r"weinig|geen|uurtje|nauwelijks|niet|\bniks\b|\bniets\b|\bamper\b"
)


def own_time_level(own_time: Optional[str]) -> Optional[str]:
    """weinig (up to about two hours a week), gemiddeld, or veel."""
    if not own_time:
        return None
    lowered = clean_text(own_time).lower()
    # "uitleg op de eerste dag": a day once is little
    if any(w in lowered for w in ("eerste dag", "uitleg", "inwerken")):
        return "weinig"
    a_day = A_DAY.search(lowered)
    # "een middag of zo" once is little, "een middag per week" is not
    if PART_OF_A_DAY.search(lowered) and not a_day:
        return "gemiddeld" if EVERY_WEEK.search(lowered) else "weinig"
    # a day a month is two hours a week; a few times a year is less
    if PER_MONTH_OR_YEAR.search(lowered):
        return "weinig"
    if (
        a_day
        and not EVERY_WEEK.search(lowered)
        and not re.search(r"\belke\b|dagelijks", lowered)
    ):
        # "een paar dagen" in all: no hours a week said ("1 dag per week" is much)
        return "gemiddeld"
    little = LITTLE_TIME.search(lowered)
    # "2 uurtjes, meer niet", "niet veel": a limit, not much time
    much = re.search(r"\bveel\b|fulltime|\bmeer\b", NO_MORE.sub(" ", lowered))
    if a_day or much:
        # "in de winter veel tijd, in de zomer bijna niks": it depends
        return "gemiddeld" if little and not a_day else "veel"
    if little:
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
    return any(lowered == w or lowered.startswith(f"{w} ") for w in YES_WORDS) or bool(
        HEDGED_YES.match(lowered)
    )


# "ja, zo ongeveer", "in grote lijnen": agreed, with nothing to correct
HEDGED_YES = re.compile(
    r"^(?:(?:ja|jawel|klopt)\s*[,.!]?\s*)?(?:zo\s+)?(?:ongeveer|min\s+of\s+meer"
    r"|grotendeels|in\s+grote\s+lijnen|zo'?n\s+beetje)\s*[.!]*$"
)


YES_AND = re.compile(
    r"^(?:ja|jawel|jep|yes|klopt|precies|goed|ok|oké|oke)(?:\s+(?:klopt|hoor|precies))?"
    r"\s*[,.!]?\s+(?:en|plus|en\s+ook|maar\s+ook)\s+(?P<more>\w.*)$",
    re.IGNORECASE,
)


def yes_and(text: str) -> str:
    """ "ja, en dat de leerlingen het elektrische werk leren": a yes with
    something added to it; the addition, or "" for none."""
    found = YES_AND.match(clean_text(text))
    if not found or (text or "").rstrip().endswith("?"):
        return ""  # "ja! en kan dat naast het werk?": a question of their own
    return found.group("more").strip(" .!")


YES_THOUGH = re.compile(r"^(?:ja|jawel|klopt|precies)\s*,?\s+al\s+\w", re.IGNORECASE)


def yes_though(text: str) -> bool:
    """ "ja, al zou ik die cursus er ook nog bij willen": agreed, with a
    wish beside it that is no correction of what was restated."""
    return bool(YES_THOUGH.match(clean_text(text)))


def yes_with_a_question(text: str) -> bool:
    """ "ja. maar hoe zit dat met die app, kan dat later nog?": agreed, and a
    question of their own beside it (kept for the coordinator), no correction."""
    return yes_or_no_first(text) is True and text.strip().endswith("?")


def yes_or_no_first(text: str) -> Optional[bool]:
    """ "ja, maar mail liever niet", "ja. kost het wat?", "nee, wat gebeurt er
    dan?": the yes or no an answer opens with, before a wish or a question of
    its own; None for neither. To "klopt dat?" the same words bring a
    correction, so only a question that asks leave (contact) reads them so."""
    first = re.split(r"[.,!?;]", text.strip(), maxsplit=1)[0]
    if is_yes(first):
        return True
    return False if is_no(first) else None


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
    """ "ik ben Piet de Vries" → "Piet de Vries"."""
    name = clean_text(text)
    for prefix in ("mijn naam is", "ik heet", "ik ben", "naam:", "dit is"):
        if name.lower().startswith(prefix):
            name = name[len(prefix) :].strip(" ,:")
    if not name or len(name) > 80 or not re.search(r"[a-zA-Zà-ÿ]", name):
        return None
    return name


def choose_option(
    text: str, option_ids: Sequence[str], titles: Iterable[str]
) -> Optional[str]:
    """The chosen option id, "geen" for none of them, or None if unclear."""
    answer = clean_text(text).lower()
    if answer in option_ids:
        return answer
    if any(answer.startswith(word) for word in NONE_OF_THESE):
        return "geen"
    words = answer.split(" ")
    # "tweede", "de eerste", "de eerste maar", "doe maar de derde"
    opening = (
        words[1] if words[0] in ("de", "die", "dat", "het") and len(words) > 1 else ""
    )
    number = ORDINALS.get(words[-1]) or ORDINALS.get(words[0]) or ORDINALS.get(opening)
    if number is None and re.match(
        r"(?:de|die|dat|het)?\s*(?:allerlaatste|laatste)\b", answer
    ):
        number = len(option_ids)  # "die laatste", "de laatste lijkt me wat"
    if number is None:
        # "met 1 dag school" counts days, it chooses nothing
        digits = DIGITS.findall(COUNTED.sub(" ", answer))
        number = int(digits[0]) if len(digits) == 1 else None
    if number is not None:
        return option_ids[number - 1] if 1 <= number <= len(option_ids) else None
    titles = list(titles)
    for option_id, title in zip(option_ids, titles, strict=False):
        if answer and (answer in title.lower() or title.lower() in answer):
            return option_id
    # "de leerbaan" for "Bbl-leerbaan", "die bijeenkomst" for "Open
    # kennisbijeenkomst": the title with the most words that a word of the
    # answer starts or ends, if no other has as many ("die scan door
    # studenten": Cyberscan door studenten, not Bijbaan voor studenten)
    words = [w for w in CHOICE_WORD.findall(answer) if w not in CHOICE_FILLER]
    named = sorted(
        (
            sum(
                any(
                    _names_part(word, part)
                    for part in re.split(r"[\s-]+", title.lower())
                )
                for word in words
            ),
            option_id,
        )
        for option_id, title in zip(option_ids, titles, strict=False)
    )
    best = named[-1] if named else (0, None)
    runner_up = named[-2][0] if len(named) > 1 else 0
    return best[1] if best[0] > runner_up else None


def first_named(answer: str, names: Dict[str, Sequence[str]]) -> Optional[str]:
    """The id whose names (a title, words that name it) the earliest word of
    the answer starts or ends, where that word names one id only."""
    for word in NAMING_WORD.findall(answer.lower()):
        if word in CHOICE_FILLER:
            continue
        named = {
            option_id
            for option_id, titles in names.items()
            if any(
                part == word
                or len(part) >= MIN_NAME_PART
                and (_names_part(word, part) or word.startswith(part))
                and part not in TITLE_LINKS
                for title in titles
                # a short part counts only as a name of its own ("bbl"), not
                # as a word of a title ("met een")
                for part in re.split(r"[\s-]+", title.lower())
                if len(part) >= MIN_NAME_PART or part == title.lower()
            )
        }
        if len(named) == 1:
            return named.pop()
    return None


def _names_part(word: str, part: str) -> bool:
    """Whether a word of an answer names this word of a title: it starts or
    ends it ("de leerbaan", "die bijeenkomst", also as many: "de
    bijeenkomsten"), or the two differ only in their last letters ("dat
    doorverwijzen" for "Doorverwijzing")."""
    if part in TITLE_LINKS:
        return False
    one = re.sub(r"(?<=\w{4})(?:en|s)$", "", word)
    if part.startswith(word) or part.endswith(word) or part.endswith(one):
        return True
    shared = len(os.path.commonprefix([word, part]))
    return shared >= MIN_SHARED_STEM and max(len(word), len(part)) - shared <= 3


MIN_NAME_PART = 4
MIN_SHARED_STEM = 6
# Words of a title that name nothing on their own: "doorverwijzen" does not
# name "Cyberscan door studenten".
TITLE_LINKS = frozenset("door voor naar over met via van het een bij".split())
NAMING_WORD = re.compile(r"[a-zà-ÿ]{3,}")
CHOICE_WORD = re.compile(r"[a-zà-ÿ]{4,}")
# Words in an answer to "welke spreekt je aan?" that name no option.
# a count of something, no option's number: "1 dag school", "2 uur per week"
COUNTED = re.compile(
    r"\b\d+\s*(?:dag|dagen|uur|uren|week|weken|maand|maanden|jaar|keer|man|mensen)\b"
)
CHOICE_FILLER = frozenset(
    "deze die dat doe doen graag maar wel laatste eerste tweede derde optie "
    "keuze kies lijkt mooi leuk goed beste nummer ding dingetje iets".split()
)


def _contains_word(haystack: str, word: str) -> bool:
    return (
        re.search(rf"(?<![a-z]){re.escape(word.strip())}(?![a-z])", haystack)
        is not None
    )
