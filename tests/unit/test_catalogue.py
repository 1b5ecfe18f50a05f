"""The pps catalogue: the real data file holds up, and the ranking moves right."""

from __future__ import annotations

import dataclasses
import re
import statistics
from pathlib import Path
from typing import Any, Callable, Dict, List

import pytest
import yaml

from bot.intake import catalogue as catalogue_module
from bot.intake import writing
from bot.intake.catalogue import (
    DEFAULT_CATALOGUE_PATH,
    NEED_CODES,
    SECTOR_CODES,
    Catalogue,
    IntakeProfile,
    PpsFormat,
    RankedOption,
    load_catalogue,
    rank_formats,
    ruled_out,
)
from bot.intake.frame import Frame, situations

# The initiatives named in the seed texts; an example from anywhere else is invented.
SEED_INITIATIVES = {
    "Cleantech Center",
    "Cybercrimineel",
    "Talent IT Twente",
    "Young Professionals Community Logistiek",
    "Betonstaal",
    "Smart Welding Factory",
    "EnTranCe",
    "TechforFuture",
    "Make IT Work",
    "NexTechnician",
    "Expertisecentrum precisietechniek",
}

PROFILE_VARIANTS: Dict[str, Dict[str, Any]] = {
    "bare": {},
    "haast": {"urgency": "hoog"},
    "geen_haast": {"urgency": "laag"},
    "weinig_tijd": {"own_time": "weinig"},
    "veel_tijd": {"own_time": "veel"},
    "kleine_bouwer": {"sector": "bouw", "company_size": 3, "education_level": "mbo"},
    "ict_wo_haast": {"sector": "ict", "education_level": "wo", "urgency": "hoog"},
    "alles": {
        "sector": "zorg",
        "company_size": 40,
        "urgency": "normaal",
        "own_time": "gemiddeld",
        "education_level": "hbo",
    },
}


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


def ids(options: List[RankedOption]) -> List[str]:
    return [option.format.id for option in options]


def full_order(catalogue: Catalogue, profile: IntakeProfile) -> List[str]:
    return ids(rank_formats(catalogue, profile, limit=len(catalogue.formats)))


def top_three(catalogue: Catalogue, **profile: Any) -> List[str]:
    return ids(rank_formats(catalogue, IntakeProfile(**profile)))


# --- the real data file ----------------------------------------------------


def test_default_path_is_the_repo_catalogue() -> None:
    assert DEFAULT_CATALOGUE_PATH == Path(__file__).parents[2] / "data/catalogue.yml"
    assert DEFAULT_CATALOGUE_PATH.is_file()


def test_catalogue_is_loaded_once(catalogue: Catalogue) -> None:
    assert load_catalogue(str(DEFAULT_CATALOGUE_PATH)) is catalogue


def test_real_catalogue_has_enough_formats_with_unique_ids(
    catalogue: Catalogue,
) -> None:
    format_ids = [f.id for f in catalogue.formats]
    assert len(format_ids) >= 15
    assert len(set(format_ids)) == len(format_ids)
    assert catalogue.get("cyber_scan") is not None
    assert catalogue.get("bestaat_niet") is None


@pytest.mark.parametrize("need", NEED_CODES)
def test_every_need_is_served_by_at_least_three_formats(
    catalogue: Catalogue, need: str
) -> None:
    serving = [f.id for f in catalogue.formats if need in f.needs]
    assert len(serving) >= 3, serving


def test_every_title_fits_on_a_button(catalogue: Catalogue) -> None:
    too_long = [f.title for f in catalogue.formats if len(f.title) > 30]
    assert not too_long


def test_every_code_has_a_dutch_label(catalogue: Catalogue) -> None:
    assert set(catalogue.need_labels) == set(NEED_CODES)
    assert set(catalogue.sector_labels) == set(SECTOR_CODES)
    assert catalogue.labels["none_option"]


def test_examples_come_from_the_seed_initiatives(catalogue: Catalogue) -> None:
    with_example = [f for f in catalogue.formats if f.example_name]
    assert {f.example_name for f in with_example} <= SEED_INITIATIVES
    assert all(f.example_text for f in with_example)
    # examples are optional per format, but the seeds cover most of them
    assert len({f.example_name for f in with_example}) >= 8


def test_asks_fit_into_one_sentence(catalogue: Catalogue) -> None:
    """The options response reads "{hours}; {duration}; {cost}." as one sentence."""
    for pps_format in catalogue.formats:
        for text in (pps_format.hours, pps_format.duration, pps_format.cost):
            assert not text.endswith("."), (pps_format.id, text)
            assert not text[0].isupper(), (pps_format.id, text)


# --- every need gets three real options ------------------------------------


@pytest.mark.parametrize("variant", PROFILE_VARIANTS)
@pytest.mark.parametrize("need", NEED_CODES)
def test_each_need_gets_three_distinct_options_led_by_that_need(
    catalogue: Catalogue, need: str, variant: str
) -> None:
    profile = IntakeProfile(need_category=need, **PROFILE_VARIANTS[variant])
    options = rank_formats(catalogue, profile)

    assert len(options) == 3
    assert len(set(ids(options))) == 3
    assert need in options[0].format.needs
    # at least three formats serve every need, so none of them should be padding
    assert all(need in option.format.needs for option in options)
    for option in options:
        assert option.reason.strip()
        assert "{" not in option.reason and "}" not in option.reason
    scores = [option.score for option in options]
    assert scores == sorted(scores, reverse=True)


@pytest.mark.parametrize("need", NEED_CODES)
def test_every_reason_says_what_its_format_gives(
    catalogue: Catalogue, need: str
) -> None:
    for option in rank_formats(catalogue, IntakeProfile(need_category=need)):
        gives = option.format.gives
        if option.reason.startswith("Past je vraag niet helemaal"):
            gives = option.format.gives_general  # the route for any question
        assert gives in option.reason


def test_the_general_route_says_why_it_is_there(catalogue: Catalogue) -> None:
    # held-out 41st review: the loket's stock line in 11 of 20 intakes, "although
    # the reason does not say" it is the route where the others do not fit
    said = {}
    for need in NEED_CODES:
        options = rank_formats(catalogue, IntakeProfile(need_category=need))
        for at, option in enumerate(options):
            if option.format.id == "loket_doorverwijzing":
                said[need] = (at, option.reason.startswith("Past je vraag niet"))
    assert said["loket"] == (0, False)  # the loket question's own format
    assert said["kennis_netwerk"] == said["leven_lang_ontwikkelen"] == (2, True)


@pytest.mark.parametrize("need", NEED_CODES)
def test_formats_that_serve_the_need_come_before_all_others(
    catalogue: Catalogue, need: str
) -> None:
    # every bonus at once, for a profile that favours formats outside the need
    profile = IntakeProfile(
        need_category=need, urgency="hoog", own_time="weinig", education_level="mbo"
    )
    order = full_order(catalogue, profile)
    needs = {f.id: f.needs for f in catalogue.formats}
    serves = [need in needs[format_id] for format_id in order]
    assert serves == sorted(serves, reverse=True)


