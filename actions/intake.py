"""The intake: welcome, need-dependent probing questions and the restated question."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, Dict, List, Optional, Text, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.events import (
    ActionExecuted,
    ActiveLoop,
    AllSlotsReset,
    EventType,
    SessionStarted,
    SlotSet,
)
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import REQUESTED_SLOT
from rasa_sdk.types import DomainDict

from actions import extraction, parsing, restatement, side_answers
from actions.answers import (
    ANSWERS,
    INTERRUPTIONS,
    MAX_ANSWERS_PER_QUESTION,
    NAME_THEN_PLACE,
    Answer,
    answered_unsure,
    answers_to,
    messages_to,
    name_part,
    opening_time,
    own_time_beside_the_time,
    read_education_level,
    says_unsure,
)
from actions.asking import AsksInTheSameCall, Question
from bot.intake import answer_need, need_cues, writing
from bot.intake import frame as intake_frame
from bot.intake.places import find_place, is_province
from bot.intake.vocabulary import (
    COMPANY_CONTEXT,
    CONTENT_PROBES,
    NEED_CODES,
    NEED_INTENT_PREFIX,
    PROBES_BY_NEED,
    need_of_intent,
)

# Slots that may not be skipped after two unclear answers.
NEVER_SKIPPED = ("need_category", "question_confirmed", "question_correction")
# After this many restatements without a yes, the last one is taken as is.
MAX_RESTATEMENTS = 3

# The questions whose answer may name a different need.
NEED_MAY_CHANGE_AT = ("need_category", "question_confirmed", "question_correction")

# A "nee" longer than this is read as the correction itself.
MAX_WORDS_OF_PLAIN_NO = 3

# An interruption is honoured inside a form only this sure, or in these words.
CLEAR_INTERRUPTION = 0.8
EXPLICIT_STOP = re.compile(
    r"^(?:ik\s+wil\s+)?(?:stop|stoppen|ophouden|kappen|afbreken|niet\s+verder)(?:\s+(?:ermee|nu|maar|hiermee|het\s+gesprek|alsjeblieft|graag))?$"
    r"|^(?:ik\s+)?(?:stop|kap)\s+ermee$|^hou\s+(?:maar\s+)?op$|^laat\s+maar(?:\s+zitten)?$"
    r"|^genoeg(?:\s+voor\s+nu)?$|^ik\s+heb\s+er\s+geen\s+zin\s+meer\s+in$|^ik\s+wil\s+niet\s+verder$"
    r"|^/stop$",
    re.IGNORECASE,
)
# A plain statement answers the question asked, whatever side question or
# out-of-scope topic NLU hears in it ("dieselkosten lopen op": ask_cost; "kok
# is weg en ik sta zelf in de keuken", "animatie, film" to the sector question:
# out_of_scope). A question ("wat kost dit?") still gets its answer.
SIDE_INTENTS = ("out_of_scope", "ask_capabilities", *side_answers.SIDE_QUESTIONS)
# "zo snel mogelijk" in so many words, not "meteen" or "direct" alone
ASAP = "zo snel mogelijk"
# answers whose times are those of the work, not of the request
TIMES_OF_THE_WORK = ("problem", "own_time", "headcount", "company_name")
RECURRING_TIME = re.compile(
    r"\b(?:elke?|iedere?)\s+(?:zomer|winter|voorjaar|najaar|herfst|lente|jaar"
    r"|seizoen|week|weekend|maand|zaterdag|zondag)\b",
    re.I,
)
SAID_ASAP = re.compile(r"\bzo\s*snel\s*mogelijk\b|\bzsm\b|\basap\b|\bspoed", re.I)
# An answer, then a question of its own: "geen idee, wie doet zoiets?";
# the answer may end in a doubt of its own ("mbo denk ik, mechatronica
# ofzo? wat kost zo iemand eigenlijk?")
ANSWER_BEFORE_QUESTION = re.compile(r"^(.+?)(?:[.!?]\s+|,\s*)[^.!?,]+\?\s*$")
QUESTION_SHAPED = re.compile(
    r"\?\s*$|^(?:en\s+)?(?:wat|wie|wiens|hoe|hoeveel|waar\w*|wanneer|welke?|kost"
    r"|kosten|kan|kun|kunnen|kunt|mag|mogen|moet|moeten|is|zijn|wordt|worden"
    r"|krijg|krijgen|doen|doe|doet|heb|hebben|heeft|ben|bent|zit|zitten|gaan"
    r"|gaat|bel|belt|bellen)\b",
    re.IGNORECASE,
)
# "8, ...", "een stuk of 3 man. ...": the count an answer opens with
COUNT_FIRST = re.compile(
    r"^\s*(?:een\s+stuk\s+of\s+)?\d+\s*(?:man|mensen|personen)?\s*[,.;]\s*", re.I
)
# Asking where to go: the loket's question, whatever need it names.
# The fallback's "doorgaan" button.
CONTINUE_PAYLOAD = "/inform"
MIN_OPENING_WORDS = 3  # "hallo" before the choice is no question
# The questions whose answers may state the problem or the goal: none asked
# yet (the opening), the content probes and the restatement's check.
FRAME_ANSWERS = (
    None,
    "need_category",
    "topic",
    "problem",
    "desired_outcome",
    "question_confirmed",
    "question_correction",
)
# Slots the extraction may overwrite when a later message states them clearly
# ("een stuk of drie", later "we hebben 12 medewerkers").
RESTATED_SLOTS = (
    "company_size",
    "headcount",
    "region",
    "education_level",
    "contract_type",
    "time_horizon",
    "own_time",
)


def slot_before_latest_message(tracker: Tracker, slot: Text) -> Any:
    """The value a slot had before the user's latest message was processed."""
    events = tracker.events
    last_user = max(
        (i for i, event in enumerate(events) if event.get("event") == "user"),
        default=len(events),
    )
    value = None
    for event in events[:last_user]:
        if event.get("event") == "slot" and event.get("name") == slot:
            value = event.get("value")
        elif event.get("event") in ("restart", "reset_slots", "session_started"):
            value = None
    return value


