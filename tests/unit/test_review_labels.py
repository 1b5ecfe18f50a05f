"""Dutch intent labels and the transcript as the entrepreneur saw it
(bot/review/labels.py)."""

from __future__ import annotations

from bot.review import labels
from bot.review.sample import bot_event, intake_events, user_event
from bot.store.migrate import upgrade
from bot.store.session import UnitOfWork, session_factory


def test_every_intent_in_the_domain_has_a_dutch_label():
    missing = [i for i in labels.domain_intents() if i not in labels.INTENT_LABELS]
    assert missing == [], f"add a label in bot/review/labels.py for {missing}"


def test_an_intent_without_a_label_shows_a_clear_fallback():
    assert labels.intent_label("ask_price") == "ask_price (nog geen Nederlandse naam)"
    assert labels.intent_label(None) == "niets herkend"
    assert labels.intent_label("affirm") == "Ja / akkoord"


def test_intent_choices_keep_the_name_as_value_and_sort_by_label():
    choices = labels.intent_choices(["deny", "affirm"])
    assert choices == [("affirm", "Ja / akkoord"), ("deny", "Nee / niet akkoord")]


def test_transcript_shows_button_titles_and_marks_the_chosen_option(tmp_path):
    url = f"sqlite:///{tmp_path / 'labels.db'}"
    upgrade(url)
    row = {"need_category": "talent", "chosen_option": "stageplek",
           "refined_question": "Hoe?", "consent_at": None}  # fmt: skip
    events = intake_events(row, 1_790_000_000.0)
    # a typed "ja" after buttons is the entrepreneur's own text; a payload
    # without a preceding button stays as sent; a pressed option is marked
    events.append(bot_event("Klopt dat?", 1_790_000_100.0,
                            [{"title": "Ja, klopt", "payload": "/affirm"}]))  # fmt: skip
    events.append(user_event("ja", "affirm", 0.9, 1_790_000_101.0))
    events.append(user_event("/deny", "deny", 1.0, 1_790_000_102.0))
    events.append(bot_event("Welke?", 1_790_000_103.0,
                            [{"title": "2. Stageplek", "payload": "stageplek"}]))  # fmt: skip
    events.append(user_event("stageplek", "inform", 1.0, 1_790_000_104.0))
    with UnitOfWork(session_factory(url)) as uow:
        uow.transcripts.add_events("c1", events)
        uow.commit()
        seen = labels.as_seen(uow.transcripts.transcript("c1"), "stageplek")
    users = [t for t in seen if t["event"] == "user"]
    assert [(t["shown"], t["payload"], t["chosen"]) for t in users[-4:]] == [
        ("ja", None, False),  # the sample intake's typed "ja"
        ("ja", None, False),
        ("/deny", None, False),
        ("2. Stageplek", "stageplek", True),
    ]


def test_a_bot_message_with_only_cards_lists_their_titles(tmp_path):
    url = f"sqlite:///{tmp_path / 'cards.db'}"
    upgrade(url)
    cards = {"data": {"type": "pps_options", "replaces": 1,
                      "options": [{"id": "fieldlab", "title": "Fieldlab"}]}}  # fmt: skip
    event = bot_event("", 1_790_000_000.0)
    event["text"] = None
    event["data"]["custom"] = cards
    with UnitOfWork(session_factory(url)) as uow:
        uow.transcripts.add_events("c2", [event,
                     user_event("fieldlab", "inform", 1.0, 1_790_000_001.0)])  # fmt: skip
        uow.commit()
        seen = labels.as_seen(uow.transcripts.transcript("c2"), "fieldlab")
    assert seen[0]["cards"] == ["Fieldlab"]
    assert (seen[1]["shown"], seen[1]["chosen"]) == ("Fieldlab", True)
