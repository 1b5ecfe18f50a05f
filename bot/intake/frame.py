"""The intake frame: what goes wrong now, what should be different, whose work
it is about and what was tried, read from the entrepreneur's messages.

Text in, frame out; no Rasa. Each part is a short clause in the second person
("jullie gooien elke dag brood weg"), or empty: a clause with a word that is no
Dutch, no name and no number is left out rather than half used.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace
from typing import Callable, FrozenSet, List, Optional, Sequence, Tuple

from bot.intake import antecedents, dutch, need_cues, nouns
from bot.intake.deadlines import MONTH_NAMES
from bot.intake.dutch import (
    A_SHARE,
    CHAT_FIRST_VERBS,
    FILLER,
    NEVER_VERBS,
    Word,
    a_name_typed_small,
    article_of,
    cleaned,
    content_clean,
    infinitive,
    joined,
    known,
    plural_verb,
    sentences,
    third_person_form,
    to_second_person,
    words_of,
    written,
)
from bot.intake.questions import as_questions

PARTS = ("problem", "goal", "who", "tried")
# A clause longer than this is no restatement material, only a source of facts.
MAX_CLAUSE_WORDS = 14
LONG_CLAUSE_WORDS = 12  # longer: cut before a clause of its own, if there is one
# Words that colour a clause without saying what: left out when it is read.
SOFTENERS = frozenset("wel toch allemaal even eens best".split())
MIN_CLAUSE_WORDS = 2

TRIED = re.compile(
    r"\b(?:geprobeerd|probeer\w*|al\s+eens|al\s+(?:een|de|wat)\s+\w+\s+(?:gezet|geplaatst|"
    r"gedaan|gevraagd|gehad)|uitzendbureau\w*|al\s+gedaan|al\s+gevraagd|tevergeefs|"
    r"al\b.*\b(?:gehad|gedaan|gevraagd|gezocht|geplaatst|benaderd|gezet)"
    # "we doen wel eens een signeersessie": what they do now
    r"|(?:we|wij|ik)\s+(?:doen|doe|hebben|heb)\s+(?:wel\s+)?(?:eens|soms|af\s+en\s+toe))\b",
    re.IGNORECASE,
)
GOAL = re.compile(
    r"\b(?:wil|willen|wilt|zou(?:den)?\s+(?:graag|willen)|graag|hoop|hopen|zoek|zoeken|"
    r"op\s+zoek|doel|zodat|moet|moeten|nodig|wens\w*)\b",
    re.IGNORECASE,
)
PROBLEM = re.compile(
    r"\b(?:geen|niet|niks|niets|nauwelijks|zo\s?veel|te\s+(?:weinig|veel|laat|duur|hoog|traag|"
    r"lang|klein|oud|snel|vroeg|zwaar|warm|koud|groot|druk|vol|krap|ingewikkeld)|"
    r"\w*tekort\w*|\w*probleem|\w*problemen|mis|misgaat|moeilijk|"
    r"lastig|kwijt|weg|weggooien|verspil\w*|\w*klacht\w*|kla(?:gen|agt)|\w*fout\w*|achterlo\w*|"
    # "we lopen achter", "achter de feiten aan", not "achter de bar"
    r"achter(?!\s+(?:de|het|een|mijn|m'n|onze|ons)\s+(?!feiten\b))|"
    r"vertrek\w*|verloop|kostenpost|missen|haper\w*|"
    # sent from one to the other: "iedereen stuurt me door"
    r"stuu?r\w*\s+(?:\w+\s+)?door|doorgestuurd|doorverwezen|kastje\s+naar\s+de\s+muur|"
    r"uitval|verouderd|stil|onveilig|ongelukken|vergrijz\w*|vacatures?|nergens|niemand|"
    r"nooit|kapot\w*|ziek\w*|verzuim|\w*schade|nep\w*|opgelicht|fraude|gehackt|"
    r"\w*storing\w*|"
    r"defect|slijt\w*|verlies\w*|onbetaalbaar|duurder|gestegen|afval|gedrang|boze?"
    # what is wrong with a product: "blaasjes in de coating", "vlekken"
    r"|blaasjes?|bubbels?|scheur\w*|krassen|vlekken|roest\w*|lek(?:t|ken|kage\w*)"
    r"|barst\w*|deuken|schimmel\w*|verkleur\w*|afkeur\w*|teruggestuurd"
    r"|krater\w*|putjes|gaatjes"
    # people who give up or fear it: "de ouderen haken nu al af"
    r"|ha(?:ken|akt)\s+(?:\w+\s+){0,2}?af|afhak\w*|bang|onzeker\w*|overbelast\w*"
    r"|klappen\s+dicht|schommel\w*"
    # a shortfall: "halen maar 30 procent vlees uit de garnaal"
    rf"|maar\s+{A_SHARE}"
    # what dies or rots: "in sommige kratten gaat de helft dood"
    r"|dood|sterf\w*|sterven|gestorven|verrot\w*|rot|rotten|rot\w*ing|bedorven|bederf\w*"
    # what fails in the making: "de drop wordt te plakkerig of hij breekt"
    r"|breekt|breken|brokkel\w*|plakkerig|mislukt\w*|mislukk\w*|weggegooid"
    # who is leaving: "onze beste spuiter gaat volgend jaar met pensioen"
    # "harrie stopt volgend jaar", not "dat de opleiding er meer in stopt"
    r"|met\s+pensioen|(?<!in\s)stopt(?=\s+(?:volgend|over|in|eind|binnenkort"
    r"|ermee|straks|na|dit|deze|met|ie|hij|ze|zij)\b|\s*$)"
    # "mijn 2 tassenmakers stoppen over een paar jaar" (was read as a wish)
    r"|(?<!in\s)stoppen(?=\s+(?:volgend|over|binnenkort|eind|straks|na|dit|deze)\b)"
    # "2 ovenmannen stoppen." (held-out 41st): people who stop, no wish to
    # stop them ("het verloop stoppen" is one)
    r"|(?:(?<=n\s)|(?<=s\s))stoppen(?=\s*(?:ermee\b|[.,;!?]|$))"
    # more work than hands: "de wachtlijst is 7 weken"
    r"|wachtlijst\w*"
    r"|te\s+\w+(?:ig|erig))\b",
    re.IGNORECASE,
)
# An answer that says nothing: the part stays empty.
NO_ANSWER = re.compile(
    r"^\W*(?:weet\s+ik\s+(?:niet|nog\s+niet)|ik\s+weet\s+het\s+niet|geen\s+idee|"
    r"nvt|n\.v\.t\.?|niks|niets|nee|geen|maakt\s+niet\s+uit|-)\W*$",
    re.IGNORECASE,
)
# "weet ik eigenlijk niet. zien wat anderen doen": said first, then answered
NOT_SURE_FIRST = re.compile(
    r"^\W*(?:(?:tja|nou|hmm|pff)\W+)?(?:dat\s+)?(?:weet\s+ik|ik\s+weet\s+het)\s+"
    r"(?:eigenlijk\s+|ook\s+|nog\s+)?(?:niet|nie)(?:\s+(?:precies|zo|goed))?\s*[.!,]+\s*(?=\w)",
    re.IGNORECASE,
)
# The volition said before the goal itself: "we willen graag", "ik zoek".
VOLITION_LEMMAS = ("willen", "wil", "wilt", "zou", "zouden", "hopen", "hoop")
SEARCH_VERBS = ("zoek", "zoeken")
LEAD_WORDS = frozenset(
    "dus en maar want omdat of ook graag eigenlijk nu dan echt heel erg".split()
)
SUBJECT_PRONOUNS = frozenset({"ik", "we", "wij"})
# Any pronoun that can be a clause's subject ("leren ze", "die ik bel").
PRONOUN_SUBJECTS = dutch.SUBJECT_PRONOUNS | {"jullie"}
# "dat lukt niet", "ik krijg het niet gedaan": a pronoun that stands for what
# goes wrong says nothing on its own.
VAGUE = frozenset("het dat dit".split())
# "iedereen moet": singular, though it ends like a plural
SINGULAR_PRONOUNS = frozenset("iedereen niemand iemand".split())
CONNECTIVES = frozenset({"daardoor", "waardoor", "dus", "daarom", "en"})
MAX_PROBLEM_CLAUSES = 2
# A problem and the vague clause that points at it, said back together.
MAX_JOINED_WORDS = 16
# "ben de weg kwijt", "mis het overzicht": only "ik" can have gone before these
FIRST_PERSON_VERBS = frozenset({"ben", "heb"}) | CHAT_FIRST_VERBS
# "iets met scholen": a wish that still needs its question
VAGUE_GOAL = re.compile(
    # ("zelf ook nog iets met mn webshop")
    r"(?:(?:zelf|ook|nog|eigenlijk|wel|graag|gewoon)\s+)*(?:iets|wat|zoiets)\s+(?:met|doen)\b"
    # "ik wil een paar dingen": what, is still to be asked
    r"|(?:een\s+paar|wat|allerlei|verschillende|meerdere)\s+(?:dingen|zaken)\s*$",
    re.I,
)
MAX_SUBJECT_WORDS = 3
RELATIVES = frozenset(
    "die dat wat waar waarmee omdat als zodat voordat waardoor".split()
)
# ... and the question words that open a clause inside ("weten niet hoe ...").
INNER_CLAUSE_OPENERS = RELATIVES | frozenset("hoe wie of waarom wanneer welke".split())
# What the company is, not what goes wrong: "we zijn met z'n vieren".
ABOUT_THE_COMPANY = re.compile(
    r"\b(?:zijn|werken)\s+(?:met|hier\s+met)\s+(?:z'n|zn|zijn|ons|\d+)|\bmedewerkers\b\s*$"
    # "we zitten in Kampen"
    r"|^(?:ik|we|wij)\s+(?:zit|zitten)\s+(?:in|op|bij)\b"
    # "we hebben een bakkerij (in Ede)", "ik heb een atelier voor kledingreparatie"
    r"|^(?:ik|we|wij)\s+(?:heb|hebben|run|runnen)\s+(?:een|n)\s+"
    r"(?!(?:probleem|vraag|vraagje|tekort|klacht|idee|achterstand)\b)\w+"
    r"(?:\s+(?:in|uit|bij|voor)\s+.*)?$"
    # "boekhandel hier"
    r"|^\w+\s+hier$",
    re.IGNORECASE,
)
# "mbo of hbo maakt niet uit": the level, asked and stored apart, no problem
LEVEL_ONLY = re.compile(
    r"^\W*(?:(?:mbo|hbo|wo|niveau\s*\d)\W*(?:of|en|\/)?\W*)+"
    r"(?:(?:maakt|boeit)\s+(?:me\s+|mij\s+)?(?:niet|niks|nie)\s*(?:uit)?|is\s+(?:goed|prima))?\W*$",
    re.IGNORECASE,
)
FIRST_PERSON_WANTS = re.compile(
    r"\b(?:ik|we|wij)\s+(?:wil|willen|zou|zouden|hoop|hopen|zoek|zoeken)\b", re.I
)
# What is said about the conversation, not the business: "ik weet niet of ik
# hier goed zit", "ik weet niet hoe ik het moet formuleren", "ik zit al een
# tijdje met een idee", "of was het iets anders".
ABOUT_ASKING = re.compile(
    r"\b(?:weet|snap)\s+(?:\w+\s+){0,3}?(?:niet|nie)\s+(?:\w+\s+){0,2}?(?:of|hoe)\s+"
    r"(?:ik|we|wij)\s+(?:\w+\s+){0,3}?(?:goed\s+zit|goed\s+zitten|formuleren|vragen"
    r"|uitleggen|verwoorden|omschrijven|zeggen)\b"
    r"|\bof\s+(?:ik|we|wij)\s+(?:eigenlijk\s+|eens\s+|wel\s+)*een\s+(?:vraag|vraagje)"
    r"\s+(?:heb|hebben)\b|\bgeen\s+concrete\s+vraag\b"
    r"|\b(?:heb|hebben)\s+(?:nog\s+)?(?:niet|geen)\s+(?:echt\s+)?(?:een\s+)?"
    r"(?:vraag|vraagje)\b"
    r"|\bweet\s+(?:ik\s+)?het\s+niet\s+meer\s+(?:precies|zeker)\b"
    r"|\bwas\s+het\s+iets\s+anders\b"
    r"|^\s*(?:ik\s+|we\s+)?(?:heb|hebben|zit|zitten|loop|lopen)\s+(?:\w+\s+){0,3}?"
    r"(?:met\s+)?(?:een|n)\s+(?:vraag|vraagje|idee|ideetje)(?:\s+rond)?\W*$"
    r"|\been\s+beetje\s+een\s+klacht\b"
    # "eerlijk gezegd is het niet voor een vriendin maar voor ons"
    r"|\b(?:(?:is|was)\s+(?:het|t)|(?:het|t)\s+(?:is|was))\s+niet\s+voor\s+"
    r"(?:een|m'?n|mijn)\s+(?:vriend|vriendin|kennis|zus|broer|zoon|dochter|buurman"
    r"|buurvrouw|zwager|schoonzus|neef|nicht)\b",
    re.IGNORECASE,
)
# "we zoeken al maanden een assistente": how long is no part of what they want.
SEARCHED_FOR = re.compile(r"\bal\s+(?:maanden|jaren|weken|een\s+tijd|lang)\b", re.I)
MUST_GOAL = re.compile(r"\b(?:moet|moeten)\b")
POINTING_ENDS = frozenset("waarom hoe wat niet het dat".split())
# "ermee", "daarover": a word that points at what was said before it
POINTING_ADVERB = re.compile(
    r"^(?:er|daar)(?:mee|in|aan|over|van|voor|bij|op|uit|door|om|tegen)$"
)
DEGREE_WORDS = frozenset("goed precies echt helemaal".split())  # "niet goed wat"
# A time or an amount of time is no goal ("binnen een half jaar, 2 uur per week").
TIME_ONLY = re.compile(
    r"^(?:binnen|voor|na|vanaf|over|in|rond|per)?\s*(?:een|\d+|paar|twee|drie|vier|vijf|zes)?"
    r"\s*(?:half\s+|halve\s+)?(?:jaar|maand|maanden|week|weken|dag|dagen|uur|uren"
    r"|kwartaal|zomer|winter|najaar|voorjaar|seizoen)\b[\w\s]{0,20}$",
    re.IGNORECASE,
)
NEGATED_WISH = re.compile(r"\b(?:wil|willen|wilt)\s+(?:\w+\s+)?(?:geen|niet)\b", re.I)
# A time gone by: what happened, not what should be different.
PAST = re.compile(
    r"\b(?:vorig(?:e)?\s+(?:jaar|maand|week|zomer|winter)|afgelopen|gisteren|vroeger)\b",
    re.IGNORECASE,
)
# "(maar) geen idee bij welke school ...": the same as "ik weet niet bij ...".
NO_IDEA = re.compile(
    r"^(?:maar\s+)?(?:ik\s+heb\s+|we\s+hebben\s+)?geen\s+idee\s+"
    r"(?=(?:bij|waar|wat|hoe|welke|wie|of|waarom)\b)",
    re.IGNORECASE,
)
# A request to us: "kunnen jullie helpen?", "kennen jullie iemand die ..."
ASKS_US = re.compile(
    r"\b(?:kunnen|kennen|hebben|weten|doen|zoeken)\s+jullie\b[^.!?]*\?", re.IGNORECASE
)
ASKED_ALONG = re.compile(r"[^.!?\n,]*\?")
# A clause that asks, so says no problem or goal: a question word, or a verb
# before its subject ("moet ik ergens lid van worden"), with or without "?".
QUESTION = re.compile(
    # "En wie zit er eigenlijk achter deze site?": a conjunction may lead
    # "Oh en moet ik dan ergens lid van worden?": so may an interjection
    # "Goedemiddag, kan ik ...": so may a greeting
    r"\s*(?:(?:goede(?:morgen|middag|navond)|hoi|hallo|hai|hey|dag|beste)\b[,!]?\s*)?"
    r"\s*(?:(?:oh|o|ah|nou)\s+(?:ja\s+)?)?(?:(?:en|maar|of|dus)\s+)?"
    r"(?:waar|wie|wat|hoe|welke|waarom|wanneer"
    # ("moetn wij nou ...": chat drops the e of the plural)
    r"|(?:moet|moete?n|mag|moge?n|zal|zulle?n|zou|zoude?n|heb|hebbe?n|kan|kunne?n"
    r"|is|zijn|kost|kosten)\s+(?:ik|we|wij|je|jij|jullie|u|dat|dit|het|er|daar|hier"
    # "kunnen studenten een app maken voor onze overdracht?", "kan een student
    # onze etalage opknappen?": a means asked for
    r"|iemand|men|(?:(?:een|de|zo'?n)\s+)?(?:studente?n?|stagiaire?s?|leerlinge?n?"
    r"|scholiere?n?|onderzoekers?|school|scholen))\b)\b",
    re.IGNORECASE,
)
# A question that says something is hard to find (see hard_to_find).
HARD_TO_FIND = re.compile(
    r"\s*(?:hoe|waar)\s+(?:kom|komen|vind|vinden)\s+(?:je|jij|ik|we|wij|jullie|u|"
    # "hoe komen andere kleine bureaus aan ...": others like them
    r"anderen|andere(?:\s+\w+){1,3}?(?=\s+aan\s))\s+(?P<what>.+?)\s*\??$",
    re.IGNORECASE,
)
# A correction that says what the question is not about.
NOT_ABOUT = re.compile(
    r"^(?:nee\W+)?het\s+gaat\s+(?:\w+\s+)?niet\s+om\b"
    # "(eerlijk gezegd) gaat het niet echt om de stagiair"
    r"|^(?:(?:eerlijk\s+gezegd|eigenlijk)\s+)?gaat\s+het\s+(?:\w+\s+)?niet\s+(?:echt\s+)?om\b"
    r"|^(?:en\s+)?daar\s+gaat\s+het\s+(?:\w+\s+)?niet\s+om\b"
    # "nee, geen studenten", "ik zoek geen nieuwe teamleiders"
    r"|^nee\W+(?:geen|niet)\b|^(?:ik|we|wij)\s+(?:zoek|zoeken|wil|willen)\s+geen\b"
    # "we zoeken niet iemand om aan te nemen"
    r"|^(?:ik|we|wij)\s+(?:zoek|zoeken)\s+(?:eigenlijk\s+)?niet\s+(?:iemand|mensen|personeel)\b"
    # "er is niet echt iets kapot": nothing goes wrong in that sense
    r"|\b(?:is|zijn)\s+(?:niet|nie)\s+(?:echt\s+|zozeer\s+)?(?:iets\s+)?kapot\b"
    # "de planning is niet echt het probleem": set aside, not what goes wrong
    rf"|{need_cues.NOT_THE_POINT}",
    re.IGNORECASE,
)
TO_KNOW = re.compile(
    r"^(?:eerst|vooral|gewoon|liefst|eigenlijk|nou)?\s*"
    r"((?:weten|snappen|begrijpen|zien)\s+(?:wat|waar|hoe|of|wie|welke|wanneer)\b)",
    re.IGNORECASE,
)
IT_IS_RATHER = re.compile(
    r"^(?:het|t|'t)\s+is\s+(?:meer|eerder|vooral|gewoon)\s+(?:zo\s+)?dat\s+",
    re.IGNORECASE,
)
# After what it is not: "(maar) (het gaat) om monteurs erbij" says what it is.
WHAT_IT_IS = re.compile(
    r"^(?:maar\s+)?(?:(?:het|t|'t)\s+gaat\s+(?:me\s+|mij\s+|ons\s+)?(?:eigenlijk\s+|juist\s+|vooral\s+)?)?om\s+",
    re.IGNORECASE,
)
# "het gaat mij erom dat ...", "waar het om gaat is dat ...": what follows is
# the goal.
IT_IS_ABOUT = re.compile(
    r"^(?:maar\s+|en\s+)?(?:(?:het|t|'t)\s+gaat\s+(?:me\s+|mij\s+|ons\s+)?(?:er\s*om|erom)"
    r"|waar\s+het\s+(?:me\s+|mij\s+|ons\s+)?om\s+gaat\s+is)\s+(?=dat\b)",
    re.IGNORECASE,
)
# "geen cursus, ik wil eerst weten ...": a bare "geen ..." before a wish
# refuses; before what goes wrong ("geen monteurs, klanten wachten") it is the
# problem.
BARE_REFUSAL = re.compile(
    r"^geen\s+[\w'-]+(?:\s+[\w'-]+){0,2}\W*$"
    # "geen nieuwe machine of onderzoek": what it is not, in a choice of two
    r"|^geen\s+[\w'-]+(?:\s+[\w'-]+)?\s+of\s+[\w'-]+(?:\s+[\w'-]+)?\W*$",
    re.IGNORECASE,
)
# "dat willen we niet", "dat wil ik ook niet": refuses what was said before
# it, and wants nothing that can be said back
POINTING_REFUSAL = re.compile(
    r"^(?:en\s+|maar\s+)?(?:dat|dit|die|het)\s+(?:wil|willen|wilt)\s+"
    r"(?:ik|we|wij)\s+(?:ook\s+)?(?:niet|absoluut\s+niet|echt\s+niet)\W*$",
    re.IGNORECASE,
)
# What a correction says the question is not about: "niet om nieuwe mensen",
# "geen cursus", up to a "maar", a comma or the end.
NEGATED_PART = re.compile(r"\b(?:niet|geen)\b.*?(?=\bmaar\b|[,.;!?]|$)", re.IGNORECASE)
# A run of this many of the entrepreneur's words is a pasted sentence.
SPLICE_WORDS = 8
# Where a clause may be cut back: before a preposition or conjunction, keeping
# at least the first three words.
BOUNDARIES = frozenset(
    "bij in op aan voor met van naar over door om zodat omdat dat die en maar of "
    "want als wanneer terwijl tot uit naast tijdens zonder sinds binnen via "
    "zoals".split()
)
MIN_CUT = 3
# After a verb that opens a clause, these open its object, not its subject.
OBJECT_OPENERS = frozenset("geen een niks niets weinig".split())
TIME_PHRASE = re.compile(
    r"\b(?:binnen|over|in)\s+(?:een\s+paar|een|\d+|twee|drie|vier|vijf)\s+"
    r"(?:jaar|jaren|maanden|maand|weken|week)(?:\s+of\s+(?:\d+|twee|drie|vier|vijf))?\b"
    # "wil vanaf volgend jaar alleen nog kleding die ...": when it starts
    r"|\b(?:vanaf\s+)?(?:volgend|komend)\s+jaar\b|\bvanaf\s+20\d\d\b",
    re.IGNORECASE,
)
# "zelf paar uur per week voor de klas": the time they give, no goal
HOURS_GIVEN = re.compile(
    r"^\W*(?:(?:ik|we|wij|zelf|wel|best|max|maximaal|ongeveer|zo'?n|een|paar|\d+|twee"
    r"|drie|vier|halve?)\s+)*"
    r"(?:uur|uurtje|uurtjes|uren|middag|middagen|ochtend|dag|dagen|dagdeel)\s+"
    r"(?:per|in\s+de|in\s+het|a|in)\s+(?:week|maand)\b",
    re.IGNORECASE,
)
HOW_OFTEN = re.compile(
    r"\b(?:elk|elke|ieder|iedere)\s+(?:jaar|week|maand|seizoen|zomer|winter|voorjaar|najaar)\b",
    re.IGNORECASE,
)
# Words that colour a clause but carry none of its meaning.
# ... and words of extent that a long clause can lose before it is cut ("nog
# grotendeels met de hand" -> "met de hand", never "nog grotendeels")
FILLERS = FILLER | frozenset(
    "even best toch weer gewoonweg zomaar wel nog grotendeels vaak meestal".split()
)
NEGATIONS = frozenset("niet geen nooit niks niets nergens niemand".split())
KNOW = frozenset({"weet", "weten"})
ASKING_WORDS = frozenset("wat welke welk waar wie hoe of waarom wanneer".split())
# A phrase that may be left out of a long clause: preposition, article, noun.
PREPOSITIONS = frozenset("bij in op aan voor met van naar over door tijdens na".split())
PHRASE_LENGTH = 3
# A problem said without a verb, after "Als ik het goed begrijp,".
ABOUT = "gaat het om"
# People a question can be about: "monteurs", "onze schoonmakers".
PEOPLE_SUFFIXES = (
    "ers",
    "eurs",
    "sters",
    "isten",
    "anten",
    "euren",
    "kundigen",
    "lingen",
    "aars",  # "metselaars", "leraars"
)
# People named by what they do ("kraamverzorgenden", "leidinggevenden"),
# which the tagger often takes for a verb.
PARTICIPLE_PEOPLE = (
    "zorgenden",
    "zoekenden",
    "gevenden",
    "hebbenden",
    "werkenden",
    "behoevenden",
    "studerenden",
    "lerenden",
    "vragenden",
)
PEOPLE_WORDS = frozenset(
    """personeel medewerkers collega's collega’s studenten leerlingen
    stagiairs stagiaires vakmensen jongeren werknemers mbo'ers hbo'ers
    zij-instromers stagiair stagiaire leerling student monteur lasser kok
    chauffeur planner verkoper medewerker vakman assistenten""".split()
)
# People, but not whose work it is: "de uitzendjongens kennen de klanten niet"
OTHER_PEOPLE = frozenset(
    """klanten opdrachtgevers concurrenten leveranciers afnemers consumenten
    patiënten cliënten bezoekers ouders verzekeraars""".split()
)
NOT_PEOPLE = OTHER_PEOPLE | frozenset(
    """vacatures klanten-orders computers containers lasers filters tellers
    papers folders printers chargers routers servers sensors scanners heaters
    boilers trailers tractors afsluiters schakelaars ventilatoren compressoren
    transformatoren koelers drogers mixers""".split()
    # "-lingen" that are no people
    + """bestellingen bestelingen instellingen afdelingen regelingen mededelingen
    ontwikkelingen handelingen beoordelingen""".split()
    # things and body parts with a people ending: "last van hun schouders"
    + """schouders vingers cijfers letters nummers kamers meters liters kilometers
    posters stickers flyers banners dossiers kaders hamers emmers kelders zolders
    koffers kleuren deuren cilinders schermlezers""".split()
    # machines and vehicles: "jongens die van scooters houden"
    + """scooters campers lockers timers mixers blenders speakers vriezers koelers
    drogers wasdrogers""".split()
    + "sigaars jaars zomers winters".split()
    # "van alle kanten mails"
    + "kanten".split()
)


@dataclass(frozen=True)
class Frame:
    problem: str = ""  # "je vindt al maanden geen monteurs"
    goal: str = ""
    who: str = ""
    tried: str = ""
    # The problem with its verb first, for "Als ik het goed begrijp, ...":
    # "vind je al maanden geen monteurs" (inverted, the verb agrees anew).
    problem_lead: str = ""

    def merged(self, newer: "Frame") -> "Frame":
        """This frame with what `newer` states put in its place; a problem
        that cannot be said back ("je moet jonge matrijzenmakers") does not
        replace one that can."""

        def take(part: str) -> bool:
            if part == "problem" and self.problem_lead and not newer.problem_lead:
                return False
            return bool(getattr(newer, part))

        return self._with(newer, take)

    def filled(self, newer: "Frame") -> "Frame":
        """This frame with the parts it lacks taken from `newer`."""
        return self._with(
            newer,
            lambda part: bool(getattr(newer, part)) and not getattr(self, part),
        )

    def _with(self, newer: "Frame", take: Callable[[str], bool]) -> "Frame":
        changes = {part: getattr(newer, part) for part in PARTS if take(part)}
        if "problem" in changes:
            changes["problem_lead"] = newer.problem_lead
        return replace(self, **changes)

    def missing(self) -> List[str]:
        return [part for part in PARTS if not getattr(self, part)]


def read(text: str, context: str = "") -> Frame:
    """The parts of the frame that `text` states; `context` is what was said
    before it, for what its "daar" or "het" points at."""
    found = {part: "" for part in ("goal", "tried")}
    problems: List[Tuple[str, str]] = []
    before = ""  # the clause before, when it said nothing of its kind
    not_about = False
    text = with_antecedents(_about_then_pointing(text or ""), context)
    clauses = sentences(text)
    for at, clause in enumerate(clauses):
        clause = NO_IDEA.sub("ik weet niet ", clause)
        if QUESTION.match(clause):
            # "waar moet ik zijn voor ...": asked, not said; but "hoe kom je
            # nog aan verzorgenden" says that it is hard.
            hard = hard_to_find(clause)
            if hard[0] and len(problems) < MAX_PROBLEM_CLAUSES:
                problems.append(hard)
            continue
        if ABOUT_ASKING.search(clause):
            before = ""
            continue
        refusal = BARE_REFUSAL.match(clause) and any(
            kind_of(later) == "goal" for later in clauses[at + 1 :]
        )
        if (
            NOT_ABOUT.search(clause)
            or refusal
            or need_cues.ENOUGH_PEOPLE.search(clause)
        ):
            # "het gaat niet om lassers opleiden", "eigenlijk hebben we genoeg
            # mensen": what it is not, no problem; "maar om onderzoek naar ..."
            # then says what it is.
            not_about = True
            continue
        what_it_is = WHAT_IT_IS.match(clause)
        if not_about and what_it_is and not found["goal"]:
            found["goal"] = goal_phrase(clause[what_it_is.end() :], asked=True)
            continue
        knowing = TO_KNOW.match(clause)
        if not_about and knowing and not found["goal"]:
            # "de website is bijzaak. eerst weten waar we lek zijn": after
            # what it is not, a wish without a word of wanting
            found["goal"] = _asked_goal(clause[knowing.start(1) :])
            continue
        about = IT_IS_ABOUT.match(clause)
        if about and not found["goal"]:
            # "het gaat erom dat ik tolken krijg die hier blijven"
            found["goal"] = goal_phrase(clause[about.end() :], asked=True)
            continue
        kind = kind_of(clause)
        if kind == "problem" and len(problems) < MAX_PROBLEM_CLAUSES:
            stated = _problem_after(before, clause)
            # the parses only for a vague clause after a problem said back
            pointing = (
                _inverted(clause)
                if problems
                and problems[-1][1]
                and not stated[1]
                and says_no_what(clause)
                else ""
            )
            joined_lead = f"{problems[-1][1]} en {pointing}" if pointing else ""
            if pointing and len(joined_lead.split()) <= MAX_JOINED_WORDS:
                # "we krijgen scheurtjes in de lasnaden, en we snappen niet
                # waarom": said back with the problem it points at
                plain = f"{problems[-1][0]} en {stated[0]}"
                problems[-1] = (plain, joined_lead)
            elif stated[0]:
                problems.append(stated)
            before = ""
            continue
        previous, before = before, clause if kind is None else ""
        if kind is None or kind == "problem" or found[kind]:
            continue
        if kind == "goal" and POINTING_REFUSAL.match(clause):
            continue  # "(zonder conserveermiddelen,) dat willen we niet"
        phrase = goal_phrase(clause) if kind == "goal" else plain_clause(clause)
        if kind == "goal" and VAGUE_GOAL.match(phrase):
            phrase = ""  # "iets met scholen" is the question to ask, not its answer
        if kind == "goal" and phrase:
            phrase = restated_goal(phrase, clause)
        if phrase:
            found[kind] = phrase
        elif (
            kind == "goal"
            and PROBLEM.search(clause)
            and not problems
            and not NEGATED_WISH.search(clause)  # "ik wil nog geen onderzoek"
        ):
            # "ik weet niet bij welke school ik moet aankloppen": no goal after all
            stated = _problem_after(previous, clause)
            if stated[0]:
                problems.append(stated)
    # "nee, geen studenten": who it is not about is no who.
    found["who"] = people(" . ".join(c for c in clauses if not NOT_ABOUT.search(c)))
    plain = ", ".join(p for p, _ in problems)
    leads = [lead for _, lead in problems if lead]
    # "gaat het om blaasjes in de coating en 8% uitval": "gaat het om" once
    leads[1:] = [
        lead.removeprefix(f"{ABOUT} ") if leads[0].startswith(ABOUT) else lead
        for lead in leads[1:]
    ]
    lead = " en ".join(leads)
    return Frame(**found, problem=plain, problem_lead=lead)


# "Het gaat om de restwarmte van onze ovens, die willen we hergebruiken",
# "Het gaat om ons nieuwe planningssysteem, daar moeten vijf planners mee
# leren werken": what it is about, then a clause that points back at it.
ABOUT_THEN_POINTING = re.compile(
    r"^\s*(?:het|t|'t)\s+gaat\s+(?:me\s+|mij\s+|ons\s+)?om\s+(?P<about>[^,.;!?]+?)"
    r"\s*[,.;]\s*(?:en\s+)?(?P<back>die|dat|deze|daar|daarmee)\s+"
    r"(?P<modal>wil|willen|wilt|moet|moeten|kan|kunnen)\s+(?P<rest>[^.;!?]+)",
    re.IGNORECASE,
)


CLAUSE_ADVERBS = frozenset("niet nog ook wel allemaal eerst zelf nooit".split())


def _about_then_pointing(text: str) -> str:
    """The clause that points back said with what it points at: "we willen
    de restwarmte van onze ovens hergebruiken", "vijf planners moeten met ons
    nieuwe planningssysteem leren werken"; the text as it is otherwise."""
    found = ABOUT_THEN_POINTING.match(text)
    if not found:
        return text
    about, back, modal = found["about"], found["back"].lower(), found["modal"]
    rest = found["rest"].split()
    adverbs: List[str] = []
    if rest[0].lower() in SUBJECT_PRONOUNS:
        subject, rest = rest[:1], rest[1:]
    elif back.startswith("daar") and "mee" in rest:
        at = rest.index("mee")
        # "mijn meiden niet mee": the subject ends before its adverbs
        end = next(
            (i for i, w in enumerate(rest[:at]) if w.lower() in CLAUSE_ADVERBS), at
        )
        subject, adverbs, rest = rest[:end], rest[end:at], rest[at + 1 :]
    else:
        return text  # "die moeten de monteurs leren": who does what is unsure
    if not subject or not rest:
        return text
    if back.startswith("daar"):
        rest = [w for w in rest if w != "mee"]
        said = [*subject, modal, *adverbs, "met", about, *rest]
    else:
        said = [*subject, modal, about, *rest]
    return f"{' '.join(said)}{text[found.end() :]}"


