"""What a message says about its need that the intent classifier misses.

The classifier hears words ("monteurs", "stagiairs", "samenwerken"); a
coordinator hears the situation: staff who are there but cannot do something
want bijscholing, school leavers who lack a skill are a say in the course, a
group closed for want of people is a vacancy, a question about a hacked or
unsafe system is innovatie (the cyber scan), and "waar begin ik" asks the way
whatever it is about. `reread` turns the classifier's need into the
coordinator's, or leaves it.

An opening such as "vraagje over studenten" names no need for sure; the
answers to "wat gaat er mis?" and "wat moet er anders?" do. `reread_after`
weighs them as a coordinator does after the first questions.
"""

from __future__ import annotations

import re
from typing import Mapping, Optional, Tuple

WAYFINDING = re.compile(
    r"\bwaar\s+(?:moet|moeten|kan|kunnen)\s+(?:ik|we|wij|je)\s+(?:\w+\s+)?"
    r"(?:zijn|terecht|heen|beginnen|aankloppen)\b"
    r"|\bbij\s+wie\s+(?:moet|moeten|kan|kunnen)\s+(?:ik|we|wij|je)\b"
    r"|\bwaar\s+begin\s+(?:ik|je|jij|we|wij)\b|\bwie\s+(?:moet|kan)\s+ik\s+(?:bellen|mailen)\b"
    # asked inside a sentence: "ik weet niet bij wie ik moet zijn"
    r"|\b(?:waar|bij\s+wie)\s+(?:ik|we|wij|je)\s+(?:moet|moeten|kan|kunnen)\s+(?:\w+\s+)?"
    r"(?:zijn|terecht|heen|beginnen|aankloppen)\b"
    # "geen idee bij welke school", "welke school leidt nog dakdekkers op"
    r"|\b(?:geen\s+idee|weet\s+(?:ik\s+)?niet|niet\s+vinden)\s+(?:\w+\s+)?welke"
    r"\s+(?:school|scholen|opleiding)\b|\bwelke\s+school\s+leidt?\b"
    # "bij de juiste school of het juiste lab terechtkomen"
    r"|\b(?:de|het)\s+juiste\s+(?:school|opleiding|lab|loket|instantie)\b"
    # sent on from one to the next: "iedereen stuurt me weer door"
    r"|\bvan\s+(?:het\s+)?kastje\s+naar\s+(?:de\s+)?muur\b"
    r"|\bstu(?:urt|ren)\s+(?:me|mij|ons)\s+(?:\w+\s+)?door\b"
    r"|\bstu(?:urt|ren)\s+(?:me|mij|ons)\s+(?:weer\s+)?naar\s+(?:de\s+|het\s+)?(?:sbb|roc|kvk"
    r"|gemeente|hogeschool|school|uwv)\b"
    # "bij welke school ik moet zijn"
    r"|\bbij\s+welke\s+(?:school|scholen|opleiding|instantie)\s+(?:ik|we|wij|je)\s+"
    r"(?:moet|moeten|kan|kunnen)\b",
    re.IGNORECASE,
)
# "mn monteurs durven er niet aan", "onze chauffeurs in t zorgvervoer weten
# niet goed hoe": the people work there already.
OWN_STAFF_CANNOT = re.compile(
    r"\b(?:mijn|m'?n|mn|onze|ons)\s+(?:[\w'-]+\s+){0,4}?(?:kunnen|kan|durven|durft"
    r"|weten|snappen|begrijpen|herkenn?e?n?|kennen)\s+(?:(?:er|het|nog|dat|daar|hier|dit|ze)\s+)"
    r"{0,2}(?:niet|niks|niets|geen)\b",
    re.IGNORECASE,
)
# People as they are named in a plural: "stagiaires", "plukkers", "monteurs".
_PEOPLE = (
    r"(?:stagiai?res?s?|stagiairs|studenten|leerlingen|mensen|personeel"
    r"|\w{3,}(?:ers|aars|eurs|isten|mannen))"
)
# "eigenlijk hebben we genoeg mensen": the people the opening asked for are
# not what is missing.
ENOUGH_PEOPLE = re.compile(
    r"\b(?:hebben|heb)\s+(?:we|wij|ik)\s+(?:\w+\s+)?genoeg\s+(?:mensen|personeel"
    r"|handen|medewerkers|collega'?s)\b"
    # "stagiaires krijgen we wel", "stagiairs hebben we elk jaar wel hoor",
    # "plukkers krijgen we wel via het uitzendbureau"
    rf"|\b{_PEOPLE}\s+(?:hebben|krijgen)\s+(?:we|wij)\s+"
    r"(?:elk\s+jaar\s+|ieder\s+jaar\s+|altijd\s+)?wel\b"
    # "bezorgers lukt eigelijk wel hoor"
    rf"|\b{_PEOPLE}\s+(?:vinden\s+)?lukt\s+(?:eigenlijk\s+|eigelijk\s+|ook\s+|nog\s+)?"
    r"(?:wel|prima|goed)\b"
    # "ik zoek eigenlijk geen nieuwe mensen"
    r"|\bzoek(?:en)?\s+(?:ik\s+|we\s+|wij\s+)?(?:eigenlijk\s+|helemaal\s+|dus\s+)?geen\s+"
    r"nieuwe\s+(?:mensen|personeel|medewerkers|krachten|collega'?s)\b",
    re.IGNORECASE,
)
# To "klopt dat?": the opening's wish denied, nothing more ("nee, een
# operator hebben we eigenlijk wel", "ik zoek niet zozeer een stagiair").
DENIES_THE_WISH = re.compile(
    r"^\W*(?:nee|neen|nope)?[\s,.!]*(?:(?:een|de|die|dat|het)\s+)?[\w'-]+\s+(?:hebben|heb)"
    r"\s+(?:we|wij|ik)\s+(?:(?:eigenlijk|al|toch|gewoon|best|echt)\s+)*wel\b"
    r"|\bniet\s+zozeer\b",
    re.IGNORECASE,
)
# What a correction must add beside a denied wish to name a need of its own.
MIN_WORDS_BESIDE_A_DENIAL = 3


