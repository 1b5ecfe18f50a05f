"""Nothing said is thrown away without a yes (issue 22).

Start over, stop and erase predicted while a form question is open come here
(data/rules/interruptions.yml), after the form has rejected the message:

- a message that reads as an answer to the open question ("Liefst vanaf
  volgend semester" to "Wanneer zou je het geregeld willen hebben?", NLU:
  start_over 0.87) is handed back to the form as that answer: the action
  replaces the user's message by the same text read as `inform`, so that Rasa
  extracts the slot and runs the form on it as on any answer;
- anything else asks first, saying what would be lost; "ja" (or saying it
  again) goes ahead, "nee" goes on with the form. Erase has its own question
  (actions/privacy.py).

Outside a form, start over and stop act at once when nothing would be lost,
and ask first while an intake is under way.

The per-slot readers call the parsers of actions/parsing.py and
actions/extraction.py; they are the one mapping to re-point when those move.
"""

from __future__ import annotations

import copy
import logging
import re
from typing import Any, Callable, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import (
    ActionExecuted,
    ActiveLoop,
    AllSlotsReset,
    EventType,
    FollowupAction,
    Restarted,
    SlotSet,
    UserUtteranceReverted,
    UserUttered,
)
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import extraction, parsing
from actions.options import read_choice
from actions.stored_request import save_request
from bot.intake.places import find_place

logger = logging.getLogger(__name__)

START_OVER = "start_over"
STOP = "stop"
ERASE = "request_erasure"
ANSWER_INTENT = "inform"
INTERRUPTED_FORM = "interrupted_form"
PENDING = "pending_interruption"
REQUESTED_SLOT = "requested_slot"
ASK_ERASURE = "action_ask_erasure_confirmation"
CONFIRMATION = {
    START_OVER: "utter_ask_start_over_confirmation",
    STOP: "utter_ask_stop_intake_confirmation",
}

# Words that make up a command to start over, stop or erase, and the small words
# around them: a message of only these is not an answer to an open question.
COMMAND_WORDS = frozenset(
    """
    opnieuw overnieuw nieuw reset resetten herstart start starten begin beginnen
    begin begint af aan voren voor voor vooraf vanaf vanuit het hele helemaal
    stop stoppen stopt gestopt ophouden hou houd houden op kap kappen kapt ermee
    afbreken afhaken haak laat laten maar zitten genoeg niet verder meer geen zin
    tijd nu hiermee gesprek chat wis wissen verwijder verwijderen vergeet vergeten
    weg gooi haal mijn m'n me mij ik je jij we wij jullie alles al wat data
    gegevens aanvraag dit dat de een en of is wil willen wilt graag alsjeblieft
    aub svp pls even keer nog terug gaan doen kunnen kan mag toch dan er van
    naam contactgegevens e-mail email toestemming trek in recht op vergetelheid
    gezegd heb dat jullie bewaren van dat gewist worden wordt hebben over
    verwijderd opgeslagen bewaard
    """.split()
)


def _time(text: str, tracker: Tracker) -> bool:
    lowered = text.lower()
    return (
        extraction.timeframe_from_answer(lowered) is not None
        or parsing.TIME_WORDS.search(lowered) is not None
    )


def _content_words(text: str) -> List[str]:
    words = re.findall(r"[a-zà-ÿ0-9'-]+", text.lower())
    return [word for word in words if word not in COMMAND_WORDS]


def _free_answer(text: str, tracker: Tracker) -> bool:
    """Free text that says more than a command: an answer to an open question."""
    return parsing.is_free_text(text) and len(_content_words(text)) >= 1


def _count(text: str, tracker: Tracker) -> bool:
    """A number of people; "nog een keer" is not one."""
    lowered = text.lower()
    return bool(_content_words(text)) and (
        (extraction.headcount(lowered) or extraction.company_size(lowered)) is not None
        or parsing.parse_count(text) is not None
    )


