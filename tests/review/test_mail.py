"""Notification mails: the outbox filled when a request is stored, the worker
that sends it to a real SMTP server (aiosmtpd, started here), retries with
backoff, digests, and the coordinator's own setting."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest

from bot.notify.worker import BACKOFF_S, MAX_ATTEMPTS, deliver, queue_digests
from bot.review.dates import LOCAL
from bot.review.services import erase_request
from bot.store.models import (
    MAIL_DROPPED,
    MAIL_EMPTY,
    MAIL_FAILED,
    MAIL_SENT,
    MAIL_WAITING,
    NOTIFY_DIGEST,
    NOTIFY_EACH,
    NOTIFY_NONE,
    OutboxMail,
    utcnow,
)
from bot.store.session import session_factory
from tests.e2e.servers import free_port
from tests.review.conftest import (
    add_request,
    add_transcript,
    csrf_token,
    log_in,
    make_user,
    settings_for,
)
from tests.review.smtp_server import SmtpServer, self_signed

ROOT = Path(__file__).resolve().parents[2]
FIELDS = {
    "company": "Garage Jansen", "region": "Rotterdam", "size": "12",
    "answers": {"time_horizon": "binnen drie maanden", "headcount": "2"},
    "contact_name": "Piet Jansen", "contact_email": "piet@garagejansen.example",
    "contact_phone": "06-98765432", "original_question": "ik vind geen monteurs meer",
}  # fmt: skip


def wants(uow_of, name: str, mode: str, at: str = "08:00", email: str = "") -> None:
    with uow_of() as uow:
        user = uow.users.get_by_username(name)
        user.email = email or f"{name}@pps.example"
        user.notify, user.digest_time = mode, at
        uow.commit()


def outbox(uow_of) -> list:
    """The outbox's rows, read while the unit of work is open."""
    with uow_of() as uow:
        rows = uow.session.query(OutboxMail).order_by(OutboxMail.id)
        return [
            SimpleNamespace(
                **{c.key: getattr(row, c.key) for c in OutboxMail.__table__.columns},
                user=SimpleNamespace(username=row.user.username),
            )
            for row in rows
        ]


@pytest.fixture
def team(store, uow_of):
    """anna wants a mail per request, bert none, carla a daily digest."""
    for name in ("anna", "bert", "carla"):
        make_user(store, name)
    wants(uow_of, "anna", NOTIFY_EACH)
    wants(uow_of, "bert", NOTIFY_NONE)
    wants(uow_of, "carla", NOTIFY_DIGEST)


def mail_settings(store: str, url: str, **more):
    return replace(
        settings_for(store),
        smtp_url=url,
        review_base_url="https://review.pps.example/",
        mail_from="vraagwijzer@pps.example",
        **more,
    )


def test_a_new_request_is_mailed_to_who_wants_each_without_contact_data(
    store, uow_of, team
):
    request_id = add_request(store, "rest:garage", **FIELDS)
    add_transcript(store, "rest:garage", extra_user="mijn nummer is 0612345678")
    mails = outbox(uow_of)
    assert [(m.kind, m.user.username, m.status) for m in mails] == [
        ("request", "anna", MAIL_WAITING)
    ]

    with SmtpServer() as server:
        done = deliver(session_factory(store), mail_settings(store, server.url))
    assert len(done.sent) == 1
    (envelope,) = server.inbox.received
    assert envelope.rcpt_tos == ["anna@pps.example"]
    (message,) = server.inbox.messages()
    assert message["Subject"] == "Nieuwe aanvraag: Garage Jansen (Talent)"
    assert message["From"] == "vraagwijzer@pps.example"
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    for body in (text, html):
        for shown in ("Hoe vinden we twee monteurs via een bbl-leerbaan?", "Talent",
                      "Garage Jansen", "Rotterdam", "12 medewerkers", "binnen drie maanden",
                      "Piet Jansen", "Mijn account"):  # fmt: skip
            assert shown in body
        assert f"https://review.pps.example/verzoeken/{request_id}" in body
        assert "https://review.pps.example/account" in body
        # No contact data beyond the name, nothing of the conversation.
        for hidden in ("piet@garagejansen", "98765432", "0612345678",
                       "ik vind geen monteurs", "Termijn: 2"):  # fmt: skip
            assert hidden not in body
    assert "Termijn: binnen drie maanden" in text
    assert "wijzigen" in text
    (sent,) = outbox(uow_of)
    assert (sent.status, sent.attempts, sent.sent_at is not None) == (
        MAIL_SENT,
        0,
        True,
    )