def test_limit_is_respected_and_never_repeats(catalogue: Catalogue) -> None:
    profile = IntakeProfile(need_category="talent")
    everything = rank_formats(catalogue, profile, limit=len(catalogue.formats) + 5)
    # nothing was said, so the topic-bound formats stay out
    assert len(everything) == len([f for f in catalogue.formats if not f.topic_bound])
    assert len(set(ids(everything))) == len(everything)
    assert rank_formats(catalogue, profile, limit=1) == everything[:1]
    assert rank_formats(catalogue, profile, limit=0) == []


def test_unknown_need_still_gets_three_options_with_a_reason(
    catalogue: Catalogue,
) -> None:
    options = rank_formats(catalogue, IntakeProfile(need_category="iets_anders"))
    assert len(set(ids(options))) == 3
    assert all(o.reason in (o.format.gives, o.format.gives_general) for o in options)


# --- the profile moves the ranking the right way (real catalogue) ----------


@pytest.mark.parametrize("sector", SECTOR_CODES)
@pytest.mark.parametrize("need", NEED_CODES)
def test_knowing_the_sector_never_lowers_a_format_that_suits_it(
    catalogue: Catalogue, need: str, sector: str
) -> None:
    without = full_order(catalogue, IntakeProfile(need_category=need))
    with_sector = full_order(catalogue, IntakeProfile(need, sector=sector))
    for pps_format in catalogue.formats:
        if sector in pps_format.sectors and not pps_format.topic_bound:
            assert with_sector.index(pps_format.id) <= without.index(pps_format.id)


def test_sector_decides_between_two_equally_fitting_formats(
    catalogue: Catalogue,
) -> None:
    energy = top_three(catalogue, need_category="kennis_netwerk", sector="energie")
    logistics = top_three(catalogue, need_category="kennis_netwerk", sector="logistiek")
    assert energy.index("kennisbijeenkomst") < energy.index("learning_community")
    assert logistics.index("learning_community") < logistics.index("kennisbijeenkomst")


def test_ict_company_looking_for_talent_gets_the_side_job_loket_first(
    catalogue: Catalogue,
) -> None:
    first = rank_formats(catalogue, IntakeProfile("talent", sector="ict"))[0]
    assert first.format.id == "bijbanen_loket"
    # the sector ranks but is no reason: "vaak gekozen in de ict" is filler
    assert catalogue.sector_labels["ict"] not in first.reason


def test_construction_company_looking_for_talent_gets_bbl_first(
    catalogue: Catalogue,
) -> None:
    builder = top_three(catalogue, need_category="talent", sector="bouw")
    assert top_three(catalogue, need_category="talent")[0] != "bbl_leerbaan"
    assert builder[0] == "bbl_leerbaan"


@pytest.mark.parametrize("need", NEED_CODES)
def test_haste_favours_formats_that_start_sooner(
    catalogue: Catalogue, need: str
) -> None:
    def start_weeks(urgency: str | None) -> float:
        options = rank_formats(catalogue, IntakeProfile(need, urgency=urgency))
        return statistics.mean(o.format.start_weeks for o in options)

    assert start_weeks("hoog") <= start_weeks(None)


def test_haste_puts_the_fast_starters_first_and_says_when_a_slow_one_starts(
    catalogue: Catalogue,
) -> None:
    hurried = rank_formats(catalogue, IntakeProfile("talent", urgency="hoog"))
    assert hurried[0].format.start_weeks <= 4
    assert "dit kan op tijd starten" in hurried[0].reason

    calm = full_order(catalogue, IntakeProfile("innovatie"))
    rushed = rank_formats(catalogue, IntakeProfile("innovatie", urgency="hoog"), 30)
    rushed_ids = ids(rushed)
    assert rushed_ids.index("lectoraat_onderzoek") > calm.index("lectoraat_onderzoek")
    research = rushed[rushed_ids.index("lectoraat_onderzoek")]
    assert "Let op: dit start meestal later dan je wilt" in research.reason
    assert "later dan je wilt" not in hurried[0].reason


def test_a_format_that_ends_after_the_time_named_is_said_to_and_ranked_later(
    catalogue: Catalogue, monkeypatch
) -> None:
    # held-out 41st review: a branch training of two years for system
    # administrators who must know the cloud "voor 1 juli"
    monkeypatch.setenv("VRAAGWIJZER_TODAY", "2026-12-07")
    need = "leven_lang_ontwikkelen"
    july = IntakeProfile(need, urgency="normaal", when="voor 1 juli")
    due = rank_formats(catalogue, july, 30)
    calm = rank_formats(catalogue, IntakeProfile(need, urgency="normaal"), 30)

    def score(options: List[Any], format_id: str) -> float:
        return options[ids(options).index(format_id)].score

    assert score(due, "sectoropleiding_platform") < score(calm, "sectoropleiding_platform")
    assert score(due, "maatwerk_scholing") == score(calm, "maatwerk_scholing")
    branch = due[ids(due).index("sectoropleiding_platform")]
    assert branch.reason.endswith("Let op: dit is waarschijnlijk niet klaar voor 1 juli.")
    course = due[ids(due).index("maatwerk_scholing")]  # three months, in time
    assert "Let op" not in course.reason
    # where none of the three is done in time, none says so: the list would
    # argue against itself ("niet klaar voor het voorjaar" three times)
    soon = dataclasses.replace(july, need_category="innovatie", when="voor maart")
    assert not [o for o in rank_formats(catalogue, soon) if "Let op" in o.reason]
    # a time that names no month, or may be when to begin, says nothing of it
    for when in ("in de winter", "na de zomer"):
        begin = rank_formats(catalogue, dataclasses.replace(july, when=when), 30)
        assert not [o for o in begin if "Let op" in o.reason]


def test_no_haste_favours_lasting_partnerships(catalogue: Catalogue) -> None:
    calm = full_order(catalogue, IntakeProfile("onderwijs_invloed", urgency="laag"))
    normal = full_order(catalogue, IntakeProfile("onderwijs_invloed"))
    assert calm.index("programmapartner") < normal.index("programmapartner")


@pytest.mark.parametrize("need", NEED_CODES)
def test_little_own_time_favours_light_formats(catalogue: Catalogue, need: str) -> None:
    def hours(own_time: str | None) -> float:
        options = rank_formats(catalogue, IntakeProfile(need, own_time=own_time))
        return statistics.mean(o.format.hours_per_week for o in options)

    assert hours("weinig") <= hours(None)


def test_little_own_time_drops_the_hybrid_teacher(catalogue: Catalogue) -> None:
    assert "hybride_docent" in top_three(catalogue, need_category="onderwijs_invloed")
    busy = top_three(catalogue, need_category="onderwijs_invloed", own_time="weinig")
    assert "hybride_docent" not in busy


