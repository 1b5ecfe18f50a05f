"""Coordinators' accounts: argon2 password hashes, created and disabled with
`python -m bot users add|disable`, checked at login."""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from bot.store.models import ROLES, User, utcnow
from bot.store.session import UnitOfWork

MIN_PASSWORD = 10
_hasher = PasswordHasher()


class AccountError(ValueError):
    pass


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    """Verified when the name is unknown, so a wrong name costs as long as a
    wrong password (no telling which accounts exist). Made on first use."""
    return _hasher.hash("vraagwijzer-no-such-user")


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"A password needs at least {MIN_PASSWORD} characters.")
    return _hasher.hash(password)


def add_user(uow: UnitOfWork, username: str, password: str, role: str) -> User:
    username = username.strip()
    if not username or len(username) > 80:
        raise AccountError("A user name has 1 to 80 characters.")
    if role not in ROLES:
        raise AccountError(f"The role is one of: {', '.join(ROLES)}.")
    if uow.users.get_by_username(username) is not None:
        raise AccountError(f"User {username!r} exists already.")
    return uow.users.add(username, hash_password(password), role)


def set_active(uow: UnitOfWork, username: str, active: bool) -> User:
    user = uow.users.get_by_username(username)
    if user is None:
        raise AccountError(f"No user {username!r}.")
    user.active = active
    end_sessions(user)  # enabled again, it starts without its old sessions
    return user


def end_sessions(user: User) -> None:
    """Every session cookie of this account stops working (see User.session_epoch)."""
    user.session_epoch = (user.session_epoch or 0) + 1


def set_password(uow: UnitOfWork, username: str, password: str) -> User:
    """A new password; every session of the account ends with the old one."""
    user = uow.users.get_by_username(username)
    if user is None:
        raise AccountError(f"No user {username!r}.")
    user.password_hash = hash_password(password)
    end_sessions(user)
    return user


def password_matches(user: User, password: str) -> bool:
    try:
        return _hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def authenticate(uow: UnitOfWork, username: str, password: str) -> Optional[User]:
    """The active user with this name and password, else None."""
    user = uow.users.get_by_username(username.strip())
    try:
        _hasher.verify(user.password_hash if user else _dummy_hash(), password)
    except (VerificationError, InvalidHashError):
        return None
    if user is None or not user.active:
        return None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    user.last_login_at = utcnow()
    return user
