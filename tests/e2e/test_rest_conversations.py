"""Whole intakes over the REST channel against the real servers and store."""

from __future__ import annotations

from typing import Dict, List

import pytest

from tests.e2e.conversation import buttons, say, texts, tracker
from tests.e2e.servers import ROOT, bot_servers, stored_requests
from tests.e2e.stored import transcript_of

pytestmark = pytest.mark.skipif(
    not (ROOT / "models" / "vraagwijzer.tar.gz").exists(),
    reason="no trained model: run `make train` (make test does)",
)

# (message, slot the bot asks for next); "*" picks the first option button.
INTAKES = {
    "talent": [
        # for talent too, what should be different is asked first
        ("ik krijg mijn vacatures voor monteurs niet gevuld", "desired_outcome"),
        ("monteurs die blijven", "headcount"),
        ("3, mbo", "time_horizon"),
        ("zo snel mogelijk", "company_name"),
        ("Jansen Installatietechniek in Eindhoven", "company_size"),
        ("installatie, 8 man", "question_confirmed"),
        ("ja klopt", "chosen_option"),
        ("*", "contact_consent"),
        ("ja", "contact_name"),
        ("Piet Jansen, piet@jansen.nl", None),
    ],
    "innovatie": [
        # nothing in the opening says what goes wrong: that is asked first
        ("we moeten iets met duurzaamheid maar weten niet wat", "problem"),
        ("minder energie verbruiken in de productie", "education_level"),
        ("hbo", "time_horizon"),
        ("binnen een half jaar, een paar uur per week", "company_name"),
        # the name says what the company does: the sector is not asked
        ("Metaalbewerking De Vries uit Twente", "company_size"),
        ("metaal, 25 man", "question_confirmed"),
        ("nee", "question_correction"),
        ("we willen onze restwarmte hergebruiken", "question_confirmed"),
        ("ja", "chosen_option"),
        ("2", "contact_consent"),
        ("ja", "contact_name"),
        ("Anna de Vries, anna@devries-metaal.nl, 06 12345678", None),
    ],
    "leven_lang_ontwikkelen": [
        ("mijn monteurs moeten bijgeschoold worden op warmtepompen", "problem"),
        # the wish in the opening is the request: what it should bring is asked
        ("ze kunnen nog geen warmtepompen installeren", "desired_outcome"),
        ("dat ze zelf warmtepompen installeren en onderhouden", "headcount"),
        # "when" and "how much time" are one question
        ("zes, mbo", "time_horizon"),
        ("volgend jaar, een paar uur per week", "company_name"),
        ("Klimaattechniek Jansen in Tilburg", "company_size"),
        ("installatietechniek, 15 medewerkers", "question_confirmed"),
        ("klopt", "chosen_option"),
        ("geen van deze", "contact_consent"),
        ("nee", None),
    ],
}


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    with bot_servers(tmp_path_factory.mktemp("e2e")) as (base, database_url):
        yield base, database_url


@pytest.mark.parametrize("need", sorted(INTAKES))
def test_whole_intake_is_stored_with_three_options(servers, need):
    base, database_url = servers
    sender = f"e2e-{need}"
    offered: List[Dict[str, str]] = []
    for number, (message, next_slot) in enumerate(INTAKES[need], start=1):
        if message == "*":
            message = offered[0]["payload"]
        answers = say(base, sender, message)
        assert answers, f"turn {number}: no answer to {message!r}"
        offered = buttons(answers) or offered
        slots = tracker(base, sender)["slots"]
        if number == 1:
            assert slots["need_category"] == need
            assert "Vraagwijzer" in texts(answers)  # the welcome came first
        assert slots["requested_slot"] == next_slot, (
            f"turn {number} {message!r}: bot said {texts(answers)!r}"
        )
    stored = stored_requests(database_url)[sender]
    assert stored["need_category"] == need
    assert stored["channel"] == "rest"
    assert len(stored["options"]) == 3
    assert len({option["id"] for option in stored["options"]}) == 3
    assert stored["original_question"] == INTAKES[need][0][0]
    assert stored["refined_question"]
    chosen = stored["chosen_option"]
    assert chosen == "geen" or chosen in {o["id"] for o in stored["options"]}
    transcript = [turn["text"] for turn in transcript_of(database_url, sender)]
    assert INTAKES[need][0][0] in transcript
    assert any("Als ik het goed begrijp" in (text or "") for text in transcript)


def test_talent_request_has_the_contact_and_first_option(servers):
    base, database_url = servers
    stored = stored_requests(database_url)["e2e-talent"]
    assert stored["chosen_option"] == stored["options"][0]["id"]
    assert stored["contact_name"] == "Piet Jansen"
    assert stored["contact_email"] == "piet@jansen.nl"
    assert stored["size"] == "8" and stored["region"] == "Eindhoven"


def test_innovation_request_keeps_the_correction_and_second_option(servers):
    _, database_url = servers
    stored = stored_requests(database_url)["e2e-innovatie"]
    # The correction is restated from its values, not pasted in.
    refined = stored["refined_question"]
    assert "restwarmte" in refined and "We willen onze" not in refined
    assert stored["size"] == "25" and stored["region"] == "Twente"
    assert stored["chosen_option"] == stored["options"][1]["id"]
    assert stored["contact_phone"] == "06 12345678"


def test_declined_consent_stores_no_contact(servers):
    _, database_url = servers
    stored = stored_requests(database_url)["e2e-leven_lang_ontwikkelen"]
    assert stored["chosen_option"] == "geen"
    assert stored["contact_name"] is None and stored["contact_email"] is None
    assert stored["sector"] == "installatie" and stored["size"] == "15"
    assert stored["region"] == "Tilburg" and stored["company"] == "Klimaattechniek Jansen"
    # The problem and the goal, in the second person (bot/intake/writing.py);
    # the answer's "ze" named after the opening (bot/intake/antecedents.py).
    assert stored["refined_question"] == (
        "Als ik het goed begrijp, kunnen je monteurs nog geen warmtepompen "
        "installeren. Je eigenlijke vraag: hoe zorg je ervoor dat je monteurs zelf "
        "warmtepompen installeren en onderhouden, volgend jaar?"
    )
    assert stored["problem"] == "je monteurs kunnen nog geen warmtepompen installeren"
    assert "warmtepompen" in stored["refined_question"]