def only_denies_the_wish(text: str) -> bool:
    """Whether a correction says only that the opening's wish is not it:
    beside the clause that denies it, at most a "nee" and a word or two."""
    clauses = [c for c in re.split(r"[,.;!?]+", text or "") if c.strip()]
    if not any(DENIES_THE_WISH.search(c) for c in clauses):
        return False
    beside = [
        word
        for clause in clauses
        if not DENIES_THE_WISH.search(clause)
        for word in re.findall(r"\w+", clause)
        if word.lower() not in ("nee", "neen", "nope", "hoor", "eigenlijk")
    ]
    return len(beside) < MIN_WORDS_BESIDE_A_DENIAL


# "de planning is niet echt het probleem", "die cursus is eigenlijk
# bijzaak": what is said is not the point (also for the frame: no problem).
NOT_THE_POINT = (
    # "eigenlijk is de zomer niet het probleem"
    r"\b(?:is|zijn)\s+(?:eigenlijk\s+|ook\s+)?(?:(?:die|dat|de|deze|het)\s+[\w'-]+\s+)?"
    r"(?:niet|nie)\s+(?:echt\s+|eens\s+)?"
    r"(?:het|t|'t|ons|mijn|mn)\s+(?:probleem|punt)\b"
    # "eerlijk gezegd is die printer het probleem niet", "eigenlijk zijn de
    # socials het probleem niet echt"
    r"|\b(?:is|zijn)\s+(?:(?:die|dat|de|deze)\s+[\w'-]+\s+)?(?:het|t|'t)\s+"
    r"(?:probleem|punt)\s+(?:eigenlijk\s+)?(?:niet|nie)\b"
    # "is die robot niet eens het ergste"
    r"|\bis\s+(?:(?:die|dat|de|deze)\s+[\w'-]+\s+)?(?:niet|nie)\s+(?:eens\s+)?het\s+"
    r"(?:ergste|grootste\s+probleem)\b"
    r"|\b(?:is|zijn)\s+(?:eigenlijk\s+|maar\s+|meer\s+)?bijzaak\b"
    # "een cursus hoeft niet per se", "ik hoef geen nieuwe monteur",
    # "marketing maakt me niet uit": set aside in a correction
    r"|\b(?:hoeft|hoef|hoeven)\s+(?:(?:eigenlijk|ook|echt)\s+)?(?:niet\s+per\s+se|geen)\b"
    r"|\bmaakt\s+(?:me|mij|ons)\s+(?:eigenlijk\s+)?(?:niet|niks|weinig)\s+uit\b"
)
# "dat is het probleem niet", "het gaat eigenlijk om ...", "zomer lukt wel
# met uitzendploegen": the answer sets the opening aside, so the opening's
# need is no longer sure.
SETS_OPENING_ASIDE = re.compile(
    NOT_THE_POINT
    + r"|\b(?:het|t|'t)\s+(?:echte|eigenlijke|grootste)\s+(?:probleem|punt)\b"
    # "wat echt knelt: ..."
    r"|\bwat\s+(?:er\s+)?(?:echt|eigenlijk|vooral)\s+knelt\b"
    r"|\b(?:het|t|'t)\s+gaat\s+(?:me\s+|ons\s+)?(?:eigenlijk|juist|vooral\s+eigenlijk)\s+om\b"
    r"|\bgaat\s+(?:het\s+|t\s+)?(?:me\s+|ons\s+)?(?:eigenlijk\s+)?niet\s+om\b"
    r"|\beigenlijk\s+gaat\s+(?:het|t)\s+(?:me\s+|ons\s+)?(?:vooral\s+|juist\s+)?om\b"
    r"|^\W*(?:\w+\s+){0,3}?(?:lukt|gaat|werkt|loopt)\s+(?:(?!niet|nooit|geen)\w+\s+)?(?:wel|prima)\b"
    # "mensen vinden is 1 ding, maar ..."
    r"|\bis\s+(?:1|één|een)\s+ding\b",
    re.IGNORECASE,
)
# "subsidie voor scholing": money is asked, the loket knows the regelingen
# whatever they are for.
SUBSIDY = re.compile(r"\bsubsidie\w*", re.IGNORECASE)
# "zoek stagiair voor in de inpakhal", "hebben jullie ook cursussen
# klauwbekappen?", "doen jullie iets met cybercrime?": the opening asks for
# a means (a stagiair, a student, a course) or about a topic, and says
# nothing of what is wrong. The question behind it is in
# the answers, so the opening's need is not sure (`asks_a_means_only`).
MEANS = re.compile(
    r"\b(?:stagiai?re?s?|stagai?re?s?|student(?:en)?|cursus(?:sen)?|training(?:en)?"
    r"|afstudeerder\w*|stage\w*)\b"
    # or a topic: "doen jullie ook iets met cybercrime?"
    r"|\b(?:doen|hebben)\s+jullie\s+(?:ook\s+)?(?:iets|wat)\s+(?:met|aan|over|voor)\b",
    re.IGNORECASE,
)
# ... a problem, or research wanted ("studenten die iets kunnen uitzoeken")
SAYS_MORE = re.compile(
    r"\b(?:niet|niks|niets|geen|nooit|te\s+weinig|tekort|mis|probleem|kwijt|lukt"
    r"|uitzoeken|onderzoek\w*)\b",
    re.IGNORECASE,
)
# "de jongens die van het mbo komen kunnen prima monteren maar niet met
# klanten omgaan", "stagiairs die we krijgen kunnen geen klantgesprek voeren",
# "we nemen elk jaar stagiairs, kunnen we structureler samenwerken".
SCHOOL_LEAVERS_LACK = re.compile(
    r"\b(?:van|uit)\s+(?:het\s+|de\s+)?(?:[\w-]+\s+)?(?:mbo|hbo|school|opleiding)\b.{0,60}?"
    r"\b(?:kunnen|kan|weten|snappen)\b.{0,40}?\b(?:niet|niks|niets|geen)\b"
    r"|\b(?:stagiairs|studenten|schoolverlaters)\s+die\s+(?:we|wij|ik)\s+krijgen\b"
    r".{0,60}?\b(?:niet|niks|niets|geen)\b"
    r"|\bstructure(?:el|ler)\s+(?:samen\s*werken|meedenken)\b"
    r"|\b(?:bij|tegen|aan)\s+(?:de|die|hun)\s+(?:opleiding|school)\s+(?:\w+\s+){0,2}"
    r"(?:zeggen|aankaarten|kwijt)\b"
    r"|\b(?:studenten|stagiairs|schoolverlaters|leerlingen)\b[\w\s-]{0,30}?\bkunnen\s+"
    r"(?:\w+\s+){0,3}?\w+,?\s+maar\s+(?:niet|geen)\b"
    r"|\bde\s+opleiding\b.{0,40}?\bleert\b.{0,40}?\b(?:niks|niets|niet|geen)\b"
    # "de opleiding dakdekker moet meer over zonnepanelen leren": what the
    # course should teach
    r"|\bde\s+opleiding\b.{0,30}?\b(?:moet|moeten|zou|zouden)\b.{0,40}?\b(?:leren|bijbrengen"
    r"|aandacht)\b"
    r"|\biets\s+op\s+(?:een\s+|de\s+)?school\s+doen\b|\bles\s*geven\b"
    # "stop motion: nooit gehad op school", "dat leren ze niet op school"
    r"|\b(?:nooit|niet|niks|niets)\s+(?:gehad|geleerd|gezien|gedaan)\s+op\s+(?:de\s+)?school\b"
    r"|\bleren\s+ze\s+(?:\w+\s+)?(?:niet|nooit|niks|niets)\s+op\s+(?:de\s+)?school\b"
    # "eigenlijk hoort dat gewoon op school"
    r"|\bhoort\s+(?:dat|dit|het)\s+(?:\w+\s+)?(?:op\s+(?:de\s+)?school|in\s+de\s+opleiding)\b"
    # "de studenten die bij ons binnenkomen kunnen best coden maar ..."
    r"|\b(?:studenten|stagiairs|schoolverlaters|juniors)\s+die\s+(?:bij\s+ons\s+)?binnenkomen\b"
    r".{0,60}?\b(?:maar|niet|niks|geen)\b"
    # "een vastere relatie, en meepraten over wat studenten leren"
    r"|\bvaste(?:re)?\s+(?:relatie|band)\b"
    r"|\bmee\s*(?:praten|denken)\s+over\s+wat\s+(?:ze|studenten|leerlingen)\s+leren\b"
    # "meedenken over de opleiding toegepaste psychologie"
    r"|\bmee\s*(?:praten|denken)\s+over\s+(?:de|het|hun)\s+(?:opleiding|lesprogramma"
    r"|curriculum|lesstof)\b"
    # "dat ze op school al leren werken met melkrobots": what school should teach
    r"|\bop\s+(?:de\s+)?school\s+(?:al|ook|meer|beter|gewoon|weer)\s+(?:\w+\s+)?leren\b"
    # "op het roc leren ze nog diesel": what school still teaches
    r"|\bop\s+(?:het\s+|de\s+)?(?:roc|mbo|hbo|school|opleiding)\s+leren\s+ze\s+(?:nog|alleen"
    r"|niks|niets|niet)\b"
    # "de stagiairs die we krijgen leren op school nog met karton"
    r"|\bleren\s+(?:ze\s+)?op\s+(?:het\s+|de\s+)?(?:roc|mbo|hbo|school|opleiding)\s+(?:nog|alleen"
    r"|niks|niets|niet)\b"
    # "dat school die 2 dingen samen aanbiedt": what the school should offer,
    # not people it should send ("dat school ons stagiairs geeft")
    r"|\bdat\s+(?:de\s+|het\s+)?(?:school|scholen|roc|mbo|opleiding)\s+"
    r"(?:(?!stagiair|student|leerling|mensen|jongens)[\w-]+\s+){0,5}?(?:aanbiedt|aanbieden)\b"
    # "dat het gewoon in de opleiding zit", "exoten als vast stuk in de
    # opleiding", "meepraten wat erin moet"
    r"|\bin\s+de\s+(?:opleiding|lesstof|lessen)\s+(?:zit|zitten|komt|komen|staat|staan)\b"
    r"|\b(?:stuk|onderdeel|vak)\s+(?:[\w-]+\s+)?in\s+de\s+(?:opleiding|lesstof)\b"
    r"|\bmee\s*(?:praten|denken)\s+(?:over\s+)?wat\s+(?:er\s*in|erin)\b"
    # "er is geen opleiding meer voor ons vak"
    r"|\bgeen\s+opleiding\s+(?:meer\s+)?voor\s+(?:ons|mijn|dit|het|dat)\s+vak\b",
    re.IGNORECASE,
)
# Things with a people ending ("-ers"): no one to hire.
THINGS_LIKE_PEOPLE = r"(?:computers|printers|containers|servers|folders|flyers)"
# "te weinig pm'ers hebben", "niemand om warmtepompen op te hangen", "een
# tekort aan lassers", "matrozen nodig": people are missing, whatever the
# message asks next.
PEOPLE_WANTED = re.compile(
    r"\bte\s+weinig\s+(?!tijd\b|geld\b|ruimte\b|kennis\b|ervaring\b)[\w'-]+"
    r"\s+(?:hebben|heb|hebt|heeft)\b"
    # "we hebben gewoon te weinig monteurs"
    r"|\b(?:hebben|heb|hebt|heeft)\s+(?:\w+\s+){0,2}?te\s+weinig\s+"
    r"(?!tijd\b|geld\b|ruimte\b|kennis\b|ervaring\b|werk\b|omzet\b|klanten\b)[\w'-]+"
    r"|\bniemand\s+om\b"
    # "te druk", "iemand die schermen zelf kan doen. en later blijft"
    r"|\bte\s+druk\b|^\W*(?:een\s+)?iemand\s+die\s+"
    r"(?!(?:me|mij|ons|ff|even|mee\w*|uitlegt|helpt|zegt|vertelt|regelt|wijst)\b)|\b(?:later|daarna)\s+(?:ook\s+)?blijft\b"
    r"|\btekort\s+aan\s+(?!tijd\b|geld\b|ruimte\b|kennis\b)[\w'-]+"
    r"|^\s*(?!(?:hulp|advies|geld|tijd|info\w*|iets|ideeën)\b)[\w'-]+\s+nodig\b"
    r"|\b(?:studenten|stagiairs|mensen|personeel)\s+binnen\b"
    # "hoe komen wij aan een goede jonge technicus?"
    r"|\bhoe\s+(?:kom|komen)\s+(?:ik|we|wij|je)\s+aan\s+(?:[\w'-]+\s+){0,3}?(?:technicus"
    r"|monteur\w*|medewerker\w*|personeel|mensen|collega\w*|vakm[ae]n\w*"
    rf"|(?!{THINGS_LIKE_PEOPLE}\b)[\w'-]+(?:ers|aars|isten))\b"
    # "het gaat om monteurs erbij", "2 ploegen erbij"
    r"|\b(?:mensen|handen|personeel|ploegen|collega's|vakmensen|vakkrachten"
    rf"|(?!(?:{THINGS_LIKE_PEOPLE}|cijfers|getallen|filters|meters|liters|kilometers"
    r"|papieren)\b)"
    r"[\w'-]+(?:eurs|ers|aars|isten))\s+erbij\b"
    # a peak the hands run short in
    r"|\bhanden\s+te\s*kort\b|\bextra\s+handen\b",
    re.IGNORECASE,
)
# "de helft durft er niet mee te werken", "helpenden die al jaren het werk
# doen, maar zonder papiertje", "hoe kan ik mijn instructeurs bijscholen",
# "onze audiciens moeten tegenwoordig op afstand bijstellen": the people are
# there, they need to learn.
STAFF_TO_LEARN = re.compile(
    r"\b(?:durft|durven)\s+(?:er\s+|het\s+)?niet\b"
    r"|\b(?:bij|om)\s*scholen\b|\b(?:bij|om)geschoold\b"
    r"|\b(?:mijn|m'?n|mn|onze)\s+(?:[\w'-]+\s+){0,2}?moeten\s+(?:tegenwoordig|nu|straks"
    r"|opeens|ineens|steeds\s+vaker)\b"
    r"|\b(?:al\s+jaren|ervaring)\b.{0,80}?\bzonder\s+(?:een\s+)?(?:papiertje|diploma)\b"
    # "monteurs moeten bijlern", "mijn redacteuren willen bijleren"
    r"|\b(?:moet(?:en)?|willen)\s+(?:\w+\s+)?bijle?re?n\b"
    # "dat iedereen, ook de nieuwe bijbaners, weet hoe je allergenen checkt"
    r"|\bdat\s+(?:iedereen|al\s+(?:mijn|m'?n|onze)\s+[\w'-]+|het\s+(?:hele\s+)?team)\b"
    r"[^.?!]{0,60}?\b(?:weet|weten|kan|kunnen)\s+(?:hoe|wat)\b"
    # "dat mijn rechercheurs zelf online onderzoek kunnen doen"
    # "dat mijn eigen gieters en vormers zelf met de scanner overweg kunnen"
    r"|\bdat\s+(?:al\s+)?(?:mijn|m'?n|mn|onze)\s+(?:eigen\s+)?[\w'-]*(?:ers|ors|eurs|aars|isten"
    r"|mensen|personeel)(?:\s+en\s+[\w'-]+)?\s+(?:het\s+|dat\s+)?zelf\b[^.?!]{0,60}?"
    r"\b(?:kunnen|kan)\b"
    # "mijn beheerders kunnen die vragen niet beantwoorden": people of theirs
    r"|\b(?:mijn|m'?n|mn|onze)\s+(?:[\w'-]+\s+en\s+)?(?:[\w'-]*(?:ers|aars|sters|euren|isten"
    r"|medewerkers|mensen|personeel)|jongens|mannen|meiden|dames)\s+(?:kunnen|kan|weten"
    r"|herkenn?e?n?|kennen)\s+(?:[\w'-]+\s+){0,3}?(?:niet|niks|niets)\b"
    # "mijn mensen zijn goede rechercheurs, maar online zoeken kunnen ze niet"
    r"|\b(?:mijn|m'?n|mn|onze)\s+[^.?!]{0,80}?\bmaar\s+(?:[\w'-]+\s+){0,3}?"
    r"(?:kunnen|kan|durven|weten|snappen)\s+ze\s+(?:het\s+|dat\s+|er\s+)?(?:nog\s+)?"
    r"(?:niet|niks|niets)\b"
    # "mijn vaste mensen ... hebben nooit met een computer gewerkt"
    r"|\b(?:mijn|m'?n|mn|onze)\s+(?:[\w'-]+\s+){0,5}?(?:hebben|heeft)\s+(?:nog\s+)?nooit\s+"
    r"met\s+(?:een\s+|de\s+|het\s+)?[\w'-]+\s+(?:gewerkt|gedaan)\b"
    # "mn eigen mensen moeten t kunnen uitleggen"
    # "mijn eigen dames moeten het leren"
    r"|\b(?:mijn|m'?n|mn|onze)\s+eigen\s+(?:mensen|ploeg|personeel|medewerkers|team"
    r"|dames|meiden|jongens|mannen|vrouwen|collega'?s|assistente?s?"
    r"|[\w'-]+(?:ers|eurs|ors|isten|sters))\s+(?:\w+\s+){0,2}?(?:moeten|kunnen|leren|weten"
    r"|kennen)\b"
    # the verb first: "daar weten mn monteurs niks van", "sinds de nieuwe
    # persen snappen mn operators de schermen niet"
    r"|\b(?:kunnen|durven|weten|snappen|begrijpen)\s+(?:mijn|m'?n|mn|onze)\s+"
    r"[\w'-]*(?:ers|ors|eurs|aars|isten|mensen|personeel)\s+"
    r"(?:[\w'-]+\s+){0,3}?(?:niet|niks|niets)\b",
    re.IGNORECASE,
)
# Wanting to know what is coming and how others go about it, not to build or
# test something: kennis en netwerk ("snappen wat er aankomt", "ik heb het
# gevoel dat we achterlopen", "horen hoe andere bureaus het doen").
WHATS_COMING = re.compile(
    r"\bbijblijven\b|\bachterlop\w*|\bwat\s+er\s*(?:aan)?\s*(?:komt|speelt)\b"
    # "er komt zoveel nieuws op ons af", "ik loop achter"
    r"|\b(?:komt|komen)\s+(?:zoveel|veel|van\s+alles|steeds\s+meer)\s+(?:\w+\s+)?op\s+"
    r"(?:ons|me|mij)\s+af\b|\b(?:ik|we|wij)\s+(?:loop|lopen)\s+(?:\w+\s+)?achter\b"
    r"|\bwat\s+er\s+op\s+(?:ons|jullie|me|mij)\s+afkomt\b"
    r"|\bhoe\s+andere\s+\w+\s+(?:het\s+)?(?:doen|aanpakken)\b"
    r"|\bweet\s+er\s+(?:eigenlijk\s+)?(?:niks|niets|weinig)\s+van\b"
    r"|\bweten\s+te\s+weinig\s+over\b|\bervaringen\s+(?:uitwisselen|delen)\b"
    r"|\bop\s+de\s+hoogte\s+(?:blijven|houden)\b"
    r"|\bwat\s+(?:er\s+)?(?:\w+\s+){0,2}?nieuw\s+(?:over\s+)?(?:bekend\s+)?is\b",
    re.IGNORECASE,
)
# A system attacked or not safe: the cyber scan, an innovatie format.
CYBER = re.compile(
    # not "niet gehackt ofzo hoor"
    r"(?<!\bniet )\bhack\w*|(?<!\bniet )\bgehackt\b|\bphishing\b|\bnepmail\w*"
    r"|\bransomware\b|\blosgeld\b"
    r"|\bversleuteld\b|\boplichter\w*|\bcyber\w*|\bdatalek\w*"
    r"|\b(?:is|zijn|of)\s+(?:dat|dit|die|het|ze)\s+(?:wel\s+)?veilig\b"
    # "iemand was ingelogd met ons baliewachtwoord": a password misused
    r"|\bingelogd\s+met\s+(?:\w+\s+){0,2}?\w*wachtwoord"
    r"|\bwachtwoord\w*\s+(?:\w+\s+){0,3}?(?:misbruikt|gestolen|gelekt|gekraakt)\b"
    # "ik vertrouw niks meer van dat hele netwerk", "waar de gaten zitten"
    r"|\bwaar\s+de\s+(?:gaten|lekken)\s+zitten\b"
    r"|\bvertrouw\w*\s+(?:\w+\s+){0,6}?(?:netwerk|wifi|systeem|systemen|computers?)\b",
    re.IGNORECASE,
)
# Wanting to keep up with it, not to have it checked.
# "netwerken", "mijn netwerk"; not "dat hele netwerk" of cables and wifi
NETWORKING = r"(?<!\bhet )(?<!\bdat )(?<!\bhele )\bnetwerk\w*"
KEEPING_UP = re.compile(
    rf"\bbijblijven\b|\bbijeenkomst\w*|{NETWORKING}|\bervaringen\s+delen\b",
    re.IGNORECASE,
)