def _yes_or_no(text: str, tracker: Tracker) -> bool:
    words = text.split()
    return len(words) <= 3 and (parsing.is_yes(text) or parsing.is_no(text))


def _contact(text: str, tracker: Tracker) -> bool:
    if parsing.extract_email(text) or parsing.extract_phone(text):
        return True
    name = parsing.clean_name(text)
    return name is not None and parsing.is_person_name(name)


Reader = Callable[[str, Tracker], bool]

# What a real request to erase says: a verb of erasing, or whose data ("haal
# mijn data weg"). A message the NLU hears as erasure without it ("we gooien
# veel weg" to "wat gaat er mis?", "we leveren data, duizenden foto's") is an
# answer to the open question, never swallowed by the erasure question.
ERASE_WORDS = re.compile(
    r"\b(?:wis\w*|gewist|verwijder\w*|vergeet|vergeten|vergetelheid|toestemming"
    r"|(?:mijn|m'n|mn|me|mij)\s+(?:\w+\s+)?(?:\w*gegevens|data|aanvraag)"
    r"|\w*gegevens\s+(?:\w+\s+)?weg|bewaren|bewaard|opgeslagen|opslaan)\b",
    re.IGNORECASE,
)

# "die zonnepanelen vergeten we niet he?", "niet wissen": a word of erasing
# said with "niet" asks to keep something; the NLU heard "vergeet mij".
KEEP_IT = re.compile(
    r"\b(?:vergeten|vergeet|wissen|wis|verwijderen|verwijder)\s+(?:\w+\s+){0,2}?niet\b"
    r"|\bniet\s+(?:\w+\s+)?(?:vergeten|vergeet|wissen|verwijderen)\b",
    re.IGNORECASE,
)

# Per open question: whether a message reads as its answer.
READERS: Dict[Text, Reader] = {
    "need_category": lambda t, _: extraction.need_from_text(t) is not None,
    "topic": _free_answer,
    "problem": _free_answer,
    "headcount": _count,
    "company_size": _count,
    "education_level": lambda t, _: parsing.normalise_education_level(t) is not None,
    "desired_outcome": _free_answer,
    "tried_before": _free_answer,
    "time_horizon": _time,
    "own_time": lambda t, _: extraction.own_time_from_answer(t.lower()) is not None,
    "company_name": lambda t, _: (
        t[:1].isupper()
        and extraction.name_from_answer(t) is not None
        and bool(_content_words(t))
    ),
    "region": lambda t, _: (
        (extraction.region(t) or find_place(t, answering=True)) is not None
    ),
    "sector": lambda t, _: parsing.normalise_sector(t) is not None,
    "question_confirmed": _yes_or_no,
    "question_correction": _free_answer,
    "chosen_option": lambda t, tracker: (
        read_choice(t, tracker.get_slot("options") or []) is not None
    ),
    "contact_consent": _yes_or_no,
    "contact_name": _contact,
    "contact_email": lambda t, _: parsing.extract_email(t) is not None,
    "contact_phone": lambda t, _: parsing.extract_phone(t) is not None,
}


def reads_as_answer(slot: Optional[Text], text: str, tracker: Tracker) -> bool:
    """Whether `text` reads as an answer to the question for `slot`."""
    reader = READERS.get(slot or "")
    text = parsing.clean_text(text)
    if reader is None or not text or text.startswith("/"):
        return False
    try:
        return bool(reader(text, tracker))
    except Exception:  # noqa: BLE001 - a reader that fails must not end the intake
        logger.exception("reading %r as an answer to %s failed", text, slot)
        return False


def intake_under_way(tracker: Tracker) -> bool:
    """Whether something said would be lost: a need or an answer is known and
    the request was not stored complete since."""
    if tracker.active_loop.get("name"):
        return True
    known = False
    for event in tracker.events:
        kind = event.get("event")
        if kind in ("restart", "session_started", "reset_slots"):
            known = False
        elif kind == "slot" and event.get("value") not in (None, "", [], False):
            known = known or event.get("name") in ("need_category", INTERRUPTED_FORM)
        elif kind == "action" and event.get("name") == "action_store_request":
            known = False
    return known