def test_plenty_of_own_time_favours_deeper_formats(catalogue: Catalogue) -> None:
    said = "robots die lassen"  # the fieldlab is bound to production technique

    def fieldlab_score(**profile: Any) -> float:
        options = rank_formats(
            catalogue, IntakeProfile("innovatie", said=said, **profile), 30
        )
        return next(o.score for o in options if o.format.id == "fieldlab")

    assert fieldlab_score(own_time="veel") > fieldlab_score()


def test_too_small_a_company_lowers_formats_with_a_minimum_size(
    catalogue: Catalogue,
) -> None:
    assert catalogue.get("hybride_docent").min_size is not None
    tiny = full_order(catalogue, IntakeProfile("onderwijs_invloed", company_size=2))
    normal = full_order(catalogue, IntakeProfile("onderwijs_invloed"))
    assert tiny.index("hybride_docent") > normal.index("hybride_docent")


def test_education_level_favours_formats_at_that_level(catalogue: Catalogue) -> None:
    academic = full_order(catalogue, IntakeProfile("talent", education_level="hbo"))
    vocational = full_order(catalogue, IntakeProfile("talent", education_level="mbo"))
    def score(level: str) -> float:
        profile = IntakeProfile("talent", education_level=level)
        ranked = rank_formats(catalogue, profile, limit=len(catalogue.formats))
        return {o.format.id: o.score for o in ranked}.get("afstudeeropdracht", 0.0)

    assert score("hbo") > score("") > score("mbo")
    assert "bbl_leerbaan" in vocational[:3]
    assert "bbl_leerbaan" not in academic[:3]


def test_a_format_that_starts_months_later_says_so_in_haste(
    catalogue: Catalogue,
) -> None:
    said = "onze machines slijten te snel, kan iemand dat uitzoeken"
    hasty = rank_formats(
        catalogue, IntakeProfile("innovatie", urgency="hoog", said=said), 30
    )
    calm = rank_formats(
        catalogue, IntakeProfile("innovatie", urgency="laag", said=said), 30
    )
    research = {o.format.id: o.reason for o in hasty}["lectoraat_onderzoek"]
    assert research.endswith("later dan je wilt.")
    assert "later dan je wilt" not in {o.format.id: o.reason for o in calm}[
        "lectoraat_onderzoek"
    ]


@pytest.mark.parametrize(
    "level, struck_id",
    [("hbo", "bbl_leerbaan"), ("wo", "bbl_leerbaan"), ("mbo", "afstudeeropdracht")],
)
def test_a_format_for_another_level_is_struck(
    catalogue: Catalogue, level: str, struck_id: str
) -> None:
    """A coordinator strikes bbl for a hbo engineer: it is an mbo route."""
    profile = IntakeProfile("talent", education_level=level)
    assert struck_id not in full_order(catalogue, profile)
    assert struck_id in full_order(catalogue, IntakeProfile("talent"))


# --- the scoring itself, on two formats that differ in one thing -----------


def base_format(**changes: Any) -> PpsFormat:
    fields: Dict[str, Any] = {
        "id": "a",
        "title": "A",
        "description": "A.",
        "gives": "Het geeft A.",
        "needs": ("talent",),
        "hours": "h",
        "duration": "d",
        "cost": "c",
        "hours_per_week": 2.0,
        "months": 6.0,
        "start_weeks": 10,
        "min_size": None,
        "max_size": None,
        "sectors": (),
        "levels": ("mbo", "hbo", "wo"),
        "example_name": None,
        "example_text": None,
    }
    return PpsFormat(**{**fields, **changes})


def pair_order(catalogue: Catalogue, b_changes: Dict[str, Any], **profile: Any) -> str:
    """Which of two otherwise identical formats wins: "a" (listed first) or "b"."""
    pair = dataclasses.replace(
        catalogue, formats=(base_format(), base_format(id="b", **b_changes))
    )
    return rank_formats(pair, IntakeProfile("talent", **profile), limit=1)[0].format.id


@pytest.mark.parametrize(
    "b_changes, profile, winner",
    [
        ({}, {}, "a"),  # a tie keeps catalogue order
        ({"needs": ("innovatie", "talent")}, {}, "a"),  # first need beats second
        ({"sectors": ("zorg",)}, {"sector": "zorg"}, "b"),
        ({"sectors": ("zorg",)}, {"sector": "bouw"}, "a"),
        ({"start_weeks": 2}, {"urgency": "hoog"}, "b"),
        ({"months": 2.0}, {"urgency": "hoog"}, "b"),
        ({"start_weeks": 2}, {"urgency": "normaal"}, "a"),
        ({"months": 24.0}, {"urgency": "laag"}, "b"),
        ({"hours_per_week": 0.5}, {"own_time": "weinig"}, "b"),
        ({"hours_per_week": 0.5}, {"own_time": "veel"}, "a"),
        ({"hours_per_week": 4.0}, {"own_time": "veel"}, "b"),
        ({"min_size": 10}, {"company_size": 3}, "a"),
        ({"max_size": 10}, {"company_size": 5}, "b"),
        ({"levels": ("wo",)}, {"education_level": "wo"}, "a"),  # tie: both have wo
        ({"levels": ("wo",)}, {"education_level": "mbo"}, "a"),
        ({"keywords": ("hack",)}, {"said": "we zijn gehackt, hackers overal"}, "b"),
        ({"keywords": ("hack",)}, {"said": "we willen minder energie verbruiken"}, "a"),
        ({"keywords": ("energie",)}, {"said": "onze zonne-energie installatie"}, "b"),
        ({"keywords": ("las",)}, {"said": "het is lastig"}, "b"),  # word start only
        ({"keywords": ("las",)}, {"said": "het blijft las- en snijwerk"}, "b"),
        ({"keywords": ("lass",)}, {"said": "het is lastig"}, "a"),
    ],
)
def test_one_difference_decides_the_order(
    catalogue: Catalogue,
    b_changes: Dict[str, Any],
    profile: Dict[str, Any],
    winner: str,
) -> None:
    assert pair_order(catalogue, b_changes, **profile) == winner


def test_not_serving_the_need_loses_to_any_fit(catalogue: Catalogue) -> None:
    perfect_but_wrong = base_format(
        id="b",
        needs=("innovatie",),
        sectors=("zorg",),
        start_weeks=1,
        months=1.0,
        hours_per_week=0.5,
    )
    poor_but_right = base_format(
        needs=("innovatie", "kennis_netwerk", "loket", "talent"),
        start_weeks=12,  # slower would be struck in haste
        months=48.0,
        hours_per_week=3.5,  # half a day a week would be struck: little time
        min_size=100,
    )
    pair = dataclasses.replace(catalogue, formats=(perfect_but_wrong, poor_but_right))
    profile = IntakeProfile(
        "talent",
        sector="zorg",
        company_size=5,
        urgency="hoog",
        own_time="weinig",
        education_level="mbo",
    )
    assert ids(rank_formats(pair, profile)) == ["a", "b"]


