"""The intake frame and the restatement (bot/intake): text in, frame out,
frame in, Dutch out; no Rasa."""

from __future__ import annotations

import re

import pytest
import yaml

from bot.intake import antecedents, dutch, frame, questions, writing
from bot.intake.frame import Frame
from tests.e2e.servers import ROOT

PHRASES = yaml.safe_load((ROOT / "domain.yml").read_text("utf-8"))["responses"][
    "utter_restatement_phrases"
][0]["custom"]


@pytest.mark.parametrize(
    "text, problem, lead",
    [
        ("ik vind al maanden geen monteurs", "je vindt al maanden geen monteurs",
         "vind je al maanden geen monteurs"),
        ("We gooien elke dag brood weg.", "jullie gooien elke dag brood weg",
         "gooien jullie elke dag brood weg"),
        ("Onze lasrobot maakt te veel fouten", "jullie lasrobot maakt te veel fouten",
         "maakt jullie lasrobot te veel fouten"),
        ("de opleiding autotechniek leert niks over elektrische auto's",
         "de opleiding autotechniek leert niks over elektrische auto's",
         "leert de opleiding autotechniek niks over elektrische auto's"),
        ("ik kan geen goede lassers vinden", "je kunt geen goede lassers vinden",
         "kun je geen goede lassers vinden"),
        # held-out 39th: "vooral" belongs to the subject (was "lopen niet
        # vooral de elektrische")
        ("vooral de elektrische lopen niet", "vooral de elektrische lopen niet",
         "lopen vooral de elektrische niet"),
    ],
)  # fmt: skip
def test_the_problem_is_said_back_in_the_second_person(text, problem, lead):
    read = frame.read(text)
    assert read.problem == problem
    assert read.problem_lead == lead


@pytest.mark.parametrize(
    "text, goal",
    [
        ("We willen minder brood weggooien", "minder brood weggooien"),
        ("we zoeken twee monteurs", "twee monteurs vinden"),
        ("ik ben op zoek naar een stagiair", "een stagiair vinden"),
        # long enough to be pasted: asked as "hoe kunnen de monteurs ..."
        ("we willen dat de monteurs aan elektrische auto's kunnen werken",
         "de monteurs moeten aan elektrische auto's kunnen werken"),
        # one person's "kan" becomes "kunnen" after "moet" (held-out 33rd)
        ("we willen dat rick over een jaar zelf een project kan draaien",
         "Rick moet over een jaar zelf een project kunnen draaien"),
    ],
)  # fmt: skip
def test_the_goal_is_a_phrase_a_question_can_hold(text, goal):
    assert frame.read(text).goal == goal


@pytest.mark.parametrize(
    "text, asked, part, value",
    [
        ("minder gas verbruiken", "goal", "goal", "minder gas verbruiken"),
        ("de monteurs moeten straks ook aan e-auto's kunnen werken", "goal", "goal",
         "de monteurs moeten straks ook aan e-auto's kunnen werken"),
        ("de klant krijgt sneller antwoord", "goal", "goal",
         "dat de klant sneller antwoord krijgt"),
        ("we hebben al stagiairs gehad", "goal", "tried", "jullie hebben al stagiairs gehad"),
        ("weet ik niet", "goal", "goal", ""),
        ("geen idee", "problem", "problem", ""),
    ],
)  # fmt: skip
def test_an_answer_to_a_probe_is_that_part_unless_it_says_another(
    text, asked, part, value
):
    assert getattr(frame.read_answer(text, asked), part) == value


@pytest.mark.parametrize(
    "text",
    ["we hebbn een instalatiebedrijf in zwole", "met je vraag over jullie",
     "ok", "haha ja", "qwrtz vlkjh werkt niet"],
)  # fmt: skip
def test_nothing_unclean_becomes_a_problem(text):
    read = frame.read(text)
    for word in ("hebbn", "zwole", "qwrtz", "vlkjh"):
        assert word not in read.problem + read.goal
    assert read.problem in ("", "jullie hebben een installatiebedrijf in zwolle")


def test_typos_are_corrected_before_they_are_used():
    assert (
        frame.read("we vinden geen monteuurs").problem == "jullie vinden geen monteurs"
    )


def test_a_dropped_final_n_is_read_back_first():
    # "schone" is one letter away too, but chat Dutch drops the n
    read = frame.read_answer("ik heb 2 schole gebeld", "tried")
    assert read.tried == "je hebt 2 scholen gebeld"


@pytest.mark.parametrize(
    "typed, written",
    [("krijgn", "krijgen"), ("hebbn", "hebben"), ("begine", "beginnen"),
     ("schole", "scholen")],
)  # fmt: skip
def test_a_dropped_e_or_n_is_read_back_first(typed, written):
    # pyspellchecker's likeliest word one letter away is "krijg", "begin".
    assert dutch.cleaned(typed) == written


def test_a_trade_loanword_is_no_typo():
    # "een vegen drop" was said back for vegan drop
    assert dutch.cleaned("vegan") == "vegan"
    assert dutch.cleaned("socials") == "socials"  # was "sociale"


def test_a_chat_doubt_at_the_end_is_left_out():
    read = frame.read_answer("er bestaat geen opleiding voor kitter geloof k", "problem")
    assert read.problem_lead == "bestaat er geen opleiding voor kitter"


def test_a_name_typed_small_gets_its_capital():
    assert frame.read_answer("dat henk les geeft op school", "goal").goal == (
        "dat Henk les geeft op school"
    )


def test_a_chat_infinitive_is_read_back_in_full():
    assert frame.read("er zijn geen kaasmakers te krijgn").problem_lead == (
        "zijn er geen kaasmakers te krijgen"
    )


@pytest.mark.parametrize(
    "typed, lead",
    [("onze monteurs zijn goed maar weten niks van warmtepompen",
      "weten jullie monteurs niks van warmtepompen"),
     ("de stagiairs die we krijgen maken mooie plaatjes maar kunnen geen klantgesprek voeren",
      "kunnen de stagiairs geen klantgesprek voeren")],
)  # fmt: skip
def test_a_clause_after_maar_keeps_the_subject_it_shares(typed, lead):
    assert frame.read(typed).problem_lead == lead


def test_a_filler_goes_before_a_phrase_that_carries_the_meaning():
    # eight words of theirs would be a pasted sentence; "in de opleiding" is the point
    assert (
        frame.read_answer(
            "dat er weer wat restauratie in de opleiding zit, zoiets", "goal"
        ).goal
        == "dat er wat restauratie in de opleiding zit"
    )


def test_asking_how_others_find_people_says_that_it_is_hard():
    read = frame.read(
        "Hoe komen andere kleine bureaus aan jonge mensen die met GIS kunnen werken?"
    )
    assert read.problem_lead == "is het lastig om aan jonge mensen te komen"


@pytest.mark.parametrize(
    "typed, lead",
    [("we groeien maar vinden geen systeembeheerders", "vinden jullie geen systeembeheerders"),
     ("vinden geen monteurs", "vinden jullie geen monteurs"),
     ("dan staat de pers stil", "staat de pers stil")],
)  # fmt: skip
def test_a_dropped_we_before_the_object_is_put_back(typed, lead):
    assert frame.read_answer(typed, "problem").problem_lead == lead


def test_a_time_goes_before_the_point_of_a_goal():
    said = "een plan om binnen een paar jaar zonder gas te telen, bv met een warmtepomp"
    assert frame.read_answer(said, "goal").goal == "een plan om zonder gas te telen"


def test_a_question_after_en_is_asked_not_said():
    read = frame.read(
        "Kunnen we meedenken over wat ze leren? En wie zit er achter deze site?"
    )
    assert read.problem == "" and read.problem_lead == ""


def test_maar_inside_a_relative_clause_goes_on_with_it():
    # "geen diploma hebben" has no subject of its own: not "hebben geen diploma"
    read = frame.read(
        "Ik heb een paar mannen die al 20 jaar het vak doen maar geen diploma hebben."
    )
    assert "hebben geen diploma" not in read.problem_lead


def test_a_denied_phrase_after_maar_stays_with_the_clause_it_contrasts():
    # "weten je ploegbazen alles van de gasoven" alone says the opposite
    assert frame.sentences(
        "mijn ploegbazen weten alles van de gasoven maar van de nieuwe besturing niks"
    ) == ["mijn ploegbazen weten alles van de gasoven maar van de nieuwe besturing niks"]


@pytest.mark.parametrize(
    "typed, lead",
    [("de oude oven stook je op gevoel en ervaring, kijken naar de kleur van de steen",
      "stook je de oude oven op gevoel en ervaring"),
     ("de klanten bellen je niet terug", "bellen de klanten je niet terug")],
)  # fmt: skip
def test_a_fronted_object_before_je_goes_after_it(typed, lead):
    # "stook de oude oven je op gevoel en kijken ervaring naar ..." was said
    # back (23rd set); "ervaring, kijken" is no subject and its verb
    assert frame.read_answer(typed, "problem").problem_lead == lead


@pytest.mark.parametrize(
    "typed, lead",
    [("de mbo'ers die hier binnenkomen weten niks van telefonie",
      "weten de mbo'ers die hier binnenkomen niks van telefonie"),
     ("de jongens die we krijgen kunnen niet lassen",
      "kunnen de jongens die jullie krijgen niet lassen"),
     ("het systeem dat we gebruiken is oud", "is het systeem dat jullie gebruiken oud")],
)  # fmt: skip
def test_a_subject_with_a_relative_clause_is_said_back_whole(typed, lead):
    # 24th set: nothing was said back, the relative verb stood in the way
    assert frame.problem_clause(typed)[1] == lead


def test_a_list_of_bare_words_is_no_clause_to_say_back():
    # held-out 39th: was "Als ik het goed begrijp, doorverkopen keuren herverpakken"
    assert frame.problem_clause("keuren, herverpakken, doorverkopen, nooit gehad") == (
        "",
        "",
    )


def test_a_wish_said_first_to_the_problem_question_leaves_the_next_clause_the_problem():
    read = frame.read_answer(
        "ik wil dat mijn mensen bijleren. ze snappen de nieuwe machine niet", "problem"
    )
    assert read.problem_lead == "snappen je mensen de nieuwe machine niet"
    assert read.goal == "dat je mensen bijleren"


def test_a_phrase_with_van_after_it_is_not_cut_from_its_noun():
    # 17th set: "zoek je mensen van tenten in het seizoen"
    said = "ik zoek mensen voor de opbouw van tenten in het seizoen, heel veel werk"
    assert "voor de opbouw van tenten" in frame.unspliced(
        "zoek je mensen voor de opbouw van tenten in het seizoen", said
    )


@pytest.mark.parametrize(
    "said, goal",
    [("dat er iemand is die het vak van rien overneemt voor hij weg is",
      "dat iemand het vak van rien overneemt"),
     ("dat er een leerling komt die blijft", "dat een leerling blijft"),
     ("dat er weer iemand is die ik kan bellen", "dat er weer iemand is die je kunt bellen")],
)  # fmt: skip
def test_someone_who_is_there_is_said_as_someone_who_does(said, goal):
    # held-out 29th: "wil je dat er iemand is", the rest cut off
    assert frame.read_answer(said, "goal").goal == goal


def test_a_clause_that_opens_with_a_phrase_after_en_is_a_clause_of_its_own():
    # held-out 29th: "staat je al 4 maanden online", the vacancy lost
    read = frame.read_answer(
        "rien gaat volgend jaar met pensioen en op de vacature reageert niemand",
        "problem",
    )
    assert read.problem_lead == "reageert niemand op de vacature"
    assert frame.sentences("we zoeken iemand voor de winkel en voor de website") == [
        "we zoeken iemand voor de winkel en voor de website"
    ]
    assert frame.read_answer(
        "ik weet gewoon niet wat er allemaal kan en bij wie ik moet zijn", "problem"
    ).problem_lead == "weet je niet wat er kan en bij wie je moet zijn"


def test_maar_before_a_part_is_only_no_but():
    # 12th set: "en vangt de zuivering die jullie hebben", cut at "maar"
    read = frame.read_answer(
        "per auto gaat er zo 150 liter doorheen, de zuivering die we hebben vangt "
        "maar een deel op", "problem",
    )  # fmt: skip
    assert read.problem_lead.endswith("vangt de zuivering die jullie hebben maar een deel op")


def test_an_infinitive_before_is_is_no_verb_with_a_dropped_subject():
    # held-out 29th: "doorsturen jullie is niet genoeg" was said back
    read = frame.read("Alleen doorsturen is niet genoeg, ik wil één vast iemand")
    assert "jullie is" not in read.problem_lead


def test_een_with_one_accent_and_words_with_on_are_dutch():
    # 20th set: "dat t ongekoeld 3 maanden goed blijft" was no goal at all
    assert frame.read_answer(
        "dat t ongekoeld 3 maanden goed blijft zonder dat de smaak dood gaat", "goal"
    ).goal == "dat het ongekoeld 3 maanden goed blijft"
    assert frame.read_answer("Eén plek voor alles", "goal").goal.startswith("één plek")


def test_a_must_inside_a_subclause_does_not_let_a_copy_through():
    # 12th set: "één iemand die zegt wat er geregeld moet worden" was said
    # back whole, a run of eight of their words
    said = "Eén iemand die zegt wat er geregeld moet worden, zodat hij kan beginnen."
    assert not frame.copies(frame.read_answer(said, "goal").goal, said)


@pytest.mark.parametrize(
    "typed, lead",
    [("dus die restaurants haken af", "haken die restaurants af"),
     ("en met gasten omgaan leren ze ook niet", "leren ze ook niet met gasten omgaan"),
     ("seniors willen allemaal naar de grote jongens of naar de randstad, wij kunnen "
      "dat salaris gewoon niet betalen",
      "willen seniors naar de grote jongens en kunnen jullie dat salaris niet betalen")],
)  # fmt: skip
def test_thirtieth_set_problems_are_said_back_in_whole_clauses(typed, lead):
    # held-out 30th: "gaat het om die restaurants haken af", "willen senior naar
    # de grote jongens of en kunnen jullie ..."
    assert frame.read_answer(typed, "problem").problem_lead == lead


def test_a_wish_set_aside_is_no_problem():
    # held-out 30th: "Als ik het goed begrijp, zoek je geen chemicus."
    assert frame.read("ik zoek eigenlijk geen chemicus, het gaat om de les").problem == ""


def test_a_question_typed_without_its_e_is_no_problem_said():
    # held-out 30th: "gaat het om moeten jullie een laadplein bouwen of niet"
    assert frame.read("moetn wij nou een laadplein bouwen of niet").problem == ""


def test_people_are_read_with_whose_they_are():
    assert frame.read("onze schoonmakers lezen slecht Nederlands").who == (
        "jullie schoonmakers"
    )
    assert frame.read("ik vind geen monteurs").who == "monteurs"


def test_a_correction_replaces_only_what_it_states():
    held = Frame(problem="je vindt geen monteurs", problem_lead="vind je geen monteurs",
                 goal="twee monteurs vinden")  # fmt: skip
    newer = frame.read("we willen eigenlijk drie lassers vinden")
    merged = held.merged(newer)
    assert merged.problem == held.problem and merged.problem_lead == held.problem_lead
    assert merged.goal == "eigenlijk drie lassers vinden" or merged.goal.endswith(
        "drie lassers vinden"
    )


RESTATED = [
    ("onderwijs_invloed",
     "De opleiding autotechniek leert niks over elektrische auto's. De monteurs "
     "moeten straks ook aan elektrische auto's kunnen werken.",
     "Als ik het goed begrijp, leert de opleiding autotechniek niks over "
     "elektrische auto's. Je eigenlijke vraag: hoe kunnen de monteurs straks ook "
     "aan elektrische auto's werken?"),
    ("leven_lang_ontwikkelen", "mijn personeel moet bijgeschoold worden",
     "Als ik het goed begrijp, moet je personeel bijgeschoold worden. Je eigenlijke "
     "vraag: hoe leer je je personeel wat daarvoor nodig is?"),
    ("innovatie", "We gooien elke dag brood weg. We willen minder brood weggooien.",
     "Als ik het goed begrijp, gooien jullie elke dag brood weg. Je eigenlijke vraag: "
     "hoe kunnen jullie minder brood weggooien?"),
    ("talent", "ik vind al maanden geen monteurs",
     "Als ik het goed begrijp, vind je al maanden geen monteurs. Je eigenlijke vraag: "
     "hoe vind je monteurs?"),
    ("innovatie", "Onze lasrobot maakt te veel fouten. We willen minder afkeur.",
     "Als ik het goed begrijp, maakt jullie lasrobot te veel fouten. Je eigenlijke "
     "vraag: hoe zorg je voor minder afkeur?"),
]  # fmt: skip


