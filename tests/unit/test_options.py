"""The options step: three options shown once, each its own reason, honest padding."""

from __future__ import annotations


import pytest
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import parsing
from actions.options import ask_for_choice, named_format, read_choice
from tests.conftest import make_tracker


def ask(slots):
    dispatcher = CollectingDispatcher()
    events = ask_for_choice(dispatcher, make_tracker(slots=slots), {})
    return dispatcher.messages, events


def responses(messages):
    return [m.get("response") for m in messages]


def test_three_options_stored_as_id_and_title_the_first_naming_the_goal() -> None:
    messages, events = ask({"need_category": "innovatie", "topic": "restmateriaal",
                            "original_question": "ons restmateriaal hergebruiken",
                            "desired_outcome": "minder afval"})  # fmt: skip
    [stored] = [e for e in events if e == SlotSet("options", e["value"])]
    assert len(stored["value"]) == 3
    assert all(set(option) == {"id", "title"} for option in stored["value"])
    assert "cyber_scan" not in [option["id"] for option in stored["value"]]
    shown = [m for m in messages if m.get("response", "").startswith("utter_option_")
             or m.get("response") == "utter_option"]  # fmt: skip
    assert len(shown) == 3
    assert shown[0]["reason"].startswith("Je wilt minder afval.")
    assert len({m["reason"] for m in shown}) == 3
    assert responses(messages)[-1] == "utter_ask_which_option"


def test_fewer_than_three_fitting_options_are_said_to_be_general() -> None:
    messages, _ = ask({"need_category": "kennis_netwerk", "topic": "oude broodresten",
                       "original_question": "iets met oude broodresten"})  # fmt: skip
    said = {m.get("response"): m for m in messages}
    few = said.get("utter_options_few_fit_one") or said.get("utter_options_few_fit")
    # the fitting ones are named, so "breder" points at something
    assert few["fitting"].startswith('"') and few["broad"].startswith('"')
    assert "loket" in few["broad"]


def test_a_format_made_for_the_question_s_kind_is_not_called_broader() -> None:
    messages, _ = ask({"need_category": "talent", "original_question":
                       "we vinden geen begeleiders die van boerenwerk houden"})  # fmt: skip
    assert not {"utter_options_few_fit", "utter_options_few_fit_one",
                "utter_options_none_fit"} & set(responses(messages))  # fmt: skip


def test_three_fitting_options_need_no_such_remark() -> None:
    messages, _ = ask({"need_category": "kennis_netwerk", "topic": "logistiek",
                       "original_question": "een netwerk en bijeenkomsten over logistiek "
                       "en onderzoek met een lectoraat"})  # fmt: skip
    assert not {"utter_options_few_fit", "utter_options_few_fit_one",
                "utter_options_none_fit"} & set(responses(messages))  # fmt: skip


def test_options_already_shown_are_only_asked_for_again() -> None:
    options = [{"id": "gastles", "title": "Gastles geven"}] * 3
    messages, events = ask({"need_category": "onderwijs_invloed", "options": options})
    assert events == []
    assert responses(messages) == ["utter_ask_which_option"]


BROODRESTEN = {"need_category": "innovatie", "topic": "oude broodresten",
               "original_question": "iets met oude broodresten"}  # fmt: skip


def shown_on(channel):
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(slots=BROODRESTEN, channel=channel)
    ask_for_choice(dispatcher, tracker, {})
    return dispatcher.messages


def per_option(messages):
    return [m for m in messages
            if m.get("response") in ("utter_option", "utter_option_with_example")]  # fmt: skip


def test_the_widget_gets_the_options_as_cards_alone() -> None:
    messages = shown_on("socketio")
    [cards] = [m["custom"]["data"] for m in messages if m.get("custom")]
    assert cards["type"] == "pps_options" and cards["replaces"] == 0
    assert len(cards["options"]) == 3
    assert len({card["reason"] for card in cards["options"]}) == 3
    assert not per_option(messages)