# "bij ons gaat het steeds mis in de winter", "de gasopbrengst schommelt":
# something in the work goes wrong, a question to research or try out.
TECHNICAL_TROUBLE = re.compile(
    r"\b(?:gaat|ging)\s+(?:het\s+)?(?:\w+\s+){0,2}?mis\b|\bschommel\w*"
    r"|\bvalt\s+(?:steeds\s+|vaak\s+)?uit\b|\bschuimt\b|\bverstop\w*",
    re.IGNORECASE,
)

# (cue, the needs it overrides, the need it gives); None is "no need read".
_OVERRIDES: Tuple[Tuple[re.Pattern, Tuple[Optional[str], ...], str], ...] = (
    (OWN_STAFF_CANNOT, ("talent",), "leven_lang_ontwikkelen"),
    (
        SCHOOL_LEAVERS_LACK,
        ("talent", "loket", "innovatie", "leven_lang_ontwikkelen", None),
        "onderwijs_invloed",
    ),
    (PEOPLE_WANTED, ("innovatie", "kennis_netwerk", None), "talent"),
    (WHATS_COMING, ("innovatie", "loket", None), "kennis_netwerk"),
    (
        STAFF_TO_LEARN,
        ("talent", "innovatie", "kennis_netwerk", None),
        "leven_lang_ontwikkelen",
    ),
    (TECHNICAL_TROUBLE, ("kennis_netwerk", None), "innovatie"),
)