@pytest.mark.parametrize(
    "need, topic, question",
    [("innovatie", "parafine",
      "hoe voorkom je dat de kaarsen met koolzaadwas scheuren?"),
     ("leven_lang_ontwikkelen", "gast",
      "hoe leer je nieuwe medewerkers wat ze hiervoor nodig hebben?"),
     ("kennis_netwerk", "kaarsen",
      "waar haal je de kennis hierover, en welke ondernemers en experts kun je "
      "erover spreken?"),
     # a topic of more words says what to try
     ("innovatie", "3d printen",
      "hoe kunnen studenten of onderzoekers je helpen met 3d printen?")],
)  # fmt: skip
def test_after_the_problem_the_question_points_at_it_not_at_a_noun_of_it(
    need, topic, question
):
    problem = Frame(problem_lead="scheuren de kaarsen met koolzaadwas")
    said = writing.restatement(problem, need, PHRASES, {"topic": topic})
    assert said.endswith(f"Je eigenlijke vraag: {question}")


@pytest.mark.parametrize(
    "answer, lead",
    [("de gasopbrengst schommelt enorm", "schommelt de gasopbrengst enorm"),
     ("de helft van mijn mensen is er bang voor",
      "is de helft van je mensen er bang voor")],
)  # fmt: skip
def test_a_verb_the_tagger_missed_and_fear_are_what_goes_wrong(answer, lead):
    assert frame.read(answer).problem_lead == lead


def test_no_problem_said_is_no_problem():
    opening = "beetje een rare vraag misschien, ik heb niet echt een probleem haha"
    assert frame.read(opening).problem == ""
    answer = "ik heb niet echt een probleem haha"
    assert frame.read_answer(answer, "problem").problem == ""


def test_a_must_that_points_back_is_a_burden_not_a_goal():
    read = frame.read("dat moeten wij ze allemaal zelf leren")
    assert read.goal == ""
    assert frame.kind_of("dat moeten wij ze allemaal zelf leren") == "problem"


@pytest.mark.parametrize("need, text, expected", RESTATED)
def test_the_restatement_names_the_problem_then_the_question(need, text, expected):
    assert writing.restatement(frame.read(text), need, PHRASES, {}) == expected


@pytest.mark.parametrize("need, text, expected", RESTATED)
def test_every_restatement_is_short_second_person_and_never_pasted(
    need, text, expected
):
    said = writing.restatement(frame.read(text), need, PHRASES, {})
    assert len(said.split()) + 2 <= writing.MAX_WORDS  # with "Klopt dat?"
    own = said.replace("Als ik het goed begrijp,", "")
    assert not re.search(r"\b(?:ik|we|wij|mijn|onze)\b", own, re.IGNORECASE)
    tokens = re.findall(r"\w+", text.lower())
    flat = " ".join(re.findall(r"\w+", said.lower()))
    for start in range(len(tokens) - 7):
        assert " ".join(tokens[start : start + 8]) not in flat


@pytest.mark.parametrize(
    "answer, lead",
    [("we moeten werk weigeren want er zijn geen vlechters te vinden",
      "moeten jullie werk weigeren en zijn er geen vlechters te vinden"),
     ("we moeten klanten doorsturen naar de dealer",
      "moeten jullie klanten doorsturen naar de dealer")],
)  # fmt: skip
def test_a_must_said_to_the_problem_probe_is_the_problem(answer, lead):
    read = frame.read_answer(answer, "problem")
    assert read.problem_lead == lead
    assert read.goal == ""


def test_a_must_said_to_the_goal_probe_stays_the_goal():
    read = frame.read_answer("de monteurs moeten veilig kunnen werken", "goal")
    assert read.goal == "de monteurs moeten veilig kunnen werken"


def test_a_trade_word_that_ends_a_listed_compound_is_no_typo():
    # "vlechters" is in neither word list as such; OpenTaal has "betonvlechters".
    assert frame.read("er zijn geen vlechters te vinden").problem_lead == (
        "zijn er geen vlechters te vinden"
    )


@pytest.mark.parametrize(
    "answer, goal",
    [("een seintje krijgen voordat een koe echt ziek is",
      "een seintje krijgen voordat een koe ziek is"),
     ("iemand die voor mij loopt en regelt met de school",
      "iemand die voor je loopt en regelt met de school"),
     ("we zijn met 30 man, in Valkenburg", ""),
     # no goal: what happened, a "not" ("hoe vind je geen ..."), a verb cut
     # back to itself, what the company is, a time
     ("vorig jaar zijn er 9 weggegaan", ""),
     ("we willen geen extra stagiairs", ""),
     ("we zijn koeriers, 12 busjes", ""),
     # (the time "over een jaar of 2" is stored apart: the rest is the goal)
     ("over een jaar of 2 een tweede ploeg met een eigen voorman",
      "een tweede ploeg met een eigen voorman"),
     # a thing and a verb in -en is what to do
     ("ideeën opdoen bij andere koks", "ideeën opdoen bij andere koks"),
     ("kosten besparen op energie", "kosten besparen op energie"),
     # a listed word is no typo, however short
     ("testen of een drone werkt", "testen of een drone werkt"),
     ("één contactpersoon voor alle scholen", "één contactpersoon voor alle scholen"),
     # a cut never leaves a clause opener or a dat-clause without its verb
     ("weten of zo'n drone die ramen wast het goed genoeg doet, of het mag van de gemeente", ""),
     # a dat-clause too long to say as typed is said as a must, in the bot's
     # own word order; two clauses stay unsaid
     ("dat de ploegbazen zelf de wapening uit het model halen op de bouwplaats",
      "de ploegbazen moeten zelf de wapening halen uit het model op de bouwplaats"),
     ("dat de opleiding meer met echte klanten en deadlines werkt",
      "de opleiding moet meer werken met echte klanten en deadlines"),
     ("dat waterbehandeling en zwembadtechniek een plek krijgen in de opleiding",
      "waterbehandeling en zwembadtechniek moeten een plek in de opleiding krijgen"),
     # a question they want answered is asked as one
     ("horen wat andere winkels en de hogeschool weten, ideeën opdoen",
      "wat weten andere winkels en de hogeschool?"),
     ("weten waar de zwakke plekken zitten en die dichten voor de audit",
      "waar zitten de zwakke plekken, en hoe kun je die dichten voor de audit?"),
     ("weten waar ik een jongen kan laten opleiden tot dakdekker en wie dat regelt",
      "waar kun je een jongen laten opleiden tot dakdekker, en wie regelt dat?"),
     ("dat de installatie zelf ziet of de grond nat genoeg is",
      "de installatie moet zelf zien of de grond nat genoeg is"),
     # eight words as typed, said whole with its number written out
     ("dat minstens 2 monteurs veilig aan elektrische en hybride autos mogen werken",
      "dat minstens twee monteurs veilig aan elektrische en hybride auto's mogen werken"),
     # "moeten" agrees with its subject
     ("dat elke wijkverpleegkundige de techniek zelf met cliënten kan inzetten",
      "elke wijkverpleegkundige moet de techniek zelf met cliënten kunnen inzetten"),
     # someone more: "hoe kun je er 1 jonge jongen bij" had no verb
     ("wil er 1 jonge jongen bij", "1 jonge jongen erbij krijgen")],
)  # fmt: skip
def test_the_goal_answer_is_read_by_its_main_clause(answer, goal):
    assert frame.read_answer(answer, "goal").goal == goal


def test_a_clause_after_a_comma_with_its_own_subject_is_read_apart():
    read = frame.read("elk loket stuurt me door naar een ander, er gebeurt niks")
    assert read.problem_lead == "stuurt elk loket je door naar een ander"


@pytest.mark.parametrize(
    "answer, lead",
    [
        ("Nieuwe CO2 installaties durven ze niet aan.",
         "durven ze nieuwe CO2 installaties niet aan"),
        ("De nieuwe schimmelresistente rassen kennen we nog te slecht.",
         "kennen jullie de nieuwe schimmelresistente rassen nog te slecht"),
        ("Een goede planner heb ik niet.", "heb je een goede planner niet"),
        # "ze" after an article's noun may be the object: the order stays
        ("De klanten bellen ze niet terug.", "bellen de klanten ze niet terug"),
        # ... unless only a person can do what the verb says
        ("de wft-regels kennen ze niet uit de praktijk",
         "kennen ze de wft-regels niet uit de praktijk"),
    ],
)  # fmt: skip
def test_an_object_said_first_goes_after_the_pronoun_that_is_the_subject(answer, lead):
    assert frame.read_answer(answer, "problem").problem_lead == lead


@pytest.mark.parametrize(
    "answer, problem, goal",
    [("mensen boeken alles zelf online", "mensen boeken alles zelf online", ""),
     ("de assistenten twijfelen bij de telefoontriage",
      "de assistenten twijfelen bij de telefoontriage", ""),
     # a thing, or a verb at the end: what they want to do
     ("minder energie verbruiken in de productie", "",
      "minder energie verbruiken in de productie"),
     ("nieuwe mensen opleiden", "", "nieuwe mensen opleiden")],
)  # fmt: skip
def test_people_before_a_verb_are_its_subject_not_an_infinitive_phrase(
    answer, problem, goal
):
    read = frame.read_answer(answer, "problem")
    assert (read.problem, read.goal) == (problem, goal)


@pytest.mark.parametrize(
    "answer, lead",
    [("wachtlijst is 7 weken", "is de wachtlijst 7 weken"),
     ("netbeheerder zegt nee", "zegt de netbeheerder nee"),
     ("werk blijft liggen", "blijft het werk liggen"),
     ("leverancier zegt meer maïs erbij", "zegt de leverancier meer maïs erbij"),
     ("gast met notenallergie kreeg taart met hazelnootmeel",
      "kreeg de gast met notenallergie taart met hazelnootmeel"),
     # a name, a plural, a pronoun: no article
     ("Jan is weg", "is Jan weg"),
     ("monteurs zijn op", "zijn monteurs op"),
     ("alles gaat met de hand", "gaat alles met de hand")],
)  # fmt: skip
def test_a_subject_typed_without_its_article_gets_it_back(answer, lead):
    assert frame.read_answer(answer, "problem").problem_lead == lead


def test_a_list_before_a_new_subject_stays_in_the_first_clause():
    said = (
        "we krijgen vragen over isoleren en zonnepanelen en mijn verkopers staan stil"
    )
    assert dutch.sentences(said) == [
        "we krijgen vragen over isoleren en zonnepanelen",
        "mijn verkopers staan stil",
    ]


def test_an_infinitive_before_a_dat_clause_is_asked_as_one():
    question = writing.real_question(
        Frame(goal="helpen dat ze dat wel leren"),
        "onderwijs_invloed",
        PHRASES["frame"],
        {},
    )
    assert question == "hoe kun je helpen dat ze dat wel leren"


@pytest.mark.parametrize(
    "said, restated",
    [("studenten die elk jaar in de zomer terugkomen", "studenten die elk jaar terugkomen"),
     ("jongeren die elke dag met plezier op de bouw werken",
      "jongeren die elke dag met plezier werken"),
     # cut before its verb, a relative clause goes whole
     ("monteurs die zelf aan de slag kunnen met de nieuwe warmtepompen", "monteurs"),
     # a question clause with its verb stays ("weglekt")
     ("weten waar de energie weglekt en met sensoren slimmer regelen",
      "weten waar de energie weglekt"),
     # "oefent", tagged a noun, is the dat-clause's verb
     ("dat de opleiding meer oefent met groepen en echte situaties uit de opvang",
      "dat de opleiding meer oefent met groepen"),
     # the "en" before a phrase left out goes with it; "zaterdags" is no verb
     ("paar vaste studenten die zaterdags en in de zomer komen",
      "paar vaste studenten die zaterdags komen"),
     # "bij welke vraag" can go; "die weet" alone says nothing
     ("1 iemand die weet welke school bij welke vraag past en me doorverbindt",
      "1 iemand die weet welke school past en me doorverbindt"),
     # words of extent go before the point does ("met de hand"), and no cut
     # ends in "in plaats" (5th set: "nog grotendeels.", "in plaats.")
     ("maken kronen en bruggen nog grotendeels met de hand",
      "maken kronen en bruggen met de hand"),
     ("dat mijn mensen klanten gaan adviseren in plaats van boekingen invoeren",
      "dat mijn mensen klanten gaan adviseren")],
)  # fmt: skip
def test_a_long_goal_is_shortened_into_whole_dutch(said, restated):
    assert frame.unspliced(said, said) == restated


def test_words_quoted_after_zegt_are_what_to_do():
    # "hoe kan dit je bij die school doen en dat bij die" was the question
    said = frame.read_answer(
        "gewoon 1 iemand die zegt: dit moet je bij die school doen en dat bij die",
        "goal",
    )
    assert said.goal == "1 iemand die zegt wat je moet doen"


def test_a_wish_is_said_without_the_subclause_it_hangs_on():
    said = "dat die scheurtjes eruit gaan voordat ze ingepakt worden"
    assert frame.restated_goal(said, said) == "dat die scheurtjes eruit gaan"


@pytest.mark.parametrize(
    "answer, lead",
    [("we gooien veel kunststof weg bij het spuitgieten, aanloopproducten en spruen",
      "gooien jullie veel kunststof weg bij het spuitgieten"),
     ("ik rij zelf ook en heb geen tijd om te bellen",
      "rijd je zelf ook en hebt geen tijd om te bellen")],
)  # fmt: skip
def test_lists_stay_out_and_a_second_verb_agrees(answer, lead):
    assert frame.read_answer(answer, "problem").problem_lead == lead


def test_a_plural_noun_in_second_place_is_no_verb():
    # "tankwagens" after "elke week" is no verb to put first
    assert (
        frame.read_answer(
            "elke week tankwagens vol wei die we moeten laten ophalen", "problem"
        ).problem_lead
        == ""
    )


def test_a_correction_that_says_what_it_is_not_gives_what_it_is():
    read = frame.read(
        "het gaat niet om lassers opleiden maar om onderzoek naar waarom de lasnaad scheurt"
    )
    assert read.problem == ""
    assert read.goal == "onderzoek naar waarom de lasnaad scheurt"


@pytest.mark.parametrize(
    "text, lead",
    [("Bij een nieuwe staalsoort krijgen we scheurtjes in de lasnaden, en we snappen "
      "niet waarom.", "krijgen jullie bij een nieuwe staalsoort scheurtjes in de lasnaden"
      " en snappen jullie niet waarom"),
     ("klanten vragen steeds vaker naar AI. we weten niet goed wat we ermee moeten",
      "vragen klanten steeds vaker naar AI en weten jullie niet goed wat jullie ermee"
      " moeten"),
     ("we weten niet goed wat we ermee moeten", ""),
     ("we hebben een bakkerij en we weten het niet", ""),
     ("ik weet niet wie wat doet", "weet je niet wie wat doet")],
)  # fmt: skip
def test_a_clause_that_points_elsewhere_is_said_back_only_after_what_it_points_at(
    text, lead
):
    assert frame.read(text).problem_lead == lead


@pytest.mark.parametrize(
    "answer", ["binnen een half jaar, 2 uur per week", "een half jaar"]
)
def test_a_time_is_no_goal(answer):
    assert frame.read_answer(answer, "goal").goal == ""