def with_antecedents(text: str, context: str = "", goal: bool = False) -> str:
    """`text` with its pointing words named: "mijn chauffeurs weten daar niks
    van", after "we krijgen elektrische bussen", said back on its own would
    have "daar" point nowhere. In a goal (`goal`: an answer to the goal probe)
    "er ... van" is left to the restatement (writing.with_antecedent), which
    names it after the topic without making the goal a copy."""
    said = antecedents.said_before(context)
    previous = ""
    for clause in sentences(text):
        if not antecedents.MAY_POINT.search(clause):
            # most clauses point at nothing: no parse for them
            said.append(clause)
            previous = clause
            continue
        # "klanten vragen naar AI, we weten niet wat we ermee moeten": the
        # clause it points at is said back with it (_problem_after)
        joins = previous and says_no_what(clause) and problem_clause(previous)[0]
        # "kan daar op school wat aan gedaan worden?" stays a question
        keep = joins or QUESTION.match(clause)
        named = (
            clause
            if keep
            else antecedents.resolved(clause, said, names_people, adverbs=not goal)
        )
        # "meer van elektrisch en waterstof weten" must not split in two
        if named != clause and clause in text and len(sentences(named)) == 1:
            text = text.replace(clause, named, 1)
        said.append(clause)
        previous = clause
    return text


def _problem_after(before: str, clause: str) -> Tuple[str, str]:
    """The problem a clause states; where it is vague, the clause before it:
    "elk loket stuurt me door, er gebeurt niks", "klanten vragen naar AI, we
    weten niet wat we ermee moeten" say that the one before is what goes wrong."""
    stated = problem_clause(clause)
    if (
        not before
        or NO_PROBLEM.search(clause)
        or (stated[0] and not says_no_what(clause))
    ):
        return stated
    earlier = problem_clause(before)
    if not earlier[0]:
        return stated
    # "vragen klanten naar AI en weten jullie niet wat jullie ermee moeten":
    # the vague clause said back after the one it points at
    pointing = _inverted(clause) if earlier[1] and stated[0] else ""
    if pointing and len(f"{earlier[1]} {pointing}".split()) <= MAX_JOINED_WORDS:
        return f"{earlier[0]} en {stated[0]}", f"{earlier[1]} en {pointing}"
    return earlier


