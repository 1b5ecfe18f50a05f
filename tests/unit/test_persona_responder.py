"""The persona responder reads a question as a person does: by its kind, not by
the bot's exact wording. Each kind is held against several wordings, today's
and reworded ones, including questions that ask two or three things at once.
A misread question fails here before it confuses the persona suite."""

from __future__ import annotations

import pytest

from tests.personas.responder import (
    DONT_KNOW,
    KINDS,
    Responder,
    classify,
    is_closing,
    question_text,
)

# (the bot's message, the kinds a person reads in it)
WORDINGS = [
    # problem: what goes wrong now
    ("Wat gaat er nu mis?", ["problem"]),
    ("Waar loop je precies tegenaan?", ["problem"]),
    ("Wat is op dit moment het probleem?", ["problem"]),
    ("Wat lukt er nu niet?", ["problem"]),
    ("Vertel eens: wat speelt er in je bedrijf?", ["problem"]),
    ("Waar hebben jullie nu last van op de werkvloer?", ["problem"]),
    ("Waar gaat het om? Noem het onderwerp in een paar woorden.", ["problem"]),
    ("Om welke opleiding of welk vak gaat het? Wat missen jullie bij nieuwe mensen van school?", ["problem"]),
    ("Wat gaat er op dit moment fout, denk je?", ["problem"]),
    # goal: what should be different
    ("Wat moet er straks anders zijn op de werkvloer?", ["goal"]),
    ("Wat wil je bereiken?", ["goal"]),
    ("Wat moet het opleveren? Bijvoorbeeld een prototype of een advies.", ["goal"]),
    ("Waar wil je over een paar maanden staan?", ["goal"]),
    ("Wat moeten je mensen straks kunnen wat ze nu nog niet kunnen?", ["goal"]),
    ("Wanneer ben je tevreden?", ["goal"]),
    ("Wat wil je eruit halen: nieuwe kennis of contact met andere ondernemers?", ["goal"]),
    ("Wat zou het meest helpen?", ["goal"]),
    ("Wat heeft de werkvloer eraan als het lukt?", ["goal"]),
    # tried_before
    ("Wat heb je al geprobeerd?", ["tried_before"]),
    ("Wat hebben jullie zelf al gedaan of uitgezocht? Of is het nog een idee?", ["tried_before"]),
    ("Heb je eerder al iets geprobeerd, een vacature of een uitzendbureau?", ["tried_before"]),
    ("Wat heb je al geprobeerd, en bij wie ben je al geweest?", ["tried_before"]),
    # who
    ("Om wie gaat het precies?", ["who"]),
    ("Welke medewerkers moeten het leren?", ["who"]),
    ("Wat voor mensen zoek je: monteurs, planners, iets anders?", ["who"]),
    ("Wie doet dat werk nu?", ["who"]),
    # headcount
    ("Hoeveel mensen zou je erbij willen hebben?", ["headcount"]),
    ("Om hoeveel medewerkers gaat het?", ["headcount"]),
    ("Hoeveel monteurs zoek je?", ["headcount"]),
    ("Hoeveel stagiairs kun je kwijt?", ["headcount"]),
    # education_level
    ("Welk niveau zoek je: mbo, hbo of wo?", ["education_level"]),
    ("Gaat het om een mbo-, hbo- of wo-opleiding?", ["education_level"]),
    ("Welk opleidingsniveau hebben de mensen die je wilt bijscholen ongeveer?", ["education_level"]),
    # time_horizon
    ("Wanneer zou je het geregeld willen hebben?", ["time_horizon"]),
    ("Per wanneer heb je ze nodig?", ["time_horizon"]),
    ("Hoe snel moet het?", ["time_horizon"]),
    ("Op welke termijn denk je?", ["time_horizon"]),
    # own_time
    ("Hoeveel tijd kun jij of iemand van je team er ongeveer in steken?", ["own_time"]),
    ("Hoeveel uur per week kun je vrijmaken?", ["own_time"]),
    ("Kunnen jullie daar tijd voor vrijmaken?", ["own_time"]),
    # company
    ("Dan nog iets over je bedrijf. Hoe heet het?", ["company_name"]),
    ("Wat is de naam van je bedrijf?", ["company_name"]),
    ("In welke branche werken jullie? Bijvoorbeeld bouw, installatie, zorg of ict.", ["sector"]),
    ("Wat voor bedrijf hebben jullie?", ["sector"]),
    ("In welke sector zit je?", ["sector"]),
    ("In welke plaats of regio zit je bedrijf?", ["region"]),
    ("Waar zitten jullie?", ["region"]),
    ("Waar is je bedrijf gevestigd?", ["region"]),
    ("Met hoeveel mensen werken jullie ongeveer?", ["company_size"]),
    ("Hoe groot is je bedrijf?", ["company_size"]),
    ("Hoeveel mensen hebben jullie in dienst?", ["company_size"]),
    # merged questions
    ("Hoe heet je bedrijf en waar zitten jullie?", ["company_name", "region"]),
    ("Dan nog iets over je bedrijf. Hoe heet het, en in welke plaats zit het?", ["company_name", "region"]),
    ("Hoe heet je bedrijf, in welke plaats zitten jullie en met hoeveel mensen?", ["company_name", "region", "company_size"]),
    ('In welke branche werken jullie, en met hoeveel mensen ongeveer? Bijvoorbeeld "bouw, 12 man".', ["sector", "company_size"]),
    ("Hoeveel mensen zoek je, en op welk niveau: mbo, hbo of wo?", ["headcount", "education_level"]),
    ("Om hoeveel medewerkers gaat het, en welk opleidingsniveau hebben ze ongeveer (mbo, hbo of wo)?", ["headcount", "education_level"]),
    ('Wanneer zou je het geregeld willen hebben, en hoeveel tijd kun jij of iemand van je team er ongeveer in steken? Bijvoorbeeld "voor de zomer, een uurtje per week".', ["time_horizon", "own_time"]),
    ("Wat gaat er nu mis, en wat moet er straks anders zijn?", ["problem", "goal"]),
    ("Wat is je branche en hoe groot is het bedrijf?", ["sector", "company_size"]),
    # need_category
    ("Waar gaat het vooral over? Kies wat het best past, of vertel het in je eigen woorden.", ["need_category"]),
    ("Wat voor hulp zoek je?", ["need_category"]),
    ("Welke soort hulp past het best bij je?", ["need_category"]),
    # restatement and correction
    ("Als ik het goed begrijp, is je eigenlijke vraag: hoe vind je twee monteurs op mbo-niveau? Klopt dat?", ["question_confirmed"]),
    ("Als ik het goed begrijp, gooien jullie elke dag brood weg. Je eigenlijke vraag: hoe verspil je minder brood? Klopt dat?", ["question_confirmed"]),
    ("Ik vat het zo samen: jullie monteurs kennen warmtepompen niet. Heb ik het zo goed?", ["question_confirmed"]),
    ("Begrijp ik je goed dat het om restwarmte gaat?", ["question_confirmed"]),
    ('Wat klopt er niet? Zeg het in een paar woorden, bijvoorbeeld "het gaat om hbo\'ers" of "we zitten in Zwolle".', ["correction"]),
    ("Wat heb ik verkeerd begrepen?", ["correction"]),
    ("Hoe zit het dan wel?", ["correction"]),
    # options
    ('Welke spreekt je het meest aan? Kies er een, of "geen van deze" als een coördinator met je mee moet denken.', ["chosen_option"]),
    ("Welke van deze drie past het best?", ["chosen_option"]),
    ("Heb je een voorkeur?", ["chosen_option"]),
    # contact
    ("Zullen we je naam en e-mailadres bewaren, zodat een coördinator contact met je kan opnemen?", ["contact_consent"]),
    ("Mogen we je gegevens bewaren zodat iemand je kan bellen of mailen?", ["contact_consent"]),
    ("Wil je dat een coördinator contact met je opneemt, of sla ik je vraag anoniem op?", ["contact_consent"]),
    ("Wat is je naam en je e-mailadres? Een telefoonnummer mag erbij, dat hoeft niet.", ["contact_name", "contact_email", "contact_phone"]),
    ("Hoe heet je?", ["contact_name"]),
    ("Op welk e-mailadres kan de coördinator je bereiken?", ["contact_email"]),
    ('En je telefoonnummer? Dat mag je overslaan: typ dan "nee".', ["contact_phone"]),
    ("Op welk nummer kunnen we je bellen?", ["contact_phone"]),
    ("Wat is je naam, en hoe bereiken we je: e-mail of telefoon?", ["contact_name", "contact_email", "contact_phone"]),
    # continue: nothing thrown away without a yes
    ('Wil je stoppen? Kies dan "Stoppen". Anders beantwoord je gewoon de vraag.', ["continue"]),
    ("Dan begin je opnieuw en ben ik kwijt wat je al vertelde. Wil je dat?", ["continue"]),
    ("Weet je het zeker? Dan wis ik alles van dit gesprek.", ["continue"]),
]