def test_a_long_goal_keeps_its_main_part_and_loses_its_double_modal():
    read = frame.read_answer(
        "het restmateriaal weer in de machine kunne gebruiken zonder dat de kwaliteit "
        "omlaag gaat", "goal",
    )  # fmt: skip
    assert read.goal == "het restmateriaal weer in de machine kunnen gebruiken"
    assert writing.real_question(read, "innovatie", PHRASES["frame"], {}) == (
        "hoe kun je het restmateriaal weer in de machine gebruiken"
    )


def test_a_long_clause_is_not_cut_at_a_demonstrative():
    # "die materialen": cut there, the problem would lose its "niet".
    read = frame.read_answer(
        "ik ken de regels en de bouwfysica van die materialen niet goed genoeg",
        "problem",
    )
    assert "niet" in read.problem_lead or read.problem_lead == ""


@pytest.mark.parametrize(
    "answer, goal",
    [("jaren meebouwen aan het onderwijs en vaste opdrachten leveren",
      "jaren meebouwen en vaste opdrachten leveren"),
     ("de monteurs kunnen zelf storingen oplossen",
      "dat de monteurs zelf storingen kunnen oplossen")],
)  # fmt: skip
def test_an_infinitive_first_is_no_main_clause_and_a_modal_stays_before_its_verb(
    answer, goal
):
    assert frame.read_answer(answer, "goal").goal == goal


@pytest.mark.parametrize(
    "text", ["waar moet ik zijn voor stagiairs en bijscholing",
             "we zitten in Kampen, niet in Zwolle",
             # a means asked for: what goes wrong is still to be asked
             "kunnen studenten een app maken voor onze overdracht?"]
)  # fmt: skip
def test_a_question_or_the_company_s_place_is_no_problem_or_goal(text):
    read = frame.read(text)
    assert (read.problem, read.problem_lead, read.goal) == ("", "", "")


def test_a_comma_before_nu_starts_a_clause():
    assert (
        frame.read(
            "we willen onze voorraad slimmer beheren, nu gaat veel over de datum"
        ).goal
        == "jullie voorraad slimmer beheren"
    )


@pytest.mark.parametrize(
    "answer, lead",
    [
        # chat spellings are read as written Dutch before they are tagged
        ("mn stratenmakers zitten allemaal met kapotte knieen",
         "zitten je stratenmakers met kapotte knieën"),
        # a number or a possessive opens a subject, not an infinitive phrase
        ("2 van mn beste mannen zitten al maanden ziek thuis met knieen en rug, "
         "en de rest is boven de 50",
         "zitten 2 van je beste mannen al maanden ziek thuis met knieën en rug"),
        # a time said first moves behind the subject
        ("vorig jaar was er gedrang bij de ingang, gelukkig liep het goed af",
         "was er vorig jaar gedrang bij de ingang"),
        # a period inside a number ends no sentence
        ("Vorige maand hebben we bijna 14.000 euro overgemaakt op een nepfactuur",
         "hebben jullie vorige maand bijna 14.000 euro overgemaakt"),
        # "geen idee bij welke ..." is "weet niet bij welke ..."
        ("maar geen idee bij welke school ik moet aankloppen",
         "weet je niet bij welke school je moet aankloppen"),
        # a verb without its "ik" gets it back
        ("in utrecht had ik een vast contact, hier kom ik nergens binnen",
         "kom je hier nergens binnen"),
        # "ken" is singular, though it ends in -en
        ("we zijn net verhuisd naar Goes en ken hier geen enkele school",
         "ken je hier geen enkele school"),
        # "wij" shared by a second verb that agrees with it
        ("wij hebben een particuliere meldkamer en krijgen de nachten niet rond",
         "krijgen jullie de nachten niet rond"),
        # a bare noun after a verb in -en is its object, not a wish
        ("krijgen claims van de super. eieren met haarscheurtjes in de doosjes",
         "krijgen jullie claims van de super"),
        ("gaan klanten weg", "gaan klanten weg"),
        # a second main clause after a comma is read apart
        ("klanten worden steeds ouder, jongeren kopen online of lezen niet",
         "worden klanten steeds ouder"),
        # a short abbreviation is written as one
        ("leerlingen hebben nog nooit achter een cnc gestaan",
         "hebben leerlingen nog nooit achter een CNC gestaan"),
        # "t" is "het", and after a modal it is no subject
        ("we kunnen t niet betalen zonder steun",
         "kunnen jullie het niet betalen zonder steun"),
        ("kan t niet betalen zonder steun", "kun je het niet betalen zonder steun"),
        # a comma before a clause with its own subject and verb ends a clause
        ("onze gasrekening is nie meer te betalen, de ovens staan de hele nacht aan",
         "is jullie gasrekening niet meer te betalen"),
    ],
)  # fmt: skip
def test_chat_dutch_is_read_into_a_clean_problem(answer, lead):
    assert frame.read_answer(answer, "problem").problem_lead == lead


@pytest.mark.parametrize(
    "said",
    [
        "je kent de regels en de bouwfysica van die materialen niet goed genoeg",
        "we hebben geen idee hoe we de bouwfysica van al die materialen moeten toetsen",
    ],
)
def test_a_cut_never_leaves_out_the_not(said):
    lead = frame.read_answer(said, "problem").problem_lead
    assert not lead or re.search(r"\b(?:niet|geen)\b", lead)


def test_what_a_correction_says_it_is_not_about_names_no_one():
    read = frame.read(
        "nee geen studenten voor de zomer, ik wil jongens die het vak leren"
    )
    assert read.who == ""
    assert "studenten" not in read.problem_lead


def test_extra_hands_for_a_season_is_seasonal_but_a_summer_deadline_is_not():
    assert "seasonal" in frame.situations(
        Frame(), "talent", "Voor de zomer heb ik extra handen nodig op de camping"
    )
    assert "seasonal" not in frame.situations(
        Frame(who="monteurs"), "talent", "Voor de zomer wil ik een monteur erbij"
    )
    # a florist's peaks
    assert "seasonal" in frame.situations(
        Frame(), "talent", "rond moederdag en valentijn verzuipen we gewoon haha"
    )


@pytest.mark.parametrize(
    "said",
    ["Goedemorgen, ik heb een vraag maar weet niet of ik hier goed zit.",
     "ik weet eigenlijk niet goed hoe ik het moet formuleren",
     "lol ik weet eigenlijk niet eens of ik een vraag heb",
     "Ik zit al een tijdje met een idee.",
     "Of was het iets anders, ik weet het niet meer precies."],
)  # fmt: skip
def test_what_is_said_about_the_conversation_is_no_problem(said):
    read = frame.read(said)
    assert (read.problem, read.goal) == ("", "")


def test_a_sentence_s_capital_stays_with_a_name_only():
    assert frame.read("Acht lassers hebben geen diploma").problem_lead.startswith(
        "hebben acht lassers"
    )
    assert frame.read("Jan kan niet lassen").problem_lead == "kan Jan niet lassen"


def test_customers_are_not_whose_work_it_is():
    assert frame.people("onze klanten willen dat de monteurs meer weten") == "monteurs"
    assert frame.people("de klanten willen het anders") == ""


def test_the_first_wish_of_a_goal_answer_is_its_goal():
    said = "dat ze ander werk kunnen doen, en dat de jongeren leren met de machine te werken"
    assert frame.read_answer(said, "goal").goal == "dat ze ander werk kunnen doen"


def test_what_they_do_now_and_body_parts_are_no_goal_and_no_people():
    assert frame.read_answer("we doen wel eens een signeersessie", "goal").goal == ""
    assert frame.people("mijn lassers krijgen last van hun schouders") == "je lassers"
    # held-out 29th: "hoe vind je een nieuwe scooter op mbo-niveau?"
    assert frame.people("cv's van jongens die van scooters houden? zoek een monteur") == (
        "monteur"
    )


@pytest.mark.parametrize(
    "said, problem",
    [("elke school wil andere formulieren", "elke school wil andere formulieren"),
     ("onze gasrekening is nie meer te betalen",
      "jullie gasrekening is niet meer te betalen")],
)  # fmt: skip
def test_what_others_demand_and_chat_spelling_are_read_as_the_problem(said, problem):
    assert frame.read(said).problem == problem


def test_a_shortage_is_still_a_problem_beside_it():
    read = frame.read("ik heb een vraag. We hebben een tekort aan lassers.")
    assert "tekort aan lassers" in read.problem


@pytest.mark.parametrize(
    "goal, skilled",
    [("jonge gasten die bij ons leren lassen en slijpen", True),
     ("zelf meiden opleiden tot cnc-operator", True),
     ("dat studenten ons leren kennen", False),
     ("een paar studenten die in het weekend bijspringen", False)],
)  # fmt: skip
def test_people_to_be_trained_in_the_trade_are_a_skilled_vacancy(goal, skilled):
    found = frame.situations(Frame(goal=goal), "talent")
    assert ("skilled_vacancy" in found) is skilled


def test_people_the_tagger_misses_for_a_typo_are_read_from_the_goal():
    read = frame.read(
        "hoi ik zoek tegelzeters maar er reagert niemand op mn advertentie"
    )
    assert "skilled_vacancy" in frame.situations(read, "talent")


@pytest.mark.parametrize(
    "opening, side_job",
    [("we zoeken studenten voor in het weekend", True),
     ("ik zoek een paar bijbaners voor de zaterdag", True),
     ("we willen stagiairs in de werkplaats", False)],
)  # fmt: skip
def test_weekend_and_evening_work_is_a_side_job(opening, side_job):
    found = frame.situations(frame.read(opening), "talent", opening)
    assert ("side_job" in found) is side_job


def test_staff_for_the_weekend_is_no_skilled_vacancy():
    opening = "we zoeken acht mensen voor de weekenden"
    found = frame.situations(frame.read(opening), "talent", opening)
    assert "side_job" in found
    assert "skilled_vacancy" not in found
    # to learn the trade, also for the Saturday lessons: a skilled vacancy
    learner = Frame(goal="een jonge instructeur die het vak bij ons leert")
    found = frame.situations(learner, "talent", "de lessen op zaterdag doe ik zelf")
    assert "side_job" not in found
    assert "skilled_vacancy" in found


@pytest.mark.parametrize(
    "said",
    ["niemand solliciteert op de vacature", "leerlingen die het werk leuk vinden en blijven",
     "een jonge podotherapeut die bij ons begint"],
)  # fmt: skip
def test_a_job_to_fill_for_good_is_a_skilled_vacancy(said):
    assert "skilled_vacancy" in frame.situations(Frame(goal=said), "talent", said)


def test_a_loket_question_without_new_people_hires_no_one():
    assert "no_hiring" in frame.situations(
        Frame(), "loket", "Bij wie moet ik zijn met een vraag over mijn afvalstromen?"
    )
    assert "no_hiring" not in frame.situations(
        Frame(), "loket", "Waar moet ik zijn als ik stagiairs zoek?"
    )


@pytest.mark.parametrize(
    "said, left",
    [
        (
            "het gaat om 12 chauffeurs, niet om nieuwe mensen",
            "het gaat om 12 chauffeurs, ",
        ),
        ("niet om nieuwe mensen maar om bijscholing", "maar om bijscholing"),
        ("geen cursus", ""),
        ("het gaat om onze planners", "het gaat om onze planners"),
    ],
)
def test_what_a_correction_says_it_is_not_about_is_left_out(said, left):
    assert frame.without_what_it_is_not(said) == left


@pytest.mark.parametrize(
    "need, goal, question",
    [("talent", "elk jaar een paar jonge matrozen",
      # a recurring time goes before what to arrange
      "hoe zorg je elk jaar voor een paar jonge matrozen"),
     ("talent", "weer elk halfjaar een paar stagiairs",
      "hoe zorg je weer elk halfjaar voor een paar stagiairs"),
     ("innovatie", "een plan om zonder gas te telen",
      # a noun with an "om ... te" clause is a thing to arrange
      "hoe zorg je voor een plan om zonder gas te telen"),
     ("leven_lang_ontwikkelen", "voormannen die hun ploeg goed aansturen",
      # the tagger's "verb" before "die" is the noun the clause is about
      "hoe zorg je voor voormannen die hun ploeg goed aansturen"),
     ("innovatie", "minder gas bij pasteuriseren",
      # a verb after a preposition names an activity ("hoe kunnen jullie
      # minder gas bij pasteuriseren" before)
      "hoe zorg je voor minder gas bij pasteuriseren")],
)  # fmt: skip
def test_a_goal_to_arrange_is_asked_with_zorgen_voor(need, goal, question):
    frame_read = Frame(problem="jullie hebben een probleem", goal=goal)
    assert writing.real_question(frame_read, need, PHRASES["frame"], {}) == question


def test_a_nameinside_a_sentence_is_no_people():
    assert frame.people("Installatietechniek Wolters, Zwolle, 25") == ""
    assert frame.people("onze monteurs zijn overbelast") == "jullie monteurs"


def test_a_question_asked_along_with_an_answer_is_no_part_of_it():
    read = frame.read_answer(
        "weten wat slim is, moet je ergens lid van worden? kost dat geld?", "goal"
    )
    assert read.goal == "weten wat slim is"


def test_a_verb_alone_is_not_said_back():
    read = frame.read_answer(
        "wij weten niet of dat wat is of gebakken lucht", "problem"
    )
    assert read.problem_lead == ""


@pytest.mark.parametrize(
    "said, problem",
    [("eigenlijk weet ik niet waar het lekt", "je weet niet waar het lekt"),
     ("nu hebben we geen monteurs", "jullie hebben geen monteurs"),
     ("weet niet wat", "je weet niet wat")],
)  # fmt: skip
def test_a_subject_after_the_verb_is_not_put_before_it_twice(said, problem):
    assert frame.problem_clause(said)[0] == problem


@pytest.mark.parametrize(
    "goal, question",
    [("dat je zeker weet dat de planning niet op straat ligt",
      "hoe kun je zeker weten dat de planning niet op straat ligt"),
     ("dat jullie die tenders weer winnen", "hoe kunnen jullie die tenders weer winnen"),
     ("dat je een stagiair kunt vinden", "hoe kun je een stagiair vinden"),
     # "je" of whose: the operators are the subject
     ("dat je eigen operators de persen zelf instellen",
      "hoe zorg je ervoor dat je eigen operators de persen zelf instellen"),
     ("dat je redactie weer zeker is van haar vak",
      "hoe zorg je ervoor dat je redactie weer zeker is van haar vak")],
)  # fmt: skip
def test_their_own_wish_is_asked_as_what_they_want_to_do(goal, question):
    read = frame.Frame(goal=goal)
    assert writing.real_question(read, "innovatie", PHRASES["frame"], {}) == question


@pytest.mark.parametrize(
    "problem, lead, question",
    [("de kaarsen met koolzaadwas scheuren", "scheuren de kaarsen met koolzaadwas",
      "hoe voorkom je dat de kaarsen met koolzaadwas scheuren"),
     # a lack is not prevented: the need's own question
     ("er zijn geen timmerlui", "zijn er geen timmerlui",
      "hoe kunnen studenten of onderzoekers je helpen dit op te lossen"),
     # what it is about is nothing that happens ("hoe voorkom je dat het om
     # technisch probleem gaat" on dev)
     ("technisch probleem", "gaat het om technisch probleem",
      "hoe kunnen studenten of onderzoekers je helpen dit op te lossen")],
)  # fmt: skip
def test_an_innovation_problem_without_a_goal_is_what_to_prevent(
    problem, lead, question
):
    read = frame.Frame(problem=problem, problem_lead=lead)
    assert writing.real_question(read, "innovatie", PHRASES["frame"], {}) == question


def test_a_goal_cut_off_after_a_comma_is_what_came_before_it():
    said = "minder uitval, max 1 op 20 ofzo"
    assert frame.goal_phrase(said, asked=True) == "minder uitval"


def test_a_noun_the_tagger_took_for_a_verb_is_the_subject_before_the_verb():
    lead = frame.problem_clause("uitzendkrachten weten niet hoe je een vleugel tilt")[1]
    assert lead == "weten uitzendkrachten niet hoe je een vleugel tilt"


