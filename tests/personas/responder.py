"""What a scripted entrepreneur answers, chosen from the bot's words only.

A person reads the bot's last messages (their text and buttons), sees what
kind of question it is and answers that. So does this responder: it never
reads the form's requested slot or anything else of the tracker. It recognises a
question by families of cue words, not by the bot's exact wording, and it
may find several kinds in one message ("Hoe heet je bedrijf en waar zitten
jullie?" is company_name + region): the persona then answers all of them in
one message, as people do. What it cannot place it answers with "weet ik
niet" and records as unscripted.

The kinds are the keys of a persona's `answers` (tests/personas/*.yml).
tests/unit/test_persona_responder.py runs the classifier on reworded
questions.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Pattern, Sequence, Tuple

# The kinds of question, in the order their answers are joined in one message.
CONTENT_KINDS = (
    "need_category",
    "problem",
    "goal",
    "who",
    "tried_before",
    "headcount",
    "education_level",
    "time_horizon",
    "own_time",
)
COMPANY_KINDS = ("company_name", "sector", "region", "company_size")
CONTACT_KINDS = ("contact_name", "contact_email", "contact_phone")
# Kinds that fill a whole message: when one is found, the others are not asked.
EXCLUSIVE_KINDS = (
    "continue",
    "correction",
    "question_confirmed",
    "contact_consent",
    "chosen_option",
)
KINDS = EXCLUSIVE_KINDS + CONTENT_KINDS + COMPANY_KINDS + CONTACT_KINDS

DONT_KNOW = "weet ik niet"
REPEATS = 3  # the same question this many times in a row: the bot is stuck

# Answers when the persona has none for what the bot asks: what a busy
# entrepreneur would say. Not recorded as unscripted.
GENERIC_ANSWERS = {
    "continue": "nee, ik wil doorgaan",
    "question_confirmed": "ja",
    "contact_consent": "nee",
    "contact_phone": "nee",
    "tried_before": "nog niks",
    "own_time": "een paar uur per week",
    "time_horizon": "geen haast",
    "who": "mijn eigen mensen",
}
# After the same question three times: the other way to say it, once.
REPEAT_ANSWERS = {
    "chosen_option": "1",
    "contact_consent": "nee",
    "question_confirmed": "ja",
    "continue": "doorgaan",
}
# Asked what kind of help they want, entrepreneurs say it in a few words.
NEED_ANSWERS = {
    "talent": "nieuwe mensen vinden",
    "innovatie": "iets nieuws ontwikkelen, innovatie",
    "kennis_netwerk": "kennis opdoen en mensen ontmoeten",
    "leven_lang_ontwikkelen": "mijn eigen personeel bijscholen",
    "onderwijs_invloed": "meedenken over wat er op school geleerd wordt",
    "loket": "ik weet niet waar ik moet beginnen",
}


def _rx(*alternatives: str) -> Pattern[str]:
    return re.compile("|".join(f"(?:{a})" for a in alternatives))


# Cue families per kind, matched on the normalised question text (lower case,
# no accents, quoted examples removed). Several wordings per family; the unit
# test holds each kind against reworded questions.
CUES: Dict[str, Pattern[str]] = {
    # "wil je stoppen?", "opnieuw beginnen? dan ben ik kwijt ...", "weet je het zeker?"
    "continue": _rx(
        r"\bwil je (echt |nu )?(stoppen|ophouden|opnieuw|alles wissen)",
        r"\b(stoppen|ophouden)\?",
        r"\bweet je (het )?zeker\b",
        r"\bben ik (alles |dat )?kwijt\b",
        r"\bkwijt wat je\b",
        r"\b(doorgaan|verder ?gaan) of (stoppen|opnieuw)",
        r"\bwil je (dat|dit) echt\b",
        r"\bwil je dat\?.*\b(opnieuw|wis|kwijt)|\b(opnieuw|wis|kwijt)\b.*\bwil je dat\?",
    ),
    "correction": _rx(
        r"\bklopt (er )?niet\b",
        r"\bwat (is|was) (er )?(niet )?(goed|juist|fout|verkeerd)\b",
        r"\bwat heb ik (verkeerd|fout|gemist|niet goed)",
        r"\bwat zie ik (verkeerd|over het hoofd)",
        r"\bwat moet ik (aanpassen|verbeteren|veranderen)",
        r"\bhoe zit het dan( wel)?\b",
        r"\bwat bedoel je dan\b",
        r"\bwat mis(t|te) ik\b",
        r"\bwaar zit ik (ernaast|fout|mis)",
    ),
    "question_confirmed": _rx(
        r"\bklopt (dat|dit|het|mijn samenvatting)\b",
        r"\b(heb|zie) ik (dat|het|je) (zo )?goed\b",
        r"\bbegrijp ik (je|het) (zo )?goed\b",
        r"\bis dat (zo )?(goed|juist|correct|wat je bedoelt)\b",
        r"\bbedoel je dat\b",
        r"\b(juist|correct)\?",
        r"\bkun je je daarin vinden\b",
        r"\bvat ik (het|dat|je vraag) goed samen\b",
    ),
    "contact_consent": _rx(
        r"\b(mogen|zullen|mag|kunnen) (we|wij|ik)\b[^?]*\b(bewaren|opslaan|vastleggen|noteren|gebruiken|doorgeven)",
        r"\btoestemming\b",
        r"\banoniem\b",
        r"\bwil je dat (er )?(iemand|een coordinator|we|wij) (contact|je bel|je mail)",
        r"\b(wil|mag) (je|iemand) (dat )?[^?]*\bcontact (met je )?(op)?nemen\b",
        r"\bmogen we contact\b",
        r"\bwil je (dat we )?(contact|teruggebeld|gebeld|gemaild)",
    ),
    "chosen_option": _rx(
        r"\bwelke (van (deze|de drie|de opties)|optie|spreekt|past|kies|wil je|lijkt|heeft je voorkeur|trekt)",
        r"\bkies (er )?(een|1, 2 of 3)",
        r"\bwat spreekt je\b",
        r"\b(voorkeur|keuze)\b[^?]*\?",
        r"\bwelk(e)? (aanbod|vorm|mogelijkheid)\b",
    ),
    "need_category": _rx(
        r"\bwat voor (soort )?(hulp|steun|ondersteuning)\b",
        r"\bwelke (soort )?(hulp|steun|ondersteuning)\b",
        r"\bwaar gaat het vooral over\b",
        r"\bkies wat (het )?(best|beste) past\b",
        r"\bwaar (zoek|wil) je (vooral )?hulp bij\b",
        r"\bgaat het om (nieuwe mensen|personeel|innovatie)\b[^?]*\bof\b",
    ),
    "problem": _rx(
        r"\bwat gaat er (nu |op dit moment |precies )?(mis|fout|niet goed)",
        r"\bwaar loop(t|en)? (je|jij|jullie|het) (nu |precies )?(tegenaan|op vast|vast)",
        r"\bwat (is|zit) (er )?(precies |nu )?(het )?(probleem|knelpunt|lastig)",
        r"\bwat lukt (er )?(nu |precies )?niet\b",
        r"\b(het|jullie|je|grootste) (grootste )?(probleem|knelpunt)\b",
        r"\bwat speelt er\b|\bwat er (nu |allemaal )?speelt\b",
        r"\bwat houdt je\b[^?]*\bbezig\b",
        r"\bwaar (heb|hebben) (je|jullie) (nu )?(last|moeite|hinder) (van|mee)\b",
        r"\bwat (is|loopt) er (aan de hand|stroef|vast|niet lekker)",
        r"\bwaar gaat (het|je vraag) (over|om)\b",
        r"\bover welk onderwerp\b|\bwelk onderwerp\b|\bnoem het onderwerp\b",
        r"\bwelke opleiding (of|en) welk vak\b|\bom welk vak\b|\bwelke opleiding gaat het\b",
        r"\bwat missen (jullie|je)\b",
        r"\bwaar kunnen we je mee helpen\b|\bwaar kan ik je mee helpen\b",
        r"\bwaarom (wil|zoek) je\b",
        r"\bwat (is|was) de aanleiding\b",
        r"\bwat merk je (er )?(nu )?(van|aan)\b",
    ),
    "goal": _rx(
        r"\bwat moet er (straks|daarna|dan|later)? ?(anders|beter)",
        r"\bwat (wil|hoop) je (ermee |daarmee )?(bereiken|halen|winnen|zien)",
        r"\bwat moet het (op)?leveren\b|\bwat levert het (je )?op\b|\bwat wil je dat het oplevert\b",
        r"\bwaar wil je\b[^?]*\bstaan\b",
        r"\bwat zou (je |jullie )?het meest helpen\b",
        r"\bwat moeten (je|jullie) (mensen|medewerkers)\b[^?]*\b(kunnen|weten)\b",
        r"\bwat wil je eruit halen\b",
        r"\b(wat is je|jullie) doel\b|\bdoel\b[^?]*\?",
        r"\bwat heeft (de werkvloer|je team|je bedrijf|jullie) eraan\b",
        r"\bwanneer (ben je|zijn jullie|is het) (tevreden|geslaagd|gelukt)",
        r"\bhoe ziet\b[^?]*\beruit als\b[^?]*\b(gelukt|opgelost|klaar)",
        r"\bwat (wil|zou) je (graag )?(anders|veranderen|verbeteren)",
        r"\bwelk resultaat\b|\bwat voor resultaat\b",
        r"\bwat (wil|zoek) je (precies )?te weten\b",
        r"\bwat wil (je|jullie) er (straks |later |daarna )?mee (kunnen )?(doen|bereiken)\b",
    ),
    "tried_before": _rx(
        r"\b(al|zelf|eerder|ooit)\b[^?]*\bgeprobeerd\b",
        r"\bgeprobeerd\b",
        r"\bzelf al\b[^?]*\b(gedaan|uitgezocht|ondernomen)\b",
        r"\bwat (hebben jullie|heb je) (al )?(gedaan|ondernomen)\b",
        r"\bbij wie ben je al\b",
        r"\bal (eens )?(iets|eerder) (mee )?(gedaan|geprobeerd)\b",
    ),
    "who": _rx(
        r"\bom wie gaat het\b|\bover wie gaat het\b|\bvoor wie (is|zijn|zoek|gaat)\b",
        r"\bwelke (mensen|medewerkers|collega|afdeling|functie|rol)",
        r"\bwiens werk\b|\bwie (doet|doen|werkt|werken|moet|moeten)\b",
        r"\bwat voor (mensen|medewerkers|functie|vakmensen|profiel)\b",
        r"\bwelk (werk|soort werk|profiel)\b",
    ),
    "headcount": _rx(
        r"\bom hoeveel\b",
        r"\bhoeveel\b[^?.,]*\b(zoek|erbij|nodig|bijscho|opleid|aannemen|plek|wil je|zou je|leerling|stagiair|monteur|vacature)",
        r"\bhoeveel (nieuwe )?(mensen|medewerkers|collega'?s|man) (wil|zoek|heb je nodig|zou)",
        r"\bhoeveel van (je|jullie)\b",
    ),
    "education_level": _rx(
        r"\bniveau\b|\bopleidingsniveau\b",
        r"\bmbo\b|\bhbo\b|\bwo\b|\bmbo-|\bhbo-",
        r"\bwelke (vooropleiding|opleiding hebben)\b",
        r"\bwat voor opleiding (hebben|moeten)\b",
    ),
    "time_horizon": _rx(
        r"\bwanneer\b(?![^?]*\b(tevreden|geslaagd|gelukt|bereikbaar|bellen)\b)",
        r"\bhoe snel\b|\bop welke termijn\b|\btermijn\b|\bdeadline\b",
        r"\bhaast\b|\bper wanneer\b|\bvanaf wanneer\b|\bwelke periode\b",
        r"\bklaar (moet|zijn|hebben)\b",
    ),
    "own_time": _rx(
        r"\bhoeveel tijd\b|\bhoeveel uur\b",
        r"\btijd\b[^?]*\b(steken|vrijmaken|vrij maken|kwijt|missen|beschikbaar|inzetten)\b",
        r"\b(kun|kunnen) (jij|je|jullie)\b[^?]*\b(vrijmaken|vrij maken|missen)\b",
        r"\bper week\b[^?]*\?|\bhoeveel (uren|dagen|dagdelen)\b",
    ),
    "company_name": _rx(
        r"\bhoe heet (je|jullie|het|jouw) (bedrijf|zaak|onderneming|organisatie|firma|winkel)\b",
        r"\bhoe heet het\b",
        r"\bnaam van (je|jullie|het|jouw) (bedrijf|zaak|onderneming|organisatie|firma)\b",
        r"\bbedrijfsnaam\b",
        r"\b(voor|van|bij) welk bedrijf\b|\bwelk bedrijf\b",
    ),
    "sector": _rx(
        r"\bbranche\b|\bsector\b|\bbedrijfstak\b|\bvakgebied\b",
        r"\bwat (voor|doet) (een )?(soort )?(bedrijf|zaak)\b",
        r"\bwat doen jullie\b|\bwat voor werk doen jullie\b|\bwaar zijn jullie in actief\b",
        r"\bin welke hoek\b",
    ),
    "region": _rx(
        r"\bplaats\b|\bregio\b|\bwoonplaats\b|\bwelke stad\b|\bprovincie\b|\bgemeente\b",
        r"\bwaar (zit|zitten|zijn|is) (je|jullie|het|jouw)\b(?! (vraag|probleem|knelpunt))",
        r"\bwaar (ben|zijn) (je|jullie) gevestigd\b|\bgevestigd\b|\bvestiging\b",
        r"\bin welke (omgeving|buurt|stad)\b|\bwaar vandaan\b|\buit welke (plaats|stad|regio)\b",
    ),
    "company_size": _rx(
        r"\bmet hoeveel\b(?![^?.,]*\b(zoek|erbij|nodig|bijscho|opleid)\b)",
        r"\bhoe groot (is|zijn)\b|\bgrootte\b",
        r"\bin dienst\b|\bhoeveel personeel\b|\baantal (mensen|medewerkers|werknemers)\b",
        r"\bhoeveel (mensen|medewerkers|werknemers|man) (werken|hebben jullie|heb je|heeft)\b",
        r"\bhoeveel (mensen|medewerkers|man) zijn jullie\b|\bzijn jullie met\b",
    ),
    "contact_name": _rx(
        r"\b(je|jouw) (voor)?naam\b",
        r"\bhoe heet je\b(?! (bedrijf|zaak|onderneming|organisatie|firma|winkel))",
        r"\bmet wie (spreek|heb|praat) ik\b|\bwie ben je\?",
        r"\bwat is (je|jouw) naam\b",
    ),
    "contact_email": _rx(r"\be-?mail|\bmailadres\b|\bmail\b"),
    "contact_phone": _rx(r"\btelefoon|\bnummer\b|\bbellen\b|\b06\b|\bmobiel\b"),
}

# Closing words: the bot says the request is stored, or says goodbye.
CLOSING = _rx(
    r"(?<!niet )\bopgeslagen\b",
    r"\bstaat klaar voor een coordinator\b",
    r"\bdoorgestuurd\b(?! .*\?)",
    r"\btot ziens\b",
    r"\bwe stoppen hier\b",
)
_GO_ON = re.compile(r"\b(doorgaan|verder ?gaan|ga door|toch niet)\b")
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|'[^']{3,}'")
_SENTENCE = re.compile(r"[^.?!\n]+[.?!]?")
# A request without a question mark: "Typ je naam en e-mailadres."
_IMPERATIVE = re.compile(
    r"^(typ|kies|vertel|noem|geef|zeg|beschrijf|laat)\b|\blaat\b.*\bweten\b"
)


def normalise(text: str) -> str:
    """Lower case, accents off, curly quotes straight."""
    text = text.replace("’", "'").replace("‘", "'")
    stripped = unicodedata.normalize("NFKD", text)
    return "".join(c for c in stripped if not unicodedata.combining(c)).lower()


def question_text(messages: Sequence[str]) -> str:
    """What of the bot's last messages is a question: the sentences ending in
    '?' of the last message that has one (examples in quotes and sentences
    starting "bijvoorbeeld" left out); with no question at all, the requests of
    the last message ("Typ je naam en e-mailadres."), else nothing."""
    cleaned = [_QUOTED.sub(" ", normalise(m)) for m in messages if m and m.strip()]
    for message in reversed(cleaned):
        sentences = [s.strip() for s in _SENTENCE.findall(message)]
        asked = [s for s in sentences if s.endswith("?")]
        if asked:
            # "Welke spreekt je aan? Kies er een." keeps the imperatives too
            rest = [s for s in sentences if not s.startswith("bijvoorbeeld")]
            return " ".join(rest if len(asked) < len(sentences) else asked)
    if not cleaned:
        return ""
    sentences = [s.strip() for s in _SENTENCE.findall(cleaned[-1])]
    return " ".join(s for s in sentences if _IMPERATIVE.search(s))


def classify(
    messages: Sequence[str], buttons: Sequence[Dict[str, Any]] = ()
) -> List[str]:
    """The kinds of question in the bot's last messages, in answering order."""
    text = question_text(messages)
    payloads = [str(b.get("payload", "")) for b in buttons]
    for kind in EXCLUSIVE_KINDS:
        if CUES[kind].search(text):
            if kind == "contact_consent" and CUES["question_confirmed"].search(text):
                continue
            return [kind]
    if any(p.startswith("/need_") for p in payloads) and not text.strip():
        return ["need_category"]
    found = [
        k for k in CONTENT_KINDS + COMPANY_KINDS + CONTACT_KINDS if CUES[k].search(text)
    ]
    if "company_size" in found and "headcount" in found:
        # "met hoeveel mensen werken jullie" is the company; "om hoeveel gaat het" not
        found.remove(
            "headcount"
            if not re.search(r"\bom hoeveel|zoek|erbij|nodig", text)
            else "company_size"
        )
    if (
        "company_name" in found
        and "contact_name" in found
        and not re.search(r"\b(je|jouw) (voor)?naam\b", text)
    ):
        found.remove("contact_name")
    if (
        "own_time" in found
        and "headcount" in found
        and not re.search(r"\bom hoeveel|hoeveel (mensen|medewerkers)", text)
    ):
        found.remove("headcount")
    if found:
        return found
    if any(p.startswith("/need_") for p in payloads):
        return ["need_category"]
    if any(_GO_ON.search(normalise(str(b.get("title", "")))) for b in buttons):
        return ["continue"]  # "Wat wil je doen?" [Doorgaan waar we waren] [...]
    option_buttons = [
        p
        for p in payloads
        if p and p not in ("/affirm", "/deny") and not p.startswith("/")
    ]
    if len(option_buttons) >= 2 and len(buttons) <= 5 and not text.endswith("?"):
        return ["chosen_option"]
    return []


