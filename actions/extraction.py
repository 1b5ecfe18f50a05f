"""What a message clearly states, as clean slot values.

Runs on the opening and on every later answer in the intake, so that nothing
the entrepreneur already said is asked again. Pure functions: no tracker, no
dispatcher. The Dutch spaCy pipeline is the process's one (text_match.pipeline).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import AbstractSet, Any, Dict, List, Optional, Sequence

import yaml

from actions import parsing
from bot.intake import dutch, need_cues, text_match
from bot.intake.deadlines import MONTH_NAMES, MONTHS
from bot.intake.places import find_place

LOOKUPS = Path(__file__).resolve().parent.parent / "data" / "nlu" / "lookups.yml"

_NUMBER_WORDS = sorted(
    (w for w in parsing.NUMBER_WORDS if w not in ("een", "één")), key=len, reverse=True
)
_NUMBER = (
    r"(?:\d+|(?:een\s+)?stuk\s+of\s+(?:" + "|".join(_NUMBER_WORDS) + r"|\d+)"
    r"|[a-z]+(?:en|ën)(?:twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig"
    r"|negentig)"
    r"|" + "|".join(_NUMBER_WORDS) + r")"
)
_APPROX = r"(?:ongeveer\s+|zo'?n\s+|rond\s+de\s+|circa\s+|ca\.?\s+|bijna\s+|ruim\s+)?"
# The words that count staff ("12 man", "8 medewerkers"); also read by answers.py.
STAFF = (
    r"(?:man|mensen|medewerkers?|werknemers?|personeelsleden|fte|collega'?s"
    r"|man\s+personeel|mensen\s+in\s+dienst|vaste\s+krachten|krachten)"
)
# "we zijn met z'n twaalven", "we werken met 8 man", "een bedrijf van 12 mensen"
SIZE_PATTERNS = (
    re.compile(
        rf"\b(?:we|wij)\s+(?:zijn|werken)\s+(?:nu\s+)?(?:met\s+(?:z'?n|zijn|ons)?\s*"
        rf"{_APPROX}({_NUMBER})(?:\s+{STAFF})?|{_APPROX}({_NUMBER})\s+{STAFF})\b"
    ),
    re.compile(
        # "een bedrijf met 12 man"; "staan we met 3 man aan de telefoon" is
        # the people at a task ("we zijn met 12" is read above)
        rf"\b(?:hebben|heb|heeft|telt|tellen|(?<!we\s)(?<!wij\s)met|van|in\s+dienst:?)\s+"
        rf"{_APPROX}"
        rf"({_NUMBER})\s+{STAFF}(?!\s+(?:extra|erbij|nodig|bij\s+te))\b"
    ),
    re.compile(rf"\b({_NUMBER})\s+{STAFF}\s+in\s+dienst\b"),
    re.compile(
        rf"(?:^|[,;]\s*|\ben\s+){_APPROX}({_NUMBER})\s+{STAFF}\b"
        rf"(?!\s+(?:bijscholen|opleiden|trainen|scholen|laten|extra|erbij|nodig|zoek"
        # "2 mensen zijn uitgevallen": a clause about some of them, no size
        r"|zijn|waren|gaan|gingen|worden|werden|hebben|kunnen|willen|moeten"
        r"|vertrekken|vertrokken|stoppen|stopten|lopen|liepen|krijgen"
        # "2 man achter de balie": the people at one place, not all of them
        r"|achter|aan\s+de|op\s+de|in\s+de|bij\s+de))"
    ),
    # "met mij erbij 10", "10 met mezelf erbij": the owner counted in
    re.compile(
        rf"\b(?:met\s+)?(?:mij|mezelf|mijzelf)\s+(?:erbij|meegeteld)\s*,?\s*"
        rf"(?:zijn\s+we\s+(?:met\s+)?)?{_APPROX}({_NUMBER})\b"
        rf"|\b{_APPROX}({_NUMBER})(?:\s+{STAFF})?\s*,?\s*(?:met|inclusief|incl\.?)\s+"
        rf"(?:mij|mezelf|mijzelf)\b"
    ),
)
# A size told in parts, each where they work: "6 man in de werkplaats en 2 op
# kantoor", "4 op de weg, 3 in het magazijn".
_SIZE_PART = (
    rf"{_APPROX}({_NUMBER})(?:\s+{STAFF})?\s+(?:in|op|bij|aan|achter)\s+"
    r"(?:de\s+|het\s+|'t\s+)?[a-zà-ÿ-]+"
)
SIZE_PART = re.compile(rf"\b{_SIZE_PART}")
SPLIT_SIZE = re.compile(
    rf"\b{_SIZE_PART}(?:\s*(?:,|\ben\b|\bplus\b)\s*(?:nog\s+)?{_SIZE_PART})+"
)
# "ik zoek twee monteurs", "3 nieuwe mensen", "we hebben vijf lassers nodig"
_WANT = r"(?:zoek|zoeken|zoekt|nodig|vinden|werven|aannemen|erbij|extra|wil|willen)"
HEADCOUNT_PATTERNS = (
    re.compile(
        rf"\b{_WANT}\s+(?:[\w'-]+\s+){{0,4}}?{_APPROX}({_NUMBER})\s+(?:nieuwe\s+|extra\s+)?[a-zà-ÿ'-]+"
    ),
    re.compile(rf"\b(?:onze|mijn|m'n|de)\s+({_NUMBER})\s+[a-zà-ÿ'-]+"),
    re.compile(rf"\b{_APPROX}({_NUMBER})\s+(?:nieuwe|extra)\s+[a-zà-ÿ'-]+"),
    re.compile(rf"\b{_APPROX}({_NUMBER})\s+[a-zà-ÿ'-]+\s+(?:nodig|erbij|extra|bij)\b"),
    re.compile(
        rf"\b{_APPROX}({_NUMBER})\s+(?:van\s+)?(?:onze|mijn|m'n|de)\s+(?:medewerkers|mensen|collega'?s|monteurs)\b"
    ),
)

CONTRACT_TYPES = (
    (
        "bbl",
        r"\bbbl(?:['-]?(?:er|ers|traject|leerbaan|plek|plekken))?\b"
        r"|\bleerbanen?\b|\bleer-?werktraject",
    ),
    ("bol", r"\bbol\b"),
    ("afstudeeropdracht", r"\bafstude\w*"),
    ("stage", r"\bstagiair\w*|\bstage\w*|\bstagia\w*"),
    ("bijbaan", r"\bbijba\w*|\bwerkstudent\w*|\bbijverdien\w*"),
    (
        "vaste baan",
        r"\bvaste?\s+(?:baan|dienst|contract|aanstelling)\b"
        r"|\bvast\s+in\s+dienst\b",
    ),
)

NO_HASTE = re.compile(
    r"\bgeen\s+haast\b|\bniet\s+dringend\b"
    r"|\bgeen\s+(?:deadline|spoed)\b|\brustig\s+aan\b|\blange\s+termijn\b"
)
# Canonical timeframes, in the order they are tried.
TIMEFRAMES = (
    (
        "zo snel mogelijk",
        # not "fouten direct na de oven opsporen": where, not when
        r"\bzo\s*snel\s*mogelijk\b|\bzsm\b|\basap\b"
        r"|\b(?:direct|meteen)\b(?!\s+(?:na|bij|op|aan|in|achter|voor|inzetbaar|bruikbaar"
        r"|productief|zelfstandig)\b)"
        r"|\bgisteren\b|\bnu\s+al\b|\bper\s+direct\b|(?<!geen\s)\bspoed\b"
        r"|\bheel\s+snel\b|\bzo\s+(?:snel|gauw)\s+(?:het|als\s+het)\s+kan\b"
        r"|\bzodra\s+het\s+kan\b"
        r"|\b(?:liefst|graag|lekker)\s+(?:een\s+beetje\s+|wel\s+)?snel\b|^\W*snel\W*$",
    ),
    ("voor de zomer", r"\bvoor\s+de\s+zome?r(?:vakantie)?\b|\bvoor\s+(?:juni|juli)\b"),
    ("na de zomer", r"\bna\s+de\s+zome?r(?:vakantie)?\b"),
    (
        "voor het einde van het jaar",
        r"\bvoor\s+(?:het\s+)?eind(?:e)?\s+van\s+(?:dit|het)\s+jaar\b"
        r"|\bdit\s+jaar\s+nog\b",
    ),
    (
        "binnen een half jaar",
        r"\bbinnen\s+(?:een\s+)?half\s+jaar\b|\bbinnen\s+(?:zes|6)\s+maanden\b"
        r"|\bkomend(?:e)?\s+half\s+jaar\b",
    ),
    (
        "binnen een jaar",
        r"\bbinnen\s+(?:een|1|één)\s+jaar\b|\bbinnen\s+twaalf\s+maanden\b",
    ),
    (
        "volgend schooljaar",
        r"\b(?:volgend|komend|nieuwe)\s+schooljaar\b",
    ),
    ("volgend studiejaar", r"\b(?:volgend|komend|nieuwe)\s+(?:studie|college)jaar\b"),
    ("volgend jaar", r"\bvolgend\s+jaar\b|\bkomend\s+jaar\b"),
    ("binnen een paar weken", r"\bbinnen\s+(?:een\s+)?paar\s+weken\b"),
    ("de komende weken", r"\bkomende\s+(?:paar\s+)?weken\b"),
    ("binnen een paar maanden", r"\bbinnen\s+(?:een\s+)?paar\s+maanden\b"),
    ("de komende maanden", r"\bkomende\s+(?:paar\s+)?maanden\b"),
    (
        "voor het nieuwe seizoen",
        r"\bvoor\s+het\s+(?:nieuwe|volgende|komende)\s+seizoen\b",
    ),
    ("voor het hoogseizoen", r"\bvoor\s+het\s+hoogseizoen\b"),
    ("voor het seizoen", r"\bvoor\s+het\s+seizoen\b"),
    ("geen haast", NO_HASTE.pattern),
)
_WITHIN = re.compile(
    rf"\bbinnen\s+(?:nu\s+en\s+)?({_NUMBER}|een|twee)\s+(maand|maanden|week|weken)\b"
)
_SEASONS = r"(voorjaar|najaar|winter|herfst|lente|zomer)"
# "dit najaar", "in het voorjaar", "volgende winter": kept as said.
_SEASON = re.compile(
    r"\b(?:dit|deze|komend|komende|volgend|volgende|in\s+het|in\s+de|na\s+het"
    rf"|voor\s+het|voor\s+de|na\s+de|begin|eind)\s+{_SEASONS}\b"
    # "deze maand nog", "volgende week"
    r"|\b(?:deze|volgende|komende)\s+(?:week|maand)\b"
)
# "voor het najaarsseizoen", "na het terrasseizoen": their own season, as said
_OWN_SEASON = re.compile(r"\b(?:voor|na|in|tijdens)\s+het\s+[a-z]+seizoen\b")
# "voor de kerst", "na de herfstvakantie": kept as said, a date people know.
_HOLIDAY = re.compile(
    r"\b(?:voor|na|rond|vanaf|in)\s+(?:de\s+)?(?:kerst(?:vakantie|dagen|periode)?"
    r"|herfstvakantie|voorjaarsvakantie|meivakantie|kerstdagen|feestdagen|pasen"
    r"|paas(?:vakantie|dagen)|carnaval"
    r"|bouwvak(?:antie)?|jaarwisseling|sinterklaas(?:periode)?"
    r"|black\s+friday|koningsdag|pinksteren|hemelvaart)\b"
)
# "voorjaar is ook goed" to "wanneer?": in het voorjaar.
_BARE_SEASON = re.compile(rf"\b{_SEASONS}\b")
THIS_YEAR = re.compile(r"\bdit\s+jaar\b")
COMING_YEARS = re.compile(
    r"\bkomende\s+(?:(?:twee|drie|vier|vijf|paar|\d)\s+)?ja(?:ren|ar)\b"
)
# "voor half juli", "uiterlijk eind maart", "voor 1 juli": the part of the
# month or the day kept, and said without "in" ("in half juli" is no Dutch)
PART_OF_A_MONTH_AFTER = {"in": "", "rond": "rond", "per": "vanaf"}
_MONTH = re.compile(
    r"\b(voor|vanaf|per|in|begin|eind|na|rond|uiterlijk)\s+(?:in\s+)?("
    r"(?:(?:half|medio|begin|eind|[1-3]?\d)\s+)?(?:" + MONTH_NAMES + r"))\b"
)
_EVENT_IN_MONTH = re.compile(
    r"\b(voor|na|vanaf)\s+(?:de|het)\s+[a-zà-ÿ]+\s+(?:van|in)\s+("
    + MONTH_NAMES
    + r")\b"
)

# Own time, as fixed phrases the restatement can use.
OWN_TIME = (
    (
        "een dag per week of meer",
        r"\b(?:een\s+)?(?:hele\s+)?dag(?:en)?\s+(?:per|in\s+de|a)\s+week\s+of\s+meer\b|\bfulltime\b|\bveel\s+tijd\b"
        # "in de winter heb ik tijd zat"
        r"|\btijd\s+(?:zat|genoeg|zat\s+genoeg)\b|\b(?:genoeg|alle)\s+tijd\b",
    ),
    ("ongeveer een dag per week", r"\b(?:een|1)\s+dag\s+(?:per|in\s+de|a|p/)\s*week\b"),
    (
        "een paar uur per week",
        r"\b(?:een\s+)?paar\s+uur(?:tjes)?\s+(?:per|in\s+de|a"
        r"|p/)\s*week\b|\b(?:een\s+)?middag(?:je)?\s+(?:per"
        r"|in\s+de)\s+week\b|\bdagdeel\s+per\s+week\b",
    ),
    (
        "ongeveer een uur per week",
        r"\b(?:een\s+|1\s+)?uur(?:tje)?\s+(?:per|in\s+de|a"
        r"|p/)\s*week\b",
    ),
    (
        "weinig tijd",
        r"\bweinig\s+tijd\b|\bnauwelijks\s+tijd\b|\bniet\s+veel\s+tijd\b"
        r"|\bgeen\s+tijd\b|\bbijna\s+geen\b",
    ),
    ("een paar uur per maand", r"\b(?:een\s+)?paar\s+uur\s+(?:per|in\s+de)\s+maand\b"),
    # "ik maak er tijd voor, dit is belangrijk" (held-out 39th: asked twice)
    (
        "maakt er tijd voor vrij",
        r"\b(?:maak|maken)\s+(?:(?:ik|we|wij|er|daar)\s+){0,2}tijd\s+(?:voor|vrij)\b",
    ),
)
# Own time said beside another answer ("volgend schooljaar, paar keer per jaar
# een middag"); to "hoeveel tijd?" itself such an answer is kept as said.
OWN_TIME_IN_PASSING = (
    ("een paar keer per jaar", r"\b(?:een\s+)?paar\s+keer\s+per\s+(?:jaar|kwartaal)\b"),
    (
        "af en toe een dagdeel",
        r"\baf\s+en\s+toe\s+een\s+(?:middag|ochtend|avond|dagdeel)\w*"
        r"|\b(?:middag|ochtend|avond|dagdeel)\w*\s+af\s+en\s+toe\b",
    ),
)
_HOURS = re.compile(
    rf"\b({_NUMBER}|een\s+paar|1)\s+(?:uur|uren)\s+(?:per|in\s+de|a|p/)\s*(week|maand)\b"
)
# "paar uur per wk": chat's short week
SHORT_WEEK = re.compile(r"\b(per|p/)\s*wk\b")
_BARE_HOURS = re.compile(rf"\b({_NUMBER}|een\s+paar|paar)\s+(?:uur|uurtjes|uren)\b")
HALF_HOUR = re.compile(r"\b(?:een\s+)?half\s+(?:uur|uurtje)\b")
# "een halve dag per week", "een dagdeel per maand", "twee ochtenden per week"
_PARTS_OF_DAYS = re.compile(
    # "avondje per maand": chat drops the article
    rf"\b(?:(?:{_NUMBER}|een|één|1)\s+(?:halve\s+)?(?:dagde(?:el|len)|ochtend(?:en|je)?"
    r"|middag(?:en|je)?|avond(?:en|je)?|dag)|(?:ochtend|middag|avond)je)\s+(?:per|in\s+de|a)\s+"
    r"(?:week|maand|twee\s+weken)\b"
)
_DAYS = re.compile(rf"\b({_NUMBER})\s+dag(?:en)?\s+(?:per|in\s+de|a)\s+(week|maand)\b")

# Words that say nothing about what a question is about.
GENERIC_NOUNS = frozenset(
    """