def is_fresh_user_message(tracker: Tracker) -> bool:
    """Whether the form runs right after a user message (not after an interruption)."""
    for event in reversed(tracker.events):
        kind = event.get("event")
        if kind in ("slot", "user_featurization", "active_loop"):
            continue
        # Rasa hands the validation a tracker that ends in the form's own action.
        if kind == "action" and event.get("name") in (
            "action_listen",
            "action_extract_slots",
            "intake_form",
            "followup_form",
        ):
            continue
        return kind == "user"
    return True


def says_stop(text: str) -> bool:
    """Stop words in a short message that does not look like a name ("Stop & Go")."""
    words = text.split()
    name_like = "&" in text or sum(w[:1].isupper() for w in words) >= 2
    return (
        not name_like
        and len(words) <= 6
        and re.search(
            r"\b(?:stop\w*|ophouden|kap(?:pen|t)?|ermee\s+op|zitten|geen\s+zin)\b",
            text,
            re.I,
        )
        is not None
    )


def latest_intent(tracker: Tracker) -> Optional[str]:
    return (tracker.latest_message.get("intent") or {}).get("name")


def latest_confidence(tracker: Tracker) -> float:
    return float((tracker.latest_message.get("intent") or {}).get("confidence") or 0.0)


def likeliest_need(tracker: Tracker, min_confidence: float = 0.3) -> Optional[str]:
    """The best need intent in the ranking, also when the top intent is a fallback."""
    return need_in_ranking(
        tracker.latest_message.get("intent_ranking") or [], min_confidence
    )


def need_of_message(
    ranking: Optional[List[Dict[str, Any]]], text: str, named: Optional[str] = None
) -> Optional[str]:
    """The need a message asks about: `named` (the need its intent or button
    set), else the likeliest need intent in its ranking, else the need its
    words name; then as a coordinator rereads it (bot.intake.need_cues: the
    loket where it asks the way, ...). The one reading of a need,
    for an opening, an answer to the need question and a correction (also
    read by scripts/bench.py)."""
    need = named or need_in_ranking(ranking or []) or extraction.need_from_text(text)
    return need_cues.reread(need, text)


def answer_asked_along(
    dispatcher: CollectingDispatcher, tracker: Tracker
) -> List[EventType]:
    """The answer to a side question asked along with the answer a form took
    ("..., en wat kost zoiets eigenlijk?"); one asked on its own has its rule.
    An opening that asks a rule ("mag een stagiair alleen in de winkel
    staan?") is taken up, not passed over: a coordinator answers it. A later
    question no side answer covers ("krijgt ie daar wat voor?") is kept with
    the request (`open_questions`), and the entrepreneur is told so."""
    if (
        not is_fresh_user_message(tracker)
        or latest_intent(tracker) in side_answers.SIDE_QUESTIONS
    ):
        return []
    text = tracker.latest_message.get("text") or ""
    kind = side_answers.asked_along(text)
    opening = not slot_before_latest_message(tracker, "original_question")
    # "is er subsidie voor een nieuwe pers?" as the opening is its question,
    # taken up below
    if kind and not (opening and kind in side_answers.ANSWERED_AND_KEPT):
        side_answers.answer_side_question(dispatcher, tracker, kind)
        if kind in side_answers.ANSWERED_AND_KEPT:
            return _questions_kept(tracker, side_answers.own_questions(text))
        return []
    if opening:
        if not side_answers.asks_a_fact(text):
            return []  # the opening is stored as it was said
        # "ik zet hem bij je aanvraag": kept where the coordinator reads the
        # questions to answer, not only inside the opening
        dispatcher.utter_message(response="utter_opening_question_noted")
        asked = side_answers.own_questions(text)
        return [SlotSet("open_questions", " | ".join(asked))] if asked else []
    kept = _questions_kept(tracker, side_answers.own_questions(text))
    if kept:
        dispatcher.utter_message(response="utter_question_kept")
    return kept


def _questions_kept(tracker: Tracker, questions: List[str]) -> List[EventType]:
    """`questions` kept with the request (`open_questions`); one asked again
    is kept once."""
    kept = tracker.get_slot("open_questions") or ""
    asked = [q for q in questions if q not in kept]
    if not asked:
        return []
    return [SlotSet("open_questions", " | ".join([*([kept] if kept else []), *asked]))]


def _names_the_people(text: str, who: str) -> bool:
    return bool(who) and bool(re.search(rf"\b{re.escape(who.split()[-1])}", text, re.I))


def _opening_asks_a_means(tracker: Tracker) -> bool:
    """ "zoek stagiair voor in de inpakhal": the answers say what it is for."""
    opening = " ".join(e.get("text") or "" for e in messages_to(tracker, None))
    return need_cues.asks_a_means_only(opening)


def _sets_aside(text: str) -> bool:
    return bool(
        need_cues.SETS_OPENING_ASIDE.search(text)
        or need_cues.ENOUGH_PEOPLE.search(text)
    )


