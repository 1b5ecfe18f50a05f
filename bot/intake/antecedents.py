"""A pointing word said back with what it points at. "mijn chauffeurs weten
daar nog niks van", after "we krijgen elektrische bussen", is said back as
"weten je chauffeurs nog niks van de elektrische bussen": a restatement read
on its own has no sentence before it for "daar" to point into.

Text in, text out; no Rasa."""

from __future__ import annotations

import re
from typing import Callable, List, Optional, Sequence, Tuple

from bot.intake import nouns
from bot.intake.dutch import Word, article_of, infinitive, joined, sentences, words_of

# "daar ... van", "er ... mee": the preposition stranded at the end.
POINTING = frozenset({"daar", "er"})
COMING = frozenset("komt komen kwam kwamen".split())
STRANDED = {
    "van": "van",
    "mee": "met",
    "over": "over",
    "aan": "aan",
    "op": "op",
    "in": "in",
    "voor": "voor",
    "naar": "naar",
    "uit": "uit",
    "bij": "bij",
    "door": "door",
    "toe": "tot",
}
# "daardoor", "daarom": what follows from it, no thing pointed at
CAUSAL = frozenset({"daardoor", "daarom"})
# "daarvan", "ermee": both in one word.
JOINED = re.compile(r"^(?:daar|er)(" + "|".join(STRANDED) + r")$")
SUBJECT_PRONOUNS = {"het": False, "ze": True, "zij": True}  # word: plural
# "het is druk", "het lukt niet": a "het" that points at nothing.
IMPERSONAL = frozenset(
    "is was wordt werd gaat ging lukt lukte kost blijft valt viel moet kan zit "
    "duurt scheelt loopt komt staat ligt wil mag zou zal begint regent heeft".split()
)
# What no restatement can name a thing by ("binnenkort" is tagged a noun).
NOT_THINGS = frozenset(
    "binnenkort keer week weken jaar jaren maand maanden dag dagen tijd paar "
    "alles iets niks niets wat enzo zo vraag vraagje ff leven".split()
)
# People are no "daar" or "ermee" ("met hen"), also those who are not staff.
PEOPLE_TOO = frozenset(
    "klant klanten mens mensen gasten bezoekers patiënten cliënten bewoners "
    "jongeren ouderen kinderen ouders jongens meiden leveranciers".split()
)
DETERMINERS = frozenset("de het een onze ons mijn m'n deze die dat".split())
ASKING = frozenset("hoeveel welke welk wat".split())
MAX_PHRASE_WORDS = 5
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
# A cheap look before the parse: does the clause hold a word that may point?
MAY_POINT = re.compile(r"\b(?:daar|er)\w*\b|\b(?:het|ze|zij)\b", re.IGNORECASE)


def said_before(text: str) -> List[str]:
    """The clauses of `text` a later pointing word can point into: not its
    questions ("iemand die daar verstand van heeft?" names nothing)."""
    return [
        part
        for sentence in SENTENCE_END.split(text or "")
        if not sentence.rstrip().endswith("?")
        for part in sentences(sentence)
    ]


def resolved(
    clause: str,
    before: Sequence[str],
    is_people: Callable[[Word], bool],
    adverbs: bool = True,
) -> str:
    """`clause` with a pointing word ("daar ... van", "ermee", a subject "het"
    or "ze") replaced by the noun phrase it points at in `before`, the
    clauses said before it; the clause unchanged where there is none.
    Without `adverbs`, only a subject pronoun is named."""
    if not before or not MAY_POINT.search(clause):
        return clause
    words = words_of(clause)
    lowers = [w.lower for w in words]
    earlier = [words_of(part) for part in before]
    for i, lower in enumerate(lowers if adverbs else []):
        joined_to = JOINED.match(lower)
        if lower in CAUSAL:
            continue  # "daardoor moeten we alles dubbel controleren": because of it
        if joined_to and lower == "erbij" and i and _plural_noun(words[i - 1]):
            continue  # "monteurs erbij", "met cijfers erbij": more, or with it
        if lower == "eraan" and i and words[i - 1].lower in COMING:
            continue  # "vrachtwagenheffing komt eraan": it is coming
        if joined_to:
            thing = _last_thing(earlier, is_people)
            if thing and thing.split()[-1].lower() not in lowers:
                preposition = STRANDED[joined_to.group(1)]
                return _with(words, {i: f"{preposition} {thing}"})
            return clause
        if lower in POINTING and not _there_is(words, i):
            end = _stranded(words, i)
            if end is None:
                continue
            thing = _last_thing(earlier, is_people)
            if not thing:
                return clause
            preposition = STRANDED[lowers[end]]
            return _with(words, {i: "", end: f"{preposition} {thing}"})
    subject = _subject_pronoun(words)
    if subject is not None:
        opening, verb = subject
        plural = SUBJECT_PRONOUNS[lowers[opening]]
        # "ze kunnen nog geen warmtepompen installeren", "dat ze mee kunnen":
        # "ze" is the people said before, if any (the tagger may count
        # "monteurs" as one); "ze weten niet hoe ..." is only ever people
        knowing = plural and infinitive(verb) in KNOWING_VERBS
        thing = (plural and _people(earlier, is_people)) or _first_thing(
            earlier, plural, is_people, people_only=knowing
        )
        if thing:
            return _with(words, {opening: thing})
    return clause


