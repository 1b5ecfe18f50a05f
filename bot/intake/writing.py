"""Writing Dutch: the restatement a coordinator would sign, from the frame.

Frame in, Dutch out. Two short parts: the problem as understood ("Als ik het
goed begrijp, gooien jullie elke dag brood weg."), then the real question
("Je eigenlijke vraag: hoe kunnen jullie minder brood weggooien?"). The
connecting words come from `phrases` (domain.yml's utter_restatement_phrases),
so the Dutch the user reads stays in the domain.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, List, Mapping, Sequence, Tuple

from bot.intake import nouns, questions
from bot.intake.deadlines import MONTH_NAMES
from bot.intake.dutch import Word, infinitive, joined, words_of
from bot.intake.frame import (
    MODALS,
    PARTICLES,
    PEOPLE_WORDS,
    STUDENT_PEOPLE,
    WANTING,
    Frame,
    copies,
    names_people,
    to_prevent,
    unspliced,
)
from bot.intake.nouns import COLLECTIVE, with_counted_plurals
from bot.intake.questions import is_direct

MAX_WORDS = 45


def restatement(
    frame: Frame, need: str, phrases: Mapping[str, Any], details: Mapping[str, str]
) -> str:
    """The problem and the real question, at most 45 words with "Klopt dat?".

    `details` holds short phrases already in the bot's words: `people`
    ("twee monteurs"), `level` ("op mbo-niveau"), `when` ("voor de zomer"),
    `topic` ("restwarmte"); and `said`, all the entrepreneur typed, which no
    problem said back may copy eight words of."""
    words = phrases["frame"]
    goal = with_antecedent(frame, details.get("topic", ""))
    frame = replace(frame, goal=inside_a_sentence(goal))
    problem = "" if says_nothing(frame.problem_lead) else frame.problem_lead
    if problem or is_direct(frame.goal):
        question = real_question(frame, need, words, details)
    elif frame.goal and not garbled(frame.goal) and not names_nothing(frame.goal):
        # No problem said: the goal is what was understood, and the question
        # is how the pps helps reach it ("hoe kunnen studenten ... daarbij").
        problem = wanted(frame.goal, words)
        question = _need_question(frame, need, words, details, "need_question_goal")
    else:
        question = real_question(frame, need, words, details)
    said = details.get("said", "")
    if said and copies(question, said):
        # "hoe kunnen jullie logo's zetten die er bij het recyclen weer af
        # gaan": eight words of theirs, cut back or else the need's question
        cut = unspliced(question, said)
        # ("hoe zorg je voor" has lost what it is for)
        question = (
            cut
            if cut and not garbled(cut)
            else real_question(replace(frame, goal=""), need, words, details)
        )
    when = details.get("when")
    # "hoe vind je een stagiair voor na de zomer": said once
    if when and when not in question and _count(question) + _count(when) < 22:
        question = f"{question}, {when}"
    asked = words["question"].format(question=question)
    room = MAX_WORDS - _count(words["confirm"]) - _count(asked)

    def fits(part: str) -> bool:
        # within 45 words with the question, and no eight words pasted from
        # what was typed ("doet Sjoerd het richten en slijpen van de ijzers en
        # kan niemand anders dat": two clauses joined back as typed)
        return _count(words["understood"].format(problem=part)) <= room and not (
            said and copies(part, said)
        )

    if problem and not fits(problem):
        # its first part, or its first problem ("haken de adverteerders af en
        # lezen jongeren jullie niet, weet je niet ..."), or none
        problem = next((part for part in _shorter_parts(problem) if fits(part)), "")
    if not problem:
        # "waar haal je de kennis hierover": "hierover" would point at nothing
        question = _without_pointing_back(question, need, words, details)
    parts = []
    if problem:
        parts.append(words["understood"].format(problem=problem))
    parts.append(words["question"].format(question=question))
    return _tidy(with_counted_plurals(" ".join(parts)))


def _shorter_parts(problem: str) -> List[str]:
    """The problem up to its first comma, then up to its first "en" before a
    verb: the parts that may be said back where the whole is too long."""
    first = problem.split(", ")[0]
    parts = [first] if first != problem else []
    words = words_of(first)
    for at in range(1, len(words) - 1):
        if words[at].lower == "en" and words[at + 1].pos in ("VERB", "AUX"):
            parts.append(joined([w.text for w in words[:at]]))
            break
    return parts


def _without_pointing_back(
    question: str, need: str, words: Mapping[str, Any], details: Mapping[str, str]
) -> str:
    """The need's question that points back at the problem ("hierover"), in
    the words that stand alone where no problem was said back."""
    if need not in words.get("need_question_alone", {}):
        return question
    untopical = {k: v for k, v in details.items() if k != "topic"}
    pointing = _need_question(Frame(), need, words, untopical)
    if not question.startswith(pointing):
        return question
    alone = _need_question(Frame(), need, words, untopical, "need_question_alone")
    return alone + question[len(pointing) :]


def real_question(
    frame: Frame, need: str, words: Mapping[str, Any], details: Mapping[str, str]
) -> str:
    """The question behind the question, from the goal or else the need."""
    goal = frame.goal
    # "hoe kunnen jullie jullie restwarmte ..." stutters: then "kun je".
    said_jullie = re.search(r"\bjullie\b", frame.problem + goal)
    subject = "jullie" if said_jullie and not re.search(r"\bjullie\b", goal) else "je"
    if is_direct(goal):
        return goal.rstrip("?")  # "waar zitten de lekken, en ...", asked
    if goal and _must_in_main_clause(goal):
        return _must_question(goal) or _need_question(frame, need, words, details)
    if goal and not garbled(goal) and not names_nothing(goal):
        phrase, own = own_wish(goal)
        if phrase:
            return words["goal_infinitive"][own].format(goal=phrase)
        shape = _goal_shape(goal)
        template = words["goal_" + shape][subject if shape == "infinitive" else "je"]
        if shape == "infinitive":
            # "hoe kun je ... kunnen gebruiken": the question has its "kun" already.
            goal = re.sub(r"\s+kunnen(?=\s+\w+$)", "", goal)
        when = RECURRING.match(goal) if shape == "noun" else None
        if when:
            # "hoe zorg je elk jaar voor een paar matrozen", not "voor elk jaar ..."
            question = template.format(goal=goal[when.end() :])
            return question.replace(" voor ", f" {when.group(0).strip()} voor ", 1)
        return template.format(goal=goal)
    # "scheuren de kaarsen": an innovation question is how to prevent it
    # ("met 3d printen", a topic of more words, says what to try instead)
    topic = details.get("topic") or ""
    prevented = to_prevent(frame.problem_lead) if need == "innovatie" else ""
    if prevented and len(topic.split()) < 2:
        return words["prevent"].format(problem=prevented)
    return _need_question(frame, need, words, details)


def _need_question(
    frame: Frame,
    need: str,
    words: Mapping[str, Any],
    details: Mapping[str, str],
    key: str = "",
) -> str:
    who = _bare(frame.who) if need == "talent" else frame.who
    people = details.get("people") or who or words["people_default"]
    if need == "leven_lang_ontwikkelen" and STUDENT_PEOPLE.search(people):
        # "kunnen studenten een app maken?", then their own staff to train:
        # the students were the means asked for, not who is to learn
        people = OWN_STAFF
    topic = details.get("topic")
    if (
        topic
        and frame.problem_lead
        and len(topic.split()) == 1
        and "diploma" not in topic
        and need != "onderwijs_invloed"  # "de opleiding autotechniek"
    ):
        # after the problem said back, a lone noun of it ("helpen met gast",
        # "met parafine" for kaarsen that scheuren) says less than "dit": the
        # question points at the problem; "met 3d printen" says what to try
        topic = None
    defaults = words[key or ("need_question_topic" if topic else "need_question")]
    if topic and "diploma" in topic:
        need = f"{need}_diploma" if f"{need}_diploma" in defaults else need
    template = defaults.get(need) or defaults["loket"]
    return template.format(
        people=people,
        # "je vraag over stagiair": one person typed without "een" gets it
        topic=_with_article(topic) if topic else topic,
        level=(" " + details["level"]) if details.get("level") else "",
    )


MUST = re.compile(r"\b(?:moet|moeten)\b")
OWN_STAFF = "je medewerkers"
RECURRING = re.compile(
    r"(?:weer\s+)?(?:elk|ieder)e?\s+"
    r"(?:jaar|halfjaar|seizoen|zomer|voorjaar|najaar|maand|semester|kwartaal)\s+"
)
# Words that open a clause inside a goal ("onderzoek naar waarom ... scheurt").
CLAUSE_OPENERS = frozenset(
    "die dat wat of waarom hoe welke waar waarmee waarin waardoor waarop".split()
)
# ... of them, those that open a question after a verb ("weten of", "horen hoe"),
# never a relative clause after a noun ("matrozen die").
ASKING = frozenset("of wat waarom hoe welke waar".split())
# ... and of any clause a "moet" may stand in ("weten bij wie je moet zijn").
SUBCLAUSE = CLAUSE_OPENERS | {"wie", "wanneer", "zodat", "omdat", "als"}


def _must_in_main_clause(goal: str) -> bool:
    """ "de monteurs moeten ... kunnen", not "weten bij wie je moet zijn"."""
    words = goal.split()
    # ("die machine moeten jullie ...": "die" first points, it opens nothing)
    end = next((i for i, w in enumerate(words) if i and w in SUBCLAUSE), len(words))
    return any(MUST.fullmatch(w) for w in words[:end])


def _must_question(goal: str) -> str:
    """ "de monteurs moeten straks ... kunnen werken" -> "hoe kunnen de monteurs
    straks ... werken": the must becomes the can, its subject follows it."""
    words = goal.split()
    at = next(i for i, w in enumerate(words) if w in ("moet", "moeten"))
    subject, rest = words[:at], words[at + 1 :]
    if not subject:
        return ""  # "moeten elke keer opnieuw beginnen": whose must is not said
    # the main clause's can goes up front, a subclause keeps its own ("weten
    # hoe de ombouw kan")
    end = next((i for i, w in enumerate(rest) if w in SUBCLAUSE), len(rest))
    rest = [w for w in rest[:end] if w not in ("kunnen", "kan")] + rest[end:] or rest
    if subject in (["je"], ["jij"]):
        modal = "kun"
    else:
        modal = "kunnen" if words[at] == "moeten" else "kan"
    return " ".join(["hoe", modal, *subject, *rest])


