"""Nouns after a number ("twee monteurs", "een collega", never "drie monteur"),
and noun phrases fit to follow "je vraag over".

The plural follows the spelling rules of the Algemene Nederlandse Spraakkunst
(-s after an unstressed ending, -'s after a vowel, -en otherwise with the
vowel and consonant changes), checked against the word list where a rule has
two outcomes. No library on the package index inflects Dutch nouns without
a language model ("pattern" does, but does not install on Python 3.10 with
Rasa's pins), so the rules are written out here.
"""

from __future__ import annotations

import re
from typing import List, Optional

from bot.intake.dutch import known, word_list, words_of

# Plurals the rules get wrong, for the people this domain speaks of.
IRREGULAR = {
    "kok": "koks",
    "technicus": "technici",
    "kind": "kinderen",
    "man": "mannen",
    "vakman": "vakmensen",
    "timmerman": "timmerlieden",
    "zakenman": "zakenmensen",
    "stad": "steden",
    "schip": "schepen",
}
SINGULAR = {plural: noun for noun, plural in IRREGULAR.items()}
# Words for a group, which cannot be counted: "acht personeel" is "acht mensen".
COLLECTIVE = {
    "personeel": ("medewerker", "mensen"),
    "hulp": ("hulpkracht", "hulpkrachten"),
    "staf": ("medewerker", "medewerkers"),
}
# Endings that take -s: unstressed -el/-em/-en/-er/-je and loan words.
S_ENDINGS = ("el", "em", "en", "er", "je", "eur", "air", "aire", "ien", "ef", "é")
VOWELS = "aeiouy"


def plural(noun: str) -> str:
    lowered = noun.lower()
    if lowered in IRREGULAR or lowered in SINGULAR:
        return _like(noun, IRREGULAR.get(lowered, lowered))
    if lowered.endswith(("ige", "nde")):
        return noun + "n"  # "verpleegkundige" -> "verpleegkundigen"
    if lowered.endswith("e") and _more_used(noun + "n", noun + "s"):
        return noun + "n"  # "jongere" -> "jongeren", "werkloze" -> "werklozen"
    if lowered.endswith(S_ENDINGS) or lowered.endswith("e"):
        return noun + "s"
    if lowered[-1:] in "aiouy":
        return noun + "'s"
    stem = _en_stem(noun)
    if known(stem + "en") or not known(noun + "s"):
        return stem + "en"
    return noun + "s"


def singular(noun: str) -> str:
    lowered = noun.lower()
    if lowered in SINGULAR:
        return _like(noun, SINGULAR[lowered])
    for cut in ("'s", "s"):
        if lowered.endswith(cut) and plural(noun[: -len(cut)]) == noun:
            return noun[: -len(cut)]
    if lowered.endswith("aars") and known(lowered[:-1]):
        return noun[:-1]  # "metselaars" beside "metselaren": both are said
    for people in ("lieden", "lui"):
        # "timmerlui", "vaklieden": the plural of "-man"
        stem = lowered[: -len(people)]
        if lowered.endswith(people) and len(stem) >= 3 and known(stem + "man"):
            return noun[: -len(people)] + "man"
    if lowered.endswith("en"):
        bases = [base for base in _en_bases(noun[:-2]) if plural(base) == noun]
        return next(
            (base for base in bases if known(base)), bases[0] if bases else noun
        )

    return noun


def counted(number: str, count: int, people: str) -> str:
    """ "twee" + "monteur" -> "twee monteurs"; "een" + "collega's" -> "een
    collega". The first noun of `people` agrees; the rest stays as said."""
    words = people.split()
    tagged = words_of(people)
    at = next(
        (i for i, w in enumerate(tagged) if w.pos == "NOUN" and i < len(words)),
        0 if len(words) == 1 else None,
    )
    if at is not None and words[at].lower() in COLLECTIVE:
        words[at] = COLLECTIVE[words[at].lower()][count != 1]
    elif at is not None and words[at].lower() == tagged[at].lower:
        noun = words[at]
        said_plural = tagged[at].plural or singular(noun) != noun
        if count == 1 and said_plural:
            words[at] = singular(noun)
        elif count != 1 and not said_plural:
            words[at] = plural(noun)
    return f"{number} {' '.join(words)}"


# Units that stay singular after a number: "3 jaar", "4 man", "30 procent".
MEASURES = frozenset(
    "jaar uur man euro procent keer kilo gram meter liter ton cent graden pond "
    "stuk paar maal kwartier dozijn mille".split()
)
FIRST_YEAR = 1900  # "in 2027 machines": a year, not a count
NUMBER_WORDS = frozenset(
    "twee drie vier vijf zes zeven acht negen tien elf twaalf twintig dertig "
    "veertig vijftig honderd duizend".split()
)


