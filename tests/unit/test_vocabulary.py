"""domain.yml and data/catalogue.yml agree with bot/intake/vocabulary.py."""

from pathlib import Path

import yaml

from bot.intake.vocabulary import (
    COMPANY_CONTEXT,
    NEED_CODES,
    NEED_LABELS,
    PROBES_BY_NEED,
    STATED_ONLY,
    need_intent,
    need_of_intent,
)

ROOT = Path(__file__).resolve().parents[2]
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
INTAKE_SLOTS = DOMAIN["forms"]["intake_form"]["required_slots"]


def test_need_category_values_are_the_need_codes():
    assert DOMAIN["slots"]["need_category"]["values"] == list(NEED_CODES)


def test_every_need_has_its_intent_mapping_and_its_own_question():
    mappings = {
        m["intent"]: m["value"]
        for m in DOMAIN["slots"]["need_category"]["mappings"]
        if m["type"] == "from_intent"
    }
    assert mappings == {need_intent(code): code for code in NEED_CODES}
    need_intents = {i for i in DOMAIN["intents"] if need_of_intent(i)}
    assert need_intents == set(mappings)
    phrases = DOMAIN["responses"]["utter_restatement_phrases"][0]["custom"]
    assert set(phrases["frame"]["need_question"]) == set(NEED_CODES)


def test_labels_and_probes_cover_exactly_the_needs():
    assert set(NEED_LABELS) == set(NEED_CODES) == set(PROBES_BY_NEED)
    catalogue = yaml.safe_load((ROOT / "data/catalogue.yml").read_text("utf-8"))
    assert set(catalogue["need_labels"]) == set(NEED_CODES)


def test_intake_form_lists_every_question_once_in_the_order_asked():
    asked = {s for probes in PROBES_BY_NEED.values() for s in probes}
    expected = {"need_category", *asked, *COMPANY_CONTEXT, "tried_before"}
    expected |= {"question_confirmed", "question_correction"}
    # Stated only, never asked: no question of the form.
    assert set(INTAKE_SLOTS) == expected
    assert len(INTAKE_SLOTS) == len(set(INTAKE_SLOTS))
    for need, probes in PROBES_BY_NEED.items():
        in_domain_order = [s for s in INTAKE_SLOTS if s in probes]
        assert in_domain_order == list(probes), need
