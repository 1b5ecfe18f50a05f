"""Reading Dutch: the spaCy pipeline, the word list, and turning what an
entrepreneur says about themselves into what the bot says to them.

The word list is pyspellchecker's Dutch frequency list (about 340,000 forms,
OpenSubtitles-based, MIT licence), chosen over Debian's hunspell-nl because it
installs with pip into the venv, needs no system package, and gives a ranked
one-edit correction in microseconds; hunspell would add a C binding for the
same answers. A word is clean when it is on the list, is a compound of two
listed words ("restbrood", "lasrobot"), is a number or a name, or is one edit
away from a listed word of at least four letters ("hebbn" -> "hebben").
Before a word is corrected, OpenTaal's list (Debian's wdutch) is asked whether
it ends one of its words: "vlechters" is in neither list, but "betonvlechters"
is, so it is no typo for "vechters".
"""

from __future__ import annotations

import bisect
import functools
import itertools
import logging
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, FrozenSet, List, Optional, Sequence, Tuple

logger = logging.getLogger(__name__)

SPACY_MODEL = "nl_core_news_sm"
# Words of four letters or fewer are only taken as typed: one edit from a short
# word reaches too many others ("bbl" -> "bel").
MIN_CORRECTED_LENGTH = 5
MIN_COMPOUND_PART = 3
OPENTAAL_WORDS = Path("/usr/share/dict/dutch")
# A shorter ending ("ters") ends too many words to say anything.
MIN_LISTED_ENDING = 6
# Chat filler that never belongs in a restatement.
FILLER = frozenset(
    """hoi hallo hey hee hi goedemorgen goedemiddag goedenavond goedendag goeiedag
    goeiemorgen goeiemiddag goeienavond nou eh ehm uhm hmm
    haha lol ok oke oké okay jawel tja zeg gewoon eigenlijk echt hoor hè effe ff
    trouwens namelijk ofzo enzo enz""".split()
)
# What the entrepreneur says of themselves, and what the bot says back.
SECOND_PERSON = {
    "ik": "je",
    "mij": "je",
    "me": "je",
    "mijn": "je",
    "m'n": "je",
    "mn": "je",
    "we": "jullie",
    "wij": "jullie",
    "ons": "jullie",
    "onze": "jullie",
    "onszelf": "jullie zelf",
    "mezelf": "jezelf",
    "mijzelf": "jezelf",
}
FIRST_PERSON_SINGULAR = frozenset({"ik"})
# Words that can follow a subject but are never its verb.
NEVER_VERBS = frozenset(
    "niet ook al wel nog geen te zo heel erg echt nu dan weer vaak altijd soms steeds "
    "straks meestal hier daar".split()  # "geen slagersopleiding hier"
)
SUBJECT_PRONOUNS = frozenset({"ik", "we", "wij", "jij", "je", "hij", "zij", "ze", "u"})
# Second person singular of verbs whose form is not the stem plus -t.
IRREGULAR_YOU = {
    "ben": "bent",
    "kan": "kunt",
    "zal": "zult",
    "mag": "mag",
    "wil": "wilt",
    "heb": "hebt",
    "ga": "gaat",
    "sta": "staat",
    "doe": "doet",
    "zie": "ziet",
    "sla": "slaat",
    "rij": "rijdt",
}
# Inverted ("kun je"), the second person singular is the stem, except these.
IRREGULAR_YOU_INVERTED = {"kan": "kun", "zal": "zul", "rij": "rijd"}
# Verbs that open a chat clause whose "ik" was dropped, and that are nouns
# too ("kom", "krijg" read as a noun by the stand-in tagger).
CHAT_FIRST_VERBS = frozenset(
    "kom krijg vind zoek snap weet zit loop sta ga doe zie hoor mis wacht "
    "begrijp".split()
)
# School types and routes the small tagger sometimes takes for a verb.
SCHOOL_WORDS = frozenset("mbo hbo wo vmbo havo vwo roc bbl bol evc".split())
# Software and platforms people name, in no Dutch word list: kept, not
# "corrected" ("excel" is no "eicel").
SOFTWARE = frozenset(
    """excel outlook teams whatsapp linkedin instagram facebook tiktok google
    chatgpt exact afas sharepoint autocad solidworks revit sketchup python
    shopify woocommerce bol""".split()
)
# Loanwords of the trades that OpenTaal and pyspellchecker do not list.
TRADE_LOANWORDS = frozenset(
    """engineer engineers cobot cobots biobased webinar webinars recyclaat
    vegan socials mile""".split()
)
# Spoken forms typed as said; the subtitle-based list has them, a restatement not.
SPOKEN = {
    "nie": "niet",
    "kunne": "kunnen",
    "wille": "willen",
    "moete": "moeten",
    "hebbe": "hebben",
    "da": "dat",
    "mn": "mijn",
    "zn": "zijn",
    "goeie": "goede",
    "t": "het",
    "k": "ik",
    "ff": "even",
    "mss": "misschien",
    "idd": "inderdaad",
    "eigelijk": "eigenlijk",  # listed by pyspellchecker, a typo all the same
    "n": "een",
    "sept": "september",
    "okt": "oktober",
    "jr": "jaar",
    "mnd": "maanden",
    "wkn": "weken",
    # chat abbreviations, which would otherwise pass as one ("cnc", "gps")
    "vn": "van",
    "vd": "van de",
    "gwn": "gewoon",
    "nx": "niks",
    "wss": "waarschijnlijk",
    "iig": "in ieder geval",
    "ipv": "in plaats van",
    "evt": "eventueel",
    "nl": "namelijk",  # "we krijgen nl best veel klachten", not the country
    "bv": "bijvoorbeeld",
    # one accent typed of two: "Eén plek die zegt ..."
    "eén": "één",
}
# not after an apostrophe: "z'n" and "'t" are words of their own
MIN_UN_WORD = 6  # "on" + a word of at least four letters
# ("da vinci", "da costa": a name, not "dat")
SPOKEN_WORD = re.compile(
    r"(?<!['’])\b(?:%s)\b(?!\s+(?:vinci|costa|silva)\b)" % "|".join(SPOKEN),
    re.IGNORECASE,
)
MAX_SUBJECT_WORDS = 4
POSSESSIVES = frozenset("mijn m'n mn onze ons jullie je zijn haar hun".split())
# Conjunctions after which a clause ends in its verb ("voor ik ... uitgeef").
SUBCLAUSE_OPENERS = frozenset(
    "voor voordat als omdat dat zodat wanneer toen nadat totdat tot of".split()
)
# "beter weten denk ik", "iets met data ofzo": a hedge at the end says nothing.
CHAT_TAIL = re.compile(
    r"[,\s]+(?:denk\s+i?k|geloof\s+i?k|volgens\s+mij|ofzo|of\s+zo|zeg\s+maar"
    # "... kan dat niet zeggen ze": who said it, not what
    r"|(?:zeggen|zei|zegt|zeiden)\s+(?:ze|zij|hij))\s*$",
    re.IGNORECASE,
)
# What a second clause can open with: its subject, or its verb when it shares
# the first one's subject ("... en kennen de nieuwe normen niet").
CLAUSE_STARTS = frozenset({"DET", "PRON", "NOUN", "PROPN", "NUM", "VERB", "AUX"})
# Words that open a clause whose verb comes at its end.
OPENERS_WITH_VERB_AFTER = frozenset(
    "wat die dat of hoe waar wie welke omdat als zodat wanneer waarom".split()
)
# "cnc", "gps", "plc": a short word without a vowel is an abbreviation; so is
# a short word typed in capitals ("IG", "ROC").
ABBREVIATION = re.compile(r"[b-df-hj-np-tv-xz]{2,4}")
MAX_TYPED_ABBREVIATION = 5
TOKEN = re.compile(r"[\w'’-]+|[^\w\s]", re.UNICODE)