def with_counted_plurals(text: str) -> str:
    """ "komen 40 auto terug", "twee nieuwe leerling": a noun after a number
    above one (and an adjective at most) is plural; units stay ("3 jaar")."""
    words = words_of(text)
    for at, number in enumerate(words[:-1]):
        above_one = (
            number.lower.isdigit() and 1 < int(number.lower) < FIRST_YEAR
        ) or number.lower in NUMBER_WORDS
        between = words[at + 1 : at + 2] if words[at + 1].pos == "ADJ" else []
        noun = (
            words[at + 1 + len(between)] if at + 1 + len(between) < len(words) else None
        )
        # (the tagger calls "verkeerskundige", "deskundige" adjectives; as the
        # last word after a number they are people)
        person = noun is not None and noun.lower.endswith("kundige")
        if (
            above_one
            and noun is not None
            and (noun.pos == "NOUN" or person)
            and not noun.plural
            and noun.lower not in MEASURES
            and known(noun.lower)
            and singular(noun.text) == noun.text  # "2 monteurs" already is
        ):
            said = [number.text, *(w.text for w in between), noun.text]
            text = re.sub(
                r"\b" + r"\s+".join(map(re.escape, said)) + r"\b",
                " ".join([*said[:-1], plural(noun.text)]),
                text,
                count=1,
            )
    return text


def _en_stem(noun: str) -> str:
    """What -en is added to: "leraar" -> "lerar", "baas" -> "baz", "bus" -> "buss"."""
    lowered = noun.lower()
    last = lowered[-1]
    long_vowel = re.search(r"(aa|ee|oo|uu)[^aeiou]$", lowered)
    if long_vowel:
        stem = noun[:-2] + last  # the doubled vowel is written once
    elif re.search(r"[^aeiou][aeiou][^aeiouwy]$", lowered) and len(lowered) <= 4:
        return noun + last  # a short vowel in a short word: the consonant doubles
    else:
        stem = noun
    if stem.endswith("f"):
        stem = stem[:-1] + "v"
    elif stem.endswith("s") and long_vowel:
        stem = stem[:-1] + "z"
    return stem


def _en_bases(stem: str) -> List[str]:
    """The singulars that could lie behind a plural in -en."""
    bases = [stem + "e"] if stem.endswith(("ig", "nd")) else []
    bases.append(stem)
    if re.search(r"([^aeiou])\1$", stem):
        bases.insert(-1, stem[:-1])  # "bussen": "bus" before "buss"
    match = re.search(r"([aeou])([^aeiou])$", stem)
    if match:
        consonant = {"v": "f", "z": "s"}.get(match.group(2), match.group(2))
        bases.append(stem[:-2] + match.group(1) * 2 + consonant)
    return bases + [stem + "e"]


def _more_used(one: str, other: str) -> bool:
    frequency = word_list().word_usage_frequency
    return bool(frequency(one) > frequency(other))


def _like(original: str, replacement: str) -> str:
    return replacement.capitalize() if original[:1].isupper() else replacement


# Words a phrase after "je vraag over" never ends in: it would be half a clause
# ("de opleiding meer", "je sloepen lichter", "het programmeren van je leren").
NOT_A_TOPIC_END = frozenset(
    "meer minder beter lichter sneller goedkoper ook weer niet wel nu dan daar hier "
    "erover leren werken doen maken gebruiken krijgen hebben opdoen vinden zoeken "
    "halen bijblijven ontmoeten weten "
    # a finite verb ends a clause, never a topic ("je vraag over school moet")
    "moet moeten kan kunnen wil willen is zijn heb hebt heeft ben gaat gaan "
    # nor a preposition that lost its object ("de opleiding voor")
    "voor van met aan over bij op in uit naar om tot door".split()
)


def speakable(topic: str) -> Optional[str]:
    """`topic` as it can follow "je vraag over", or None: no half clauses, and
    a word capitalised only because it opened a sentence is written small."""
    words = topic.split()
    if not words or words[-1].lower() in NOT_A_TOPIC_END:
        return None
    first = words[0]
    if (
        first[:1].isupper()
        and not first.isupper()
        and known(first.lower())
        and words_of(topic)[0].pos != "PROPN"
    ):
        words[0] = first.lower()
    return " ".join(words)