OWN_WISH = re.compile(r"^dat (je|jij|jullie) ")


def own_wish(goal: str) -> Tuple[str, str]:
    """ "dat je zeker weet dat ..." -> ("zeker weten dat ...", "je"): a wish
    whose subject is the entrepreneur, as what they want to do, and who;
    ("", "") for any other goal or one whose verb is not found."""
    found = OWN_WISH.match(goal)
    if not found:
        return "", ""
    tokens = goal[found.end() :].split()
    tagged = words_of(" ".join(tokens))
    if len(tagged) != len(tokens):
        return "", ""
    end = next(
        (
            i
            for i, w in enumerate(tokens)
            # "die tenders" is no clause; "welke techniek werkt" is one
            if w in SUBCLAUSE and (tagged[i].pos != "DET" or w in ("welke", "welk"))
        ),
        len(tokens),
    )
    if not tokens or tokens[0] == "eigen" or tagged[0].pos in ("NOUN", "PROPN"):
        return "", ""  # "dat je (eigen) operators ...": a "je" of whose
    plural = found.group(1) == "jullie"
    # the verb that agrees with the subject: "weet" with "je", "winnen" with
    # "jullie" (the tagger takes many plurals for infinitives)
    verbs = [
        i
        for i in range(end)
        if tagged[i].pos in ("VERB", "AUX")
        and (tokens[i].endswith("en") == plural)
        and (plural or tagged[i].finite)
    ]
    # "dat je een stagiair kunt vinden": the modal goes, "hoe kun je" has one
    modal = [i for i in verbs if tokens[i] in questions.MODALS]
    if modal:
        at = modal[0]
        if not any(w.lower.endswith("en") for w in tagged[at + 1 : end]):
            return "", ""  # "dat je het kan": the modal is the only verb
        said = tokens[:at] + tokens[at + 1 :]
    elif len(verbs) == 1:
        at = verbs[0]
        verb = tokens[at] if plural else infinitive(tokens[at])
        if not verb:
            return "", ""
        said = tokens[:at] + [verb] + tokens[at + 1 :]
    else:
        return "", ""
    return " ".join(said), "jullie" if plural else "je"


