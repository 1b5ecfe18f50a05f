"""The reader of the need in answers to the content probes (bot/intake/answer_need.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.intake import answer_need
from tests.personas.suite import HELD_OUT_SETS

PERSONAS = Path(__file__).resolve().parents[1] / "personas"
NEEDS = {"talent", "innovatie", "kennis_netwerk", "leven_lang_ontwikkelen",
         "onderwijs_invloed", "loket"}  # fmt: skip


def learnt_from() -> set:
    lines = answer_need.DATA_FILE.read_text(encoding="utf-8").splitlines()
    return {line.split("\t")[3] for line in lines if line and not line.startswith("#")}


def test_it_learns_only_from_persona_sets_that_were_run_once():
    """A held-out set learnt from before its single run would measure nothing."""
    spent = {f"personas_{name}" for name in HELD_OUT_SETS}
    spent |= {"personas", "personas_blind", "sloppy"}  # both halves of blind were run
    assert learnt_from() <= spent
    assert learnt_from() <= {path.stem for path in PERSONAS.glob("*.yml")}


def test_it_weighs_every_need_and_the_weights_sum_to_one():
    weights = answer_need.weights("de helft van mijn monteurs gaat met pensioen")
    assert set(weights) == NEEDS
    assert sum(weights.values()) == pytest.approx(1.0)


@pytest.mark.parametrize(
    "answer, need",
    [("een vaste kracht die na zijn stage blijft", "talent"),
     ("minder uitval in de productie door een slimmere sensor", "innovatie"),
     ("ik wil gewoon weten wat er speelt en andere bedrijven spreken", "kennis_netwerk"),
     ("de oudere medewerkers kunnen niet met de computer overweg", "leven_lang_ontwikkelen"),
     ("dat ons vak weer in de lesstof van het roc zit", "onderwijs_invloed"),
     ("ik weet niet bij wie ik moet aankloppen", "loket")],
)  # fmt: skip
def test_answers_it_never_saw_name_their_need(answer, need):
    lines = answer_need.DATA_FILE.read_text(encoding="utf-8").lower()
    assert answer not in lines
    weights = answer_need.weights(answer)
    assert max(weights, key=weights.get) == need


def test_the_problem_and_goal_together_name_a_need_only_where_it_is_sure():
    assert answer_need.need_of(
        "de oudere medewerkers kunnen niet met de nieuwe software overweg",
        "dat ze er zelf mee kunnen werken zonder mij te bellen",
    ) == "leven_lang_ontwikkelen"
    assert answer_need.need_of("tja", "weet ik niet") is None


def test_one_answer_alone_names_a_need_only_more_surely():
    """The problem told in the opening: the goal's answer must be surer alone."""
    assert answer_need.need_of("", "dat mijn eigen mensen de nieuwe machine snappen") == (
        "leven_lang_ontwikkelen"
    )
    assert answer_need.need_of("tja, lastig", "") is None
    assert answer_need.need_of("", "") is None
    # "mbo" to "wat moet er anders?" answers another question
    assert answer_need.need_of("", "mbo") is None