bedrijf bedrijven zaak firma onderneming organisatie we wij ik jij je u mens mensen
medewerker medewerkers personeel werknemer werknemers collega collega's team vraag
vragen idee ideeën iets niets niks tijd jaar maand maanden week weken dag dagen
hulp school scholen student studenten onderwijs opleiding opleidingen docent docenten
manier manieren probleem problemen ding dingen keer mogelijkheid mogelijkheden
beetje stuk kant gedoe ofzo zo eigenlijk hoi hallo vacature vacatures kans kansen
soort plek plekken iemand niemand hoe wat wie waar jaar ondernemer ondernemers baas
eigenaar directeur moment nu dit dat deze die gesprek contact info informatie man
hbo mbo wo bbl bol niveau stage stagiair stagiairs stagiaires afstudeerder afstudeerders
mbo'ers hbo'ers wo'ers mbo'er hbo'er uur uurtje zomer najaar voorjaar winter herfst
lente begin eind einde regio plaats
januari februari maart april mei juni juli augustus september oktober november december
bijblijven ontmoeten bijscholen omscholen opleiden scholen bijscholing omscholing last
netwerk netwerken meedenken help hulpvraag ervaren ervaring gedoe hoofdpijn moeite
samenwerking pps lectoraat hogeschool universiteit roc bijbaan bijbanen leerling
leerlingen nieuws paar klant klanten geld kosten kennis werk werkzaamheden stap
stappen
""".split()
)
# A talent question is about the people sought: these nouns are the topic there.
PEOPLE_WANTED = re.compile(
    r"\b([a-zà-ÿ-]*(?:monteur|lasser|technicus|technici|ontwikkelaar|developer"
    r"|programmeur"
    r"|timmerm[ae]n|timmerlieden|verpleegkundige|kok|koks|chauffeur|elektricien"
    r"|installateur"
    r"|loodgieter|engineer|ingenieur|verkoper|medewerker|collega|vakkracht|vakmensen"
    r"|vakman"
    r"|operator|planner|analist|marketeer|ontwerper|schilder|metselaar|bakker"
    r"|monteurs|maker"
    r"|kracht|krachten|personeel|leerling|afstudeerder|stagiair|stagiaire|stagair"
    r"|stagaire|helpende|helpenden|verzorgende)(?:s|en|'s|e|es)?)\b"
)
_TOPIC_AFTER = re.compile(
    r"\b(?:iets\s+(?:met|doen\s+met|aan)|meer\s+(?:weten|leren)\s+over|kennis\s+over"
    r"|over"
    r"|op\s+het\s+gebied\s+van|rond(?:om)?|met\s+betrekking\s+tot|hulp\s+bij"
    r"|bezig\s+met"
    r"|gaat\s+om|vraag\s+over|iets\s+doen\s+aan|(?:leren\s+)?werken\s+met|kennis\s+van"
    r"|verstand\s+van|aan\s+de\s+slag\s+met)\s+(.+)",
    re.IGNORECASE,
)
_TOPIC_STOP = re.compile(
    r"[,.;:!?()]|\b(?:ofzo|of\s+zo|en|maar|want|omdat|zodat|dus|in\s+[A-Z]"
    r"|voor\s+(?:de|het|ons|onze|mijn)|binnen|met\s+\d|als|wanneer|maar|doen|kunnen"
    r"|willen"
    r"|moeten|gaan|hebben|maken|graag|nodig|weet|ik|we|wij|ontmoeten|leren|zoeken"
    r"|vinden"
    r"|krijgen|is|zijn|wordt|worden|kan|kunnen|zou|zouden|ofzoiets|enzo"
    r"|zeggen|zegt|zei)\b"  # "hout stoken is straks over, zeggen ze"
)
COMMON_VERBS = frozenset(
    """beginnen begonnen weten krijgen vinden zoeken hebben
