"""The persona suite: scripted entrepreneurs driven end to end over REST.

Each persona (tests/personas/personas.yml) talks to the real Rasa and action
servers. After every turn the runner reads the tracker to see which slot the
bot asks for (`requested_slot`), so the script survives questions being
reordered or skipped. The stored request is then read from the database and
held against the persona's expectations. Used by scripts/personas.py (`make
personas`) and tests/personas/test_personas.py.
"""

from __future__ import annotations

import json
import re
import statistics
import time
import urllib.error
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

import sqlalchemy as sa
import yaml

from bot.store.session import make_engine
from tests.e2e.conversation import buttons, say, texts, tracker

PERSONAS_PATH = Path(__file__).with_name("personas.yml")
MAX_TURNS = 20  # a runaway conversation stops here
MAX_USER_TURNS = 12
MAX_WORDS = 45
SPLICE_WORDS = 8
# A "?" standing in for a missing value ("tot ?, per"), not one ending a question.
PLACEHOLDER = re.compile(r"(^|[\s(,:;])\?|\?[,;:)\w]")
# Answers when the persona has none for what the bot asks: what a busy
# entrepreneur would say. The slot is recorded as "unscripted".
GENERIC_ANSWERS = {
    "question_confirmed": "ja",
    "chosen_option": "1",
    "contact_consent": "nee",
    "contact_phone": "nee",
    "tried_before": "nog niks",
    "own_time": "een paar uur per week",
    "time_horizon": "geen haast",
    "headcount": "1",
}
GENERIC_ANSWER = "weet ik niet"
REPEATS = 3
# After the same question three times in a row: the other way to say it.
REPEAT_ANSWERS = {"chosen_option": "1", "contact_consent": "nee", "question_confirmed": "ja"}
# Asked what kind of help they want, entrepreneurs say it in a few words.
NEED_ANSWERS = {
    "talent": "nieuwe mensen vinden",
    "innovatie": "iets nieuws ontwikkelen, innovatie",
    "kennis_netwerk": "kennis opdoen en mensen ontmoeten",
    "leven_lang_ontwikkelen": "mijn eigen personeel bijscholen",
    "onderwijs_invloed": "meedenken over wat er op school geleerd wordt",
    "loket": "ik weet niet waar ik moet beginnen",
}
# The bot asks outside a form: stable Dutch phrases of those questions.
PHRASE_ANSWERS = (
    ("stoppen?", "nee, ik wil doorgaan"),
    ("klopt dat?", "ja"),
)
CHECKS = (
    "stored_once",
    "need",
    "options",
    "topic",
    "no_splice",
    "no_placeholder",
    "words",
    "turns",
    "fields",
)


@dataclass
class Persona:
    id: str
    need: str
    opening: str
    answers: Dict[str, Any]
    fits: List[str]
    not_fit: List[str]
    topic_words: List[str]
    expect: Dict[str, Any]
    hard: List[str] = field(default_factory=list)
    interrupt: Optional[Dict[str, Any]] = None


@dataclass
class Run:
    persona: Persona
    sender: str
    user_texts: List[str] = field(default_factory=list)
    bot_texts: List[str] = field(default_factory=list)
    turns_to_store: Optional[int] = None
    unscripted: List[str] = field(default_factory=list)
    error: Optional[str] = None
    stored_rows: List[Dict[str, Any]] = field(default_factory=list)
    store_messages: int = 0


@dataclass
class Result:
    run: Run
    failures: Dict[str, str]  # check -> why it failed; absent = passed

    @property
    def passed(self) -> bool:
        return not self.failures


def load_personas(path: Path = PERSONAS_PATH) -> List[Persona]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    personas = [Persona(**entry) for entry in raw["personas"]]
    ids = [p.id for p in personas]
    if len(set(ids)) != len(ids):
        raise ValueError("persona ids must be unique")
    return personas


# --- driving one conversation ----------------------------------------------


def stored_rows(database_url: str, sender: str) -> List[Dict[str, Any]]:
    engine = make_engine(database_url)
    query = sa.text("SELECT * FROM refined_requests WHERE conversation_id IN (:a, :b)")
    try:
        with engine.connect() as connection:
            if not sa.inspect(connection).has_table("refined_requests"):
                return []
            found = connection.execute(query, {"a": sender, "b": f"rest:{sender}"})
            return [dict(row._mapping) for row in found]
    finally:
        engine.dispose()