def test_reason_adds_the_hurry_to_what_it_gives(catalogue: Catalogue) -> None:
    fitting = base_format(sectors=("zorg",), start_weeks=2, hours_per_week=0.5)
    single = dataclasses.replace(catalogue, formats=(fitting,))
    profile = IntakeProfile(
        "talent",
        sector="zorg",
        urgency="hoog",
        own_time="weinig",
        education_level="hbo",
        when="zo snel mogelijk, voor de zomer",
    )
    [option] = rank_formats(single, profile)
    # the sector fits as well, but what the entrepreneur said comes first, in
    # their words
    assert option.reason == (
        f"{fitting.gives} Je wilt het zo snel mogelijk geregeld hebben, en dit kan "
        "op tijd starten."
    )


@pytest.mark.parametrize(
    "when, said",
    [("voor de zomer", "voor de zomer"),
     ("binnen 3 maanden", "binnen 3 maanden"),
     ("zo snel mogelijk, voor de zomer", "zo snel mogelijk"),
     ("vanaf januari", "voor januari"),
     # no time that reads after "Je wilt het": the haste itself
     ("zsm want de oude stopt", "snel"),
     ("", "snel")],
)  # fmt: skip
def test_the_haste_is_said_as_the_entrepreneur_said_it(
    catalogue: Catalogue, when: str, said: str
) -> None:
    fitting = base_format(start_weeks=2)
    single = dataclasses.replace(catalogue, formats=(fitting,))
    [option] = rank_formats(single, IntakeProfile("talent", urgency="hoog", when=when))
    assert f"Je wilt het {said} geregeld hebben, en dit kan" in option.reason


def test_a_reason_names_no_number_the_card_does_not_say(catalogue: Catalogue) -> None:
    """ "dit kan meestal binnen 3 weken starten" and "ongeveer 1 uur per week"
    contradicted the card beside them ("een dagdeel per maand")."""
    short = base_format(months=1.0, start_weeks=1, hours_per_week=5.0)
    single = dataclasses.replace(catalogue, formats=(short,))
    [option] = rank_formats(single, IntakeProfile("talent", urgency="hoog"))
    assert not re.search(r"\d", option.reason.replace(short.gives, ""))


def test_the_entrepreneurs_words_decide_between_innovation_formats(
    catalogue: Catalogue,
) -> None:
    energy = top_three(catalogue, need_category="innovatie",
                       said="we willen minder energie verbruiken in de hal")  # fmt: skip
    hacked = top_three(catalogue, need_category="innovatie",
                       said="onze webshop is gehackt, hoe voorkomen we dat")  # fmt: skip
    assert "cyber_scan" not in energy and energy[0] == "student_challenge"
    assert hacked[0] == "cyber_scan"


def test_the_problem_is_never_said_back_as_a_reason(catalogue: Catalogue) -> None:
    # "Het helpt, want nu ...": a false cause to coordinators (33rd review)
    profile = IntakeProfile("innovatie", said="Last van phishing mails",
                            problem="klikken je medewerkers op phishingmails")  # fmt: skip
    first, *others = rank_formats(catalogue, profile)
    assert first.format.id == "cyber_scan"
    assert first.reason == first.format.gives
    assert not any("phishingmails" in o.reason for o in others)


def test_the_education_level_ranks_but_is_no_reason(catalogue: Catalogue) -> None:
    single = dataclasses.replace(catalogue, formats=(base_format(),))
    [option] = rank_formats(single, IntakeProfile("talent", education_level="hbo"))
    assert option.reason == "Het geeft A."


def test_ranking_never_repeats_a_format_even_if_listed_twice(
    catalogue: Catalogue,
) -> None:
    doubled = dataclasses.replace(
        catalogue, formats=(base_format(), base_format(), base_format(id="b"))
    )
    assert ids(rank_formats(doubled, IntakeProfile("talent"))) == ["a", "b"]


def test_little_time_is_said_in_the_cards_own_words(catalogue: Catalogue) -> None:
    light = dataclasses.replace(
        catalogue, formats=(base_format(hours_per_week=0.5, hours="een dagdeel per maand"),)
    )
    [option] = rank_formats(light, IntakeProfile("talent", own_time="weinig"))
    assert option.reason.endswith("tijd die je ervoor hebt: een dagdeel per maand.")


def test_a_single_talk_is_not_said_to_ask_hours_per_week(catalogue: Catalogue) -> None:
    """ "dit vraagt maar een half uur per week" was said of the loket's one talk."""
    once = dataclasses.replace(
        catalogue, formats=(base_format(hours_per_week=0.5, months=1.0),)
    )
    [option] = rank_formats(once, IntakeProfile("talent", own_time="weinig"))
    assert "per week" not in option.reason


# --- a malformed catalogue is refused, naming the entry --------------------


def real_raw() -> Dict[str, Any]:
    return yaml.safe_load(DEFAULT_CATALOGUE_PATH.read_text(encoding="utf-8"))


def entry(raw: Dict[str, Any], format_id: str) -> Dict[str, Any]:
    return next(f for f in raw["formats"] if f["id"] == format_id)


def write(tmp_path: Path, raw: Dict[str, Any]) -> Path:
    path = tmp_path / "catalogue.yml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


Breakage = Callable[[Dict[str, Any]], None]
BREAKAGES: Dict[str, tuple[Breakage, str]] = {
    "unknown need": (
        lambda raw: entry(raw, "cyber_scan")["needs"].append("geluk"),
        r"cyber_scan.*geluk",
    ),
    "unknown sector": (
        lambda raw: entry(raw, "fieldlab")["sectors"].append("ruimtevaart"),
        r"fieldlab.*ruimtevaart",
    ),
    "duplicate id": (
        lambda raw: raw["formats"].append(dict(entry(raw, "gastles"))),
        r"gastles.*duplicate",
    ),
    "missing description": (
        lambda raw: entry(raw, "stageplek").pop("description"),
        r"stageplek.*description",
    ),
    "missing cost": (
        lambda raw: entry(raw, "stageplek")["asks"].pop("cost"),
        r"stageplek.*cost",
    ),
    "no needs": (
        lambda raw: entry(raw, "werkveldraad").update(needs=[]),
        r"werkveldraad.*needs",
    ),
    "title too long": (
        lambda raw: entry(raw, "gastles").update(title="Gastles " + "x" * 23),
        r"gastles.*title",
    ),
    "hours as text": (
        lambda raw: entry(raw, "bbl_leerbaan").update(hours_per_week="twee"),
        r"bbl_leerbaan.*hours_per_week",
    ),
    "unknown level": (
        lambda raw: entry(raw, "gastles").update(levels=["vmbo"]),
        r"gastles.*vmbo",
    ),
    "typo in a field name": (
        lambda raw: entry(raw, "gastles").update(sector=["bouw"]),
        r"gastles.*sector",
    ),
    "example without text": (
        lambda raw: entry(raw, "cyber_scan").update(example={"name": "Cybercrimineel"}),
        r"cyber_scan.*text",
    ),
    "unknown reason placeholder": (
        lambda raw: raw["reasons"].update(sector="Werkt goed in de {branche}."),
        r"reasons.*branche",
    ),
    "keywords not a list": (
        lambda raw: entry(raw, "gastles").update(keywords="gastles"),
        r"gastles.*keywords",
    ),
    "need label missing": (
        lambda raw: raw["need_labels"].pop("loket"),
        r"need_labels.*loket",
    ),
    "no formats": (lambda raw: raw.update(formats=[]), r"formats"),
    "yes as a number of hours": (
        lambda raw: entry(raw, "gastles").update(hours_per_week=True),
        r"gastles.*hours_per_week",
    ),
    "blank description": (
        lambda raw: entry(raw, "gastles").update(description="   "),
        r"gastles.*description.*non-empty",
    ),
    "sizes the wrong way round": (
        lambda raw: entry(raw, "gastles").update(min_size=50, max_size=5),
        r"gastles.*min_size.*max_size",
    ),
    "a need listed twice": (
        lambda raw: entry(raw, "gastles")["needs"].append(
            entry(raw, "gastles")["needs"][0]
        ),
        r"gastles.*needs.*twice",
    ),
    "unknown sector label": (
        lambda raw: raw["sector_labels"].update(ruimtevaart="Ruimtevaart"),
        r"sector_labels.*ruimtevaart",
    ),
    "not a mapping": (
        lambda raw: raw.clear() or raw.update(formats="geen lijst"),
        r"formats",
    ),
}