def test_telegram_gets_one_compact_message_and_rest_one_per_option() -> None:
    telegram = shown_on("telegram")
    assert not [m for m in telegram if m.get("custom")]
    [compact] = [m["text"] for m in telegram if m.get("text")]
    assert compact.startswith("1. ") and "\n\n2. " in compact and "\n\n3. " in compact
    rest = shown_on("rest")
    assert not [m for m in rest if m.get("custom")]
    assert len(per_option(rest)) == 3


@pytest.mark.parametrize(
    "answer, chosen",
    [("die bijeenkomst", "kennisbijeenkomst"),
     ("de community", "learning_community"),
     ("lijkt me leuk", None),  # names no option
     ("2", "learning_community"),
     ("de eerste maar", "lectoraat_onderzoek")],  # held-out 35th: asked twice, lost
)  # fmt: skip
def test_an_option_is_chosen_by_a_word_of_its_title(answer, chosen):
    ids = ["lectoraat_onderzoek", "learning_community", "kennisbijeenkomst"]
    titles = ["Onderzoek met een lectoraat", "Learning community", "Open kennisbijeenkomst"]
    assert parsing.choose_option(answer, ids, titles) == chosen


def test_a_word_in_two_titles_chooses_neither():
    ids = ["instroom_loket", "loket_doorverwijzing"]
    titles = ["Loket voor nieuw personeel", "Doorverwijzing via het loket"]
    assert parsing.choose_option("dat loket", ids, titles) is None
    leerbaan = parsing.choose_option("de leerbaan", ["bbl_leerbaan"], ["Bbl-leerbaan"])
    assert leerbaan == "bbl_leerbaan"


def test_the_title_sharing_most_words_with_the_answer_is_chosen():
    ids = ["cyber_scan", "bijbanen_loket", "praktijkproject_kort"]
    titles = ["Cyberscan door studenten", "Bijbaan voor studenten", "Kort praktijkproject"]
    assert parsing.choose_option("die scan door studenten", ids, titles) == "cyber_scan"


def test_a_word_differing_only_in_its_ending_names_the_title():
    """ "Dat doorverwijzen" was read as the Cyberscan ("door" in its title),
    which was not shown, while "Doorverwijzing via het loket" was."""
    ids = ["loket_doorverwijzing", "praktijkproject_kort", "student_challenge"]
    titles = ["Doorverwijzing via het loket", "Kort praktijkproject", "Studentenchallenge"]
    answer = "Dat doorverwijzen, dat iemand uitzoekt welke school past."
    assert parsing.choose_option(answer, ids, titles) == "loket_doorverwijzing"
    assert named_format("doorverwijzen graag") == "loket_doorverwijzing"


@pytest.mark.parametrize(
    "answer, named",
    [("stage of afstuderen, wat het snelst is", "stageplek"),  # the first named
     ("lectoraat lijkt me goed, of anders de challenge", "lectoraat_onderzoek"),
     ("bbl", "bbl_leerbaan"),
     ("de afstudeerder", "afstudeeropdracht"),
     ("misschien die training voor mijn mensen", "maatwerk_scholing"),
     # held-out 34th (after its run): asked twice, then lost
     ("lesgeven lijkt me wel wat", "hybride_docent"),
     # held-out 37th (after its run): "Die keuze ken ik niet"
     ("die studenten die proberen in te breken", "cyber_scan"),
     ("dat loket", None),  # two titles hold it
     ("lijkt me allemaal leuk", None)],
)  # fmt: skip
def test_a_format_not_shown_is_named_by_the_first_word_that_names_one(answer, named):
    assert named_format(answer) == named


def test_a_title_word_said_as_many_names_its_option():
    shown = [{"id": "learning_community", "title": "Learning community"},
             {"id": "kennisbijeenkomst", "title": "Open kennisbijeenkomst"}]  # fmt: skip
    assert read_choice("de bijeenkomsten", shown) == "kennisbijeenkomst"
