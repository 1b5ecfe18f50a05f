"""Nouns after a number (bot/intake/nouns.py): "twee monteurs", "een collega"."""

from __future__ import annotations

import pytest

from bot.intake import nouns


@pytest.mark.parametrize(
    "noun, plural",
    [("monteur", "monteurs"), ("leerling", "leerlingen"), ("collega", "collega's"),
     ("leraar", "leraren"), ("stagiair", "stagiairs"), ("student", "studenten"),
     ("kok", "koks"), ("technicus", "technici"), ("ploegbaas", "ploegbazen"),
     ("verpleegkundige", "verpleegkundigen"), ("matroos", "matrozen"),
     ("elektricien", "elektriciens"), ("lasser", "lassers"), ("docent", "docenten"),
     ("jongere", "jongeren"), ("machine", "machines"), ("lasrobot", "lasrobots"),
     ("vakkracht", "vakkrachten"), ("mens", "mensen"), ("vlechter", "vlechters")],
)  # fmt: skip
def test_plural_and_back(noun, plural):
    assert nouns.plural(noun) == plural
    assert nouns.singular(plural) == noun


@pytest.mark.parametrize(
    "number, count, people, said",
    [("drie", 3, "monteur", "drie monteurs"),
     ("twee", 2, "leerling", "twee leerlingen"),
     ("twee", 2, "monteurs", "twee monteurs"),
     ("een", 1, "collega's", "een collega"),
     ("een", 1, "leraren", "een leraar"),
     ("twee", 2, "jongeren", "twee jongeren"),
     ("vier", 4, "ervaren monteur voor de werkplaats",
      "vier ervaren monteurs voor de werkplaats"),
     # a word for a group is no count: people, one by one
     ("acht", 8, "nieuwe personeel", "acht nieuwe mensen"),
     ("een", 1, "personeel", "een medewerker"),
     # "metselaars" is as plural as "metselaren"
     ("twee", 2, "nieuwe metselaars", "twee nieuwe metselaars"),
     ("een", 1, "metselaars", "een metselaar")],
)  # fmt: skip
def test_the_people_agree_with_their_number(number, count, people, said):
    assert nouns.counted(number, count, people) == said


@pytest.mark.parametrize(
    "text, written",
    [("komen zondagavond 40 auto tegelijk terug", "komen zondagavond 40 auto's tegelijk terug"),
     ("hoe vind je twee nieuwe monteur", "hoe vind je twee nieuwe monteurs"),
     ("hoe vind je 2 monteurs", "hoe vind je 2 monteurs"),  # plural already
     ("4 man, 3 jaar en 30 procent", "4 man, 3 jaar en 30 procent"),  # units
     ("voor 2027 een plan", "voor 2027 een plan")],  # a year
)  # fmt: skip
def test_a_noun_after_a_number_above_one_is_plural(text, written):
    assert nouns.with_counted_plurals(text) == written


@pytest.mark.parametrize(
    "plural, noun", [("timmerlui", "timmerman"), ("vaklieden", "vakman"), ("lui", "lui")]
)
def test_the_plural_of_man_in_a_trade_is_lui_or_lieden(plural, noun):
    # "is er geen timmerlui" was said back; "lui" alone is "lazy"
    assert nouns.singular(plural) == noun


def test_a_kundige_after_a_number_is_people_in_the_plural():
    # "hoe vind je twee nieuwe verkeerskundige" (dev sets)
    assert nouns.with_counted_plurals("twee nieuwe verkeerskundige op hbo-niveau") == (
        "twee nieuwe verkeerskundigen op hbo-niveau"
    )