def wanted(goal: str, words: Mapping[str, Any]) -> str:
    """The goal after "Als ik het goed begrijp,": "wil je minder gas verbruiken",
    "moeten de monteurs ... kunnen werken"."""
    phrase, own = own_wish(goal)
    if phrase:
        return words["wants"][own].format(goal=phrase)
    inverted = _fronted_phrase_after_subject(goal)
    if inverted:
        return inverted
    if _must_in_main_clause(goal):
        tokens = goal.split()
        at = next(i for i, w in enumerate(tokens) if w in ("moet", "moeten"))
        return " ".join([tokens[at], *tokens[:at], *tokens[at + 1 :]])
    subject = (
        "jullie" if re.match(r"jullie\b", goal) is None and "jullie" in goal else "je"
    )
    return words["wants"][subject].format(goal=goal)


MAX_FRONTED = 4
ADDRESSED = frozenset({"je", "jullie"})


def _fronted_phrase_after_subject(goal: str) -> str:
    """ "die machine moeten jullie ook nog leren": a clause of its own with a
    phrase before its verb and subject, said with the verb first ("moeten
    jullie die machine ook nog leren"), not after "willen jullie"; "" for
    any other goal."""
    words = [w for w in words_of(goal) if w.pos != "PUNCT"]
    for at in range(1, min(MAX_FRONTED, len(words) - 2) + 1):
        verb, subject = words[at], words[at + 1]
        if verb.pos in ("VERB", "AUX") and verb.finite and subject.lower in ADDRESSED:
            fronted = words[:at]
            if any(
                w.pos in ("VERB", "AUX") or w.lower in SUBCLAUSE for w in fronted[1:]
            ):
                return ""
            return joined([w.text for w in [verb, subject, *fronted, *words[at + 2 :]]])
    return ""


