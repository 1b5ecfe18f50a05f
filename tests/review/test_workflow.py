"""Working a request: the status workflow, assignment, notes, tags, accounts."""

from __future__ import annotations

import pytest

from bot.review import workflow
from bot.review.accounts import AccountError, add_user, authenticate, set_active
from bot.review.workflow import WorkflowError
from tests.review.conftest import PASSWORD, add_request, make_user


@pytest.fixture
def case(store, uow_of):
    add_request(store, "conv-1")
    return make_user(store, "anna"), make_user(store, "bram")


def history(uow, request):
    return [(a.kind, a.old_value, a.new_value, a.user.username)
            for a in uow.requests.history(request.id)]  # fmt: skip


def test_the_whole_workflow_is_recorded_with_who_and_when(case, uow_of):
    anna, bram = case
    with uow_of() as uow:
        request = uow.requests.get_by_conversation("conv-1")
        assert request.status == "nieuw"
        for status, user in (("in behandeling", anna), ("gekoppeld", bram),
                             ("afgerond", anna)):  # fmt: skip
            workflow.change_status(uow.requests, request, status, user)
        uow.commit()
    with uow_of() as uow:
        request = uow.requests.get_by_conversation("conv-1")
        assert request.status == "afgerond"
        assert history(uow, request) == [
            ("status", "nieuw", "in behandeling", "anna"),
            ("status", "in behandeling", "gekoppeld", "bram"),
            ("status", "gekoppeld", "afgerond", "anna"),
        ]
        times = [a.at for a in uow.requests.history(request.id)]
        assert times == sorted(times) and times[0].tzinfo is not None
        assert request.updated_at == times[-1]


@pytest.mark.parametrize("start, refused", [
    ("nieuw", "gekoppeld"), ("nieuw", "afgerond"), ("nieuw", "nieuw"),
    ("afgerond", "afgewezen"), ("afgewezen", "gekoppeld"), ("nieuw", "zomaar"),
])  # fmt: skip
def test_skipping_steps_is_refused_and_not_recorded(case, uow_of, start, refused):
    anna, _ = case
    with uow_of() as uow:
        request = uow.requests.get_by_conversation("conv-1")
        request.status = start
        with pytest.raises(WorkflowError):
            workflow.change_status(uow.requests, request, refused, anna)
        assert request.status == start
        assert uow.requests.history(request.id) == []


def test_rejecting_and_reopening(case, uow_of):
    anna, _ = case
    with uow_of() as uow:
        request = uow.requests.get_by_conversation("conv-1")
        workflow.change_status(uow.requests, request, "afgewezen", anna)
        assert workflow.next_statuses(request.status) == ("in behandeling",)
        workflow.change_status(uow.requests, request, "in behandeling", anna)
        assert request.status == "in behandeling"


def test_a_status_from_before_the_workflow_counts_as_new():
    assert workflow.next_statuses("opgevolgd") == workflow.next_statuses("nieuw")


def test_assignment_notes_and_tags(case, uow_of):
    anna, bram = case
    with uow_of() as uow:
        request = uow.requests.get_by_conversation("conv-1")
        bram_here = uow.users.get(bram.id)
        workflow.assign(uow.requests, request, bram_here, anna)
        workflow.assign(uow.requests, request, bram_here, anna)  # no change, no entry
        note = "  Gebeld, <b>terugbellen</b> vrijdag "
        workflow.add_note(uow.requests, request, note, anna)
        workflow.add_tag(uow.requests, request, "  Urgent   Twente ", anna)
        workflow.add_tag(uow.requests, request, "urgent twente", bram)  # already there
        workflow.add_tag(uow.requests, request, "bbl", bram)
        workflow.remove_tag(uow.requests, request, "bbl", bram)
        workflow.assign(uow.requests, request, None, bram)
        uow.commit()
    with uow_of() as uow:
        request = uow.requests.get_by_conversation("conv-1")
        assert request.assignee is None
        assert [t.tag for t in request.tags] == ["urgent twente"]
        assert history(uow, request) == [
            ("assign", None, "bram", "anna"),
            ("note", None, "Gebeld, <b>terugbellen</b> vrijdag", "anna"),
            ("tag", None, "urgent twente", "anna"),
            ("tag", None, "bbl", "bram"),
            ("untag", "bbl", None, "bram"),
            ("assign", "bram", None, "bram"),
        ]


@pytest.mark.parametrize("change, text", [
    (workflow.add_note, ""), (workflow.add_note, "   "),
    (workflow.add_note, "x" * 5001), (workflow.add_tag, ""),
    (workflow.add_tag, "<script>"), (workflow.add_tag, "a" * 51),
    (workflow.add_tag, "-begint-met-streep"),
])  # fmt: skip
def test_empty_or_odd_notes_and_tags_are_refused(case, uow_of, change, text):
    anna, _ = case
    with uow_of() as uow:
        request = uow.requests.get_by_conversation("conv-1")
        with pytest.raises(WorkflowError):
            change(uow.requests, request, text, anna)
        assert uow.requests.history(request.id) == [] and request.tags == []


def test_a_disabled_coordinator_cannot_be_assigned(case, uow_of):
    anna, bram = case
    with uow_of() as uow:
        set_active(uow, "bram", False)
        request = uow.requests.get_by_conversation("conv-1")
        with pytest.raises(WorkflowError):
            workflow.assign(uow.requests, request, uow.users.get(bram.id), anna)


def test_passwords_are_argon2_hashes_and_checked(store, uow_of):
    make_user(store, "anna", role="admin")
    with uow_of() as uow:
        user = uow.users.get_by_username("anna")
        assert user.password_hash.startswith("$argon2id$")
        assert PASSWORD not in user.password_hash
        assert authenticate(uow, "anna", PASSWORD).role == "admin"
        assert user.last_login_at is not None
        assert authenticate(uow, "anna", PASSWORD + "x") is None
        assert authenticate(uow, "nobody", PASSWORD) is None
        set_active(uow, "anna", False)
        assert authenticate(uow, "anna", PASSWORD) is None


@pytest.mark.parametrize("name, password, role", [
    ("anna", PASSWORD, "coordinator"),  # exists
    ("piet", "kort", "coordinator"),
    ("piet", PASSWORD, "baas"),
    ("", PASSWORD, "coordinator"),
])  # fmt: skip
def test_accounts_that_are_refused(store, uow_of, name, password, role):
    make_user(store, "anna")
    with uow_of() as uow:
        with pytest.raises(AccountError):
            add_user(uow, name, password, role)