@pytest.mark.parametrize(
    "topic, said", [("stagiair", "over een stagiair"), ("restwarmte", "over restwarmte")]
)  # fmt: skip
def test_one_person_as_the_topic_gets_its_article(topic, said):
    question = writing.real_question(Frame(), "loket", PHRASES["frame"], {"topic": topic})
    assert question.endswith(said)


@pytest.mark.parametrize(
    "said, lead",
    [("de vacature staat er al 5 mnd", "staat de vacature er al 5 maanden"),
     # "eerlijk gezegd gaat het niet om ...": what it is not, then what it is
     ("eerlijk gezegd gaat het niet echt om de stagiair. er komt zoveel nieuws op "
      "ons af", "komt er zoveel nieuws op jullie af"),
     # the past has one form: "je schrok", not "je schrokt"
     ("eerlijk gezegd schrok ik van een collega die gehackt is",
      "schrok je van een collega die gehackt is")],
)  # fmt: skip
def test_chat_hedges_and_abbreviations_are_said_back_cleanly(said, lead):
    assert frame.read_answer(said, "problem").problem_lead == lead


def test_the_noun_after_je_is_the_subject_the_must_agrees_with():
    said = "dat mijn mannen alle vis kunnen roken in die nieuwe elektrische kast"
    goal = frame.restated_goal(frame.goal_phrase(said, asked=True), said)
    assert goal.startswith("je mannen moeten alle vis")


def test_a_relative_clause_with_a_question_inside_is_a_noun_to_arrange():
    read = Frame(goal="één iemand die zegt wat je moet doen")
    assert writing.real_question(read, "loket", PHRASES["frame"], {}) == (
        "hoe zorg je voor één iemand die zegt wat je moet doen"
    )


def test_a_share_after_the_verb_is_its_subject():
    plain, _ = frame.problem_clause("gaat 1 op de 5 zakken groen schimmelen")
    assert "je" not in plain.split()  # not "je gaat 1 op de 5 zakken ..."


def test_a_wish_whose_pointing_word_went_keeps_its_subject_out():
    # "Daar wil ik meer van weten" after its "daar" was named
    assert frame.goal_phrase("wil ik meer van hout weten") == "meer van hout weten"


def test_their_own_wish_without_a_problem_is_what_they_want():
    assert writing.wanted("dat je weet waar de gaten zitten", PHRASES["frame"]) == (
        "wil je weten waar de gaten zitten"
    )


def test_a_must_inside_a_clause_is_not_the_goals_verb():
    assert writing.wanted("weten bij wie je moet zijn", PHRASES["frame"]) == (
        "wil je weten bij wie je moet zijn"
    )


@pytest.mark.parametrize(
    "text, lead",
    [("ik krijg het niet gedaan", ""),
     ("we hebben werk zat maar ik krijg het niet gedaan",
      "hebben jullie werk zat en krijg je het niet gedaan"),
     ("ik verlies steeds mijn beste mensen aan de zaak hiernaast",
      "verlies je steeds je beste mensen aan de zaak hiernaast")],
)  # fmt: skip
def test_a_pronoun_for_what_goes_wrong_is_not_said_back_and_ik_takes_a_verb(text, lead):
    assert frame.read(text).problem_lead == lead


@pytest.mark.parametrize(
    "question, lead",
    [("hoe kom je tegenwoordig nog aan verzorgenden",
      "is het lastig om aan verzorgenden te komen"),
     ("waar vind ik een goede kok?", "is het lastig om een goede kok te vinden"),
     ("hoe kom ik erachter wat ik moet doen", ""),
     ("waar moet ik zijn voor subsidie", "")],
)  # fmt: skip
def test_asking_how_to_find_someone_says_that_it_is_hard(question, lead):
    assert frame.read(question).problem_lead == lead


@pytest.mark.parametrize("answer", ["moet ik ergens lid van worden, kost dat geld",
                                    "is er een opleiding voor"])  # fmt: skip
def test_a_question_without_question_mark_is_no_problem_or_goal(answer):
    for asked in ("problem", "goal"):
        read = frame.read_answer(answer, asked)
        assert (read.problem, read.goal) == ("", "")


@pytest.mark.parametrize(
    "text, clauses",
    [("we hebben 5 vacatures voor verzorgende IG en de jonge meiden die we krijgen "
      "zijn na een jaar weer weg", ["we hebben 5 vacatures voor verzorgende IG",
                                    "de jonge meiden die we krijgen zijn na een jaar weer weg"]),
     ("we maken de kozijnen en de deuren zelf", ["we maken de kozijnen en de deuren zelf"]),
     ("we willen de kozijnen en de deuren maken", ["we willen de kozijnen en de deuren maken"]),
     ("horen wat andere winkels en de hogeschool weten",
      ["horen wat andere winkels en de hogeschool weten"])],
)  # fmt: skip
def test_en_between_two_clauses_with_their_own_verbs_splits_them(text, clauses):
    assert frame.sentences(text) == clauses


@pytest.mark.parametrize(
    "text, asked, part, said",
    [("m'n wijkteams krijgen tablets maar de helft durft er niet mee te werken", None,
      "problem_lead", "durft de helft er niet mee te werken"),
     ("Met 8 man red ik het niet.", None, "problem_lead", ""),
     ("beter weten denk ik", "goal", "goal", "beter weten"),
     ("klanten staan maanden op de wachtlijst en we moeten opdrachten weigeren",
      "problem", "problem_lead",
      "staan klanten maanden op de wachtlijst en moeten jullie opdrachten weigeren"),
     ("dat iedereen het zelf kan en aan klanten kan uitleggen", "goal", "goal",
      "iedereen moet het zelf kunnen en aan klanten kunnen uitleggen"),
     ("ik wil eerst zien dat het werkt voor ik 80 mille uitgeef", "goal", "goal",
      "eerst zien dat het werkt voor je 80 mille uitgeeft")],
)  # fmt: skip
def test_a_hidden_verb_a_hedge_and_a_forced_must_are_read_cleanly(
    text, asked, part, said
):
    read = frame.read_answer(text, asked) if asked else frame.read(text)
    assert getattr(read, part) == said


@pytest.mark.parametrize(
    "need, goal",
    [("talent", "nieuwe mensen en je teamleiders willen verder leren vinden"),
     ("onderwijs_invloed", "dat restauratie weer in de les kees les geeft"),
     ("leven_lang_ontwikkelen", "4 man"),
     ("talent", "dat jongeren zien"),
     ("leven_lang_ontwikkelen", "een erkend diploma krijgen voor wat ze al"),
     ("kennis_netwerk", "Heb niet een vraag vooral weten wat er speelt"),
     ("talent", "ieder jaar een"),
     ("kennis_netwerk", "van andere boeren"),
     ("loket", "elke keer als de gemeente iets verandert"),
     ("talent", "dat er iemand naast hem staat die het vak leert voor hij weg is")],
)  # fmt: skip
def test_a_garbled_goal_gives_way_to_the_needs_own_question(need, goal):
    held = frame.Frame(problem="er gaat iets mis", goal=goal)
    question = writing.real_question(held, need, PHRASES["frame"], {})
    assert goal not in question
    assert question == writing.real_question(
        frame.Frame(problem="er gaat iets mis"), need, PHRASES["frame"], {}
    )


@pytest.mark.parametrize(
    "opening",
    ["we moeten iets met duurzaamheid", "we willen wat doen met AI",
     "Ik heb een hotel en wil iets met scholen, maar welke school is voor wat?"],
)  # fmt: skip
def test_a_vague_wish_in_the_opening_is_no_goal_so_the_goal_is_asked(opening):
    assert frame.read(opening).goal == ""
    assert frame.read("we willen wat meer jongeren aannemen").goal


def test_a_vague_goal_given_when_asked_is_kept():
    assert frame.read_answer("iets met data", "goal").goal == "iets met data"


@pytest.mark.parametrize(
    "goal, problem, topic, said",
    [("er een nieuw product van maken", "oude broodresten", "",
      "een nieuw product van oude broodresten maken"),
     ("er beter mee leren werken", "", "de lasrobot", "beter met de lasrobot leren werken"),
     ("er achter komen of het werkt", "", "de lasrobot", "er achter komen of het werkt"),
     ("er iets mee doen", "jullie gooien brood weg", "", "er iets mee doen")],
)  # fmt: skip
def test_a_goal_that_points_with_er_names_what_it_points_at(goal, problem, topic, said):
    read = frame.Frame(problem=problem, goal=goal, who="", tried="", problem_lead="")
    assert writing.with_antecedent(read, topic) == said


def test_chat_dutch_is_written_out_and_a_dropped_ik_put_back():
    assert frame.read("ben de weg kwijt").problem_lead == "ben je de weg kwijt"
    goal = frame.read_answer("n leerling fietstechniek, voor sept", "goal").goal
    assert goal == "een leerling fietstechniek"
    assert not dutch.SPOKEN_WORD.search("z'n fiets, 't werk")  # words of their own


@pytest.mark.parametrize(
    "said, problem",
    [("kom nergens", "je komt nergens"),  # was "gaat het om kom nergens"
     ("krijg geen reactie van school", "je krijgt geen reactie van school"),
     ("mis het overzicht", "je mist het overzicht"),
     ("loop vast met de papieren", "je loopt vast met de papieren")],
)  # fmt: skip
def test_a_verb_taken_for_a_noun_after_a_dropped_ik_is_read_as_the_verb(said, problem):
    assert frame.problem_clause(said)[0] == problem


@pytest.mark.parametrize(
    "typed, inside",
    [("Iemand die het voor me regelt", "iemand die het voor me regelt"),
     ("AI leren gebruiken", "AI leren gebruiken"),
     # held-out 39th: "hoe zorg je voor bij elke inkoop ..." cannot be said
     ("bij elke inkoop een betrouwbare accu meting",
      "een betrouwbare accu meting bij elke inkoop"),
     ("van andere boeren", "van andere boeren")],
)  # fmt: skip
def test_a_goal_typed_as_a_sentence_loses_its_capital_inside_ours(typed, inside):
    assert writing.inside_a_sentence(typed) == inside


def test_chat_abbreviations_are_written_out_not_kept_as_abbreviations():
    assert frame.read("ik snap er niks vn").problem == "je snapt er niks van"


def test_an_aside_in_brackets_and_a_colon_do_not_run_into_the_clause():
    said = "we doen veel (rapporten, metingen bij turbines) en vinden geen adviseurs"
    assert frame.read(said).problem_lead == "vinden jullie geen adviseurs"
    said = "elk jaar begint het opnieuw: andere docent, andere afspraken"
    assert (
        frame.read_answer(said, "problem").problem_lead == "begint het elk jaar opnieuw"
    )


def test_a_problem_answer_is_read_from_its_first_clause_that_can_be_said_back():
    read = frame.read_answer("te weinig handen, bestellingen blijven liggen", "problem")
    assert (read.problem_lead, read.goal, read.who) == (
        "zijn er te weinig handen",
        "",
        "",
    )
    read = frame.read_answer(
        "tja gewoon te duur, bestellingen blijven liggen", "problem"
    )
    assert read.problem_lead == "blijven bestellingen liggen"


@pytest.mark.parametrize(
    "text, lead",
    [
        ("we moeten steeds vaker kraamzorg weigeren",
         "moeten jullie steeds vaker kraamzorg weigeren"),
        ("ik moet klanten laten wachten", "moet je klanten laten wachten"),
    ],
)  # fmt: skip
def test_what_a_must_forces_the_company_into_is_the_problem_not_the_goal(text, lead):
    read = frame.read(text)
    assert (read.problem_lead, read.goal) == (lead, "")
    assert frame.read("we moeten minder energie gebruiken").goal


@pytest.mark.parametrize(
    "text, who",
    [
        ("we hebben te weinig kraamverzorgenden", "kraamverzorgenden"),
        ("onze leidinggevenden", "jullie leidinggevenden"),
        ("geen metsalaars te krijgen", "metselaars"),  # the typo is corrected
        ("we verzenden pakketten", ""),
    ],
)  # fmt: skip
def test_people_named_by_what_they_do_are_people_and_spelled_right(text, who):
    assert frame.people(text) == who
    if who and who != "jullie leidinggevenden":
        assert "skilled_vacancy" in frame.situations(frame.read(text), "talent")


@pytest.mark.parametrize(
    "goal, question",
    [
        # "verkeerskunde" is tagged as a verb, but no infinitive ends in -e
        ("een afstudeerder van de hbo-opleiding verkeerskunde",
         "hoe zorg je voor een afstudeerder van de hbo-opleiding verkeerskunde?"),
        # the verb of a "waarmee" clause is the clause's, not the goal's
        ("een afzuiging waarmee het stof onder de grenswaarde blijft",
         "hoe zorg je voor een afzuiging waarmee het stof onder de grenswaarde blijft?"),
    ],
)  # fmt: skip
def test_a_noun_goal_with_a_verb_only_in_its_clause_gets_a_verb_of_ours(goal, question):
    said = writing.real_question(Frame(goal=goal), "innovatie", PHRASES["frame"], {})
    assert f"{said}?" == question


def test_a_question_word_inside_a_goal_keeps_the_goal_an_infinitive_phrase():
    read = frame.read_answer("weten bij wie ik moet zijn voor stagiairs", "goal")
    assert read.goal == "weten bij wie je moet zijn voor stagiairs"


@pytest.mark.parametrize(
    "said, goal",
    [
        ("klant vult zelf maten in op de site", "dat klant zelf maten invult op de site"),
        ("de monteurs lossen storingen op", "dat de monteurs storingen oplossen"),
    ],
)  # fmt: skip
def test_a_main_clause_goal_takes_its_particle_to_the_verb(said, goal):
    assert frame.read_answer(said, "goal").goal == goal


def test_software_names_are_kept_not_corrected():
    assert dutch.cleaned("excel") == "excel"


def test_people_pointed_at_in_a_goal_are_named_and_a_list_is_not_cut_in_two():
    read = frame.read("Onze klantbehandelaars krijgen steeds vaker boze of wanhopige "
                      "mensen aan de lijn. Ik zoek een training voor ze.")  # fmt: skip
    assert read.problem_lead == (
        "krijgen jullie klantbehandelaars steeds vaker boze of wanhopige mensen"
    )
    goal = writing.with_antecedent(read, "")
    assert goal == "een training voor jullie klantbehandelaars vinden"


@pytest.mark.parametrize(
    "text, lead",
    [
        # another's wish, its subject after the verb: what goes wrong
        ("mijn beste mensen hebben geen diploma en nu wil de woningcorporatie "
         "papieren zien",
         "hebben je beste mensen geen diploma en wil de woningcorporatie papieren zien"),
        # a time after the verb: the dropped "we" is put back
        ("Wij hebben losse stagiairs gehad en moeten elke keer opnieuw beginnen.",
         "moeten jullie elke keer opnieuw beginnen"),
    ],
)  # fmt: skip
def test_what_others_want_and_a_subject_dropped_before_a_time_read_as_said(text, lead):
    read = frame.read(text)
    assert read.problem_lead == lead
    assert not read.goal


def test_a_question_opening_with_kan_daar_is_asked_not_said():
    read = frame.read("De jongens van school hebben nooit van een bodemlus gehoord. "
                      "Kan daar op school niet wat aan gedaan worden?")  # fmt: skip
    assert "school niet" not in read.problem_lead


@pytest.mark.parametrize(
    "goal, said",
    [("paar keer per jaar bijpraten", "een paar keer per jaar bijpraten"),
     ("papiertje voor 5 man", "een papiertje voor 5 man"),
     ("kok voor restaurant vinden", "een kok voor restaurant vinden"),
     ("monteurs vinden", "monteurs vinden"),  # more than one
     ("personeel vinden", "personeel vinden"),  # a group, not one person
     ("minder gas", "minder gas")],
)  # fmt: skip
def test_a_dropped_een_before_paar_a_diminutive_or_one_person_comes_back(goal, said):
    assert writing.with_antecedent(Frame(goal=goal), "") == said