# "60%": the tagger reads the sign as a symbol, not as the subject it is.
PERCENT = re.compile(r"(\d+(?:[.,]\d+)?)\s*%")


def written(text: str) -> str:
    """Chat spelling written out: "mn", "nie", "ff" -> "mijn", "niet", "even";
    "60%" -> "60 procent"."""
    text = PERCENT.sub(r"\1 procent", text)
    text = PARTICIPLE_WITH_T.sub(_participle_with_d, text)
    text = SPOKEN_WORD.sub(lambda m: SPOKEN[m.group(0).lower()], text)
    return THE_SAME_APART.sub("hetzelfde", text)


# "elke partij t zelfde": one word, "hetzelfde"
THE_SAME_APART = re.compile(r"\bhet\s+zelfde\b", re.IGNORECASE)


# "het wachtwoord was nooit verandert": a participle typed with the t of the
# present tense, at the end of its clause after a form of zijn, worden or hebben
PARTICIPLE_WITH_T = re.compile(
    r"\b(?:was|is|werd|wordt|waren|zijn|worden|werden|heb|heeft|hebben|had)"
    r"(?:\s+[\w']+){0,5}?\s+(?P<stem>(?:ge|ver|be|ont|her)[a-zà-ÿ]{2,})t\b(?=\s*(?:[,.!?;]|$))",
    re.IGNORECASE,
)


def _participle_with_d(found: re.Match) -> str:
    stem = found.group("stem")
    if f"{stem}d".lower() not in word_list():
        return found.group(0)  # "is verplicht": no "verplichd"
    return found.group(0)[: found.end("stem") - found.start(0)] + "d"


@functools.lru_cache(maxsize=1)
def pipeline() -> Any:  # a spaCy Language, or None
    """The Dutch spaCy pipeline, loaded once per process; None when it cannot
    load. Nothing here reads entities, so NER is not run."""
    try:
        import spacy

        return spacy.load(SPACY_MODEL, disable=["ner"])
    except Exception as error:  # an absent or broken model must not stop the bot
        logger.warning("spaCy %s not available (%s): plain tokens", SPACY_MODEL, error)
        return None


@functools.lru_cache(maxsize=1)
def word_list() -> Any:
    """pyspellchecker's Dutch list, searched one edit deep."""
    from spellchecker import SpellChecker

    return SpellChecker(language="nl", distance=1)


@dataclass(frozen=True)
class Word:
    text: str  # as typed, typos corrected
    lower: str
    pos: str  # spaCy's universal tag; "X" without a pipeline
    finite: bool  # a finite verb form
    plural: bool
    start: bool  # first word of its sentence
    neuter: bool = False  # a het-word ("het systeem")
    past: bool = False  # a past tense ("kreeg", "klikte")


# Endings of de-words the tagger may call neuter: people ("stagiair",
# "leverancier", "docent"), and -ing, -heid, -tie.
DE_ENDINGS = tuple(
    "er ier eur ist ant ent aar ling man ing heid tie sie teit ij air aire ster"
    " ine".split()
)


def article_of(noun: Word) -> str:
    """ "de" or "het" before the noun: the tagger's gender, but the endings
    above are de-words."""
    return "het" if noun.neuter and not noun.lower.endswith(DE_ENDINGS) else "de"


def known(word: str) -> bool:
    lowered = word.lower()
    if lowered in word_list() or _agent_of_a_listed_word(lowered):
        return True
    tails = _compound_tails(lowered)
    if any(word_list()[tail] > RARE_WORD_COUNT for tail in tails):
        return True  # "soldeer" + "fouten"
    # "stag" + "aires" (a rare word) is no compound but "stagiaires" typed
    # one letter short
    return bool(tails) and not _one_edit_from_a_listed_word(lowered)


def _agent_of_a_listed_word(word: str) -> bool:
    """ "logistiekers": someone of a listed word, which no list has ("logistiek"
    + "er"); the base long enough that it is no typo's part."""
    for ending in SOMEONE_ENDINGS:
        base = word.removesuffix(ending)
        if (
            base != word
            and len(base) >= MIN_AGENT_BASE
            and base in word_list()
            and not base.endswith(AGENT_BASES_NOT)  # "monteurer"
        ):
            return not _one_edit_from_a_listed_word(word)
    return False


SOMEONE_ENDINGS = ("ers", "er")
AGENT_BASES_NOT = ("eur", "er", "aar", "ist", "ier", "ant", "ent", "ster")
MIN_AGENT_BASE = 6


def _one_edit_from_a_listed_word(word: str) -> bool:
    """A listed word one edit away that is no inflection of it ("stagiairs"
    for "stagairs"; "lasrobot" for "lasrobots" is the same word)."""
    return any(
        not (other.startswith(word) or word.startswith(other))
        for other in word_list().candidates(word) or ()
        if other != word
    )


# pyspellchecker's count for its rarest words
RARE_WORD_COUNT = 50


def _compound_tails(word: str) -> List[str]:
    """The listed last parts of `word` after a listed first part."""
    words = word_list()
    return [
        word[cut:]
        for cut in range(MIN_COMPOUND_PART, len(word) - MIN_COMPOUND_PART + 1)
        if word[cut:] in words
        and (
            word[:cut] in words
            or word[:cut].endswith("s")
            and word[:cut][:-1] in words
            or _first_part_of_a_listed_compound(word[:cut])
        )
    ]


def _first_part_of_a_listed_compound(part: str) -> bool:
    """ "cashew" (OpenTaal lists "cashewnoot"), so "cashewkaas" is a word:
    a first part no list has on its own, which a listed compound opens with
    before a listed word, where that compound splits nowhere else into two
    words ("lasrobot" is "las" + "robot", so "lasro" opens nothing). The
    first such compound in OpenTaal's order decides."""
    if len(part) < MIN_FIRST_PART:
        return False
    words = word_list()
    listed = _opentaal_sorted()
    at = bisect.bisect_left(listed, part)
    for other in itertools.islice(listed, at, at + MAX_COMPOUNDS_LOOKED_AT):
        if not other.startswith(part):
            return False
        rest = other[len(part) :]
        if len(rest) >= MIN_REST and rest in words:
            return not any(
                other[:cut] in words and other[cut:] in words
                for cut in range(MIN_COMPOUND_PART, len(other) - MIN_COMPOUND_PART + 1)
                if cut != len(part)
            )
    return False


MIN_FIRST_PART = 4
MIN_REST = 4
MAX_COMPOUNDS_LOOKED_AT = 40


@functools.lru_cache(maxsize=1)
def _opentaal_sorted() -> List[str]:
    """OpenTaal's words in lower case, sorted, so that a first part's
    compounds sit together."""
    return sorted(word.lower() for word in _opentaal())