def _inverted(clause: str) -> str:
    """The clause in the second person with its verb first, or nothing."""
    words = _words(clause)
    inverted = verb_first(words) if words and _has_subject(words) else []
    return joined(to_second_person(inverted)) if inverted else ""


def without_what_it_is_not(text: str) -> str:
    """`text` without the parts that say what the question is not about:
    "het gaat om 12 chauffeurs, niet om nieuwe mensen" -> "het gaat om 12
    chauffeurs, "."""
    return NEGATED_PART.sub("", text)


def said_hard_to_find(problem: str) -> bool:
    """Whether `problem` is what `hard_to_find` made of a question."""
    return bool(re.match(r"het is lastig om .+ te (?:vinden|komen)$", problem or ""))


def hard_to_find(question: str) -> Tuple[str, str]:
    """ "hoe kom je tegenwoordig nog aan verzorgenden", "waar vind ik een
    goede kok": asked, it says that finding them is hard (plain, lead)."""
    match = HARD_TO_FIND.match(question)
    if not match:
        return "", ""
    # "jonge mensen die met GIS kunnen werken": the people, without who they are
    what = re.split(r"\s+(?:die|dat)\s+", match.group("what"))[0]
    at = re.search(r"\baan\s+", what)
    words, clean = content_clean(words_of(what[at.end() :] if at else what))
    words = [w for w in words if w.pos != "PUNCT"]
    while words and words[0].pos == "ADV":
        words = words[1:]  # "tegenwoordig nog"
    # the small tagger reads "verzorgenden" as a verb: people in -enden count
    last = words[-1] if words else None
    if not clean or not last or len(words) > PHRASE_LENGTH:
        return "", ""
    if last.pos != "NOUN" and not last.lower.endswith(("enden", *PEOPLE_SUFFIXES)):
        return "", ""
    found = joined(to_second_person(words))
    phrase = f"om aan {found} te komen" if at else f"om {found} te vinden"
    return f"het is lastig {phrase}", f"is het lastig {phrase}"


def read_answer(text: str, asked: str, context: str = "") -> Frame:
    """The frame an answer to the probe for `asked` gives: the answer is that
    part unless it clearly says another ("we hebben al eens ..." to the goal
    probe is what was tried). `context`: what was said before (the opening)."""
    read = _read_answer(text, asked, context)
    if asked == "goal" and read.goal and _no_verb(read.goal):
        # "dat mijn eigen jongens, de boorassistenten, over een jaar ...":
        # cut at the comma of a phrase said in between; read without it
        plain = PHRASE_IN_BETWEEN.sub(" ", text or "", count=1)
        if plain != text:
            read = _read_answer(plain, asked, context)
    if asked == "goal" and read.goal:
        return replace(read, goal=without_open_relative(read.goal))
    return read


# ", de boorassistenten," after the subject of a "dat" clause; tried only
# where the goal lost its verb (dutch.APPOSITION, which every clause split
# leaves out, takes only a possessive's phrase: ", onze grootste klant,")
PHRASE_IN_BETWEEN = re.compile(
    r"(?<=\w),\s*(?:de|het|onze|ons|mijn|m'n)\s+[\w-]+\s*,\s*"
)


def _no_verb(goal: str) -> bool:
    return goal.startswith("dat ") and not any(
        _verb_like(w.lower, w.pos) for w in words_of(goal)[1:]
    )


def without_open_relative(goal: str) -> str:
    """ "een vaste groep studenten die in het weekend" (cut at its "en"):
    a relative clause without its verb says nothing, so the noun stands
    alone."""
    words = words_of(goal)
    opener = next(
        (
            i
            for i, w in enumerate(words)
            if i and w.lower in OPEN_RELATIVES and words[i - 1].pos in ("NOUN", "PROPN")
        ),
        None,
    )
    rest = words[opener + 1 :] if opener is not None else []
    # "na een afstudeerproject": after "een" or "de", a noun in -t ("die het
    # regelt": "het" is its object)
    verbs = [
        w
        for before, w in zip([None, *rest], rest, strict=False)
        if _verb_like(w.lower, w.pos)
        and not (
            w.pos == "NOUN" and before is not None and before.lower in ("een", "de")
        )
    ]
    if opener is None or verbs:
        return goal
    return joined([w.text for w in words[:opener]]) or goal


OPEN_RELATIVES = frozenset({"die", "waar", "waarmee", "waarin"})


def _read_answer(text: str, asked: str, context: str) -> Frame:
    if NO_ANSWER.match(text or ""):
        return Frame()
    text = NOT_SURE_FIRST.sub("", text)
    text = with_antecedents(text, context, goal=asked == "goal")
    granted = CONCESSION.match(text) if asked == "problem" else None
    what_works = (granted["granted"] or granted["granted_wel"]) if granted else ""
    if granted and not PROBLEM.search(written(what_works)):
        # "keukens plaatsen kunnen ze, maar voor inductie moet er een
        # elektricien komen": what goes well is granted, what follows goes wrong
        text = granted["rest"] or granted["rest_wel"]
    really = REALLY.search(text) if asked == "problem" else None
    corrected = text[really.end() :] if really else ""
    said = sentences(corrected) if corrected else []
    if said and kind_of(said[0]) != "goal":
        # "de polen gaan in feb naar huis. en eigenlijk.. harrie stopt volgend
        # jaar": what they correct themselves to is what goes wrong
        text = corrected
    # "... en wij weten niet of dat wat is. moet je betalen voor zo'n gesprek?":
    # a question asked along with the answer is no part of it.
    unasked = ASKED_ALONG.sub(" ", text).strip(" ,")
    text = unasked if re.search(r"\w", unasked) else text
    stated = read(text)
    forced = _forced(text) if asked == "problem" and stated.goal else None
    if forced:
        # "we moeten werk weigeren" to "wat gaat er mis?" is what they are
        # forced into: the problem, not what they want.
        plain, lead = problem_clause(forced)
        if lead:
            return replace(
                stated,
                goal="",
                problem=", ".join(p for p in (plain, stated.problem) if p),
                problem_lead=" en ".join(p for p in (lead, stated.problem_lead) if p),
            )
    # what it is not ("er is niet echt iets kapot") answers nothing; "het is
    # meer dat alles verandert" says what is
    clauses = [
        IT_IS_RATHER.sub("", c)
        for c in sentences(text or "")
        if not NOT_ABOUT.search(c)
    ]
    if asked == "goal" and len(clauses) > 1 and re.match(r"dan\s", clauses[1], re.I):
        # "als die machines beter afgesteld worden, dan ...": the condition
        # is what they want to happen
        clauses[0] = re.sub(r"^als\s+", "dat ", clauses[0], flags=re.I)
    # "dat ze ander werk kunnen doen, ..., en dat de jongeren leren ...": the
    # answer's first wish is its goal, also without a word of wanting
    first = _first_wish(clauses[0]) if asked == "goal" and stated.goal else ""
    if first:
        return replace(stated, goal=first)
    plain, lead = (
        _first_answer(clauses)
        if asked == "problem"
        and (
            not stated.problem
            or CONDITION.match(stated.problem)
            or _only_not_knowing(stated.problem)
        )
        else ("", "")
    )
    if lead:
        # "onze weekendkrachten haken af na een paar maanden, en als er iets
        # kapot gaat ...": the first clause answers "wat gaat er mis?", also
        # without a word of trouble, before what goes wrong only at times
        return replace(stated, problem=plain, problem_lead=lead)
    if getattr(stated, asked):
        return stated
    if not clauses:
        return stated
    clause = clauses[0]
    if QUESTION.match(clause):
        return stated  # "is er een opleiding voor?": asked back, not answered
    other = kind_of(clause)
    if other not in (None, asked) and getattr(stated, other):
        # A word of trouble in an answer to the goal probe ("... voordat een
        # koe ziek is") does not make it a problem if it reads as a goal.
        goal = _asked_goal(clause) if other == "problem" and asked == "goal" else ""
        later = (
            _said_back_after(clauses[1 : 1 + MAX_PROBLEM_CLAUSES])
            if asked == "problem"
            else None
        )
        if later:
            # "ik zoek mensen voor de opbouw. roc stuurt me naar de hogeschool":
            # the wish first, then what goes wrong
            return replace(stated, problem=later[0], problem_lead=later[1])
        if not goal:
            return stated
        return replace(stated, problem="", problem_lead="", goal=goal)
    if asked == "problem":
        words = _words(clause)
        # "te weinig handen" stays what goes wrong
        wanted = not PROBLEM.search(written(clause))
        if words and wanted and _infinitive_phrase(words, after_modal=False):
            # "minder gas verbruiken" to "wat gaat er mis?" is what they want.
            # (only cut, never reworded: a misread clause said whole is worse
            # than none)
            goal = unspliced(joined(to_second_person(words)), clause, reword=False)
            return replace(stated, goal=goal)
        # "te weinig hande, bestelingen blijven liggen": the first clause
        # that can be said back ("ik wil een paar dingen" cannot)
        unwished = [c for c in clauses if not FIRST_PERSON_WANTS.search(c)]
        plain, lead = next(
            (said for said in map(problem_clause, unwished) if said[0]),
            ("", ""),
        )
        return replace(stated, problem=plain, problem_lead=lead)
    if asked == "goal" and about_the_company(clause):
        return stated  # "we zijn met 30 man": the company, not what they want
    if asked == "goal" and PAST.search(text):
        # "vorig jaar zijn er 9 weggegaan": what went wrong, not what they want
        return read_answer(text, "problem")
    if asked != "goal":
        return replace(stated, **{asked: plain_clause(clause) or ""})
    # "bijblijven. weten hoe anderen dit aanpakken ...", "zelf paar uur per
    # week voor de klas. meer praktijk": where the first clause is one word
    # or their own time, the next one may say what they want
    own_time = len(clause.split()) < MIN_CLAUSE_WORDS or HOURS_GIVEN.search(clause)
    for wish in clauses[:2] if own_time else clauses[:1]:
        phrase = goal_phrase(wish, asked=True)
        if phrase and not TIME_ONLY.match(phrase) and not HOURS_GIVEN.search(phrase):
            phrase = restated_goal(phrase, wish)
            if phrase:
                return replace(stated, goal=phrase)
    return stated


# "... en eigenlijk.. ": a later sentence that says what it really is
REALLY = re.compile(r"[.!?]\s*(?:en|maar)\s+eigenlijk\b[.,\s]*", re.IGNORECASE)
# The first sentence's "X, maar Y": X granted, Y what is wrong with it (the
# comma tells it from "halen maar 30 procent", only so much).
CONCESSION = re.compile(
    r"^(?P<granted>[^.!?,]+),\s*maar\s+(?P<rest>\w.*)$"
    # "plukkers krijgen we wel via het uitzendbureau hoor. maar sinds ...":
    # what does work, said with "wel", then its own sentence
    r"|^(?P<granted_wel>[^.!?,]*\bwel\b[^.!?,]*)[.!,]\s*maar\s+(?P<rest_wel>\w.*)$",
    re.I | re.S,
)


def _ends_cut_off(phrase: str) -> bool:
    """ "minder uitval max 1 op 20": a phrase that ends in a number, an
    article or a preposition that is no verb's particle."""
    words = [w for w in words_of(phrase) if w.pos != "PUNCT"]
    if not words:
        return False
    last = words[-1]
    return last.pos in ("NUM", "DET") or (
        last.pos == "ADP" and last.lower not in PARTICLES
    )


OWNERS = frozenset("onze ons mijn m'n mn".split())
# "als er een puzzel kapot gaat, ...": what goes wrong only at times
CONDITION = re.compile(r"(?:als|wanneer|zodra|soms)\b", re.IGNORECASE)


# "ik wist het niet", "niemand hier weet precies hoe": not knowing, said
# without what; a clause before it says what (held-out 40th)
KNOW_FORMS = KNOW | {"wist", "wisten"}
NOT_KNOWING_ONLY = KNOW_FORMS | frozenset(
    "je jullie we wij ik niemand hier het niet nog precies echt goed hoe eigenlijk "
    "ook zo".split()
)


def _only_not_knowing(problem: str) -> bool:
    said = set(re.findall(r"[\w']+", problem.lower()))
    return bool(said & KNOW_FORMS) and said <= NOT_KNOWING_ONLY


def _first_answer(clauses: Sequence[str]) -> Tuple[str, str]:
    """The problem a first clause that is no wish, try or question states;
    "minder energie verbruiken" is what they want (read_answer reads it so)."""
    if not clauses or QUESTION.match(clauses[0]) or kind_of(clauses[0]) is not None:
        return "", ""
    words = _words(clauses[0])
    # "onze weekendkrachten haken af": "onze ..." first is its subject
    if not words:
        return "", ""
    owned = len(words) > 1 and words[0].lower in OWNERS and words[1].pos == "NOUN"
    if _infinitive_phrase(words, after_modal=False) and not owned:
        return "", ""
    plain, lead = problem_clause(clauses[0])
    if not lead or PROBLEM.search(written(clauses[0])) or len(clauses) < 2:
        return plain, lead
    # "koeling draait 24/7, alle warmte blazen we zo naar buiten": a first
    # clause without a word of trouble says what is, the next one what of it
    # goes wrong; both are said back when short enough
    after = clauses[1]
    if QUESTION.match(after) or kind_of(after) not in (None, "problem"):
        return _trouble_after(clauses[2:]) or (plain, lead)
    more_plain, more_lead = problem_clause(after)
    joined_lead = f"{lead} en {more_lead}"
    if not more_lead or len(joined_lead.split()) > MAX_JOINED_WORDS:
        return plain, lead
    return f"{plain}, {more_plain}", joined_lead


def _trouble_after(clauses: Sequence[str]) -> Optional[Tuple[str, str]]:
    """ "we maken drop met gelatine en steeds meer winkels willen vegan. ...
    de drop wordt te plakkerig of hij breekt": after what is and what others
    want, the first clause with a word of trouble is what goes wrong."""
    return _said_back_after(clauses[: MAX_PROBLEM_CLAUSES + 1], trouble_only=True)


def _said_back_after(
    clauses: Sequence[str], trouble_only: bool = False
) -> Optional[Tuple[str, str]]:
    """The first clause that states something to say back as the problem (a
    word of trouble in it, when `trouble_only`): no wish, try or question of
    their own."""
    for clause in clauses:
        if QUESTION.match(clause) or kind_of(clause) not in (None, "problem"):
            continue
        if trouble_only and not PROBLEM.search(written(clause)):
            continue
        plain, lead = problem_clause(clause)
        if lead:
            return plain, lead
    return None


def _first_wish(clause: str) -> str:
    """The goal a first clause "dat ..." states without a word of wanting
    ("nou, dat ...": after chat filler too)."""
    words = clause.split()
    while words and words[0].lower().strip(",") in FILLER:
        words = words[1:]
    clause = " ".join(words)
    if not clause.lower().startswith("dat ") or kind_of(clause) is not None:
        return ""
    return _asked_goal(clause)


def _asked_goal(clause: str) -> str:
    """`clause` read as the goal it was asked for, in the bot's words."""
    phrase = goal_phrase(clause, asked=True)
    return restated_goal(phrase, clause) if phrase else ""


def about_the_company(clause: str) -> bool:
    """ "we zitten in Kampen", "we zijn koeriers", "wij zijn Bakkerij De
    Korenaar uit Ede": what the company is."""
    if ABOUT_THE_COMPANY.search(clause):
        return True
    words = [w for w in words_of(clause) if w.pos != "PUNCT"]
    return (
        len(words) >= 3
        and words[0].lower in SUBJECT_PRONOUNS
        and words[1].lower in ("ben", "zijn")
        and all(
            w.pos in ("NOUN", "PROPN", "DET", "NUM", "ADJ", "ADP") for w in words[2:]
        )
        and words[-1].pos in ("NOUN", "PROPN")
    )


def _forced(text: str) -> Optional[str]:
    """The clause of `text` whose only word of wanting is a must ("we moeten
    ... weigeren"), if the first clause that wants anything is one."""
    for clause in sentences(text):
        if GOAL.search(clause):
            must = _only_a_must(clause)
            if must and not _must_do(clause):
                continue  # "onze klanten zijn gemeenten, die moeten dat wettelijk"
            return clause if must else None
    return None


def _must_do(clause: str) -> bool:
    """Whether a verb follows the must ("klanten moeten 3 weken wachten"),
    unlike "die moeten dat wettelijk", which says what others must."""
    words = words_of(clause)
    must = next((i for i, w in enumerate(words) if w.lower in ("moet", "moeten")), None)
    return must is not None and any(
        w.pos in ("VERB", "AUX") and not w.finite for w in words[must + 1 :]
    )


def _only_a_must(clause: str) -> bool:
    """Whether the clause's only words of wanting are "moet" or "moeten"."""
    wanting = {m.group(0).lower() for m in GOAL.finditer(clause)}
    return bool(wanting) and wanting <= {"moet", "moeten"}


# Others who want something of the company: a demand it must meet, so what
# goes wrong, not its goal ("elke school wil andere formulieren").
OTHERS_WANT = re.compile(
    r"\b(?:klant|klanten|school|scholen|supermarkt|supermarkten|gemeente|inkoper"
    r"|opdrachtgever|opdrachtgevers|overheid|verzekeraar|bank|afnemers?)\s+"
    r"(?:wil|willen|eist|eisen)\b"
    # "nu wil de woningcorporatie papieren zien": the subject after the verb
    r"|\b(?:nu|dan|ook|straks|opeens|ineens)\s+(?:wil|willen|eist|eisen)\s+(?:de|het)\s"
    # "musea willen alles interactief": others, plural, first in the clause
    r"|^\s*(?:de\s+)?(?!(?:we|wij|ik|jullie|je|jij|u|dat|dit|die|het|er|ze|zij|wat|wie)\b)[a-zà-ÿ]{2,}\s+(?:willen|eisen)\b",
    re.IGNORECASE,
)


# What a must forces the company into: "we moeten klanten weigeren" is what
# goes wrong, not what it wants.
FORCED_INTO = re.compile(
    r"\b(?:weiger\w*|afzeggen|afwijzen|nee\s+(?:zeggen|verkopen)|laten\s+liggen|"
    r"laten\s+wachten|overwerken|inhuren|sluiten|stoppen|ontslaan|opnieuw\s+beginnen)\b",
    re.IGNORECASE,
)