# Verbs whose subject is a person: their "ze" is no thing said before
# ("school leert ze 30 bij 60 zetten. ze weten niet ...": not "de 60
# zetten", held-out 39th), and a thing before them is their object
# (frame.py: "de wft-regels kennen ze niet").
KNOWING_VERBS = frozenset(
    "kennen weten snappen begrijpen durven leren beheersen missen".split()
)


def _plural_noun(word: Word) -> bool:
    return word.pos == "NOUN" and nouns.singular(word.lower) != word.lower


# "er is nergens een opleiding voor" says what there is ("er" stays); "er
# kan niemand mee werken" points.
BEING = frozenset("is zijn was waren bestaat bestaan".split())


def _there_is(words: Sequence[Word], at: int) -> bool:
    """Whether the "er" at `at` opens "er is ...", "er zijn ...": leaving it
    out for what it points at breaks the clause."""
    return (
        words[at].lower == "er"
        and at + 2 < len(words)
        and words[at + 1].lower in BEING
        and words[at + 2].lower not in ("ik", "we", "wij", "je", "jullie", "het")
    )


def _stranded(words: Sequence[Word], after: int) -> Optional[int]:
    """The preposition that "daar"/"er" at `after` belongs to: one that stands
    before a verb or at the end, not before its own noun ("er reageert
    niemand op je advertentie")."""
    for j in range(after + 1, len(words)):
        word = words[j]
        if word.pos == "PUNCT":
            return None
        if word.lower not in STRANDED:
            continue
        following = words[j + 1] if j + 1 < len(words) else None
        if following is None or following.pos in ("VERB", "AUX", "PUNCT"):
            return j
    return None


def _subject_pronoun(words: Sequence[Word]) -> Optional[Tuple[int, str]]:
    """Where a subject "het" or "ze" stands: first, or right after the
    finite verb that opens the clause ("kennen ze geen deadlines"); with its
    finite verb where that stands beside it ("" where it does not)."""
    if not words:
        return None
    # "dat ze mee kunnen": the subject of a wish, its verb at the end ("dat ze
    # weten hoe": right after it)
    if (
        len(words) > 2
        and words[0].lower in ("dat", "zodat")
        and words[1].lower in ("ze", "zij")
    ):
        return 1, words[2].lower if words[2].finite else ""
    # "weten of het iets voor ons wordt": the subject of a question inside
    # that says what the thing is ("of het werkt", "of het aan online ligt"
    # may point anywhere, or nowhere)
    for at in range(1, len(words) - 2):
        if (
            words[at - 1].lower == "of"
            and words[at].lower in SUBJECT_PRONOUNS
            and words[at + 1].lower in ("iets", "wat")
        ):
            return at, ""
    if words[0].lower in SUBJECT_PRONOUNS and len(words) > 1 and words[1].finite:
        at, verb = 0, words[1]
    elif (
        len(words) > 2
        and words[0].finite
        and words[1].lower in SUBJECT_PRONOUNS
        and words[2].pos != "NOUN"
    ):
        at, verb = 1, words[0]
    else:
        return None
    if words[at].lower == "het" and verb.lower in IMPERSONAL:
        return None
    return at, verb.lower