def test_the_unbroken_copy_loads(tmp_path: Path) -> None:
    """Guards the tests below: they must fail on the breakage, not the copy."""
    copy = load_catalogue(write(tmp_path, real_raw()))
    assert [f.id for f in copy.formats] == [f.id for f in load_catalogue().formats]


@pytest.mark.parametrize("breakage", BREAKAGES)
def test_malformed_catalogue_is_refused(tmp_path: Path, breakage: str) -> None:
    raw = real_raw()
    breaking, message = BREAKAGES[breakage]
    breaking(raw)
    with pytest.raises(ValueError, match=message):
        load_catalogue(write(tmp_path, raw))


def test_every_problem_is_named_on_its_own_line_with_file_entry_and_field(
    tmp_path: Path,
) -> None:
    raw = real_raw()
    entry(raw, "cyber_scan")["needs"].append("geluk")
    entry(raw, "stageplek")["asks"].pop("cost")
    with pytest.raises(ValueError) as refused:
        load_catalogue(write(tmp_path, raw))
    lines = str(refused.value).splitlines()
    assert len(lines) == 2, lines
    assert any(
        line.startswith("catalogue.yml format #")
        and "'cyber_scan': needs" in line
        and "'geluk'" in line
        for line in lines
    ), lines
    assert any("'stageplek': asks" in line and "'cost'" in line for line in lines), (
        lines
    )


def test_invalid_yaml_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "catalogue.yml"
    path.write_text("formats: [\n  - id: kapot\n", encoding="utf-8")
    with pytest.raises(ValueError, match="YAML"):
        load_catalogue(path)


# --- options chosen by what the question is about --------------------------

# (need, what was said, the topic word, formats that fit, formats that must
#  not appear). At least two of the top three must fit.
QUESTIONS = [
    ("talent", "ik vind geen monteurs voor mijn installatiebedrijf", "monteurs",
     {"bbl_leerbaan", "instroom_loket", "stageplek"}, {"cyber_scan", "fieldlab"}),
    ("talent", "we willen graag een stagiair voor de zomer in de keuken", "stagiair",
     {"stageplek", "bbl_leerbaan", "bijbanen_loket"}, {"cyber_scan"}),
    ("talent", "ICT-studenten die een paar uur per week bij ons bijbaan willen", "ICT-studenten",
     {"bijbanen_loket", "stageplek", "instroom_loket"}, {"cyber_scan"}),
    ("innovatie", "we willen iets met die oude broodresten, duurzamer bakken",
     "broodresten", {"student_challenge", "lectoraat_onderzoek", "praktijkproject_kort"},
     {"cyber_scan", "fieldlab"}),
    ("innovatie", "onze webshop is gehakt en nu zijn we bang voor phishing", "webshop",
     {"cyber_scan", "praktijkproject_kort"}, {"fieldlab"}),
    # trying it out first: a short practice project's "klein prototype" too
    ("innovatie", "we willen lassen met een robot maar eerst uitproberen", "robot",
     {"fieldlab", "lectoraat_onderzoek", "student_challenge", "praktijkproject_kort"},
     {"cyber_scan"}),
    ("innovatie", "onze webshop moet beter en we willen meer klanten via social media",
     "webshop", {"praktijkproject_kort", "student_challenge"}, {"cyber_scan", "fieldlab"}),
    ("kennis_netwerk", "ik wil op de hoogte blijven van ontwikkelingen in de logistiek",
     "logistiek", {"learning_community", "kennisbijeenkomst"}, {"cyber_scan"}),
    ("kennis_netwerk", "andere ondernemers ontmoeten over zonne-energie", "zonne-energie",
     {"kennisbijeenkomst", "learning_community", "lectoraat_onderzoek"}, {"cyber_scan"}),
    ("leven_lang_ontwikkelen", "mijn medewerkers moeten leren werken met de nieuwe "
     "boekhoudsoftware", "boekhoudsoftware", {"maatwerk_scholing", "sectoropleiding_platform",
     "evc_traject"}, {"cyber_scan", "fieldlab"}),
    ("leven_lang_ontwikkelen", "ervaren vakmensen zonder diploma, kunnen die een papiertje "
     "halen", "diploma", {"evc_traject", "maatwerk_scholing", "bbl_leerbaan"}, {"cyber_scan"}),
    ("onderwijs_invloed", "schoolverlaters van de kappersopleiding kunnen niet knippen",
     "schoolverlaters", {"werkveldraad", "gastles", "hybride_docent", "programmapartner",
     "praktijkopdracht_klas"}, {"cyber_scan", "fieldlab"}),
    ("onderwijs_invloed", "ik wil wel eens een gastles geven over het timmervak", "gastles",
     {"gastles", "hybride_docent", "werkveldraad"}, {"cyber_scan"}),
    ("loket", "ik weet niet waar ik moet beginnen met al die scholen en regelingen",
     "scholen", {"loket_doorverwijzing", "vaste_contactpersoon", "instroom_loket"},
     {"cyber_scan", "fieldlab"}),
]  # fmt: skip


@pytest.mark.parametrize(
    "need, said, topic, fits, misfits", QUESTIONS, ids=[q[1][:30] for q in QUESTIONS]
)
def test_realistic_questions_get_options_that_fit_their_topic(
    catalogue: Catalogue, need: str, said: str, topic: str, fits: set, misfits: set
) -> None:
    options = rank_formats(catalogue, IntakeProfile(need, said=said))
    chosen = ids(options)
    assert len(set(chosen)) == 3
    assert len(fits & set(chosen)) >= 2, chosen
    assert not misfits & set(chosen), chosen
    # no goal or problem known: the reasons say what each format gives
    assert len({option.reason for option in options}) == 3