@functools.lru_cache(maxsize=1)
def _opentaal_reversed() -> List[str]:
    """OpenTaal's words spelled backwards and sorted, so that the words ending
    in a given word sit together; empty when wdutch is not installed."""
    try:
        listed = OPENTAAL_WORDS.read_text("utf-8").split()
    except OSError:
        logger.warning("%s not found: typo correction without it", OPENTAAL_WORDS)
        return []
    return sorted(word.lower()[::-1] for word in listed)


@functools.lru_cache(maxsize=1)
def _opentaal() -> FrozenSet[str]:
    """OpenTaal's words as it spells them, names with their capital."""
    try:
        return frozenset(OPENTAAL_WORDS.read_text("utf-8").split())
    except OSError:
        return frozenset()


def spelled_right(word: str) -> bool:
    """Whether OpenTaal lists `word` as typed ("harden"), so that it is no
    typo of a word like it ("haarden")."""
    return word in _opentaal()


def a_name_typed_small(word: str) -> bool:
    """ "henk", "mustafa": a name OpenTaal spells with a capital only."""
    listed = _opentaal()
    return (
        len(word) > 2
        and word.islower()
        and word not in listed
        and word.capitalize() in listed
    )


def load_word_lists() -> None:
    """The word lists, loaded now rather than on the first unknown word."""
    word_list()
    _opentaal_reversed()
    _opentaal()


def ends_a_listed_word(word: str) -> bool:
    """Whether OpenTaal lists `word` ("drone", "één"), or a compound ending in
    it when it is long enough to be a part of its own."""
    backwards = _opentaal_reversed()
    key = word.lower()[::-1]
    at = bisect.bisect_left(backwards, key)
    if at == len(backwards):
        return False
    if backwards[at] == key:
        return True
    return len(word) >= MIN_LISTED_ENDING and backwards[at].startswith(key)


def _verb_stem_compound(lowered: str) -> bool:
    """ "couverteermachines": a verb's stem ("couverteren") before a word,
    as Dutch compounds them; the word in OpenTaal, stricter than the
    frequency list ("krist" + "aliseert" is no compound)."""
    return any(
        spelled_right(lowered[at:]) and known(_infinitive_of_stem(lowered[:at]))
        for at in range(MIN_COMPOUND_PART, len(lowered) - MIN_LISTED_ENDING + 1)
    )


def _infinitive_of_stem(stem: str) -> str:
    """ "couverteer" -> "couverteren": a doubled vowel before the last
    consonant is single in the open syllable ("sorteer" -> "sorteren")."""
    if len(stem) > 3 and stem[-2] == stem[-3] and stem[-2] in "aeou":
        return stem[:-2] + stem[-1] + "en"
    return stem + "en"


def cleaned(word: str) -> Optional[str]:
    """The word as it should be written, or None where it is no Dutch word."""
    lowered = word.lower()
    if lowered in SPOKEN:
        return SPOKEN[lowered]
    if (
        not re.search(r"[a-zà-ÿ]", lowered)
        or lowered in SOFTWARE | TRADE_LOANWORDS
        or known(lowered)
    ):
        return word
    if ends_a_listed_word(lowered) or _verb_stem_compound(lowered):
        return word
    if (
        lowered.endswith("s")
        and len(lowered) > MIN_UN_WORD
        and lowered[:-1] in word_list()
    ):
        return word  # "seniors", "juniors": a plural in -s, no typo for "senior"
    if lowered.startswith("on") and len(lowered) > MIN_UN_WORD and known(lowered[2:]):
        return word  # "ongekoeld", "onverpakt": "on-" before a word of the list
    if ABBREVIATION.fullmatch(lowered):
        return word.upper()
    if word.isupper() and len(word) <= MAX_TYPED_ABBREVIATION:
        return word  # typed in capitals: "verzorgende IG", "HR", "ROC"
    if "-" in lowered and all(
        # "bbl-leerlingen", "cnc-operator": a school type or abbreviation joined on
        known(part)
        or part in SCHOOL_WORDS | TRADE_LOANWORDS
        or ABBREVIATION.fullmatch(part)
        for part in lowered.split("-")
        if part
    ):
        return word
    if lowered.endswith("e") and known(lowered + "n"):
        # Spoken Dutch drops the final n ("2 schole", "wij zoeke"): that reading
        # comes before any other word one letter away ("schone").
        return word + "n"
    if (
        lowered.endswith("e")
        and known(lowered[:-1])
        and known(lowered[:-1] + lowered[-2] + "en")
    ):
        return word[:-1] + lowered[-2] + "en"  # "begine": beginnen, not begin
    if re.search(r"[^aeiou]n$", lowered) and known(lowered[:-1] + "en"):
        return word[:-1] + "en"  # chat drops the e: "krijgn", "hebbn"
    if re.search(r"[aiouy]s$", lowered) and spelled_right(lowered[:-1] + "'s"):
        # "autos", "fotos": the plural, not "auto"; "adas" is no "ada's"
        return word[:-1] + "'s"
    if len(lowered) >= MIN_CORRECTED_LENGTH:
        candidates = word_list().candidates(lowered) or set()
        best = word_list().correction(lowered) if candidates else None
        if best and best != lowered and best[0] == lowered[0]:
            return best
    return None


# One turn reads the same clauses many times over (the frame, the goal, the
# restatement and its checks: 128 parses of 13 texts for three answers), and
# the parse is most of the action server's time; the words are frozen. The
# action server forgets them after each call (bot/action_server.py).
PARSES_KEPT = 1024


def _counted_before_its_verb(tokens: Sequence[Any], at: int) -> bool:
    """ "(2) ovenmannen (stoppen)": a long plural after a count and before a
    verb is whom it is about, though it looks like an infinitive (held-out 41st)."""
    token = tokens[at]
    return (
        0 < at < len(tokens) - 1
        and token.pos_ in ("VERB", "NOUN")
        and tokens[at - 1].pos_ == "NUM"
        # the count opens the subject ("onze 2 ..."), not a phrase ("de 25 graden")
        and (at == 1 or tokens[at - 2].text.lower() in POSSESSIVES)
        and tokens[at + 1].pos_ in ("VERB", "AUX")
        and len(token.text) > 4
        and token.text.lower().endswith(("en", "s"))
    )


def words_of(text: str) -> List[Word]:
    """The words of `text` with their part of speech, typos corrected."""
    return list(_parsed(text))


def forget_parses() -> None:
    """Forgets the texts read so far: their words and their clauses, both
    kept only so that one turn reads each text once."""
    _parsed.cache_clear()
    _clauses.cache_clear()


