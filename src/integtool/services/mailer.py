"""Sending the report e-mail over SMTP: STARTTLS, implicit TLS or plain, with an optional login.

The password only ever comes from INTEGTOOL_SMTP_PASSWORD and never appears in a message.
"""

import base64
import os
import smtplib
import socket
import ssl
from collections.abc import Mapping
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path

from integtool.config import (
    SMTP_DEFAULT_PORTS,
    SMTP_PASSWORD_VARIABLE,
    SmtpSecurity,
    SmtpSettings,
)
from integtool.core.transport_security import is_loopback_host
from integtool.errors import ConfigError, InsecureTransportError, MailError, UsageError


@dataclass(frozen=True, slots=True)
class SmtpServer:
    """The mail server to use after the command-line options were applied over the file."""

    host: str
    port: int
    security: SmtpSecurity
    sender: str
    user: str | None = None
    timeout: float = 30.0
    cafile: Path | None = None


def smtp_settings(
    config_smtp: SmtpSettings,
    *,
    host: str | None = None,
    port: int | None = None,
    user: str | None = None,
    security: str | None = None,
    sender: str | None = None,
) -> SmtpServer:
    """The `[smtp]` table with the given command-line values (None: not given) applied over it.

    The port falls back to the configured one, then to the default of the chosen security
    (587 starttls, 465 tls, 25 none). An empty `user` ("--smtp-user ''") turns the login off.
    """
    chosen = security if security is not None else config_smtp.security
    if chosen not in SMTP_DEFAULT_PORTS:
        raise UsageError(f"--smtp-security must be starttls, tls or none, not '{chosen}'.")
    final_host = (host if host is not None else config_smtp.host or "").strip()
    if not final_host:
        raise UsageError(
            "No mail server is set: give --smtp-host or set host in the [smtp] table of the "
            "configuration file."
        )
    final_sender = (sender if sender is not None else config_smtp.sender or "").strip()
    if not final_sender:
        raise UsageError(
            "No sender address is set: give --from or set from in the [smtp] table of the "
            "configuration file."
        )
    final_port = port if port is not None else config_smtp.port
    if final_port is None:
        final_port = SMTP_DEFAULT_PORTS[chosen]
    if not 1 <= final_port <= 65535:
        raise UsageError(f"--smtp-port must be a port number (1 to 65535), not {final_port}.")
    final_user = (user if user is not None else config_smtp.user or "").strip()
    return SmtpServer(
        host=final_host,
        port=final_port,
        security=_security(chosen),
        sender=final_sender,
        user=final_user or None,
        timeout=config_smtp.timeout,
        cafile=config_smtp.cafile,
    )


def smtp_password(env: Mapping[str, str] = os.environ) -> str | None:
    """The SMTP password from INTEGTOOL_SMTP_PASSWORD (None when unset or empty)."""
    return env.get(SMTP_PASSWORD_VARIABLE) or None


def send_message(
    message: EmailMessage,
    smtp: SmtpServer,
    password: str | None,
    *,
    timeout: float | None = None,
) -> None:
    """Deliver `message` to the recipients in its To header; one MailError sentence on failure.

    Logs in when `smtp.user` is set (then `password` is required). A password is never sent
    unencrypted (security "none") to a host other than this machine. `timeout` (seconds,
    default: `smtp.timeout`) bounds connecting and every single server answer.
    """
    context = prepare(smtp, password)
    wait = timeout if timeout is not None else smtp.timeout
    stage = "connecting"
    try:
        with _connect(smtp, context, wait) as client:
            if smtp.security == "starttls":
                stage = "starting TLS"
                client.starttls(context=context)
            if smtp.user:
                stage = "logging in"
                _login(client, smtp.user, password or "")
            stage = "sending"
            refused = client.send_message(message)
    except (OSError, smtplib.SMTPException) as exc:
        raise MailError(_failure(exc, smtp, stage, wait, password)) from None
    if refused:
        raise MailError(
            f"The mail server {smtp.host}:{smtp.port} refused "
            f"{_refusals(refused, password)}; the report went to the other recipients."
        )


def check_login(smtp: SmtpServer, password: str | None) -> None:
    """Connect, start TLS and log in as `report --email` would, then quit: no mail is sent
    (`integtool doctor`). One MailError (or ConfigError) sentence on failure."""
    context = prepare(smtp, password)
    stage = "connecting"
    try:
        with _connect(smtp, context, smtp.timeout) as client:
            if smtp.security == "starttls":
                stage = "starting TLS"
                client.starttls(context=context)
            if smtp.user:
                stage = "logging in"
                _login(client, smtp.user, password or "")
            else:
                client.ehlo_or_helo_if_needed()
    except (OSError, smtplib.SMTPException) as exc:
        raise MailError(_failure(exc, smtp, stage, smtp.timeout, password)) from None


def _login(client: smtplib.SMTP, user: str, password: str) -> None:
    """smtplib's login; for a non-ASCII user or password, AUTH PLAIN in UTF-8 (RFC 4616).

    smtplib encodes credentials as ASCII and fails before sending anything.
    """
    try:
        client.login(user, password)
    except UnicodeEncodeError:
        if "PLAIN" not in client.esmtp_features.get("auth", "").upper().split():
            raise ConfigError(
                f"The SMTP user or the password in {SMTP_PASSWORD_VARIABLE} contains non-ASCII "
                "characters, and the mail server does not offer the login (AUTH PLAIN) that "
                "can carry them."
            ) from None
        token = base64.b64encode(f"\0{user}\0{password}".encode()).decode("ascii")
        code, reply = client.docmd("AUTH", f"PLAIN {token}")
        if code != 235:
            raise smtplib.SMTPAuthenticationError(code, reply) from None


