"""One connection to the SMTP server of SMTP_URL per batch of mails: plain,
STARTTLS or TLS from the start, with a login, every step under a timeout."""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from types import TracebackType
from typing import Optional, Type
from urllib.parse import unquote, urlsplit

from bot.settings import Settings

# scheme -> (security, default port)
SCHEMES = {
    "smtp": ("plain", 25),
    "smtp+starttls": ("starttls", 587),
    "smtps": ("tls", 465),
}


class MailConfigError(ValueError):
    pass


@dataclass(frozen=True)
class SmtpServer:
    host: str
    port: int
    security: str  # plain, starttls or tls
    username: Optional[str] = None
    password: Optional[str] = None

    def __repr__(self) -> str:  # never the password, in logs or tracebacks
        return f"SmtpServer({self.security}://{self.host}:{self.port})"


def parse_smtp_url(url: str) -> SmtpServer:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        known = ", ".join(f"{name}://" for name in SCHEMES)
        raise MailConfigError(f"SMTP_URL must start with one of {known}")
    if not parts.hostname:
        raise MailConfigError("SMTP_URL names no host")
    security, default_port = SCHEMES[scheme]
    return SmtpServer(
        host=parts.hostname,
        port=parts.port or default_port,
        security=security,
        username=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password is not None else None,
    )


class SmtpConnection:
    """`with SmtpConnection(settings) as smtp: smtp.send(message)`."""

    def __init__(self, settings: Settings) -> None:
        if not settings.smtp_url:
            raise MailConfigError("SMTP_URL is not set")
        self.server = parse_smtp_url(settings.smtp_url)
        self.timeout = settings.smtp_timeout_s
        self.context = ssl.create_default_context(cafile=settings.smtp_ca_file)
        self.client: Optional[smtplib.SMTP] = None

    def __enter__(self) -> "SmtpConnection":
        server = self.server
        client: smtplib.SMTP
        if server.security == "tls":
            client = smtplib.SMTP_SSL(
                server.host, server.port, timeout=self.timeout, context=self.context
            )
        else:
            client = smtplib.SMTP(server.host, server.port, timeout=self.timeout)
        try:
            client.ehlo()
            if server.security == "starttls":
                client.starttls(context=self.context)
                client.ehlo()
            if server.username:
                client.login(server.username, server.password or "")
        except BaseException:
            client.close()
            raise
        self.client = client
        return self

    def send(self, message: EmailMessage) -> None:
        assert self.client is not None, "use SmtpConnection as a context manager"
        self.client.send_message(message)

    def __exit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        traceback: Optional[TracebackType],
    ) -> None:
        if self.client is None:
            return
        try:
            self.client.quit()
        except (smtplib.SMTPException, OSError):
            self.client.close()
        self.client = None
