"""How well an entrepreneur's words match a text: lemmas, rarity, typos, topic.

The ranking of pps formats (bot/intake/catalogue.py) asks three things of what was
said: which catalogue texts share its rarer words (TF-IDF over lemmas), whether
it names a format's keyword (typos allowed), and which short noun phrase names
its topic. The Dutch spaCy pipeline is loaded on first use, once per process;
without it a plain tokeniser does the same job less precisely.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Sequence, Tuple

from bot.intake.dutch import pipeline

WORD = re.compile(r"[a-zà-ÿ0-9]+(?:-[a-zà-ÿ0-9]+)*")
MIN_FEATURE_LENGTH = 3
CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "X"})
# The pipeline's lemmatizer misses many plurals and inflections ("monteurs",
# "bakken"); a crude suffix cut puts "monteur" and "monteurs" on one feature.
SUFFIXES = ("heden", "ingen", "tjes", "jes", "ën", "en", "es", "s", "e")
MIN_STEM_LENGTH = 4
# Words too common in any intake to say what it is about ("bedrijf", "willen").
COMMON = frozenset(
    """
    bedrijf bedrijven willen wil zoeken zoek vraag vragen graag mensen iemand
    iets hulp helpen nodig hebben komen gaan doen maken weten kunnen moeten
    echt eigenlijk beetje goed leuk nieuw nieuwe manier soort keer tijd jaar
    maand week misschien ofzo gewoon ondernemer mkb pps samenwerking last probleem
    hoogte idee ideeën
    """.split()
)
# Words that do count for matching, but never name the topic on their own: the
# people it is always about, and when.
NOT_A_TOPIC = COMMON | frozenset(
    """
    medewerker medewerkers personeel collega collega's student studenten uur paar
    dag dagen zomer winter voorjaar najaar lente herfst begin eind einde
    januari februari maart april mei juni juli augustus september oktober
    november december
    iedereen niemand iemand tegenwoordig eigenlijk echt gewoon steeds ergens
    tafel horen weten
    """.split()
)
# Determiners, possessives and fillers that do not belong in a topic phrase.
PHRASE_TRIM = frozenset(
    """
    de het een die dat deze dit onze ons mijn m'n je jouw jullie hun zijn haar
    geen wat welke elke alle iets ofzo meer veel andere
    """.split()
)
# Words that open a phrase in the entrepreneur's voice, as the bot says them.
REWORDED = {
    "een": "een",
    "onze": "je",
    "ons": "je",
    "mijn": "je",
    "m'n": "je",
    "jullie": "je",
    "die": "de",
    "deze": "de",
    "dat": "het",
    "dit": "het",
}
MAX_TOPIC_WORDS = 4
MAX_SLOT_TOPIC_WORDS = 8
UNSEEN_SHARE = 0.9
KNOWN_BONUS = 1.0
COMPANY_WORDS = ("bedrijf", "bedrijfje", "zaak", "firma", "onderneming", "bv")
FUZZY_MIN_LENGTH = 5  # shorter keywords match exactly: "bbl", "ai", "lass"


@dataclass(frozen=True)
class Token:
    text: str  # lower case, as typed
    lemma: str
    pos: str
    is_stop: bool


@dataclass(frozen=True)
class Analysis:
    tokens: Tuple[Token, ...]
    phrases: Tuple[Tuple[str, ...], ...]  # noun phrases as typed, word by word


# --- parsing ---------------------------------------------------------------


@functools.lru_cache(maxsize=512)
def analyse(text: str) -> Analysis:
    """Tokens with lemmas and noun phrases of `text` (cached: texts repeat)."""
    nlp = pipeline()
    if nlp is None or not text.strip():
        return _plain_analysis(text)
    doc = nlp(text)
    tokens = tuple(
        Token(t.text.lower(), (t.lemma_ or t.text).lower(), t.pos_, t.is_stop)
        for t in doc
        if not t.is_punct and not t.is_space
    )
    try:
        phrases = tuple(
            tuple(t.text for t in chunk if not t.is_punct) for chunk in doc.noun_chunks
        )
    except (ValueError, NotImplementedError):  # no parser: no noun chunks
        phrases = ()
    return Analysis(tokens, phrases + _loose_nouns(doc, phrases))


def _loose_nouns(
    doc: Any, phrases: Tuple[Tuple[str, ...], ...]
) -> Tuple[Tuple[str, ...], ...]:
    """Nouns the parser left out of every noun chunk, with the articles and
    adjectives right before them: the small parser misses many."""
    in_chunks = {word.lower() for phrase in phrases for word in phrase}
    found: List[Tuple[str, ...]] = []
    for token in doc:
        # an adjective with no noun after it is often a compound noun the
        # tagger did not know ("de nieuwe boekhoudsoftware")
        next_pos = doc[token.i + 1].pos_ if token.i + 1 < len(doc) else ""
        loose_adjective = token.pos_ == "ADJ" and next_pos not in ("NOUN", "ADJ")
        if token.pos_ not in ("NOUN", "PROPN") and not loose_adjective:
            continue
        if token.text.lower() in in_chunks or len(token.text) < 4:
            continue
        start = token.i
        while start > 0 and doc[start - 1].pos_ in ("DET", "ADJ"):
            start -= 1
        found.append(tuple(t.text for t in doc[start : token.i + 1]))
    return tuple(found)


def _plain_analysis(text: str) -> Analysis:
    words = WORD.findall(text.lower())
    return Analysis(tuple(Token(w, w, "X", w in PHRASE_TRIM) for w in words), ())


def stem(word: str) -> str:
    word = word.lower().replace("_", "")
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM_LENGTH:
            return word[: -len(suffix)]
    return word


def features(text: str) -> List[str]:
    """The content words of `text` as stems of lemma and of the typed form."""
    found: List[str] = []
    for token in analyse(text).tokens:
        # the tagger calls "beveiligen" a noun; a stop word tagged noun still counts
        if token.pos not in CONTENT_POS or token.is_stop and token.pos != "NOUN":
            continue
        for form in {stem(token.lemma), stem(token.text)}:
            if len(form) >= MIN_FEATURE_LENGTH and form not in COMMON:
                if not form.isdigit():
                    found.append(form)
    return found


# --- rarity-weighted overlap -----------------------------------------------


class ContentIndex:
    """TF-IDF over the lemma stems of a fixed set of documents (the catalogue)."""

    def __init__(self, documents: Sequence[str]) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer

        self._vectorizer = TfidfVectorizer(
            analyzer=features, sublinear_tf=True, norm="l2"
        )
        self._size = len(documents)
        try:
            self._matrix = self._vectorizer.fit_transform(list(documents))
        except ValueError:  # no content word in any document: nothing to match
            self._matrix = None
            self.idf: Dict[str, float] = {}
            return
        vocabulary = self._vectorizer.vocabulary_
        idf = self._vectorizer.idf_
        self.idf = {term: idf[i] for term, i in vocabulary.items()}

    def similarities(self, text: str) -> List[float]:
        """Cosine similarity of `text` to every document, in document order."""
        if self._matrix is None or not features(text):
            return [0.0] * self._size
        query = self._vectorizer.transform([text])
        return [float(value) for value in (self._matrix @ query.T).toarray()[:, 0]]


# --- keywords, typos allowed -----------------------------------------------


def keyword_in(keywords: Sequence[str], text: str) -> Optional[str]:
    """The word of `text` that one of `keywords` begins (or, for longer keywords,
    sits inside as part of a compound), allowing one typo in longer keywords."""
    words = WORD.findall(text.lower())
    for keyword in keywords:
        for word in words:
            if word.startswith(keyword):
                return word
            if len(keyword) >= 6 and keyword in word:  # "zonnepanelen" for "panelen"
                return word
    from rapidfuzz.distance import OSA

    for keyword in keywords:
        if len(keyword) < FUZZY_MIN_LENGTH:
            continue
        for word in words:
            if len(word) < len(keyword) - 1 or word[0] != keyword[0]:
                continue
            # the word's start against the keyword, one letter more or less:
            # "gehakt" for "gehackt", "beveilgen" for "beveilig", never
            # "product" for "productie" (two letters short)
            starts = {word[: len(keyword) + shift] for shift in (-1, 0, 1)}
            if any(OSA.distance(keyword, start) <= 1 for start in starts):
                return word
    return None


# --- the topic as a short noun phrase --------------------------------------


def topic_phrase(text: str, weights: Dict[str, float]) -> Optional[str]:
    """The noun phrase of `text` that best names its topic: the one whose words
    are rarest by `weights` (idf per feature), trimmed of articles and
    possessives; None when `text` has no usable noun phrase."""
    best: Optional[Tuple[float, int, str]] = None
    # A word the catalogue never uses is nearly as rare as it gets:
    # "broodresten" says more about this question than "medewerkers", but a
    # rare catalogue word ("phishing") says most.
    unseen = UNSEEN_SHARE * max(weights.values(), default=1.0)
    for position, phrase in enumerate(analyse(text).phrases):
        words = _trimmed(phrase)
        if not words:
            continue
        # a word the catalogue knows ties the phrase to a format: it counts more
        weight = sum(
            weights[stem(word)] + KNOWN_BONUS if stem(word) in weights else unseen
            for word in (w.lower() for w in words)
            if _topical(word)
        )
        if weight <= 0:
            continue
        candidate = (weight, -position, " ".join(words))
        if best is None or candidate[:2] > best[:2]:  # the first of equals
            best = candidate
    return best[2] if best else None


def _topical(word: str) -> bool:
    """Not a filler, and not the company itself ("ons installatiebedrijf")."""
    if word in NOT_A_TOPIC or stem(word) in NOT_A_TOPIC or word in PHRASE_TRIM:
        return False
    if len(word) < 3:
        return False
    return not word.endswith(COMPANY_WORDS)


def _trimmed(phrase: Sequence[str]) -> List[str]:
    """The phrase as it can follow "je vraag over": "onze webshop" becomes
    "je webshop", "die oude broodresten" "de oude broodresten"."""
    words = [w for w in phrase if WORD.fullmatch(w.lower()) or w.lower() in REWORDED]
    while words and (words[0].lower() in PHRASE_TRIM or words[0].isdigit()):
        first = words[0].lower()
        if first in REWORDED and len(words) > 1 and words[1].lower() not in PHRASE_TRIM:
            words = [REWORDED[first], *words[1:]]
            break
        words = words[1:]
    while words and words[-1].lower() in PHRASE_TRIM:
        words = words[:-1]
    ignored = NOT_A_TOPIC | PHRASE_TRIM | set(REWORDED.values())
    if not any(w.lower() not in ignored for w in words):
        return []
    return words[:MAX_TOPIC_WORDS]


def clean_topic(text: Optional[str]) -> Optional[str]:
    """A topic slot value fit to stand in a sentence, or None."""
    if not text:
        return None
    words = [w.strip(".,;:!?\"'()") for w in str(text).split()]
    return " ".join(w for w in words[:MAX_SLOT_TOPIC_WORDS] if w) or None
