"""What every page of the review app shares: the store and the login throttle
`create_app` hands over, the login guard that opens each page's unit of work,
and the one 404 for a request that is not there."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any, Callable, List, Optional

from flask import abort, current_app, g, redirect, request, session, url_for
from sqlalchemy.exc import SQLAlchemyError
from werkzeug.exceptions import HTTPException

from bot.review.throttle import LoginThrottle
from bot.store.models import RefinedRequest
from bot.store.session import SessionFactory, UnitOfWork

EXTENSION = "vraagwijzer_review"


@dataclass(frozen=True)
class Wiring:
    factory: SessionFactory
    throttle: LoginThrottle
    intents: List[str]  # a correction names one of these (domain.yml)


def wiring() -> Wiring:
    return current_app.extensions[EXTENSION]


def unit_of_work() -> UnitOfWork:
    return UnitOfWork(wiring().factory)


def login_required(role: Optional[str] = None) -> Callable:
    """Only for the logged-in user (of `role`): the view runs with `g.user` and
    `g.uow`, a unit of work open until the page is rendered."""

    def decorate(view: Callable) -> Callable:
        @functools.wraps(view)
        def guarded(*args: Any, **kwargs: Any) -> Any:
            with unit_of_work() as uow:
                user_id = session.get("user_id")
                user = uow.users.get(user_id) if user_id else None
                if (
                    user is None
                    or not user.active
                    or session.get("epoch") != user.session_epoch
                ):
                    session.clear()
                    return redirect(
                        url_for("auth.login", next=request.full_path.rstrip("?"))
                    )
                if role and user.role != role:
                    abort(403)
                g.uow, g.user = uow, user
                try:
                    return view(*args, **kwargs)
                except HTTPException as error:
                    # The error page, while the session can still show who is
                    # logged in.
                    return current_app.handle_user_exception(error)

        return guarded

    return decorate


def with_session_user(render: Callable[[], Any]) -> Any:
    """`render()` with `g.user` set from a session that still counts, so an
    error page outside a guarded view (an unknown path, a 403) has the menu."""
    user_id = session.get("user_id")
    if g.get("user") is not None or not isinstance(user_id, int):
        return render()
    try:
        with unit_of_work() as uow:
            user = uow.users.get(user_id)
            if user and user.active and session.get("epoch") == user.session_epoch:
                g.user = user
            try:
                return render()
            finally:
                g.pop("user", None)
    except SQLAlchemyError:  # the error page must not fail with the store
        return render()


def request_or_404(request_id: int) -> RefinedRequest:
    # Unknown, erased or out of the database's range: the same Dutch 404.
    found = g.uow.requests.get(request_id)
    if found is None:
        abort(404)
    return found
