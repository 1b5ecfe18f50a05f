"""A goal that is a question, asked as one.

"weten waar de lekken zitten en dat iedereen een nepmail herkent" is a
question the entrepreneur wants answered. Said back as typed it pastes their
sentence; a coordinator asks it: "waar zitten de lekken, en hoe zorg je
ervoor dat iedereen een nepmail herkent". The embedded question gets the word
order of a question (the finite verb after the question word), which is the
bot's own sentence, not theirs.
"""

from __future__ import annotations

from typing import List, Optional, Sequence

from bot.intake.dutch import VERB_PARTICLES, Word, infinitive, known, words_of

# Verbs whose object is the question: "weten waar ...", "snappen wat ...".
KNOWING = frozenset("weten snappen begrijpen horen uitzoeken ontdekken".split())
QUESTION_WORDS = frozenset("waar wat hoe welke welk wie waarom wanneer of".split())
WHICH = frozenset("welke welk".split())
ARTICLES = WHICH | {"een", "de"}
POINTING = frozenset("het dat die dit".split())  # "het doen", "dat regelt"
# "hoe snel", "hoe vaak": the words "hoe" asks with
HOW_MUCH = frozenset(
    "snel goed lang vaak veel groot duur ver zwaar makkelijk moeilijk".split()
)
# A yes/no question as_questions wrote begins with its verb.
YES_NO_OPENERS = frozenset("kan kun is werkt past".split())
MODALS = frozenset("kan kun kunt kunnen moet moeten wil wilt willen mag mogen".split())
# The verb a question opens with when "je" follows it ("kun je", not "kan je").
YOU_INVERTED = {
    "kan": "kun",
    "kunt": "kun",
    "wil": "wil",
    "wilt": "wil",
    "zal": "zul",
    "zult": "zul",
}


def as_questions(goal: str) -> str:
    """ "weten waar de lekken zitten en dat iedereen een nepmail herkent" ->
    "waar zitten de lekken, en hoe zorg je ervoor dat iedereen een nepmail
    herkent?"; "" when the goal is no known question or a part will not turn."""
    words = [w for w in words_of(goal) if w.pos != "PUNCT"]
    if len(words) < 3 or words[0].lower not in KNOWING:
        return ""
    if words[1].lower not in QUESTION_WORDS:
        return ""
    parts = _coordinated(words[1:])
    asked = [_direct(parts[0])] + [_next_part(part) for part in parts[1:]]
    if not all(asked):
        return ""
    return ", en ".join(asked) + "?"


def is_direct(goal: str) -> bool:
    """Whether `goal` is a question as_questions wrote: "waar zitten de
    lekken", "kan een cobot dat werk overnemen" (stored without its "?")."""
    words = [w for w in words_of(goal) if w.pos != "PUNCT"]
    if goal.endswith("?") or words and words[0].lower in YES_NO_OPENERS:
        return True
    if len(words) < 3 or words[0].lower not in QUESTION_WORDS - {"of"}:
        return False
    end = _opener_end(words)
    return end < len(words) and _verb(words, end)


def _coordinated(words: Sequence[Word]) -> List[List[Word]]:
    """The clauses joined by "en": before a question word or "dat", or after
    a clause's verb ("waar de plekken zitten en die dichten")."""
    parts: List[List[Word]] = [[]]
    for i, word in enumerate(words):
        following = words[i + 1].lower if i + 1 < len(words) else ""
        opens = following in QUESTION_WORDS or following == "dat"
        # "welke opleiding en welk niveau ... past": one clause, no verb yet
        done = any(_verb(parts[-1], j) for j in range(len(parts[-1])))
        if word.lower == "en" and done and (opens or _verb(words, i - 1)):
            parts.append([])
            continue
        parts[-1].append(word)
    return parts


def _verb(words: Sequence[Word], at: int) -> bool:
    """Whether words[at] is a verb; the small tagger calls "een jongen" and
    "welk spuitschema" verbs and "regelt" a noun."""
    word = words[at]
    before = words[at - 1].lower if at else ""
    if (
        before in ARTICLES
        or at
        and words[at - 1].pos == "DET"
        and before not in POINTING
    ):
        return False
    if word.pos in ("VERB", "AUX"):
        return True
    base = infinitive(word.lower) if word.lower.endswith("t") else ""
    return base not in ("", word.lower + "en")