# "dat moeten wij ze allemaal zelf leren": "dat" points back, and the must is
# a burden the company carries, not what it wants.
BURDEN = re.compile(
    # "die machine moeten we ook nog leren": the thing pointed at named
    r"^(?:en\s+)?(?:dat|dit|die|deze)\s+(?:[a-zà-ÿ]+\s+)?(?:moet|moeten)\s+(?:ik|we|wij)\b",
    re.I,
)


# "ik heb niet echt een probleem haha": what does not go wrong
NO_PROBLEM = re.compile(
    r"\b(?:niet|geen)\s+(?:echt\s+|direct\s+|meteen\s+)?(?:een\s+)?(?:probleem|problemen)\b"
    # "een concrete vraag heb ik eigenlijk niet", "geen concrete vraag"
    r"|\b(?:geen\s+)?(?:concrete|specifieke|echte|duidelijke)\s+vraag\b"
    # "t is niet dat ze het slecht doen hoor": what it is not; "zomer lukt
    # wel met uitzendploegen": what works
    r"|^\W*(?:het|t|'t)\s+is\s+niet\s+dat\b"
    r"|\b(?:lukt|gaat|werkt|loopt)\s+(?:(?!niet|nooit|geen)\w+\s+)?(?:wel|prima)\b"
    # "weet niet of er iets misgaat eigenlijk": nothing known to go wrong
    r"|\bweet\s+(?:ik\s+)?niet\s+of\s+(?:er\s+)?(?:iets|wat)\s+mis"
    # "ik zoek eigenlijk geen chemicus", "ik hoef geen nieuwe monteur": the
    # opening's wish set aside, nothing that goes wrong
    r"|\b(?:zoek|zoeken|hoef|hoeven)\s+(?:ik\s+|we\s+|wij\s+)?(?:eigenlijk\s+|helemaal\s+)?geen\b",
    re.IGNORECASE,
)


def kind_of(clause: str) -> Optional[str]:
    clause = written(clause)  # "is nie meer te betalen"
    if OTHERS_WANT.search(clause) and not FIRST_PERSON_WANTS.search(clause):
        return "problem"
    if _only_a_must(clause) and (FORCED_INTO.search(clause) or BURDEN.match(clause)):
        return "problem"
    if TRIED.search(clause):
        return "tried"
    if GOAL.search(clause):
        return "goal"
    if PROBLEM.search(clause):
        return "problem"
    return None


def _words(clause: str) -> Optional[List[Word]]:
    clause = ASIDE.sub(" ", clause)
    words, clean = content_clean(_before_a_list(words_of(clause)))
    words = [w for w in words if w.pos != "PUNCT" and w.lower not in SOFTENERS]
    # "ik wil gewoon ...": said back as "je wilt" or not at all, so not
    # counted against the clause ("1 iemand die meedenkt en voor me uitzoekt
    # bij wie ik moet zijn" is whole)
    wish = _wish_words(words)
    limit = MAX_CLAUSE_WORDS + wish
    if len(words) > LONG_CLAUSE_WORDS + wish:
        # "het restmateriaal weer gebruiken zonder dat de kwaliteit ...": the
        # main part may be short enough without the clause that follows.
        cut = next(
            (
                i
                for i, w in enumerate(words)
                if i > MIN_CLAUSE_WORDS
                and w.lower in CLAUSE_AFTER
                # "dat mijn mensen zien wanneer ...": what is seen, not an aside
                and words[i - 1].lower not in SEEING
            ),
            len(words),
        )
        if cut > limit:
            # "dat iedereen ... checkt en dat er een vaste werkwijze is",
            # "leerlingen die het vak leren en daarna blijven": too long for
            # both, the first of two
            cut = next(
                (
                    i
                    for i, w in enumerate(words[:-1])
                    if i > MIN_CLAUSE_WORDS
                    and w.lower == "en"
                    and (words[i + 1].lower == "dat" or words[i - 1].pos == "VERB")
                ),
                cut,
            )
        if cut > limit:
            # "een vaste relatie met één opleiding, waarin wij ...": the noun
            # without its long relative clause; "dat er een jonge engineer
            # rondloopt die ...": the dat-clause without the one after its verb
            cut = next(
                (
                    i
                    for i, w in enumerate(words)
                    if i > MIN_CLAUSE_WORDS
                    and w.lower in LONG_RELATIVES
                    and words[i - 1].pos in ("NOUN", "VERB")
                ),
                cut,
            )
        words = words[:cut]
    while words and words[0].lower in LEAD_WORDS:
        words = words[1:]
    if not clean or not MIN_CLAUSE_WORDS <= len(words) <= limit:
        return None
    return words


def _wish_words(words: Sequence[Word]) -> int:
    """How many words "ik wil (gewoon)" takes at the start of a clause."""
    said = [w.lower for w in words[:3]]
    if len(said) < 3 or said[0] not in SUBJECT_PRONOUNS or said[1] not in WANTING:
        return 0
    return 3 if said[2] in WISH_ADVERBS else 2


WANTING = frozenset("wil wilt willen".split())
WISH_ADVERBS = frozenset("gewoon graag eigenlijk".split())


# ", ook de nieuwe bijbaners,", ", bijvoorbeeld met camera's": an aside
# between commas or at the end, left out when read
ASIDE = re.compile(
    r",\s*(?:ook|zelfs|vooral|met name|bijvoorbeeld|zoals)\b[^,]{1,40}(?:,|\W*$)",
    re.IGNORECASE,
)


def says_no_what(clause: str) -> bool:
    """ "we snappen niet waarom", "ik krijg het niet gedaan": no noun,
    adjective or number says what, and a word points elsewhere ("wie wat
    doet" says it)."""
    words = [w for w in words_of(clause) if w.pos != "PUNCT"]
    points = any(w.lower in VAGUE or POINTING_ADVERB.match(w.lower) for w in words)
    return (
        bool(words)
        and (words[-1].lower in POINTING_ENDS or points)
        and not any(
            w.pos in ("NOUN", "PROPN", "ADJ", "NUM") and w.lower not in DEGREE_WORDS
            for w in words
        )
    )


def _before_a_list(words: List[Word]) -> List[Word]:
    """ "veel kunststof weg bij het spuitgieten, aanloopproducten en spruen":
    what follows a comma without a verb of its own is a list that would be
    glued on ("spuitgieten aanloopproducten"); it is left out, as is a second
    main clause or a second verb of the same subject after a comma."""
    for at, word in enumerate(words):
        if word.text == "," and at >= MIN_CLAUSE_WORDS:
            rest = words[at + 1 :]
            if not any(w.finite for w in rest) and not _to_infinitive(rest):
                return words[:at]
            if (
                _whole_clause(words[:at])
                and (
                    _whole_clause(rest)
                    # "ze kennen geen deadlines, snappen niks van ...": a second
                    # verb on the same subject; the first says enough
                    or (
                        rest[:1]
                        and rest[0].finite
                        and words[0].lower not in SUBORDINATORS
                    )
                )
            ):
                # "klanten worden ouder, jongeren kopen online": two clauses
                return words[:at]
    return words


def _to_infinitive(words: Sequence[Word]) -> bool:
    """ "..., budget of vergunning te maken gehad": the verbs of the clause."""
    return any(
        w.lower == "te" and n.pos in ("VERB", "AUX")
        for w, n in zip(words, words[1:], strict=False)
    )


def _whole_clause(words: Sequence[Word]) -> bool:
    """A finite verb with a word before it: a main clause of its own."""
    return any(w.finite and w.pos in ("VERB", "AUX") for w in words[1:])


# "(het) probleem is dat ...", "het grootste gedoe is eigenlijk dat ...":
# what follows is the problem, as a dat-clause
PROBLEM_IS = re.compile(
    r"^\W*(?:het\s+|mijn\s+|m[n']n\s+|ons\s+)?(?:grootste\s+|echte\s+|eigenlijke\s+)?"
    r"(?:probleem|gedoe|knelpunt|pijnpunt|issue)\s+is\s+(?:eigenlijk\s+|vooral\s+|gewoon\s+)?"
    r"dat\s+",
    re.IGNORECASE,
)


def _what_the_problem_is(clause: str) -> str:
    """ "probleem is dat mn ploegleiders allemaal 55+ zijn" -> "mn ploegleiders
    zijn allemaal 55+": the dat-clause in the order of a main clause."""
    found = PROBLEM_IS.match(clause)
    if not found:
        return clause
    rest = clause[found.end() :]
    # cut where the dat-clause's verb ends it, not at the "en" of two things:
    # "(dat we foto's van huid en littekens) via whatsapp sturen, en ..."
    cut = next(
        (
            joint
            for joint in re.finditer(r"\s+(?:en|of)\s+|,", rest)
            if _ends_in_a_verb(rest[: joint.start()])
        ),
        None,
    )
    first, sep, more = (
        (rest[: cut.start()], cut.group(), rest[cut.end() :]) if cut else (rest, "", "")
    )
    tokens = first.split()
    words = words_of(first)
    subject = _noun_subject(words) if len(words) == len(tokens) else 0
    if subject and len(tokens) > subject + 1 and infinitive(tokens[-1]):
        tokens = tokens[:subject] + tokens[-1:] + tokens[subject:-1]
        shared = more.split()
        said = words_of(more) if len(shared) > 1 else []
        if sep.strip() and said and not _own_subject(said) and infinitive(shared[-1]):
            # "(staan) of kapot terug komen": the subject shared, its verb first
            more = " ".join(shared[-1:] + shared[:-1])
    return " ".join(tokens) + sep + more


def _ends_in_a_verb(text: str) -> bool:
    """ "(we foto's) via whatsapp sturen": the last word a verb, not the
    noun after a preposition the tagger may take for one ("van huid")."""
    words = [w for w in words_of(text) if w.pos != "PUNCT"]
    return (
        bool(words)
        and words[-1].pos in ("VERB", "AUX")
        and bool(infinitive(words[-1].lower))
        and not (len(words) > 1 and words[-2].pos == "ADP")
    )


def _own_subject(words: Sequence[Word]) -> bool:
    """ "de klanten wachten", "klanten wachten", "ze wachten": the part after
    "en" has a subject of its own ("kapot terug komen" has not)."""
    first = words[0]
    return first.pos in ("DET", "PRON", "PROPN", "SCONJ") or (
        first.pos == "NOUN" and nouns.singular(first.lower) != first.lower
    )


# "de jongens die van school komen": where they come from says who they are
# ("de jongens van school"), and leaves one finite verb to put first.
ORIGIN_CLAUSE = re.compile(
    r"\bdie\s+((?:van|uit)\s+(?:(?:het|de)\s+)?[\w-]+)\s+(?:komen|komt)\b",
    re.IGNORECASE,
)


def problem_clause(clause: str) -> Tuple[str, str]:
    """The problem in the second person, as said and with its verb first;
    nothing for a clause without a subject ("weten niet wat") or one that
    says nothing goes wrong ("ik heb niet echt een probleem")."""
    if NO_PROBLEM.search(clause) or BARE_LIST.match(clause):
        return "", ""
    clause = ORIGIN_CLAUSE.sub(r"\1", clause)
    clause = _what_the_problem_is(clause)
    words = _with_copula(_subject_first(_words(clause) or []))
    none_of = _none_of(words)
    if none_of is not None:
        return none_of
    if words and (
        not _has_subject(words)
        or words[0].lower in FIRST_PERSON_VERBS
        or (words[0].finite and len(words) > 1 and words[1].lower in TIME_OPENERS)
        or _plural_verb_before_singular(words)
        or _verb_then_bare_object(words)
    ):
        words = _with_dropped_subject(words)
    if (
        not words
        or not _has_subject(words)
        or about_the_company(clause)
        or LEVEL_ONLY.match(clause)
    ):
        return "", ""
    words = _with_its_article(_possessed_as_nouns(words))
    plain = joined(to_second_person(words))
    if says_no_what(clause):
        return plain, ""  # "we weten het niet": kept, not said back
    inverted = verb_first(words)
    if not inverted:
        # "een tekort aan monteurs": no verb to put first; a fragment without
        # a word for what goes wrong ("leerlingen bakker") says nothing.
        if (
            any(w.pos == "NOUN" for w in words)
            and (
                not any(w.pos in ("VERB", "AUX") for w in words)  # "... zijn weg"
                or _a_noun_in_a_list(words)
            )
            and words[0].pos != "ADP"  # "gaat het om met 8 man red je het niet"
            and PROBLEM.search(clause)
            and words[0].lower not in NEGATIONS  # "gaat het om geen project"
            # "de ene cel wel de andere niet", "leer, geen stof" (held-out
            # 40th): a contrast, no thing gone wrong
            and words[-1].lower not in NEGATIONS
            and not re.search(r",\s*geen\b", clause)
        ):
            return plain, unspliced(f"{ABOUT} {plain}", clause)
        if not any(w.pos in ("VERB", "AUX") for w in words):
            return "", ""  # "matrassen, bankstellen, spaanplaat": no problem stated
        return plain, ""
    if not (inverted[0].finite or inverted[0].pos in ("VERB", "AUX")) or not (
        dutch.known(inverted[0].lower) or infinitive(inverted[0].lower)
    ):
        # no verb could be put first ("close-in (boilers)" is none): not said back
        return plain, ""
    if _knows_not_what(inverted):
        return plain, ""  # "weet je niet precies", "... welke school": cut short
    if (
        inverted[0].lower in VOLITION_LEMMAS
        and len(inverted) > 1
        and inverted[1].lower in SUBJECT_PRONOUNS
        and not NEGATED_WISH.search(clause)
    ):
        # "we willen dat studenten ons leren kennen": their own wish, not what
        # goes wrong ("nu wil de woningcorporatie papieren zien" is)
        return plain, ""
    lead = unspliced(
        joined(_er_inverted_after_en(inverted, to_second_person(inverted))), clause
    )
    said = [w for w in lead.split() if w not in ("je", "jullie") and w not in NEGATIONS]
    # "weten jullie niet" (cut before "of ..."): a verb alone says nothing
    if len(said) < MIN_CLAUSE_WORDS or garbled_lead(lead):
        return plain, ""
    return plain, lead


# "keuren, herverpakken, doorverkopen, nooit gehad": three words and a comma
# list what is meant, with no clause to say back (held-out 39th: was
# "doorverkopen keuren herverpakken")
BARE_LIST = re.compile(r"^\s*\w+(?:\s*,\s*\w+){2,}\s*(?:,|$)")


def _er_inverted_after_en(words: Sequence[Word], said: List[str]) -> List[str]:
    """ "zijn je ploegleiders 55+ en er komt niks jongs achteraan": a clause
    joined by "en" goes on with its verb first too ("en komt er niks ...").
    `said`: `words` in the second person, one text per word."""
    for at in range(1, len(said) - 2):
        if said[at] == "en" and said[at + 1] == "er" and words[at + 2].finite:
            return [*said[: at + 1], said[at + 2], "er", *said[at + 3 :]]
    return said


TWICE_IS_DUTCH = frozenset("wat dat die".split())
FUNCTION_WORDS = frozenset("ADV ADP PRON PART DET SCONJ CCONJ AUX PUNCT".split())
# "een paar klanten" is many: "hebben een paar klanten ..." agrees
A_NUMBER_OF = frozenset("paar aantal stuk boel hoop".split())
# Words that follow the verb of a clause said back with its verb first.
SUBJECT_AFTER_VERB = frozenset(
    "je jullie ze het er u hij zij we wij ik dat dit".split()
)


def garbled(words: Sequence[Word]) -> bool:
    """Whether a clause is no Dutch: a word twice in a row ("andere andere
    klanten"), or a negation after the verbs at its end ("kunnen ze online
    zoeken niet")."""
    said = [w for w in words if w.pos != "PUNCT"]
    # ("weet niet wat wat is", "dat dat kan" are Dutch, and so is "krijg je je
    # vacatures", subject and possessive, but not "weet je je te weinig")
    if any(
        a.lower == b.lower
        and a.lower not in TWICE_IS_DUTCH
        and not a.lower.isdigit()
        # (the tagger may call the noun a verb: "je vacatures")
        and not (a.lower == "je" and after.pos not in FUNCTION_WORDS)
        for a, b, after in zip(said, said[1:], [*said[2:], said[-1]], strict=False)
    ):
        return True
    return any(
        said[at].pos in ("VERB", "AUX")
        and said[at].lower.endswith("en")  # not "de data van jullie magazijn niet"
        and said[at - 1].pos != "DET"  # "de schermen niet": a noun
        and said[at + 1].lower in NEGATIONS
        and (at + 2 == len(said) or said[at + 2].lower == "en")
        for at in range(2, len(said) - 1)
    )


MUST_OR_MAY = frozenset("moet moeten mag mogen hoef hoeven zal zullen".split())
COPULAS = frozenset("zijn worden blijven raken lijken".split())


def _infinitive_subject_moved(words: Sequence[Word]) -> bool:
    """ "zoeken klanten helpt niet": "klanten zoeken", the subject of
    "helpt", had its verb put first as if it were the clause's own."""
    if len(words) < 3 or not words[0].lower.endswith("en") or words[0].lower in COPULAS:
        return False
    third = words[2].lower
    return (
        words[1].pos == "NOUN"
        # (the tagger calls "helpt" there an adjective)
        and words[2].pos in ("VERB", "AUX", "ADJ")
        and third.endswith("t")
        and len(third) > 3
        and not third.startswith("ge")
        and third not in NEGATIONS
        and known(infinitive(third) or "")
        and infinitive(third) != third
    )


def garbled_lead(lead: str) -> bool:
    """Whether a problem said back with its verb first is no Dutch: it is
    `garbled`, or opens with no verb before its subject ("gehad op school
    nooit", "gecertificeerde opdrachtgevers willen ..."); better left out
    than said."""
    words = [w for w in words_of(lead) if w.pos != "PUNCT"]
    if len(words) < 2 or garbled(words):
        return True
    if words[0].lower in MUST_OR_MAY and not any(
        w.pos in ("VERB", "AUX") or w.lower in NEGATIONS for w in words[1:]
    ):
        # "moet je jonge matrijzenmakers": a must of what? ("mag het lood
        # straks niet meer in vislood" says it)
        return True
    if _infinitive_subject_moved(words):
        return True
    if _noun_left_out(words):
        return True
    first, subject_next = words[0], words[1].lower in SUBJECT_AFTER_VERB
    if (
        first.lower.endswith("en")
        and words[1].lower == "een"
        and len(words) > 2
        and words[2].lower not in A_NUMBER_OF
    ):
        return True  # "bouwen een verhaal zonder beeld": an infinitive, no subject
    # "weg de marge": an adverb before no finite verb, what was left of a
    # clause whose verb went
    second = words[1]
    if first.pos == "ADV" and not (second.finite or second.lower in SUBJECT_AFTER_VERB):
        return True
    participle = re.fullmatch(r"ge\w+(?:d|t|de|te|den|ten)", first.lower)
    # (the tagger calls some verbs nouns: "vragen klanten", "snappen je operators")
    no_verb = first.pos in ("ADJ", "DET", "ADP", "NUM", "CCONJ") or bool(participle)
    return no_verb and not subject_next