def test_html_escapes_what_the_entrepreneur_typed(store, uow_of, team):
    add_request(store, "rest:xss", company="<b>Bakker</b> & Zn")
    with SmtpServer() as server:
        deliver(session_factory(store), mail_settings(store, server.url))
    (message,) = server.inbox.messages()
    html = message.get_body(("html",)).get_content()
    assert "&lt;b&gt;Bakker&lt;/b&gt; &amp; Zn" in html
    assert "<b>Bakker" not in html


def test_an_unreachable_server_keeps_the_request_and_retries_with_backoff(
    store, uow_of, team
):
    down = free_port()  # nothing listens here
    settings = mail_settings(store, f"smtp://127.0.0.1:{down}", smtp_timeout_s=2)
    factory = session_factory(store)
    request_id = add_request(store, "rest:later", **FIELDS)
    now = utcnow()
    done = deliver(factory, settings, now)
    assert (done.sent, len(done.retry)) == ([], 1)
    (mail,) = outbox(uow_of)
    assert (mail.status, mail.attempts) == (MAIL_WAITING, 1)
    assert mail.next_attempt_at == now + timedelta(seconds=BACKOFF_S[0])
    assert "ConnectionRefusedError" in mail.last_error
    with uow_of() as uow:
        assert uow.requests.get(request_id).company == "Garage Jansen"
    # Not before its time, also when the server is back.
    with SmtpServer() as server:
        good = mail_settings(store, server.url)
        assert deliver(factory, good, now + timedelta(seconds=5)).sent == []
        later = now + timedelta(seconds=BACKOFF_S[0] + 1)
        assert len(deliver(factory, good, later).sent) == 1
    assert len(server.inbox.received) == 1
    assert outbox(uow_of)[0].status == MAIL_SENT


def test_a_server_that_never_answers_costs_the_timeout_not_more(store, uow_of, team):
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(5)  # accepts connections, never says a word
        port = silent.getsockname()[1]
        settings = mail_settings(store, f"smtp://127.0.0.1:{port}", smtp_timeout_s=0.5)
        add_request(store, "rest:stil")
        started = time.monotonic()
        done = deliver(session_factory(store), settings)
        assert time.monotonic() - started < 5
    assert len(done.retry) == 1
    assert "timed out" in outbox(uow_of)[0].last_error


def test_a_wrong_login_is_retried_and_in_the_end_counts_as_failed(
    store, uow_of, team, client
):
    add_request(store, "rest:login")
    with SmtpServer() as server:
        wrong = mail_settings(store, server.url.replace("mail-geheim", "fout"))
        factory = session_factory(store)
        with uow_of() as uow:
            uow.session.query(OutboxMail).update({"attempts": MAX_ATTEMPTS - 1})
            uow.commit()
        done = deliver(factory, wrong)
    assert len(done.failed) == 1 and server.inbox.received == []
    (mail,) = outbox(uow_of)
    assert mail.status == MAIL_FAILED
    assert "SMTPAuthenticationError" in mail.last_error

    add_request(store, "rest:wachtend")
    make_user(store, "admin", "admin")
    log_in(client, "admin")
    page = client.get("/dashboard").get_data(as_text=True)
    assert '<dd id="mail-wachtend">1</dd>' in page
    assert '<dd id="mail-mislukt">1</dd>' in page

    # Once the login is put right, the admin sends the failed mail again.
    client.post("/dashboard/e-mail/opnieuw", data={"csrf_token": csrf_token(page)})
    page = client.get("/dashboard").get_data(as_text=True)
    assert '<dd id="mail-wachtend">2</dd>' in page
    assert '<dd id="mail-mislukt">0</dd>' in page
    with SmtpServer() as server:
        done = deliver(factory, mail_settings(store, server.url))
    assert len(done.sent) == 2 and len(server.inbox.received) == 2


@pytest.mark.parametrize("security", ["starttls", "tls"])
def test_starttls_and_tls_with_a_login(store, uow_of, team, tmp_path, security):
    cert = self_signed(tmp_path)
    add_request(store, "rest:tls", **FIELDS)
    with SmtpServer(security, cert) as server:
        settings = mail_settings(store, server.url, smtp_ca_file=str(cert))
        done = deliver(session_factory(store), settings)
        # An unknown certificate is refused: the mail waits.
        add_request(store, "rest:tls-2", **FIELDS)
        untrusted = deliver(session_factory(store), mail_settings(store, server.url))
    assert len(done.sent) == 1 and len(server.inbox.received) == 1
    assert len(untrusted.retry) == 1
    assert "CERTIFICATE_VERIFY_FAILED" in outbox(uow_of)[1].last_error


def later_that_day(now: datetime) -> datetime:
    """Five minutes on, or the local day's last second if that is sooner:
    a test run just before midnight would otherwise be due the next digest."""
    last_second = now.astimezone(LOCAL).replace(hour=23, minute=59, second=59)
    return min(now + timedelta(minutes=5), last_second)


