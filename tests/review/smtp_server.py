"""A real SMTP server on this machine for the notification tests (aiosmtpd):
plain, STARTTLS or TLS from the start, with a login, keeping what it received."""

from __future__ import annotations

import email
import email.policy
import ssl
import subprocess
from email.message import EmailMessage
from pathlib import Path
from typing import Any, List, Optional

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from tests.e2e.servers import free_port

LOGIN, SECRET = "vraagwijzer", "mail-geheim"


class Inbox:
    """aiosmtpd's handler: every message accepted, kept in order."""

    def __init__(self) -> None:
        self.received: List[Any] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 - aiosmtpd's hook name
        self.received.append(envelope)
        return "250 OK"

    def messages(self) -> List[EmailMessage]:
        return [
            email.message_from_bytes(e.content, policy=email.policy.default)  # type: ignore[misc]
            for e in self.received
        ]


def authenticate(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
    ok = isinstance(data, LoginPassword) and (data.login, data.password) == (
        LOGIN.encode(),
        SECRET.encode(),
    )
    return AuthResult(success=ok, handled=False)


def self_signed(directory: Path) -> Path:
    """A certificate for 127.0.0.1 (and its key), made with openssl."""
    cert, key = directory / "cert.pem", directory / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-keyout", str(key), "-out", str(cert), "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert


class SmtpServer:
    """`security`: plain, starttls or tls; the login is required in every case."""

    def __init__(
        self, security: str = "plain", cert: Optional[Path] = None, port: int = 0
    ) -> None:
        self.inbox = Inbox()
        self.port = port or free_port()
        self.security = security
        context = None
        if cert is not None:
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(cert, cert.with_name("key.pem"))
        options: dict = {
            "authenticator": authenticate,
            "auth_required": True,
            # With TLS from the start aiosmtpd does not see the session as TLS
            # and would hide AUTH; the connection is encrypted all the same.
            "auth_require_tls": security == "starttls",
        }
        if security == "starttls":
            options.update(tls_context=context, require_starttls=True)
        elif security == "tls":
            options.update(ssl_context=context)
        self.controller = Controller(
            self.inbox, hostname="127.0.0.1", port=self.port, **options
        )

    @property
    def url(self) -> str:
        scheme = {"plain": "smtp", "starttls": "smtp+starttls", "tls": "smtps"}
        return f"{scheme[self.security]}://{LOGIN}:{SECRET}@127.0.0.1:{self.port}"

    def __enter__(self) -> "SmtpServer":
        self.controller.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.controller.stop()