def test_two_subjects_joined_by_en_go_after_the_verb_together():
    # "mbo" is no verb, and "doen" belongs to the clause after "wat"
    _, lead = frame.problem_clause(
        "de hogeschool en het mbo weten niet van elkaar wat we doen"
    )
    assert lead == "weten de hogeschool en het mbo niet van elkaar wat jullie doen"


def test_the_first_clause_answers_what_goes_wrong_before_an_occasional_trouble():
    read = frame.read_answer(
        "onze weekendkrachten haken steeds af na een paar maanden, en als er een "
        "puzzel kapot gaat moet ik zelf gaan solderen haha",
        "problem",
    )
    assert read.problem_lead == (
        "haken jullie weekendkrachten steeds af na een paar maanden"
    )
    # what they want, said to "wat gaat er mis?", stays what they want
    wanted = frame.read_answer("minder energie verbruiken in de productie", "problem")
    assert (wanted.problem, wanted.goal) == (
        "",
        "minder energie verbruiken in de productie",
    )


def test_what_is_wrong_with_a_product_is_a_problem_and_said_about_once():
    read = frame.read("blaasjes in coating. 8% uitval. wie kan meekijken")
    assert read.problem_lead == "gaat het om blaasjes in coating en 8 procent uitval"


def test_a_percentage_is_a_subject_and_a_list_of_things_no_problem():
    read = frame.read_answer(
        "geen probleem echt. maar 60% gaat nog naar stort of verbrander. matrassen, "
        "bankstellen, spaanplaat",
        "problem",
    )
    assert read.problem_lead == "gaat 60 procent nog naar stort of verbrander"
    assert "matrassen" not in read.problem


def test_less_gas_is_less_gas_use():
    assert frame.read_answer("minder gas", "goal").goal == "minder gasverbruik"


@pytest.mark.parametrize(
    "verb, base",
    [("werkt", "werken"), ("oefent", "oefenen"), ("leert", "leren"),
     ("geeft", "geven"), ("leest", "lezen"), ("weet", "weten"), ("zit", "zitten"),
     ("legt", "leggen"), ("herkent", "herkennen"), ("regelt", "regelen"),
     ("opneemt", "opnemen"), ("heeft", "hebben"), ("komt", "komen"),
     ("meedraaien", "meedraaien"), ("staan", "staan"), ("xqzt", "")],
)  # fmt: skip
def test_a_present_tense_form_has_its_infinitive(verb, base):
    assert dutch.infinitive(verb) == base


@pytest.mark.parametrize(
    "goal, asked",
    [("weten waar de lekken zitten en dat iedereen een nepmail herkent",
      "waar zitten de lekken, en hoe zorg je ervoor dat iedereen een nepmail herkent?"),
     ("weten wat er kan en hoe anderen in de branche het doen",
      "wat kan er, en hoe doen anderen in de branche het?"),
     ("weten of een cobot dat werk kan overnemen", "kan een cobot dat werk overnemen?"),
     ("weten welke opleiding en welk niveau bij je werk past",
      "welke opleiding en welk niveau past bij je werk?"),
     ("weten hoe snel je kunt beginnen", "hoe snel kun je beginnen?"),
     # a separable verb leaves its particle at the end (30th: "wat afkomt er")
     ("weten wat er op de garagebranche afkomt",
      "wat komt er op de garagebranche af?"),
     # two verbs apart are two clauses: not turned
     ("weten wat er kan met precisielandbouw en andere loonwerkers spreken", ""),
     ("meer weten over ai", "")],
)  # fmt: skip
def test_a_question_they_want_answered_is_asked_as_one(goal, asked):
    assert questions.as_questions(goal) == asked
    assert not asked or questions.is_direct(asked.rstrip("?"))


def test_a_goal_that_asks_is_the_real_question_and_no_wish():
    goal = "waar zitten de zwakke plekken, en hoe kun je die dichten voor de audit"
    said = writing.restatement(Frame(goal=goal), "innovatie", PHRASES, {})
    assert said == f"Je eigenlijke vraag: {goal}?"


def test_a_problem_and_a_wish_in_one_opening_are_both_read():
    read = frame.read(
        "Sinds we kleinere componenten verwerken, zien we meer soldeerfouten die pas "
        "bij de eindtest opvallen. We willen eerder in het proces zien wat er "
        "misgaat, bijvoorbeeld met camera's."
    )
    assert read.problem_lead == "zien jullie meer soldeerfouten die pas opvallen"
    assert read.goal == "eerder zien wat er misgaat"


@pytest.mark.parametrize(
    "text",
    ["Slib is een kostenpost", "schoolverlaters missen de basis",
     "we hebben veel storingen aan de lijn"],
)  # fmt: skip
def test_what_costs_or_is_missing_is_a_problem(text):
    assert frame.kind_of(text) == "problem"


@pytest.mark.parametrize(
    "text, lead",
    [("geen jonge aanwas", "is er geen jonge aanwas"),
     ("geen boomverzorgers te krijgen", "zijn er geen boomverzorgers te krijgen"),
     ("geen overzicht wie wat doet", "heb je geen overzicht wie wat doet"),
     ("geen idee", "")],
)  # fmt: skip
def test_what_there_is_none_of_is_said_back_as_such(text, lead):
    assert frame.problem_clause(text)[1] == lead


@pytest.mark.parametrize(
    "text, lead",
    [("sinds de nieuwe persen snappen mijn operators de schermen niet",
      "snappen je operators sinds de nieuwe persen de schermen niet"),
     ("probleem is dat mn ploegleiders allemaal 55+ zijn",
      "zijn je ploegleiders 55+"),
     # dev (26th): "gedoe" is a problem too, and "of" shares the subject
     ("webiste is oud maar het grootste gedoe is eigenlijk dat de hoogwerkers "
      "met lege accu bij de klant staan of kapot terug komen",
      "staan de hoogwerkers met lege accu bij de klant"),
     # dev (32nd): cut after the clause's verb, not at "huid en littekens"
     ("het echte probleem is dat we foto's van huid en littekens via whatsapp "
      "sturen en op 1 laptop zetten",
      "sturen jullie foto's van huid en littekens"),
     # what it is not, and what works, is no problem
     ("t is niet dat ze het slecht doen hoor", ""),
     ("zomer lukt wel met uitzendploegen", "")],
)  # fmt: skip
def test_a_problem_said_back_keeps_whose_it_is_and_what_it_is(text, lead):
    assert frame.read_answer(text, "problem").problem_lead == lead


def test_a_must_without_its_verb_is_no_goal():
    goal = "mn 4 monteurs moeten ook elektrisch en lucht-lucht warmtepomp kunnen plaatsen"
    assert frame.read_answer(goal, "goal").goal == ""


def test_a_name_typed_small_gets_no_article():
    assert frame.problem_clause("henk doet al 30 jr de kleuren")[1] == (
        "doet Henk al 30 jaar de kleuren"
    )


@pytest.mark.parametrize(
    "said, goal",
    [("het gaat mij niet om welke school, het gaat erom dat ik tolken krijg die hier "
      "blijven", "dat je tolken krijgt die hier blijven"),
     ("t gaat me erom dat ik een monteur vind die blijft", "dat je een monteur vindt die blijft")],
)  # fmt: skip
def test_what_it_is_about_is_the_goal_with_its_verb_agreeing(said, goal):
    assert frame.read(said).goal == goal


@pytest.mark.parametrize(
    "goal, shape",
    [("een student die handig is met computers vinden", "infinitive"),
     ("monteurs die zelf een ploeg kunnen draaien", "noun"),
     ("jonge mensen die willen blijven", "noun"),
     # a modal and its infinitive in the relative clause, then the goal's verb
     ("een hbo-er die jullie nieuwe snijplotter kan programmeren vinden", "infinitive")],
)  # fmt: skip
def test_an_infinitive_after_a_relative_clause_makes_the_goal_a_verb(goal, shape):
    assert writing._goal_shape(goal) == shape


def test_a_bare_geen_before_a_wish_refuses_and_before_a_trouble_is_the_problem():
    refused = frame.read("geen cursus, ik wil eerst weten waar het lek zit")
    assert (refused.problem, refused.goal) == ("", "eerst weten waar het lek zit")
    assert frame.read("geen monteurs, klanten wachten weken").problem.startswith("geen monteurs")
    # a choice of two refused: "is er geen nieuwe machine of onderzoek" was said back
    two = frame.read("geen nieuwe machine of onderzoek, mijn mensen moeten het leren zien")
    assert two.problem == "" and two.goal


def test_a_wish_in_a_dat_clause_keeps_its_not():
    said = frame.read_answer("dat t niet meer allemaal van henk afhangt", "goal")
    assert said.goal == "dat het niet meer van Henk afhangt"
    assert frame.goal_phrase("geen extra stagiairs", asked=True) == ""


@pytest.mark.parametrize(
    "text, lead",
    [("ik weet het niet precies", ""),  # not knowing what: nothing to say back
     ("ik weet niet goed wat voor iemand", ""),
     ("we weten niet welke school", ""),
     ("ik weet niet of het aan online ligt", "weet je niet of het aan online ligt"),
     ("mijn chauffeurs weten daar nog niks van",
      "weten je chauffeurs daar nog niks van")],
)  # fmt: skip
def test_not_knowing_is_said_back_only_with_what(text, lead):
    assert frame.problem_clause(text)[1] == lead


def test_a_negated_phrase_is_no_problem_said_without_a_verb():
    assert frame.problem_clause("niet het digitale veldwerk")[1] == ""


def test_shouted_words_are_said_back_in_small_letters():
    assert frame.read("TE WEINIG HANDEN").problem_lead == "zijn er te weinig handen"
    # an abbreviation keeps its capitals
    assert "ICT" in frame.read("we hebben geen ICT mensen").problem_lead


def test_one_before_a_noun_is_written_as_a_word():
    said = writing.restatement(frame.read("ik wil 1 aanspreekpunt"), "loket", PHRASES, {})
    assert "één aanspreekpunt" in said


def test_a_yes_before_the_answer_is_no_part_of_the_problem():
    said = frame.read_answer(
        "nou ja we draaien met veel uitzendkrachten en die zijn na 3 maanden weer weg",
        "problem",
    )
    assert said.problem.startswith("jullie draaien met veel uitzendkrachten")


def test_a_time_already_in_the_question_is_not_said_twice():
    said = writing.restatement(
        Frame(), "talent", PHRASES,
        {"people": "een stagiair voor na de zomer", "when": "na de zomer"},
    )  # fmt: skip
    assert said.count("na de zomer") == 1


def test_what_a_possessive_opens_is_a_noun_whatever_the_tagger_says():
    # "insta" is read as a verb by the tagger; after "mijn" it is a noun
    plain, lead = frame.problem_clause("mijn insta is gehackt en overgenomen")
    assert plain == "je insta is gehackt en overgenomen"
    assert lead == "is je insta gehackt en overgenomen"


@pytest.mark.parametrize(
    "answer, lead",
    [("koeling draait 24/7, alle warmte blazen we zo naar buiten",
      "draait de koeling 24/7 en blazen jullie alle warmte zo naar buiten"),
     # the first clause says what goes wrong: it is enough
     ("de kaarsen scheuren, we gebruiken nu koolzaadwas", "scheuren de kaarsen")],
)  # fmt: skip
def test_a_first_clause_without_trouble_is_said_back_with_the_next(answer, lead):
    assert frame.read_answer(answer, "problem").problem_lead == lead


@pytest.mark.parametrize(
    "correction, goal",
    [("Het gaat om de restwarmte van onze ovens, die willen we hergebruiken.",
      "de restwarmte van jullie ovens hergebruiken"),
     ("Het gaat om ons nieuwe planningssysteem, daar moeten vijf planners mee leren werken.",
      "vijf planners moeten met jullie nieuwe planningssysteem leren werken")],
)  # fmt: skip
def test_what_it_is_about_is_read_into_the_clause_that_points_back(correction, goal):
    assert frame.read(correction).goal == goal


def test_a_must_before_two_infinitives_is_a_goal():
    # the tagger reads "moeten" before "leren werken" as an infinitive too
    assert frame.goal_phrase("de monteurs moeten met warmtepompen leren werken") == (
        "de monteurs moeten met warmtepompen leren werken"
    )


def test_what_dies_is_a_problem_after_a_clause_about_the_company():
    """ "gaat het om technisch probleem" was said back: the clause with "gaat
    de helft dood" was joined to "wij kweken meelwormen" and not read."""
    read = frame.read(
        "wij kweken meelwormen en in sommige kratten gaat de helft dood. "
        "geen idee waarom eigenlijk"
    )
    assert read.problem_lead == "gaat de helft in sommige kratten dood"
    assert read.problem.endswith("je weet niet waarom")
    assert dutch.sentences("we zoeken monteurs en in de winter chauffeurs") == [
        "we zoeken monteurs en in de winter chauffeurs"
    ]
    # a verb at the end closes the clause it stands in: no new main clause
    assert dutch.sentences("studenten die zaterdags en in de zomer komen") == [
        "studenten die zaterdags en in de zomer komen"
    ]


def test_what_the_problem_is_not_and_a_side_question_are_no_part_of_the_answer():
    """ "hebben jullie ja genoeg mensen en gaat het daar niet om" and "hoe kan
    oh en je dan ergens lid van worden" were said back."""
    problem = frame.read_answer(
        "nou ja, eigenlijk hebben we genoeg mensen hoor, daar gaat het niet om. "
        "Ik heb het gevoel dat we achterlopen.",
        "problem",
    )
    assert problem.problem_lead == "heb je het gevoel dat jullie achterlopen"
    side = frame.read_answer("Oh en moet ik dan ergens lid van worden?", "goal")
    assert side.goal == ""


def test_an_infinitive_in_the_subject_is_not_put_first():
    """ "bouwen stallen klinkt niet zo spannend" was said back."""
    lead = frame.problem_clause("stallen bouwen klinkt niet zo spannend")[1]
    assert lead == "klinkt stallen bouwen niet zo spannend"


def test_what_others_must_without_a_verb_is_context_and_a_burden_stays_the_problem():
    """ "zijn jullie klanten gemeenten" was said back as the problem, from
    "onze klanten zijn gemeenten, die moeten dat wettelijk"."""
    said = frame.read_answer(
        "niemand heeft ooit gehoord van toegankelijkheid. onze klanten zijn "
        "gemeenten, die moeten dat wettelijk. dus elke nieuwe junior moet ik "
        "het zelf leren",
        "problem",
    )
    assert "gemeenten" not in said.problem_lead and said.goal == ""
    wait = frame.read_answer("klanten moeten dan 3 weken wachten op een afspraak", "problem")
    assert wait.problem_lead == "moeten klanten dan 3 weken wachten op een afspraak"
    goal = frame.read_answer(
        "Dat er binnen een jaar een jonge engineer rondloopt die het proces van hem "
        "kan overnemen.",
        "goal",
    )
    assert goal.goal == "dat er een jonge engineer rondloopt"
    # eight words of theirs are not pasted: "er" goes and the verb moves, not
    # cut back to "hoe zorg je ervoor dat er een jonge gast?"
    cut = frame.read_answer(
        "dat er een jonge gast naast ze staat die het vak leert zolang zij er nog zijn",
        "goal",
    )
    assert cut.goal == "een jonge gast moet naast ze staan"
    walks_along = frame.read_answer(
        "dat er een jonge gast naast harrie meeloopt en t over kan nemen als ie stopt",
        "goal",
    )
    assert walks_along.goal == "een jonge gast moet naast Harrie meelopen"


@pytest.mark.parametrize(
    "said, lead",
    [("durven de investering nog niet aan", "durven jullie de investering nog niet aan"),
     ("hebben de kennis niet", "hebben jullie de kennis niet"),
     ("staan de machines stil", "staan de machines stil"),  # the subject follows
     # after a few words of how many, with the verb's particle at the end
     ("gaan steeds meer klanten weg", "gaan steeds meer klanten weg"),
     ("hebben elke dag klanten", "hebben jullie elke dag klanten")],
)  # fmt: skip
def test_a_plural_verb_before_a_singular_noun_had_its_we_dropped(said, lead):
    assert frame.problem_clause(said)[1] == lead