willen kunnen moeten gebeuren bijblijven ontmoeten aankloppen functioneren
aanpakken regelen oplossen veranderen verbeteren""".split()
)
# Verbs that name a topic by themselves: "digitaliseren", "verduurzamen".
TOPICAL_VERB = re.compile(r"(?:iseren|ificeren|zamen|ieren)$")
# "onze kas verduurzamen" → "het verduurzamen van je kas"
_VERB_OBJECT = re.compile(
    r"\b(?:onze|ons|mijn|m'n|de|het"
    r"|die)\s+([a-zà-ÿ-]{3,})\s+([a-zà-ÿ]{5,}en)\b(?!\s+\w)"
)
# "stagaires", "stagiare": spelled as heard.
STAGIAIR_TYPO = re.compile(r"stagi?ai?re?s?")
# "een mbo-diploma halen": the diploma is what a training question is about.
DIPLOMA = re.compile(r"\b((?:mbo-|hbo-|wo-)?diploma)(?:'s)?\b")
# "de opleiding logistiek" (also typed "opleidng"): the course is the topic.
COURSE = re.compile(r"\bople?i?d(?:ing|ng|in)\s+([a-zà-ÿ]{4,})\b")
COMPOUND_COURSE = re.compile(r"\b([a-zà-ÿ]{3,}opleiding)\b")
# Sayings that are about feeling lost, not about a subject.
IDIOMS = re.compile(
    r"\b(?:door\s+de\s+bomen\s+(?:het\s+)?bos\s+(?:\w+\s+){0,2}?(?:niet|nie"
    r"|niks)(?:\s+meer)?(?:\s+zien)?"
    r"|(?:het\s+)?bos\s+door\s+de\s+bomen|om\s+tafel|op\s+straat"
    # "we schuren alles nog met de hand": how, not what it is about
    r"|met\s+de\s+hand)\b",
    re.IGNORECASE,
)
# "is zo'n schuurrobot iets voor ons?": the thing asked about is the topic
FOR_US = re.compile(
    r"\b(?:is|zijn)\s+(?:zo'?n|zon|een|die|dat|deze)\s+([a-zà-ÿ-]{4,})\s+iets\s+voor"
    r"\s+(?:ons|mij|me|jullie|onze|mijn)\b",
    re.IGNORECASE,
)
POSSESSIVES = {"mijn": "je", "m'n": "je", "onze": "je", "ons": "je"}
PHRASE_STARTS = {"de", "het", "een", "onze", "ons", "mijn", "m'n"}
DROPPED_DETERMINERS = {
    "die",
    "deze",
    "dat",
    "dit",
    "een",
    "wat",
    "welke",
    "zo'n",
    "al",
    "alle",
}
MAX_TOPIC_WORDS = 5

TRIED_PATTERN = re.compile(
    r"\b(?:al|eerder|vorig\s+jaar|ooit)\b[^.?!]{0,60}?\b(?:geprobeerd|gedaan|gehad"
    r"|gevraagd"
    r"|geplaatst|gezet|ingeschakeld|benaderd|gebeld|uitgezet|gezocht|ingehuurd)\b",
    re.IGNORECASE,
)
NOTHING_TRIED = re.compile(
    r"^(?:nee[, ]*)?(?:nog\s+)?(?:niks|niets|nee|geen|nog\s+niet|nog\s+nooit)\b", re.I
)

_NAME_WORD = r"(?:[A-Z0-9][\w&'.-]*|&)"
_NAME = rf"{_NAME_WORD}(?:\s+(?:&|en|de|der|den|van|het|'t|{_NAME_WORD})){{0,5}}"
COMPANY_INTRO = re.compile(
    rf"(?:\b(?i:ik\s+heb|wij\s+zijn|we\s+zijn|ik\s+ben\s+(?:van|eigenaar\s+van|directeur\s+van)"
    rf"|ik\s+werk\s+bij|namens|eigenaar\s+van|directeur\s+van|bedrijf\s+heet|zaak\s+heet"
    rf"|we\s+heten|wij\s+heten|genaamd|firma|bij|van)\s+)({_NAME})"
)
LEGAL_FORM = re.compile(rf"\b({_NAME}\s+(?:B\.?V\.?|V\.?O\.?F\.?|N\.?V\.?))(?![\w])")
NAME_PREFIXES = (
    "het bedrijf heet",
    "mijn bedrijf heet",
    "de zaak heet",
    "ons bedrijf heet",
    "we heten",
    "wij heten",
    "het heet",
    "dat is",
    "dit is",
    "wij zijn",
    "we zijn",
    "ik ben van",
    "ik werk bij",
    "bedrijf:",
    "naam:",
)


def _nlp() -> Any:
    """The one spaCy pipeline of the process (text_match.pipeline): the
    phrases below need its POS tags, so an absent model is an error here."""
    nlp = text_match.pipeline()
    if nlp is None:
        raise RuntimeError(f"spaCy model {dutch.SPACY_MODEL} not available")
    return nlp


@lru_cache(maxsize=1)
def known_regions() -> Dict[str, str]:
    """Lower-case town or province name → its spelling, from the NLU lookup table."""
    data = yaml.safe_load(LOOKUPS.read_text(encoding="utf-8"))
    names: Dict[str, str] = {}
    for item in data.get("nlu", []):
        if item.get("lookup") == "region":
            for line in item["examples"].splitlines():
                name = line.strip().lstrip("- ").strip()
                if name:
                    names[name.lower()] = name
    return names


def extract(text: str) -> Dict[str, str]:
    """Every slot the message clearly states, as normalised values."""
    text = parsing.clean_text(text)
    if not text or text.startswith("/"):
        return {}
    # Contact data offered unasked is read elsewhere; it never becomes a slot here.
    text = parsing.PHONE_PATTERN.sub(" ", parsing.EMAIL_PATTERN.sub(" ", text))
    text = parsing.PLACEHOLDER.sub(" ", text)
    if not parsing.is_free_text(text):
        return {}
    lowered = text.lower()
    found: Dict[str, Optional[str]] = {
        "company_size": company_size(lowered),
        "headcount": headcount(lowered),
        "region": region(text),
        "education_level": _level(lowered),
        "contract_type": contract_type(lowered),
        "time_horizon": timeframe(lowered),
        # "n halve dag per week": chat's "n" is "een"
        "own_time": own_time(dutch.written(text).lower())
        or _own_time_in_passing(lowered),
        "sector": sector_stated(text),
        "company_name": company_name(text),
        "tried_before": tried_before(text),
    }
    if found["headcount"] and found["headcount"] == found["company_size"]:
        found["headcount"] = None
    return {slot: value for slot, value in found.items() if value}


# A part of the company answer that is its place: "Ede", "in zwole".
PLACE_PART_PREFIX = re.compile(
    r"^(?:(?:we\s+)?(?:zitten\s+)?(?:in|op|uit|te|bij)|regio)\s+", re.I
)
MAX_WORDS_OF_PLACE_PART = 3
LEADING_COUNT = re.compile(r"(?:ongeveer\s+|zo'n\s+|circa\s+)?(\d{1,4})\s+(?=[a-z])")
# The words that open a self-correction ("Utrecht, o nee, Nieuwegein"); a part
# of the combined company answer may also open with a hesitation ("eh", "wacht").
CORRECTION = (
    r"(?:o+h?\s+)?(?:nee+(?:\s+wacht)?|nou\s+ja|of\s+eigenlijk|ik\s+bedoel|sorry"
    r"|correctie)"
)
PART_CORRECTION = re.compile(
    rf"^(?:{CORRECTION}|of\s+nee|eh+|wacht|of(?=\s+\d))\b\W*", re.I
)
# "22. of nee, 24": a part taken back by its own last words
TAKEN_BACK_PART = re.compile(rf"\d\W+(?:{CORRECTION}|of\s+nee|wacht)\W*$", re.I)
# Parts are told apart by commas, or by a full stop before a correction
# ("Rotterdam. Nou ja, Schiedam"), not by the one in "St. Michielsgestel".
PART_BREAK = re.compile(rf"[,;]|\.\s+(?={CORRECTION}|eh|wacht)", re.I)
TRAILING_COUNT = re.compile(r"\b(\d{1,6})\W*$")
MAX_WORDS_OF_SIZE_PART = 3  # "ongeveer 12 man", not "wij zijn een contentbureau"
# A count of something other than people: "twee winkels", "3 vestigingen".
COUNTED_THING = re.compile(
    rf"{_APPROX}{_NUMBER}\s+(?!(?:{STAFF}|plus|minus|sinds|tussen|volgens)\b)"
    r"[a-z]+(?:s|en)\b"
)


def company_context(text: str) -> Dict[str, str]:
    """The place and the size in an answer to "hoe heet het, in welke plaats
    zitten jullie en met hoeveel mensen?", told in parts after the name:
    "Warmtebouw, apeldorn, 7", "Distributie Veluwe, Ede, 70". The name is the
    first part and says neither. A later part is the place when it is wholly a
    Dutch place, also lower case or with a typo (bot/intake/places.py), and the
    size when it is a count ("12 man", "met z'n achten")."""
    parts = [part.strip() for part in PART_BREAK.split(parsing.clean_text(text))]
    found: Dict[str, str] = {}
    corrects_the_place = False
    corrected_size = False
    for part in parts[1:]:
        if _initials_of(parts[0], part):
            continue  # "Regenwater Techniek Flevoland, RTF, Almere": the name again
        if TAKEN_BACK_PART.search(part):
            continue
        corrected = PART_CORRECTION.match(part)
        if corrected and found:
            # "Hoorn, 7, nee wacht, 9 met de zaterdaghulpen": the later one counts
            part = part[corrected.end() :].strip()
            taken_back = found.popitem()[0]
            corrects_the_place = taken_back == "region"
            corrected_size = taken_back == "company_size"
        has_digit = any(c.isdigit() for c in part)
        if part and "region" not in found and not has_digit:
            # "Deventer, o nee, we zijn verhuisd naar Raalte": the correction
            # is a sentence; the first place it names counts
            place = (
                _place_part(part)
                or (corrects_the_place and _first_place_named(part))
                # "Eendenkroos & Co, Kruiningen, 6": between the name and the
                # size, a name the list lacks is the place
                or (part is parts[1] and len(parts) >= 3 and _a_place_name(part))
            )
            if place:
                found["region"] = place
                continue
        if part and "company_size" not in found:
            size = size_answered(part.lower())
            counts_things = COUNTED_THING.match(part.lower())  # "twee winkels"
            leading = LEADING_COUNT.match(part)
            if size is None and leading and not counts_things:
                size = leading.group(1)  # "9 met de zaterdaghulpen erbij"
            trailing = TRAILING_COUNT.search(part)
            if size is None and corrected_size and trailing:
                size = trailing.group(1)  # "60, nee wacht, met de invalpool erbij 75"
            if (
                size is None
                and not counts_things
                and len(part.split()) <= MAX_WORDS_OF_SIZE_PART
            ):
                count = parsing.parse_count(part)
                size = str(count) if count else None
            if size:
                found["company_size"] = size
    return found


def _initials_of(name: str, part: str) -> bool:
    initials = "".join(word[0] for word in name.split() if word[:1].isalpha())
    return len(part) >= 2 and part == initials.upper()


def _place_part(part: str) -> Optional[str]:
    stripped = PLACE_PART_PREFIX.sub("", part).strip()
    if not stripped or len(stripped.split()) > MAX_WORDS_OF_PLACE_PART:
        return None
    known = known_regions().get(stripped.lower())
    if known:
        return known
    place = find_place(stripped, answering=True)
    if place:
        return place.name
    # "op Texel": in the place's part of the answer, a capitalised name after
    # a preposition is a place the list lacks (an island, a municipality)
    named = stripped != part.strip() and all(w[:1].isupper() for w in stripped.split())
    return stripped if named else None


def _a_place_name(part: str) -> Optional[str]:
    words = part.split()
    capitalised = [w for w in words if w.lower() not in PLACE_NAME_PARTICLES]
    if not 0 < len(words) <= MAX_WORDS_OF_PLACE_NAME or not all(
        w[:1].isupper() and w.isalpha() for w in capitalised
    ):
        return None
    # ("Hoofdkantoor" is a word of the language; a village the list lacks is not)
    return None if len(words) == 1 and dutch.known(part.lower()) else part


PLACE_NAME_PARTICLES = frozenset("aan den de op van het bij ter".split())
MAX_WORDS_OF_PLACE_NAME = 4  # "Alphen aan den Rijn"


def _first_place_named(sentence: str) -> Optional[str]:
    place = find_place(sentence)
    return place.name if place else None


def _count(words: str) -> Optional[int]:
    return parsing.parse_count(words)


# "9. O nee, 10 sinds deze maand", "Rotterdam. Nou ja, Schiedam eigenlijk":
# the part after the last self-correction is the answer.
SELF_CORRECTION = re.compile(
    rf"(?:^|[.,;!?]\s*|\s){CORRECTION}\b[\s,.:!]*", re.IGNORECASE
)


def as_corrected(text: str) -> str:
    """What an answer says after its last self-correction; all of it when it
    has none, or when nothing follows ("geen haast, nee")."""
    corrections = list(SELF_CORRECTION.finditer(text))
    if not corrections:
        return text
    return text[corrections[-1].end() :].strip() or text


def company_size(lowered: str) -> Optional[str]:
    """The size said, or the one it was corrected to: "38 medewerkers. Of nou
    ja, 41 met de nachtdienst", "16 man, nee 17"."""
    corrected = as_corrected(lowered)
    # only a size said before is corrected: "nee, 2 jaar geleden" is none, and
    # "3. nee 4, Ronnie ook" counts the people it is about
    if corrected != lowered and _size_in(lowered[: lowered.rfind(corrected)]):
        size = _size_in(corrected) or _leading_count(corrected)
        if size:
            return size
    return _size_in(lowered)


