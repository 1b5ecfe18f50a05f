"""The inbox's queries and the dashboard's figures on a real SQLite store."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from bot.review.dashboard import figures
from bot.review.dates import day_after, day_start
from bot.review.sample import slot_event, user_event
from bot.review.workflow import add_tag
from bot.store.repository import RequestFilter
from tests.review.conftest import add_request, add_transcript, make_user


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=timezone.utc)


@pytest.fixture
def seeded(store):
    rows = [
        ("a", "web", "talent", "nieuw", False, "Garage Méndez", utc(2026, 11, 2, 9)),
        ("b", "telegram", "talent", "in behandeling", True, "Bakkerij 100% vers",
         utc(2026, 11, 9, 22, 30)),  # 23:30 in Amsterdam, still 9 November
        ("c", "web", "innovatie", "nieuw", True, "TechnoLas", utc(2026, 11, 9, 23, 30)),
        ("d", "rest", "loket", "afgerond", False, "Hoveniers_Groen",
         utc(2026, 11, 20, 12)),
    ]  # fmt: skip
    for conversation, channel, need, status, handoff, company, created in rows:
        add_request(
            store, conversation, channel=channel, need_category=need, status=status,
            handoff_requested=handoff, company=company,
        )  # fmt: skip
        with_created(store, conversation, created)
    return store


def with_created(database_url, conversation_id, created):
    from bot.store.session import UnitOfWork, session_factory

    with UnitOfWork(session_factory(database_url)) as uow:
        uow.requests.get_by_conversation(conversation_id).created_at = created
        uow.commit()


def ids(uow, filters, **page):
    return [r.conversation_id for r in uow.requests.search(filters, **page)]


def test_search_is_newest_first_and_pages(seeded, uow_of):
    with uow_of() as uow:
        assert ids(uow, RequestFilter()) == ["d", "c", "b", "a"]
        assert ids(uow, RequestFilter(), offset=1, limit=2) == ["c", "b"]
        assert uow.requests.count(RequestFilter()) == 4


@pytest.mark.parametrize("filters, expected", [
    (RequestFilter(status="nieuw"), ["c", "a"]),
    (RequestFilter(need_category="talent"), ["b", "a"]),
    (RequestFilter(channel="web"), ["c", "a"]),
    (RequestFilter(handoff=True), ["c", "b"]),
    (RequestFilter(handoff=False), ["d", "a"]),
    (RequestFilter(text="méndez"), ["a"]),  # case-insensitive in the company
    (RequestFilter(text="GARAGE MÉNDEZ"), ["a"]),  # beyond ASCII too
    (RequestFilter(text="MONTEURS"), ["d", "c", "b", "a"]),  # and in the question
    (RequestFilter(text="100%"), ["b"]),  # LIKE wildcards are plain text
    (RequestFilter(text="a_e"), []),  # would match "Garage" as a wildcard
    (RequestFilter(text="hoveniers_groen"), ["d"]),
    (RequestFilter(status="nieuw", channel="web", need_category="innovatie"), ["c"]),
])  # fmt: skip
def test_search_filters(seeded, uow_of, filters, expected):
    with uow_of() as uow:
        assert ids(uow, filters) == expected
        assert uow.requests.count(filters) == len(expected)


def test_date_range_is_in_dutch_local_days(seeded, uow_of):
    # 9 November local: b (23:30 local), not c (00:30 local on the 10th).
    ninth = RequestFilter(since=day_start(date(2026, 11, 9)),
                          until=day_after(date(2026, 11, 9)))  # fmt: skip
    with uow_of() as uow:
        assert ids(uow, ninth) == ["b"]
        assert ids(uow, RequestFilter(since=day_start(date(2026, 11, 10)))) == [
            "d",
            "c",
        ]


def test_counts_by_status_ignore_the_status_filter_only(seeded, uow_of):
    with uow_of() as uow:
        assert uow.requests.counts_by_status(RequestFilter(status="nieuw")) == {
            "nieuw": 2, "in behandeling": 1, "afgerond": 1}  # fmt: skip
        assert uow.requests.counts_by_status(RequestFilter(channel="web")) == {
            "nieuw": 2}  # fmt: skip


def test_filter_on_tag(seeded, uow_of):
    user = make_user(seeded, "anna")
    with uow_of() as uow:
        add_tag(uow.requests, uow.requests.get_by_conversation("c"), "Urgent", user)
        uow.commit()
    with uow_of() as uow:
        assert ids(uow, RequestFilter(tag="urgent")) == ["c"]
        assert uow.requests.tags_in_use() == ["urgent"]


def test_dashboard_figures(store, uow_of):
    now = utc(2026, 11, 25, 12)
    add_request(store, "done", need_category="talent", chosen_option="bbl_leerbaan",
                consent_at=utc(2026, 11, 24), contact_email="piet@bakker.example")  # fmt: skip
    with_created(store, "done", utc(2026, 11, 24, 10))
    add_request(store, "old", channel="telegram", need_category="loket",
                refined_question=None)  # fmt: skip
    with_created(store, "old", utc(2026, 11, 10, 10))
    add_transcript(store, "done")  # a fallback turn among 5 user turns
    with uow_of() as uow:
        # A conversation that stopped after the need: only in the events.
        uow.transcripts.add_events("stopped", [
            user_event("ik zoek stagiairs", "need_talent", 0.9, 1.0),
            slot_event("need_category", "talent", 2.0),
            user_event("???", "nlu_fallback", 0.45, 3.0),
        ])  # fmt: skip
        uow.commit()

    with uow_of() as uow:
        f = figures(uow, now=now)
    assert [(b.label, b.value) for b in f["funnel"]] == [
        ("Gesprek gestart", 3), ("Behoefte begrepen", 3), ("Vraag bevestigd", 1),
        ("Optie gekozen", 1), ("Contactgegevens achtergelaten", 1)]  # fmt: skip
    assert f["funnel"][2].note == "33%"
    assert (f["fallback_turns"], f["user_turns"]) == (2, 7)
    weeks = [(b.label, b.value) for b in f["weeks"]]
    assert len(weeks) == 12 and weeks[-1] == ("wk 48", 1) and weeks[-3] == ("wk 46", 1)
    assert sum(value for _, value in weeks) == 2
    assert {(b.label, b.value) for b in f["categories"]} == {
        ("talent", 1),
        ("loket", 1),
    }
    assert {(b.label, b.value) for b in f["channels"]} == {("web", 1), ("telegram", 1)}
    assert max(b.share for b in f["channels"]) == 1.0
