"""Issue 22 against the real servers: nothing said is thrown away without a
yes, questions on the side are answered, and an intake that ends after the
confirmed question still reaches a coordinator, marked incomplete."""

from __future__ import annotations

import pytest

from bot.store.session import UnitOfWork, session_factory
from tests.e2e.conversation import say, texts, tracker
from tests.e2e.servers import ROOT, bot_servers

pytestmark = pytest.mark.skipif(
    not (ROOT / "models" / "vraagwijzer.tar.gz").exists(),
    reason="no trained model: run `make train` (make test does)",
)

TO_THE_TIME_QUESTION = [
    "ik krijg mijn vacatures voor monteurs niet gevuld",
    "monteurs die blijven",
    "3, mbo",
]
TO_THE_CHOICE = [
    *TO_THE_TIME_QUESTION,
    "zo snel mogelijk",
    "Jansen Installatietechniek in Eindhoven",
    "installatie, 8 man",
    "ja klopt",
]


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    with bot_servers(tmp_path_factory.mktemp("never-lose")) as (base, database_url):
        yield base, database_url


def walk(base: str, sender: str, messages) -> None:
    for message in messages:
        assert say(base, sender, message), message


def stored(database_url: str, sender: str):
    with UnitOfWork(session_factory(database_url)) as uow:
        request = uow.requests.get_by_conversation(sender)
        if request is None:
            return None
        return {c.name: getattr(request, c.name) for c in request.__table__.columns}


def test_liefst_vanaf_volgend_semester_is_the_answer_not_a_restart(servers):
    base, _ = servers
    sender = "never-lose-semester"
    walk(base, sender, TO_THE_TIME_QUESTION)
    assert tracker(base, sender)["slots"]["requested_slot"] == "time_horizon"
    answers = say(base, sender, "Liefst vanaf volgend semester")
    slots = tracker(base, sender)["slots"]
    assert "opnieuw" not in texts(answers).lower()
    assert slots["need_category"] == "talent" and slots["headcount"] == "3"
    assert "semester" in (slots["time_horizon"] or "")
    assert slots["requested_slot"] == "company_name", texts(answers)


def test_a_level_with_a_doubt_and_a_cost_question_is_taken_and_answered(servers):
    """ "mbo denk ik, mechatronica ofzo? wat kost zo iemand eigenlijk?": the
    level was asked three times and stored as "weet ik niet" (held-out 32nd)."""
    base, _ = servers
    sender = "never-lose-level-and-cost"
    walk(base, sender, TO_THE_TIME_QUESTION[:2] + ["3"])
    assert tracker(base, sender)["slots"]["requested_slot"] == "education_level"
    said = texts(say(base, sender, "mbo denk ik, mechatronica ofzo? wat kost zo iemand eigenlijk?"))
    slots = tracker(base, sender)["slots"]
    assert slots["education_level"] == "mbo"
    assert slots["requested_slot"] != "education_level"
    assert "gratis" in said


def test_start_over_asks_first_and_no_keeps_everything(servers):
    base, _ = servers
    sender = "never-lose-no"
    walk(base, sender, TO_THE_TIME_QUESTION)
    asked = say(base, sender, "opnieuw beginnen")
    assert "Dan begin je opnieuw en ben ik kwijt wat je al vertelde" in texts(asked)
    resumed = say(base, sender, "nee")
    slots = tracker(base, sender)["slots"]
    assert "verder" in texts(resumed)
    assert "Wanneer" in texts(resumed)  # the open question again
    assert slots["need_category"] == "talent" and slots["headcount"] == "3"
    assert slots["requested_slot"] == "time_horizon"


def test_start_over_after_a_yes_starts_over(servers):
    base, _ = servers
    sender = "never-lose-yes"
    walk(base, sender, [*TO_THE_TIME_QUESTION, "opnieuw"])
    answers = say(base, sender, "ja")
    assert "We beginnen opnieuw" in texts(answers)
    assert tracker(base, sender)["slots"]["need_category"] is None


