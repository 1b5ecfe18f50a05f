"""The need an answer to "wat gaat er mis?" or "wat moet er anders?" speaks for.

The intent classifier learnt from openings ("ik zoek een monteur"); answers
sound different ("orders gaan verkeerd, mijn voormannen geven het half door")
and it reads them poorly: its need is the intake's need for 53% of problem
answers and 75% of goal answers. This reader learns from answers themselves,
data/answers/answer_needs.tsv (scripts/answer_needs.py), with scikit-learn,
which Rasa already brings: tf-idf over character and word n-grams and a
logistic regression. Learnt on all sets but one, it reads the left-out set's
problem answers right in 78% and its goal answers in 91% (eight folds by set).

It is learnt when first used (about 3 s; the action server does it at start,
actions/preload.py) and kept for the process.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

DATA_FILE = (
    Path(__file__).resolve().parents[2] / "data" / "answers" / "answer_needs.tsv"
)


def weights(text: str) -> Dict[str, float]:
    """Per need, how likely the answer `text` speaks for it (summing to 1)."""
    model = _model()
    probabilities = model.predict_proba([text.lower()])[0]
    return dict(zip(model.classes_, map(float, probabilities), strict=True))


# Read together, the answers to "wat gaat er mis?" and "wat moet er anders?"
# name their intake's need this surely, on average, in 79% of the persona
# intakes, and then rightly in 98% (eight folds by set; 94% for all). The
# goal's answer alone (the problem told in the opening) names it this surely
# in 65%, and then rightly in 97%; the problem's answer alone (a wish in the
# opening taken for the goal) in 23%, and then rightly in 97%.
SURE = 0.5
SURE_OF_THE_GOAL_ALONE = 0.7
SURE_OF_THE_PROBLEM_ALONE = 0.8
MIN_WORDS = 3


def need_of(problem: str, goal: str) -> Optional[str]:
    """The need the problem and the goal answers name together, or one of
    them where the other was not asked, where the reader is sure of it; None
    where it is not, or where neither was answered."""
    # "mbo" or "ja" to "wat moet er anders?" answers another question: too
    # few words to tell a need by
    problem, goal = (t if len(t.split()) >= MIN_WORDS else "" for t in (problem, goal))
    answers = [text.lower() for text in (problem, goal) if text]
    if not answers:
        return None
    model = _model()
    mean = model.predict_proba(answers).mean(axis=0)
    best = int(mean.argmax())
    if len(answers) == 2:
        sure = SURE
    else:
        sure = SURE_OF_THE_GOAL_ALONE if goal else SURE_OF_THE_PROBLEM_ALONE
    return str(model.classes_[best]) if mean[best] >= sure else None


def load() -> None:
    """The reader, learnt now rather than on first use."""
    _model()


@functools.lru_cache(maxsize=1)
def _model() -> Any:
    rows = read_rows()
    return learn([text for text, _, _, _ in rows], [need for _, need, _, _ in rows])


def read_rows() -> List[Tuple[str, str, str, str]]:
    """(text, need, kind, set) per answer in the data file."""
    rows = []
    for line in DATA_FILE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            text, need, kind, from_set = line.split("\t")
            rows.append((text, need, kind, from_set))
    return rows


def learn(texts: List[str], needs: List[str]) -> Any:
    """The reader learnt from these answers and the needs of their intakes."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline, make_union

    features = make_union(
        TfidfVectorizer(
            analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2
        ),
        TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True),
    )
    # a fixed solver and seed: the same data always gives the same reader
    classifier = LogisticRegression(C=5, max_iter=2000, random_state=0)
    return make_pipeline(features, classifier).fit([t.lower() for t in texts], needs)