def _next_part(words: Sequence[Word]) -> str:
    if words and words[0].lower == "dat" and len(words) > 2:
        return "hoe zorg je ervoor " + " ".join(w.text for w in words)
    # "(en) die dichten voor de audit": what to do, asked as such; its verb
    # ends the words before a phrase (the tagger took "dichten" for poems)
    before_phrase = next(
        (i for i, w in enumerate(words) if i and w.pos == "ADP"), len(words)
    )
    last = words[before_phrase - 1] if words else None
    verbs = [i for i in range(before_phrase) if _verb(words, i)]
    if (
        last is not None
        and words[0].lower not in QUESTION_WORDS
        and last.lower.endswith("en")
        and infinitive(last.lower) == last.lower
        and set(verbs) <= {before_phrase - 1}
    ):
        return "hoe kun je " + " ".join(w.text for w in words)
    return _direct(words)


def _direct(words: Sequence[Word]) -> str:
    """ "waar de lekken zitten" -> "waar zitten de lekken"; "of een cobot dat
    werk kan overnemen" -> "kan een cobot dat werk overnemen"."""
    if not words or words[0].lower not in QUESTION_WORDS:
        return ""
    end = _opener_end(words)
    opener, rest = list(words[:end]), list(words[end:])
    verbs = [i for i in range(len(rest)) if _verb(rest, i)]
    if not verbs:
        return ""
    first = verbs[0]
    # one verb or one cluster of them ("kan laten opleiden"), then at most a
    # phrase: two verbs apart are two clauses
    if verbs != list(range(first, first + len(verbs))):
        return ""
    cluster = rest[first : first + len(verbs)]
    tail = rest[first + len(verbs) :]
    if tail and tail[0].pos not in ("ADP", "ADV"):
        return ""
    finite = _finite(cluster)
    if finite is None:
        return ""
    middle = rest[:first]
    verb = cluster[finite].lower
    if middle and middle[0].lower == "je":
        verb = YOU_INVERTED.get(verb, verb[:-1] if verb.endswith("t") else verb)
    others = [w for i, w in enumerate(cluster) if i != finite]
    said = [] if opener[0].lower == "of" else [w.text for w in opener]
    particle = _separable(verb) if not others else ""
    if particle:
        # "wat er op de branche afkomt" -> "wat komt er op de branche af"
        verb = verb[len(particle) :]
    asked = said + [verb] + [w.text for w in middle + others + tail]
    return " ".join(asked + ([particle] if particle else [])).strip()


def _separable(verb: str) -> str:
    """The particle a finite verb opens with and leaves at a main clause's
    end ("afkomt": "komt ... af"), or ""."""
    return next(
        (
            particle
            for particle in VERB_PARTICLES
            if verb.startswith(particle)
            and known(verb[len(particle) :])
            and len(verb) > len(particle) + 2
        ),
        "",
    )


def _opener_end(words: Sequence[Word]) -> int:
    """Where the question word's phrase ends: "waar", "hoe snel", "welke
    opleiding en welk niveau"."""
    end = 1
    if words[0].lower == "hoe" and len(words) > 1 and words[1].lower in HOW_MUCH:
        end = 2
    while words[0].lower in WHICH and end < len(words):
        # "welke opleiding en welk niveau": after "welk" its noun, whatever
        # the tagger calls it ("welk spuitschema")
        word, before = words[end], words[end - 1].lower
        if before in WHICH or word.pos in ("ADJ", "NOUN", "NUM"):
            end += 1
        elif (
            word.lower == "en"
            and end + 1 < len(words)
            and words[end + 1].lower in WHICH
        ):
            end += 2
        else:
            break
    return end


def _finite(cluster: Sequence[Word]) -> Optional[int]:
    """The finite verb of a cluster: "kan laten opleiden", "opleiden kan"."""
    if len(cluster) > 1 and cluster[-1].lower in MODALS:
        return len(cluster) - 1
    return 0
