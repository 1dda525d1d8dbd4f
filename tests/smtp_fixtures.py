"""A real SMTP server (aiosmtpd) on 127.0.0.1 that keeps every message it receives.

`running_smtp()` starts one in a thread: plain, with STARTTLS (`starttls=` a server TLS
context) or with implicit TLS (`implicit_tls=`), optionally requiring a login. TLS contexts
come from a throw-away certificate authority (`local_ca()`, trustme) issued for 127.0.0.1.
"""

import socket
import ssl
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP as SMTPServer
from aiosmtpd.smtp import AuthResult, Envelope, LoginPassword, Session

HOST = "127.0.0.1"


@dataclass(frozen=True)
class Received:
    """One delivered message as the server saw it: the envelope and the raw bytes."""

    mail_from: str
    rcpt_tos: list[str]
    data: bytes
    login: str | None

    def message(self) -> EmailMessage:
        parsed = message_from_bytes(self.data, policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        return parsed


@dataclass
class Collector:
    """The aiosmtpd handler: accepts everything except the `refuse`d recipients."""

    refuse: frozenset[str] = frozenset()
    received: list[Received] = field(default_factory=list)

    async def handle_RCPT(
        self,
        _server: SMTPServer,
        _session: Session,
        envelope: Envelope,
        address: str,
        _rcpt_options: list[str],
    ) -> str:
        if address in self.refuse:
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, _server: SMTPServer, session: Session, envelope: Envelope) -> str:
        data = envelope.original_content or b""
        login = session.auth_data.login.decode() if session.auth_data else None
        self.received.append(
            Received(str(envelope.mail_from), list(envelope.rcpt_tos), bytes(data), login)
        )
        return "250 Message accepted for delivery"


@dataclass(frozen=True)
class SmtpTestServer:
    """A running server: where it listens and what it has received so far."""

    port: int
    collector: Collector

    @property
    def received(self) -> list[Received]:
        return self.collector.received


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on (right now)."""
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass(frozen=True)
class LocalCa:
    """A certificate authority only the tests trust, and a server certificate for 127.0.0.1."""

    ca: trustme.CA
    cafile: Path

    def server_context(self) -> ssl.SSLContext:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        self.ca.issue_cert(HOST, "localhost").configure_cert(context)
        return context


def local_ca(directory: Path) -> LocalCa:
    """A new test CA whose certificate is written to `directory`/test-ca.pem."""
    ca = trustme.CA()
    cafile = directory / "test-ca.pem"
    ca.cert_pem.write_to_path(str(cafile))
    return LocalCa(ca, cafile)


@contextmanager
def running_smtp(
    *,
    starttls: ssl.SSLContext | None = None,
    implicit_tls: ssl.SSLContext | None = None,
    users: Mapping[str, str] | None = None,
    refuse: frozenset[str] = frozenset(),
) -> Iterator[SmtpTestServer]:
    """An aiosmtpd server on 127.0.0.1 for the duration of the block.

    `users` (login -> password) makes the server offer AUTH; with STARTTLS only after the TLS
    upgrade, and then required, as real submission servers do.
    """
    collector = Collector(refuse=refuse)
    options: dict[str, Any] = {"server_hostname": "smtp.test", "ready_timeout": 10}
    if starttls is not None:
        options.update(tls_context=starttls, require_starttls=True)
    if users is not None:
        accounts = dict(users)

        def authenticator(
            _server: SMTPServer, _session: Session, _envelope: Envelope, _mechanism: str, data: Any
        ) -> AuthResult:
            good = isinstance(data, LoginPassword) and accounts.get(
                data.login.decode()
            ) == data.password.decode("utf-8", "replace")
            # handled=False: aiosmtpd answers 235 or 535 itself.
            return AuthResult(success=good, handled=False, auth_data=data if good else None)

        # With STARTTLS: AUTH only after the upgrade, and required, as submission servers do.
        # aiosmtpd does not count implicit TLS as TLS, and warns when AUTH is required without
        # TLS: the other servers offer AUTH from the start and do not insist on it.
        upgrade = starttls is not None
        options.update(authenticator=authenticator, auth_required=upgrade, auth_require_tls=upgrade)
    controller = Controller(
        collector, hostname=HOST, port=free_port(), ssl_context=implicit_tls, **options
    )
    controller.start()
    try:
        yield SmtpTestServer(controller.port, collector)
    finally:
        controller.stop()