# A goal that says no more than a count ("4 man"): the need's question says more.
COUNT_NOUNS = frozenset("man mensen persoon personen mensjes stuks".split())
SENTENCE_OPENERS = frozenset(
    "ik we wij heb hebben ben is wil kan moet weet zoek".split()
)


# Words of when that say nothing of what ("elke keer", "telkens").
ONLY_WHEN = frozenset("elke iedere keer telkens steeds altijd pas".split())


def _joins_two_words(words: Sequence[Word], at: int) -> bool:
    """ "(van biobased) of (recyclebaar materiaal)", "(een app) of (een
    website)": "of" the tagger joins two phrases with, not a clause's "of
    (het werkt)" (dev, 32nd)."""
    return words[at].lower == "of" and words[at].pos == "CCONJ"


def garbled(goal: str) -> bool:
    """Whether a goal read from the entrepreneur's words would not make a
    question a coordinator signs: "hoe kun je nieuwe mensen en je
    teamleiders willen verder leren vinden" (a "willen" of theirs inside),
    "dat restauratie weer in de les kees les geeft" (a noun twice), "hoe zorg
    je voor 4 man" (only a count), a clause cut off or a sentence of theirs
    inside. The need's own question says it plainly."""
    words = [w for w in words_of(goal) if w.pos != "PUNCT"]
    end = next(
        (
            i
            for i, w in enumerate(words)
            if i and w.lower in SUBCLAUSE and not _joins_two_words(words, i)
        ),
        len(words),
    )
    if any(w.lower in WANTING for w in words[:end]):
        return True
    # "elke keer als de gemeente iets verandert": when, without what
    if 0 < end < len(words) and all(w.lower in ONLY_WHEN for w in words[:end]):
        return True
    # "voor wat ze al": a short clause cut off before its verb
    tail = words[end:]
    # (the tagger calls some verbs nouns: "die het regelt")
    verbs = [w for w in tail if w.pos in ("VERB", "AUX") or _a_verb_form(w)]
    if 0 < len(tail) <= 3 and not verbs:
        return True
    # "hoe zorg je ieder jaar voor een": cut off after an article, a number
    # or a preposition that is no verb's particle
    last = words[-1] if words else None
    if last and (
        last.pos in ("DET", "NUM", "CCONJ", "SCONJ")
        or (last.pos == "ADP" and last.lower not in PARTICLES)
    ):
        return True
    # "van andere boeren": a preposition's phrase alone, without a verb
    if (
        words
        and words[0].pos == "ADP"
        and not any(w.pos in ("VERB", "AUX") for w in words)
    ):
        return True
    # "dat jongeren zien": a that-clause of three words says no what; "dat je
    # binders een rouwstuk" (held-out 40th) has lost its verb
    if (
        words
        and words[0].lower == "dat"
        and (
            len(words) <= 3 or not any(_verb_in(words, at) for at in range(len(words)))
        )
    ):
        return True
    # "wil Heb niet een vraag ...": a sentence of theirs begins inside
    if any(w.text[:1].isupper() and w.lower in SENTENCE_OPENERS for w in words):
        return True
    # "dat er iemand naast hem staat": whom "hem" points at was said before
    if any(w.lower in ("hij", "hem") for w in words) and not any(
        w.pos == "PROPN" for w in words
    ):
        return True
    nouns = [w.lower for w in words if w.pos == "NOUN"]
    # (the tagger calls "jullie" a noun: "dat jullie weten ... voor jullie gaan")
    named = [noun for noun in nouns if noun not in PERSONAL]
    if len(named) != len(set(named)):
        return True
    return bool(nouns) and set(nouns) <= COUNT_NOUNS