def _phrases(words: Sequence[Word]) -> List[List[Word]]:
    """The noun phrases of a clause: a determiner, adjectives and a noun,
    and "X en Y" after a preposition ("over sensoren en stikstof")."""
    found: List[List[Word]] = []
    for i, word in enumerate(words):
        # "naar AI": a name after a preposition is a thing too
        a_name = word.pos in ("PROPN", "X") and i > 0 and words[i - 1].pos == "ADP"
        if (
            (word.pos != "NOUN" and not a_name)
            or word.lower in NOT_THINGS
            or not word.lower.isalpha()
        ):
            continue
        start = i
        # "hoeveel stagiairs mag ik hebben": the question word is no part of them
        while (
            start > 0
            and words[start - 1].pos in ("ADJ", "NUM")
            and words[start - 1].lower not in ASKING
        ):
            start -= 1
        if start > 0 and words[start - 1].lower in DETERMINERS:
            start -= 1
        elif (
            start > 2
            and words[start - 1].lower == "en"
            and words[start - 2].lower not in NOT_THINGS
            and words[start - 3].pos == "ADP"
        ):
            start -= 2  # "over elektrisch en waterstof"
        phrase = list(words[start : i + 1])
        # a bare singular is a noun only after a preposition ("over
        # waterstof"); else the tagger may have taken an adjective for one
        named = (
            word.plural
            or phrase[0].lower in DETERMINERS
            or phrase[0].pos in ("PRON", "DET")
            or (len(phrase) > 1 and phrase[1].lower == "en")
            or (start > 0 and words[start - 1].pos == "ADP")
        )
        if named and len(phrase) <= MAX_PHRASE_WORDS:
            found.append(phrase)
    return found


def _last_thing(
    earlier: Sequence[Sequence[Word]], is_people: Callable[[Word], bool]
) -> str:
    """The last noun phrase said before that names no people: what "daar"
    points at."""
    for words in reversed(earlier):
        things = [
            p
            for p in _phrases(words)
            if not is_people(p[-1]) and p[-1].lower not in PEOPLE_TOO
        ]
        if things:
            return _named(things[-1])
    return ""


def _first_thing(
    earlier: Sequence[Sequence[Word]],
    plural: bool,
    is_people: Callable[[Word], bool],
    people_only: bool = False,
) -> str:
    """The first noun phrase of the latest clause that has one of the right
    number: the subject "het" or "ze" goes on about (`people_only`: one that
    may name people, "mijn mensen")."""
    for words in reversed(earlier):
        fitting = [
            p
            for p in _phrases(words)
            if p[-1].plural == plural
            and (plural or not is_people(p[-1]))
            and (not people_only or p[-1].lower in PEOPLE_TOO or is_people(p[-1]))
        ]
        if fitting:
            return _named(fitting[0])
    return ""


def _people(
    earlier: Sequence[Sequence[Word]], is_people: Callable[[Word], bool]
) -> str:
    """The latest people named: "mijn twee toppers"; one named ("een
    stagiair") for a plural "ze" is said as many ("stagiairs")."""
    for words in reversed(earlier):
        named = [p for p in _phrases(words) if is_people(p[-1])]
        if named and not _plural_noun(named[-1][-1]) and not named[-1][-1].plural:
            phrase = named[-1]
            bare = phrase[1:] if phrase[0].lower in ("een", "de", "het") else phrase
            return joined([w.lower for w in bare[:-1]] + [nouns.plural(bare[-1].lower)])
        if named:
            return _named(named[-1])
    return ""


# What the entrepreneur calls the pps they write to.
ADDRESSING = frozenset("jullie uw".split())


def _named(phrase: Sequence[Word]) -> str:
    """ "de studenten" for "studenten", "de nieuwe lasrobot" for "een nieuwe
    lasrobot": the phrase as it is named a second time. A bare singular
    stays bare ("honing")."""
    if len(phrase) > 1 and phrase[0].lower in ADDRESSING:
        # "hebben jullie stagiaires?": the entrepreneur's "jullie" is us
        phrase = phrase[1:]
    texts = [
        w.text if w.text[:1].isupper() and not w.start else w.lower for w in phrase
    ]
    if phrase[0].lower == "een":
        # said a second time, "een nieuwe lasrobot" is "de nieuwe lasrobot";
        # "een nieuw systeem" would need its adjective inflected: not named
        if phrase[-1].neuter and len(phrase) > 2:
            return ""
        texts[0] = article_of(phrase[-1])
    if phrase[0].lower in DETERMINERS or phrase[0].pos in ("PRON", "DET"):
        return joined(texts)
    if len(phrase) > 1 and phrase[1].lower == "en":
        return joined(texts)  # "elektrisch en waterstof": a field, no article
    return joined(["de", *texts]) if phrase[-1].plural else joined(texts)


def _with(words: Sequence[Word], changes: dict) -> str:
    tokens = [changes.get(i, w.text) for i, w in enumerate(words)]
    return joined([t for t in tokens if t])