# One person to find the way: "1 vast iemand die het regelt", "één
# aanspreekpunt" (not "iemand die de laser kan bedienen").
ONE_CONTACT = re.compile(
    r"\b(?:[eé][eé]n|1|eentje|een\s+vast\w*|vast\w*)\s+(?:aanspreekpunt|contactpersoon|loket)\b"
    r"|\b(?:[eé]én|1|eentje|een\s+vast\w*)\s+(?:iemand|persoon)\s+die\s+(?:\w+\s+){0,4}?"
    r"(?:zegt|regelt|uitzoekt|vertelt|wijst|belt|zet)\b",
    re.IGNORECASE,
)


def reread(need: Optional[str], text: str) -> Optional[str]:
    """The need a coordinator reads in `text`, given the classifier's `need`."""
    if ONE_CONTACT.search(text) and need != "onderwijs_invloed":
        # "een vaste relatie met één opleiding ... en één vast aanspreekpunt"
        # asks for a partnership, with a contact in it
        return "loket"
    if (
        WAYFINDING.search(text)
        and not WHATS_COMING.search(text)
        # "jongens van het mbo weten niks van legionella ... bij wie moet ik
        # zijn": the way to a say in the course is asked
        and not SCHOOL_LEAVERS_LACK.search(text)
    ):
        # "waar moet ik zijn voor stagiairs en bijscholing": where to go is
        # the question, whatever it is about; the loket shows the way.
        return "loket"
    if CYBER.search(text) and need != "leven_lang_ontwikkelen":
        if not (need == "kennis_netwerk" and KEEPING_UP.search(text)):
            return "innovatie"
    for cue, overridden, given in _OVERRIDES:
        if need in overridden and cue.search(text):
            return given
    return need