def _verb_in(words: Sequence[Word], at: int) -> bool:
    """A verb by its tag or its form: also "boeken" tagged a noun, where no
    article or adjective stands before it ("een rouwstuk" is none)."""
    word = words[at]
    if word.pos in ("VERB", "AUX") or _a_verb_form(word):
        return True
    before = words[at - 1] if at else None
    return (
        word.pos == "NOUN"
        and word.lower.endswith("en")
        and before is not None
        and before.pos not in ("DET", "ADJ", "NUM")
        and before.lower not in OWNING
        and infinitive(word.lower) == word.lower
    )


OWNING = frozenset("hun mijn m'n onze zijn haar".split())


def _a_verb_form(word: Word) -> bool:
    return (
        word.lower.endswith("t")
        and len(word.lower) > 3
        and bool(infinitive(word.lower))
    )


# Words that name nothing in particular: "wil je een paar dingen", "niet goed".
VAGUE_NOUNS = frozenset(
    """dingen ding zaken zaak iets alles dit dat paar goed precies meerdere veel
    genoeg""".split()
)


EVERYONE_OR_NOONE = frozenset("iedereen niemand".split())


# Not knowing the way is a problem in itself: "weet je niet waar je moet
# beginnen", "snap je er niks van".
KNOWING = ("weet", "weten", "snap", "snappen", "begrijp", "begrijpen")
PERSONAL = frozenset({"je", "jij", "jullie", "ze", "zij", "we", "wij", "ik"})


def _names_something(word: Word) -> bool:
    """A thing, person, quality or number, not a vague one ("dingen") nor a
    person addressed (the tagger's noun "jullie")."""
    return (
        word.pos in ("NOUN", "PROPN", "ADJ", "NUM", "X")
        and word.lower not in VAGUE_NOUNS | PERSONAL
    )


def says_nothing(problem: str) -> bool:
    """Whether a problem names no thing, person or quality and has one verb
    that is no knowing: "verandert alles", "wil je een paar dingen".
    Said back after "Als ik het goed begrijp," it would tell nothing."""
    words = words_of(problem)
    content = [
        w
        for w in words
        if _names_something(w)
        or w.lower in EVERYONE_OR_NOONE  # "stuurt iedereen je door"
    ]
    # "wil je iets doorgeven": wanting adds no second thing done ("mogen
    # jullie niks terugleveren" is a thing not allowed, and says it)
    verbs = [
        w.lower for w in words if w.pos in ("VERB", "AUX") and w.lower not in WANTING
    ]
    return (
        bool(problem)
        and not content
        and len(verbs) <= 1
        and not any(v in KNOWING for v in verbs)
    )


# Verbs that do nothing in particular: "dat het beter wordt", "meer eruit halen".
EMPTY_VERBS = frozenset(
    "wordt worden gaat gaan is zijn kan kunnen loopt lopen halen haalt hebben".split()
)


def names_nothing(goal: str) -> bool:
    """Whether a goal names no thing or quality but a comparison, and does
    nothing in particular: "dat het beter wordt", "meer eruit halen" ("dat ze
    blijven" does something). Asked back ("hoe zorg je ervoor dat het beter
    wordt?") or said before a format ("Je wilt dat het beter wordt. Een
    stagiair ...") it says nothing. The tagger reads "minder afval" as an
    adjective, so one counts."""
    words = words_of(goal)
    content = [
        w
        for w in words
        if _names_something(w) and not (w.pos == "ADJ" and w.lower.endswith("er"))
    ]
    verbs = [w.lower for w in words if w.pos in ("VERB", "AUX")]
    # "iemand erbij", to a talent question, is someone more: no verb, a wish
    return bool(verbs) and not content and all(v in EMPTY_VERBS for v in verbs)