def as_answer(tracker: Tracker) -> List[EventType]:
    """The latest message again, read as an answer: Rasa undoes the message and
    this turn, extracts the slots from the new one and runs the form on it."""
    latest = tracker.latest_message or {}
    parse_data: Dict[Text, Any] = copy.deepcopy(latest)
    parse_data.pop("text", None)
    intent = {"name": ANSWER_INTENT, "confidence": 1.0}
    parse_data["intent"] = intent
    parse_data["intent_ranking"] = [intent]
    return [
        UserUtteranceReverted(),
        ActionExecuted("action_listen"),
        UserUttered(
            latest.get("text"),
            parse_data=parse_data,
            input_channel=tracker.get_latest_input_channel(),
        ),
    ]


def start_over_now(dispatcher: CollectingDispatcher) -> List[EventType]:
    dispatcher.utter_message(response="utter_restart")
    return [Restarted()]


class ActionCheckInterruption(Action):
    """An answer goes back to the form; anything else asks before losing it."""

    def name(self) -> Text:
        return "action_check_interruption"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        form = tracker.active_loop.get("name")
        requested = tracker.get_slot(REQUESTED_SLOT)
        text = tracker.latest_message.get("text") or ""
        erasing = (
            intent == ERASE
            and ERASE_WORDS.search(text) is not None
            and not KEEP_IT.search(text)
        )
        # The NLU's erasure without a word of erasing, in a form, is an answer
        # the form reads or asks again: asking "alles wissen?" to it looped
        # ("we leveren data, duizenden foto's" to the own-time question).
        if (
            form
            and not erasing
            and (intent == ERASE or reads_as_answer(requested, text, tracker))
        ):
            logger.info("%r read as the answer to %s, not %s", text, requested, intent)
            return as_answer(tracker)
        if intent == ERASE:
            # Erasure asks its own question (actions/privacy.py).
            return [
                ActiveLoop(form),
                SlotSet(PENDING, None),
                FollowupAction(ASK_ERASURE),
            ]
        if not intake_under_way(tracker):
            if intent == START_OVER:
                return start_over_now(dispatcher)
            return [FollowupAction(ActionEndIntake().name())]
        asked = intent if intent in CONFIRMATION else STOP
        dispatcher.utter_message(response=CONFIRMATION[asked])
        events: List[EventType] = [
            ActiveLoop(None),
            SlotSet(PENDING, asked),
            SlotSet(REQUESTED_SLOT, None),
        ]
        if form:
            events.append(SlotSet(INTERRUPTED_FORM, form))
        return events


class ActionResumeIntake(Action):
    """ "Nee" to starting over or stopping: back to the question that was open."""

    def name(self) -> Text:
        return "action_resume_intake"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        dispatcher.utter_message(response="utter_intake_resumed")
        form = tracker.get_slot(INTERRUPTED_FORM)
        events: List[EventType] = [
            SlotSet(INTERRUPTED_FORM, None),
            SlotSet(PENDING, None),
        ]
        if form:
            events.append(FollowupAction(form))
        return events


class ActionEndIntake(Action):
    """Stops the intake after a yes. A question the entrepreneur confirmed is
    kept, marked incomplete, so a coordinator still sees it."""

    def name(self) -> Text:
        return "action_end_intake"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        kept = False
        if tracker.get_slot("question_confirmed") and tracker.get_slot("need_category"):
            try:
                await save_request(tracker, incomplete=True)
                kept = True
            except Exception:  # noqa: BLE001 - the entrepreneur must hear it failed
                logger.exception("keeping request of %s failed", tracker.sender_id)
        dispatcher.utter_message(response="utter_stop_kept" if kept else "utter_stop")
        return [ActiveLoop(None), AllSlotsReset()]