def size_answered(lowered: str) -> Optional[str]:
    """The size in an answer to "met hoeveel mensen?": also the owner alone,
    which in any other message is no size ("alleen ik kan hem bedienen")."""
    return company_size(lowered) or ("1" if ON_MY_OWN.search(lowered) else None)


# "alleen ik, plus een stuk of 30 vrijwilligers", "in m'n eentje": the owner
# works alone (not "alleen ik en mijn vrouw")
ON_MY_OWN = re.compile(
    r"\b(?:alleen\s+(?:ik|mezelf|mijzelf)|ik\s+alleen|in\s+(?:m'?n|mijn|mn)\s+"
    r"(?:eentje|uppie)|eenmans(?:zaak|bedrijf))\b"
    r"(?!\s+(?:en|met|plus)\s+(?:mijn|m'?n|mn|onze|de|een|\d))"
)


def _leading_count(text: str) -> Optional[str]:
    leading = re.match(r"\d{1,5}\b", text)
    return leading.group() if leading and int(leading.group()) < 100_000 else None


def _size_in(lowered: str) -> Optional[str]:
    split = SPLIT_SIZE.search(lowered)
    wanted = split and re.search(rf"\b{_WANT}\b", lowered[: split.start()][-25:])
    if split and not wanted:  # "6 man in de werkplaats en 2 op kantoor": a sum
        counts = [_count(m.group(1)) for m in SIZE_PART.finditer(split.group(0))]
        total = sum(count or 0 for count in counts)
        if all(counts) and total < 100_000:
            return str(total)
    for pattern in SIZE_PATTERNS:
        match = pattern.search(lowered)
        if match:
            before = lowered[max(0, match.start() - 25) : match.start()]
            if re.search(rf"\b{_WANT}\b", before) and "hebben" not in match.group(0):
                continue
            count = _count(next(group for group in match.groups() if group))
            if count and count < 100_000:
                return str(count)
    return None