def too_vague_to_say_back(lead: str) -> bool:
    """ "je weet niet hoe dat werkt" (no lead), "hapert het ding steeds"
    (names nothing): a problem that cannot be said back after "Als ik het goed
    begrijp," or says nothing when it is, so what goes wrong is still to be
    asked ("Wat blijft er liggen?")."""
    return not lead or says_nothing(lead)


# "er een nieuw product van maken": "er" and the preposition it lost
POINTED_AT = re.compile(
    r"^er\s+(.+?)\s+(van|mee|aan|over|op|voor|bij|uit)\s+(\w+(?:\s+\w+)?)$"
)
MAX_ANTECEDENT_WORDS = 4
POINTED_AT_PEOPLE = re.compile(r"\b(voor|met|aan|bij|van)\s+(?:ze|hen)\b")


def with_antecedent(frame: Frame, topic: str) -> str:
    """ "er een nieuw product van maken", answered after "iets met oude
    broodresten": "een nieuw product van oude broodresten maken". The thing
    pointed at is the problem said as a bare noun phrase, or the topic; the
    people pointed at ("voor ze") are those the frame names; a dropped "een"
    comes back."""
    goal = _with_article(frame.goal) if frame.goal else ""
    if frame.who:
        # "een training voor ze vinden": "ze" are the people said before
        goal = POINTED_AT_PEOPLE.sub(rf"\1 {frame.who}", goal, count=1)
    found = POINTED_AT.match(goal)
    if not found:
        return goal
    thing = topic
    if not frame.problem_lead and frame.problem:
        thing = frame.problem
    said = [w for w in words_of(thing) if w.pos != "PUNCT"]
    if (
        not said
        or len(said) > MAX_ANTECEDENT_WORDS
        or any(w.pos in ("VERB", "AUX") for w in said)
    ):
        return goal
    middle, preposition, verb = found.groups()
    preposition = "met" if preposition == "mee" else preposition
    return f"{middle} {preposition} {thing} {verb}"


def inside_a_sentence(phrase: str) -> str:
    """ "Iemand die ..." typed as a sentence of its own, inside ours: "iemand";
    an abbreviation ("AI") or a name the tagger knows keeps its capital. A
    phrase typed with its place or time first has its noun put first."""
    phrase = _noun_first(phrase)
    if not phrase[:1].isupper() or not phrase[1:2].islower():
        return phrase
    lowered = phrase[:1].lower() + phrase[1:]
    words = words_of(lowered)
    return phrase if not words or words[0].pos == "PROPN" else lowered


def _noun_first(phrase: str) -> str:
    """ "bij elke inkoop een betrouwbare accu meting" (held-out 39th), which
    "hoe zorg je voor" cannot take: "een betrouwbare accu meting bij elke
    inkoop"."""
    words = [w for w in words_of(phrase) if w.pos != "PUNCT"]
    if (
        not words
        or words[0].pos != "ADP"
        or any(w.pos in ("VERB", "AUX") for w in words)
    ):
        return phrase
    noun = next(
        (
            at
            for at in range(2, len(words) - 1)
            if words[at].lower in ("een", "de", "het") and words[at - 1].pos == "NOUN"
        ),
        None,
    )
    if noun is None:
        return phrase
    return joined([w.text for w in words[noun:] + words[:noun]])


def _bare(who: str) -> str:
    """ "jullie monteurs" -> "monteurs": the people without whose they are."""
    return re.sub(r"^(?:jullie|je)\s+", "", who)


# Verbs that take the last infinitive with them ("die willen blijven", "die
# bij ons komt werken"): the relative clause's own.
CLUSTER_VERBS = MODALS | frozenset(
    "kun kunt wilt komt komen blijft blijven laat laten".split()
)


