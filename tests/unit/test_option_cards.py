"""The option cards payload and its Telegram form (actions/option_cards.py)."""

from __future__ import annotations

import json

from actions.option_cards import (
    SUMMARY_MAX_CHARS,
    option_card,
    options_custom,
    summary_of,
    telegram_options,
)

BBL = {
    "id": "bbl_leerbaan",
    "title": "Bbl-leerbaan",
    "description": "Een mbo-student werkt vier dagen bij jou en leert één dag op "
    "school. Jij zorgt o.a. voor een praktijkopleider.",
    "reason": "je zoekt monteurs",
    "hours": "2 uur per week",
    "duration": "1 tot 4 jaar",
    "cost": "salaris volgens cao",
    "example_name": "Van Dijk Installatie",
    "example_text": "drie bbl'ers in twee jaar",
}
CHALLENGE = {
    "id": "studentchallenge",
    "title": "Studentchallenge",
    "description": "Een team studenten werkt tien weken aan je vraagstuk.",
    "reason": "je wilt nieuwe ideeën",
    "hours": "3 uur per week",
    "duration": "",
    "cost": "geen kosten",
    "example_name": None,
    "example_text": None,
}


def test_card_sets_off_title_summary_reason_effort_cost_details_and_example():
    assert option_card(BBL) == {
        "id": "bbl_leerbaan",
        "title": "Bbl-leerbaan",
        "summary": "Een mbo-student werkt vier dagen bij jou en leert één dag op school.",
        "reason": "je zoekt monteurs",
        "effort": "2 uur per week; 1 tot 4 jaar",
        "cost": "salaris volgens cao",
        "details": BBL["description"],
        "example": "Van Dijk Installatie: drie bbl'ers in twee jaar",
    }


def test_missing_example_and_duration_leave_no_dangling_separators():
    card = option_card(CHALLENGE)
    assert card["effort"] == "3 uur per week"
    assert card["example"] == ""


def test_summary_keeps_abbreviations_and_is_one_short_line():
    assert summary_of("Samen met o.a. docenten. Daarna meer.") == "Samen met o.a. docenten."
    long = "woord " * 60
    summary = summary_of(long)
    assert len(summary) <= SUMMARY_MAX_CHARS and summary.endswith("…")
    assert "\n" not in summary_of("regel een\nregel twee")


def test_custom_payload_is_under_data_for_socketio_and_json_serialisable():
    custom = options_custom([BBL, CHALLENGE])
    assert set(custom) == {"data"}
    data = custom["data"]
    assert data["type"] == "pps_options"
    assert data["replaces"] == 2
    assert [o["id"] for o in data["options"]] == ["bbl_leerbaan", "studentchallenge"]
    assert json.loads(json.dumps(custom)) == custom
    assert options_custom([BBL], replaces=0)["data"]["replaces"] == 0


def test_telegram_form_is_compact_text_with_a_button_per_option():
    none = {"title": "Geen van deze", "payload": "geen"}
    result = telegram_options([BBL, CHALLENGE], extra_buttons=[none])
    assert result.text == (
        "1. Bbl-leerbaan\n"
        "Een mbo-student werkt vier dagen bij jou en leert één dag op school.\n"
        "Waarom: je zoekt monteurs\n"
        "Wat het van je vraagt: 2 uur per week; 1 tot 4 jaar; salaris volgens cao\n\n"
        "2. Studentchallenge\n"
        "Een team studenten werkt tien weken aan je vraagstuk.\n"
        "Waarom: je wilt nieuwe ideeën\n"
        "Wat het van je vraagt: 3 uur per week; geen kosten"
    )
    assert result.buttons == [
        {"title": "1. Bbl-leerbaan", "payload": "bbl_leerbaan"},
        {"title": "2. Studentchallenge", "payload": "studentchallenge"},
        none,
    ]
    # Telegram's limit for one message is 4096 characters
    assert len(telegram_options([BBL, CHALLENGE, BBL]).text) < 4096


def test_values_come_from_a_ranked_catalogue_option():
    from bot.intake.catalogue import load_catalogue, RankedOption
    from actions.option_cards import option_values

    pps_format = load_catalogue().formats[0]
    values = option_values(RankedOption(format=pps_format, score=1.0, reason="omdat"))
    card = option_card(values)
    assert card["id"] == pps_format.id and card["title"] == pps_format.title
    assert card["reason"] == "omdat" and card["details"] == pps_format.description.strip()
