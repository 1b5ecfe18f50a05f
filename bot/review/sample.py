"""Made-up requests and transcripts for demos, tests and load measurements.

Only the data: events are dicts as Rasa logs them; `uow.requests.add_many`
and `uow.transcripts.add_events` write them.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

from bot.store.models import NO_OPTION, utcnow

COMPANIES = (
    "Bakkerij De Gouden Korst",
    "Installatiebedrijf Ĳzerman",
    "Café Ëlsloo",
    "Van der Berg Logistiek",
    "Garage Méndez",
    "Zorggroep Het Anker",
    "Bouwbedrijf Smit & Zn.",
    "Drukkerij Pärel",
    "TechnoLas B.V.",
    "Hoveniers Groen",
    "Restaurant De Smaak",
    "ICT Oost",
)
SECTORS = ("bouw", "techniek", "zorg", "horeca", "logistiek", "ict", "mobiliteit")
REGIONS = ("Twente", "Utrecht", "Groningen", "Limburg", "Noord-Holland", "Zeeland")
CHANNEL_WEIGHTS = (("web", 6), ("telegram", 3), ("rest", 1))
STATUS_WEIGHTS = (
    ("nieuw", 5),
    ("in behandeling", 3),
    ("gekoppeld", 2),
    ("afgerond", 2),
    ("afgewezen", 1),
)
QUESTIONS: Dict[str, Tuple[str, str, str]] = {
    # need: (intent, what the entrepreneur said, the refined question)
    "talent": (
        "need_talent",
        "ik vind geen monteurs",
        "Hoe vinden we twee mbo-monteurs via een bbl-leerbaan?",
    ),
    "innovatie": (
        "need_innovatie",
        "we moeten iets met duurzaamheid",
        "Hoe verlagen we ons energieverbruik met hulp van studenten?",
    ),
    "kennis_netwerk": (
        "need_kennis_netwerk",
        "ik wil weten wat er speelt",
        "Welke kennisbijeenkomsten passen bij een logistiek mkb?",
    ),
    "leven_lang_ontwikkelen": (
        "need_leven_lang_ontwikkelen",
        "mijn mensen moeten bijgeschoold worden",
        "Welke korte scholing in lassen past bij vijf man?",
    ),
    "onderwijs_invloed": (
        "need_onderwijs_invloed",
        "ik wil een gastles geven",
        "Hoe geven we een gastles over de praktijk in de bouw?",
    ),
    "loket": (
        "need_loket",
        "ik weet niet waar ik moet beginnen",
        "Bij welke instelling hoort onze vraag over digitalisering?",
    ),
}
OPTIONS: Dict[str, List[Dict[str, str]]] = {
    "talent": [
        {"id": "bbl_leerbaan", "title": "Bbl-leerbaan"},
        {"id": "stageplek", "title": "Stageplek"},
        {"id": "instroom_loket", "title": "Instroomloket"},
    ],
    "innovatie": [
        {"id": "student_challenge", "title": "Studentenchallenge"},
        {"id": "fieldlab", "title": "Fieldlab"},
        {"id": "praktijkproject_kort", "title": "Kort praktijkproject"},
    ],
    "kennis_netwerk": [
        {"id": "kennisbijeenkomst", "title": "Kennisbijeenkomst"},
        {"id": "learning_community", "title": "Learning community"},
        {"id": "lectoraat_onderzoek", "title": "Lectoraat"},
    ],
    "leven_lang_ontwikkelen": [
        {"id": "maatwerk_scholing", "title": "Maatwerkscholing"},
        {"id": "evc_traject", "title": "Evc-traject"},
        {"id": "sectoropleiding_platform", "title": "Sectoropleiding"},
    ],
    "onderwijs_invloed": [
        {"id": "gastles", "title": "Gastles"},
        {"id": "hybride_docent", "title": "Hybride docent"},
        {"id": "programmapartner", "title": "Programmapartner"},
    ],
    "loket": [
        {"id": "instroom_loket", "title": "Loket"},
        {"id": "kennisbijeenkomst", "title": "Kennisbijeenkomst"},
        {"id": "werkveldraad", "title": "Werkveldraad"},
    ],
}


def _pick(rng: random.Random, weighted: Sequence[Tuple[str, int]]) -> str:
    values, weights = zip(*weighted, strict=True)
    return rng.choices(values, weights)[0]


def request_fields(rng: random.Random, number: int, now: datetime) -> Dict[str, Any]:
    """One plausible refined request (all columns), created in the last 16 weeks."""
    need = rng.choice(sorted(QUESTIONS))
    _, said, refined = QUESTIONS[need]
    created = now - timedelta(minutes=rng.randrange(16 * 7 * 24 * 60))
    confirmed = rng.random() < 0.9
    chosen = confirmed and rng.random() < 0.85
    consent = chosen and rng.random() < 0.8
    options = OPTIONS[need]
    return {
        "conversation_id": f"sample-{number:05d}",
        "channel": _pick(rng, CHANNEL_WEIGHTS),
        "created_at": created,
        "updated_at": created,
        "need_category": need,
        "original_question": said,
        "refined_question": refined if confirmed else None,
        "company": f"{rng.choice(COMPANIES)} {number}",
        "sector": rng.choice(SECTORS),
        "size": str(rng.choice((3, 8, 15, 30, 45))),
        "region": rng.choice(REGIONS),
        "contact_name": "Sam de Vries" if consent else None,
        "contact_email": f"sam{number}@voorbeeld.nl" if consent else None,
        "contact_phone": None,
        "options": options,
        "chosen_option": (
            rng.choice([o["id"] for o in options] + [NO_OPTION]) if chosen else None
        ),
        "status": _pick(rng, STATUS_WEIGHTS),
        "consent_at": created if consent else None,
        "handoff_requested": rng.random() < 0.15,
        "answers": {"time_horizon": "binnen drie maanden"},
    }


def sample_requests(
    count: int, seed: int = 7, now: Optional[datetime] = None
) -> List[Dict[str, Any]]:
    """The fields of `count` made-up requests, the same for the same seed."""
    rng = random.Random(seed)
    now = now or utcnow()
    return [request_fields(rng, number, now) for number in range(count)]


def user_event(
    text: str,
    intent: str,
    confidence: float,
    timestamp: float,
    ranking: Iterable[Tuple[str, float]] = (),
) -> Dict[str, Any]:
    ranked = [{"name": intent, "confidence": confidence}]
    ranked += [{"name": name, "confidence": c} for name, c in ranking]
    return {
        "event": "user",
        "timestamp": timestamp,
        "text": text,
        "parse_data": {
            "intent": ranked[0],
            "entities": [],
            "text": text,
            "intent_ranking": ranked,
        },
        "input_channel": "rest",
        "message_id": None,
        "metadata": {},
    }


def bot_event(
    text: str, timestamp: float, buttons: Iterable[Dict[str, str]] = ()
) -> Dict[str, Any]:
    return {
        "event": "bot",
        "timestamp": timestamp,
        "text": text,
        "data": {"buttons": list(buttons) or None},
        "metadata": {},
    }


def slot_event(name: str, value: Any, timestamp: float) -> Dict[str, Any]:
    return {"event": "slot", "timestamp": timestamp, "name": name, "value": value}


def action_event(name: str, timestamp: float) -> Dict[str, Any]:
    return {
        "event": "action",
        "timestamp": timestamp,
        "name": name,
        "policy": None,
        "confidence": 1.0,
    }


def intake_events(request: Dict[str, Any], start: float) -> List[Dict[str, Any]]:
    """A short intake as Rasa logs it, with one message the bot did not understand."""
    intent, said, _ = QUESTIONS[request["need_category"] or "loket"]
    t = start
    events = [
        action_event("action_session_start", t),
        user_event("hoi", "greet", 0.97, t + 1),
        bot_event(
            "Hoi! Ik help je een vraag voor het onderwijs scherp te krijgen.", t + 2
        ),
        user_event(said, intent, 0.88, t + 10),
        slot_event("need_category", request["need_category"], t + 11),
        bot_event("Wat heb je al geprobeerd?", t + 12),
        user_event(
            "tja lastig te zeggen eigenlijk",
            "nlu_fallback",
            0.45,
            t + 30,
            ranking=[("inform", 0.31), ("deny", 0.2)],
        ),
        bot_event("Bedoel je…?", t + 31),
        user_event("we hebben vacatures geplaatst", "inform", 0.55, t + 40),
        bot_event(
            "Als ik het goed begrijp, is je eigenlijke vraag: … Klopt dat?", t + 41
        ),
    ]
    if request["refined_question"]:
        events.append(user_event("ja", "affirm", 0.99, t + 50))
        events.append(slot_event("question_confirmed", True, t + 51))
    if request["chosen_option"]:
        events.append(slot_event("chosen_option", request["chosen_option"], t + 60))
    if request["consent_at"]:
        events.append(slot_event("contact_consent", True, t + 70))
    return events
