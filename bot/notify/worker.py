"""The mail worker: turns the store's outbox into mails (`python -m bot mail`).

Each round it queues the daily digests that are due, takes the waiting mails
whose time has come, writes them from what is stored now and sends them over
one SMTP connection. The store is never held while the mail server is talked
to: a mail is claimed and committed first, sent, then marked in a new
transaction. A failed send waits BACKOFF_S before the next try, up to
MAX_ATTEMPTS; then it counts as failed on the dashboard. A worker that dies
mid-send leaves its claim to expire, and the mail goes again (at least once).

A separate process, not a thread in the review app: the review app may run in
several processes or not at all, and a mail server that hangs must not hold a
web thread. Claims make two workers safe.
"""

from __future__ import annotations

import logging
import smtplib
import threading
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from email.message import EmailMessage
from typing import Any, Callable, Dict, List, Optional, Tuple

from sqlalchemy.exc import IntegrityError

from bot.notify.message import digest_mail, request_mail, summary
from bot.notify.smtp import SmtpConnection
from bot.review.dates import LOCAL
from bot.settings import Settings
from bot.store.models import (
    MAIL_DROPPED,
    MAIL_EMPTY,
    MAIL_FAILED,
    MAIL_SENT,
    NOTIFY_DIGEST,
    NOTIFY_EACH,
    OutboxMail,
    utcnow,
)
from bot.store.session import SessionFactory, UnitOfWork, session_factory

logger = logging.getLogger(__name__)

# Seconds before the 1st, 2nd, ... retry; the last one repeats.
BACKOFF_S = (30, 120, 600, 1800, 3600)
MAX_ATTEMPTS = 10  # about six hours of trying
CLAIM_S = 300
POLL_S = 15.0
BATCH = 20
ACCOUNT_PAGE = "/account"

Connect = Callable[[Settings], AbstractContextManager[Any]]


@dataclass
class Round:
    """What one round did, per outcome: mail ids."""

    sent: List[int] = field(default_factory=list)
    retry: List[int] = field(default_factory=list)
    failed: List[int] = field(default_factory=list)
    skipped: List[int] = field(default_factory=list)


def backoff(attempts: int) -> timedelta:
    return timedelta(seconds=BACKOFF_S[min(attempts, len(BACKOFF_S)) - 1])


def digest_moment(day_time: str, now: datetime) -> datetime:
    """Today's digest time (local HH:MM) as an aware datetime."""
    hours, minutes = (int(part) for part in day_time.split(":"))
    local_now = now.astimezone(LOCAL)
    return datetime.combine(local_now.date(), time(hours, minutes), tzinfo=LOCAL)


def queue_digests(factory: SessionFactory, now: Optional[datetime] = None) -> int:
    """A digest for every coordinator whose digest time has passed today and
    who has none for today; it covers the requests since their previous one."""
    now = now or utcnow()
    queued = 0
    with UnitOfWork(factory) as uow:
        for user in uow.outbox.digest_users():
            try:
                moment = digest_moment(user.digest_time, now)
            except ValueError:
                logger.warning("digest time of %s unreadable", user.username)
                continue
            if now < moment:
                continue
            key = f"digest:{user.id}:{moment.date().isoformat()}"
            if uow.outbox.has(key):
                continue
            start = uow.outbox.last_digest_end(user.id) or now - timedelta(days=1)
            uow.outbox.add_digest(user, key, start, now)
            queued += 1
        try:
            uow.commit()
        except IntegrityError:  # another worker queued them at the same time
            uow.rollback()
            return 0
    return queued


def _claim(factory: SessionFactory, now: datetime) -> List[int]:
    with UnitOfWork(factory) as uow:
        until = now + timedelta(seconds=CLAIM_S)
        mine = [
            i for i in uow.outbox.due(now, BATCH) if uow.outbox.claim(i, now, until)
        ]
        uow.commit()
    return mine