@functools.lru_cache(maxsize=PARSES_KEPT)
def _parsed(text: str) -> Tuple[Word, ...]:
    nlp = pipeline()
    if nlp is None:
        tokens = TOKEN.findall(text)
        return tuple(
            Word(t, t.lower(), "X", False, False, i == 0) for i, t in enumerate(tokens)
        )
    found = []
    # "mn stratenmakers": the tagger reads the written form, not the chat one.
    text = written(text)
    tokens = [token for token in nlp(text) if not token.is_space]
    second = _second_place(tokens)
    for i, token in enumerate(tokens):
        pos = "PUNCT" if token.is_punct else token.pos_
        finite = "Fin" in token.morph.get("VerbForm")
        lower = token.text.lower()
        if lower in SCHOOL_WORDS:
            pos, finite = "NOUN", False  # "het mbo weten niet": no verb "mbo"
        elif _counted_before_its_verb(tokens, i):
            pos, finite = "NOUN", False  # "2 ovenmannen stoppen": whom, not a verb
        elif _verb_before_its_particle(tokens, i):
            pos, finite = "VERB", True  # "die restaurants haken af": no hooks
        elif (
            i == 0
            and lower in CHAT_FIRST_VERBS
            and len(tokens) > 1
            and tokens[1].pos_ not in ("NOUN", "PROPN", "PUNCT")
        ):
            # "kom nergens", "krijg geen reactie": chat drops the "ik" before
            # the verb, and the tagger takes the verb for a noun ("een kom")
            pos, finite = "VERB", True
        elif (
            i == second
            and pos not in ("VERB", "AUX")
            and token.is_alpha
            # "elke week tankwagens vol ...": a long word in -s is a plural
            # noun, not a verb ("is", "mis" are short), but not after "ik"
            # ("ik verlies").
            and not (
                len(lower) > 4
                and lower.endswith("s")
                and tokens[0].text.lower() not in SUBJECT_PRONOUNS
            )
        ):
            # The stand-in tagger misses some verbs ("ik krijg", "de opleiding
            # sluit"); in a Dutch main clause the verb follows the subject.
            pos, finite = "VERB", True
        elif (
            pos in ("NOUN", "ADJ")
            # before a verb in second place stands the subject ("Klanten vragen")
            and not (
                second is not None
                and i < second
                and tokens[second].pos_ in ("VERB", "AUX")
            )
            and _looks_infinitive(lower, token.lemma_)
        ):
            pos, finite = (
                "VERB",
                False,
            )  # "hergebruiken": a plural noun has a shorter lemma
        elif pos == "NOUN" and _closes_a_relative_clause(tokens, i):
            pos, finite = "VERB", False
        found.append(
            Word(
                token.text,
                lower,
                pos,
                finite,
                "Plur" in token.morph.get("Number"),
                token.is_sent_start,
                "Neut" in token.morph.get("Gender"),
                "Past" in token.morph.get("Tense") and _a_past_form(lower),
            )
        )
    return tuple(_nouns_before_their_verb(_infinitive_subjects(found)))


def _nouns_before_their_verb(words: List[Word]) -> List[Word]:
    """ "die restaurants haken af": a word between an article and a finite
    verb is the subject's noun, whatever the tagger called it ("ADJ")."""
    return [
        replace(word, pos="NOUN")
        if word.pos == "ADJ"
        and 0 < at < len(words) - 1
        and words[at - 1].pos == "DET"
        and words[at + 1].finite
        and words[at + 1].pos in ("VERB", "AUX")
        else word
        for at, word in enumerate(words)
    ]


def _verb_before_its_particle(tokens: Sequence[Any], at: int) -> bool:
    """ "(die restaurants) haken af", "(de jongens) lopen weg": a word in -en
    that the tagger took for a noun, after a plural and before the particle
    that ends the clause, is the clause's verb."""
    token = tokens[at]
    after = tokens[at + 1] if at + 1 < len(tokens) else None
    return (
        0 < at
        and token.pos_ == "NOUN"
        and token.text.lower().endswith("en")
        and after is not None
        and after.text.lower() in VERB_PARTICLES
        and (at + 2 == len(tokens) or tokens[at + 2].is_punct)
        and tokens[at - 1].text.lower().endswith(("s", "en"))
        and known(token.text.lower())
    )


SINGULAR_VERBS = frozenset("is was kan wil zal mag".split())


def _infinitive_subjects(words: List[Word]) -> List[Word]:
    """ "stallen bouwen klinkt niet zo spannend": a verb in -en right before a
    singular finite verb is an infinitive in the subject, not the finite
    verb (it was put first: "bouwen stallen klinkt")."""
    return [
        replace(word, finite=False)
        if word.finite
        and word.lower.endswith("en")
        and at + 1 < len(words)
        and words[at + 1].finite
        # "(alleen) doorsturen is niet genoeg": "is" is as singular as "-t"
        and (words[at + 1].lower.endswith("t") or words[at + 1].lower in SINGULAR_VERBS)
        else word
        for at, word in enumerate(words)
    ]


def _regular_verb_form(word: str) -> bool:
    """ "schommelt", "twijfelt", "haalt": a stem and -t whose infinitive is
    in the word list (stem + -en, a double vowel made single)."""
    stem = word[:-1]
    single = re.sub(r"([aeou])\1(?=[^aeiou]$)", r"\1", stem)
    return len(stem) > 3 and any(s + "en" in word_list() for s in {stem, single})


def _second_place(tokens: Sequence[Any]) -> Optional[int]:
    """Where the finite verb stands when the clause opens with its subject:
    right after a subject pronoun or a noun phrase; None when unsure."""
    if not tokens:
        return None
    if tokens[0].text.lower() in SUBJECT_PRONOUNS:
        at = 1
    else:
        at = 0
        while at < len(tokens) and (
            tokens[at].pos_ == "DET" or "Poss" in tokens[at].morph.get("Poss")
        ):
            at += 1
        while at < len(tokens) and tokens[at].pos_ == "ADJ":
            at += 1
        if at >= len(tokens) or tokens[at].pos_ not in ("NOUN", "PROPN"):
            return None
        nouns_from = at
        while at < len(tokens) and tokens[at].pos_ in ("NOUN", "PROPN"):
            at += 1  # "de opleiding autotechniek"
        # "de helft durft er niet mee": a verb in -t taken for a noun ends the
        # run when what follows can be no verb
        last = tokens[at - 1].text.lower()
        if (
            at - nouns_from >= 2
            and last.endswith("t")
            and (
                at == len(tokens)
                or tokens[at].text.lower() in NEVER_VERBS | {"er"}
                # "de gasopbrengst schommelt enorm": "schommel-en" is a verb
                or _regular_verb_form(last)
            )
        ):
            at -= 1
    if at >= len(tokens) or any("Fin" in t.morph.get("VerbForm") for t in tokens[:at]):
        return None
    if tokens[at].pos_ in ("ADP", "SCONJ", "CCONJ", "PUNCT", "DET", "PRON", "NUM"):
        return None
    if tokens[at].text.lower() in NEVER_VERBS:
        return None
    return at


def _closes_a_relative_clause(tokens: Sequence[Any], at: int) -> bool:
    """ "studenten die bij ons binnenkomen weten ...": a word in -en between
    a "die" with no verb after it and the main clause's verb is the relative
    clause's verb, which the tagger takes for a plural noun."""
    if not tokens[at].text.lower().endswith("en") or at + 1 >= len(tokens):
        return False
    if tokens[at + 1].pos_ not in ("VERB", "AUX"):
        return False
    for before in range(at - 1, max(at - RELATIVE_REACH, 0) - 1, -1):
        if tokens[before].pos_ in ("VERB", "AUX", "PUNCT"):
            return False
        if tokens[before].text.lower() == "die":
            return before > 0 and tokens[before - 1].pos_ in ("NOUN", "PROPN")
    return False


RELATIVE_REACH = 5


def _looks_infinitive(lower: str, lemma: str) -> bool:
    return len(lower) > 5 and lower.endswith("en") and lemma.lower() == lower


def you_form(verb: str, inverted: bool) -> str:
    """The verb for `je` where the entrepreneur used `ik`: vind -> vindt."""
    lowered = verb.lower()
    if inverted:
        return IRREGULAR_YOU_INVERTED.get(lowered, lowered)
    if lowered in IRREGULAR_YOU:
        return IRREGULAR_YOU[lowered]
    return lowered if lowered.endswith("t") else lowered + "t"