# The answers must name the other need this strongly, on average, before it
# replaces the opening's: the classifier sure of it in each, or in one of two
# where the words name it too.
ANSWERS_NAME_IT = 0.75
# An opening that names its need this surely keeps it: the answers are read
# by a classifier trained on openings, and "leerlingen kennen geen
# zonnepanelen" sounds like talent where the opening asked for the course.
SURE_OPENING = 0.5
# ... unless two or more answers all name one other need this surely, on
# average, and (almost) nothing else: "zoekt iemand nog een boekbinder?" and
# then "er is geen opleiding meer voor ons vak" and "dat studenten op school
# weer leren binden" ask for the course. An opening that the classifier was
# near-certain of gives way only to answers whose words name the other need;
# one whose words name its need too ("ik wil meer weten over waterstof en
# andere ondernemers spreken") keeps it.
ANSWERS_AGREE = 0.9
NEAR_CERTAIN = 0.99


def asks_a_means_only(opening: str) -> bool:
    """Whether a short opening asks for a stagiair, a student or a course and
    names no problem or research ("wat kost een stagiair bij jullie?")."""
    return (
        MEANS.search(opening) is not None
        and SAYS_MORE.search(opening) is None
        and len(opening.split()) <= 20
    )


def _asks_the_way_only(opening: Mapping[str, float]) -> bool:
    """Whether the opening asks where to go and names nothing else surely
    ("waar moet ik zijn voor stagiairs" names stagiairs)."""
    return all(w < SURE_OPENING for n, w in opening.items() if n != "loket")