def is_closing(messages: Sequence[str]) -> bool:
    """The bot ends the intake: stored, handed over, stopped or goodbye."""
    return bool(CLOSING.search(normalise(" ".join(messages))))


@dataclass
class Responder:
    """The persona's side of the conversation: answers by kind, in turn."""

    answers: Dict[str, Any]
    need: str = ""
    used: Dict[str, int] = field(default_factory=dict)
    asked: List[Tuple[str, ...]] = field(default_factory=list)

    def answer(
        self, messages: Sequence[str], buttons: Sequence[Dict[str, Any]] = ()
    ) -> Tuple[str, List[str], Optional[str]]:
        """(what the persona says, the kinds it read, unscripted note or None)."""
        kinds = classify(messages, buttons)
        self.asked.append(tuple(kinds))
        if not kinds:
            tail = " ".join(m for m in messages if m).strip()[-70:]
            return DONT_KNOW, kinds, f"unclassified: {tail!r}"
        if len(self.asked) >= REPEATS and len(set(self.asked[-REPEATS:])) == 1:
            kind = kinds[0]
            return (
                REPEAT_ANSWERS.get(kind, DONT_KNOW),
                kinds,
                f"{'+'.join(kinds)} asked {REPEATS}x",
            )
        parts: List[str] = []
        notes: List[str] = []
        for kind in kinds:
            if len(kinds) > 1 and kind == "contact_phone" and kind not in self.answers:
                continue  # "een telefoonnummer mag erbij": left out, as people do
            said, note = self._one(kind, buttons)
            if note:
                notes.append(note)
            if said and said not in parts:
                parts.append(said)
        text = ", ".join(parts) if parts else DONT_KNOW
        return text, kinds, "; ".join(notes) or None

    def _one(
        self, kind: str, buttons: Sequence[Dict[str, Any]]
    ) -> Tuple[str, Optional[str]]:
        scripted = self.answers.get(kind)
        if scripted is not None:
            said = self._next(kind, scripted)
            if kind == "chosen_option":
                return _pick(said, buttons), None
            return said, None
        if kind == "need_category":
            return NEED_ANSWERS.get(self.need, DONT_KNOW), None
        if kind == "chosen_option":
            return _pick("", buttons), None
        if kind == "continue":
            for button in buttons:  # a person presses "Doorgaan" / "Nee, toch niet"
                if _GO_ON.search(normalise(str(button.get("title", "")))):
                    return str(button.get("payload") or button.get("title")), None
        if kind in GENERIC_ANSWERS:
            return GENERIC_ANSWERS[kind], None
        if (
            kind in ("contact_email", "contact_name")
            and self.answers.get("contact_consent") is None
        ):
            return "", None  # the persona did not agree to be contacted: nothing to say
        return DONT_KNOW, f"no answer for {kind}"

    def _next(self, kind: str, scripted: Any) -> str:
        if isinstance(scripted, list):
            position = self.used.get(kind, 0)
            self.used[kind] = position + 1
            return str(scripted[min(position, len(scripted) - 1)])
        return str(scripted)


def _pick(preference: str, buttons: Sequence[Dict[str, Any]]) -> str:
    """A button the persona would press: the one whose id or title holds the
    preference, else the first option; no buttons: the preference or "1"."""
    wanted = normalise(preference)
    options = [
        b for b in buttons if str(b.get("payload", "")) not in ("/affirm", "/deny")
    ]
    if wanted:
        for button in options:
            payload, title = (
                normalise(str(button.get("payload", ""))),
                normalise(str(button.get("title", ""))),
            )
            if wanted == payload or (len(wanted) > 3 and wanted in title):
                return str(button.get("payload") or button.get("title"))
        return preference
    if options:
        return str(options[0].get("payload") or options[0].get("title"))
    return "1"