@pytest.mark.parametrize("message, kinds", WORDINGS, ids=[w[0][:40] for w in WORDINGS])
def test_each_wording_is_read_as_its_kind(message: str, kinds: list) -> None:
    assert sorted(classify([message])) == sorted(kinds)


def test_every_kind_has_at_least_two_wordings() -> None:
    counted = {kind: 0 for kind in KINDS}
    for _, kinds in WORDINGS:
        for kind in kinds:
            counted[kind] += 1
    assert all(count >= 2 for count in counted.values()), counted


def test_the_question_is_read_from_the_last_message_that_asks_one() -> None:
    messages = [
        "Dank je! Hier zijn drie manieren waarop de samenwerking je kan helpen:",
        "1. Stageplek aanbieden\nEen student loopt stage in je bedrijf.\nWaarom: past bij je vraag.",
        "Welke spreekt je het meest aan? Kies er een.",
    ]
    assert classify(messages) == ["chosen_option"]
    # a statement after the question does not hide it; the example is left out
    assert question_text(['Hoe heet je bedrijf? Bijvoorbeeld "Bakkerij Jansen".']) == "hoe heet je bedrijf?"


def test_a_message_without_a_question_asks_only_what_it_requests() -> None:
    welcome = ("Hoi! Ik ben Vraagwijzer. Vertel in je eigen woorden wat er speelt. "
               "Je naam en e-mail bewaar ik alleen als je daar ja op zegt.")  # fmt: skip
    assert classify([welcome]) == ["problem"]
    assert classify(["Dank je. Je naam en e-mail bewaar ik niet."]) == []
    assert classify(["Ik heb je naam nog niet. Typ je naam en e-mailadres."]) == ["contact_name", "contact_email"]