def reread_after(
    need: str,
    opening: Mapping[str, float],
    answers: Mapping[str, float],
    answered: int,
    goal_answered: bool = True,
    enough_people: bool = False,
    opening_set_aside: bool = False,
    goal: Mapping[str, float] = {},
    answer_set_aside: bool = False,
    answers_read: Optional[str] = None,
) -> str:
    """The need once the problem and the goal are answered (`answered`
    messages). `opening` and `answers` weigh each need by how strongly those
    messages name it (the classifier's confidence, one more where their words
    name it): where the opening named none surely, the need they weigh most
    replaces `need` if the answers name it clearly. `enough_people`: the
    answers say the opening's talent is not missing; `opening_set_aside`:
    they say the opening is not the point, or it asked for a means only
    (`asks_a_means_only`), so it is no longer sure; `answer_set_aside`: an
    answer said so. `goal` weighs the answer to "wat moet er anders?" alone.
    `answers_read`: the need the reader learnt from answers is sure the
    problem and the goal name together (bot.intake.answer_need.need_of); it
    is the question behind the opening, however sure the opening was."""
    if answers_read:
        return answers_read
    agreed = _named_by_the_opening_and_the_goal(opening, goal)
    if agreed and not answer_set_aside and not (enough_people and agreed == "talent"):
        # "ik zoek een cursus techniek voor mijn huismeesters", then "dat ze
        # de simpele dingen zelf doen": what was asked first and what they
        # want to reach name one need, whatever what goes wrong sounds like
        # ("bij elke storing aan de warmtepomp bellen ze de monteur")
        return agreed
    if need == "loket" and _asks_the_way_only(opening):
        # "ik weet niet bij wie ik ermee moet zijn": the way is asked before
        # the question is known; once the answers name what they want, that
        # is the need, unless they ask the way again. What goes wrong alone
        # does not tell it ("we houden elke week liters wei over").
        if not goal_answered:
            return need
        ranked = sorted(
            ((w, n) for n, w in answers.items() if n != "loket"), reverse=True
        ) + [(0.0, need), (0.0, need)]
        (top, best), (second, _) = ranked[0], ranked[1]
        clearly = (
            answered > 0
            and top >= ANSWERS_NAME_IT * answered
            # "er zelf iets van maken" weighs as much as talent as innovatie
            and top - second >= SURE_OPENING * answered
        )
        way_again = answers.get("loket", 0.0) >= SURE_OPENING
        if clearly and not way_again:
            return best
        # what goes wrong often sounds like the way asked again ("ik weet
        # eigenlijk niet of het aan online ligt"); what they want to reach
        # names the need as a coordinator hears it
        return _named_by_the_goal(goal) or need
    if enough_people:
        # "zoeken procesoperators" and then "eigenlijk hebben we genoeg
        # mensen": however sure the opening, the answers say what it is; and
        # their "stagiaires krijgen we wel" names no talent wanted
        if need == "talent":
            opening = {}
        answers = {n: w for n, w in answers.items() if n != "talent"}
    said_by_the_goal = _named_by_the_goal(goal, words_too=True)
    if said_by_the_goal and said_by_the_goal != need:
        # "dat ze op school al leren wat levend vervoer is" to "wat moet er
        # anders zijn?", after "hoe kom je aan chauffeurs?": what they want to
        # reach, named by its words and the classifier, is the question behind
        # the opening, however sure the opening was
        return said_by_the_goal
    if opening_set_aside or _answers_agree_on_another(need, opening, answers, answered):
        opening = {n: min(w, SURE_OPENING / 2) for n, w in opening.items()}
    if max(opening.values(), default=0.0) >= SURE_OPENING and not _tied_with_answers(
        need, opening, answers
    ):
        return need
    goal_need = _named_by_the_goal(goal) if answer_set_aside else None
    if goal_need:
        # "wat echt knelt: ...": what they want to reach says it where the
        # problem sounded like another need ("een opleiding klokkengieter
        # bestaat niet"); an opening that asked for a means only keeps a say
        # ("een afstudeerder voor ons marketingplan")
        return goal_need
    total = {n: opening.get(n, 0.0) + answers.get(n, 0.0) for n in {*opening, *answers}}
    best = max(total, key=lambda n: total[n], default=need)
    # set aside, the opening no longer stands against the answers
    named_it = SURE_OPENING if opening_set_aside else ANSWERS_NAME_IT
    clearly = answered > 0 and answers.get(best, 0.0) >= named_it * answered
    return best if clearly else need


