"""The review pages' services on an in-memory unit of work: what they commit,
roll back and compute, without a database or Flask."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any, List, Tuple

from bot.review import services, workflow
from bot.store.models import RefinedRequest, User
from bot.store.repository import RequestFilter


class FakeRequests:
    def __init__(self, total: int) -> None:
        self.total = total
        self.searched: List[Tuple[int, Any]] = []

    def count(self, filters: RequestFilter) -> int:
        return self.total

    def search(self, filters: RequestFilter, offset: int = 0, limit: Any = None):
        self.searched.append((offset, limit))
        return []

    def counts_by_status(self, filters: RequestFilter):
        return {"nieuw": self.total}

    def tags_in_use(self):
        return ["urgent"]


class FakeUnitOfWork:
    def __init__(self, total: int = 0, users: Any = None) -> None:
        self.requests = FakeRequests(total)
        self.users = SimpleNamespace(get=lambda user_id: (users or {}).get(user_id))
        self.commits = 0
        self.rollbacks = 0

    def commit(self) -> None:
        self.commits += 1

    def rollback(self) -> None:
        self.rollbacks += 1


def test_the_inbox_page_stays_within_the_pages_there_are():
    uow = FakeUnitOfWork(total=60)
    assert services.inbox_page(uow, RequestFilter(), 99).page == 3
    assert services.inbox_page(uow, RequestFilter(), -4).page == 1
    assert uow.requests.searched == [(50, 25), (0, 25)]
    empty = services.inbox_page(FakeUnitOfWork(), RequestFilter(), 2)
    assert (empty.page, empty.pages, empty.total) == (1, 1, 0)


def test_a_refused_step_rolls_back_and_says_why_an_allowed_one_commits():
    uow = FakeUnitOfWork()
    request = RefinedRequest(status="afgerond")
    user = User(username="anna")
    error = services.change_request(uow, request, workflow.change_status, "nieuw", user)
    assert error == "Van status 'afgerond' kan een verzoek niet naar 'nieuw'."
    assert (uow.commits, uow.rollbacks, request.status) == (0, 1, "afgerond")

    def step(requests: Any, found: RefinedRequest, value: Any, by: User) -> None:
        found.status = value

    assert services.change_request(uow, request, step, "in behandeling", user) is None
    assert (uow.commits, request.status) == (1, "in behandeling")


def test_logging_out_with_a_stale_cookie_ends_no_session():
    anna = User(id=7, username="anna", session_epoch=2)
    uow = FakeUnitOfWork(users={7: anna})
    services.log_out(uow, 7, 1)
    services.log_out(uow, "7", 2)
    assert (anna.session_epoch, uow.commits) == (2, 0)
    services.log_out(uow, 7, 2)
    assert (anna.session_epoch, uow.commits) == (3, 1)


def test_a_new_password_that_differs_or_is_short_is_not_stored():
    uow = FakeUnitOfWork()
    anna = User(username="anna")
    assert services.new_password(uow, anna, "abcdefghijk", "abcdefghijx") == (
        "De twee nieuwe wachtwoorden verschillen."
    )
    assert services.new_password(uow, anna, "kort", "kort") == services.TOO_SHORT
    assert uow.commits == 0