def test_the_daily_digest_lists_the_day_s_requests_once(store, uow_of, team):
    wants(uow_of, "carla", NOTIFY_DIGEST, at="00:00")  # always due today
    add_request(store, "rest:een", company="Bakkerij Een")
    add_request(store, "rest:twee", company="Drukkerij Twee")
    factory = session_factory(store)
    now = utcnow() + timedelta(seconds=1)
    assert queue_digests(factory, now) == 1
    assert queue_digests(factory, later_that_day(now)) == 0  # once a day
    assert queue_digests(factory, now + timedelta(days=1)) == 1  # and the next
    with SmtpServer() as server:
        done = deliver(factory, mail_settings(store, server.url), now)
    assert len(done.sent) == 3  # anna's two request mails, carla's one digest
    rcpts = [e.rcpt_tos[0] for e in server.inbox.received]
    assert sorted(rcpts) == ["anna@pps.example"] * 2 + ["carla@pps.example"]
    digest = server.inbox.messages()[rcpts.index("carla@pps.example")]
    assert digest["Subject"] == "Vraagwijzer: 2 nieuwe aanvragen"
    text = digest.get_body(("plain",)).get_content()
    assert "Bakkerij Een" in text and "Drukkerij Twee" in text
    assert "één keer per dag" in text


def test_an_empty_digest_is_not_sent(store, uow_of, team):
    wants(uow_of, "carla", NOTIFY_DIGEST, at="00:00")
    factory = session_factory(store)
    queue_digests(factory)
    with SmtpServer() as server:
        deliver(factory, mail_settings(store, server.url))
    assert server.inbox.received == []
    assert [m.status for m in outbox(uow_of)] == [MAIL_EMPTY]


def test_no_mail_once_the_coordinator_opted_out_or_the_request_was_erased(
    store, uow_of, team
):
    add_request(store, "rest:gewist")
    admin = make_user(store, "beheer", role="admin")  # erasing is an admin right
    with uow_of() as uow:
        erase_request(
            uow,
            uow.requests.get_by_conversation("rest:gewist"),
            uow.users.get(admin.id),
        )
    assert outbox(uow_of) == []
    add_request(store, "rest:afgemeld")
    wants(uow_of, "anna", NOTIFY_NONE)
    with SmtpServer() as server:
        deliver(session_factory(store), mail_settings(store, server.url))
    assert server.inbox.received == []
    assert [m.status for m in outbox(uow_of)] == [MAIL_DROPPED]


def test_the_coordinator_sets_it_on_their_own_page(store, uow_of, client):
    make_user(store, "anna")
    log_in(client, "anna")
    page = client.get("/account").get_data(as_text=True)
    assert "Mijn account" in page and 'value="geen" checked' in page
    form = {"csrf_token": csrf_token(page), "email": "anna@pps.example",
            "melding": NOTIFY_EACH, "tijd": "07:30"}  # fmt: skip
    bad = client.post("/account", data={**form, "email": "anna@"})
    assert bad.status_code == 400 and "e-mailadres klopt niet" in bad.get_data(True)
    no_address = client.post("/account", data={**form, "email": ""})
    assert "Vul een e-mailadres in" in no_address.get_data(True)
    done = client.post("/account", data=form, follow_redirects=True)
    assert "Uw instellingen zijn opgeslagen." in done.get_data(True)
    with uow_of() as uow:
        anna = uow.users.get_by_username("anna")
        assert (anna.email, anna.notify, anna.digest_time) == (
            "anna@pps.example",
            NOTIFY_EACH,
            "07:30",
        )
    add_request(store, "rest:na-instelling")
    assert [m.user.username for m in outbox(uow_of)] == ["anna"]


def test_the_worker_process_sends_and_stops_on_sigterm(store, uow_of, team, tmp_path):
    # The process runs on the real clock: carla's 08:00 digest would be due too
    # after 08:00 in Amsterdam, so here she wants none (digests: tests above).
    wants(uow_of, "carla", NOTIFY_NONE)
    add_request(store, "rest:proces", **FIELDS)
    with SmtpServer() as server:
        env = {**os.environ, "DATABASE_URL": store, "SMTP_URL": server.url,
               "PYTHONPATH": str(ROOT)}  # fmt: skip
        worker = subprocess.Popen(
            [sys.executable, "-m", "bot", "mail", "--poll", "0.2"],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        )  # fmt: skip
        try:
            deadline = time.monotonic() + 30
            while not server.inbox.received and time.monotonic() < deadline:
                time.sleep(0.1)
        finally:
            worker.send_signal(signal.SIGTERM)
            output = worker.communicate(timeout=10)[0].decode()
    assert len(server.inbox.received) == 1, output
    assert worker.returncode == 0, output
    assert "mail-geheim" not in output  # the password never in the log
    assert outbox(uow_of)[0].status == MAIL_SENT