def test_a_question_on_the_side_is_answered_and_the_question_asked_again(servers):
    base, _ = servers
    sender = "never-lose-cost"
    walk(base, sender, TO_THE_CHOICE)
    answers = say(base, sender, "wat kost dit?")
    said = texts(answers)
    assert "Wat de voorstellen kosten" in said and "gratis" in said
    assert "Welke spreekt je het meest aan" in said
    assert tracker(base, sender)["slots"]["requested_slot"] == "chosen_option"


def test_a_stop_after_the_confirmed_question_keeps_it_marked_incomplete(servers):
    base, database_url = servers
    sender = "never-lose-stop"
    walk(base, sender, TO_THE_CHOICE)
    kept = stored(database_url, sender)
    assert kept is not None and kept["incomplete"] is True  # already when confirmed
    asked = say(base, sender, "stop")
    assert "onvolledig" in texts(asked)
    answers = say(base, sender, "ja")
    assert "bewaard als onvolledig" in texts(answers)
    row = stored(database_url, sender)
    assert row["incomplete"] is True and row["need_category"] == "talent"
    assert row["refined_question"]


def test_a_name_and_phone_number_without_email_store_the_request(servers):
    base, database_url = servers
    sender = "never-lose-phone"
    walk(base, sender, [*TO_THE_CHOICE, "1", "ja"])
    answers = say(base, sender, "Jan de Boer, 06 12345678, ik heb geen mail")
    assert "opgeslagen" in texts(answers)
    row = stored(database_url, sender)
    assert row["contact_name"] == "Jan de Boer"
    assert row["contact_phone"] == "06 12345678" and row["contact_email"] is None
    assert row["incomplete"] is False


def test_asking_for_a_coordinator_first_is_answered_after_the_contact_details(servers):
    """ "wat is het nummer van de stagecoördinator?" before any question is
    told: the contact details get an answer, not silence, and the request is
    the coordinator's, with the phone number."""
    base, database_url = servers
    sender = "never-lose-handoff-first"
    say(base, sender, "wat is het nummer van de stagecoördinator van het roc?")
    say(base, sender, "ja")
    answers = say(base, sender, "Bram van Gils, geen mail, bel maar, 06 30 74 61 15")
    assert "coördinator neemt binnen twee werkdagen contact" in texts(answers)
    assert "waar je vraag over gaat" in texts(answers)
    request = stored(database_url, sender)
    assert request["handoff_requested"]
    assert "".join(filter(str.isdigit, request["contact_phone"])) == "0630746115"
    # what they tell then starts the intake, on the same request
    asked = say(base, sender, "ik zoek een leerling voor de groentewinkel")
    assert texts(asked).strip()


def test_the_answers_name_the_need_behind_the_opening_and_a_yes_keeps_it(servers):
    """ "ik zoek een stagiair", then what goes wrong and what should change
    ask for a say in the course; a "ja, en ..." to the restatement that
    mentions the stagiair again does not turn it back into talent."""
    base, _ = servers
    sender = "never-lose-need-behind"
    walk(
        base,
        sender,
        [
            "ik zoek een stagiair voor deze zomer",
            "niemand kent ons vak, op het mbo leren ze er niks over, elke nieuwe"
            " jongen moet alles van ons leren",
            "dat de opleiding ons vak in de lessen opneemt, onze oudste monteur"
            " wil daar best les geven",
        ],
    )
    assert tracker(base, sender)["slots"]["need_category"] == "onderwijs_invloed"
    for _ in range(6):
        slots = tracker(base, sender)["slots"]
        if slots["requested_slot"] == "question_confirmed":
            break
        assert say(base, sender, "Bliksem Oost, Apeldoorn, 9 man, installatie")
    assert tracker(base, sender)["slots"]["requested_slot"] == "question_confirmed"
    say(base, sender, "ja. en die stagiairs komen dan vanzelf")
    assert tracker(base, sender)["slots"]["need_category"] == "onderwijs_invloed"