# Infinitives without -en: "(bij de klant) staan", "(naar huis) gaan"
ONE_SYLLABLE_INFINITIVES = frozenset("gaan staan slaan zien doen".split())
# Finite forms whose infinitive is not the stem plus -en.
IRREGULAR_INFINITIVES = {
    "is": "zijn",
    "ben": "zijn",
    "bent": "zijn",
    "zou": "zullen",
    "heeft": "hebben",
    "kan": "kunnen",
    "kunt": "kunnen",
    "wil": "willen",
    "wilt": "willen",
    "zal": "zullen",
    "mag": "mogen",
    "gaat": "gaan",
    "staat": "staan",
    "slaat": "slaan",
    "doet": "doen",
    "ziet": "zien",
    "komt": "komen",
    "neemt": "nemen",
}
DOUBLE_VOWEL = re.compile(r"(aa|ee|oo|uu)([^aeiou])$")
VOICED = {"f": "v", "s": "z"}
# Particles a separable verb keeps in front of an irregular one ("opneemt").
VERB_PARTICLES = tuple("terug door over mee aan uit weg toe op af in bij na".split())


def third_person_form(verb: str) -> bool:
    """ "staat", "werkt", "heeft": a present form no "ik" says ("ik sta",
    "ik werk"), so a clause it opens dropped "het" or "die", not "ik";
    "weet", "zit", "moet" keep their t for "ik" too."""
    lowered = verb.lower()
    if lowered in IRREGULAR_YOU.values() or lowered in ("heeft", "is"):
        return lowered not in IRREGULAR_YOU  # "mag" is "ik mag" too
    found = infinitive(lowered)
    return (
        lowered.endswith("t")
        and bool(found)
        and infinitive(lowered[:-1]) == found
        and lowered[-2:] != "tt"
    )


def _short_stressed_end(stem: str) -> bool:
    """ "leg", "bel", "begin": a short vowel before one consonant, stressed;
    "oefen", "regel" end unstressed (a prefix such as "be-" takes no stress)."""
    if not re.search(r"[^aeiou][aeiou][^aeiouwj]$", stem):
        return False
    root = re.sub(r"^(?:be|ver|ge|her|ont)(?=\w{3})", "", stem)
    return not (
        re.search(r"[^aeiou]e[lnr]$", root) and len(re.findall(r"[aeiou]+", root)) > 1
    )


def infinitive(verb: str) -> str:
    """The infinitive of a present-tense form ("oefent" -> "oefenen", "leert"
    -> "leren", "geeft" -> "geven", "opneemt" -> "opnemen"); "" where no
    spelling of it is a Dutch word."""
    lowered = verb.lower()
    if (
        lowered.endswith("en") and lowered in _opentaal()
    ) or lowered in ONE_SYLLABLE_INFINITIVES:
        return lowered  # plural present: the same form ("staan" as well)
    for particle in ("",) + VERB_PARTICLES:
        rest = lowered[len(particle) :] if lowered.startswith(particle) else ""
        if rest in IRREGULAR_INFINITIVES:
            return particle + IRREGULAR_INFINITIVES[rest]
    # "werkt": the stem before the -t; "weet", "zit": the t is the stem's own
    stems = [lowered[:-1], lowered] if lowered.endswith("t") else [lowered]
    for stem in (s for s in stems if len(s) > 2):
        undoubled = DOUBLE_VOWEL.sub(lambda m: m.group(1)[0] + m.group(2), stem)
        voiced = stem[:-1] + VOICED.get(stem[-1], stem[-1])
        candidates = [stem + "en", stem + stem[-1] + "en", voiced + "en"]
        if _short_stressed_end(stem):  # "leg" -> "leggen", not "legen"
            candidates[:2] = candidates[1::-1]
        if undoubled != stem:  # "leer" -> "leren", "geef" -> "geven"
            soft = undoubled[:-1] + VOICED.get(undoubled[-1], undoubled[-1])
            candidates = [soft + "en", undoubled + "en"] + candidates
        found = next((c for c in candidates if c in _opentaal()), "")
        if found:
            return found
    return ""


def to_second_person(words: Sequence[Word]) -> List[str]:
    """The words with ik/we turned to je/jullie and the verb agreeing."""
    out: List[str] = []
    for i, word in enumerate(words):
        if _coordinated_ik(words, i):
            out.append("jij")  # "mijn zoon en ik kunnen": "je zoon en jij kunnen"
            continue
        swapped = SECOND_PERSON.get(word.lower)
        if swapped:
            out.append(swapped)
            continue
        # ("ik schrok" is "je schrok": the past has one form for both)
        past = word.past
        if word.finite and word.pos in ("VERB", "AUX") and not past:
            before = words[i - 1].lower if i else ""
            after = words[i + 1].lower if i + 1 < len(words) else ""
            if before in FIRST_PERSON_SINGULAR and not _coordinated_ik(words, i - 1):
                out.append(you_form(word.text, inverted=False))
                continue
            if after in FIRST_PERSON_SINGULAR:
                out.append(you_form(word.text, inverted=True))
                continue
            if before in ("en", "maar", "of") and any(
                w.lower in FIRST_PERSON_SINGULAR for w in words[:i]
            ):
                # "ik rij zelf en heb geen tijd": the "ik" is not said again.
                out.append(you_form(word.text, inverted=False))
                continue
        if _ends_an_ik_subclause(words, i) and not past:
            out.append(you_form(word.text, inverted=False))  # "voor je ... uitgeeft"
            continue
        if a_name_typed_small(word.text):
            out.append(word.text.capitalize())  # "dat henk les geeft": Henk
            continue
        out.append(word.text if _keeps_case(word) else word.lower)
    return out


def _a_past_form(verb: str) -> bool:
    """Whether a form the tagger calls past is one: "klikte", "kwam", "werd";
    not "snap" or "uitgeef"."""
    if verb in STRONG_PASTS or (
        len(verb) > 4 and verb.endswith(("te", "de", "ten", "den"))
    ):
        return True
    # "uitgeef" has an infinitive, so is a present the tagger took for a past
    return not infinitive(verb)


# The common irregular pasts, singular: "infinitive" finds their plural
# ("kwamen") and the stand-in's lemma of them depends on the sentence.
STRONG_PASTS = frozenset(
    """kwam werd was had kon moest wilde mocht zou ging stond zag kreeg liep wist
    vond bleef deed zat lag nam gaf sprak viel hield hing zocht dacht bracht kocht
    schreef reed begon won verloor koos las hielp schrok brak sloot trok wees
    """.split()
)


def _coordinated_ik(words: Sequence[Word], at: int) -> bool:
    """ "mijn zoon en ik", "ik en mijn vrouw": an "ik" in a subject of two,
    whose verb is plural and stays so."""
    if not 0 <= at < len(words) or words[at].lower != "ik":
        return False
    before = words[at - 1].lower if at else ""
    after = words[at + 1 : at + 3]
    # "ik en mijn vrouw doen", "doen ik en mijn vrouw"; not "dat weet ik en
    # toen ..."
    return before == "en" or (
        len(after) == 2 and after[0].lower == "en" and after[1].lower in PARTNER_OPENERS
    )


PARTNER_OPENERS = frozenset("mijn m'n mn onze ons de een".split())


