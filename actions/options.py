"""Three pps options ranked for this entrepreneur, and how their choice is read."""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import parsing
from actions.answers import messages_to
from actions.option_cards import option_values, options_custom, telegram_options
from actions.restatement import frame_of
from bot.intake import text_match, writing
from bot.intake.catalogue import (
    IntakeProfile,
    RankedOption,
    load_catalogue,
    rank_formats,
)
from bot.intake.frame import situations
from bot.intake.vocabulary import CONTENT_PROBES

NONE_CHOSEN = "geen"
# Slots holding the entrepreneur's own words, matched against format keywords.
FREE_TEXT_SLOTS = (
    "original_question",
    "problem",
    "question_correction",
    "desired_outcome",
    "topic",
)
# Questions whose answers may name a format besides what they ask for.
COUNT_AND_LEVEL = ("headcount", "education_level")


def profile_from_tracker(tracker: Tracker) -> IntakeProfile:
    """What the ranking needs to know, read from the intake's slots."""
    size = parsing.parse_count(str(tracker.get_slot("company_size") or ""))
    level = parsing.normalise_education_level(
        str(tracker.get_slot("education_level") or "")
    )
    sector = parsing.normalise_sector(str(tracker.get_slot("sector") or ""))
    need = tracker.get_slot("need_category") or "loket"
    frame = frame_of(tracker.slots)
    opening = str(tracker.get_slot("original_question") or "")
    answers = " ".join(
        str(event.get("text") or "")
        for probe in CONTENT_PROBES
        for event in messages_to(tracker, probe)
    )
    # "onze vision lead wil best een paar uur per week lesgeven", to the own
    # time question, names a format too
    own_time = " ".join(
        str(event.get("text") or "") for event in messages_to(tracker, "own_time")
    )
    # as does "mbo denk ik. die bbl waar je 1 dag naar school gaat?" to the
    # level question; only the name counts, the rest says no content
    counted = " ".join(
        str(event.get("text") or "")
        for slot in COUNT_AND_LEVEL
        for event in messages_to(tracker, slot)
    )
    names = [
        name
        for pps_format in load_catalogue().formats
        if (name := text_match.keyword_in(pps_format.named_by, counted))
    ]
    return IntakeProfile(
        need_category=need,
        sector=sector,
        company_size=size,
        urgency=parsing.urgency_of(tracker.get_slot("time_horizon")),
        own_time=parsing.own_time_level(tracker.get_slot("own_time")),
        education_level=level if level in ("mbo", "hbo", "wo") else None,
        said=" ".join(
            [str(tracker.get_slot(name) or "") for name in FREE_TEXT_SLOTS]
            # the answers whole: the frame keeps two clauses of the problem,
            # "iemand was ingelogd met ons baliewachtwoord" may be a third
            + [answers, own_time, *names]
        ),
        topic=tracker.get_slot("topic") or None,
        # as said back, verb first; empty when it was not ("weet je niet")
        problem=frame.problem_lead,
        goal=writing.inside_a_sentence(
            writing.with_antecedent(frame, tracker.get_slot("topic") or "")
        ),
        situations=situations(frame, need, opening, answers),
        who=frame.who,
        when=str(tracker.get_slot("time_horizon") or ""),
    )


def ranked_options(tracker: Tracker) -> List[RankedOption]:
    return rank_formats(load_catalogue(), profile_from_tracker(tracker), limit=3)


def option_summaries(options: List[RankedOption]) -> List[Dict[str, str]]:
    """The {id, title} pairs stored with the request."""
    return [{"id": o.format.id, "title": o.format.title} for o in options]


def present_option(
    dispatcher: CollectingDispatcher, number: int, option: RankedOption
) -> None:
    pps_format = option.format
    details = {
        "number": number,
        "title": pps_format.title,
        "description": pps_format.description,
        "reason": option.reason,
        "hours": pps_format.hours,
        "duration": pps_format.duration,
        "cost": pps_format.cost,
    }
    if pps_format.example_name:
        dispatcher.utter_message(
            response="utter_option_with_example",
            example_name=pps_format.example_name,
            example_text=pps_format.example_text,
            **details,
        )
    else:
        dispatcher.utter_message(response="utter_option", **details)