def test_a_yes_with_a_question_beside_it_confirms_and_keeps_the_question(servers):
    base, _ = servers
    sender = "never-lose-yes-and-a-question"
    walk(base, sender, TO_THE_CHOICE[:-1])
    assert tracker(base, sender)["slots"]["requested_slot"] == "question_confirmed"
    say(base, sender, "ja. maar kunnen ze ook in het weekend werken?")
    slots = tracker(base, sender)["slots"]
    assert slots["question_confirmed"] is True and not slots["question_correction"]
    assert "weekend" in (slots["open_questions"] or "")
    assert slots["need_category"] == "talent"


def test_a_yes_with_another_wish_beside_it_keeps_the_need(servers):
    """ "ja, al zou ik die cursus er ook nog wel bij willen": agreed; the
    course beside it is no correction that turns the need into training
    (the options were ranked for another need than the one stored)."""
    base, _ = servers
    sender = "never-lose-yes-though"
    walk(base, sender, TO_THE_CHOICE[:-1])
    assert tracker(base, sender)["slots"]["requested_slot"] == "question_confirmed"
    say(base, sender, "ja, al zou ik die chauffeurscursus er ook nog wel bij willen")
    slots = tracker(base, sender)["slots"]
    assert slots["question_confirmed"] is True
    assert slots["need_category"] == "talent"


def test_a_yes_with_a_cost_question_confirms_and_answers_it_once(servers):
    # held-out 29th: the costs were answered and the restatement asked again,
    # three times, while all that was left to say was "ja"
    base, _ = servers
    sender = "never-lose-yes-and-what-does-it-cost"
    walk(base, sender, TO_THE_CHOICE[:-1])
    assert tracker(base, sender)["slots"]["requested_slot"] == "question_confirmed"
    said = texts(say(base, sender, "ja. wat kost dat?"))
    slots = tracker(base, sender)["slots"]
    assert slots["question_confirmed"] is True
    assert slots["requested_slot"] != "question_confirmed"
    assert "gratis" in said and "Klopt dat?" not in said


ANSWER_TO = {
    "problem": "we hebben al een half jaar levertijd, te weinig timmermannen",
    "desired_outcome": "weer binnen drie maanden leveren",
    "headcount": "2",
    "education_level": "mbo",
    "time_horizon": "zo snel mogelijk",
    "own_time": "weinig",
    "company_name": "Kozijnen Vechtdal, Ommen, 14 man",
    "region": "Ommen",
    "company_size": "14",
    "sector": "bouw",
}


def test_a_correction_that_sets_the_wish_aside_drops_it_from_the_question(servers):
    """ "die configurator is bijzaak": the wish said is no longer the goal."""
    base, _ = servers
    sender = "never-lose-wish-set-aside"
    say(base, sender, "goedemiddag, wij willen graag een 3d configurator op onze site"
        " waar klanten zelf hun kozijnen kunnen samenstellen. kan een student dat"
        " bouwen?")  # fmt: skip
    # the opening's wish is the request; asked what should change, they say it again
    wish = {"desired_outcome": "een 3d configurator waarmee klanten zelf kozijnen"
            " samenstellen"}  # fmt: skip
    for _ in range(12):
        requested = tracker(base, sender)["slots"]["requested_slot"]
        if requested == "question_confirmed":
            break
        assert say(base, sender, {**ANSWER_TO, **wish}[requested])
    assert "configurator" in tracker(base, sender)["slots"]["desired_outcome"]
    say(base, sender, "nee niet helemaal")
    answers = say(base, sender, "die configurator is bijzaak, ik kan de bestellingen"
                  " nu al niet maken. het gaat om timmerlui")  # fmt: skip
    slots = tracker(base, sender)["slots"]
    assert "configurator" not in (slots["desired_outcome"] or ""), texts(answers)
    assert "configurator" not in texts(answers).split("Je eigenlijke vraag:")[-1]