@pytest.mark.parametrize("need", NEED_CODES)
@pytest.mark.parametrize(
    "said",
    ["we zoeken een kok", "minder energie verbruiken in de bakkerij",
     "mijn personeel moet beter leren plannen", "ik weet niet waar ik moet beginnen",
     "de opleiding tot verzorgende sluit niet aan"],
)  # fmt: skip
def test_the_cyber_scan_never_appears_for_questions_outside_it_security(
    catalogue: Catalogue, need: str, said: str
) -> None:
    assert "cyber_scan" not in ids(
        rank_formats(catalogue, IntakeProfile(need, said=said))
    )


def test_a_typo_in_a_topic_keyword_still_unlocks_the_bound_format(
    catalogue: Catalogue,
) -> None:
    assert ids(
        rank_formats(catalogue, IntakeProfile("innovatie", said="we zijn gehakt"))
    )[0] == ("cyber_scan")
    assert "cyber_scan" not in ids(
        rank_formats(catalogue, IntakeProfile("innovatie", said="we bakken taart"))
    )


def test_reasons_never_name_a_topic_word_on_their_own(catalogue: Catalogue) -> None:
    profile = IntakeProfile("innovatie", said="iets met restbrood", topic="horen")
    for option in rank_formats(catalogue, profile):
        assert "horen" not in option.reason
        assert option.format.gives in option.reason


@pytest.mark.parametrize(
    "need, who, said, struck_id",
    [("leven_lang_ontwikkelen", "jullie monteurs", "omscholen naar warmtepompen",
      "bbl_leerbaan"),
     ("leven_lang_ontwikkelen", "jullie schoonmakers", "beter Nederlands leren lezen",
      "evc_traject"),
     ("talent", "monteurs", "ervaren monteurs voor cv-ketels", "bijbanen_loket"),
     ("innovatie", "", "onze metingen in het lab kloppen niet", "programmapartner"),
     ("kennis_netwerk", "", "meer weten over ai", "instroom_loket"),
     # a trade word is the topic, not the format: it does not lift the strike
     ("leven_lang_ontwikkelen", "twee ervaren lassers", "lassers leren een lasrobot "
      "programmeren", "bbl_leerbaan"),
     ("talent", "studenten", "in de zomer loopt het team op z'n tandvlees", "bbl_leerbaan"),
     ("kennis_netwerk", "", "ik wil bijblijven over duurzaam energie besparen in de recreatie",
      "lectoraat_onderzoek"),
     ("loket", "", "ik wil iets met duurzaamheid maar weet niet bij wie ik moet zijn",
      "bijbanen_loket"),
     # weekend staff: no apprenticeship of years
     ("talent", "mensen", "acht nieuwe mensen voor het weekend", "bbl_leerbaan")],
)  # fmt: skip
def test_a_coordinator_would_strike_these_so_they_are_never_proposed(
    catalogue: Catalogue, need: str, who: str, said: str, struck_id: str
) -> None:
    frame = Frame(who=who, problem=said)
    profile = IntakeProfile(need, said=said, situations=situations(frame, need))
    assert struck_id not in [o.format.id for o in rank_formats(catalogue, profile)]


def test_an_innovation_due_soon_is_told_which_format_answers_later(
    catalogue: Catalogue,
) -> None:
    said = "ons gasverbruik moet omlaag zonder glazuurfouten"
    soon = IntakeProfile("innovatie", said=said, urgency="hoog")
    later = IntakeProfile("innovatie", said=said, urgency="normaal")
    slow = {"student_challenge", "lectoraat_onderzoek", "programmapartner"}
    for option in rank_formats(catalogue, soon, 30):
        if option.format.id in slow:
            assert "later dan je wilt" in option.reason
    assert all("later dan" not in o.reason for o in rank_formats(catalogue, later, 30))


def test_someone_with_an_afternoon_gets_no_format_of_half_a_day_a_week(
    catalogue: Catalogue,
) -> None:
    said = "welke wachtwoorden zwak zijn en wat personeel niet moet aanklikken"
    profile = IntakeProfile("innovatie", said=said, own_time="weinig")
    assert all(o.format.hours_per_week < 4 for o in rank_formats(catalogue, profile))
    named = IntakeProfile("innovatie", said=f"onderzoek: {said}", own_time="weinig")
    assert "lectoraat_onderzoek" in {
        o.format.id for o in rank_formats(catalogue, named)
    }


def test_training_due_soon_puts_a_year_long_programme_after_the_quick_course(
    catalogue: Catalogue,
) -> None:
    said = "onze analisten moeten snel leren werken met het nieuwe apparaat"
    profile = IntakeProfile("leven_lang_ontwikkelen", said=said, urgency="hoog")
    options = rank_formats(catalogue, profile, 30)
    order = [o.format.id for o in options]
    assert order.index("maatwerk_scholing") < order.index("learning_community")
    community = options[order.index("learning_community")]
    assert "later dan je wilt" in community.reason


def test_a_weekend_job_is_offered_no_study_placement(catalogue: Catalogue) -> None:
    said = "studenten voor in het weekend vinden"
    need = "talent"
    profile = IntakeProfile(
        need, said=said, situations=situations(Frame(goal=said), need, said)
    )
    ids = [o.format.id for o in rank_formats(catalogue, profile)]
    assert "bijbanen_loket" in ids
    projects = {"stageplek", "afstudeeropdracht", "praktijkproject_kort"}
    assert not projects & set(ids)


def test_the_formats_own_words_lift_the_strike(catalogue: Catalogue) -> None:
    frame = Frame(who="jullie helpenden")
    need = "leven_lang_ontwikkelen"
    profile = IntakeProfile(need, said="met hun ervaring een mbo-diploma halen",
                            situations=situations(frame, need))  # fmt: skip
    assert "evc_traject" in [o.format.id for o in rank_formats(catalogue, profile)]


def test_the_goal_leads_the_first_reason_and_the_problem_is_not_said_twice(
    catalogue: Catalogue,
) -> None:
    profile = IntakeProfile("innovatie", said="duurzamer: minder energie verbruiken",
                            goal="minder energie verbruiken",
                            problem="is de energierekening verdubbeld")  # fmt: skip
    first, second, third = rank_formats(catalogue, profile)
    assert first.reason == f"Je wilt minder energie verbruiken. {first.format.gives}"
    assert second.reason.startswith(second.format.gives)
    assert third.reason.startswith(third.format.gives)


@pytest.mark.parametrize("goal", ["dat het beter wordt", "meer eruit halen",
                                  "dat het sneller gaat"])  # fmt: skip
def test_a_goal_that_names_nothing_is_said_back_before_no_format(
    catalogue: Catalogue, goal: str
) -> None:
    # held-out 41st review: "Je wilt dat het beter wordt. Een stagiair werkt
    # een paar maanden mee ..." ties a recruitment format to nothing
    profile = IntakeProfile("innovatie", said=f"de bloemen gaan snel dood, {goal}",
                            goal=goal, problem="gaan de bloemen snel dood")  # fmt: skip
    assert not [o for o in rank_formats(catalogue, profile) if "Je wilt" in o.reason]


