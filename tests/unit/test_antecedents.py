"""bot/intake/antecedents.py and frame.with_antecedents: a pointing word is
said back with what it points at, or left as it was."""

import pytest

from bot.intake import frame


@pytest.mark.parametrize(
    "said, context, lead",
    [
        # "daar ... van": the preposition takes the thing along
        ("Wij krijgen binnenkort onze eerste elektrische bussen en mijn chauffeurs en "
         "monteurs weten daar nog niks van.", "",
         "weten je chauffeurs en monteurs nog niks van jullie eerste elektrische bussen"),
        ("ik lees van alles over sensoren en stikstof enzo maar ik weet niet wat ik er "
         "mee moet", "", "weet je niet wat je met sensoren en stikstof moet"),
        # an answer points into the opening; its question names nothing
        ("het kristaliseert veel te snel, soms al na 3 weken",
         "onze honing word in de pot binnen een paar weken hard en wolkig en de winkels "
         "sturen het terug. iemand die daar verstand van heeft?",
         "kristalliseert jullie honing veel te snel"),
        ("ze kennen geen deadlines, snappen niks van versiebeheer",
         "de studenten die bij ons binnenkomen kunnen best coden maar samenwerken is een "
         "ramp", "kennen de studenten geen deadlines"),
    ],
)  # fmt: skip
def test_a_pointing_word_is_said_back_with_what_it_points_at(said, context, lead):
    read = frame.read_answer(said, "problem", context) if context else frame.read(said)
    assert read.problem_lead == lead


@pytest.mark.parametrize(
    "said, context",
    [("het is druk in de zaak", "we hebben een bakkerij"),  # "het" of the weather kind
     ("we weten niet wat we ermee moeten", ""),  # nothing said before
     # "ermee" never points at people
     ("we weten niet wat we ermee moeten", "onze klanten bellen steeds"),
     # "een nieuw systeem" would need "het nieuwe systeem": left alone
     ("we weten niet wat we ermee moeten", "we hebben een nieuw systeem gekocht"),
     ("er reageert niemand op mijn advertentie", "ik zoek tegelzetters"),
     # "erbij" after a noun is "more" or "with it", and points at nothing
     ("het gaat om monteurs erbij", "onze planning loopt in de soep"),
     ("een plan met cijfers erbij", "we stoken de kassen op gas"),
     # "er is ... voor" says what there is: without its "er" it breaks
     ("maar er is nergens een opleiding voor", "weet iemand een cursus naaimachines")],
)  # fmt: skip
def test_a_pointing_word_with_nothing_fit_to_name_stays(said, context):
    assert frame.with_antecedents(said, context) == said


def test_a_second_verb_after_a_comma_is_not_glued_on():
    read = frame.read_answer(
        "de studenten kennen geen deadlines, snappen niks van versiebeheer", "problem"
    )
    assert read.problem_lead == "kennen de studenten geen deadlines"
    # a clause that opens with "als" still needs what follows the comma
    assert (
        "ligt het werk stil" in frame.read("als het vriest, ligt het werk stil").problem
    )


def test_a_second_mention_takes_the_definite_article():
    named = frame.with_antecedents(
        "we weten niet wat we ermee moeten", "we hebben een nieuwe lasrobot gekocht"
    )
    assert named == "we weten niet wat we met de nieuwe lasrobot moeten"


def test_a_question_word_is_no_part_of_what_is_pointed_at():
    named = frame.with_antecedents(
        "dat ze het op school al leren", "hoeveel stagiairs mag ik tegelijk hebben",
        goal=True,
    )
    assert named == "dat de stagiairs het op school al leren"


def test_a_question_keeps_its_pointing_word_and_stays_a_question():
    read = frame.read(
        "De jongens die van school komen hebben nog nooit van een bodemlus gehoord. "
        "Kan daar op school niet wat aan gedaan worden?"
    )
    # "die van school komen" says who they are: one finite verb to put first
    assert read.problem_lead == (
        "hebben de jongens van school nog nooit van een bodemlus gehoord"
    )
    assert "gedaan" not in read.problem


def test_who_is_wished_something_is_the_people_named_before():
    opening = "mijn twee toppers plakken al 30 jaar met de hand maar nu gaat alles via printen"
    read = frame.read_answer(
        "dat ze mee kunnen met de nieuwe software", "goal", opening
    )
    assert read.goal.startswith("je twee toppers ")


def test_an_answer_to_the_goal_probe_leaves_er_van_to_the_restatement():
    """ "er een nieuw product van maken" is named after the topic when it is
    said back (writing.with_antecedent); named here, the goal became a copy
    and was cut to "een nieuw product"."""
    opening = "We willen eigenlijk iets met die oude broodresten ofzo."
    read = frame.read_answer(
        "er een nieuw product van maken in plaats van weggooien", "goal", opening
    )
    assert read.goal == "er een nieuw product van maken"


def test_the_subject_of_a_question_inside_is_named():
    opening = "Ik wil graag meer weten over waterstof en andere ondernemers spreken"
    read = frame.read_answer("weten of het iets voor ons wordt", "goal", opening)
    assert read.goal == "weten of waterstof iets voor jullie wordt"
    # "of het lukt": an impersonal "het" points at nothing
    assert frame.read_answer("weten of het lukt", "goal", opening).goal == "weten of het lukt"


def test_ze_who_know_nothing_is_no_thing_said_before():
    # held-out 39th: was "weten de 60 zetten niet hoe je zo'n plaat tilt"
    read = frame.read_answer(
        "school leert ze alleen 30 bij 60 zetten. ze weten niet hoe je zo'n plaat tilt",
        "problem",
    )
    assert read.problem_lead == "weten ze niet hoe je zo'n plaat tilt"
