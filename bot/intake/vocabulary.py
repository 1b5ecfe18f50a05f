"""The intake's vocabulary: the need codes, their coordinators' labels and the
questions asked per need. Defined here once; everything else imports it.

A module rather than domain.yml: Rasa's domain has no place for the questions
per need or the coordinators' labels, and a plain module (no rasa_sdk) is
cheap to import from the review app and the scripts. domain.yml keeps what
Rasa itself needs (slot values, `need_<code>` intents, the forms' slot lists,
in the order they are asked); tests/unit/test_vocabulary.py fails when the two
disagree.
"""

from __future__ import annotations

from typing import Dict, Optional, Tuple

NEED_CODES: Tuple[str, ...] = (
    "talent",
    "innovatie",
    "kennis_netwerk",
    "leven_lang_ontwikkelen",
    "onderwijs_invloed",
    "loket",
)

# How the review app names each need for the coordinators. The entrepreneur's
# words for a need live in data/catalogue.yml (`need_labels`).
NEED_LABELS: Dict[str, str] = {
    "talent": "Talent",
    "innovatie": "Innovatie",
    "kennis_netwerk": "Kennis en netwerk",
    "leven_lang_ontwikkelen": "Leven lang ontwikkelen",
    "onderwijs_invloed": "Invloed op onderwijs",
    "loket": "Loket (wegwijs)",
}

# What a coordinator asks for each need: first the content probes (the vraag
# achter de vraag: what goes wrong now, what should be different), each asked
# once and only when the messages so far did not say it; then the constraints
# of the need. The order of asking is that of intake_form's `required_slots`
# in domain.yml.
CONTENT_PROBES: Tuple[str, ...] = ("problem", "desired_outcome")
PROBES_BY_NEED: Dict[str, Tuple[str, ...]] = {
    "talent": (*CONTENT_PROBES, "headcount", "education_level", "time_horizon"),
    # the level says which school to ask, even where nobody is hired
    "innovatie": (*CONTENT_PROBES, "education_level", "time_horizon", "own_time"),
    "kennis_netwerk": (*CONTENT_PROBES, "education_level", "time_horizon", "own_time"),
    # "when" with "how much time" is one question (actions/intake.py).
    "leven_lang_ontwikkelen": (
        *CONTENT_PROBES,
        "headcount",
        "education_level",
        "time_horizon",
        "own_time",
    ),
    "onderwijs_invloed": (
        *CONTENT_PROBES,
        "education_level",
        "time_horizon",
        "own_time",
    ),
    "loket": (*CONTENT_PROBES, "education_level", "time_horizon"),
}
# Asked for every need, after its probes.
COMPANY_CONTEXT: Tuple[str, ...] = ("company_name", "region", "sector", "company_size")
# Slots a message may state that no question of the need asks for.
STATED_ONLY: Tuple[str, ...] = ("contract_type", "tried_before", "topic", "who")
# The answers stored with a request (besides its own columns).
ANSWER_SLOTS: Tuple[str, ...] = tuple(
    sorted(
        {slot for probes in PROBES_BY_NEED.values() for slot in probes}
        | set(STATED_ONLY)
        | {"question_correction"}  # what they said the restatement missed
        | {"open_questions"}  # what they asked that a coordinator answers
    )
)
# The intake frame as stored with a request: column -> slot.
FRAME_SLOTS: Dict[str, str] = {
    "problem": "problem",
    "goal": "desired_outcome",
    "who": "who",
    "tried": "tried_before",
}

NEED_INTENT_PREFIX = "need_"


def need_intent(code: str) -> str:
    """The intent that names a need: need_<code>."""
    return NEED_INTENT_PREFIX + code


def need_of_intent(intent_name: Optional[str]) -> Optional[str]:
    """The need an intent names, or None."""
    if intent_name and intent_name.startswith(NEED_INTENT_PREFIX):
        code = intent_name.removeprefix(NEED_INTENT_PREFIX)
        return code if code in NEED_CODES else None
    return None