@pytest.mark.parametrize(
    "said, lead",
    [# chat's comma for "en": the pronoun before it goes on
     ("ze komen, leren het vak bij ons", "komen ze en leren ze het vak bij jullie"),
     # "gaan" is plural too ("gaan je meteen weer weg" before)
     ("ze komen binnen, gaan meteen weer weg", "gaan ze meteen weer weg")],
)  # fmt: skip
def test_a_subject_goes_on_after_a_comma_where_the_verb_agrees(said, lead):
    assert frame.read_answer(said, "problem").problem_lead == lead


def test_what_is_not_broken_is_no_problem_and_what_is_rather_is():
    read = frame.read_answer(
        "eh, er is niet echt iets kapot. het is meer dat alles verandert", "problem"
    )
    assert read.problem_lead == "verandert alles"


def test_the_first_of_a_list_is_not_left_out_of_a_shorter_clause():
    """ "weet je niet of dat een kunstacademie of een museum hoort" was said."""
    said = "maar weet niet eens of dat bij een mbo, een kunstacademie of een museum hoort"
    shorter = frame.unspliced(
        "je weet niet of dat bij een mbo een kunstacademie of een museum hoort", said
    )
    assert shorter == "je weet niet"


def test_a_condition_before_its_outcome_is_the_wish():
    read = frame.read_answer(
        "als die machines beter afgesteld worden of er komt een camera, dan hebben "
        "we veel minder handwerk nodig",
        "goal",
    )
    assert read.goal == "dat die machines beter afgesteld worden"


def test_knowing_where_is_a_wish_without_a_word_of_wanting():
    read = frame.read(
        "Bijna. De website is bijzaak. Eerst weten waar we lek zijn."
    )
    assert read.goal == "weten waar jullie lek zijn"


def test_an_om_without_te_opens_no_clause_in_a_goal():
    """ "hoe zorg je voor met mensen om tafel zitten" was said."""
    question = writing.real_question(
        Frame(goal="met mensen om tafel zitten"), "kennis_netwerk", PHRASES["frame"], {}
    )
    assert question == "hoe kun je met mensen om tafel zitten"


def test_numbers_listed_with_en_stay_in_one_clause():
    assert dutch.sentences("onze 2 monteurs zijn 61 en 64, die kennen alles") == [
        "onze 2 monteurs zijn 61 en 64, die kennen alles"
    ]


def test_only_a_share_is_a_shortfall_and_its_maar_no_conjunction():
    read = frame.read_answer(
        "onze pelmachines halen maar 30 procent vlees uit de garnaal, de rest is afval",
        "problem",
    )
    assert read.problem_lead.startswith(
        "halen jullie pelmachines maar 30 procent vlees uit de garnaal"
    )


@pytest.mark.parametrize(
    "lead, broken",
    [("gehad op school nooit", True),
     ("andere andere klanten logistiek en weten jullie niet goed hoe dat werkt", True),
     ("kunnen ze online zoeken niet en lopen jullie achter", True),
     ("weet je je te weinig van het bos", True),
     ("gecertificeerde opdrachtgevers willen lassers voor trappen", True),
     ("bouwen een verhaal zonder beeld", True),
     ("hebben een paar klanten geen zin meer", False),
     # Dutch, however the tagger reads its first word
     ("lig je er meer wakker van dat jullie gehackt worden", False),
     ("zijn jullie 2 monteurs 61 en 64", False),
     ("snappen je operators sinds de nieuwe persen de schermen niet", False),
     ("kunnen jullie het niet betalen zonder steun", False),
     ("krijgen jullie het voorjaar niet rond", False),
     ("weet je niet wat wat is", False),
     ("snap je de data van jullie magazijn niet", False)],
)  # fmt: skip
def test_a_problem_said_back_that_is_no_dutch_is_left_out(lead, broken):
    assert frame.garbled_lead(lead) is broken


@pytest.mark.parametrize(
    "said, goal",
    [("zoek jonge monteur voor oldtimers", "een jonge monteur voor oldtimers vinden"),
     # "ander", "sneller" end like a person but describe: no article
     ("ander werk", "ander werk"),
     ("sneller rapporten maken", "sneller rapporten maken"),
     ("zoek 2 lassers", "2 lassers vinden"),
     ("we zoeken monteurs", "monteurs vinden"),
     ("zoeken personeel", "personeel vinden"),
     # a goal that is a noun phrase: one person, or one group
     ("vaste club studenten die elk jaar terugkomt",
      "een vaste club studenten die elk jaar terugkomt"),
     ("minder uitval", "minder uitval")],
)  # fmt: skip
def test_one_person_sought_gets_back_the_article_chat_dropped(said, goal):
    assert frame.goal_phrase(said, asked=True) == goal


def test_what_fails_in_the_making_is_the_problem_after_what_is_and_what_others_want():
    read = frame.read_answer(
        "we maken drop met gelatine en steeds meer winkels willen vegan. we hebben het "
        "geprobeerd met pectine en met zetmeel maar de drop word te plakkerig of hij "
        "breekt. 3 proefbatches weggegooid",
        "problem",
    )
    # chat's "word" agrees once the verb comes first
    assert read.problem_lead == "wordt de drop te plakkerig of hij breekt"
    assert frame.problem_clause("ik word gek van het rooster")[1] == (
        "word je gek van het rooster"
    )


def test_their_own_wish_is_not_said_back_as_what_goes_wrong():
    assert frame.problem_clause(
        "we willen dat studenten ons leren kennen voordat ze afstuderen"
    )[1] == ""
    # what others want of them is
    assert frame.problem_clause("de gemeente wil papieren zien")[1] == (
        "wil de gemeente papieren zien"
    )


def test_who_they_do_not_seek_is_no_problem_and_a_subclause_keeps_its_can():
    read = frame.read_answer(
        "we zoeken niet iemand om aan te nemen. we moeten weten hoe de ombouw kan", "goal"
    )
    assert read.problem == ""
    assert writing._must_question(read.goal) == "hoe kunnen jullie weten hoe de ombouw kan"


def test_the_main_verb_after_a_subclause_said_first_is_the_one_put_first():
    words = frame._words("sinds we verhuisd zijn gaat de helft groen schimmelen")
    assert [w.text for w in frame.verb_first(words)] == (
        "gaat de helft groen schimmelen sinds we verhuisd zijn".split()
    )
    assert frame.problem_clause("toen hij stopte viel alles stil")[1] == (
        "viel alles stil toen hij stopte"
    )


def test_a_clause_opening_but_before_its_subject_is_left_out():
    assert frame.problem_clause("alleen we krijgen ze niet gemaakt")[1] == (
        "krijgen jullie ze niet gemaakt"
    )
    # after "er gaat niet echt iets mis hoor.", the "but" that says what does
    said = (
        "nou er gaat niet echt iets mis hoor. alleen palissander en ebben zijn "
        "bijna niet meer te krijgen (cites gedoe)"
    )
    assert frame.read_answer(said, "problem").problem_lead == (
        "zijn palissander en ebben bijna niet meer te krijgen"
    )
    assert frame.sentences("alleen een paar mensen kunnen het") == [
        "alleen een paar mensen kunnen het"
    ]
    assert frame.sentences("alleen onze jongste kan dat") == ["alleen onze jongste kan dat"]


@pytest.mark.parametrize(
    "said, lead",
    [("zaterdag te weinig mensen", "zijn er zaterdag te weinig mensen"),
     ("te weinig handen", "zijn er te weinig handen"),
     ("te weinig tijd", "heb je te weinig tijd"),
     ("te veel scholen die bellen", "zijn er te veel scholen die bellen"),
     ("te veel werk te weinig handen",
      "is er te veel werk en zijn er te weinig handen"),
     ("zaterdag geen mensen", "zijn er zaterdag geen mensen")],
)  # fmt: skip
def test_a_shortage_said_without_a_verb_is_said_back_with_one(said, lead):
    assert frame.problem_clause(said)[1] == lead


@pytest.mark.parametrize(
    "said, goal",
    [("we zoeken al een jaar monteurs en er komt niks op", "monteurs vinden"),
     ("ik zoek al maanden een kok", "een kok vinden"),
     ("we zoeken monteurs en elektriciens", "monteurs en elektriciens vinden")],
)  # fmt: skip
def test_what_is_sought_leaves_out_how_long_and_what_follows(said, goal):
    assert frame.goal_phrase(said) == goal


@pytest.mark.parametrize(
    "problem, nothing",
    [("verandert alles", True),
     ("weet je niet goed waarin precies", False),  # not knowing the way
     ("snap je er niks van", False),
     ("blijven bestelingen liggen", False),
     ("wil je een paar dingen", True),
     ("wil je iets doorgeven", True),  # the modal is no second thing done
     ("kunnen jullie de bestellingen niet maken", False),
     ("mogen jullie bijna niks meer terugleveren", False),
     ("gaat het steeds mis", True),
     ("staan de 2 scanners vaak stil", False),
     ("is het te duur", False),
     ("is er veel uitval", False)],
)  # fmt: skip
def test_a_problem_that_names_nothing_is_not_said_back(problem, nothing):
    assert writing.says_nothing(problem) is nothing


@pytest.mark.parametrize(
    "goal, nothing",
    [("dat het beter wordt", True), ("meer eruit halen", True),
     ("dat het sneller gaat", True), ("iemand erbij", False),
     ("dat ze blijven", False),  # keeping them is something
     ("minder afval", False),  # a noun the tagger calls an adjective
     ("dat het duurzamer wordt", False), ("weten welke techniek werkt", False)],
)  # fmt: skip
def test_a_goal_that_names_nothing_is_not_asked_back(goal, nothing):
    assert writing.names_nothing(goal) is nothing
    roses = Frame(problem="x", problem_lead="houden de rozen het niet lang in de vaas",
                  goal=goal)  # fmt: skip
    said = writing.restatement(roses, "innovatie", PHRASES, {})
    # held-out 41st: "hoe zorg je ervoor dat het beter wordt?" after the
    # roses' short vase life
    if nothing:
        assert goal not in said and "helpen dit op te lossen" in said


def test_a_need_question_points_back_only_at_a_problem_said_back():
    said = writing.restatement(Frame(), "kennis_netwerk", PHRASES, {"when": "dit najaar"})
    assert "hierover" not in said and "kennis die je nodig hebt" in said
    problem = Frame(problem="x", problem_lead="verandert de markt voor jullie")
    assert "hierover" in writing.restatement(problem, "kennis_netwerk", PHRASES, {})


def test_a_problem_too_long_to_say_back_whole_is_said_back_by_its_first_part():
    lead = ("haken de adverteerders af en lezen jongeren jullie niet, weet je niet "
            "wat daarvan klopt voor een krantje als het jullie en wat anderen doen "
            "met podcasts en tiktok en al die andere dingen")  # fmt: skip
    said = writing.restatement(
        Frame(problem="x", problem_lead=lead), "kennis_netwerk", PHRASES, {}
    )
    assert said.startswith(
        "Als ik het goed begrijp, haken de adverteerders af en lezen jongeren jullie niet."
    )


def test_one_verb_that_is_a_whole_goal_is_a_goal():
    said = "ik wil eigenlijk gewoon bijblijven. horen wat er speelt, wat anderen doen"
    assert frame.read_answer(said, "goal").goal == "bijblijven"
    assert frame.restated_goal("horen", "ik wil horen") == ""


def test_a_listed_person_typed_without_its_article_gets_it_whatever_the_tag():
    # the stand-in tags "stagiaire" as an adjective: "hoe zorg je voor
    # stagiaire die blijft" lost its "een"
    said = frame.Frame(problem="x", problem_lead="zijn er te weinig handen",
                       goal="stagiaire die blijft")  # fmt: skip
    assert "voor een stagiaire die blijft" in writing.restatement(
        said, "talent", PHRASES, {}
    )


def test_a_problem_said_back_never_pastes_eight_words_of_what_was_typed():
    typed = ("we krijgen ze niet gemaakt. Sjoerd doet het richten en slijpen van de "
             "ijzers en niemand anders kan dat")  # fmt: skip
    lead = ("krijgen jullie ze niet gemaakt en doet Sjoerd het richten en slijpen van "
            "de ijzers en kan niemand anders dat")  # fmt: skip
    said = writing.restatement(
        Frame(problem="x", problem_lead=lead, goal="dat er iemand jongs naast Sjoerd staat"),
        "talent", PHRASES, {"said": typed},
    )  # fmt: skip
    assert not frame.copies(said, typed)
    assert said.startswith("Als ik het goed begrijp, krijgen jullie ze niet gemaakt.")


def test_a_goal_of_one_verb_is_asked_with_kunnen():
    """ "bijblijven": one word, so no noun before a relative "die" to look at."""
    question = writing.real_question(Frame(goal="bijblijven"), "kennis_netwerk", PHRASES["frame"], {})
    assert question == "hoe kun je bijblijven"


def test_students_asked_for_are_not_the_staff_who_are_to_learn():
    """ "kunnen studenten een app maken?", and then their own staff to train."""
    asked_for = Frame(problem="jullie hebben een probleem", who="studenten")
    question = writing.real_question(asked_for, "leven_lang_ontwikkelen", PHRASES["frame"], {})
    assert question == "hoe leer je je medewerkers wat ze hiervoor nodig hebben"
    said_as_theirs = writing.real_question(
        Frame(who="studenten"), "leven_lang_ontwikkelen", PHRASES["frame"],
        {"people": "je studenten", "topic": "app"},
    )  # fmt: skip
    assert said_as_theirs == "hoe leer je je medewerkers meer over app"
    assert writing.real_question(asked_for, "talent", PHRASES["frame"], {}) == (
        "hoe vind je studenten"
    )


@pytest.mark.parametrize(
    "answer, lead",
    [("keukens plaatsen kunnen ze, maar voor inductie moet steeds een elektricien komen",
      "moet steeds voor inductie een elektricien komen"),
     ("de stagiairs zijn prima, maar ze blijven nooit", "blijven de stagiairs nooit")],
)  # fmt: skip
def test_what_goes_well_before_maar_is_granted_not_the_problem(answer, lead):
    assert frame.read_answer(answer, "problem").problem_lead == lead


@pytest.mark.parametrize(
    "correction, goal",
    [("marketing maakt me niet uit. het gaat om het materiaal", "het materiaal"),
     ("ik hoef geen nieuwe monteur", ""),
     ("Een cursus hoeft niet per se. Ik wil vooral horen wat er bekend is",
      "vooral horen wat er bekend is")],
)  # fmt: skip
def test_what_a_correction_sets_aside_is_never_said_back_as_the_problem(correction, goal):
    read = frame.read(correction)
    assert (read.problem, read.problem_lead, read.goal) == ("", "", goal)


def test_a_clause_of_when_at_the_end_is_cut_off_whole_with_its_niet():
    # held-out 28th: the whole was too close to what was typed, and the cut
    # was refused for the "niet" it left out, so no problem was said back
    said = "mn mensen rijden elke week overal langs ook als het niet hoeft"
    lead = "rijden je mensen elke week overal langs ook als het niet hoeft"
    assert frame.unspliced(lead, said) == "rijden je mensen elke week overal langs"


def test_complaining_customers_are_a_problem():
    read = frame.read("klanten klagen over dooie planten")
    assert read.problem_lead == "klagen klanten over dooie planten"


def test_jullie_taken_for_a_noun_twice_does_not_garble_a_goal():
    goal = "dat jullie weten welke plant water nodig heeft voor jullie gaan rijden"
    assert not writing.garbled(goal)


@pytest.mark.parametrize(
    "text, problem, lead",
    [
        ("mijn zoon en ik kunnen het niet aleen", "je zoon en jij kunnen het niet alleen",
         "kunnen je zoon en jij het niet alleen"),
        ("ik en mijn vrouw doen alles zelf", "jij en je vrouw doen alles zelf",
         "doen jij en je vrouw alles zelf"),
    ],
)  # fmt: skip
def test_an_ik_beside_another_is_jij_and_the_verb_stays_plural(text, problem, lead):
    # a cutter skipper (23rd set) was told "je zoon en je kunnent het niet alleen"
    assert frame.problem_clause(text) == (problem, lead)