def _named_by_the_goal(
    goal: Mapping[str, float], words_too: bool = False
) -> Optional[str]:
    """The need other than the loket that the goal's answer names nearly
    surely, well ahead of any other ("ideeën opdoen bij andere koks": kennis
    en netwerk), or None; `words_too`: its words name it as well."""
    ranked = sorted(((w, n) for n, w in goal.items()), reverse=True) + [(0.0, None)] * 2
    (top, best), (second, _) = ranked[0], ranked[1]
    sure = 1 + NEAR_CERTAIN if words_too else NEAR_CERTAIN
    if best in (None, "loket") or top < sure or top - second < SURE_OPENING:
        return None
    return best


def _named_by_the_opening_and_the_goal(
    opening: Mapping[str, float], goal: Mapping[str, float]
) -> Optional[str]:
    """The need other than the loket that the opening names surely and the
    goal's answer names most, and surely too; or None."""
    best = max(opening, key=lambda n: opening[n], default=None)
    if best in (None, "loket") or opening[best] < SURE_OPENING:
        return None
    goal_best = max(goal, key=lambda n: goal[n], default=None)
    return best if goal_best == best and goal[best] >= SURE_OPENING else None


def _tied_with_answers(
    need: str, opening: Mapping[str, float], answers: Mapping[str, float]
) -> bool:
    """Whether the opening named the need the answers name most as surely as
    `need` ("onze energierekening is verdubbeld ... waar begin je": innovatie
    as much as the way), and they hardly name `need` again: then the answers
    break the tie."""
    best = max(answers, key=lambda n: answers[n], default=need)
    return (
        best != need
        and opening.get(best, 0.0) >= opening.get(need, 0.0)
        and answers.get(need, 0.0) < SURE_OPENING
    )