AN_AGE = re.compile(r"\b(?:boven|onder|rond|over|tegen|in)\s+de\s$")


def headcount(lowered: str) -> Optional[str]:
    for pattern in HEADCOUNT_PATTERNS:
        for match in pattern.finditer(lowered):
            if re.search(
                rf"\b{STAFF}\s+in\s+dienst\b", lowered[match.end(1) : match.end() + 12]
            ):
                continue
            if re.search(
                r"\b(?:uur|uren|dag|dagen|maand|maanden|week|weken|jaar)\b",
                match.group(0),
            ):
                continue
            if AN_AGE.search(lowered[: match.start() + 3]):
                continue  # "allemaal boven de vijftig": an age, not a count
            if OF_OUR.search(lowered[: match.start(1)]):
                continue  # "3 van mijn 4 matrijzenmakers": the staff there are
            count = _count(match.group(1))
            if count and count < 1000:
                return str(count)
    return None


OF_OUR = re.compile(r"\bvan\s+(?:mijn|m'?n|mn|onze|ons|de)\s+$")


# A place said to be wrong: "niet in Zwolle", "niet uit Den Haag".
NOT_THERE = re.compile(
    r"\bniet\s+(?:in|uit|te|bij|rond)\s+(?:de\s+(?:regio|omgeving)\s+)?"
    r"[\w'-]+(?:\s+(?:aan|op|den|de|bij)\s+[\w'-]+)?",
    re.IGNORECASE,
)


# Where the company is: "we zitten in Kampen", "gevestigd te Ede".
# A clause that speaks of the company itself: "we hebben een bakkerij in
# Ede", "onze werkplaats in Zwolle", not "een collega van me in Roermond".
OURS = re.compile(r"\b(?:we|wij|ik|ons|onze|mijn|m'?n|mn)\b", re.IGNORECASE)
CLAUSE_BREAK = re.compile(r"[.,;!?]|\bmaar\b", re.IGNORECASE)


def place_is_ours(text: str, place: str, company: str = "") -> bool:
    """Whether `place` is said as where the company is: in a clause of
    "we", "ons", "mijn", ... or of the company's name ("Bakker Bouw uit
    Zwolle"); "zijn school zit in Duitsland" is someone else's."""
    folded = place.lower().split(" bij ")[0]
    return any(
        folded in clause.lower()
        and (OURS.search(clause) or (company and company.lower() in clause.lower()))
        for clause in CLAUSE_BREAK.split(text)
    )


def _village_near(text: str, town: str) -> str:
    """ "Weurt bij Nijmegen": a village the place list does not know, said
    with the town it lies near; "" where "bij" follows no such name ("we
    zitten bij Nijmegen")."""
    found = re.search(
        rf"(?<![\w-])([\w'-]+)\s+bij\s+{re.escape(town)}(?![\w-])", text, re.I
    )
    if not found:
        return ""
    village = found.group(1)
    if not village[:1].isupper() or dutch.known(village.lower()):
        return ""
    return f"{village} bij {known_regions()[town.lower()]}"


def region(text: str) -> Optional[str]:
    """A known town or province, or an unknown one after "in", "uit", "regio"."""
    regions = known_regions()
    text = NOT_THERE.sub(" ", text)  # "we zitten in Kampen, niet in Zwolle"
    for name in sorted(regions, key=len, reverse=True):
        if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text, re.IGNORECASE):
            spelled = regions[name]
            # A lower-case town only counts after a preposition ("in ede").
            if re.search(
                rf"(?<![\w-]){re.escape(spelled)}(?![\w-])", text
            ) or re.search(
                rf"\b(?:in|uit|regio|rond|omgeving|bij)\s+{re.escape(name)}\b",
                text.lower(),
            ):
                return _village_near(text, name) or spelled
    match = re.search(
        r"\b(?:zitten|zit|gevestigd|zijn|werken|wonen|actief)\s+(?:we\s+"
        r"|wij\s+)?(?:in|te)\s+"
        r"(?:de\s+(?:regio|omgeving)\s+)?([A-Z][a-zà-ÿ'-]+(?:[ -](?:aan|op|den"
        r"|de)[ -][A-Z][a-zà-ÿ'-]+)?)",
        text,
    ) or re.search(r"\b(?:regio|omgeving|uit)\s+([A-Z][a-zà-ÿ'-]+)", text)
    return match.group(1) if match else None


def contract_type(lowered: str) -> Optional[str]:
    for name, pattern in CONTRACT_TYPES:
        if re.search(pattern, lowered):
            return name
    return None


# "zonder meteen een project te starten": no haste; "zodat nieuwe jongens
# meteen mee kunnen", "zodat spullen binnen een week in de winkel staan":
# what the goal brings, not when it should be arranged
NOT_AT_ONCE = re.compile(
    r"\b(?:zonder|niet)\b[^,.;!?]{0,30}?\b(?:meteen|direct)\b"
    r"|\b(?:zodat|waardoor)\b[^.;!?]{0,50}?\b(?:meteen|direct"
    r"|binnen\s+\S+\s+(?:uur|dag|dagen|week|weken))\b"
)


# "voor 2027", "loopt af in 2026": the year as said (the date decides what
# "volgend jaar" is, not the bot).
_YEAR = re.compile(r"\b(voor|in|vanaf|na|uiterlijk|eind|begin)\s+(20\d\d)\b")
# "over 2 jaar met pensioen", to "wanneer?": a span from now, as said
_IN_TIME = re.compile(
    rf"\bover\s+({_NUMBER}|een|twee|drie|vier|vijf)\s+(jaar|maanden)\b"
)


def timeframe(lowered: str) -> Optional[str]:
    """A fixed phrase for when to arrange it: "voor de zomer", "in september";
    "zo snel mogelijk" with the date said beside it ("zsm, voor de zomer")."""
    found = _timeframe(lowered)
    if found == "zo snel mogelijk":
        rest = re.sub(TIMEFRAMES[0][1], " ", lowered)
        # "zsm, heb 4 projecten in t voorjaar": a season beside it too
        beside = _timeframe(rest) or _when_in_answer(rest)
        if beside and beside not in (found, "geen haast"):
            return f"{found}, {beside}"
    return found


def _timeframe(lowered: str) -> Optional[str]:
    lowered = NOT_AT_ONCE.sub(" ", lowered)
    year = _YEAR.search(lowered)
    if year:
        return f"{year.group(1)} {year.group(2)}"
    holiday = _HOLIDAY.search(lowered)
    if holiday:
        return " ".join(holiday.group(0).split())
    # "na de drukte van december", "voor het seizoen in mei": before or
    # after what happens in that month
    month = _EVENT_IN_MONTH.search(lowered) or _MONTH.search(lowered)
    if month:
        # "uiterlijk maart, in april is ze weg": the deadline, not the month after
        preposition = {"per": "vanaf", "rond": "in", "uiterlijk": "uiterlijk in"}.get(
            month.group(1), month.group(1)
        )
        if " " in month.group(2):  # "voor half juli", "uiterlijk eind maart"
            preposition = PART_OF_A_MONTH_AFTER.get(month.group(1), month.group(1))
        return f"{preposition} {month.group(2)}".strip()
    within = _WITHIN.search(lowered)
    for phrase, pattern in TIMEFRAMES:
        # "binnen drie maanden, de opdrachten lopen nu al op": the span said
        if phrase == "zo snel mogelijk" and within:
            continue
        if re.search(pattern, lowered):
            return phrase
    if within:
        count = _count(within.group(1)) or 1
        unit = within.group(2)
        if unit.startswith("maand"):
            return "binnen een maand" if count == 1 else f"binnen {count} maanden"
        return "binnen een week" if count == 1 else f"binnen {count} weken"
    return None