def test_one_person_who_arranges_it_is_no_bare_count():
    goal = "één persoon die het voor je regelt en alleen brengt wat bij jullie past"
    assert not writing.garbled(goal)


def test_a_question_after_a_greeting_is_asked_not_said():
    # "kun je bij jullie een stagiair aanvragen" was said back as the problem
    text = "Goedemiddag, kan ik bij jullie een stagiair aanvragen voor achter de bar?"
    assert frame.read(text).problem == ""
    assert frame.read("we lopen achter de feiten aan").problem
    assert frame.read("we lopen achter met de planning").problem_lead == (
        "lopen jullie achter met de planning"
    )


def test_others_who_want_something_first_in_a_clause_are_a_problem():
    read = frame.read_answer(
        "musea willen alles interactief. we besteden dat uit en dan hapert het",
        "problem",
    )
    assert read.problem_lead.startswith("willen musea alles interactief")
    assert read.goal == ""


def test_a_vague_wish_is_no_goal_and_no_problem_said_back():
    read = frame.read_answer(
        "ik wil een paar dingen. KvK stuurde me naar het werkgeversservicepunt",
        "problem",
    )
    assert read.goal == ""
    assert read.problem_lead == "stuurde KvK je naar het werkgeversservicepunt"


def test_being_sent_on_is_a_problem():
    read = frame.read("ik heb 4 instanties gebeld en iedereen stuurt me door")
    assert read.problem_lead == "stuurt iedereen je door"


def test_what_is_seen_is_kept_with_the_seeing():
    # "dat je mensen zien" was all that was left of the goal
    read = frame.read_answer(
        "dat mijn mensen zien wanneer een bewoner achteruit gaat en het goed "
        "doorgeven. en dat een paar helpenden verzorgende ig kunnen worden",
        "goal",
    )
    assert read.goal == "dat je mensen zien wanneer een bewoner achteruit gaat"


def test_a_verb_the_tagger_calls_a_noun_closes_a_relative_clause():
    assert not writing.garbled("een telefoonnummer van iemand die het regelt")


def test_everyone_or_no_one_says_something():
    assert not writing.says_nothing("stuurt iedereen je door")
    assert writing.says_nothing("hapert het ding steeds")


def test_that_they_want_it_too_is_no_others_wanting():
    read = frame.read("dat willen de jongens zelf ook")
    assert read.problem == ""


@pytest.mark.parametrize(
    "text, vague",
    [("het ding hapert steeds", True), ("geen idee hoe dat werkt", True),
     ("via via lukt het niet meer", True),
     ("we gooien elke dag brood weg", False)],
)  # fmt: skip
def test_an_opening_problem_too_vague_to_say_back_is_asked_after(text, vague):
    # "ik krijg mijn vacatures niet gevuld" is said back: "krijg je je ..."
    read = frame.read(text)
    assert writing.too_vague_to_say_back(read.problem_lead) is vague


@pytest.mark.parametrize(
    "verb, third",
    [("staat", True), ("werkt", True), ("loopt", True), ("heeft", True),
     ("weet", False), ("zit", False), ("moet", False), ("zoek", False),
     ("heb", False), ("mag", False)],
)  # fmt: skip
def test_a_form_no_ik_says_is_the_third_person(verb, third):
    assert dutch.third_person_form(verb) is third


def test_a_clause_that_dropped_het_is_not_said_back_with_je():
    # held-out 29th: "staat al 4 mnd online" (the vacancy) was said back as
    # "Als ik het goed begrijp, staat je al 4 maanden online."
    assert frame.problem_clause("staat al 4 mnd online") == ("", "")
    assert frame.problem_clause("ken hier geen enkele school")[1] == (
        "ken je hier geen enkele school"
    )


@pytest.mark.parametrize(
    "typed, said",
    [("dat ik niet alles zelf hoef uit te zoeken",
      "dat je niet alles zelf hoeft uit te zoeken"),
     ("omdat ik geen tijd heb om te zoeken", "omdat je geen tijd hebt om te zoeken")],
)  # fmt: skip
def test_the_verb_of_an_ik_subclause_agrees_before_its_particle_or_te(typed, said):
    # held-out 29th: "hoe zorg je ervoor dat je niet alles zelf hoef uit te zoeken"
    assert dutch.joined(dutch.to_second_person(dutch.words_of(typed))) == said


def test_an_adverb_before_no_verb_is_no_problem_said_back():
    # held-out 29th: "Als ik het goed begrijp, weg de marge."
    assert frame.garbled_lead("weg de marge")
    assert not frame.garbled_lead("gaan mensen boos weg")


def test_leven_in_leven_lang_ontwikkelen_is_nothing_daar_points_at():
    # held-out 29th: "Als ik het goed begrijp, snap je niks van leven."
    read = frame.read(
        "ik heb een brief gehad over leven lang ontwikkelen, slim regeling, "
        "techniekpact en nog wat. ik snap er niks van, waar moet ik beginnen"
    )
    assert read.problem_lead == "snap je niks van de brief"


def test_coming_eraan_is_no_pointer():
    # held-out 29th: "komt de vrachtwagenheffing aan de vrachtwagenheffing"
    read = frame.read_answer(
        "vrachtwagenheffing komt eraan, plus klanten willen elektrisch koelen. "
        "en de planners vragen mij dingen die ik zelf ook niet weet",
        "problem",
        "is er een cursus voor planners over de vrachtwagenheffing",
    )
    assert read.problem_lead.startswith("komt de vrachtwagenheffing eraan")


def test_a_customer_between_commas_a_burden_and_who_said_it_leave_the_demand():
    # held-out 31st: "niet zeggen ze" was said back, and "willen jullie die
    # machine moeten jullie ook nog leren" as what they want
    read = frame.read_answer(
        "nou de gemeente, onze grootste klant, wil vanaf volgend jaar alleen nog "
        "kleding die gerecycled kan worden. en met een geborduurd logo erop kan "
        "dat dus niet zeggen ze. en die machine moeten we ook nog leren hoor",
        "problem",
    )
    assert read.problem_lead.startswith(
        "wil de gemeente alleen nog kleding die gerecycled kan worden"
    )
    assert read.goal == ""


@pytest.mark.parametrize(
    "goal, said",
    [("die machine moeten jullie ook nog leren", "moeten jullie die machine ook nog leren"),
     ("minder brood weggooien", "wil je minder brood weggooien")],
)  # fmt: skip
def test_a_goal_with_its_own_verb_and_subject_is_said_with_the_verb_first(goal, said):
    assert writing.wanted(goal, PHRASES["frame"]) == said


def test_a_noun_the_tagger_calls_a_verb_in_a_list_without_verbs_is_no_wish():
    # held-out 31st: "wil je bellen en kratertjes" (bubbles and craters)
    read = frame.read_answer("bellen en kratertjes. altijd nieuwbouw", "problem")
    assert read.goal == ""


def test_which_level_will_do_is_no_problem_said_back():
    # held-out 31st: "Als ik het goed begrijp, maakt mbo of hbo niet uit."
    read = frame.read("welke school doet wat met distileren? mbo of hbo maakt niet uit")
    assert read.problem_lead == ""


def test_a_real_question_that_would_paste_eight_words_is_cut_back():
    problem = "de klant wil alleen nog kleding die gerecycled kan worden"
    goal = "dat we logo's kunnen zetten die er bij het recyclen weer af gaan"
    read = Frame(
        problem=problem,
        problem_lead="wil de klant alleen nog kleding die gerecycled kan worden",
        goal=frame.read_answer(goal, "goal", problem).goal,
    )
    said = writing.restatement(read, "innovatie", PHRASES, {"said": f"{problem} {goal}"})
    assert not frame.copies(said.split("vraag:")[1], goal)
    assert "logo's" in said


def test_rotting_is_what_goes_wrong_and_a_contrast_is_no_thing_gone_wrong():
    # held-out 31st: "gaat het om de ene cel de andere niet"
    read = frame.read_answer(
        "in sommige bakken gaan de wortels rotten. de ene cel wel de andere niet",
        "problem",
    )
    assert read.problem_lead == "gaan de wortels in sommige bakken rotten"


def test_defects_listed_are_said_back_and_a_first_wish_stands_before_a_not():
    # held-out 31st: no problem and no goal said back for a floor layer
    read = frame.read_answer("bellen en kratertjes. altijd nieuwbouw", "problem")
    assert read.problem_lead == "gaat het om bellen en kratertjes"
    goal = frame.read_answer(
        "weten waar t door komt en dat t niet meer gebeurt", "goal"
    )
    assert goal.goal == "weten waar het door komt"


def test_ik_wil_does_not_count_against_a_wish_said_whole():
    # held-out 31st: "hoe zorg je voor één iemand die meedenkt" lost what for,
    # and the entrepreneur typed the same correction twice
    read = frame.read_answer(
        "t gaat niet om distileren leren. ik wil gewoon 1 iemand die meedenkt en "
        "voor me uitzoekt bij wie ik moet zijn",
        "goal",
    )
    assert read.goal.endswith("voor je uitzoekt bij wie je moet zijn")


def test_a_participle_typed_with_t_is_said_back_with_d():
    # held-out 31st: "was standaard wachtwoord nooit verandert" said back
    assert dutch.written("het wachtwoord was nooit verandert.") == (
        "het wachtwoord was nooit veranderd."
    )
    assert dutch.written("het is verplicht, zegt de gemeente") == (
        "het is verplicht, zegt de gemeente"
    )


def test_a_correction_that_cannot_be_said_back_keeps_the_problem_that_can():
    # held-out 31st: "Als ik het goed begrijp, moet je jonge matrijzenmakers."
    held = Frame(
        problem="3 van je 4 matrijzenmakers zijn over een paar jaar weg",
        problem_lead="zijn 3 van je 4 matrijzenmakers over een paar jaar weg",
    )
    newer = frame.read(
        "ik moet jonge matrijzenmakers die het van de oude garde leren voor die weg zijn"
    )
    assert frame.garbled_lead("moet je jonge matrijzenmakers")
    assert held.merged(newer).problem_lead == held.problem_lead


@pytest.mark.parametrize(
    "lead, garbled",
    [("zoeken klanten helpt niet als jullie het nieuwe werk niet kunnen", True),
     ("hebben klanten last van de geur", False),
     ("zijn klanten verplicht om te melden", False)],
)  # fmt: skip
def test_an_infinitive_subject_is_not_said_back_verb_first(lead, garbled):
    # held-out 31st: "zoeken klanten helpt niet" from "klanten zoeken helpt niet"
    assert frame.garbled_lead(lead) is garbled


def test_a_plural_ze_after_one_person_named_is_said_as_many_with_its_article():
    # held-out 32nd: "hoe kan het stagiair het op school al leren"
    said = "dat ze het op school al leren, dan hoef ik niet elke stagiair vanaf nul"
    opening = "zoek een stagiair installatietechniek die al weet hoe het werkt"
    assert frame.with_antecedents(said, opening, goal=True).startswith(
        "dat stagiairs het op school al leren"
    )
    # people the tagger counts as one but are many stay as said
    opening = "Onze klantbehandelaars krijgen boze mensen aan de lijn."
    assert frame.with_antecedents("Dat ze rustig blijven", opening, goal=True) == (
        "Dat onze klantbehandelaars rustig blijven"
    )


def test_a_clause_joined_by_en_goes_on_with_its_verb_first():
    read = frame.read_answer(
        "probleem is dat mn ploegleiders allemaal 55+ zijn en er komt niks jongs"
        " achteraan",
        "problem",
    )
    assert read.problem_lead.endswith("en komt er niks jongs achteraan")


@pytest.mark.parametrize(
    "typed, listed",
    [("stagairs", False),  # "stag" + the rare "airs": "stagiairs" one letter short
     ("soldeerfouten", True),  # a compound with a common last part
     ("lasrobots", True)],  # one edit from "lasrobot", the same word
)  # fmt: skip
def test_a_compound_of_a_rare_part_one_edit_from_a_listed_word_is_a_typo(typed, listed):
    assert dutch.known(typed) is listed


@pytest.mark.parametrize(
    "said, lead",
    [("stagiairs na 10 weken weg", "zijn stagiairs na 10 weken weg"),
     ("machine kapot", "is de machine kapot"),  # "het machine" before
     ("de oven weer kapot", "is de oven weer kapot")],  # the tagger's plural "oven"
)  # fmt: skip
def test_a_thing_and_its_state_without_a_verb_get_is_or_zijn(said, lead):
    assert frame.read_answer(said, "problem").problem_lead == lead


def test_sides_are_no_people():
    assert frame.read("ik krijg van alle kanten mails van scholen").who == ""


def test_going_on_pension_is_what_goes_wrong():
    # held-out 34th: only "niemand anders kan het zo" was said back
    said = ("onze beste spuiter gaat volgend jaar met pensioen. doet al 30 jaar de "
            "onderwaterschepen, coating, alles. niemand anders kan t zo")  # fmt: skip
    assert frame.read_answer(said, "problem").problem_lead == (
        "gaat jullie beste spuiter volgend jaar met pensioen en kan niemand anders het zo"
    )
    assert frame.read("onze oudste podotherapeut gaat in april met pensioen").problem_lead == (
        "gaat jullie oudste podotherapeut in april met pensioen"
    )


def test_a_verb_of_knowing_cut_before_its_what_is_no_goal():
    said = "beter snappen waar het heen gaat met stadstoerisme en van anderen horen wat werkt"
    assert frame.read_answer(said, "goal").goal == ""
    # a what that is kept: "leren kennen" whom
    said = ("Ik wil studenten van de hogeschool hier leren kennen tijdens hun stage of "
            "afstuderen, zodat ze na hun studie in Friesland bij ons komen werken.")  # fmt: skip
    assert frame.read_answer(said, "goal").goal.endswith("leren kennen")


def test_the_verb_after_je_turns_also_after_a_number_the_tagger_calls_a_verb():
    said = "tja, weten wat er echt aankomt voor ik een miljoen uitgeef"
    assert frame.read_answer(said, "goal").goal.endswith("voor je een miljoen uitgeeft")


def test_an_owner_and_an_adjective_without_their_noun_are_not_said_back():
    said = "weten jullie een goeie leverancier van droogkasten voor hout? onze oude doet t niet meer goed"
    assert frame.read(said).problem_lead == ""
    assert frame.read("onze oude machine doet het niet meer goed").problem_lead == (
        "doet jullie oude machine het niet meer goed"
    )


def test_a_fair_is_no_people():
    # held-out 35th: "hoe vind je twee nieuwe carrièrebeurs"
    said = "kunnen wij een stand krijgen op de carrierebeurs van de hogeschool? we zoeken ok assistenten"
    assert frame.read(said).who != "carrièrebeurs"


@pytest.mark.parametrize(
    "answer, goal",
    [("vaste groep studenten die in het weekend en savonds de balie en de check "
      "doen. en die niet na 2 maanden weg zijn", "een vaste groep studenten"),
     ("een junior adviseur die na een afstudeerproject bij ons blijft en zelf "
      "metingen en rekenmodellen kan doen", "een junior adviseur"),
     ("een monteur die zelfstandig kan werken", "een monteur die zelfstandig kan werken"),
     ("één aanspreekpunt die het regelt", "één aanspreekpunt die het regelt")],
)  # fmt: skip
def test_a_goal_never_ends_in_a_relative_clause_without_its_verb(answer, goal):
    # 11th and 18th sets: "hoe zorg je voor een junior adviseur die na een
    # afstudeerproject?", cut at its "en"
    assert frame.read_answer(answer, "goal").goal == goal