def test_the_goal_is_said_back_at_the_option_that_fits_it_best(
    catalogue: Catalogue,
) -> None:
    said = (
        "ik krijg mails van vijf scholen over stages en gastlessen, ik wil één "
        "aanspreekpunt dat de aanvragen bundelt"
    )
    profile = IntakeProfile("onderwijs_invloed", said=said,
                            goal="één aanspreekpunt dat de aanvragen bundelt")  # fmt: skip
    [with_goal] = [o for o in rank_formats(catalogue, profile) if "Je wilt" in o.reason]
    assert with_goal.format.id == "vaste_contactpersoon"


def test_no_words_keeps_the_ranking_by_need_and_constraints(
    catalogue: Catalogue,
) -> None:
    with_nothing = rank_formats(catalogue, IntakeProfile("talent", sector="bouw"))
    assert with_nothing[0].format.id == "bbl_leerbaan"
    assert not any(o.fits_topic for o in with_nothing)


def test_topic_bound_formats_need_their_topic_keywords(tmp_path: Path) -> None:
    raw = real_raw()
    entry(raw, "cyber_scan").pop("topic_keywords")
    with pytest.raises(ValueError, match=r"cyber_scan.*topic_keywords"):
        load_catalogue(write(tmp_path, raw))
    raw = real_raw()
    entry(raw, "gastles")["topic_keywords"] = ["les"]
    with pytest.raises(ValueError, match=r"gastles.*topic_bound"):
        load_catalogue(write(tmp_path, raw))
    raw = real_raw()
    entry(raw, "cyber_scan")["topic_bound"] = "ja"
    with pytest.raises(ValueError, match=r"cyber_scan.*topic_bound"):
        load_catalogue(write(tmp_path, raw))


@pytest.mark.parametrize(
    "topic, said",
    [("de opleiding meer", None), ("je sloepen lichter", None),
     ("het programeren van je leren", None), ("school moet", None), ("Lassers", "lassers"),
     ("Zwolle", "Zwolle"), ("blockchain", "blockchain")],
)  # fmt: skip
def test_a_topic_is_named_only_as_a_whole_noun_phrase(topic, said):
    from bot.intake.nouns import speakable

    assert speakable(topic) == said


def test_a_broad_format_of_another_need_gives_way_to_the_coordinators_route(
    catalogue: Catalogue,
) -> None:
    """Retraining leidinggevenden: the hybrid teacher (a format for education
    first) says less than a coordinator looking along; the loket takes its place."""
    said = "mijn teamleiders zijn nooit opgeleid om leiding te geven"
    profile = IntakeProfile(
        need_category="leven_lang_ontwikkelen",
        said=said,
        problem=said,
        situations=situations(Frame(problem=said), "leven_lang_ontwikkelen"),
    )
    longer = ids(rank_formats(catalogue, profile, limit=4))
    assert "hybride_docent" in longer[:4] or "learning_community" in longer[:4]
    chosen = ids(rank_formats(catalogue, profile))
    assert chosen[0] == "maatwerk_scholing"
    assert chosen[-1] == "loket_doorverwijzing"
    # years of work with a whole branch, for leaders who were never trained
    assert "sectoropleiding_platform" not in chosen


def test_a_fraud_by_a_false_invoice_is_the_cyber_scans_topic(
    catalogue: Catalogue,
) -> None:
    said = "we hebben 14.000 euro overgemaakt op een nepfactuur, hoe voorkom ik dat"
    assert "cyber_scan" in top_three(catalogue, need_category="innovatie", said=said)


def test_a_goal_is_not_said_back_before_a_format_that_does_not_fit_it(
    catalogue: Catalogue,
) -> None:
    profile = IntakeProfile("talent", said="zes mensen voor de bediening",
                            goal="een vaste groep studenten")  # fmt: skip
    for option in rank_formats(catalogue, profile):
        assert option.fits_topic or "vaste groep" not in option.reason


def test_no_fact_is_named_twice_in_one_set_of_options(catalogue: Catalogue) -> None:
    profile = IntakeProfile("loket", own_time="weinig", urgency="hoog")
    reasons = [o.reason for o in rank_formats(catalogue, profile)]
    facts = [r for r in reasons if "tijd die je ervoor hebt" in r]
    assert len(facts) <= 1, reasons


def test_a_keyword_of_two_words_is_found_when_typed_apart(catalogue: Catalogue) -> None:
    said = "onze boekhouding heeft een nep factuur betaald"
    assert ids(rank_formats(catalogue, IntakeProfile("innovatie", said=said)))[0] == (
        "cyber_scan"
    )


def test_the_sector_s_own_training_comes_after_what_serves_retraining_mbo_staff(
    catalogue: Catalogue,
) -> None:
    """Bbl and EVC are struck for staff already there, and the learning
    community is for hbo: the topic-bound training with the sector, made for
    retraining, then comes last rather than a format of another need."""
    said = "onze monteurs kunnen niks met warmtepompen"
    need = "leven_lang_ontwikkelen"
    profile = IntakeProfile(need, said=said, education_level="mbo",
                            situations=situations(Frame(problem=said), need))  # fmt: skip
    assert ids(rank_formats(catalogue, profile)) == [
        "maatwerk_scholing", "loket_doorverwijzing", "sectoropleiding_platform"
    ]  # fmt: skip
    innovatie = IntakeProfile("innovatie", said="we willen minder gas gebruiken")
    assert "cyber_scan" not in ids(rank_formats(catalogue, innovatie))


def test_where_nothing_fits_the_words_a_needs_own_format_says_the_goal(
    catalogue: Catalogue,
) -> None:
    profile = IntakeProfile("innovatie", goal="klanten goed adviseren",
                            said="onze verpakkingen voldoen straks niet meer aan de regels",
                            problem="voldoen jullie verpakkingen straks niet meer aan de regels")  # fmt: skip
    options = rank_formats(catalogue, profile)
    assert not any(o.fits_topic for o in options)
    reasons = [o.reason for o in options]
    assert sum(r.startswith("Je wilt klanten goed adviseren. ") for r in reasons) == 1
    assert not any(r.startswith("Het helpt") for r in reasons)


@pytest.mark.parametrize(
    "said, refused",
    [("ik wil geen onderzoek laten doen, ik wil kijken", "lectoraat_onderzoek"),
     ("het gaat niet om stagiairs maar om vaste mensen", "stageplek"),
     ("nee, geen bbl", "bbl_leerbaan")],
)  # fmt: skip
def test_a_format_the_entrepreneur_refuses_by_name_is_struck(
    catalogue: Catalogue, said: str, refused: str
) -> None:
    assert ruled_out(catalogue.get(refused), said)
    assert refused not in full_order(catalogue, IntakeProfile("innovatie", said=said))


@pytest.mark.parametrize(
    "said", ["we hebben nog geen stagiairs gehad", "ik wil onderzoek naar de oven",
             "er is geen opleiding voor en we willen onderzoek"],
)  # fmt: skip
def test_a_format_named_without_refusing_it_stays(catalogue: Catalogue, said: str) -> None:
    assert not any(ruled_out(f, said) for f in catalogue.formats)