# "geen idee" and "maakt niet uit" say when only as the whole answer to the
# time question: in "geen idee bij welke school" or "een man of 6, maakt niet
# uit" (the level) they are about something else.
UNSURE_WHEN = re.compile(
    r"^(?:(?:ik\s+)?(?:heb\s+)?geen\s+idee|weet\s+(?:ik\s+)?niet|geen\s+flauw\s+idee"
    r"|(?:dat\s+)?maakt\s+(?:me\s+|mij\s+)?(?:niet|niks|nie)\s+(?:zoveel\s+)?uit)\W*$"
)


# A month said first, then why: "februari, dan begint de nieuwe stageperiode",
# "begin maart want dan ...".
_MONTH_FIRST = re.compile(
    rf"^\W*((?:begin\s+|eind\s+|half\s+|medio\s+)?({MONTH_NAMES}))"
    r"(?=\s*[,.;!:-]|\s+(?:dan|want|omdat|of\s+zo|ofzo)\b)"
)


def _date_in(text: str, month: str) -> str:
    """ "1 februari" where `text` gives the day before `month`, else the month."""
    day = re.search(rf"\b(\d{{1,2}})\s+{re.escape(month)}\b", text)
    return f"{day.group(1)} {month}" if day else month


def timeframe_from_answer(lowered: str) -> Optional[str]:
    """A timeframe in an answer to "wanneer?": also "geen idee", read as no haste,
    and a month on its own ("januari": in januari)."""
    lowered = lowered.replace("vóór", "voor")  # the accent stresses, "in" it is not
    corrected = as_corrected(lowered)
    if corrected != lowered:
        # "oktober... nee wacht, het is verschoven naar november": the time
        # said after they corrected themselves
        later = timeframe_from_answer(corrected)
        earlier = timeframe_from_answer(lowered[: lowered.rfind(corrected)])
        bare = re.match(rf"\W*(?:\d|{MONTH_NAMES})", corrected)
        if (
            later
            and later.startswith("in ")
            and bare
            and (earlier or "").startswith("voor ")
        ):
            # "voor 1 maart, nee 1 februari al": still a deadline (held-out
            # 40th: was "in februari")
            return "voor " + _date_in(corrected, later[3:])
        if later and later != "geen haast":
            return later
    if lowered.strip() in MONTHS:
        return f"in {lowered.strip()}"
    first = _MONTH_FIRST.match(lowered)
    if first:  # "februari, dan begint ...": "in februari"; "begin maart"
        said = " ".join(first.group(1).split())
        return f"in {said}" if said == first.group(2) else said
    found = timeframe(lowered)
    month = _BARE_MONTH.search(lowered)
    if found in SCHOOL_YEARS and month:
        # "het nieuwe schooljaar, september": the month says it more precisely
        return f"{found}, in {_MONTH_ABBREVIATIONS.get(month.group(1), month.group(1))}"
    if LONG_TERM.search(lowered):
        return "op de lange termijn"
    span = _IN_TIME.search(lowered)
    if not found and span:
        # to "wanneer?", "over 2 jaar" is when; in a story it tells what happens then
        return " ".join(span.group(0).split())
    if found and found != "geen haast" and NO_HASTE.search(lowered):
        # "Geen haast. Dit jaar nog beginnen zou mooi zijn": the wish, calmly
        return f"{found}, geen haast"
    if found == "geen haast":
        # "geen haast, ergens dit najaar": the date said too
        when = _when_in_answer(lowered)
        return f"{when}, geen haast" if when else found
    if found and found.startswith("in ") and BEFORE_FIRST.match(lowered):
        # "voor het trouwseizoen, dat begint in april": before April
        return f"voor {found[3:]}"
    if found:
        return found
    return _when_in_answer(lowered) or (
        "geen haast" if UNSURE_WHEN.match(lowered.strip()) else None
    )


SCHOOL_YEARS = ("volgend schooljaar", "volgend studiejaar")
BEFORE_FIRST = re.compile(r"\s*(?:liefst\s+|graag\s+|het\s+liefst\s+)?voor\s")
LONG_TERM = re.compile(r"\b(?:(?:op|voor)\s+de\s+)?lange(?:re)?\s+termijn\b")


def _when_in_answer(lowered: str) -> Optional[str]:
    """A date said in an answer to "wanneer?" that elsewhere may tell what
    happened ("dit jaar zijn er drie weg"): a season, this year, a quarter or
    semester, a month on its own ("voor de aanbesteding, maart")."""
    season = _SEASON.search(lowered) or _OWN_SEASON.search(lowered)
    if season:
        return " ".join(season.group(0).split())
    if THIS_YEAR.search(lowered):
        return "dit jaar"
    coming = COMING_YEARS.search(lowered)
    if coming:
        return f"de {coming.group(0)}"  # "de komende drie jaar"
    term = _TERM.search(lowered)
    if term:
        return " ".join(term.group(0).split())  # "dit kwartaal", "volgend semester"
    month = _BARE_MONTH.search(lowered)
    if month:
        return f"in {_MONTH_ABBREVIATIONS.get(month.group(1), month.group(1))}"
    bare = _BARE_SEASON.search(lowered)
    if bare:
        article = "het" if bare.group(1).endswith("jaar") else "de"
        return f"in {article} {bare.group(1)}"
    return None


_TERM = re.compile(
    r"\b(?:dit|deze|volgend|volgende|komend|komende|het\s+nieuwe)\s+(?:kwartaal|semester|trimester"
    r"|schooljaar|studiejaar|collegejaar)\b"
)
_MONTH_ABBREVIATIONS = {
    "jan": "januari", "feb": "februari", "mrt": "maart", "apr": "april",
    "aug": "augustus", "sept": "september", "sep": "september",
    "okt": "oktober", "nov": "november", "dec": "december",
}  # fmt: skip
_BARE_MONTH = re.compile(
    r"\b(" + "|".join([*MONTHS, *_MONTH_ABBREVIATIONS]) + r")\b(?!\s*\d{1,2}\b)"
)


def own_time(lowered: str) -> Optional[str]:
    lowered = SHORT_WEEK.sub(r"\1 week", lowered)
    hours = _HOURS.search(lowered)
    if hours and hours.group(1) not in ("een", "1") and "paar" not in hours.group(1):
        count = _count(hours.group(1))
        if count:
            return f"ongeveer {count} uur per {hours.group(2)}"
    for phrase, pattern in OWN_TIME:
        if re.search(pattern, lowered):
            return phrase
    if hours:
        count = _count(hours.group(1)) if "paar" not in hours.group(1) else None
        unit = hours.group(2)
        if count is None:
            return f"een paar uur per {unit}"
        return f"ongeveer {'een' if count == 1 else count} uur per {unit}"
    part = _PARTS_OF_DAYS.search(lowered)
    if part and not _DAYS.search(lowered):
        return re.sub(r"\s+(?:in\s+de|a)\s+", " per ", " ".join(part.group(0).split()))
    days = _DAYS.search(lowered)
    if days:
        count = _count(days.group(1)) or 1
        return f"ongeveer {count} dagen per {days.group(2)}"
    return None


def _own_time_in_passing(lowered: str) -> Optional[str]:
    for phrase, said in OWN_TIME_IN_PASSING:
        if re.search(said, lowered):
            return phrase
    return None


# chat puts the word for time first, to "hoeveel tijd?" only
LITTLE_TIME_AFTER = re.compile(
    r"\btijd\s+(?:heb\s+ik\s+|hebben\s+we\s+)?(?:weinig|nauwelijks|amper|niet\s+veel)\b"
)


def own_time_from_answer(lowered: str) -> Optional[str]:
    """Own time in an answer to "hoeveel tijd?": also hours without "per
    week" ("een paar uur, meer niet"), which in any other message may be
    opening hours or a working week."""
    found = own_time(lowered)
    if found:
        return found
    if HALF_HOUR.search(lowered):
        return "een half uur"  # "een half uurtje bellen lukt wel"
    if LITTLE_TIME_AFTER.search(lowered):
        return "weinig tijd"  # "tijd weinig", "tijd heb ik nauwelijks"
    bare = _BARE_HOURS.search(lowered)
    if bare:
        count = _count(bare.group(1)) if "paar" not in bare.group(1) else None
        return "een paar uur" if count is None else f"ongeveer {count} uur"
    return None


def sector_stated(text: str) -> Optional[str]:
    """A sector the message names as the company's: a business type anywhere, an
    activity only in "we zitten in de bouw" or as a compound "installatiebedrijf"."""
    return parsing.sector_in_message(text)