def _goal_shape(goal: str) -> str:
    if goal.startswith("dat "):
        return "clause"
    words = [w for w in words_of(goal) if w.pos != "PUNCT"]
    # "matrozen die bij jullie blijven" has a verb, but in its relative clause;
    # "helpen dat ze het leren" has one before it.
    # "een plan om zonder gas te telen": the "om ... te" clause is the noun's
    # ("met mensen om tafel zitten": an "om" without "te" opens no clause)
    relative = next(
        (
            i
            for i, w in enumerate(words)
            if i
            and (
                w.lower in CLAUSE_OPENERS
                or w.lower == "om"
                and any(v.lower == "te" for v in words[i + 1 :])
            )
        ),
        len(words),
    )
    # every Dutch infinitive ends in -n: "verkeerskunde" is a noun the
    # tagger took for a verb; so is the one word before a "die" that opens
    # the goal ("voormannen die hun ploeg aansturen": its antecedent)
    antecedent = relative == 1 < len(words) and words[1].lower == "die"
    # "minder gas bij pasteuriseren": a verb after a preposition names an
    # activity, no verb of the goal
    if not antecedent and any(
        w.pos in ("VERB", "AUX")
        and w.lower.endswith("n")
        and not (i and words[i - 1].pos == "ADP" and words[i - 1].lower != "te")
        for i, w in enumerate(words[:relative])
    ):
        return "infinitive"
    # "(zelf) snappen of het wat is": a verb the tagger missed, after the
    # adverbs that may open it
    first = next((i for i, w in enumerate(words) if w.pos != "ADV"), 0)
    if (
        relative == first + 1
        and words[first].lower.endswith("en")
        and words[first + 1].lower in ASKING
    ):
        return "infinitive"
    # "een student die handig is met computers vinden": the relative clause
    # has its verb, and one more ends the goal
    last = words[-1] if words else None
    if (
        last
        and last.pos == "VERB"
        and last.lower.endswith("en")
        and _relative_has_its_verbs(words[relative + 1 : -1])
        # "één iemand die zegt wat je moet doen": the last verb is a clause's
        # inside the relative one
        and not any(w.lower in CLAUSE_OPENERS for w in words[relative + 1 : -1])
    ):
        return "infinitive"
    return "noun"


def _relative_has_its_verbs(relative: Sequence[Word]) -> bool:
    """ "die handig is met computers", "die de snijplotter kan programmeren":
    a finite verb, and after a modal its infinitive, so that a verb after them
    is the goal's; "die kunnen" before "lassen" still lacks it."""
    finite = next((i for i, w in enumerate(relative) if w.finite), None)
    if finite is None:
        return False
    if relative[finite].lower not in CLUSTER_VERBS:
        return finite < len(relative) - 1  # "die handig is met computers"
    return any(w.pos == "VERB" and not w.finite for w in relative[finite + 1 :])


def _with_article(goal: str) -> str:
    """ "papiertje voor 5 man", "paar studenten", "kok voor restaurant
    vinden": a diminutive, "paar" or one person typed without its "een"
    gets it back ("personeel" is no one person)."""
    first = goal.split()[0].lower()
    if first == "paar" or (len(first) > 4 and first.endswith("je")):
        return f"een {goal}"
    word = words_of(goal)[0]
    if (
        # "stagiaire die blijft": listed, whatever the tagger took it for
        (names_people(word) or word.lower in PEOPLE_WORDS)
        and word.lower not in COLLECTIVE
        and nouns.singular(word.lower) == word.lower
        and nouns.plural(word.lower) != word.lower
    ):
        return f"een {goal}"
    return goal


def _count(text: str) -> int:
    return len([w for w in re.split(r"\s+", text) if re.search(r"\w", w)])


def one_in_words(text: str) -> str:
    """ "wil je één aanspreekpunt", not "1 aanspreekpunt"."""
    return ONE_BEFORE_A_WORD.sub("één ", text)


# ("1 of 2", "1 a 2 dagen": a range stays in digits, as does a date: "voor 1
# januari")
ONE_BEFORE_A_WORD = re.compile(
    rf"\b1\s+(?!(?:of|a|à|tot)\s+\d|(?:{MONTH_NAMES})\b)(?=[a-z])"
)


# "ik wordt gek" said back with its verb first: "word je", never "wordt je"
INVERTED_WITH_T = re.compile(r"(,\s|\ben\s)(\w+d)t\s+(je)\b")


def _tidy(text: str) -> str:
    text = one_in_words(re.sub(r"\s+", " ", text).strip())
    text = INVERTED_WITH_T.sub(r"\1\2 \3", text)
    text = re.sub(r"\s+([,.?])", r"\1", text)
    return re.sub(r"\?\s*\?", "?", text)