def need_after_answers(tracker: Tracker, need: str) -> str:
    """The need once the content probes are answered (need_cues.reread_after),
    unless the entrepreneur chose it when asked."""
    before_the_form = messages_to(tracker, None)
    chosen = any(
        (e.get("text") or "").startswith("/" + NEED_INTENT_PREFIX)  # a button
        for e in before_the_form
    )
    if chosen or answers_to(tracker, "need_category"):
        return need
    # what was tried ("we hebben al stagiairs gehad") says nothing of the need
    by_probe = {
        probe: [
            event
            for event in messages_to(tracker, probe)
            if not intake_frame.TRIED.search(event.get("text") or "")
        ]
        for probe in CONTENT_PROBES
    }
    answers = [event for events in by_probe.values() for event in events]
    set_aside = any(
        need_cues.SETS_OPENING_ASIDE.search(event.get("text") or "")
        for event in answers
    )
    answer_weights = need_weights(answers, of_answers=True)
    opening = need_weights(before_the_form[:1])
    if set_aside and opening:
        # "eerlijk gezegd gaat het niet om de stagiair": the opening's need
        # that such an answer names is what it sets aside
        answer_weights.pop(max(opening, key=lambda n: opening[n]), None)
    problem, goal = (
        " ".join(event.get("text") or "" for event in by_probe[probe])
        for probe in CONTENT_PROBES
    )
    # the opening, and the answer to "bedoel je een van deze?" typed as its title
    return need_cues.reread_after(
        need,
        need_weights(before_the_form),
        answer_weights,
        len(answers),
        goal_answered=bool(messages_to(tracker, "desired_outcome")),
        answers_read=answer_need.need_of(problem, goal),
        enough_people=any(
            need_cues.ENOUGH_PEOPLE.search(event.get("text") or "") for event in answers
        ),
        opening_set_aside=set_aside or _opening_asks_a_means(tracker),
        answer_set_aside=set_aside,
        goal=need_weights(
            [
                event
                for event in messages_to(tracker, "desired_outcome")
                if not need_cues.SUBSIDY.search(event.get("text") or "")
            ],
            of_answers=True,
        ),
    )


def need_weights(
    events: List[Dict[Text, Any]], of_answers: bool = False
) -> Dict[str, float]:
    """Per need, how strongly these messages name it: the classifier's
    confidence in its need intent (for answers to the content probes, the
    reader learnt from answers: bot.intake.answer_need), and one more where
    the words name it, as they are or as a coordinator rereads them
    (need_cues: "waar moet ik zijn")."""
    weights: Dict[str, float] = {}
    for event in events:
        text = event.get("text") or ""
        read = answer_need.weights(text) if of_answers else _classified_needs(event)
        for need, likely in read.items():
            weights[need] = weights.get(need, 0.0) + likely
        named = need_cues.reread(extraction.need_from_text(text), text)
        if named:
            weights[named] = weights.get(named, 0.0) + 1.0
    return weights


def _classified_needs(event: Dict[Text, Any]) -> Dict[str, float]:
    """The intent classifier's confidence per need in this message."""
    confidences: Dict[str, float] = {}
    for ranked in (event.get("parse_data") or {}).get("intent_ranking") or []:
        need = need_of_intent(ranked.get("name"))
        if need:
            confidences[need] = confidences.get(need, 0.0) + ranked.get(
                "confidence", 0.0
            )
    return confidences


def need_in_ranking(
    ranking: List[Dict[str, Any]], min_confidence: float = 0.3
) -> Optional[str]:
    """The first need intent of an NLU intent ranking with at least
    `min_confidence`, or None."""
    for ranked in ranking:
        need = need_of_intent(ranked.get("name"))
        if need and ranked.get("confidence", 0) >= min_confidence:
            return need
    return None


def refined_question(tracker: Tracker, domain: DomainDict) -> str:
    """The entrepreneur's real question, written from the understood values."""
    values = restatement.restatement_values(tracker.slots)
    return restatement.restate(values, domain, " ".join(typed_messages(tracker)))


def typed_messages(tracker: Tracker) -> List[str]:
    """What the entrepreneur typed, in order: no button payloads ("/affirm")."""
    return [
        e.get("text") or ""
        for e in tracker.events
        if e.get("event") == "user" and not (e.get("text") or "").startswith("/")
    ]


def plausible_answer(slot: Text, text: str) -> bool:
    """Whether `text` reads as an answer to the question for `slot`."""
    if slot == "company_name":
        return extraction.name_from_answer(text) is not None
    if slot == "sector":
        return parsing.normalise_sector(text) is not None
    if slot in ("company_size", "headcount"):
        return parsing.parse_count(text) is not None
    if slot == "education_level":  # "geen idee" answers it too
        return read_education_level(text, None) is not None
    if slot == "time_horizon":
        return extraction.timeframe_from_answer(text.lower()) is not None
    if slot == "own_time":  # "weinig, we draaien volle agenda's"
        return (
            extraction.own_time_from_answer(text.lower())
            or parsing.own_time_level(text)
        ) is not None
    if slot == "region":
        return (extraction.region(text) or find_place(text, answering=True)) is not None
    if slot in ("topic", "problem", "desired_outcome", "tried_before"):
        return parsing.is_free_text(text) and len(text.split()) >= 1
    if slot == "question_confirmed":
        # "ja. wat kost dat?": agreed; asked again, only "ja" would be left to say
        return parsing.yes_or_no_first(text) is True
    return False


def ask_to_confirm(
    dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
) -> List[EventType]:
    """Restates the refined question and asks whether it is right."""
    question = refined_question(tracker, domain)
    dispatcher.utter_message(
        response="utter_restate_question", refined_question=question
    )
    return [SlotSet("refined_question", question)]


def still_open(tracker: Tracker, slot: Text) -> bool:
    """Whether this need's intake asks `slot` and it has no value yet."""
    need = tracker.get_slot("need_category")
    wanted = (*PROBES_BY_NEED.get(need, ()), *COMPANY_CONTEXT)
    return slot in wanted and tracker.get_slot(slot) is None


