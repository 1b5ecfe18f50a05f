"""How well an entrepreneur's words match a text: lemmas, rarity, typos.

The ranking of pps formats (bot/intake/catalogue.py) asks two things of what was
said: which catalogue texts share its rarer words (TF-IDF over lemmas), and
whether it names a format's keyword (typos allowed). The Dutch spaCy pipeline
is loaded on first use, once per process; without it a plain tokeniser does the
same job less precisely.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Tuple

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
# Determiners, possessives and fillers: stop words when there is no pipeline.
STOP_WORDS = frozenset(
    """
    de het een die dat deze dit onze ons mijn m'n je jouw jullie hun zijn haar
    geen wat welke elke alle iets ofzo meer veel andere
    """.split()
)
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


# --- parsing ---------------------------------------------------------------


@functools.lru_cache(maxsize=512)
def analyse(text: str) -> Analysis:
    """Tokens with lemmas of `text` (cached: texts repeat)."""
    nlp = pipeline()
    if nlp is None or not text.strip():
        return _plain_analysis(text)
    doc = nlp(text)
    tokens = tuple(
        Token(t.text.lower(), (t.lemma_ or t.text).lower(), t.pos_, t.is_stop)
        for t in doc
        if not t.is_punct and not t.is_space
    )
    return Analysis(tokens)


def _plain_analysis(text: str) -> Analysis:
    words = WORD.findall(text.lower())
    return Analysis(tuple(Token(w, w, "X", w in STOP_WORDS) for w in words))


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
    spaced = " ".join(words)
    for keyword in keywords:
        if " " in keyword:
            # "valse factu": the words in a row, the last one begun
            found = re.search(rf"\b{re.escape(keyword)}\w*", spaced)
            if found:
                return found.group(0)
            continue
        for word in words:
            if word.startswith(keyword):
                return word
            if len(keyword) >= 6 and keyword in word:  # "zonnepanelen" for "panelen"
                return word
    from rapidfuzz.distance import OSA

    for keyword in keywords:
        if len(keyword) < FUZZY_MIN_LENGTH or " " in keyword:
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