def _noun_left_out(words: Sequence[Word]) -> bool:
    """ "doet jullie oude het niet meer goed": an owner and an adjective whose
    noun was said in the sentence before ("een droogkast ... onze oude")."""
    return any(
        owner.lower in POSSESSIVES
        and adjective.pos == "ADJ"
        and adjective.lower.endswith("e")  # inflected: a noun should follow
        and after.pos in ("VERB", "AUX", "PRON", "ADV")
        for owner, adjective, after in zip(words, words[1:], words[2:], strict=False)
    )


def _knows_not_what(words: Sequence[Word]) -> bool:
    """ "weet je niet precies", "weten jullie niet welke school": not knowing,
    said without what (no verb after a question word, or one word at most);
    "weten je monteurs niks van de nieuwe bussen" says what."""
    if words[0].lower not in KNOW or any(w.pos in ("VERB", "AUX") for w in words[1:]):
        return False
    said = NEGATIONS | SUBJECT_PRONOUNS | {"je", "jullie", "het"}
    rest = [w.lower for w in words[1:] if w.lower not in said]
    # "niks van conservering of stabiliteitstesten": "of" after a thing
    # joins two things and asks nothing ("niet of het ..." asks)
    joining = {
        at
        for at, w in enumerate(words)
        if w.lower == "of" and at and words[at - 1].pos in ("NOUN", "PROPN", "ADJ")
    }
    asking = [w for at, w in enumerate(words) if at and at not in joining]
    return len(rest) <= 1 or any(w.lower in ASKING_WORDS for w in asking)


def _none_of(words: Sequence[Word]) -> Optional[Tuple[str, str]]:
    """ "geen jonge aanwas", "geen boomverzorgers te krijgen": what there is
    none of, said back as "is er geen jonge aanwas", "zijn er geen ..."."""
    if len(words) < 2:
        return None
    when: List[Word] = []
    if words[0].lower in WEEKDAYS and len(words) > 2:
        when, words = [words[0]], words[1:]  # "zaterdag te weinig mensen"
    if [w.lower for w in words[:2]] in TOO_FEW_OR_MANY and len(words) > 2:
        # "te weinig handen": said back as "zijn er te weinig handen"
        return _too_few_or_many(when, words)
    if words[0].lower != "geen":
        return None
    if when:
        return _there_are(when, words, words[1:])  # "zaterdag geen mensen"
    main = words[
        : next((i for i, w in enumerate(words) if w.lower in SUBORDINATORS), len(words))
    ]
    if any(w.finite for w in main) or main[1].pos not in ("NOUN", "ADJ"):
        return None
    head = next((w for w in main[1:] if w.pos == "NOUN"), None)
    if head is None or head.lower in NONE_SAYS_NOTHING:
        return None
    plain = joined(to_second_person(words))
    return plain, _there_is(head, plain)


TOO_FEW_OR_MANY = (["te", "weinig"], ["te", "veel"])
WEEKDAYS = frozenset(
    "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag "
    "maandags dinsdags woensdags donderdags vrijdags zaterdags zondags".split()
)


def _too_few_or_many(
    when: Sequence[Word], words: Sequence[Word]
) -> Optional[Tuple[str, str]]:
    """ "te veel werk te weinig handen": each shortage or excess with its own
    verb, "is er te veel werk en zijn er te weinig handen"."""
    second = next(
        (
            i
            for i in range(3, len(words) - 2)
            if [w.lower for w in words[i : i + 2]] in TOO_FEW_OR_MANY
        ),
        None,
    )
    if second is None:
        return _there_are(when, words, words[2:])
    first = _there_are(when, words[:second], words[2:second])
    then = _there_are([], words[second:], words[second + 2 :])
    if not (first and then):
        return None
    return f"{first[0]}, {then[0]}", f"{first[1]} en {then[1]}"


def _there_are(
    when: Sequence[Word], words: Sequence[Word], rest: Sequence[Word]
) -> Optional[Tuple[str, str]]:
    """ "zijn er zaterdag te weinig mensen": a shortage said without a verb,
    its noun first in `rest`; None where no plain noun follows."""
    main = words[
        : next((i for i, w in enumerate(words) if w.lower in SUBORDINATORS), len(words))
    ]
    # "te veel scholen die bellen": the verb of what is said of the noun
    if any(w.finite for w in main) or not rest or rest[0].pos != "NOUN":
        return None
    head = rest[0]
    plain = joined(to_second_person([*when, *words]))
    said = joined(to_second_person(list(words)))
    time = f"{joined([w.lower for w in when])} " if when else ""
    return plain, _there_is(head, f"{time}{said}")


def _there_is(head: Word, said: str) -> str:
    """What there is none or too little of, with a verb: "heb je geen
    overzicht" (the person's own), "zijn er geen monteurs", "is er geen
    jonge aanwas", as `head`, the noun, has it."""
    if head.lower in HAD_BY_YOU:
        return f"heb je {said}"
    plural = head.plural or nouns.singular(head.text) != head.text
    return f"{'zijn' if plural else 'is'} er {said}"


# "geen idee", "geen vraag": no problem said; "geen tijd": the person's own
NONE_SAYS_NOTHING = frozenset("idee vraag probleem zin flauw".split())
HAD_BY_YOU = frozenset("tijd overzicht haast ruimte kennis ervaring".split())


TIME_OPENERS = frozenset("elke iedere telkens steeds altijd vaak soms".split())
# The pronouns; the tagger calls some nouns first in a chat line one too
# ("netbeheerder zegt nee").
PRONOUNS = frozenset(
    """ik je jij u hij zij ze we wij jullie het dat dit die deze iemand niemand
    iedereen iets niets niks alles wat wie welke er men mij me hem haar ons hen
    hun elkaar zelf""".split()
)


OBJECTS = frozenset("ons je jullie haar hun".split())


def _possessed_as_nouns(words: List[Word]) -> List[Word]:
    """ "mijn insta is gehackt": what a possessive opens is a noun, whatever
    the tagger read in an unknown word ("insta" as a verb)."""
    return [
        replace(w, pos="NOUN", finite=False)
        if i
        and words[i - 1].lower in POSSESSIVES
        # "die bij ons binnenkomen": after a preposition, "ons" is no possessive
        and not (i > 1 and words[i - 2].pos == "ADP" and words[i - 1].lower in OBJECTS)
        and w.pos == "VERB"
        and i + 1 < len(words)
        and words[i + 1].finite
        else w
        for i, w in enumerate(words)
    ]


# Words chat says of a thing without "is" or "zijn": "machine kapot",
# "stagiairs na 10 weken weg".
STATE_WORDS = frozenset(
    "weg kapot stuk op leeg vol ziek dicht stil uitverkocht".split()
)


def _with_copula(words: List[Word]) -> List[Word]:
    """ "stagiairs na 10 weken weg" -> "stagiairs zijn na 10 weken weg": a
    noun first, no other verb, and a word of a state at the end; "is" or
    "zijn" as the noun's number says."""
    if len(words) < 2 or words[-1].lower not in STATE_WORDS:
        return words
    noun = next((i for i, w in enumerate(words[:-1]) if w.pos == "NOUN"), None)
    if (
        noun is None
        or any(
            w.pos not in ("DET", "ADJ", "NUM") and w.lower not in POSSESSIVES
            for w in words[:noun]
        )
        or any(w.pos in ("VERB", "AUX") for w in words[:-1])
    ):
        return words
    head = words[noun].lower
    one = nouns.singular(head)
    # (the tagger calls "oven" plural)
    many = (
        len(one) > 2 and one != head and nouns.plural(one) == head and dutch.known(one)
    )
    verb = "zijn" if many else "is"
    copula = Word(verb, verb, "AUX", True, many, False)
    state = replace(words[-1], pos="ADV", finite=False)
    return [*words[: noun + 1], copula, *words[noun + 1 : -1], state]


def _with_its_article(words: List[Word]) -> List[Word]:
    """ "wachtlijst is 7 weken", "gast met notenallergie kreeg ...": chat
    drops the article of a subject; it comes back, "de" or "het" as the
    tagger's gender says, where a singular noun opens the clause and its
    verb follows it, after at most a phrase ("met notenallergie")."""
    first = words[0]
    bare_noun = first.pos == "NOUN" or (
        first.pos == "PRON"
        and first.lower not in PRONOUNS | POSSESSIVES  # "mijn insta is ..."
        and len(first.lower) > 3
    )
    if (
        not bare_noun
        or first.plural
        or len(words) < 2
        or a_name_typed_small(first.text)
    ):
        return words  # "henk doet al 30 jaar de kleuren": a name takes none
    verb = 1
    if words[1].pos == "ADP":
        verb = next(
            (i for i in range(2, min(len(words), 5)) if words[i].pos != "NOUN"), 0
        )
    if not (0 < verb < len(words) and words[verb].finite):
        return words
    if words[verb].lower.endswith("n") and words[verb].lower not in ("kan", "ben"):
        return words  # a plural verb ("zijn", "willen"): no single subject
    article = article_of(first)
    lowered = replace(first, text=first.text.lower() if first.start else first.text)
    return [Word(article, article, "DET", False, False, True), lowered, *words[1:]]


def _plural_verb_before_singular(words: Sequence[Word]) -> bool:
    """ "durven de investering nog niet aan": a plural verb first and then a
    singular noun, which is no subject of it; the "we" was dropped."""
    return (
        len(words) > 2
        and words[0].finite
        and words[0].lower.endswith("en")
        and len(words[0].lower) > 3
        and words[1].lower in ("de", "het")
        and words[2].pos == "NOUN"
        and not words[2].plural
        and nouns.singular(words[2].text) == words[2].text
    )


def _verb_then_bare_object(words: Sequence[Word]) -> bool:
    """ "krijgen claims van de super": a bare noun after a verb in -en is its
    object, its subject dropped ("gaan klanten weg" ends in a particle: there
    the noun is the subject)."""
    return (
        len(words) > 2
        and words[0].finite
        and words[0].pos in ("VERB", "AUX")
        and words[0].lower.endswith("en")
        and words[1].pos == "NOUN"
        and words[-1].lower not in PARTICLES
    )


def _subject_first(words: List[Word]) -> List[Word]:
    """ "(dus eigenlijk) weet ik niet waar het lekt": the clause lost the word
    before its verb; the "ik" or "we" after it goes first again."""
    if len(words) > 1 and words[0].finite and words[1].lower in SUBJECT_PRONOUNS:
        return [words[1], words[0], *words[2:]]
    return words


def _with_dropped_subject(words: List[Word]) -> List[Word]:
    """ "ken hier geen enkele school", "zijn net verhuisd": chat drops the
    "ik" or "we" before a verb that opens the clause; it is put back."""
    first = words[0]
    if _subject_then_particle(words) and first.lower not in FIRST_PERSON_VERBS:
        return words  # "gaan steeds meer klanten weg"
    if (
        len(words) > 2
        and words[1].lower == "er"
        and first.lower not in FIRST_PERSON_VERBS
    ):
        return words  # "komt er nooit een stagiair": its subject follows "er"
    # "vinden geen monteurs", "hebben een probleem": what follows is the object
    object_next = len(words) > 1 and words[1].lower in OBJECT_OPENERS
    # "moeten elke keer opnieuw beginnen": a time, then no subject either
    time_next = len(words) > 1 and words[1].lower in TIME_OPENERS
    if not (first.finite and first.pos in ("VERB", "AUX")) or (
        first.lower not in FIRST_PERSON_VERBS
        and not _object_it(words)
        and not object_next
        and not time_next
        and not _verb_then_bare_object(words)
        and not _plural_verb_before_singular(words)
        and (
            any(w.pos in ("NOUN", "PROPN", "PRON") for w in words[1:3])
            or _a_share(words, 1)
        )
    ):
        return words  # "(dan) staat de pers stil": the subject follows
    if third_person_form(first.lower):
        return words  # "staat al 4 maanden online": the vacancy does, not "ik"
    pronoun = "we" if plural_verb(first.lower) or first.lower == "zijn" else "ik"
    return [Word(pronoun, pronoun, "PRON", False, pronoun == "we", True), *words]


def _subject_then_particle(words: Sequence[Word]) -> bool:
    """ "gaan steeds meer klanten weg": a noun after a few words of how many
    or how often, and the verb's particle at the end: that noun is the
    subject ("hebben elke dag klanten" keeps its dropped "we")."""
    plural = plural_verb(words[0].lower)
    return (
        len(words) > 3
        and words[-1].lower in PARTICLES
        and words[1].pos in ("ADV", "ADJ", "DET", "NUM")
        and any(w.pos == "NOUN" and w.plural == plural for w in words[2:5])
    )


MORE_OF = re.compile(r"^er\s+(.+?)\s+bij$", re.IGNORECASE)
LESS_FUEL = re.compile(
    r"^(minder|lager)\s+(gas|stroom|energie|water|diesel|brandstof)$", re.IGNORECASE
)


# A subclause that a wish may hang on ("..., voordat ze ingepakt worden").
SUBCLAUSE_AFTER = re.compile(
    # not after seeing or knowing: "dat mijn mensen zien wanneer ..." is what
    r"(?<!\bzien)(?<!\bweten)(?<!\bmerken)(?<!\bhoren)"
    r",?\s+(?:voordat|omdat|zodat|zodra|wanneer|terwijl)\s+",
    re.IGNORECASE,
)


# One verb that is a whole goal ("bijblijven", "groeien", "verduurzamen"),
# unlike a verb that needs its what ("horen", "weten").
SAID_ALONE = re.compile(r"[a-zé]{6,}en")
LIGHT_VERBS = frozenset(
    "horen weten zien doen hebben kunnen leren gaan komen maken krijgen vinden "
    "zoeken snappen begrijpen".split()
)


def _must_of_the_main_clause(goal: str) -> bool:
    """ "de monteurs moeten ... kunnen", not "iemand die zegt wat er geregeld
    moet worden": only a must of the main clause is put first by the question."""
    words = re.findall(r"\w+", goal.lower())
    must = next((i for i, w in enumerate(words) if MUST_GOAL.fullmatch(w)), 0)
    return not any(w in INNER_CLAUSE_OPENERS for w in words[1:must])


# A verb of knowing whose what was cut off says nothing: "beter snappen".
KNOWING_CUT_OFF = frozenset(
    "weten snappen begrijpen horen zien leren ontdekken uitzoeken kennen".split()
)


def restated_goal(goal: str, source: str) -> str:
    """The goal as the restatement will say it, without pasting: a long
    "dat de monteurs ... kunnen werken" becomes "de monteurs moeten ...
    kunnen werken", which is asked as "hoe kunnen de monteurs ... werken"."""
    if MUST_GOAL.search(goal) and _must_of_the_main_clause(goal):
        return goal  # reordered by the question
    if goal.startswith("dat ") and copies(goal, source):
        tokens = goal.split()[1:]
        if len(tokens) > 3 and tokens[0] == "er" and tokens[1] in ("een", "iemand"):
            # "dat er een jonge gast naast Harrie meeloopt": "een jonge gast"
            # is the subject, "er" only puts it later
            tokens = tokens[1:]
        words = words_of(" ".join(tokens))
        subject = _subject_end(words)
        # "kan" of the main clause, not of one after it ("die het ... kan overnemen")
        end = _main_clause_end(words, subject)
        if subject and re.search(r"\b(?:kunnen|kan)\b", " ".join(tokens[subject:end])):
            # "elke wijkverpleegkundige moet", "de monteurs moeten"
            must = _must_for(words[subject - 1])
            if tokens[0] == "je" and must == "moeten" and "kan" in tokens[subject:end]:
                # "dat ik klanten eerlijk kan zeggen ...": "je" is who, not
                # whose ("je klanten" would say "kunnen")
                subject, must = 1, "moet"
            # "dat rick ... een project kan draaien": Rick moet ... kunnen draaien
            rest = [
                "kunnen" if at < end and t.lower() == "kan" else t
                for at, t in enumerate(tokens[subject:], subject)
            ]
            return " ".join([*tokens[:subject], must, *rest])
        as_must = _dat_clause_as_must(tokens, words, _noun_subject(words), source)
        if as_must:
            return as_must
        # "dat die scheurtjes eruit gaan voordat ze ingepakt worden": the
        # wish without what it hangs on
        main = SUBCLAUSE_AFTER.split(goal, maxsplit=1)[0]
        if main != goal and len(main.split()) > MIN_CLAUSE_WORDS:
            return restated_goal(main, source)
    # "minder gas": less of what is burnt or used is less use of it
    goal = LESS_FUEL.sub(r"\1 \2verbruik", goal)
    # "(wil) er 1 jonge jongen bij": someone more to get
    goal = MORE_OF.sub(r"\1 erbij krijgen", goal)
    asked = as_questions(goal) if copies(goal, source) else ""
    if asked and not copies(asked, source):
        return asked  # "waar zitten de lekken, en ...?": their question, asked
    kept = unspliced(goal, source)
    # "horen wat andere winkels weten" cut back to "horen" says nothing, and
    # "over een jaar" is when, not what; "dat er een jonge gast" has lost its verb.
    # "(ik wil gewoon) bijblijven", said so, is a goal of one word.
    whole_verb = (
        kept == goal and kept not in LIGHT_VERBS and bool(SAID_ALONE.fullmatch(kept))
    )
    if (len(kept.split()) < MIN_CLAUSE_WORDS and not whole_verb) or TIME_ONLY.match(
        kept
    ):
        return ""
    last_two = kept.split()[-2:]
    if (
        kept != goal
        and infinitive(last_two[-1]) in KNOWING_CUT_OFF
        and (len(kept.split()) <= MIN_CLAUSE_WORDS or last_two[0] in ("die", "wie"))
    ):
        # "beter snappen", "1 iemand die weet" (held-out 40th), cut before
        # what: knows nothing ("studenten leren kennen" says whom)
        return ""
    if (
        kept != goal
        and kept.startswith("dat ")
        and not any(w.pos in ("VERB", "AUX") for w in words_of(kept)[1:])
    ):
        return ""
    return kept