def company_name(text: str) -> Optional[str]:
    """A company name introduced as one: "wij zijn Bakkerij De Korenaar uit Ede"."""
    for pattern in (LEGAL_FORM, COMPANY_INTRO):
        match = pattern.search(text)
        if match:
            name = _trim_name(match.group(1))
            if name and parsing.is_company_name(name) and not region_only(name):
                return name
    return None


def name_from_answer(text: str, known_region: Optional[str] = None) -> Optional[str]:
    """The company name in an answer to "hoe heet je bedrijf?"."""
    name = parsing.clean_text(text)
    lowered = name.lower()
    for prefix in NAME_PREFIXES:
        if lowered.startswith(prefix + " "):
            name = name[len(prefix) :].strip(" ,:")
            break
    # "Jansen Installatie, we zitten in Eindhoven" / "Bakkerij Jansen uit Ede"
    name = re.split(
        r",|\s+-\s+|\s+(?:in|uit|te|met|en\s+we|we|wij)\s+(?=[a-zA-Z])", name
    )[0]
    if known_region and name.lower().endswith(" " + known_region.lower()):
        name = name[: -len(known_region)].strip()
    name = name.strip(" ,.:;")
    return name if parsing.is_company_name(name) else None


def _trim_name(name: str) -> str:
    words = name.split()
    while words and words[-1].lower() in (
        "en",
        "de",
        "der",
        "den",
        "van",
        "het",
        "'t",
        "&",
        "in",
        "uit",
    ):
        words.pop()
    regions = known_regions()
    if len(words) > 1 and words[-1].lower() in regions:
        words.pop()
    return " ".join(words)


def region_only(text: str) -> bool:
    return text.lower() in known_regions()


def tried_before(text: str) -> Optional[str]:
    match = TRIED_PATTERN.search(text)
    if not match:
        return None
    phrase = parsing.clean_text(match.group(0))
    return phrase if len(phrase.split()) <= 12 else None


def tried_from_answer(text: str) -> str:
    """An answer to "wat heb je al geprobeerd?": "nog niets" for every kind of no."""
    cleaned = parsing.clean_text(text)
    if NOTHING_TRIED.match(cleaned) and len(cleaned.split()) <= 4:
        return "nog niets"
    return cleaned


def topic(
    text: str, need: Optional[str] = None, exclude: Sequence[Optional[str]] = ()
) -> Optional[str]:
    """The short noun phrase of what the question is about, from the parse."""
    text = IDIOMS.sub(" ", parsing.clean_text(text))
    if not parsing.is_free_text(text):
        return None
    excluded = {w.lower() for value in exclude if value for w in str(value).split()}
    excluded |= dutch.FILLER  # "Goedemorgen, ...": a greeting is no topic
    excluded |= PRONOUNS  # "kunnen jullie daar iets mee?"
    for_us = FOR_US.search(text)
    if for_us and for_us.group(1).lower() not in GENERIC_NOUNS:
        return f"een {for_us.group(1).lower()}"
    if need == "talent":
        people = PEOPLE_WANTED.search(text.lower())
        if people and people.group(1) not in ("personeel", "medewerker", "medewerkers"):
            found = people.group(1)
            if STAGIAIR_TYPO.fullmatch(found):
                return "stagiairs" if found.endswith("s") else "stagiair"
            return found
    if need == "leven_lang_ontwikkelen":
        diplomas = DIPLOMA.findall(text.lower())
        if diplomas:
            return (
                f"een {max(diplomas, key=len)}"  # "een mbo-diploma" over "geen diploma"
            )
    compound_course = COMPOUND_COURSE.search(text.lower())
    if need == "onderwijs_invloed" and compound_course:
        return f"de {compound_course.group(1)}"
    course = COURSE.search(text.lower())
    if (
        course
        and course.group(1) not in GENERIC_NOUNS
        and course.group(1) not in COMMON_VERBS
    ):
        return f"de opleiding {course.group(1)}"
    verb_object = _VERB_OBJECT.search(text.lower())
    if (
        verb_object
        and verb_object.group(2) not in COMMON_VERBS
        and verb_object.group(1) not in GENERIC_NOUNS
    ):
        return f"het {verb_object.group(2)} van je {verb_object.group(1)}"
    after = _TOPIC_AFTER.search(text)
    if after:
        phrase = _TOPIC_STOP.split(after.group(1))[0]
        phrase = _clean_phrase(phrase.split(), excluded)
        if (
            phrase
            and not _ends_in_a_verb(phrase, text)
            and all(map(_spelled, phrase.split()))
        ):
            return phrase
    # "is gehackt": a word after an auxiliary is what happened, not a topic
    phrases = [
        p
        for p in noun_phrases(text, excluded)
        if not (
            PARTICIPLE.fullmatch(p)
            and re.search(rf"\b{AUXILIARIES}\s+{re.escape(p)}\b", text.lower())
        )
    ]
    if need != "talent":
        # Outside talent the staff are who it is for, not what it is about.
        phrases = [
            p for p in phrases if not PEOPLE_WANTED.fullmatch(p.removeprefix("je "))
        ] or []
    if not phrases:
        on = re.search(
            r"\b(?:op|in|voor)\s+(?:het\s+gebied\s+van\s+)?([a-zà-ÿ-]{5,})$",
            text.lower(),
        )
        if on and on.group(1) not in GENERIC_NOUNS:
            return on.group(1)
    # "hebbe jullie een cursus ...": a typo is no topic to say back
    phrases = [p for p in phrases if all(map(_spelled, p.split()))]
    return phrases[0] if phrases else None


def _level(lowered: str) -> Optional[str]:
    """The level a message names in passing; two levels named in doubt ("ik
    weet niet of dat mbo of hbo moet zijn", "mails van het roc en een
    hogeschool, welke moet ik beantwoorden?") are no choice yet."""
    level = level_said(lowered)
    if level and SCHOOLS_THAT_SEND.search(lowered) and not LEVEL_WORDS.search(lowered):
        return None
    if level and "/" in level and parsing.ANY_LEVEL.search(lowered):
        return "maakt niet uit"
    if level and "/" in level and LEVELS_IN_DOUBT.search(lowered):
        return None
    return level


# "een hogeschool mailt over schimmel", "van de hogeschool naar het roc
# gestuurd", "mijn zoon zegt dat er een hogeschool is": schools that write,
# send on or are told of; only a level word ("hbo") then names a level sought
SCHOOLS_THAT_SEND = re.compile(
    r"\b(?:door)?(?:ge)?stuur[td]?\b|\bgestuurd\b|\bmail(?:t|de|s|tjes?)?\b"
    r"|\bbrie(?:f|ven)\b|\bverwezen\b|\bzegt\b|\bzei\b"
)
LEVEL_WORDS = re.compile(r"\b(?:mbo|hbo|wo|bbl|bol|niveau\s*[1-4])\b|'er\b")
LEVELS_IN_DOUBT = re.compile(
    r"\bweet\s+(?:ik\s+)?(?:\w+\s+)?niet\b|\bgeen\s+idee\b|\bsnap\b|\bwelke\b"
)
# A question asked along ("hbo. werken jullie ook met de TU?"): its sentence.
ASKED_BACK = re.compile(r"(?:^|(?<=[.!?]))[^.!?]*\?")
FIRST_SENTENCE = re.compile(r"[.!?]+[\s,]+")


def level_said(text: str) -> Optional[str]:
    """The level an answer settles on: after its last self-correction ("hbo,
    nee wacht mbo 4 is eigenlijk beter"), without a question asked along, and
    the one said first where a later sentence rules the other out ("mbo
    eigenlijk. hbo'er gaat niet aan de bank staan")."""
    corrected = as_corrected(text)
    if parsing.normalise_education_level(corrected):
        text = corrected
    unasked = ASKED_BACK.sub(" ", text).strip()
    if parsing.normalise_education_level(unasked):
        text = unasked
    level = parsing.normalise_education_level(text)
    first = FIRST_SENTENCE.split(text.strip())[0]
    rest = text.strip()[len(first) :]
    if level and "/" in level and re.search(r"\b(?:niet|geen|nooit)\b", rest):
        level = parsing.normalise_education_level(first) or level
    return level


def _spelled(word: str) -> bool:
    """Not a typo: a word in a Dutch word list, a name, a number, or a word
    one edit from none that is listed ("cybersecurity", a loanword); "hebbe"
    and "instalatie" are typed forms of listed words."""
    bare = word.strip(",.;:!?\"'()").lower()
    if bare in dutch.SPOKEN:
        return False
    if not bare.isalpha() or word[:1].isupper() or len(bare) <= 3 or dutch.known(bare):
        return True
    return not (dutch.word_list().candidates(bare) or set()) - {bare}


