"""The persona suite's own parts: the scripts load, the split is fixed, the
checks can fail."""

from __future__ import annotations

from collections import Counter

import yaml

from tests.personas.responder import KINDS
from tests.personas.suite import (
    BLIND_PATH,
    CHECKS,
    PLACEHOLDER,
    REGRESSION_PATH,
    Run,
    _field_matches,
    all_personas,
    check,
    has_word_start,
    load_personas,
    report,
    splices,
    split_group,
)

NEEDS = {"talent", "innovatie", "kennis_netwerk", "leven_lang_ontwikkelen",
         "onderwijs_invloed", "loket"}  # fmt: skip
HARD_CASES = {"all_in_opening", "terse", "typos_informal", "command_like_name",
              "denied_restatement", "off_topic_mid_form", "contact_unasked"}  # fmt: skip
SLOPPY = {"typos", "half_answer", "other_question", "two_at_once", "correction", "no_email"}
FIELDS = {"sector", "size", "region", "level", "timeframe"}


def _format_ids() -> set:
    catalogue = yaml.safe_load((REGRESSION_PATH.parents[2] / "data" / "catalogue.yml").read_text())
    return {entry["id"] for entry in catalogue["formats"]}


def test_regression_personas_cover_every_need_and_hard_case() -> None:
    personas = load_personas(REGRESSION_PATH, "regression")
    assert len(personas) == 26
    assert {p.need for p in personas} == NEEDS
    assert HARD_CASES <= {case for p in personas for case in p.hard}
    for persona in personas:
        assert persona.fits and persona.not_fit and persona.problem_words
        assert not set(persona.fits) & set(persona.not_fit), persona.id
        assert set(persona.expect) <= FIELDS


def test_blind_personas_as_issue_21_asks() -> None:
    personas = load_personas(BLIND_PATH)
    assert len(personas) >= 40
    per_need = Counter(p.need for p in personas)
    assert set(per_need) == NEEDS and min(per_need.values()) >= 5, per_need
    assert sum(len(SLOPPY & set(p.hard)) >= 2 for p in personas) >= 10
    formats = _format_ids()
    for persona in personas:
        assert persona.problem_words and persona.goal_words, persona.id
        assert set(persona.fits) | set(persona.not_fit) <= formats, persona.id
        assert not set(persona.fits) & set(persona.not_fit), persona.id
        assert set(persona.expect) <= FIELDS and {"size", "region"} <= set(persona.expect)
        assert set(persona.answers) <= set(KINDS), (persona.id, set(persona.answers) - set(KINDS))
    ids = {p.id for p in all_personas()}
    assert len(ids) == len(all_personas())


def test_sloppy_conversations_as_issue_22_asks() -> None:
    habits = {"typos", "one_word", "dont_know", "side_question", "correction", "no_email",
              "other_question", "opnieuw"}  # fmt: skip
    sloppy = [p for p in all_personas() if p.group == "sloppy"]
    assert len(sloppy) >= 30
    for persona in sloppy:
        assert set(persona.hard) & habits, persona.id
        assert set(persona.hard) <= habits | {"two_at_once", "half_answer"}, persona.id
        assert set(persona.answers) <= set(KINDS), persona.id
        assert {"size", "region"} <= set(persona.expect), persona.id
    said = Counter(habit for p in sloppy for habit in p.hard)
    assert habits <= set(said), said


def test_the_split_is_fixed_by_the_hash_of_the_id() -> None:
    assert split_group("kaasmakerij_wei") == split_group("kaasmakerij_wei")
    groups = {p.id: p.group for p in load_personas(BLIND_PATH)}
    assert set(groups.values()) == {"tuning", "heldout"}
    again = {p.id: p.group for p in load_personas(BLIND_PATH)}
    assert groups == again


def test_splices_finds_eight_copied_words_only() -> None:
    said = ["we willen eigenlijk iets met die oude broodresten ofzo doen"]
    assert splices(said, "Hoe komt X tot we willen eigenlijk iets met die oude broodresten?")
    assert not splices(said, "Hoe maakt X iets nieuws van oude broodresten?")


def test_word_beginnings_count_at_word_starts_and_in_long_compounds() -> None:
    assert has_word_start("Hoe verspil je minder restbrood?", ["brood"])
    assert has_word_start("Hoe vind je monteurs?", ["monteur"])
    assert not has_word_start("Hoe vind je stagiairs?", ["ai"])


def _good_row(persona):
    return {
        "need_category": persona.need,
        "options": [{"id": f, "title": f} for f in (persona.fits * 3)[:3]],
        "refined_question": f"Als ik het goed begrijp, gaat het om {persona.problem_words[0]}. "
        f"Je eigenlijke vraag: hoe kom je tot {(persona.goal_words or ['iets'])[0]}?",
        "sector": (persona.expect.get("sector") or [None])[0],
        "size": persona.expect.get("size"),
        "region": persona.expect.get("region"),
        "answers": {"education_level": persona.expect.get("level"),
                    "time_horizon": " ".join(persona.expect.get("timeframe", []))},
    }  # fmt: skip