VERB_TAIL = frozenset("te om uit op af aan mee door weg terug".split())
AFTER_A_SUBCLAUSE = frozenset(
    {"die", "dat", "waar", "wat", "en", "maar", "of", "zodat"}
)


def _ends_an_ik_subclause(words: Sequence[Word], at: int) -> bool:
    """ "voor ik 80 mille uitgeef": the verb that ends a clause opened by a
    conjunction and "ik" (the tagger often calls it an infinitive)."""
    word = words[at]
    # the stand-in tagger calls "krijg" in "dat ik tolken krijg" a noun
    verb_like = word.pos == "VERB" or word.pos == "NOUN" and bool(infinitive(word.text))
    if not verb_like or word.lower.endswith("en"):
        return False
    after = words[at + 1] if at + 1 < len(words) else None
    # "dat ik tolken krijg die hier blijven": a relative clause may follow
    # ... or its particle or "te" ("dat ik niet alles hoef uit te zoeken")
    if (
        after
        and after.pos != "PUNCT"
        and after.lower not in AFTER_A_SUBCLAUSE | VERB_TAIL
    ):
        return False
    for i in range(at - 1, 0, -1):
        # (after an article a "verb" is the tagger's noun: "een miljoen")
        verb = words[i].pos in ("VERB", "AUX") and words[i - 1].pos != "DET"
        if verb or words[i].lower in (",", "."):
            return False
        if words[i].lower in FIRST_PERSON_SINGULAR:
            return words[i - 1].lower in SUBCLAUSE_OPENERS
    return False


MIN_SHOUTED = 4  # "ICT", "BIM", "MBO" are abbreviations; "ZORG" is shouted


def _keeps_case(word: Word) -> bool:
    """Names and abbreviations keep their capitals; a sentence's first word and
    a shouted word ("TE WEINIG HANDEN") not."""
    if word.text.isupper() and len(word.text) >= MIN_SHOUTED and known(word.lower):
        return False
    if word.pos == "PROPN" or word.text.isupper() and len(word.text) > 1:
        return True
    return word.text[:1].isupper() and not word.start


def joined(tokens: Sequence[str]) -> str:
    text = " ".join(tokens)
    text = re.sub(r"\s+([,.?!:;])", r"\1", text)
    text = re.sub(r"(\d)\s+([+%])", r"\1\2", text)  # "55+", "30%"
    return re.sub(r"\s+", " ", text).strip()


# A share of something: "30 procent", "30%" ("maar 30 procent": only that).
# ("vangt maar een deel op": only; "maar de helft durft niet": but)
A_SHARE = (
    r"(?:\d+\s*(?:%|procent\b)"
    r"|een\s+(?:klein\s+)?deel\s+(?:op|af|uit|weg|terug|mee|over)\b)"
)
# "... hoor. alleen palissander is bijna niet meer te krijgen", "alleen we
# ...": a "but" that opens the clause, dropped before it is tagged (the tagger
# then reads the subject as an adjective); before a count, an article or a
# possessive it is "only": "maar 2 man", "alleen onze jongste kan dat".
LEADING_BUT = re.compile(
    r"^(?:alleen|maar)\s+(?!(?:\d|een|één|twee|drie|vier|vijf|paar|enkele|weinig|de|het"
    r"|die|deze|dat|dit|onze|ons|mijn|m'?n|mn|zijn|haar|hun|jullie|je)\b)",
    re.IGNORECASE,
)
PARENTHESES = re.compile(r"\s*\([^()]*\)")
# "de gemeente, onze grootste klant, wil ...": who it is, between commas
APPOSITION = re.compile(
    r",\s*(?:onze|ons|mijn|m'n|mn)\s+(?:[a-zà-ÿ]+\s+){0,2}[a-zà-ÿ]+\s*,(?=\s*[a-zà-ÿ])",
    re.IGNORECASE,
)
# "1 iemand die zegt: daarvoor moet je daar zijn": what is said is quoted,
# and read as what to do ("die zegt wat ik moet doen")
SAYS_QUOTED = re.compile(
    r"\b(zegt|zeggen|vertelt|vertellen|uitlegt)\s*:\s*[^.!?\n]*", re.IGNORECASE
)
# "TE WEINIG HANDEN": three words in capitals in a row are shouted, not named.
SHOUTED = re.compile(r"\b[A-Z]{2,}(?:\s+[A-Z]{2,}){2,}\b")


def sentences(text: str) -> List[str]:
    """The message cut into clauses a restatement could use."""
    return list(_clauses(text))


@functools.lru_cache(maxsize=256)
def _clauses(text: str) -> Tuple[str, ...]:
    # Cached: reading one answer asks for its clauses several times (read,
    # read_answer, _forced), and each split at "," or "en" tags both halves.
    # "(geluidsrapporten, metingen)": an aside, no part of the clause around it
    text = PARENTHESES.sub(" ", text)
    text = APPOSITION.sub(" ", text)
    text = SAYS_QUOTED.sub(r"\1 wat ik moet doen", text)
    text = SHOUTED.sub(lambda shouted: shouted.group(0).lower(), text)
    parts = re.split(
        # "elk jaar begint het opnieuw: andere docent": a colon ends a clause
        # "maar 30 procent" is "only", no "but"
        r"(?:(?<!\d)\.|\.(?!\d)|(?<!\d):|:(?!\d)|[!?;\n])+|,?\s+"
        rf"(maar(?!\s+{A_SHARE})|want|omdat|terwijl|en(?=\s+(?:ik|we|wij|nu|daardoor)\b))\s+"
        # "wij kweken meelwormen en in sommige kratten gaat de helft dood"
        r"|\s+en\s+(?=(?:in|bij|op|sinds)\s+(?:de|het|ons|onze|sommige|elke|alle|veel|een"
        r"|die|deze|dit|mijn|m'n|mn)\s+(?:\w+\s+){1,2}?(?:gaat|gaan|is|zijn|wordt"
        r"|worden|loopt|lopen|staat|staan|gebeurt|komt|komen)\s+\w)"
        # ("kan dat dus niet": "dus" inside a clause, before its last word)
        r"|,\s*(?=(?:daardoor|waardoor|dus)\b)|\s+(?=dus\s(?!\s*(?:niet|wel|ook|nog)\b))"
        # "... met knieen en rug, en de rest is boven de 50": a comma before
        # "en" closes a clause (a list has no comma before its last "en")
        r"|,\s*en\s+"
        # "..., hoe pakken anderen dat aan?": a question of its own
        r"|,\s*(?=(?:hoe|wat|waar|wie|welke|waarom)\s)"
        # ", er gebeurt niks": a comma before a new subject starts a clause
        r"|,\s*(?=(?:er|ik|we|wij|ze|zij|hij|het|dat|dit|niemand|niks|niets|nu|dan|hier|daar"
        r"|daarom|toen)\s+\w)",
        text,
        flags=re.IGNORECASE,
    )
    # re.split gives the conjunction after each part (None for the other cuts)
    texts, joints = parts[::2], parts[1::2]
    nlp = pipeline()
    for at, joint in enumerate(joints):
        if nlp and joint and joint.lower() == "maar" and texts[at] and texts[at + 1]:
            right = [t for t in nlp(texts[at + 1].strip()) if not t.is_space]
            if _ends_a_subclause(right) or _contrasts_a_phrase(right):
                # "mannen die het vak doen maar geen diploma hebben", "ze
                # kennen de theorie maar niet het veldwerk": one clause
                texts[at + 1] = f"{texts[at]} {joint} {texts[at + 1]}"
                texts[at] = ""
                continue
            # "de stagiairs maken mooie plaatjes maar kunnen geen ...": shared subject
            subject = _shared_subject(texts[at], right)
            if subject:
                texts[at + 1] = f"{subject} {texts[at + 1].strip()}"
    clauses = [
        LEADING_BUT.sub("", CHAT_TAIL.sub("", part).strip(" ,"))
        for part in texts
        if part
    ]
    return tuple(
        piece for clause in clauses if clause for piece in _main_clauses(clause)
    )