PRONOUNS = frozenset("ik je jij u we wij jullie ze zij hij het dat dit".split())
AUXILIARIES = r"(?:is|zijn|wordt|worden|werd|werden|ben|heb|hebben|heeft)"
PARTICIPLE = re.compile(r"(?:ge|be|ver|ont|her)\w+[td]")


def _ends_in_a_verb(phrase: str, text: str) -> bool:
    """Whether the phrase's last word is a verb where `text` says it ("kan ik
    daar meer over horen"): a topic names a thing, or a topical verb such as
    "verduurzamen"."""
    last = phrase.split()[-1].lower()
    if TOPICAL_VERB.search(last):
        return False
    return any(w.lower == last and w.pos == "VERB" for w in dutch.words_of(text))


def answer_phrase(text: str) -> Optional[str]:
    """A short answer that is one noun phrase as a whole ("de weg in het
    onderwijs"), with "onze" as "je"; None when it has a verb or no article."""
    words = parsing.clean_text(text).split()
    if (
        not words
        or len(words) > MAX_TOPIC_WORDS + 1
        or words[0].lower() not in PHRASE_STARTS
    ):
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in _nlp()(" ".join(words))):
        return None
    kept = [POSSESSIVES.get(w.lower(), w.lower()) for w in words]
    content = [
        w
        for w in kept
        if w not in GENERIC_NOUNS
        and w not in PHRASE_STARTS
        and w not in ("je", "in", "van", "voor", "op", "met", "de", "het", "een")
    ]
    return " ".join(kept) if content else None


def noun_phrases(text: str, excluded: AbstractSet[str] = frozenset()) -> List[str]:
    """[adjectives] noun [van [adjectives] noun], built from POS and lemmas (the
    stand-in parser's noun_chunks miss adjectives and nominalised verbs)."""
    doc = _nlp()(text)
    phrases: List[str] = []
    tokens = list(doc)
    i = 0
    while i < len(tokens):
        token = tokens[i]
        # "ik verlies steeds ...": right after a subject pronoun that opens the
        # clause stands its verb, whatever the small tagger says.
        verb_second = i == 1 and tokens[0].lower_ in dutch.SUBJECT_PRONOUNS
        if (
            token.pos_ in ("NOUN", "PROPN")
            and not verb_second
            and not _generic(token, excluded)
        ):
            start = i
            while (
                start > 0
                and tokens[start - 1].pos_ == "ADJ"
                and not _generic(tokens[start - 1], excluded)
            ):
                start -= 1
            if start > 0 and tokens[start - 1].lower_ in POSSESSIVES:
                start -= 1  # "onze webshop" → "je webshop": whose it is reads better
            end = i + 1
            if end + 1 < len(tokens) and tokens[end].lower_ == "van":
                nxt = end + 1
                while (
                    nxt < len(tokens)
                    and tokens[nxt].pos_ in ("DET", "ADJ", "PRON")
                    and nxt - end < 3
                ):
                    nxt += 1
                if (
                    nxt < len(tokens)
                    and tokens[nxt].pos_ == "NOUN"
                    and not _generic(tokens[nxt], excluded)
                ):
                    end = nxt + 1
            words = [t.text for t in tokens[start:end]]
            phrase = _clean_phrase(words, excluded)
            if phrase:
                phrases.append(phrase)
            i = end
            continue
        i += 1
    if not phrases:
        # Nominalised verbs ("verduurzamen") are the topic when no noun is left.
        verbs = [
            t.text.lower()
            for t in tokens
            if t.pos_ == "VERB"
            and TOPICAL_VERB.search(t.lower_)
            and t.lower_ not in COMMON_VERBS
        ]
        if verbs:
            phrases.append(verbs[-1])
    return phrases


def _generic(token, excluded: AbstractSet[str]) -> bool:
    lower = token.lower_
    return (
        lower in GENERIC_NOUNS
        or token.lemma_.lower() in GENERIC_NOUNS
        or lower in excluded
        or lower in known_regions()
        or lower in parsing.BUSINESS_WORDS
        or parsing._strip_company_suffix(lower) != lower
        or len(lower) < 3
        or not re.search(r"[a-zà-ÿ]", lower)
    )


def _clean_phrase(words: List[str], excluded: AbstractSet[str]) -> Optional[str]:
    kept: List[str] = []
    for word in words:
        lower = word.lower().strip(",.;:!?\"'")
        if not lower or lower in DROPPED_DETERMINERS:
            continue
        if lower in POSSESSIVES:
            kept.append(POSSESSIVES[lower])
            continue
        kept.append(lower if not word[:1].isupper() or lower in GENERIC_NOUNS else word)
    while kept and kept[-1] in (
        "je",
        "de",
        "het",
        "van",
        "en",
        "met",
        "voor",
        "of",
        "in",
        "op",
    ):
        kept.pop()
    while kept and kept[0] in ("van", "en", "met", "voor", "of", "in", "op"):
        kept.pop(0)
    # "de opleiding automonteur" keeps its article; a lone "de kas" does not need it.
    if kept and kept[0] in ("de", "het") and len(kept) <= 2:
        kept.pop(0)
    content = [
        w
        for w in kept
        if w.lower() not in GENERIC_NOUNS
        and w.lower() not in excluded
        and w not in ("je", "de", "het", "van")
    ]
    if not content or len(kept) > MAX_TOPIC_WORDS:
        return None
    return " ".join(kept)


# Words that state a need clearly, for an opening the intent classifier was
# unsure about (a long message full of facts reads as `inform`).
NEED_SIGNALS = (
    # "2 nieuwe monteurs die we zelf opleiden": new people, trained in the
    # company, are talent before any training word is read as retraining
    (
        "talent",
        r"\b(?:nieuwe|jonge)\s+(?:[\w'-]+\s+){0,2}?(?:die\s+)?(?:we|wij|ik)\s+"
        r"(?:zelf\s+)?(?:kunnen\s+|willen\s+)?opleiden\b",
    ),
    (
        "leven_lang_ontwikkelen",
        r"\b(?:bij|om)\s*(?:te\s+)?scholen\b|\bbijscho\w*|\bomscho\w*|\b(?:bij"
        r"|om)geschoold\b|\bcursus\w*|\btraining\w*|\bopleiden\b",
    ),
    (
        "onderwijs_invloed",
        r"\bgastles\w*|\bcurricul\w*|\blesprogramma\w*|\bmeedenken\s+over\s+(?:de"
        r"|het)\s+(?:opleiding|onderwijs)"
        # "het gaat om wat mbo-laboranten op school leren", "in de les"
        r"|\b(?:wat|hoe)\s+(?:[\w'-]+\s+){1,3}?op\s+(?:school|de\s+opleiding)\s+leren\b"
        r"|\bin\s+de\s+(?:les|lesstof|opleiding)\s+(?:zit|zitten|komt|komen|krijgen)\b",
    ),
    (
        "talent",
        r"\bstagiair\w*|\bstageplek\w*|\bbbl\b|\bleerling\w*|\bafstudeerder\w*"
        r"|\bvacature\w*|\b(?:zoek|zoeken|nodig)\b.*\b(?:mensen|personeel"
        r"|medewerkers?|monteurs?|mbo'ers|hbo'ers)\b",
    ),
    (
        "innovatie",
        r"\bonderzoe\w*|\bprototype\w*|\binnov\w*|\bverduurzam\w*|\bduurzaam\w*"
        r"|\bdigitali\w*|\bautomatiser\w*|\bontwikkelen\b"
        # "een product waar meer marge op zit", "met een camera", "minder claims"
        r"|\bnieuw\w*\s+product\w*|\bproduct\s+(?:waar|dat|van|met)\b|\btechnisch\s+kan\b"
        r"|\bcamera\w*|\bsensor\w*|\bminder\s+(?:afval|uitval|claims|fouten|verspilling"
        r"|storingen|breuk|energie)\b",
    ),
    (
        "kennis_netwerk",
        # need_cues' networking, nor "aan 1 netwerk" or a "wifi-netwerk"
        rf"(?<!\b1 )(?<!wifi-){need_cues.NETWORKING}"
        r"|\bontmoeten\b|\bmasterclass\w*|\bbijeenkomst\w*"
        r"|\bmeer\s+weten\s+over\b|\b(?:andere|collega-?)\s*ondernemers\b",
    ),
    ("loket", r"\bwaar\s+(?:ik|we|moet\w*)\b.*\bbeginnen\b|\bwegwijs\b|\bbij\s+wie\b"),
)


def need_from_text(text: str) -> Optional[str]:
    """The need a message names in so many words, or None."""
    lowered = parsing.clean_text(text).lower()
    for need, pattern in NEED_SIGNALS:
        if re.search(pattern, lowered):
            return need
    return None