class Script:
    """What the persona says next, given the bot's last question."""

    def __init__(self, persona: Persona) -> None:
        self.persona = persona
        self.used: Dict[str, int] = {}
        self.asked: List[Optional[str]] = []

    def answer(self, slot: Optional[str], bot_said: str, offered: List[Dict[str, str]]):
        """(text, unscripted note or None)."""
        self.asked.append(slot)
        if slot and self.asked[-REPEATS:] == [slot] * REPEATS:
            # the bot is stuck on this question: say it the other way once, so
            # the rest of the intake can still be checked (the turns check fails)
            return REPEAT_ANSWERS.get(slot, GENERIC_ANSWER), f"{slot} asked {REPEATS}x"
        if slot:
            scripted = self.persona.answers.get(slot)
            if scripted is not None:
                return self._next(slot, scripted), None
            if slot == "need_category":
                return NEED_ANSWERS.get(self.persona.need, GENERIC_ANSWER), None
            if slot == "chosen_option" and offered:
                return offered[0]["payload"], None
            if slot in GENERIC_ANSWERS:
                return GENERIC_ANSWERS[slot], None
            return GENERIC_ANSWER, f"slot {slot}"
        lowered = bot_said.lower()
        for phrase, reply in PHRASE_ANSWERS:
            if phrase in lowered:
                return reply, None
        return GENERIC_ANSWER, f"no slot: {bot_said[-60:]!r}"

    def _next(self, slot: str, scripted: Any) -> str:
        if isinstance(scripted, list):
            position = self.used.get(slot, 0)
            self.used[slot] = position + 1
            return str(scripted[min(position, len(scripted) - 1)])
        return str(scripted)


def drive(base: str, database_url: str, persona: Persona, run_id: str) -> Run:
    sender = f"persona-{persona.id}-{run_id}"
    run = Run(persona, sender)
    script = Script(persona)
    message = persona.opening
    offered: List[Dict[str, str]] = []
    try:
        for turn in range(1, MAX_TURNS + 1):
            run.user_texts.append(message)
            answers = say(base, sender, message)
            said = texts(answers)
            run.bot_texts.append(said)
            offered = buttons(answers) or offered
            state = tracker(base, sender)
            rows = stored_rows(database_url, sender)
            if rows and run.turns_to_store is None:
                run.turns_to_store = turn
            if rows and not (state.get("active_loop") or {}).get("name"):
                break
            interrupt = persona.interrupt or {}
            if interrupt.get("turn") == turn + 1:
                message = str(interrupt["text"])
                continue
            slot = state.get("slots", {}).get("requested_slot")
            message, note = script.answer(slot, said, offered)
            if note:
                run.unscripted.append(note)
    except (urllib.error.URLError, OSError, ValueError) as error:
        run.error = f"{type(error).__name__}: {error}"
    run.stored_rows = stored_rows(database_url, sender)
    run.store_messages = sum("opgeslagen" in text for text in run.bot_texts)
    return run


# --- checking --------------------------------------------------------------


def words(text: str) -> List[str]:
    return [word for word in re.split(r"[\s/]+", text) if re.search(r"\w", word)]


def splices(user_texts: Sequence[str], text: str, size: int = SPLICE_WORDS) -> List[str]:
    """Runs of `size` or more words of a user message found verbatim in `text`."""
    target = " " + " ".join(re.findall(r"\w+", text.lower())) + " "
    found = []
    for message in user_texts:
        tokens = re.findall(r"\w+", message.lower())
        for start in range(len(tokens) - size + 1):
            run = " ".join(tokens[start : start + size])
            if f" {run} " in target:
                found.append(run)
                break
    return found


def _json(value: Any, empty: Any) -> Any:
    """A JSON column as SQLite returns it (text) or PostgreSQL (parsed)."""
    if isinstance(value, str):
        return json.loads(value or "null") or empty
    return value or empty


def stored_value(row: Dict[str, Any], key: str) -> Optional[str]:
    answers = _json(row.get("answers"), {})
    column = {"sector": "sector", "size": "size", "region": "region"}.get(key)
    if column:
        value = row.get(column)
    else:
        slot = {"level": "education_level", "timeframe": "time_horizon", "topic": "topic"}[key]
        value = answers.get(slot)
    return None if value is None else str(value)


def _field_matches(key: str, expected: Any, actual: Optional[str]) -> bool:
    if actual is None:
        return False
    actual_norm = actual.strip().lower()
    if key in ("timeframe", "topic"):  # free phrases: one of the words must be in it
        return any(str(word).lower() in actual_norm for word in expected)
    if isinstance(expected, list):  # sector codes: any of them
        return actual_norm in {str(code).lower() for code in expected}
    return actual_norm == str(expected).strip().lower()