def _must_for(head: Word) -> str:
    plural = head.lower not in SINGULAR_PRONOUNS and (
        head.plural or nouns.singular(head.text) != head.text
    )
    return "moeten" if plural or head.lower in ("we", "jullie", "ze") else "moet"


def _dat_clause_as_must(
    tokens: Sequence[str], words: Sequence[Word], subject: int, source: str
) -> str:
    """ "(dat) de opleiding meer oefent met echte situaties" -> "de opleiding
    moet meer oefenen met echte situaties", which is asked as "hoe kan de
    opleiding ...": the entrepreneur's wish in the bot's own words. A phrase
    after the verb moves before the middle where the words would otherwise
    run on as typed ("... moeten zelf de wapening ... op de bouwplaats halen").
    "" where the clause's verb is not found or every order copies `source`."""
    if not subject or len(words) != len(tokens) or words[0].lower == "er":
        return ""
    must = _must_for(words[subject - 1])
    while subject + 1 < len(words) and words[subject].lower in ("en", "of"):
        # "waterbehandeling en zwembadtechniek": one subject of two nouns
        more = next(
            (
                j
                for j in range(subject + 1, subject + 4)
                if j < len(words) and words[j].pos in ("NOUN", "PROPN")
            ),
            None,
        )
        if more is None:
            break
        subject, must = more + 1, "moeten"
    end = _main_clause_end(words, subject)
    verb = next(
        (
            i
            for i in range(end - 1, subject - 1, -1)
            if _a_clause_verb(words[i])
            and words[i - 1].pos != "DET"  # "een afstudeeropdracht"
            and (i == end - 1 or words[i + 1].pos == "ADP")
        ),
        None,
    )
    if verb is None or any(w.lower in MODALS for w in words[subject:verb]):
        return ""  # "... veilig mogen werken": its own modal stays
    opener = words[end].lower if end < len(words) else ""
    if (
        opener
        and opener not in ADVERBIAL_OPENERS
        and not (verb == end - 1 and infinitive(words[verb].lower) in CLAUSE_TAKING)
    ):
        return ""  # "helder blijft of egaal romig wordt": two clauses
    if words[verb].lower in MODALS | {"heeft", "hebben", "is", "zijn"}:
        return ""  # "kunnen" has its own rewrite; a perfect tense stays
    base = infinitive(words[verb].lower)
    if not base:
        return ""
    head, middle = list(tokens[:subject]), list(tokens[subject:verb])
    after = list(tokens[verb + 1 :])
    orders = [middle + [base] + after]
    trailing = after and words[verb + 1].pos == "ADP" and end == len(words)
    if trailing:
        # "... moeten op school al met echte casussen oefenen": the phrase
        # before the verb, where Dutch puts it
        orders.append(middle + after + [base])
    phrase = next(
        (i for i, w in enumerate(words[subject:verb]) if i and w.pos == "ADP"), None
    )
    if phrase is not None:
        # "... moet meer leren over groene daken": a phrase after the verb
        orders.append(middle[:phrase] + [base] + middle[phrase:] + after)
    if trailing:
        orders.append(after + middle + [base])  # in front: the last resort
    moved = next((i for i, t in enumerate(middle) if i and t.lower() in FRONTED), None)
    if moved is not None:
        # "(ze) op school al leren wat ...": "al op school leren wat ..." says
        # the same without pasting it (held-out 41st)
        orders.append(
            [middle[moved], *middle[:moved], *middle[moved + 1 :], base, *after]
        )
    # asked as "hoe kan de opleiding ...", the must is gone: that may not copy
    rest = next((o for o in orders if not copies(" ".join(head + o), source)), None)
    return " ".join([*head, must, *rest]) if rest else ""


# Adverbs that may open the middle of a clause as well as close it.
FRONTED = frozenset("al ook nu straks echt meteen gewoon".split())


def _main_clause_end(words: Sequence[Word], subject: int) -> int:
    """Where the main clause after its subject ends: where a clause of its own
    opens ("weten hoe ...", "die het proces kan overnemen")."""
    return next(
        (i for i in range(subject, len(words)) if words[i].lower in SUBORDINATORS),
        len(words),
    )


def _noun_subject(words: Sequence[Word]) -> int:
    """Where the subject of a dat-clause ends: a pronoun alone ("iedereen"),
    else its first noun ("jullie schoonmakers", "het mbo"); 0 where the
    clause opens with something else ("op elke afdeling iemand ...")."""
    if not words or words[0].pos == "ADP":
        return 0
    first = words[0]
    if first.pos == "PRON" and first.lower not in OWNERS | {"het", "jullie", "je"}:
        return 1
    return next(
        (
            i + 1
            for i, w in enumerate(words[:4])
            if w.pos in ("NOUN", "PROPN") and w.lower not in POSSESSIVES
        ),
        0,
    )


def _a_clause_verb(word: Word) -> bool:
    """The verb a dat-clause ends in; the small tagger calls "oefent" a noun
    and "meer" a verb, so the form decides: -t or -en with an infinitive."""
    if word.lower in NEVER_VERBS | NOT_A_VERB or word.pos in NOT_VERB_TAGS:
        return False
    base = infinitive(word.lower)
    # "kwaliteit" is no verb because "kwaliteiten" is a word
    if base in ("", word.lower + "en"):
        return False
    return word.pos in ("VERB", "AUX") or word.lower.endswith("t")


# Clauses that may follow any verb ("... oefenen, zodat ze ...") and verbs
# whose object is a clause ("weten hoe ...", "zien of ...").
ADVERBIAL_OPENERS = frozenset(
    "zodat omdat voordat terwijl waardoor als wanneer".split()
)
CLAUSE_TAKING = frozenset(
    "weten leren zien snappen begrijpen horen kijken uitzoeken merken zeggen".split()
)
# Words the small tagger takes for a verb in a clause that ends in one.
NOT_A_VERB = frozenset("meer minder zelf".split())
NOT_VERB_TAGS = frozenset("ADP DET PRON ADJ NUM CCONJ SCONJ".split())


def _subject_end(words: Sequence[Word]) -> int:
    """Where the subject at the start of `words` ends (0: no subject)."""
    if words and words[0].pos == "PRON" and words[0].lower not in POSSESSIVES:
        return 1
    for i, word in enumerate(words[:4]):
        if word.pos in ("NOUN", "PROPN"):
            return i + 1
        # "je mannen alle vis ...": after "je" the tagger took the noun for a verb
        if i == 1 and words[0].lower in POSSESSIVES and word.pos in ("VERB", "AUX"):
            return 2
    return 0


def unspliced(said: str, source: str, reword: bool = True) -> str:
    """`said` cut back at a phrase boundary until it holds no run of eight
    words of `source` (the bot restates, it does not paste); "" if it cannot.
    `reword`: its small numbers may be written out instead."""
    kept = _unspliced(said, source)
    if kept:
        return kept
    worded = in_words(said) if reword else said
    if worded != said and not copies(worded, source):
        # "sluiten jullie 1 a 2 dagen per maand een groep", which no cut
        # leaves whole: small numbers written out, as Dutch prose writes
        # them, say it in other words
        return worded
    unrepeated = " ".join(HOW_OFTEN.sub(" ", said).split())
    if unrepeated != said:
        # "dat er elk jaar een of twee studenten ... afstuderen": how often is
        # asked with the time; where nothing else can go, the wish stands
        # without it ("studenten die elk jaar terugkomen" keeps it)
        return _unspliced(unrepeated, source)
    return ""


SMALL_NUMBERS = (
    "nul één twee drie vier vijf zes zeven acht negen tien elf twaalf dertien "
    "veertien vijftien zestien zeventien achttien negentien twintig"
).split()
# "1 a 2 dagen", "2 of 3 man"; not "niveau 2", "mbo 4", "1,5", "12:00", "20%"
SMALL_NUMBER = re.compile(
    r"(?<![\d.,:/-])(?<!niveau )(?<!mbo )(?<!hbo )(?<!nen )(?<!week )(?<!fase )"
    r"\b(1\d|20|\d)\b(?![\d.,:/%-])"
    # "voor 1 januari": a date keeps its digits
    rf"(?!\s+(?:{MONTH_NAMES})\b)",
    re.IGNORECASE,
)
NUMBER_RANGE = re.compile(r"\b(\d{1,2})\s+(?:a|à|á)\s+(\d{1,2})\b")


def in_words(text: str) -> str:
    """`text` with its small numbers as words: "1 a 2 dagen" -> "één tot
    twee dagen"."""
    text = NUMBER_RANGE.sub(r"\1 tot \2", text)
    return SMALL_NUMBER.sub(lambda m: SMALL_NUMBERS[int(m.group(1))], text)


def _unspliced(said: str, source: str) -> str:
    words = said.split()
    if not copies(said, source):
        return " ".join(words)
    # First leave out words that add nothing to the meaning: "dat er weer wat
    # restauratie in de opleiding zit" -> "dat er wat restauratie in de
    # opleiding zit", where a cut would lose "in de opleiding".
    # A time is asked and stored apart: "een plan om binnen een paar jaar
    # zonder gas te telen" -> "een plan om zonder gas te telen".
    timeless = TIME_PHRASE.sub(" ", " ".join(words)).split()
    if len(timeless) < len(words) and not copies(" ".join(timeless), source):
        return " ".join(timeless)
    plainer = [w for w in words if w.lower() not in FILLERS]
    if len(plainer) < len(words) and not copies(" ".join(plainer), source):
        return " ".join(plainer)
    tagged = words_of(said)
    # the tags of `words`, when the tokens line up (no punctuation in `said`)
    pos = [w.pos for w in tagged] if len(tagged) == len(words) else []
    # First try leaving out a phrase (preposition, article, noun) of a clause
    # that ends in its verb: "studenten die elk jaar in de zomer terugkomen" ->
    # "... elk jaar terugkomen"; "het restmateriaal weer in de machine
    # gebruiken" -> "het restmateriaal weer gebruiken".
    if _verb_like(words[-1], tagged[-1].pos):
        for at in range(len(words) - 1 - PHRASE_LENGTH, 0, -1):
            if (
                words[at] in PREPOSITIONS
                # "welke school bij welke vraag past" -> "welke school past"
                and words[at + 1] in ("de", "het", "een", "welke")
                # "met de nieuwe lasprocessen": the phrase ends in its noun
                and (not pos or pos[at + 2] in ("NOUN", "PROPN"))
                # "bij een mbo, een kunstacademie of een museum": a list's first
                and not _listed(words[at : at + PHRASE_LENGTH], source)
                # "een prototype van een sensor die ...": "die" needs its noun,
                # "voor de opbouw van tenten": "van" its noun
                and words[at + PHRASE_LENGTH] not in RELATIVES
                and words[at + PHRASE_LENGTH] != "van"
                # ... also over a place: "van een collega in Soest die ..."
                and not (
                    words[at + PHRASE_LENGTH] in PREPOSITIONS
                    and "die" in words[at + PHRASE_LENGTH + 1 : at + PHRASE_LENGTH + 3]
                )
            ):
                # "die zaterdags en in de zomer komen" -> "die zaterdags komen"
                joined_to_it = (
                    words[at - 1] in ("en", "of")
                    and at + PHRASE_LENGTH == len(words) - 1
                )
                shorter = words[: at - joined_to_it] + words[at + PHRASE_LENGTH :]
                if not copies(" ".join(shorter), source):
                    return " ".join(shorter)
    # "... boze of wanhopige mensen aan de lijn": a phrase at the end
    if (
        len(words) > PHRASE_LENGTH + 2
        and words[-PHRASE_LENGTH] in PREPOSITIONS
        and words[-PHRASE_LENGTH + 1] in ("de", "het", "een")
        and (not pos or pos[-1] in ("NOUN", "PROPN"))
    ):
        shorter = words[:-PHRASE_LENGTH]
        while shorter and shorter[-1] in ("of", "en"):
            shorter = shorter[:-1]  # "naar de grote jongens of (naar de randstad)"
        if not copies(" ".join(shorter), source):
            return " ".join(shorter)
    while words and copies(" ".join(words), source):
        cuts = [
            i
            for i, w in enumerate(words[:-1])  # "de agenda loopt uit": a particle
            if i >= MIN_CUT and w in BOUNDARIES
        ]
        if not cuts:
            return ""
        words = words[: cuts[-1]]
        while words and words[-1] in BOUNDARIES:
            words = words[:-1]  # "matrozen die" -> "matrozen"
        if words[-2:] == ["in", "plaats"]:
            words = words[:-2]  # "adviseren in plaats (van invoeren)"
    relative = next((i for i, w in enumerate(words) if i and w in RELATIVES), None)
    # "weten waar de energie weglekt": its verb closes it ("kunnen" alone,
    # cut from its infinitive, does not)
    closed = relative is not None and any(
        _verb_like(w, p) and w not in MODALS
        for w, p in zip(
            words[relative + 1 :], pos[relative + 1 : len(words)], strict=False
        )
    )
    if relative is not None and words != said.split() and not closed:
        # A relative clause cut before its verb ("studenten die elk jaar")
        # says nothing whole: the noun stays without it.
        words = words[:relative]
    if pos and len(words) < len(pos):
        # "weten of zo'n drone": a clause opener cut off before its verb
        open_clause = next(
            (
                i
                for i in range(1, len(words))
                if words[i] in SUBORDINATORS
                and not any(
                    _verb_like(w, p)
                    for w, p in zip(
                        words[i + 1 :], pos[i + 1 : len(words)], strict=False
                    )
                )
            ),
            None,
        )
        if open_clause is not None:
            words = words[:open_clause]
    cut_off = said.split()[len(words) :]
    # "rijden je mensen overal langs ook als het niet hoeft": the "niet" of a
    # clause of its own at the end, cut off whole with it
    own_clause = next((w for w in cut_off if w not in EVEN), "") in ADVERBIAL_CLAUSE
    while own_clause and words and words[-1] in EVEN:
        words = words[:-1]
    if NEGATIONS & set(said.split()) - set(words) and not own_clause:
        return ""  # "ken je de regels ... niet": cut before "niet" it says the opposite
    gone = len(words) > 1 and words[-1] in GOING and words[-2] in WHERE_TO
    if words and words[-1] in MODALS and len(words) < len(said.split()) and not gone:
        return ""  # "je monteurs moeten ook elektrisch": cut before its verb
    if pos and words and len(words) < len(pos) and pos[len(words) - 1] == "ADJ":
        return ""  # "krijgen ... steeds vaker boze": cut off before its noun
    if (
        said.startswith("dat ")
        and pos
        and len(words) < len(pos)
        and not any(_verb_like(w, p) for w, p in zip(words, pos, strict=False))
    ):
        return ""  # "dat de ploegbazen zelf de wapening": a dat-clause needs its verb
    return " ".join(words)


def _listed(phrase: Sequence[str], source: str) -> bool:
    """Whether `phrase` is followed by a comma in `source`: the first of a list."""
    said = r"\s+".join(re.escape(w.strip(",")) for w in phrase)
    return bool(re.search(said + r"\s*,", source, re.IGNORECASE))


def _verb_like(word: str, pos: str) -> bool:
    """A verb by its tag, or a present-tense form the tagger took for a noun
    ("oefent", "weglekt": a Dutch verb's stem with its -t); not a time of day
    or week that the tagger took for a verb ("zaterdags", "'s avonds")."""
    if TIME_ADVERB.search(word) or word in NEGATIONS:
        return False  # "niet" is no form of "nieten"
    return pos in ("VERB", "AUX") or (
        word.endswith("t") and len(word) > MIN_VERB_FORM and bool(infinitive(word))
    )


MIN_VERB_FORM = 3
TIME_ADVERB = re.compile(
    r"(?:dags|avonds|ochtends|morgens|middags|nachts|zomers|winters|weekends)$"
)


def copies(said: str, source: str) -> bool:
    """Whether `said` holds a run of SPLICE_WORDS words of `source`."""
    ours = " " + " ".join(re.findall(r"\w+", said.lower())) + " "
    theirs = re.findall(r"\w+", source.lower())
    return any(
        " " + " ".join(theirs[i : i + SPLICE_WORDS]) + " " in ours
        for i in range(len(theirs) - SPLICE_WORDS + 1)
    )


def _object_it(words: Sequence[Word]) -> bool:
    """ "kan t niet betalen zonder steun": after a modal that opens the clause,
    "het" is the object of the infinitive that follows, not the subject."""
    return (
        len(words) > 2
        and words[0].lower in MODALS
        and words[1].lower in VAGUE
        and words[1].pos == "PRON"
        and any(w.pos == "VERB" and not w.finite for w in words[2:])
    )


def _a_share(words: Sequence[Word], at: int) -> bool:
    """ "(gaat) 1 op de 5 zakken (groen schimmelen)": a share of a noun,
    the subject, at `at`."""
    return (
        at + 2 < len(words)
        and words[at].pos == "NUM"
        and words[at + 1].lower in ("op", "van")
        and any(w.pos == "NOUN" for w in words[at + 2 : at + 5])
    )


def _has_subject(words: Sequence[Word]) -> bool:
    """A noun or pronoun before the finite verb or right after it; a clause
    without a finite verb ("een tekort aan monteurs") needs a noun."""
    if _object_it(words):
        return False
    finite = next((i for i, w in enumerate(words) if w.finite), None)
    if finite is None:
        return any(w.pos == "NOUN" for w in words)
    nominal = ("NOUN", "PROPN", "PRON")
    if finite == 1 and words[0].lower == "er":
        # "er zijn geen vlechters te vinden": the subject follows the verb.
        return any(w.pos == "NOUN" for w in words[finite + 1 :])
    # "(dan) staat de pers stil": an article may come between, but not
    # "geen" or "een" ("vinden geen monteurs": the object)
    after = words[finite + 1 : finite + 3]
    with_article = (
        after[:1] and after[0].pos == "DET" and after[0].lower not in OBJECT_OPENERS
    )
    if _a_share(words, finite + 1) or (finite == 0 and _subject_then_particle(words)):
        return True
    around = list(words[:finite]) + list(after if with_article else after[:1])
    return any(
        w.pos in nominal and w.lower not in ("wat", "niks", "niets") for w in around
    )