def test_a_phrase_said_in_between_does_not_cut_the_goal_before_its_verb():
    # held-out 36th: "hoe zorg je ervoor dat je eigen jongens, zo snel mogelijk?"
    answer = ("dat mijn eigen jongens, de boorassistenten, over een jaar of 2 zelf een "
              "boring kunnen leiden. en dat er een echte opleiding met papieren is")  # fmt: skip
    assert frame.read_answer(answer, "goal").goal == (
        "dat je eigen jongens zelf een boring kunnen leiden"
    )


@pytest.mark.parametrize(
    "text, worded",
    [("sluiten jullie 1 a 2 dagen per maand een groep",
      "sluiten jullie één tot twee dagen per maand een groep"),
     # a level, a norm, a share and a time stay in digits
     ("mbo 4 of niveau 2, volgens nen 3140, 1,5 uur, 20% en 12:00",
      "mbo 4 of niveau 2, volgens nen 3140, 1,5 uur, 20% en 12:00"),
     ("40 containers", "40 containers")],
)  # fmt: skip
def test_small_numbers_are_written_out(text: str, worded: str) -> None:
    assert frame.in_words(text) == worded


def test_a_problem_said_back_whole_has_its_numbers_in_words() -> None:
    read = frame.read_answer(
        "we sluiten 1 a 2 dagen per maand een groep en de ouders zijn boos", "problem"
    )
    assert read.problem_lead.startswith("sluiten jullie één tot twee dagen per maand een groep")



def test_a_plural_typed_without_its_apostrophe_stays_plural() -> None:
    assert dutch.cleaned("autos") == "auto's"
    assert dutch.cleaned("fotos") == "foto's"
    assert dutch.cleaned("adas") != "ada's"  # a system's abbreviation, no name


@pytest.mark.parametrize(
    "answer, lead",
    [("hbo'ers die bij ons binnenkomen weten weinig van installaties in de praktijk",
      "weten hbo'ers die bij jullie binnenkomen weinig van installaties in de praktijk"),
     ("de leerlingen die bij ons binnenkomen hebben nooit met verse vis gewerkt",
      "hebben de leerlingen die bij jullie binnenkomen nooit met verse vis gewerkt"),
     # "of" between two things asks nothing: what they do not know is said
     ("nieuwe laboranten weten niks van natuurlijke conservering of stabiliteitstesten",
      "weten nieuwe laboranten niks van natuurlijke conservering of stabiliteitstesten")],
)  # fmt: skip
def test_a_subject_with_its_relative_clause_is_said_back(answer: str, lead: str) -> None:
    assert frame.read_answer(answer, "problem").problem_lead == lead


def test_a_time_said_first_keeps_er_after_the_verb_and_is_no_wish() -> None:
    read = frame.read_answer(
        "elke avond komen er zo'n 6 kratten brood retour uit de winkels", "problem"
    )
    assert read.goal == ""
    assert read.problem_lead == "komen er elke avond zo'n 6 kratten brood retour"


def test_causal_daardoor_points_at_nothing_and_da_vinci_is_a_name() -> None:
    read = frame.read_answer(
        "er komen robot instrumenten, da vinci enzo. daardoor moeten we alles dubbel"
        " controleren",
        "problem",
    )
    assert "Vinci moeten" not in read.problem
    assert "moeten jullie alles dubbel controleren" in read.problem_lead


def test_a_phrase_and_its_verb_is_a_goal_without_a_subject() -> None:
    assert frame.read_answer("gewoon bij de tijd zijn", "goal").goal == "bij de tijd zijn"


def test_the_entrepreneurs_jullie_is_the_pps_not_their_people() -> None:
    # (the opening as stored, its "?" gone)
    said = antecedents.said_before("hoii, hebben jullie stagiaires visagie voor het tv seizoen")
    assert antecedents.resolved("ze moeten het opnieuw leren", said, frame.names_people) == (
        "de stagiaires moeten het opnieuw leren"
    )


def test_a_relative_clause_is_not_split_before_its_verb() -> None:
    said = "er komen klanten die gepersonaliseerd drukwerk en data willen en daar heb ik niemand voor"
    assert not any(part.startswith("data willen") for part in dutch.sentences(said))


def test_a_verb_stem_compound_is_a_word_and_a_typo_is_still_corrected() -> None:
    assert dutch.cleaned("couverteermachines") == "couverteermachines"
    assert dutch.cleaned("metsalaars") == "metselaars"
    read = frame.read_answer(
        "de mensen op de couverteermachines hebben straks geen werk", "problem"
    )
    assert read.problem_lead == "hebben de mensen op de couverteermachines straks geen werk"


def test_valves_are_no_people() -> None:
    assert frame.people("wij reviseren afsluiters en veiligheidskleppen") == ""


def test_a_first_part_only_a_listed_compound_has_makes_a_word() -> None:
    # OpenTaal lists "cashewnoot", not "cashew"; "lasrobot" is "las" + "robot"
    assert dutch.known("cashewkaas")
    assert not dutch.known("lasroboten") and not dutch.known("lasrbot")
    read = frame.read_answer("nu wordt onze cashewkaas na 3 weken zuur", "problem")
    assert read.problem_lead == "wordt jullie cashewkaas na 3 weken zuur"


def test_refusing_what_was_said_is_no_goal() -> None:
    said = "nu wordt onze kaas na 3 weken zuur. en zonder conserveermiddelen, dat willen we niet"
    assert frame.read_answer(said, "problem").goal == ""


def test_what_does_work_said_with_wel_is_granted_in_its_own_sentence() -> None:
    said = ("plukkers krijgen we wel via het uitzendbureau hoor. maar sinds de nieuwe "
            "koelcel worden de bessen na 3 4 dagen zacht")  # fmt: skip
    read = frame.read_answer(said, "problem")
    assert read.problem_lead == "worden de bessen sinds de nieuwe koelcel na 3 4 dagen zacht"


def test_someone_of_a_listed_word_is_a_word() -> None:
    assert dutch.known("logistiekers")
    assert not dutch.known("monteurer")
    said = "dat er elk jaar een paar jonge logistiekers bij ons instromen"
    assert "logistiekers" in frame.read_answer(said, "goal").goal


def test_what_is_not_the_problem_is_not_said_back() -> None:
    said = "eigenlijk is de zomer niet het probleem. jonge mensen weten niet eens dat dit vak bestaat"
    read = frame.read_answer(said, "problem")
    assert read.problem_lead == "weten jonge mensen niet dat dit vak bestaat"


def test_a_date_keeps_its_digit() -> None:
    from bot.intake import writing

    said = "hoe leer je het ze, vanaf 1 januari? met 1 aanspreekpunt"
    assert writing.one_in_words(said) == (
        "hoe leer je het ze, vanaf 1 januari? met één aanspreekpunt"
    )
    assert frame.in_words("voor 1 januari 3 mensen") == "voor 1 januari drie mensen"


def test_what_they_fear_before_they_know_it_is_no_problem() -> None:
    # "weet zet je 2 ton in de grond voor je het voor niks" was said back
    said = "voor je t weet zet ik 2 ton in de grond voor niks"
    assert frame.read_answer(said, "problem").problem_lead == ""


def test_the_same_is_one_word() -> None:
    assert dutch.written("elke partij t zelfde") == "elke partij hetzelfde"


def test_what_the_38th_set_said_around_its_answers():
    # a means asked for is no problem: "Wat gaat er nu mis?" is still asked
    asked = frame.read("kan een student onze etalage opknappen? ziet er niet meer uit")
    assert asked.problem == "" and asked.problem_lead == ""
    # who it is asked for is about the asking
    for_us = frame.read_answer(
        "nou eerlijk gezegd is het niet voor een vriendin maar voor ons. ik weet "
        "niet wat wat is en wat het ons kost",
        "problem",
    )
    assert "vriendin" not in for_us.problem
    # what they correct themselves to is what goes wrong
    really = frame.read_answer(
        "nou de polen gaan in feb naar huis en dan staan we met te weinig. en "
        "eigenlijk.. harrie stopt volgend jaar, die doet al t trekkerwerk",
        "problem",
    )
    assert really.problem_lead.startswith("stopt Harrie volgend jaar")
    # "iets met mn webshop" is a wish still to ask
    webshop = frame.read_answer(
        "ik snap niet wie wat wil. en ik wil zelf eigenlijk ook nog iets met mn webshop",
        "problem",
    )
    assert webshop.goal == ""
    # a goal of one word, then what it means
    keeping_up = frame.read_answer(
        "bijblijven. weten hoe anderen dit aanpakken zonder dat ik alles zelf moet "
        "uitzoeken",
        "goal",
    )
    assert keeping_up.goal.startswith("weten hoe anderen dit aanpakken")
    # "weet ik eigenlijk niet" first, then the answer
    unsure = frame.read_answer(
        "weet ik eigenlijk niet. zien wat anderen doen, of er nog toekomst in zit",
        "goal",
    )
    assert unsure.goal == "zien wat anderen doen" and unsure.problem == ""


def test_a_past_keeps_its_one_form_and_a_there_is_none_of_here():
    said = frame.read_answer(
        "2 schole gebelt, werd doorverbonden en kwam nergens. geen slagersopleiding "
        "hier in de buurt",
        "problem",
    )
    assert "kwamt" not in said.problem and "je kwam nergens" in said.problem
    assert said.problem_lead == "is er geen slagersopleiding hier in de buurt"


def test_a_fixed_pair_is_no_clause_joint():
    oven = frame.read_answer(
        "de smelt oven moet dag en nacht op 1100 graden blijven, ook in het weekend",
        "problem",
    )
    assert oven.problem_lead == "moet de smelt oven dag en nacht op 1100 graden blijven"


def test_stopping_is_trouble_only_for_who_stops():
    for said in ("harrie stopt volgend jaar", "over 2 jaar stopt ie", "stopt met kerst"):
        assert frame.kind_of(said) == "problem"
    goal = frame.read_answer("dat de opleiding meer van ons vak erin stopt", "goal")
    assert goal.goal == "dat de opleiding meer van jullie vak erin stopt"


@pytest.mark.parametrize(
    "said, goal",
    [("zelf paar uur per week voor de klas. meer praktijk", "meer praktijk"),
     ("2 uur per week, dat de planning klopt", "dat de planning klopt"),
     ("dat ze een dag per week meedraaien", "dat ze een dag per week meedraaien")],
)  # fmt: skip
def test_the_time_they_give_is_no_goal_but_what_follows_may_be(said, goal):
    assert frame.read_answer(said, "goal").goal == goal


def test_no_je_is_put_before_an_existential_er_nor_nl_read_as_a_country():
    said = frame.read_answer("eerlijk gezegd komt er nooit een stagiair", "problem")
    assert "je er" not in said.problem_lead and "je komt" not in said.problem
    complaints = frame.read_answer("we krijgen nl best veel klachten over gevels", "problem")
    assert complaints.problem_lead == "krijgen jullie veel klachten over gevels"


@pytest.mark.parametrize(
    "goal, broken",
    [("dat je binders een rouwstuk", True),  # held-out 40th: its verb cut off
     # a verb the tagger took for a noun is still a verb (dev, after the 40th)
     ("dat klanten zelf online met hun vaccinatiebewijs erbij boeken", False),
     ("dat de opleiding dat onderwijst", False)],
)  # fmt: skip
def test_a_that_clause_without_its_verb_is_garbled(goal, broken):
    assert writing.garbled(goal) is broken


def test_no_reaction_for_two_years_is_a_problem_but_leather_not_cloth_is_not():
    assert frame.read("al twee jaar geen enkele reactie").problem_lead == (
        "gaat het om al twee jaar geen enkele reactie"
    )
    assert frame.read("welke school leidt tassenmakers op? leer, geen stof").problem == ""


def test_people_who_stop_are_a_problem_not_a_wish():
    # the 40th set after its run: "wil je je 2 ervaren tassenmakers stoppen"
    said = "mijn 2 ervaren tassenmakers stoppen over een paar jaar"
    assert frame.read_answer(said, "problem").goal == ""
    assert frame.read_answer(said, "problem").problem
    assert frame.problem_clause("onze lassers stoppen over een paar jaar")[1] == (
        "stoppen jullie lassers over een paar jaar"
    )
    assert frame.kind_of("we willen stoppen met papier") == "goal"


def test_what_was_not_known_says_less_than_what_is():
    # held-out 40th: "ik wist het niet" after what is the case says nothing
    read = frame.read_answer(
        "de sleutels van klanten liggen in een la op kantoor en ik weet het eigenlijk niet",
        "problem",
    )
    assert read.problem_lead == "liggen de sleutels van klanten in een la op kantoor"


def test_a_second_verb_after_of_goes_first_only_without_its_own_subject():
    assert frame._what_the_problem_is(
        "het probleem is dat de lassers te weinig tijd hebben en klanten wachten"
    ) == "de lassers hebben te weinig tijd en klanten wachten"


def test_i_before_a_plural_is_who_wants_not_whose():
    # held-out 40th: "je klanten moeten eerlijk kunnen zeggen" read "ik" as "your"
    goal = frame.read_answer(
        "dat ik klanten eerlijk kan zeggen dat hun codes en sleutels veilig zijn",
        "goal",
    ).goal
    assert goal == "je moet klanten eerlijk kunnen zeggen dat hun codes en sleutels veilig zijn"


def test_a_verb_put_before_je_loses_its_t():
    # dev (38th): "ik wordt ..." typed with its t was said back "wordt je"
    read = Frame(
        problem="je wordt van het kastje naar de muur gestuurd",
        problem_lead="wordt je van het kastje naar de muur gestuurd",
    )
    said = writing.restatement(read, "loket", PHRASES, {})
    assert said.startswith("Als ik het goed begrijp, word je van het kastje")


def test_a_subject_the_tagger_takes_for_a_verb_is_still_shared():
    # dev (fresh): "uitzendkrachten" tagged as a verb left "kennen de spullen
    # niet" without its subject
    said = "uitzendkrachten zijn elke keer anders en kennen de spullen niet"
    assert dutch.sentences(said)[1] == "uitzendkrachten kennen de spullen niet"


def test_two_things_joined_by_of_are_one_goal():
    # dev (32nd): "of" read as the start of a clause cut the goal off
    assert not writing.garbled("een bak van biobased of recyclebaar materiaal")
    assert writing.garbled("weten of het")


def test_a_word_that_is_no_verb_is_not_put_first():
    # dev (fourth): "close-in boilers voor inductie en moet ..." was said back
    lead = frame.problem_clause(
        "voor inductie en close-in boilers moet steeds een elektricien komen"
    )[1]
    assert not lead.startswith("close-in")


@pytest.mark.parametrize(
    "said, lead",
    [("2 ovenmannen stoppen. uitzendkrachten blijven niet", "stoppen 2 ovenmannen"),
     ("onze 2 ovenmannen stoppen", "stoppen jullie 2 ovenmannen")],
)  # fmt: skip
def test_people_who_stop_are_what_goes_wrong_also_counted(said, lead):
    # held-out 41st: "2 ovenmannen stoppen" was said back as "wil je 2
    # ovenmannen stoppen"
    read = frame.read_answer(said, "problem")
    assert (read.goal, read.problem_lead) == ("", lead)


def test_a_wish_to_stop_a_thing_stays_a_wish():
    assert frame.read_answer("we willen het verloop stoppen", "problem").goal == (
        "het verloop stoppen"
    )


def test_a_wish_that_would_paste_is_said_with_its_adverb_first():
    # held-out 41st: every order of "dat ze op school al leren wat
    # sportveldbeheer is" pasted it, so the goal fell to a later "ik wil ..."
    goal = frame.read_answer(
        "nou dat ze op school al leren wat sportveldbeheer is, zodat een stagiair "
        "niet bij nul begint. ik wil daar best zelf wat lessen voor geven",
        "goal",
    ).goal
    assert goal == "ze moeten al op school leren wat sportveldbeheer is"


def test_a_count_inside_a_phrase_leaves_the_tagging_alone():
    # dev (32nd): "boven de 25 graden gaan ..." came back "gaan de boven de 25
    # graden draadalgen los"
    read = frame.read_answer("boven de 25 graden gaan de draadalgen los", "problem")
    assert not read.problem_lead.startswith("gaan de boven")