def check(run: Run) -> Result:
    persona, failures = run.persona, {}
    rows = run.stored_rows
    row = rows[0] if rows else {}
    if run.error:
        failures["stored_once"] = f"conversation broke off: {run.error}"
    elif len(rows) != 1 or run.store_messages > 1:
        failures["stored_once"] = f"{len(rows)} stored, said stored {run.store_messages}x"
    if row.get("need_category") != persona.need:
        failures["need"] = f"stored {row.get('need_category')!r}, expected {persona.need}"

    options = _json(row.get("options"), [])
    option_ids = [o.get("id") for o in options if isinstance(o, dict)]
    fitting = [o for o in option_ids if o in persona.fits]
    wrong = [o for o in option_ids if o in persona.not_fit]
    if len(option_ids) != 3 or len(fitting) < 2 or wrong:
        failures["options"] = (
            f"{option_ids}: {len(fitting)} fit" + (f", misfit {wrong}" if wrong else "")
        )

    restatement = str(row.get("refined_question") or "")
    lowered = restatement.lower()
    if not any(word.lower() in lowered for word in persona.topic_words):
        failures["topic"] = f"none of {persona.topic_words} in {restatement[:70]!r}"
    spliced = splices(run.user_texts, restatement)
    if spliced:
        failures["no_splice"] = f"copied: {spliced[0]!r}"
    placeholder = PLACEHOLDER.search(restatement)
    if placeholder or not restatement:
        where = restatement[max(0, placeholder.start() - 30) : placeholder.end() + 10] if placeholder else ""
        failures["no_placeholder"] = f"'?' as a value in {where!r}" if restatement else "empty"
    count = len(words(restatement))
    if count > MAX_WORDS or not restatement:
        failures["words"] = f"{count} words"
    turns = run.turns_to_store
    if turns is None:
        failures["turns"] = f"not stored after {len(run.user_texts)} turns"
    elif turns > MAX_USER_TURNS:
        failures["turns"] = f"{turns} user turns (at most {MAX_USER_TURNS})"

    wrong_fields = []
    for key, expected in persona.expect.items():
        actual = stored_value(row, key) if row else None
        if not _field_matches(key, expected, actual):
            wrong_fields.append(f"{key}={actual!r} (want {expected})")
    if wrong_fields:
        failures["fields"] = "; ".join(wrong_fields)
    return Result(run, failures)


# --- the whole suite -------------------------------------------------------


def run_suite(
    base: str,
    database_url: str,
    personas: Sequence[Persona],
    progress: Callable[[Result], None] = lambda result: None,
) -> List[Result]:
    run_id = str(int(time.time()))
    results = []
    for persona in personas:
        result = check(drive(base, database_url, persona, run_id))
        progress(result)
        results.append(result)
    return results


def table(results: Sequence[Result]) -> str:
    """One line per persona: a mark per check, the user turns, what failed."""
    width = max(len(r.run.persona.id) for r in results)
    header = f"{'persona':<{width}}  {'need':<22} " + " ".join(
        f"{name[:8]:>8}" for name in CHECKS
    ) + "  turns"
    lines = [header, "-" * len(header)]
    for result in results:
        marks = " ".join(
            f"{'FAIL' if name in result.failures else 'ok':>8}" for name in CHECKS
        )
        turns = result.run.turns_to_store or len(result.run.user_texts)
        lines.append(
            f"{result.run.persona.id:<{width}}  {result.run.persona.need:<22} {marks}  {turns:>5}"
        )
    return "\n".join(lines)


def failure_details(results: Sequence[Result]) -> str:
    lines = []
    for result in results:
        for name, why in result.failures.items():
            lines.append(f"{result.run.persona.id}: {name}: {why}")
        if result.run.unscripted:
            lines.append(f"{result.run.persona.id}: unscripted: {', '.join(result.run.unscripted)}")
    return "\n".join(lines)


def summary(results: Sequence[Result]) -> Tuple[str, bool]:
    passing = {
        name: sum(name not in r.failures for r in results) for name in CHECKS
    }
    turns = [r.run.turns_to_store or len(r.run.user_texts) for r in results]
    all_passed = all(r.passed for r in results)
    line = (
        f"{sum(r.passed for r in results)}/{len(results)} personas pass every check; "
        + ", ".join(f"{name} {count}/{len(results)}" for name, count in passing.items())
        + f"; user turns median {statistics.median(turns):g}, max {max(turns)}"
    )
    return line, all_passed