def _answers_agree_on_another(
    need: str, opening: Mapping[str, float], answers: Mapping[str, float], answered: int
) -> bool:
    """Whether two or more answers name one need other than `need`, and
    (almost) nothing else; where the opening named `need` nearly surely, the
    answers' words must name the other need too."""
    best = max(answers, key=lambda n: answers[n], default=need)
    others = sum(w for n, w in answers.items() if n != best)
    if answered == 1:
        # one answer whose words and the classifier both name another need
        # ("jongens van de infra opleiding weten niks van het spoor"), after
        # an opening only the classifier named ("we moeten jonge jongens
        # eerst 3 maanden zelf opleiden")
        return (
            best != need
            and opening.get(need, 0.0) < 1.0
            and answers[best] >= 1 + NEAR_CERTAIN
            and others < SURE_OPENING
        )
    if answered < 2:
        return False
    # where the classifier or the opening's words, but not both surely, named
    # the opening's need, the answers' words must name the other need too
    # ("kunnen studenten dat uitzoeken?", then "bij wie ik moet zijn"), not
    # the classifier alone
    sure = opening.get(need, 0.0)
    words_named = answers.get(best, 0.0) >= answered + SURE_OPENING
    # each answer named the other need by its words and near-certainly by the
    # classifier, as surely as an opening can ("zoek jonge mensen voor achter
    # de balie", then "mijn mensen weten t niet" and "mn eigen mensen moeten
    # t kunnen uitleggen")
    as_sure = answers.get(best, 0.0) >= answered * (1 + NEAR_CERTAIN)
    return (
        best != need
        and (
            sure < NEAR_CERTAIN or (sure < 1 + NEAR_CERTAIN and words_named) or as_sure
        )
        and answers[best] >= ANSWERS_AGREE * answered
        and others < SURE_OPENING
    )