def _written(
    mail: OutboxMail, settings: Settings, uow: UnitOfWork, now: datetime
) -> Tuple[Optional[EmailMessage], str]:
    """The mail to send, or None with the status it gets instead."""
    user = mail.user
    account = settings.review_url + ACCOUNT_PAGE
    wanted = NOTIFY_EACH if mail.kind == "request" else NOTIFY_DIGEST
    if not user.active or user.notify != wanted or not user.email:
        return None, MAIL_DROPPED
    if mail.kind == "request":
        request = uow.requests.get(mail.request_id)
        if request is None:
            return None, MAIL_DROPPED
        found = summary(request, settings.review_url)
        return request_mail(found, settings.mail_from, user.email, account, now), ""
    requests = uow.outbox.created_between(mail.period_start, mail.period_end)
    if not requests:
        return None, MAIL_EMPTY
    found_all = [summary(request, settings.review_url) for request in requests]
    message = digest_mail(
        found_all, mail.period_start, settings.mail_from, user.email, account, now
    )
    return message, ""


def _permanent(error: Exception) -> bool:
    """The server refused the address itself (5xx): trying again will not help."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _ in error.recipients.values())
    return False


def deliver(
    factory: SessionFactory,
    settings: Settings,
    now: Optional[datetime] = None,
    connect: Connect = SmtpConnection,
) -> Round:
    """Sends the mails that are due; returns what became of them."""
    now = now or utcnow()
    outcome = Round()
    claimed = _claim(factory, now)
    if not claimed:
        return outcome
    messages: Dict[int, EmailMessage] = {}
    statuses: Dict[int, str] = {}
    with UnitOfWork(factory) as uow:
        for mail_id in claimed:
            mail = uow.outbox.get(mail_id)
            if mail is None:  # erased with its request meanwhile
                continue
            message, status = _written(mail, settings, uow, now)
            if message is None:
                statuses[mail_id] = status
            else:
                messages[mail_id] = message
    errors: Dict[int, Exception] = {}
    if messages:
        try:
            with connect(settings) as smtp:
                for mail_id, message in messages.items():
                    try:
                        smtp.send(message)
                    except (smtplib.SMTPException, OSError) as error:
                        errors[mail_id] = error
                        if isinstance(error, smtplib.SMTPServerDisconnected):
                            raise
                    else:
                        statuses[mail_id] = MAIL_SENT
        except (smtplib.SMTPException, OSError, ValueError) as error:
            for mail_id in messages:
                if mail_id not in statuses:
                    errors.setdefault(mail_id, error)
    _record(factory, statuses, errors, now, outcome)
    return outcome


def _record(
    factory: SessionFactory,
    statuses: Dict[int, str],
    errors: Dict[int, Exception],
    now: datetime,
    outcome: Round,
) -> None:
    with UnitOfWork(factory) as uow:
        for mail_id, status in statuses.items():
            mail = uow.outbox.get(mail_id)
            if mail is None:
                continue
            mail.status, mail.claimed_until = status, None
            if status == MAIL_SENT:
                mail.sent_at = now
                outcome.sent.append(mail_id)
            else:
                outcome.skipped.append(mail_id)
        for mail_id, error in errors.items():
            mail = uow.outbox.get(mail_id)
            if mail is None:
                continue
            mail.attempts += 1
            mail.claimed_until = None
            mail.last_error = f"{type(error).__name__}: {error}"[:500]
            if _permanent(error) or mail.attempts >= MAX_ATTEMPTS:
                mail.status = MAIL_FAILED
                outcome.failed.append(mail_id)
                logger.error("mail %s failed for good: %s", mail.key, mail.last_error)
            else:
                mail.next_attempt_at = now + backoff(mail.attempts)
                outcome.retry.append(mail_id)
                logger.warning(
                    "mail %s not sent (try %d), again at %s: %s",
                    mail.key,
                    mail.attempts,
                    mail.next_attempt_at.isoformat(),
                    mail.last_error,
                )
        uow.commit()


def run(settings: Settings, stop: threading.Event, poll_s: float = POLL_S) -> None:
    """Rounds every `poll_s` seconds until `stop` is set; a failed round is
    logged and the next one tries again."""
    factory = session_factory(settings.database_url)
    while not stop.is_set():
        try:
            queue_digests(factory)
            done = deliver(factory, settings)
            if done.sent or done.retry or done.failed:
                logger.info(
                    "mail: %d sent, %d to retry, %d failed",
                    len(done.sent),
                    len(done.retry),
                    len(done.failed),
                )
        except Exception:  # noqa: BLE001 - the worker must outlive a bad round
            logger.exception("mail round failed; trying again in %s s", poll_s)
        stop.wait(poll_s)