def present_options(
    dispatcher: CollectingDispatcher, channel: Optional[str], ranked: List[RankedOption]
) -> None:
    """The widget gets the options as cards, Telegram as one compact message,
    every other client (REST) as one text message per option."""
    values = [option_values(option) for option in ranked]
    if channel == "socketio":
        # Rasa's socket.io output splits text into paragraphs, so the widget
        # could not tell which bubbles to swap: it gets the cards alone.
        dispatcher.utter_message(custom=options_custom(values, replaces=0))
    elif channel == "telegram":
        dispatcher.utter_message(text=telegram_options(values).text)
    else:
        for number, option in enumerate(ranked, start=1):
            present_option(dispatcher, number, option)


def choice_buttons(options: List[Dict[str, str]]) -> List[Dict[str, str]]:
    catalogue = load_catalogue()
    buttons = [
        {"title": f"{n}. {option['title']}", "payload": option["id"]}
        for n, option in enumerate(options, start=1)
    ]
    buttons.append({"title": catalogue.labels["none_option"], "payload": NONE_CHOSEN})
    return buttons


def ask_for_choice(
    dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
) -> List[EventType]:
    """Proposes three options the first time, then only asks for the choice."""
    events: List[EventType] = []
    options = tracker.get_slot("options")
    if not options:
        profile = profile_from_tracker(tracker)
        ranked = rank_formats(load_catalogue(), profile, limit=3)
        options = option_summaries(ranked)
        dispatcher.utter_message(response="utter_options_intro")
        present_options(dispatcher, tracker.get_latest_input_channel(), ranked)
        say_how_many_fit(dispatcher, ranked, profile.need_category)
        events.append(SlotSet("options", options))
    dispatcher.utter_message(
        response="utter_ask_which_option", buttons=choice_buttons(options)
    )
    return events


def say_how_many_fit(
    dispatcher: CollectingDispatcher, ranked: List[RankedOption], need: str
) -> None:
    """Where not all three fit the question, say which do, rather than pass
    the broad ones off as a match. A format made for this kind of question
    (a bbl place for a vacancy) fits it, whatever words were used."""
    fits = [o.fits_topic or o.format.needs[0] == need for o in ranked]
    fitting = [
        f'"{o.format.title}"' for o, fit in zip(ranked, fits, strict=True) if fit
    ]
    broad = [
        f'"{o.format.title}"' for o, fit in zip(ranked, fits, strict=True) if not fit
    ]
    if not broad:
        return
    if not fitting:
        dispatcher.utter_message(response="utter_options_none_fit")
        return
    response = (
        "utter_options_few_fit_one" if len(broad) == 1 else "utter_options_few_fit"
    )
    dispatcher.utter_message(
        response=response, fitting=" en ".join(fitting), broad=" en ".join(broad)
    )


def read_choice(text: Any, options: List[Dict[str, str]]) -> str | None:
    """The option chosen, "geen", or a format of the catalogue that was not
    shown but is named by its title ("cyberscan", "onderzoek met een
    lectoraat"): the entrepreneur knows what they want."""
    shown = parsing.choose_option(
        str(text or ""),
        [option["id"] for option in options],
        [option["title"] for option in options],
    )
    return shown or named_format(str(text or ""))


MIN_NAMED_CHARACTERS = 5


def named_format(text: str) -> str | None:
    """The id of the catalogue format the answer names: one whose title holds
    the answer or is held by it, or else the first word of the answer that
    names one format only ("stage of afstuderen, wat het snelst is": the stage;
    "lectoraat lijkt me goed, of anders de challenge": the research). None
    where nothing, or only a word of several titles, names one ("loket")."""
    answer = parsing.clean_text(text).lower().strip(" .!")
    formats = load_catalogue().formats
    found = [
        f.id
        for f in formats
        if answer == f.id or answer in f.title.lower() or f.title.lower() in answer
    ]
    if found and len(answer) >= MIN_NAMED_CHARACTERS:
        return found[0] if len(found) == 1 else None
    return parsing.first_named(answer, {f.id: (f.title, *f.named_by) for f in formats})
