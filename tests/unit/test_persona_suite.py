"""The persona suite's own parts: the scripts load, the checks can fail."""

from __future__ import annotations

from tests.personas.suite import (
    CHECKS,
    Run,
    Script,
    check,
    load_personas,
    splices,
)

NEEDS = {"talent", "innovatie", "kennis_netwerk", "leven_lang_ontwikkelen",
         "onderwijs_invloed", "loket"}  # fmt: skip
HARD_CASES = {"all_in_opening", "terse", "typos_informal", "command_like_name",
              "denied_restatement", "off_topic_mid_form", "contact_unasked"}  # fmt: skip


def test_personas_cover_every_need_and_hard_case() -> None:
    personas = load_personas()
    assert len(personas) >= 24
    assert {p.need for p in personas} == NEEDS
    assert HARD_CASES <= {case for p in personas for case in p.hard}
    for persona in personas:
        assert persona.fits and persona.not_fit and persona.topic_words
        assert not set(persona.fits) & set(persona.not_fit), persona.id
        assert set(persona.expect) <= {"sector", "size", "region", "level", "timeframe", "topic"}


def test_script_answers_by_slot_then_generic() -> None:
    persona = next(p for p in load_personas() if p.hard and "denied_restatement" in p.hard)
    script = Script(persona)
    assert script.answer("question_confirmed", "", []) == ("nee", None)
    assert script.answer("question_correction", "", [])[0].startswith("Het gaat om")
    assert script.answer("question_confirmed", "", []) == ("ja", None)
    assert script.answer("iets_nieuws", "", [])[1] == "slot iets_nieuws"
    assert script.answer(None, "Wil je stoppen?", [])[0].startswith("nee")


def test_splices_finds_eight_copied_words_only() -> None:
    said = ["we willen eigenlijk iets met die oude broodresten ofzo doen"]
    assert splices(said, "Hoe komt X tot we willen eigenlijk iets met die oude broodresten?")
    assert not splices(said, "Hoe maakt X iets nieuws van oude broodresten?")


def test_a_perfect_run_passes_and_a_spliced_one_fails() -> None:
    persona = load_personas()[0]
    good = {
        "need_category": persona.need,
        "options": [{"id": f, "title": f} for f in (persona.fits * 3)[:3]],
        "refined_question": f"Hoe vindt het bedrijf {persona.topic_words[0]}s voor de zomer?",
        "sector": persona.expect["sector"][0], "size": persona.expect["size"],
        "region": persona.expect["region"],
        "answers": {"education_level": persona.expect.get("level"),
                    "time_horizon": "voor de zomer", "topic": persona.topic_words[0]},
    }  # fmt: skip
    run = Run(persona, "s", user_texts=[persona.opening], turns_to_store=8,
              stored_rows=[good], store_messages=1)  # fmt: skip
    assert check(run).failures == {}

    bad = dict(good, refined_question="? " + " ".join([persona.opening] * 8), options=[{"id": "cyber_scan"}])
    failures = check(Run(persona, "s", user_texts=[persona.opening], turns_to_store=15,
                         stored_rows=[bad, bad], store_messages=2)).failures  # fmt: skip
    assert set(failures) >= {"stored_once", "options", "no_placeholder", "words", "turns"}
    assert set(failures) <= set(CHECKS)


def test_a_question_asked_three_times_gets_the_other_answer() -> None:
    script = Script(load_personas()[0])
    offered = [{"title": "1. Bbl-leerbaan", "payload": "bbl_leerbaan"}]
    assert script.answer("chosen_option", "", offered)[0] == "bbl_leerbaan"
    assert script.answer("chosen_option", "", offered)[0] == "bbl_leerbaan"
    assert script.answer("chosen_option", "", offered) == ("1", "chosen_option asked 3x")


def test_a_question_mark_counts_only_as_a_stand_in_value() -> None:
    from tests.personas.suite import PLACEHOLDER

    assert PLACEHOLDER.search("Hoe komt X tot ?, per uur?")
    assert PLACEHOLDER.search("Hoe vindt X (?) monteurs?")
    assert not PLACEHOLDER.search("Hoe vindt X monteurs? Al geprobeerd: vacatures.")