def _ends_a_subclause(right: Sequence[Any]) -> bool:
    """ "geen diploma hebben", "nooit een opleiding hebben gedaan" (tagged):
    with no subject of its own and its verbs at the end, the part after
    "maar" goes on with the subclause before it."""
    tokens = [t for t in right if not t.is_punct]
    if len(tokens) < 2 or tokens[0].pos_ in ("PRON", "PROPN", "NOUN", "VERB", "AUX"):
        return False
    if tokens[0].pos_ == "DET" and tokens[0].text.lower() not in ("geen", "een"):
        return False  # "de mensen niet": a subject
    if tokens[0].pos_ == "ADP" or any(
        t.text.lower() in SUBCLAUSE_OPENERS for t in tokens
    ):
        return False  # "(niet om A) maar om onderzoek naar waarom de lasnaad scheurt"
    verbs = [i for i, t in enumerate(tokens) if t.pos_ in ("VERB", "AUX")]
    return bool(verbs) and verbs[0] >= len(tokens) - 2 and verbs[-1] == len(tokens) - 1


DENIED_AT_THE_END = frozenset("niet niks niets nauwelijks".split())


NEVER_HOW = {(never, how) for never in ("nooit", "niet", "niks", "niets")
             for how in ("hoe", "wat", "waarom")}  # fmt: skip


def _contrasts_a_phrase(right: Sequence[Any]) -> bool:
    """ "niet het digitale veldwerk" after "maar": a phrase without a verb
    that the clause before it denies ("geen idee waar" is a clause of its own)."""
    tokens = [t for t in right if not t.is_punct]
    if (
        len(tokens) > 2
        and (tokens[0].text.lower(), tokens[1].text.lower()) in NEVER_HOW
    ):
        # "(leren op school cnc) maar nooit hoe je een klep uit elkaar haalt":
        # what the clause before does not do, its verb shared
        return True
    if len(tokens) < 2 or any(t.pos_ in ("VERB", "AUX") for t in tokens):
        return False
    if tokens[0].text.lower() in ("niet", "geen"):
        return tokens[1].text.lower() != "idee"
    # "(weten alles van de gasoven) maar van de nieuwe besturing niks"
    return tokens[-1].text.lower() in DENIED_AT_THE_END


def _shared_subject(left: str, right: Sequence[Any]) -> str:
    """The subject of `left` when the tagged `right` opens with its finite
    verb, else "": "kunnen geen klantgesprek voeren" after "de stagiairs die
    we krijgen maken ..." shares "de stagiairs"."""
    if not right or right[0].pos_ not in ("VERB", "AUX"):
        return ""
    if "Fin" not in right[0].morph.get("VerbForm"):
        return ""
    left_tokens = [t for t in pipeline()(left.strip()) if not t.is_space]
    noun = next((i for i, t in enumerate(left_tokens) if t.pos_ == "NOUN"), None)
    if noun is None or any(
        t.pos_ not in ("DET", "ADJ", "NUM") and t.text.lower() not in POSSESSIVES
        for t in left_tokens[:noun]
    ):
        return ""
    return " ".join(t.text for t in left_tokens[: noun + 1])


def _main_clauses(clause: str) -> List[str]:
    """ "we hebben 5 vacatures en de meiden die we krijgen zijn snel weer weg",
    "de gasrekening is niet te betalen, de ovens staan de hele nacht aan": a
    comma or "en" between two parts that each have a verb, the second opening
    with its subject or its verb, joins two clauses; between nouns ("de
    kozijnen en de deuren", "hout, stro en hennep") it joins a list."""
    nlp = pipeline()
    if nlp is None:
        return [clause]
    for joint in re.finditer(r",\s*|\s+en\s+", clause):
        left, right = clause[: joint.start()], clause[joint.end() :]
        if re.search(r"\d\s*$", left) and re.match(r"\d", right):
            continue  # "zijn 61 en 64": numbers listed
        pair = (left.split()[-1:] + right.split()[:1]) if "en" in joint.group(0) else []
        if tuple(w.lower() for w in pair) in FIXED_PAIRS:
            continue  # "moet dag en nacht op 1100 graden blijven"
        left_tokens, right_tokens = list(nlp(left)), list(nlp(right))
        if "en" in joint.group(0) and _open_relative(left_tokens):
            continue  # "klanten die drukwerk en data willen": its verb is still to come
        if "en" in joint.group(0) and _comma_before_a_verb(right_tokens):
            continue  # "op gevoel en ervaring, kijken naar ...": a list ends there
        if "," in joint.group(0) and _fragment_then_clause(left_tokens, right_tokens):
            return [left.strip(), *_main_clauses(right)]
        if _two_clauses(left_tokens, right_tokens):
            # "schoolverlaters kunnen ... en kennen ...": the subject is shared;
            # so is a pronoun after chat's comma for "en" ("ze komen, leren
            # het vak bij ons"), where the verb agrees with it
            shared = "en" in joint.group(0) or _pronoun_first(left_tokens)
            if shared and right_tokens[0].pos_ in ("VERB", "AUX"):
                right = f"{_subject_of(left_tokens, right_tokens[0])} {right}".strip()
            return [left.strip(), *_main_clauses(right)]
    return [clause]


FIXED_PAIRS = frozenset(
    {("dag", "nacht"), ("af", "toe"), ("nu", "dan"), ("op", "neer"), ("heen", "weer"),
     ("hier", "daar"), ("vroeg", "laat"), ("zomer", "winter"), ("weer", "wind")}
)  # fmt: skip


def _open_relative(tokens: Sequence[Any]) -> bool:
    """Whether a relative "die" after a noun opens a clause that has no verb
    yet ("klanten die gepersonaliseerd drukwerk")."""
    for at in range(len(tokens) - 1, 0, -1):
        token = tokens[at]
        # ("gepersonaliseerd drukwerk": a participle before its noun)
        before_a_noun = at + 1 < len(tokens) and tokens[at + 1].pos_ == "NOUN"
        if token.is_punct or (token.pos_ in ("VERB", "AUX") and not before_a_noun):
            return False
        if token.text.lower() == "die" and tokens[at - 1].pos_ in ("NOUN", "PROPN"):
            return at < len(tokens) - 1
    return False


PLURAL_PRONOUNS = frozenset({"we", "wij", "ze", "zij"})


def _pronoun_first(tokens: Sequence[Any]) -> bool:
    words = [t for t in tokens if not t.is_space]
    return (
        len(words) > 1
        and words[0].text.lower() in PLURAL_PRONOUNS
        and (words[1].pos_ in ("VERB", "AUX"))
    )


def plural_verb(verb: str) -> bool:
    """ "weten", "gaan" are plural; "ken", "ben" end in -en but are singular."""
    lowered = verb.lower()
    return (lowered.endswith("en") and len(lowered) > 3) or lowered in PLURAL_IN_AN