def test_options_as_buttons_without_a_question_are_a_choice() -> None:
    buttons = [{"title": "1. Stageplek", "payload": "stageplek"}, {"title": "2. Bbl", "payload": "bbl_leerbaan"}]
    assert classify(["Hier zijn drie manieren:"], buttons) == ["chosen_option"]


def test_a_merged_question_gets_one_merged_answer() -> None:
    responder = Responder({"company_name": "Bakkerij Hoogland", "region": "Ede", "company_size": "12 man"})
    said, kinds, note = responder.answer(["Hoe heet je bedrijf, waar zitten jullie en met hoeveel mensen?"])
    assert kinds == ["company_name", "region", "company_size"]
    assert said == "Bakkerij Hoogland, Ede, 12 man" and note is None


def test_answers_in_turn_and_a_correction() -> None:
    responder = Responder({"question_confirmed": ["nee", "ja"], "correction": "het gaat om restwarmte"})
    assert responder.answer(["... hoe help je met duurzaamheid? Klopt dat?"])[0] == "nee"
    assert responder.answer(["Wat klopt er niet?"])[0] == "het gaat om restwarmte"
    assert responder.answer(["... hoe hergebruik je restwarmte? Klopt dat?"])[0] == "ja"


def test_what_cannot_be_placed_is_dont_know_and_recorded() -> None:
    said, kinds, note = Responder({}).answer(["Wat is je lievelingskleur?"])
    assert (said, kinds) == (DONT_KNOW, []) and note and "unclassified" in note


def test_a_preferred_option_is_pressed_by_id_or_title() -> None:
    buttons = [{"title": "Stageplek aanbieden", "payload": "stageplek"},
               {"title": "Bbl-leerbaan", "payload": "bbl_leerbaan"}]  # fmt: skip
    assert Responder({"chosen_option": "bbl_leerbaan"}).answer(["Welke kies je?"], buttons)[0] == "bbl_leerbaan"
    assert Responder({"chosen_option": "stageplek"}).answer(["Welke kies je?"], buttons)[0] == "stageplek"
    assert Responder({}).answer(["Welke kies je?"], buttons)[0] == "stageplek"


def test_the_same_question_three_times_gets_the_other_answer() -> None:
    responder = Responder({"question_confirmed": "jup"})
    for _ in range(2):
        assert responder.answer(["Klopt dat?"])[0] == "jup"
    said, _, note = responder.answer(["Klopt dat?"])
    assert said == "ja" and note and "3x" in note


def test_a_stuck_bot_offering_to_go_on_gets_doorgaan() -> None:
    buttons = [{"title": "Doorgaan waar we waren", "payload": "/inform"},
               {"title": "Opnieuw beginnen", "payload": "/restart"}]  # fmt: skip
    said, kinds, _ = Responder({}).answer(["Sorry, ik begrijp het nog steeds niet. Wat wil je doen?"], buttons)
    assert (said, kinds) == ("/inform", ["continue"])
    erase = [{"title": "Ja, wis alles", "payload": "/affirm"}, {"title": "Nee, toch niet", "payload": "/deny"}]
    assert Responder({}).answer(["Weet je het zeker? Dan wis ik alles."], erase)[0] == "/deny"


def test_closing_words() -> None:
    assert is_closing(["Je vraag is opgeslagen. Een coördinator bekijkt hem binnen twee werkdagen."])
    assert is_closing(["Je vraag staat klaar voor een coördinator."])
    assert not is_closing(["Wat gaat er nu mis?"])


def test_the_suite_never_reads_the_tracker_to_choose_an_answer() -> None:
    from pathlib import Path

    here = Path(__file__).resolve().parents[1] / "personas"
    for name in ("responder.py", "suite.py"):
        source = (here / name).read_text(encoding="utf-8")
        assert "requested_slot" not in source, name
        assert "tracker(" not in source and "import tracker" not in source, name