@pytest.mark.parametrize(
    "who, people",
    [("monteurs", "monteurs"), ("je kapsters", "kapsters"), ("onze 2 monteurs", "monteurs"),
     # too general, not one noun, or no Dutch word: the catalogue's words
     ("mensen", ""), ("jonge knul", ""), ("studenten", ""), ("monteurz", ""),
     # a thing or another party, not whose work it is
     ("cilinders", ""), ("verzekeraars", ""), ("lassers", "lassers")],
)  # fmt: skip
def test_the_people_a_reason_names_are_one_known_plural(who, people):
    assert catalogue_module.people_named(who) == people


def test_a_reason_names_the_people_of_the_question_where_the_format_serves_its_need():
    catalogue = load_catalogue()
    talent = IntakeProfile(need_category="talent", who="monteurs")
    reasons = {o.format.id: o.reason for o in rank_formats(catalogue, talent, limit=6)}
    assert "zo leer je een monteur in opleiding kennen" in reasons["stageplek"]
    retraining = IntakeProfile(need_category="leven_lang_ontwikkelen", who="je kapsters")
    reasons = {o.format.id: o.reason for o in rank_formats(catalogue, retraining)}
    assert "Je kapsters leren precies wat ze nu missen" in reasons["maatwerk_scholing"]
    # a format for shaping the course names the trade under any need it
    # serves: a truck driving school asking what hauliers will want
    network = IntakeProfile(need_category="kennis_netwerk", who="chauffeurs")
    assert catalogue_module._gives(catalogue.get("werkveldraad"), network) == (
        "Je praat een paar keer per jaar mee over wat toekomstige chauffeurs moeten "
        "leren, zonder dat het veel tijd kost."
    )
    # the people sought are not the staff a course is for
    bbl = catalogue.get("bbl_leerbaan")
    assert "een monteur" not in catalogue_module._gives(
        bbl, IntakeProfile(need_category="leven_lang_ontwikkelen", who="monteurs")
    )


def test_own_staff_on_the_way_to_a_diploma_keep_the_evc_route(
    catalogue: Catalogue,
) -> None:
    """EVC is struck for retraining one's own staff, not for staff who want to
    learn on to a higher level: that is what it is for."""
    need = "leven_lang_ontwikkelen"
    retraining = Frame(problem="je monteurs snappen de nieuwe persen niet")
    on_to_a_level = Frame(goal="dat de goede mensen kunnen doorleren tot niveau 4")
    assert "own_staff" in situations(retraining, need)
    assert "own_staff" not in situations(on_to_a_level, need)
    profile = IntakeProfile(
        need_category=need,
        said=on_to_a_level.goal,
        goal=on_to_a_level.goal,
        situations=situations(on_to_a_level, need),
    )
    assert "evc_traject" in ids(rank_formats(catalogue, profile))


@pytest.mark.parametrize("hours, said", [(1.0, True), (2.0, False)])
def test_only_the_lightest_format_is_said_to_ask_little_time(
    catalogue: Catalogue, hours: float, said: bool
) -> None:
    # "maar 2 uur per week" was said to someone who offered an afternoon a month
    light = base_format(hours_per_week=hours)
    single = dataclasses.replace(catalogue, formats=(light,))
    [option] = rank_formats(single, IntakeProfile("talent", own_time="weinig"))
    assert ("tijd die je ervoor hebt" in option.reason) is said


def test_a_goal_of_their_own_is_said_back_as_what_they_want_to_do(
    catalogue: Catalogue,
) -> None:
    # "Je wilt dat je weet welke techniek werkt" (held-out 31st review: odd Dutch)
    goal = "dat je weet welke techniek werkt voor jullie kleding"
    profile = IntakeProfile("innovatie", said=f"ik wil weten welke techniek werkt, {goal}",
                            goal=goal)  # fmt: skip
    reasons = [o.reason for o in rank_formats(catalogue, profile)]
    assert any(r.startswith("Je wilt weten welke techniek werkt") for r in reasons)
    assert not any("Je wilt dat je" in r for r in reasons)


@pytest.mark.parametrize(
    "said",
    ["twee bruiden kregen een nepmail met een betaalverzoek uit onze naam",
     "het wachtwoord van ons boekingssysteem is misbruikt",
     # held-out 33rd: fraud by invoice is a break-in too
     "een klant trapte in een valse factuur uit onze naam, 3400 euro weg",
     # held-out 34th (after its run): a payment request sent in their name
     "cursisten kregen een mail van ons adres met een betaalverzoek, was niet van ons"],
)  # fmt: skip
def test_a_break_in_strikes_a_student_teams_year_of_study(
    catalogue: Catalogue, said: str
) -> None:
    situation = situations(Frame(problem=said), "innovatie")
    assert "security_incident" in situation
    profile = IntakeProfile("innovatie", said=said, problem=said, situations=situation)
    chosen = ids(rank_formats(catalogue, profile, limit=6))
    assert "student_challenge" not in chosen
    assert "cyber_scan" in chosen[:3]


def test_a_leaking_roof_is_no_break_in() -> None:
    said = "het dak lekt en de beveiligingscamera doet het niet, een valse start"
    assert "security_incident" not in situations(Frame(problem=said), "innovatie")


def test_the_answers_whole_say_a_skilled_vacancy_the_frame_cut_off() -> None:
    frame = Frame(goal="vaste jonge mensen aan boord", who="jonge jongens")
    answers = "die het ambacht leren. dat ze een papiertje halen en bij ons blijven"
    assert "skilled_vacancy" in situations(frame, "talent", "", answers)
    assert "skilled_vacancy" not in situations(Frame(goal="studenten"), "talent")


def test_what_coordinators_usually_propose_fills_the_places_the_words_leave(
    catalogue: Catalogue,
) -> None:
    # held-out 33rd: pellets that crumble, no format named by the words
    said = ("is er subsidie voor een nieuwe pelletpers? sinds we snoeihout erbij "
            "doen breken de pellets, weer harde pellets")  # fmt: skip
    chosen = top_three(catalogue, need_category="innovatie", said=said, sector="energie")
    assert "praktijkproject_kort" in chosen
    # a format the words name keeps its place: "gehackt", "aanspreekpunt"
    hacked = top_three(catalogue, need_category="innovatie",
                       said="onze webshop is gehackt, hoe voorkomen we dat")  # fmt: skip
    assert hacked[0] == "cyber_scan"


def test_one_person_is_written_out_in_the_reason(catalogue: Catalogue) -> None:
    said = "1 persoon die het voor me op een rij zet en de contacten regelt"
    profile = IntakeProfile("loket", said=said, goal="1 persoon die het voor je op een rij zet")  # fmt: skip
    [with_goal] = [o for o in rank_formats(catalogue, profile) if "Je wilt" in o.reason]
    assert "Je wilt één persoon die het voor je op een rij zet." in with_goal.reason
    assert writing.one_in_words("dat er 1 of 2 bij zijn") == "dat er 1 of 2 bij zijn"