PLURAL_IN_AN = frozenset("gaan staan slaan vergaan ontstaan bestaan verstaan".split())


def _subject_of(tokens: Sequence[Any], next_verb: Any) -> str:
    """The words before the clause's first verb when they can be the subject
    of `next_verb` too ("de jonge meiden", "schoolverlaters"), else nothing."""
    verb = next((i for i, t in enumerate(tokens) if t.pos_ in ("VERB", "AUX")), 0)
    if (
        verb == 0
        and len(tokens) > 2
        and tokens[1].pos_ in ("VERB", "AUX")
        and plural_verb(next_verb.text)
    ):
        # "uitzendkrachten zijn elke keer anders en kennen ...": two verbs in
        # a row to the tagger, of which the first is the subject
        return tokens[0].text
    subject = tokens[:verb]
    if len(subject) == 1 and subject[0].text.lower() in PLURAL_PRONOUNS:
        # "wij hebben een meldkamer en krijgen de nachten niet rond"; a verb
        # that does not agree is left to frame._with_dropped_subject ("we
        # zijn verhuisd en ken hier niemand" is "ik ken")
        return subject[0].text if plural_verb(next_verb.text) else ""
    if not 0 < len(subject) <= MAX_SUBJECT_WORDS or subject[0].pos_ not in (
        "DET",
        "NOUN",
        "PROPN",
        "NUM",
    ):
        return ""
    return " ".join(t.text for t in subject)


def _comma_before_a_verb(tokens: Sequence[Any]) -> bool:
    """ "ervaring, kijken naar de kleur": a bare noun that a comma cuts from
    the verb after it is the end of a list, no subject of that verb."""
    return (
        len(tokens) > 2
        and tokens[0].pos_ in ("NOUN", "ADJ")
        and tokens[1].text == ","
        and tokens[2].pos_ in ("VERB", "AUX")
    )


def _fragment_then_clause(left: Sequence[Any], right: Sequence[Any]) -> bool:
    """ "te weinig handen, bestellingen blijven liggen": a verbless phrase,
    then a clause with its own subject: two things said, not one."""
    return (
        len(left) >= 2
        and not any(t.pos_ in ("VERB", "AUX") for t in left)
        and bool(right)
        and right[0].pos_ in ("DET", "NOUN", "PROPN", "PRON", "NUM")
        and any(t.pos_ in ("VERB", "AUX") for t in right[1:])
    )


def _infinitives(*tokens: Any) -> bool:
    return all("Inf" in t.morph.get("VerbForm") for t in tokens)


def _two_clauses(left: Sequence[Any], right: Sequence[Any]) -> bool:
    def verbs(tokens: Sequence[Any]) -> List[bool]:
        # after an article a word is a noun, whatever the tagger says
        # ("die materialen")
        return [
            t.pos_ in ("VERB", "AUX") and (i == 0 or tokens[i - 1].pos_ != "DET")
            for i, t in enumerate(tokens)
        ]

    if not left or not right:
        return False
    if right[0].pos_ == "ADP":
        # "... en op de vacature reageert niemand": a phrase said first, then
        # the finite verb of a clause of its own
        verb = next((i for i, t in enumerate(right) if t.pos_ in ("VERB", "AUX")), 0)
        return (
            1 < verb <= MAX_FRONTED_PHRASE
            and verb < len(right) - 1
            and "Fin" in right[verb].morph.get("VerbForm")
            # its subject right after it ("reageert niemand"), not a verb
            # that ends a subclause ("... en aan klanten kan uitleggen")
            and right[verb + 1].pos_ in ("PRON", "NOUN", "PROPN", "DET")
            # "... en bij wie ik moet zijn": a question word opens a subclause
            and not any(t.lower_ in OPENERS_WITH_VERB_AFTER for t in right[:verb])
            and any(t.pos_ in ("VERB", "AUX") for t in left)
        )
    if right[0].pos_ not in CLAUSE_STARTS:
        return False
    if right[0].pos_ == "PRON" and "Rel" in right[0].morph.get("PronType"):
        return False
    # "ik wil kijken en horen wat er speelt": a second infinitive after the
    # first goes with the same "wil"
    if (
        left[-1].pos_ == "VERB"
        and right[0].pos_ == "VERB"
        and _infinitives(left[-1], right[0])
    ):
        return False
    # a verb that only ends the second part ("... en de deuren maken") is the
    # first part's
    left_verbs, right_verbs = verbs(left), verbs(right)
    if not any(left_verbs) or not any(right_verbs[:-1]):
        return False
    # "vragen over isoleren en zonnepanelen en mijn verkopers staan ...": a
    # bare noun, then "en" and an article, before the verb ends a list
    first_verb = right_verbs.index(True)
    if right[0].pos_ == "NOUN" and any(
        t.lower_ == "en" and right[i + 1].pos_ in ("DET", "PRON")
        for i, t in enumerate(right[: first_verb - 1])
    ):
        return False
    # "horen wat andere winkels en de hogeschool weten": a clause that "wat",
    # "die", ... opened and that has no verb yet goes on after the "en".
    opened = [i for i, t in enumerate(left) if t.lower_ in OPENERS_WITH_VERB_AFTER]
    return not opened or any(left_verbs[opened[-1] :])


CLAUSE_SUBJECTS = frozenset("we wij ik ze zij hij".split())
BEFORE_YOU_KNOW_IT = [["voor", "je", it, "weet"] for it in ("het", "t", "'t")]
BEFORE_YOU_KNOW = len(BEFORE_YOU_KNOW_IT[0])
MAX_FRONTED_PHRASE = 4  # "op de nieuwe vacature" before its clause's verb


def content_clean(words: Sequence[Word]) -> Tuple[List[Word], bool]:
    """The words with typos corrected and filler dropped; False when a word is
    neither Dutch, a name nor a number (the clause then stays unused)."""
    kept: List[Word] = []
    if [w.lower for w in words[:BEFORE_YOU_KNOW]] in BEFORE_YOU_KNOW_IT:
        # "voor je t weet zet ik 2 ton in de grond voor niks": what they fear,
        # not what goes wrong (said back, it read as a fact or garbled)
        return list(words), False
    for at, word in enumerate(words):
        if word.pos == "PUNCT":
            kept.append(word)
            continue
        if word.lower in FILLER:
            continue
        following = words[at + 1].lower if at + 1 < len(words) else ""
        if (word.lower, following) == ("eerlijk", "gezegd"):
            continue  # "eerlijk gezegd gaat het ...": a hedge, like "eigenlijk"
        if word.lower == "gezegd" and at and words[at - 1].lower == "eerlijk":
            continue
        opens = not any(w.pos != "PUNCT" for w in kept)
        if word.lower in ("ja", "nee") and opens:
            continue  # "nou ja we draaien met ...": no answer to a yes/no question
        if word.lower in ("alleen", "maar") and opens and following in CLAUSE_SUBJECTS:
            continue  # "alleen we krijgen ze niet gemaakt": a "but", not "only"
        fixed = cleaned(word.text)
        if fixed is None:
            if word.text[:1].isupper() and not word.start:
                kept.append(word)  # a name the word list does not know
                continue
            return kept, False
        kept.append(
            word
            if fixed == word.text
            else Word(
                fixed, fixed.lower(), word.pos, word.finite, word.plural, word.start
            )
        )
    return kept, True