def verb_first(words: Sequence[Word]) -> List[Word]:
    """The clause with its finite verb first and the subject right after it:
    "we gooien brood weg" -> "gooien we brood weg"; "al maanden vind ik geen
    monteurs" -> "vind ik al maanden geen monteurs". A sentence's capital
    goes with the word only where it is a name ("hebben acht helpenden")."""
    inverted = _verb_first(words)
    if (
        len(inverted) > 1
        and inverted[0].lower in D_STEMS
        and inverted[1].lower not in ("ik", "je", "jij")
    ):
        # "de drop word te plakkerig": chat's d for dt, wrong once the verb
        # comes first before any subject but "je" ("wordt de drop te ...")
        verb = inverted[0]
        inverted[0] = replace(verb, text=verb.text + "t", lower=verb.lower + "t")
    return [
        replace(w, text=w.lower) if i and w.start and not _a_name(w) else w
        for i, w in enumerate(inverted)
    ]


D_STEMS = frozenset("word vind houd rijd bied meld".split())


# The tagger reads any capitalised first word as a name, also "Acht" and "Geen".
NOT_NAMES = frozenset(
    "een twee drie vier vijf zes zeven acht negen tien elf twaalf geen alle veel "
    "weinig sommige onze mijn ons de het die deze dat".split()
)


def _a_name(word: Word) -> bool:
    return word.pos == "PROPN" and word.lower not in NOT_NAMES


def _verb_first(words: Sequence[Word]) -> List[Word]:
    after_subclause = _main_after_subclause(words)
    if after_subclause:
        return after_subclause
    finite = next(
        (i for i, w in enumerate(words) if w.finite and w.pos in ("VERB", "AUX")), None
    )
    first_verb = next(
        (i for i, w in enumerate(words) if w.pos in ("VERB", "AUX")), None
    )
    # "uitzendkrachten weten niet hoe ...": the tagger took the noun before
    # the plural verb for a verb too
    noun_first = (
        first_verb == 0
        and len(words) > 2
        and not words[0].finite
        and words[1].pos in ("VERB", "AUX")
        and words[1].lower.endswith("en")
    )
    if noun_first:
        first_verb = 1
    if (
        finite is not None
        and first_verb is not None
        and first_verb < finite
        and any(w.lower in INNER_CLAUSE_OPENERS for w in words[first_verb:finite])
    ):
        finite = None  # "... weten niet wat we doen": "doen" is the subclause's
    if finite is None and first_verb is not None:
        # The tagger misses some plural verbs after an adverbial ("sinds kort
        # lopen ...") or a noun ("klanten vragen of ..."): in a clause without
        # another finite verb, the first verb is then the finite one.
        subject = words[:first_verb]
        # "de hogeschool en het mbo weten": two subjects joined by "en"
        joined_by_en = sum(w.lower == "en" for w in subject) == 1
        longest = MAX_SUBJECT_WORDS * 2 + 1 if joined_by_en else MAX_SUBJECT_WORDS
        if (
            words[0].pos in ("ADV", "ADP")
            or noun_first
            or (
                0 < first_verb <= longest
                and subject[-1].pos in ("NOUN", "PROPN")
                # counted, the subject is plural, and so is its verb: not
                # "(3 proefbatches) weggegooid"
                and (
                    all(w.pos != "NUM" for w in subject)
                    or infinitive(words[first_verb].lower) == words[first_verb].lower
                )
                and all(
                    # "(mijn) 2 ervaren tassenmakers": a count in the subject
                    w.pos in ("DET", "NUM", "NOUN", "PROPN", "ADJ")
                    or w.lower in POSSESSIVES
                    or (joined_by_en and w.lower == "en")
                    for w in subject
                )
            )
        ):
            finite = first_verb
    if (
        finite is not None
        and finite + 2 < len(words)
        and words[finite].lower.endswith("n")  # "omgaan", "lassen"
        and words[finite + 1].finite
        and words[finite + 2].lower in PRONOUN_SUBJECTS
    ):
        # "met gasten omgaan leren ze ook niet": the infinitive is fronted,
        # and said after "ook niet" ("leren ze ook niet met gasten omgaan")
        subject, rest = words[finite + 2 : finite + 3], list(words[finite + 3 :])
        adverbs = list(itertools.takewhile(lambda w: w.pos == "ADV", rest))
        return [words[finite + 1], *subject, *adverbs, *words[: finite + 1],
                *rest[len(adverbs) :]]  # fmt: skip
    with_relative = _subject_with_relative_clause(words)
    if with_relative:
        # "de mbo'ers die hier binnenkomen weten niks": the verb after the
        # relative clause is the main one, its subject the whole
        return [
            words[with_relative],
            *words[:with_relative],
            *words[with_relative + 1 :],
        ]
    if finite is None or any(
        w.lower in RELATIVES and not _demonstrative(words, at)
        for at, w in enumerate(words[:finite])
    ):
        return []  # the only verb is in a relative clause: no main clause
    verb, before, after = words[finite], list(words[:finite]), list(words[finite + 1 :])
    if (
        len(before) >= 2
        and before[-1].lower in ("en", "of")
        and before[-2].pos in ("VERB", "AUX")
        and before[0].pos in ("ADV", "ADP")
    ):
        # "in september plukken en drogen we": two verbs joined, both first
        subject, rest = _subject(after)
        return [*before[-2:], verb, *subject, *before[:-2], *rest]
    if [w.lower for w in before] == ["er"]:
        return [verb, *before, *after]  # "zijn er geen vlechters te vinden"
    if (
        before
        and (
            before[0].pos in ("ADV", "ADP", "SCONJ")
            # "vorig jaar was er gedrang": a time said first
            or before[-1].lower in TIME_NOUNS
            # "nieuwe installaties durven ze niet aan": the object said first
            or _pronoun_subject_after(before, after, verb)
        )
        and before[0].lower not in (SUBJECT_PRONOUNS)
        and not _focused_subject(before)
    ):
        if before[0].lower in CONNECTIVES:
            before = before[1:]  # "daardoor gaan ..." joined with "en"
        subject, rest = _subject(after)
        return [verb, *subject, *before, *rest]
    return [verb, *before, *after]


# "vooral de elektrische lopen niet": an adverb that singles out the subject
# is part of it, not an adverbial said first ("lopen vooral de elektrische
# niet", not "lopen niet vooral de elektrische": held-out 39th)
FOCUS_ADVERBS = frozenset("vooral alleen juist zelfs".split())


def _focused_subject(before: Sequence[Word]) -> bool:
    return (
        len(before) >= 2
        and before[0].lower in FOCUS_ADVERBS
        and before[1].pos in ("DET", "NOUN", "ADJ")
    )


def _demonstrative(words: Sequence[Word], at: int) -> bool:
    """ "die restaurants (haken af)": "die" first, before its noun, points."""
    return at == 0 and len(words) > 1 and words[1].pos == "NOUN"


MAX_RELATIVE_WORDS = 5


def _subject_with_relative_clause(words: Sequence[Word]) -> int:
    """Where the main verb stands after a subject with a short relative
    clause ("de jongens die we krijgen kunnen ...", "de mbo'ers die hier
    binnenkomen weten ..."), else 0."""
    relative = next((i for i, w in enumerate(words) if w.lower in ("die", "dat")), 0)
    if not 0 < relative <= MAX_SUBJECT_WORDS or words[relative - 1].pos != "NOUN":
        return 0
    if any(
        w.pos not in ("DET", "ADJ", "NOUN", "NUM") and w.lower not in POSSESSIVES
        for w in words[:relative]
    ):
        return 0
    ends = next(
        (i for i in range(relative + 1, len(words)) if words[i].pos in ("VERB", "AUX")),
        None,
    )
    if ends is None or ends - relative > MAX_RELATIVE_WORDS or ends + 1 >= len(words):
        return 0
    main = words[ends + 1]
    return ends + 1 if main.pos in ("VERB", "AUX") and main.finite else 0


# A clause said first whose verb ends it, before the main verb.
FRONT_SUBCLAUSE = frozenset("sinds omdat toen nadat zodra doordat".split())


def _main_after_subclause(words: Sequence[Word]) -> List[Word]:
    """ "sinds we verhuisd zijn gaat 1 op de 5 zakken groen schimmelen" ->
    "gaat 1 op de 5 zakken groen schimmelen sinds we verhuisd zijn": the main
    verb comes right after the subclause's own; [] for any other clause."""
    if not words or words[0].lower not in FRONT_SUBCLAUSE:
        return []
    if words[0].lower == "sinds" and (len(words) < 2 or words[1].pos != "PRON"):
        return []  # "sinds de nieuwe persen snappen ...": a time, no subclause
    own = next(
        (i for i, w in enumerate(words) if i and w.finite and w.pos in ("VERB", "AUX")),
        None,
    )
    main = None if own is None else own + 1
    if main is None or main >= len(words) or words[main].pos not in ("VERB", "AUX"):
        return []
    return [words[main], *words[main + 1 :], *words[:main]]


# Pronouns that are only ever a subject; "ze" may be an object too.
SUBJECT_ONLY = frozenset("ik wij we hij zij er".split())


def _pronoun_subject_after(
    before: Sequence[Word], after: Sequence[Word], verb: Word
) -> bool:
    """ "een concrete vraag heb ik niet", "nieuwe installaties durven ze niet
    aan": a pronoun right after the verb is its subject, and what stands
    before it is not. "ze" may be the object ("de klanten bellen ze niet"):
    only after a noun phrase that names no people, bare, or before a verb
    only people do ("de wft-regels kennen ze niet")."""
    if not after or after[0].pos != "PRON":
        return False
    if after[0].lower in SUBJECT_ONLY:
        return True
    if after[0].lower == "je" and not verb.lower.endswith(("en", "t")):
        return True  # "de oude oven stook je op gevoel": "stookt je" has it object
    bare = before[0].pos != "DET" and before[0].lower not in POSSESSIVES
    return (
        after[0].lower == "ze"
        and (bare or infinitive(verb.lower) in antecedents.KNOWING_VERBS)
        and not any(names_people(w) for w in before)
    )


def _subject(words: Sequence[Word]) -> Tuple[List[Word], List[Word]]:
    if not words:
        return [], []
    if words[0].lower == "er":
        return list(words[:1]), list(words[1:])  # "was er vorig jaar gedrang"
    owner = words[0].lower in OWNERS | POSSESSIVES and len(words) > 1
    if owner and words[0].lower == "je" and words[1].pos in ("ADP", "ADV", "PART"):
        owner = False  # "(stook) je op gevoel": the subject, not "your"
    if owner:
        # "mijn operators": whose and the noun after it, whatever the tagger
        # calls them ("mijn/AUX operators/ADV")
        head = next(
            (i for i in range(1, len(words)) if words[i].pos != "ADJ"), len(words) - 1
        )
        return list(words[: head + 1]), list(words[head + 1 :])
    if (
        words[0].lower in SUBJECT_PRONOUNS
        or words[0].pos == "PRON"
        and (len(words) == 1 or words[1].pos not in ("NOUN", "PROPN", "ADJ"))
    ):
        return list(words[:1]), list(words[1:])
    for i, word in enumerate(words):
        if word.pos in ("NOUN", "PROPN"):
            return list(words[: i + 1]), list(words[i + 1 :])
    return list(words[:1]), list(words[1:])


def plain_clause(clause: str) -> str:
    """The clause in the second person, or "" when it is not clean."""
    words = _words(clause)
    return joined(to_second_person(words)) if words else ""


# "er is iemand die ...", "er komen mensen die ...", not "er is iemand die ik bel"
SOMEONE_WHO = re.compile(
    r"\ber\s+(?:weer\s+|ook\s+)?(iemand|mensen|een\s+[\w'-]+)\s+(?:is|zijn|komt|komen)"
    rf"\s+die\s+(?!(?:{'|'.join(sorted(PRONOUN_SUBJECTS))})\b)",
    re.IGNORECASE,
)


def goal_phrase(clause: str, asked: bool = False) -> str:
    """`_goal_phrase`, or where that ends cut off ("minder uitval max 1 op
    20"), what was said before the comma ("minder uitval")."""
    # "dat er iemand is die het vak overneemt": "dat iemand het vak overneemt"
    clause = SOMEONE_WHO.sub(r"\1 ", clause)
    phrase = _goal_phrase(clause, asked)
    if "," in clause and _ends_cut_off(phrase):
        return _goal_phrase(clause.split(",", 1)[0], asked) or phrase
    first, joint, _ = clause.partition(" en dat ")
    if not phrase and joint:
        # "weten waar het door komt en dat het niet meer gebeurt": the
        # first wish, where the second is a "not" (said as its opposite)
        return _goal_phrase(first, asked)
    return phrase


def _goal_phrase(clause: str, asked: bool = False) -> str:
    """What should be different, as an infinitive phrase ("minder brood
    weggooien"), a dat-clause ("dat de monteurs ... kunnen werken") or a noun
    phrase ("meer kennis van ai"); "" when the clause is not clean, and for a
    goal that is a "not" ("geen extra stagiairs"): asked as "hoe vind je ..."
    it would say the opposite."""
    words = _words(SEARCHED_FOR.sub(" ", clause)) or []
    if words and (words[0].lower in VOLITION_LEMMAS or words[0].lower in SEARCH_VERBS):
        # "(daar) wil ik meer van weten"; "(nu) moet ik alles zelf doen" is
        # what they are forced into, no goal
        words = _subject_first(words)
    if words and words[0].lower in ("dat", "zodat"):
        # its "not" too: "hoe zorg je ervoor dat het niet meer van Henk afhangt"
        return _as_dat_clause(words)
    if not words or any(w.lower in ("geen", "niet") for w in words):
        return ""
    lowered = [w.lower for w in words]
    # "we willen (graag) X" / "ik zou graag X": X is the goal.
    for i, word in enumerate(lowered[:4]):
        if word in VOLITION_LEMMAS and (i == 0 or lowered[i - 1] in SUBJECT_PRONOUNS):
            rest = [w for w in words[i + 1 :] if w.lower not in ("graag", "willen")]
            return _as_goal(rest, after_modal=True)
        if word in SEARCH_VERBS and (i == 0 or lowered[i - 1] in SUBJECT_PRONOUNS):
            rest = _one_person_counted(
                _sought([w for w in words[i + 1 :] if w.lower not in ("naar",)])
            )
            return joined(to_second_person(rest) + ["vinden"]) if rest else ""
        if word == "op" and lowered[i + 1 : i + 3] == ["zoek", "naar"]:
            rest = words[i + 3 :]
            return joined(to_second_person(rest) + ["vinden"]) if rest else ""
    first_finite = next((i for i, w in enumerate(words) if w.finite), None)
    # "de monteurs moeten ...": the must in second place of the main clause.
    must = None
    if first_finite is not None and first_finite <= MAX_SUBJECT_WORDS:
        if lowered[first_finite] in ("moet", "moeten"):
            must = first_finite
    if must is None:
        # "de monteurs moeten met warmtepompen leren werken": the tagger read
        # "moeten" before two infinitives as one of them
        at = next(
            (
                i
                for i, w in enumerate(lowered[: MAX_SUBJECT_WORDS + 1])
                if i and w in ("moet", "moeten")
            ),
            None,
        )
        if at is not None and (first_finite is None or first_finite > at):
            must = at
    later_verb = must is not None and any(
        w.pos in ("VERB", "AUX") and not w.finite for w in words[must + 1 :]
    )
    if later_verb and _has_subject(words):
        # "de monteurs moeten straks ... kunnen werken": kept as said; the
        # question is written from it (writing.py: "hoe kunnen de monteurs ...").
        return joined(to_second_person(words))
    if asked:
        return _as_goal(words)
    return ""


SINGLE_PERSON_ENDINGS = (
    "er", "eur", "ist", "aar", "ster", "ant", "ent", "man", "icus", "air", "aire"
)  # fmt: skip


# one group of people: "vaste club studenten" takes "een" as one person does
COLLECTIVES = frozenset("club groep team ploeg kern pool".split())


# "al een jaar", "al maanden", "nu al": how long they have been looking
SEARCHED_SINCE = re.compile(
    r"^(?:(?:nu\s+)?al\s+(?:(?:een|twee|drie|vier|\d+|paar|heel)\s+)?(?:jaar|jaren|maanden"
    r"|maand|weken|tijden|lang|even)|al|nu\s+al|nog\s+steeds|dringend)\s+",
    re.IGNORECASE,
)
# After "en" or "maar", these begin a clause of their own ("en er komt niks op").
CLAUSE_STARTS = (
    "er",
    "het",
    "ze",
    "die",
    "dat",
    "niemand",
    "niks",
    "niets",
    "we",
    "wij",
)


def _sought(words: List[Word]) -> List[Word]:
    """What is sought after "we zoeken": "al een jaar bemalingsmonteurs en
    er komt niks op" -> "bemalingsmonteurs"."""
    said = joined([w.text for w in words])
    since = SEARCHED_SINCE.match(said)
    if since:
        words = words[len(since.group(0).split()) :]
    for at in range(1, len(words) - 1):
        after = words[at + 1]
        if words[at].lower in ("en", "maar", "want") and (
            after.lower in CLAUSE_STARTS or after.finite
        ):
            return words[:at]
    return words


def _one_person_counted(words: List[Word]) -> List[Word]:
    """ "zoek jonge monteur voor oldtimers": chat drops the "een" before one
    person sought; it comes back before the adjectives and the noun
    ("ervaren" is read as a verb; "jonge gieter", read as two adjectives,
    stays as said)."""
    for word in words[:3]:
        if not word.lower.isalpha() or word.pos in ("DET", "NUM", "PRON", "ADP"):
            return words
        # a noun only: "ander", "sneller" end like a person but describe
        one_person = (
            word.pos in ("NOUN", "PROPN", "X")
            and word.lower.endswith(SINGLE_PERSON_ENDINGS)
            and known(word.lower)
        )
        if one_person or word.lower in COLLECTIVES:
            return [Word("een", "een", "DET", False, False, True), *words]
        if word.pos not in ("ADJ", "VERB"):
            return words
    return words