def test_a_perfect_run_passes_and_a_spliced_one_fails() -> None:
    persona = next(p for p in load_personas(BLIND_PATH) if p.id == "kaasmakerij_wei")
    run = Run(persona, "s", user_texts=[persona.opening], turns_to_store=8,
              stored_rows=[_good_row(persona)], store_messages=1)  # fmt: skip
    assert check(run).failures == {}

    bad = dict(_good_row(persona), refined_question="? " + " ".join([persona.opening] * 8),
               options=[{"id": "cyber_scan"}])  # fmt: skip
    failures = check(Run(persona, "s", user_texts=[persona.opening], turns_to_store=15,
                         stored_rows=[bad, bad], store_messages=2)).failures  # fmt: skip
    assert set(failures) >= {"stored_once", "options", "no_placeholder", "words", "turns"}
    assert set(failures) <= set(CHECKS)


def test_two_levels_said_and_stored_meet_an_unknown_level() -> None:
    persona = next(p for p in load_personas(BLIND_PATH) if p.id == "kaasmakerij_wei")
    persona.expect = {"level": ""}

    def fields_fail(said, stored):
        persona.answers = {**persona.answers, "education_level": said}
        row = dict(_good_row(persona), answers={"education_level": stored})
        run = Run(persona, "s", user_texts=[persona.opening], turns_to_store=8,
                  stored_rows=[row], store_messages=1)  # fmt: skip
        return "fields" in check(run).failures

    assert not fields_fail("mbo of hbo, kan allebei", "mbo/hbo")
    assert fields_fail("mbo of hbo, kan allebei", "hbo")  # one level chosen
    assert fields_fail("weet ik niet, hbo denk ik", "hbo")  # one level guessed
    assert fields_fail("hbo of wo", "mbo/hbo")  # not the levels said


def test_the_frame_check_wants_a_problem_and_a_goal_word() -> None:
    persona = next(p for p in load_personas(BLIND_PATH) if p.id == "kaasmakerij_wei")
    only_problem = dict(_good_row(persona), refined_question="Hoe help je met wei?")
    failures = check(Run(persona, "s", user_texts=[], turns_to_store=8,
                         stored_rows=[only_problem], store_messages=1)).failures  # fmt: skip
    assert set(failures) == {"frame"} and "goal" in failures["frame"]
    statement = dict(_good_row(persona), refined_question="Je wilt iets maken van wei.")
    failures = check(Run(persona, "s", user_texts=[], turns_to_store=8,
                         stored_rows=[statement], store_messages=1)).failures  # fmt: skip
    assert set(failures) == {"question"}


def test_regression_personas_need_no_goal_word() -> None:
    persona = load_personas(REGRESSION_PATH, "regression")[0]
    row = dict(_good_row(persona), refined_question=f"Hoe vind je {persona.problem_words[0]}s?")
    run = Run(persona, "s", user_texts=[persona.opening], turns_to_store=8,
              stored_rows=[row], store_messages=1)  # fmt: skip
    assert "frame" not in check(run).failures


def test_the_report_quotes_restatement_and_options() -> None:
    persona = next(p for p in load_personas(BLIND_PATH) if p.id == "kaasmakerij_wei")
    option_text = "1. Studentenchallenge\nEen team werkt aan je vraag.\nWaarom: je wilt iets maken van je wei.\nWat vraagt het van je: 2 uur."
    run = Run(persona, "s", user_texts=[persona.opening], turns_to_store=8,
              bot_texts=[option_text], bot_messages=[[{"text": option_text}]],
              stored_rows=[_good_row(persona)], store_messages=1)  # fmt: skip
    text = report([check(run)])
    assert "Studentenchallenge; waarom: je wilt iets maken van je wei." in text
    assert _good_row(persona)["refined_question"] in text
    assert "user turns median 8" in text


def test_a_question_mark_counts_only_as_a_stand_in_value() -> None:
    assert PLACEHOLDER.search("Hoe komt X tot ?, per uur?")
    assert PLACEHOLDER.search("Hoe vindt X (?) monteurs?")
    assert not PLACEHOLDER.search("Hoe vindt X monteurs? Al geprobeerd: vacatures.")


def test_an_unknown_level_is_met_by_no_level_but_not_by_a_guessed_one() -> None:
    assert _field_matches("level", "", None)
    assert _field_matches("level", "", "geen idee")
    assert not _field_matches("level", "", "mbo")
    assert not _field_matches("level", "mbo", None)


def test_every_persona_gets_a_sender_the_rest_channel_accepts() -> None:
    # the thirty-first set's first run lost three conversations to a 400:
    # "persona-<id>-<run>" was longer than the channel's 128 characters
    from bot.channels.boundary import MAX_SENDER_CHARS
    from tests.personas.suite import all_personas, sender_of

    ids = [p.id for p in all_personas()]
    senders = {sender_of(pid, "1765000000") for pid in ids}
    assert len(senders) == len(set(ids))
    assert max(len(s) for s in senders) <= MAX_SENDER_CHARS