def _security(value: str) -> SmtpSecurity:
    if value == "tls":
        return "tls"
    return "none" if value == "none" else "starttls"


def prepare(smtp: SmtpServer, password: str | None) -> ssl.SSLContext | None:
    """Everything that can fail before connecting, so a caller can check it before its own
    work: the login rules and the TLS context (with `smtp.cafile`); None for security none."""
    _check_login(smtp, password)
    return _tls_context(smtp) if smtp.security != "none" else None


def _check_login(smtp: SmtpServer, password: str | None) -> None:
    """Refuse a login without a password, or one that would travel as plain text elsewhere."""
    if not smtp.user:
        return
    if smtp.security == "none" and not is_loopback_host(smtp.host):
        raise InsecureTransportError(
            f"Refusing to send the SMTP password for {smtp.user} unencrypted to {smtp.host}: "
            "use --smtp-security starttls or tls (security in the [smtp] table)."
        )
    if not password:
        raise ConfigError(
            f"The SMTP user {smtp.user} needs a password: set the environment variable "
            f"{SMTP_PASSWORD_VARIABLE}."
        )


def _tls_context(smtp: SmtpServer) -> ssl.SSLContext:
    """The system's certificate authorities (honouring SSL_CERT_FILE), plus `smtp.cafile`."""
    context = ssl.create_default_context()
    if smtp.cafile is not None:
        try:
            context.load_verify_locations(cafile=smtp.cafile)
        except (OSError, ssl.SSLError) as exc:
            reason = getattr(exc, "reason", None) or exc.strerror or exc
            raise ConfigError(
                f"The certificate authority file {smtp.cafile} (smtp.cafile) cannot be used: "
                f"{reason}."
            ) from None
    return context


def _connect(smtp: SmtpServer, context: ssl.SSLContext | None, wait: float) -> smtplib.SMTP:
    if smtp.security == "tls":
        return smtplib.SMTP_SSL(smtp.host, smtp.port, timeout=wait, context=context)
    return smtplib.SMTP(smtp.host, smtp.port, timeout=wait)


def _failure(
    exc: BaseException, smtp: SmtpServer, stage: str, wait: float, password: str | None
) -> str:
    """One sentence for a failed delivery (never containing the password)."""
    server = f"the mail server {smtp.host}:{smtp.port}"
    head = f"The mail server {smtp.host}:{smtp.port}"
    ports = "tls usually on port 465, starttls on 587"
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return f"{head} refused the login for {smtp.user}{_reply(exc, password)}."
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return f"{head} refused {_refusals(exc.recipients, password)}."
    if isinstance(exc, smtplib.SMTPSenderRefused):
        return f"{head} refused the sender {smtp.sender}{_reply(exc, password)}."
    if isinstance(exc, smtplib.SMTPNotSupportedError) and stage == "starting TLS":
        return f"{head} does not offer STARTTLS; check --smtp-security ({ports})."
    if isinstance(exc, smtplib.SMTPNotSupportedError) and stage == "logging in":
        return f"{head} does not offer a login (SMTP AUTH) on this connection."
    # smtplib reports a timeout while waiting for an answer as "disconnected"
    disconnected = isinstance(exc, smtplib.SMTPServerDisconnected)
    if isinstance(exc, TimeoutError) or (
        disconnected and isinstance(exc.__context__, TimeoutError)
    ):
        return (
            f"{head} did not answer within {wait:g} s while {stage}; check the host, the port "
            f"and --smtp-security ({ports})."
        )
    if disconnected:
        hint = f"; check the port and --smtp-security ({ports})" if stage == "connecting" else ""
        return f"{head} closed the connection while {stage}{hint}."
    if isinstance(exc, smtplib.SMTPResponseException):
        return f"{head} failed while {stage}{_reply(exc, password)}."
    if isinstance(exc, smtplib.SMTPException):
        return f"Sending through {server} failed while {stage}: {_clean(str(exc), password)}."
    if isinstance(exc, ssl.SSLCertVerificationError):
        return (
            f"The certificate of {server} cannot be verified ({exc.verify_message}); for an "
            "internal certificate authority set cafile in the [smtp] table."
        )
    if isinstance(exc, ssl.SSLError):
        return (
            f"TLS with {server} failed ({exc.reason or exc}); check the port and "
            f"--smtp-security ({ports})."
        )
    if isinstance(exc, ConnectionRefusedError):
        return f"Cannot reach {server}: the connection was refused."
    if isinstance(exc, socket.gaierror):
        return f"Cannot reach the mail server: the host name {smtp.host} cannot be resolved."
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return f"Cannot reach {server} while {stage}: {_clean(reason, password)}."


def _reply(exc: smtplib.SMTPResponseException, password: str | None) -> str:
    text = exc.smtp_error
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return f" ({exc.smtp_code} {_clean(text, password)})"


def _refusals(refused: Mapping[str, tuple[int, bytes]], password: str | None) -> str:
    parts = []
    for address, (code, reply) in sorted(refused.items()):
        text = _clean(reply.decode("utf-8", "replace"), password)
        parts.append(f"{address} ({code} {text})")
    noun = "the recipient" if len(parts) == 1 else "the recipients"
    return f"{noun} {', '.join(parts)}"


def _clean(text: str, password: str | None) -> str:
    """A server reply on one line, with the password (should a server echo it) masked."""
    text = " ".join(str(text).split())
    return text.replace(password, "***") if password else text