def to_prevent(lead: str) -> str:
    """ "scheuren de kaarsen met koolzaadwas" (the problem said back, its
    verb first) -> "dat de kaarsen met koolzaadwas scheuren": what goes wrong
    as what to prevent; "" for a lack ("zijn er geen ..."), two problems, a
    clause of more verbs or one of the person ("mis je ..."), or what it is
    about ("gaat het om technisch probleem" is nothing that happens)."""
    about = lead.lower().startswith("gaat het om ")
    words = (
        _words(lead)
        if PROBLEM.search(lead) and " en " not in lead and not about
        else None
    )
    if (
        not words
        or len(words) < 3
        or not words[0].finite
        or words[1].lower in ("je", "jij")
        or any(w.pos in ("VERB", "AUX") for w in words[1:])
        or any(w.lower in NEGATIONS for w in words)
    ):
        return ""
    verb, rest = words[0].text, [w.text for w in words[1:]]
    # "gaat het in de winter steeds mis" -> "dat het in de winter steeds misgaat"
    at = next((i for i, w in enumerate(rest) if w.lower() in TO_THE_VERB), None)
    if at is None:
        said = [*rest, verb]
    else:
        said = [*rest[:at], rest[at] + verb, *rest[at + 1 :]]
    return joined(["dat", *said]) if len(said) < MAX_PREVENTED else ""


# Words that go with the verb at the end of a clause: "misgaat", "doodgaat".
TO_THE_VERB = frozenset("mis dood kapot stuk fout achter".split())
MAX_PREVENTED = 10


def _as_dat_clause(words: Sequence[Word]) -> str:
    """ "dat je tolken krijgt": the whole clause to the second person, its
    opener ("zodat" too) said as "dat"; "dat ik ... krijg" needs its "dat" for
    the verb to agree."""
    return joined(["dat"] + to_second_person(words)[1:])


SHORT_INFINITIVES = frozenset("zijn gaan staan doen zien slaan".split())
MAX_PHRASE_THEN_VERB = 5


def _phrase_then_its_verb(words: Sequence[Word]) -> bool:
    """ "bij de tijd zijn", "in de lucht blijven": a phrase and its one verb,
    an infinitive, with no subject; the tagger reads "zijn" as finite."""
    verbs = [w for w in words if w.pos in ("VERB", "AUX")]
    return (
        2 < len(words) <= MAX_PHRASE_THEN_VERB
        and words[0].pos == "ADP"
        and all(w.pos in ("DET", "NOUN", "ADJ") for w in words[1:-1])
        and verbs == [words[-1]]
        and (words[-1].lower.endswith("en") or words[-1].lower in SHORT_INFINITIVES)
    )


def _as_goal(words: Sequence[Word], after_modal: bool = False) -> str:
    if not words:
        return ""
    # Only the main clause decides the shape: "een seintje krijgen voordat
    # een koe ziek is" is an infinitive phrase, whatever "is" is.
    cut = next(
        (i for i, w in enumerate(words) if i and w.lower in SUBORDINATORS), len(words)
    )
    main = words[:cut]
    if (
        _infinitive_phrase(words if after_modal else main, after_modal)
        or _singular_then_plural_verb(main)
        or _phrase_then_its_verb(main)
    ):
        return joined(to_second_person(words))
    finite = next((i for i, w in enumerate(main) if w.finite), None)
    if finite is not None and not infinitive(main[finite].lower):
        finite = None  # "met 30% recyclaat": a noun the tagger took for a verb
    if finite is None:
        # a noun phrase, maybe with "die ...": "(een) stagiaire die blijft"
        return joined(to_second_person(_one_person_counted(list(words))))
    if words[0].lower in ("dat", "zodat"):
        return _as_dat_clause(words)
    if cut < len(words):
        return ""  # a main clause with a clause inside: not rewritten
    # A main clause as a dat-clause: the finite verb goes last, with its particle.
    verb = words[finite]
    rest = list(words[:finite]) + list(words[finite + 1 :])
    if verb.lower in MODALS and not any(w.pos in ("VERB", "AUX") for w in rest):
        return ""  # "je monteurs moeten ook elektrisch": a must without its verb
    # The particle takes the verb to its place: "vult zelf maten in op de
    # site" -> "zelf maten invult op de site"; without one the verb goes last.
    at = next(
        (
            j
            for j in range(finite, len(rest))
            if rest[j].pos in ("ADP", "ADV")
            and rest[j].lower in PARTICLES
            and (j == len(rest) - 1 or rest[j + 1].pos == "ADP")
        ),
        None,
    )
    particle = rest[at].lower if at is not None else ""
    after = rest[at + 1 :] if at is not None else []
    rest = rest[:at] if at is not None else rest
    tokens = to_second_person(rest) + [particle + verb.lower] + to_second_person(after)
    if verb.lower in MODALS and rest and rest[-1].pos == "VERB" and not particle:
        # "dat de monteurs ... kunnen oplossen", not "... oplossen kunnen"
        tokens[-2:] = tokens[-1:] + tokens[-2:-1]
    return joined(["dat"] + tokens)


MODALS = frozenset(
    "kan kunnen wil willen moet moeten mag mogen zal zullen gaat gaan".split()
)


def _a_noun_in_a_list(words: Sequence[Word]) -> bool:
    """ "bellen en kratertjes": the one word the tagger took for a verb is a
    noun, listed with nouns after it ("meten en weten" lists two verbs)."""
    verbs = [i for i, w in enumerate(words) if w.pos in ("VERB", "AUX")]
    if len(verbs) != 1 or verbs[0] + 1 >= len(words):
        return False
    after = words[verbs[0] + 1 :]
    return after[0].lower == "en" and all(
        w.pos in ("NOUN", "ADJ", "DET", "CCONJ") for w in after
    )


INVERTED_SUBJECTS = frozenset("er we wij ze ik jullie hij zij".split())
PAST_PLURALS = frozenset(
    "waren hadden werden gingen kwamen moesten konden wilden zaten stonden lagen "
    "bleven liepen kregen".split()
)


def _infinitive_phrase(words: Sequence[Word], after_modal: bool) -> bool:
    """ "minder brood weggooien", "meer weten over ai": no subject, a verb in -en.
    Plural present and infinitive look alike; without a subject it is the latter."""
    verbs = [w for w in words if w.pos in ("VERB", "AUX")]
    if not verbs:
        return False
    if after_modal:
        return True
    has_subject = any(
        w.lower in SUBJECT_PRONOUNS
        or w.pos == "PRON"
        and w.lower in ("ze", "zij", "hij")
        for w in words
    )
    at = next(i for i, w in enumerate(words) if w.pos in ("VERB", "AUX"))
    first_verb = words[at]
    if _people_then_verb(words, at) or _subject_with_relative_clause(words):
        return False  # "hbo'ers die bij ons binnenkomen weten weinig ..."
    if at + 1 < len(words) and words[at + 1].lower in INVERTED_SUBJECTS:
        return False  # "elke avond komen er ... retour": its subject after it
    if first_verb.lower in PAST_PLURALS:
        return False  # "in maart waren ... geannuleerd": no infinitive
    if _a_noun_in_a_list(words):
        return False
    if (
        at == 0
        and len(words) > 2
        and words[1].pos in ("NOUN", "PROPN", "DET", "NUM")
        and words[-1].pos not in ("VERB", "AUX")
    ):
        # "krijgen claims van de super": chat's "we" dropped before a verb
        # with its object after it; a wish ends in its verb ("claims voorkomen")
        return False
    if not has_subject and not first_verb.finite:
        # "jaren meebouwen aan het onderwijs en ... leveren": a main clause
        # would have its finite verb first; an infinitive first means none.
        return True
    # "minder energie verbruiken": a quantity, not a subject, may open it.
    # "2 van je beste mannen zitten ...", "je monteurs lopen ...": a number
    # or a possessive opens a subject too.
    opens_with_subject = words[0].pos in ("NOUN", "PROPN", "NUM") or (
        words[0].pos == "DET" and words[0].lower in ARTICLES | POSSESSIVES
    )
    if (
        len(words) > 1
        and words[0].pos == "NOUN"
        and words[1] is first_verb
        and not names_people(words[0])
        # "dieselkosten lopen op": a particle split off shows a finite verb
        and not (len(words) > 2 and words[-1].lower in PARTICLES)
    ):
        # "ideeën opdoen bij andere koks", "kosten besparen": a thing and then
        # a verb in -en is what to do; people ("monteurs leren") do it.
        opens_with_subject = False
    return (
        not has_subject
        and not opens_with_subject
        and all(not v.finite or v.lower.endswith("en") for v in verbs)
    )


def _people_then_verb(words: Sequence[Word], verb: int) -> bool:
    """ "mensen boeken alles zelf online", "de assistenten twijfelen bij de
    triage": people, then a verb with more after it, are its subject (the
    tagger may call the verb an infinitive); "nieuwe mensen opleiden" ends
    in its infinitive."""
    before = words[verb - 1] if verb else None
    return (
        before is not None
        and verb < len(words) - 1
        and (names_people(before) or before.lower in OTHER_PEOPLE | {"mensen"})
        and all(
            w.pos in ("DET", "ADJ", "NUM") or w.lower in POSSESSIVES
            for w in words[: verb - 1]
        )
    )


def _singular_then_plural_verb(words: Sequence[Word]) -> bool:
    """ "een seintje krijgen": a singular noun cannot be the subject of a verb
    in -en, so the verb is an infinitive."""
    finite = next((i for i, w in enumerate(words) if w.finite), None)
    if not finite:
        return False
    before = words[:finite]
    return (
        words[finite].lower.endswith("en")
        and any(w.pos == "NOUN" for w in before)
        and not any(
            w.plural
            or w.pos in ("PRON", "PROPN")
            or w.pos == "NOUN"
            and nouns.singular(w.text) != w.text
            for w in before
        )
        and not any(w.lower in ("en", "of") for w in before)
    )


ARTICLES = frozenset("de het een die deze dat dit".split())
TIME_NOUNS = frozenset(
    "jaar maand week dag zomer winter voorjaar najaar keer avond ochtend middag nacht "
    "weekend seizoen".split()
)
POSSESSIVES = frozenset("mijn je jouw jullie onze ons zijn haar hun".split())
# Where a long clause may end early: words that open a clause of their own
# ("die", "dat" may be demonstratives: "de bouwfysica van die materialen").
SEEING = frozenset("zien ziet weten weet merken merkt horen snappen begrijpen".split())
CLAUSE_AFTER = frozenset(
    "zonder zodat omdat voordat terwijl waardoor wanneer want".split()
)
LONG_RELATIVES = frozenset("die waarin waarmee waarbij waar".split())
# Openers of a clause that says when or why, not what: "ook als het niet hoeft".
ADVERBIAL_CLAUSE = frozenset("als omdat terwijl wanneer zodat voordat waardoor".split())
EVEN = frozenset("ook zelfs".split())
SUBORDINATORS = frozenset(
    "die dat wat wie waar voordat omdat zodat als of terwijl waardoor wanneer "
    "waarom hoe welke".split()
)
# "(wanneer een bewoner) achteruit gaat": "gaan" with where to is a verb whole
GOING = frozenset("ga gaat gaan".split())
WHERE_TO = frozenset("achteruit vooruit mis kapot dood weg uit af door".split())
PARTICLES = frozenset("weg op aan uit af mee terug over in door bij toe na".split())


NOT_PEOPLE_ENDINGS = ("beurs", "beurzen")


def names_people(word: Word) -> bool:
    """ "monteurs", "schoonmakers", "personeel": a word for people; not a
    name inside a sentence ("Installatietechniek Wolters")."""
    lowered = word.lower
    if lowered.endswith(PARTICIPLE_PEOPLE):
        return True
    if word.pos not in ("NOUN", "X") or lowered in NOT_PEOPLE:
        return False
    if lowered.endswith(NOT_PEOPLE_ENDINGS):
        return False  # "de carrièrebeurs", "een studiebeurs": a fair, a grant
    if word.text[:1].isupper() and not word.start:
        return False
    return (
        lowered in PEOPLE_WORDS
        or (lowered.endswith(PEOPLE_SUFFIXES) and len(lowered) > 5)
        or lowered.endswith(("monteur", "maker", "lasser"))
    )


def people(text: str) -> str:
    """The people the message is about, as the bot would name them."""
    words = words_of(text)
    for i, word in enumerate(words):
        if names_people(word):
            owner = words[i - 1].lower if i else ""
            tokens = (
                to_second_person(words[i - 1 : i + 1])
                if owner
                in (
                    "onze",
                    "ons",
                    "mijn",
                    "m'n",
                )
                else [word.lower]
            )
            # "geen metsalaars": the word as it should be written, or nothing
            spelled = cleaned(tokens[-1])
            if not spelled:
                return ""
            return joined([*tokens[:-1], spelled.lower()])
    return ""


# Situations in which a coordinator strikes a format (data/catalogue.yml
# `not_when`), unless the entrepreneur named that format's own words.
SITUATIONS = (
    "own_staff",
    "skilled_vacancy",
    "no_hiring",
    "technical_question",
    "seasonal",
    "keeping_up",
    "side_job",
    "security_incident",
)
# Help for a season or a peak: a multi-year apprenticeship is no answer to it.
SEASONAL = re.compile(
    r"\b(?:zomer\w*|seizoen\w*|hoogseizoen|vakantie\w*|piek\w*|juli|augustus|"
    r"december|kerst\w*|feestdagen|black\s+friday|sinterklaas|oogst\w*|pluk\w*|"
    r"extra\s+handen|tijdelijk\w*|drukke\s+(?:weken|maanden|periode)|moederdag|valentijn\w*"
    r"|pasen|paasdrukte|bijspring\w*)\b",
    re.I,
)
# People to be trained in the trade: a vacancy for skilled people, however
# the entrepreneur names them ("jonge gasten die bij ons leren klimmen en
# zagen", "jongens opleiden tot cnc-operator").
LEARNING_THE_TRADE = re.compile(
    r"\bopleiden\s+tot\b|\bhet\s+(?:vak|ambacht)\b|\bvakm[ae]n\w*|\bvakkracht\w*"
    r"|\bleren\s+(?!kennen\b)[a-z]+en\b",
    re.I,
)
# Work beside school, in weekends or evenings: a study placement is weekdays.
SIDE_JOB = re.compile(
    r"\b(?:weekend\w*|zaterdag\w*|zondag\w*|bijba\w*|bijverdien\w*|oproep\w*|"
    r"vakantiewerk\w*|avonden)\b",
    re.I,
)
DEADLINE = re.compile(r"\b(?:voor|vóór|na|rond|in)\s+de\s+zomer\b", re.I)
# Students beside their study; an apprentice ("leerling") learns the trade.
STUDENT_PEOPLE = re.compile(r"stag|student|bijba|scholier|afstude", re.I)
# Words of a job to fill for good: "niemand solliciteert", "een opvolger",
# "leerlingen die blijven", "een podotherapeut die bij ons begint".
STEADY_JOB = re.compile(
    r"\bsollicit\w*|\bvacature\w*|\bopvolg\w*"
    r"|\bvaste?\s+(?:contract|baan|kracht|medewerker|dienst)\w*"
    r"|\bdie\s+(?:\w+\s+){0,6}?(?:blijft|blijven|begint|beginnen)\b",
    re.I,
)
NEXT_LEVEL = re.compile(
    r"\b(?:doorleren|doorgroei\w*|niveau\s*[2-4]|diploma\w*|papiertje|"
    r"verpleegkundige\s+worden|hoger\s+niveau)\b",
    re.I,
)
OWN_PEOPLE = re.compile(r"^(?:jullie|je)\s|^(?:personeel|medewerkers|collega)", re.I)
# Words of someone who wants new people: a loket question without them asks
# the way to something else than staff.
HIRING = re.compile(
    r"\b(?:personeel\w*|vacature\w*|sollicit\w*|stag\w*|student\w*|leerling\w*|"
    r"bijba\w*|bbl\w*|aannemen|werven|instro\w*|zij-?instro\w*|handen|jongeren|"
    r"(?:nieuwe|jonge|meer)\s+(?:mensen|medewerkers|collega\w*|krachten))\b",
    re.I,
)


# A break-in on their systems or data: a student team's year of study is no
# answer to it, and shows it to many.
SECURITY_INCIDENT = re.compile(
    r"\b(?:hack\w*|gehackt|phishing|nep-?mail\w*|nepbetaal\w*|betaalverzoek\w*"
    r"|datalek\w*|gelekt|uitgelekt|wachtwoord\w*|ransomware|malware|virus"
    r"|beveiligingslek\w*|cyber\w*|open\s+online|gegijzeld|oplicht\w*"
    r"|nep-?factu\w*|valse\s+(?:factu|mail|rekening)\w*|\w*fraude\w*|spoof\w*)\b",
    re.I,
)


def situations(
    frame: Frame, need: str, opening: str = "", answers: str = ""
) -> FrozenSet[str]:
    """What the frame (and the opening message) says about the situation,
    for striking formats. `answers`: the answers to the content probes whole,
    where the frame kept only their first clauses ("... dat ze een papiertje
    halen en bij ons blijven")."""
    found = set()
    # "ze willen doorleren tot niveau 4": own staff on the way to a diploma,
    # which a bbl or an EVC route gives them
    to_a_diploma = NEXT_LEVEL.search(" ".join((frame.problem, frame.goal, opening)))
    if (need == "leven_lang_ontwikkelen" and not to_a_diploma) or (
        need != "talent" and OWN_PEOPLE.search(frame.who)
    ):
        found.add("own_staff")
    # "ik zoek tegelzeters": the typo hides the people from the tagger, the
    # goal names them spelled right
    who = frame.who or people(frame.goal)
    trade = LEARNING_THE_TRADE.search(f"{frame.problem} {frame.goal} {answers}")
    said = " ".join((frame.problem, frame.goal, opening))
    said_and_answered = f"{said} {answers}"
    # weekend staff are no skilled vacancy, unless they are to learn the trade
    # ("een instructeur die het vak bij ons leert", for the Saturday lessons)
    if need == "talent" and not trade and SIDE_JOB.search(said):
        found.add("side_job")
    elif need == "talent" and (
        (not STUDENT_PEOPLE.search(who) and (who or trade))
        or STEADY_JOB.search(said_and_answered)
    ):
        found.add("skilled_vacancy")
    if need not in ("talent", "loket") or (
        need == "loket"
        and not HIRING.search(" ".join((frame.problem, frame.goal, frame.who, opening)))
    ):
        found.add("no_hiring")
    if need == "innovatie":
        found.add("technical_question")
    if need == "kennis_netwerk":
        found.add("keeping_up")  # to keep up and meet others, not to research
    if SECURITY_INCIDENT.search(said_and_answered):
        found.add("security_incident")
    # "voor de zomer" in the opening is mostly a deadline, not a season
    opening = DEADLINE.sub(" ", opening)
    if need == "talent" and SEASONAL.search(
        " ".join((frame.problem, frame.goal, opening))
    ):
        found.add("seasonal")
    return frozenset(found)