def ask_with(
    together_with: Text,
    alone: Text,
    both: Text,
    third: Optional[Tuple[Text, Text]] = None,
) -> Question:
    """Asks for a slot together with `together_with` where that is asked in
    this need and not known yet: response `both`, else `alone`. With `third`
    (slot, response): where that slot is open too, that response asks all."""

    def ask(
        dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        need = tracker.get_slot("need_category")
        response = both if still_open(tracker, together_with) else alone
        if third and response == both and still_open(tracker, third[0]):
            response = third[1]
        # Rasa renders a response before this call's events, so a condition
        # on the need would read the need before this answer changed it
        response = IN_THE_NEED_S_WORDS.get((response, need), response)
        dispatcher.utter_message(response=response)
        return []

    return ask


# as parsing.normalise_education_level writes all three
EVERY_LEVEL = "/".join(parsing.EDUCATION_LEVELS)


def check_opening_time(ask: Question) -> Question:
    """The time question, first asked as a check where the opening named a
    time: "Je noemde voor de zomer: is dat ook wanneer het geregeld moet
    zijn?" That time was often the surface ask's (a summer intern), not the
    real question's; "ja" keeps it (answers.read_time_horizon)."""

    def check(
        dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        said = opening_time(tracker)
        if not said or answers_to(tracker, "time_horizon"):
            return ask(dispatcher, tracker, domain)
        response = (
            "utter_check_time_horizon_and_own_time"
            if still_open(tracker, "own_time")
            else "utter_check_time_horizon"
        )
        dispatcher.utter_message(response=response, said_time=said)
        return []

    return check


# Questions asked in the validation's own call, worded for the need it left
IN_THE_NEED_S_WORDS = {
    ("utter_ask_headcount_only", "leven_lang_ontwikkelen"): (
        "utter_ask_headcount_only_leven_lang_ontwikkelen"
    ),
    ("utter_ask_headcount_and_level", "leven_lang_ontwikkelen"): (
        "utter_ask_headcount_and_level_leven_lang_ontwikkelen"
    ),
}


# What the intake's validation asks itself (actions/asking.py).
INTAKE_QUESTIONS: Dict[Text, Question] = {
    "company_name": ask_with(
        "region",
        "utter_ask_company_name_only",
        "utter_ask_company_name_and_region",
        third=("company_size", "utter_ask_company_name_region_and_size"),
    ),
    "sector": ask_with(
        "company_size", "utter_ask_sector_only", "utter_ask_sector_and_size"
    ),
    "headcount": ask_with(
        "education_level", "utter_ask_headcount_only", "utter_ask_headcount_and_level"
    ),
    "time_horizon": check_opening_time(
        ask_with(
            "own_time",
            "utter_ask_time_horizon_only",
            "utter_ask_time_horizon_and_own_time",
        )
    ),
    "question_confirmed": ask_to_confirm,
}


def _said_before(tracker: Tracker, text: str) -> str:
    """The opening, where `text` answers after it: what its "daar" or "het"
    can point at."""
    opening = tracker.get_slot("original_question") or ""
    return "" if parsing.clean_text(text) == opening else opening


def _opening_before_the_choice(tracker: Tracker) -> Optional[str]:
    """ "vorige week 12.000 euro overgemaakt naar een oplichter", when the need
    was then chosen from the buttons ("iets nieuws ontwikkelen"): the opening
    is the question, not the choice."""
    if tracker.get_slot("requested_slot") != "need_category":
        return None
    said = typed_messages(tracker)
    earlier = said[-2] if len(said) >= 2 else ""
    return earlier if len(earlier.split()) >= MIN_OPENING_WORDS else None


class ValidateIntakeForm(AsksInTheSameCall):
    questions = INTAKE_QUESTIONS

    def name(self) -> Text:
        return "validate_intake_form"

    async def validate_turn(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        requested = tracker.get_slot("requested_slot")
        text = parsing.clean_text(tracker.latest_message.get("text"))
        intent = latest_intent(tracker)
        extra: List[EventType] = []
        if is_fresh_user_message(tracker) and requested and text == CONTINUE_PAYLOAD:
            # "Doorgaan waar we waren" after the fallback: ask the open question again.
            tracker.add_slots([SlotSet(requested, None)])
            return [
                SlotSet(requested, None),
                *await self.next_slot_events(dispatcher, tracker, domain),
            ]
        if is_fresh_user_message(tracker) and requested and intent in INTERRUPTIONS:
            handled = self._interruption(dispatcher, tracker, requested, text, intent)
            if handled is None:
                return []  # the form rejects; the interruption's rule answers
            extra = handled
        previous_need = slot_before_latest_message(tracker, "need_category")
        if previous_need in NEED_CODES and requested not in NEED_MAY_CHANGE_AT:
            # The questions of the need as it was: a later answer that sounds
            # like another need does not change them (see validate_need_category).
            extra.append(SlotSet("need_category", previous_need))
        stated = self._stated(tracker) if is_fresh_user_message(tracker) else {}
        if is_fresh_user_message(tracker) and tracker.get_slot("need_category") is None:
            # A long opening full of facts can read as `inform`; its words may
            # still name the need (validate_need_category then keeps it).
            need = need_of_message(tracker.latest_message.get("intent_ranking"), text)
            if need:
                stated["need_category"] = need
        new_slots = [SlotSet(slot, value) for slot, value in stated.items()]
        tracker.add_slots(extra + new_slots)
        events = await super().validate_turn(dispatcher, tracker, domain)
        if self._correction_changes_nothing(tracker, domain, requested, events):
            # Asked again with the same words, "nee" again is all one can say:
            # the correction goes to the coordinator as it was typed.
            dispatcher.utter_message(response="utter_correction_kept")
            confirmed = SlotSet("question_confirmed", True)
            tracker.add_slots([confirmed])
            events = [e for e in events if e.get("name") != REQUESTED_SLOT]
            events += [
                confirmed,
                *await self.next_slot_events(dispatcher, tracker, domain),
            ]
        validated = {e["name"] for e in events if e.get("event") == "slot"}
        # Stated slots that no question of this need asks are kept as they are.
        kept = [e for e in extra + new_slots if e["name"] not in validated]
        return kept + events + answer_asked_along(dispatcher, tracker)

    @staticmethod
    def _correction_changes_nothing(
        tracker: Tracker,
        domain: DomainDict,
        requested: Optional[Text],
        events: List[EventType],
    ) -> bool:
        """Whether this turn took a correction that leaves the restated
        question as it was."""
        took = any(
            e.get("name") == "question_correction" and e.get("value") for e in events
        )
        return (
            requested in ("question_confirmed", "question_correction")
            and took
            and tracker.get_slot("question_confirmed") is None
            and refined_question(tracker, domain)
            == tracker.get_slot("refined_question")
        )

    async def next_slot_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        next_slot = await self.next_requested_slot(dispatcher, tracker, domain)
        return [next_slot] if next_slot else []

    def _interruption(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        requested: Text,
        text: str,
        intent: Text,
    ) -> Optional[List[EventType]]:
        """None to let the interruption through; else the answer it also is."""
        clear = latest_confidence(tracker) >= CLEAR_INTERRUPTION
        answer = plausible_answer(requested, text)
        said = (tracker.latest_message.get("text") or "").strip()
        if intent in SIDE_INTENTS and not QUESTION_SHAPED.search(said):
            # "de machine kost 4 ton, dan moet hij wel lopen" to "hoeveel tijd
            # kun je erin steken?": said, not asked; the question's reader
            # decides whether it answers
            return [SlotSet(requested, text)]
        first = ANSWER_BEFORE_QUESTION.match(said)
        if first and QUESTION_SHAPED.search(first[1]):
            first = None  # "wat kost dat? en wie betaalt?": two questions
        if intent in SIDE_INTENTS and first and plausible_answer(requested, first[1]):
            # "weinig, we draaien volle agenda's. Wat kost zoiets eigenlijk?":
            # the answer, then a question, answered along with it
            if intent in side_answers.SIDE_QUESTIONS:
                side_answers.answer_side_question(dispatcher, tracker, intent)
            return [SlotSet(requested, first[1])]
        if intent == "stop":
            if EXPLICIT_STOP.match(text) or (clear and says_stop(text)):
                return None
            # "kachels en haarden" to "in welke branche?": a trade the
            # lexicon lacks, with no word of stopping, is the answer
            trade = requested == "sector" and parsing.is_free_text(text)
            if answer or (trade and not says_stop(text)):
                return [SlotSet(requested, text)]
            dispatcher.utter_message(response="utter_ask_stop_confirmation")
            return [SlotSet(requested, None)]
        name_like = (
            requested == "company_name" and "?" not in text and text[:1].isupper()
        )
        if answer and (not clear or name_like):
            return [SlotSet(requested, text)]
        return None

    def _stated(self, tracker: Tracker) -> Dict[Text, Any]:
        """Slots the latest message states, minus those it may not overwrite."""
        text = tracker.latest_message.get("text") or ""
        if text.startswith("/"):
            return {}
        # "moet ik daarvoor bij een hogeschool zijn of bij een roc?": what a
        # question of theirs names is asked, not stated
        found = extraction.extract(side_answers.without_own_questions(text))
        requested = tracker.get_slot("requested_slot")
        stated: Dict[Text, Any] = {}
        overwritten = set(RESTATED_SLOTS)
        if requested is None and not tracker.get_slot("original_question"):
            # "zoek een stagiair voor de zomer": the opening's time is the
            # surface ask's; the time question checks it (opening_time)
            found.pop("time_horizon", None)
        if requested == "company_name":
            # "Klimaattechniek Brabant" is a name; its place counts only after
            # "uit", "in" or a comma. What the name says it does is the sector.
            if not NAME_THEN_PLACE.search(text):
                found.pop("region", None)
            # "Distributie Veluwe, Ede, 70": the parts after the name tell the
            # place and the size, over what the whole message seems to say.
            found.update(extraction.company_context(text))
            # only the name's own words: "Stapje kinderschoenen, amersfoort,
            # winkel en magazijn" is no warehouse
            name_sector = parsing.sector_of_name(name_part(text) or text)
            if name_sector:
                # over a business word said in passing ("klanten als hotels")
                found["sector"] = name_sector
                overwritten.add("sector")
        if (
            requested == "sector"
            and tracker.get_slot("company_size") is None
            and "company_size" not in found
            and re.search(r"\d", text)
        ):
            # "ggz, beschermd wonen, zo'n 60. nee wacht, ... erbij 75" to "welke
            # branche, en met hoeveel mensen?": the size told in parts (in
            # digits: "ook een webshop" is no size)
            size = extraction.company_context(text).get("company_size")
            if size:
                found["company_size"] = size
        if requested != "education_level" and found.get("education_level") == (
            EVERY_LEVEL
        ):
            # "het mbo stuurde me naar de hogeschool en die naar de
            # universiteit": the schools of the story, no level; it is asked
            found.pop("education_level")
        if requested == "headcount":
            # "5 man, allemaal mbo": the people it is about, not the company's
            # size, which the company question still asks
            found.pop("company_size", None)
        if requested == "headcount" and "education_level" not in found:
            # "8, maakt niet uit" to "hoeveel mensen, en op welk niveau?": the
            # level answered beside the count is not asked again
            after_count = COUNT_FIRST.sub("", text, count=1)
            level = (
                read_education_level(after_count, None) if after_count != text else ""
            )
            if level:
                found["education_level"] = level
        if requested == "time_horizon" and "own_time" not in found:
            beside = own_time_beside_the_time(text)
            if beside:
                found["own_time"] = beside
        if requested in TIMES_OF_THE_WORK or RECURRING_TIME.search(text):
            # "in juli en augustus loopt het team op z'n tandvlees", "een
            # middag per week, in de oogst minder", "6 a 8, zaterdags en in de
            # meivakantie", "elk voorjaar weer hetzelfde": when it goes wrong,
            # when they have time or when the people work, not when it should
            # be arranged.
            found.pop("time_horizon", None)
        if requested == "desired_outcome" and found.get("time_horizon") == ASAP:
            # "dat we meteen zien wat er mist", "direct een prijs": what the
            # result does, not when it should be arranged (unless "zsm")
            if not SAID_ASAP.search(text):
                found.pop("time_horizon")
        if requested not in COMPANY_CONTEXT and not extraction.place_is_ours(
            text, found.get("region") or "", found.get("company_name") or ""
        ):
            # "ze vertrekken naar Amsterdam", "een collega van me in Roermond",
            # "of Wageningen" (a school): a place in the story, not where the
            # company is; the company question asks it
            found.pop("region", None)
        if requested not in ("region", "company_name") and is_province(
            found.get("region") or ""
        ):
            # "een camping in Zeeland": the place is still asked for
            found.pop("region", None)
        for slot, value in found.items():
            current = tracker.get_slot(slot)
            if slot == requested:
                continue  # the answer itself is read by the slot's validator
            if current in (None, "") or slot in overwritten:
                stated[slot] = value
        first_message = not tracker.get_slot("original_question")
        correcting = requested in ("question_confirmed", "question_correction")
        stated.update(self._frame_stated(tracker, text, requested, correcting))
        if (first_message or correcting) and requested != "topic":
            need = (
                need_of_intent(latest_intent(tracker))
                or tracker.get_slot("need_category")
                or likeliest_need(tracker)
            )
            topic = extraction.topic(
                text,
                need,
                exclude=[found.get("company_name"), tracker.get_slot("company_name")],
            )
            if topic:
                stated["topic"] = topic
        return stated

    def _frame_stated(
        self, tracker: Tracker, text: str, requested: Optional[str], correcting: bool
    ) -> Dict[Text, Any]:
        """The frame parts this message states: an answer to a content probe is
        read as that part; a correction replaces what it states."""
        part = {"problem": "problem", "desired_outcome": "goal"}.get(requested or "")
        if correcting and need_cues.only_denies_the_wish(text):
            # "nee, ik zoek niet zozeer een stagiair": no problem of theirs,
            # and the people it denies are not whom it is about
            denied = _names_the_people(text, tracker.get_slot("who") or "")
            return {"who": None} if denied else {}
        before = _said_before(tracker, text)
        newer = (
            intake_frame.read_answer(text, part, before)
            if part
            else intake_frame.read(text, before)
        )
        if requested is None and not tracker.get_slot("original_question"):
            # the opening's wish ("wij zoeken een tapmonteur") is the request,
            # the question behind it is asked: "Wat moet er straks anders zijn?"
            newer = replace(newer, goal="")
            if intake_frame.ASKS_US.search(text):
                # "vraag 14 snap ik niet. kunnen jullie helpen?", "kennen jullie
                # iemand die ons erp kan koppelen? ons softwarebedrijf doet
                # moeilijk": what goes wrong beside a request is the surface
                newer = replace(newer, problem="", problem_lead="")
        vague = writing.too_vague_to_say_back(newer.problem_lead)
        if vague and not (part or correcting or answers_to(tracker, "problem")):
            # "geen idee hoe dat werkt", "het ding hapert steeds" in the
            # opening: too vague to say back, so "Wat gaat er nu mis?" is asked
            newer = replace(newer, problem="", problem_lead="")
        if requested not in FRAME_ANSWERS:
            # "als het vriest ligt het werk stil" to "hoeveel tijd heb je?"
            # answers that question: it says nothing of the problem or goal.
            newer = replace(newer, problem="", problem_lead="", goal="")
        held = restatement.frame_of(tracker.slots)
        # "mensen vinden is 1 ding, maar eigenlijk ...": the opening's wish is
        # no goal any more, so the goal is asked; "die configurator is
        # bijzaak" to "wat klopt er niet?" drops it from the restatement
        set_aside = (
            (requested == "problem" or correcting)
            and _sets_aside(text)
            and not newer.goal
        )
        if set_aside:
            held = replace(held, goal="")
            # "bezorgers lukt eigelijk wel": not whom it is about
            held, newer = (
                replace(f, who="") if _names_the_people(text, f.who) else f
                for f in (held, newer)
            )
        frame = held.merged(newer) if correcting else held.filled(newer)
        stated: Dict[Text, Any] = {}
        for slot, value in (
            ("problem", frame.problem),
            ("problem_lead", frame.problem_lead),
            ("desired_outcome", frame.goal),
            ("who", frame.who),
            ("tried_before", frame.tried),
        ):
            if value and value != tracker.get_slot(slot):
                stated[slot] = value
        if set_aside and tracker.get_slot("desired_outcome"):
            stated["desired_outcome"] = None
        if set_aside and tracker.get_slot("who") and not frame.who:
            stated["who"] = None
        return stated

    async def required_slots(
        self,
        domain_slots: List[Text],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> List[Text]:
        """The form's slots in domain.yml's order: those of the need, minus a
        question asked twice without a usable answer."""
        need = tracker.get_slot("need_category")
        if need not in PROBES_BY_NEED:
            return ["need_category"]
        wanted = {"need_category", *PROBES_BY_NEED[need], *COMPANY_CONTEXT}
        wanted = {
            slot
            for slot in wanted
            if slot in NEVER_SKIPPED
            or tracker.get_slot(slot) is not None
            or (
                answers_to(tracker, slot) < MAX_ANSWERS_PER_QUESTION
                and not answered_unsure(tracker, slot)
            )
        }
        # Each content probe is asked once. For talent too the goal is asked:
        # "een vaste groep jonge mensen, eerst bijbaan en dan bbl" says more
        # than the people sought.
        # Once the question is restated, the probes are over.
        restated = bool(tracker.get_slot("refined_question"))
        for probe in CONTENT_PROBES:
            if tracker.get_slot(probe) is None and (
                restated or answers_to(tracker, probe) >= 1
            ):
                wanted.discard(probe)
        wanted.add("question_confirmed")
        if tracker.get_slot("question_confirmed") is False:
            wanted.add("question_correction")
        return [slot for slot in domain_slots if slot in wanted]

    def _skip_or_reask(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        slot: Text,
        response: Text,
    ) -> Dict[Text, Any]:
        """A failed value: one clear re-ask; the second time the question is dropped."""
        if tracker.get_slot("requested_slot") == slot and (
            answers_to(tracker, slot) >= MAX_ANSWERS_PER_QUESTION
            # no value read, and "weet ik niet" or "weet ik echt niet. ze
            # hebben van alles"
            or says_unsure(tracker.latest_message.get("text") or "")
        ):
            # Twice unclear, or "weet ik niet" at once: a coordinator asks later.
            dispatcher.utter_message(response="utter_skip_question")
        else:
            dispatcher.utter_message(response=response)
        return {slot: None}

    def validate_need_category(
        self,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> Dict[Text, Any]:
        previous = slot_before_latest_message(tracker, "need_category")
        requested = tracker.get_slot("requested_slot")
        text = tracker.latest_message.get("text") or ""
        if previous in NEED_CODES and requested in CONTENT_PROBES:
            # What goes wrong and what should change say the need better
            # than a vague opening; a need chosen from the buttons stays.
            return {"need_category": need_after_answers(tracker, previous)}
        said = parsing.clean_text(text)
        confirmed = (
            parsing.is_yes(said)
            or parsing.yes_and(said)
            or parsing.yes_though(said)  # "ja, al zou ik die cursus er ook ..."
            or parsing.yes_with_a_question(text)
        )
        if previous in NEED_CODES and (
            requested not in NEED_MAY_CHANGE_AT
            # "ja. en die stagiair komt dan vanzelf", "ja. maar kan die app
            # later nog?": agreed, a remark or a question beside
            or (requested == "question_confirmed" and confirmed)
        ):
            # Answers to later questions can sound like another need; the
            # entrepreneur changes the need by correcting the restated question.
            return {"need_category": previous}
        if previous in NEED_CODES and need_cues.only_denies_the_wish(text):
            # "nee, een operator hebben we eigenlijk wel": the restatement was
            # already past the opening's wish; nothing names another need
            return {"need_category": previous}
        named = slot_value if slot_value in NEED_CODES else None
        if previous in NEED_CODES and intake_frame.NEGATED_PART.search(text):
            # "het gaat om 12 chauffeurs, niet om nieuwe mensen": a correction's
            # need is what it names beside what the question is not about.
            named = (
                extraction.need_from_text(intake_frame.without_what_it_is_not(text))
                or previous
            )
        need = need_of_message(
            tracker.latest_message.get("intent_ranking"), text, named
        )
        if need is None:
            if (
                tracker.get_slot("requested_slot") == "need_category"
                and answers_to(tracker, "need_category") >= MAX_ANSWERS_PER_QUESTION
            ):
                # Twice unclear: the loket helps anyone find their way.
                dispatcher.utter_message(response="utter_need_unclear_loket")
                need = "loket"
            else:
                return {"need_category": None}
        events: Dict[Text, Any] = {"need_category": need}
        if not tracker.get_slot("original_question"):
            events["original_question"] = parsing.clean_text(
                _opening_before_the_choice(tracker)
                or tracker.latest_message.get("text")
            )
        return events

    def validate_topic(
        self,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> Dict[Text, Any]:
        text = parsing.clean_text(slot_value)
        return {"topic": text if parsing.is_free_text(text) else None}

    def validate_problem(
        self,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> Dict[Text, Any]:
        return self._frame_part("problem", slot_value, tracker)

    def validate_desired_outcome(
        self,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> Dict[Text, Any]:
        return self._frame_part("desired_outcome", slot_value, tracker)

    def _frame_part(self, slot: Text, value: Any, tracker: Tracker) -> Dict[Text, Any]:
        """The clean clause the frame reading made of the answer (set by
        `_stated` for the other slots); an answer it could not use is not
        asked again: the part stays empty and a coordinator asks."""
        if tracker.get_slot("requested_slot") != slot:
            return {slot: value}  # already read from a free message
        text = parsing.clean_text(tracker.latest_message.get("text"))
        before = _said_before(tracker, text)
        if slot == "problem":
            read = intake_frame.read_answer(text, "problem", before)
            part = {"problem": read.problem or None, "problem_lead": read.problem_lead}
        else:
            part = {slot: intake_frame.read_answer(text, "goal", before).goal or None}
        previous = slot_before_latest_message(tracker, "need_category")
        if previous in NEED_CODES:
            # the need is read again with each answer, whatever its intent
            # ("dat ons vak op het mbo voorkomt" is no need intent)
            part["need_category"] = need_after_answers(tracker, previous)
            level = slot_before_latest_message(tracker, "education_level")
            if (
                part["need_category"] != previous
                and level
                and not answers_to(tracker, "education_level")
            ):
                # "een hbo-programmeur" in the opening was the level of the
                # request the need turned out not to be: the level is asked
                part["education_level"] = None
            if (
                part["need_category"] != previous
                and slot == "desired_outcome"
                and not answers_to(tracker, "problem")
                and intake_frame.said_hard_to_find(tracker.get_slot("problem"))
            ):
                # "waar vind ik nagelstylistes?", then "dat mn meiden veilig
                # werken en niet meer ziek worden": finding people was the
                # opening's wish, not what goes wrong, so that is asked
                part.update(problem=None, problem_lead=None)
        return part

    def validate_tried_before(
        self,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> Dict[Text, Any]:
        return {"tried_before": extraction.tried_from_answer(str(slot_value or ""))}

    def validate_question_confirmed(
        self,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> Dict[Text, Any]:
        text = parsing.clean_text(tracker.latest_message.get("text"))
        intent = latest_intent(tracker)
        addition = parsing.yes_and(text)
        if addition:
            # "ja, en dat de leerlingen ... leren": agreed, and more they want;
            # it goes with the goal the coordinator reads
            goal = tracker.get_slot("desired_outcome")
            return {
                "question_confirmed": True,
                "desired_outcome": f"{goal} en {addition}" if goal else addition,
            }
        if parsing.yes_though(text):
            # the wish beside the yes goes to the coordinator as typed
            return {"question_confirmed": True, "question_correction": text}
        typed = tracker.latest_message.get("text") or ""
        if (
            intent == "affirm"
            or parsing.is_yes(text)
            or parsing.yes_with_a_question(typed)
            # "ja. blijft dit trouwens tussen ons? wil niet dat klanten het
            # horen": a yes and a side question, answered below (held-out 39th)
            or (parsing.yes_or_no_first(typed) and side_answers.asked_along(typed))
        ):
            return {"question_confirmed": True}
        if answers_to(tracker, "question_confirmed") >= MAX_RESTATEMENTS:
            # Three restatements without a yes: a coordinator sorts out the rest.
            dispatcher.utter_message(response="utter_restatement_limit")
            return {"question_confirmed": True}
        plain_no = len(text.split()) <= MAX_WORDS_OF_PLAIN_NO
        if plain_no and (intent == "deny" or parsing.is_no(text)):
            return {"question_confirmed": False, "question_correction": None}
        # Anything else is the entrepreneur's own wording of the correction.
        return self._take_correction(dispatcher, tracker, text)

    def validate_question_correction(
        self,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> Dict[Text, Any]:
        text = parsing.clean_text(slot_value)
        if latest_intent(tracker) == "affirm" or parsing.is_yes(text):
            return {"question_confirmed": True, "question_correction": None}
        return self._take_correction(dispatcher, tracker, text)

    def _take_correction(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, text: str
    ) -> Dict[Text, Any]:
        """A correction updates the values it states; the restatement is rewritten.

        The values themselves were set by `_stated` from this message; a
        correction naming another need has set need_category by its intent.
        """
        text = re.sub(
            r"^(?:nee|neen|nope|niet\s+helemaal|klopt\s+niet)[,.!]*\s*",
            "",
            text,
            flags=re.I,
        )
        if not parsing.is_free_text(text) or text.startswith("/"):
            if (
                answers_to(tracker, tracker.get_slot("requested_slot"))
                >= MAX_ANSWERS_PER_QUESTION
            ):
                dispatcher.utter_message(response="utter_restatement_limit")
                return {"question_confirmed": True}
            # The correction question itself says what is expected.
            return {"question_confirmed": False, "question_correction": None}
        return {"question_correction": text, "question_confirmed": None}


def answer_validator(slot: Text, answer: Answer) -> Any:
    """`validate_<slot>` for a row of the answer table (actions/answers.py)."""

    def validate(
        self: ValidateIntakeForm,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> Dict[Text, Any]:
        text = parsing.clean_text(slot_value)
        corrected = extraction.as_corrected(text) if answer.corrects else text
        value = answer.read(corrected, tracker)
        if value is None and corrected != text:
            # "ggz, beschermd wonen, zo'n 60. nee wacht, ... 75" to "welke
            # branche, en hoeveel mensen?": the correction was of the size
            value = answer.read(text, tracker)
        if value is None:
            return self._skip_or_reask(dispatcher, tracker, slot, answer.reask)
        return {slot: value}

    validate.__name__ = f"validate_{slot}"
    return validate


for _slot, _answer in ANSWERS.items():
    setattr(ValidateIntakeForm, f"validate_{_slot}", answer_validator(_slot, _answer))


class ActionSessionStart(Action):
    """Starts every conversation with the welcome and the privacy notice."""

    def name(self) -> Text:
        return "action_session_start"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        dispatcher.utter_message(response="utter_welcome")
        return [SessionStarted(), ActionExecuted("action_listen")]


class ActionStopIntake(Action):
    """Stops the intake on request, forgetting the answers given so far."""

    def name(self) -> Text:
        return "action_stop_intake"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        dispatcher.utter_message(response="utter_stop")
        return [ActiveLoop(None), AllSlotsReset()]
