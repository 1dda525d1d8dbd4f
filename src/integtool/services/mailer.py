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
from integtool.errors import ConfigError, InsecureTransportError, MailError, UsageError, os_reason
from integtool.i18n import N_, _, active, ngettext, number

_CONNECTING, _STARTING_TLS, _LOGGING_IN, _SENDING = (
    N_("connecting"), N_("starting TLS"), N_("logging in"), N_("sending"),
)  # fmt: skip
"""What the mail run was doing when it failed (English keys, said in the UI language)."""
_PORTS = N_("tls usually on port 465, starttls on 587")


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
        raise UsageError(
            _("--smtp-security must be starttls, tls or none, not '{value}'.").format(value=chosen)
        )
    final_host = (host if host is not None else config_smtp.host or "").strip()
    if not final_host:
        raise UsageError(
            _(
                "No mail server is set: give --smtp-host or set host in the [smtp] table of the "
                "configuration file."
            )
        )
    final_sender = (sender if sender is not None else config_smtp.sender or "").strip()
    if not final_sender:
        raise UsageError(
            _(
                "No sender address is set: give --from or set from in the [smtp] table of the "
                "configuration file."
            )
        )
    final_port = port if port is not None else config_smtp.port
    if final_port is None:
        final_port = SMTP_DEFAULT_PORTS[chosen]
    if not 1 <= final_port <= 65535:
        raise UsageError(
            _("--smtp-port must be a port number (1 to 65535), not {port}.").format(port=final_port)
        )
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
    stage = _CONNECTING
    try:
        with _connect(smtp, context, wait) as client:
            if smtp.security == "starttls":
                stage = _STARTING_TLS
                client.starttls(context=context)
            if smtp.user:
                stage = _LOGGING_IN
                _login(client, smtp.user, password or "")
            stage = _SENDING
            refused = client.send_message(message)
    except (OSError, smtplib.SMTPException) as exc:
        raise MailError(_failure(exc, smtp, stage, wait, password)) from None
    if refused:
        raise MailError(
            _(
                "The mail server {server} refused {refusals}; the report went to the other "
                "recipients."
            ).format(server=f"{smtp.host}:{smtp.port}", refusals=_refusals(refused, password))
        )


def check_login(smtp: SmtpServer, password: str | None) -> None:
    """Connect, start TLS and log in as `report --email` would, then quit: no mail is sent
    (`integtool doctor`). One MailError (or ConfigError) sentence on failure."""
    context = prepare(smtp, password)
    stage = _CONNECTING
    try:
        with _connect(smtp, context, smtp.timeout) as client:
            if smtp.security == "starttls":
                stage = _STARTING_TLS
                client.starttls(context=context)
            if smtp.user:
                stage = _LOGGING_IN
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
                _(
                    "The SMTP user or the password in {variable} contains non-ASCII characters, "
                    "and the mail server does not offer the login (AUTH PLAIN) that can carry "
                    "them."
                ).format(variable=SMTP_PASSWORD_VARIABLE)
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
            _(
                "Refusing to send the SMTP password for {user} unencrypted to {host}: use "
                "--smtp-security starttls or tls (security in the [smtp] table)."
            ).format(user=smtp.user, host=smtp.host)
        )
    if not password:
        raise ConfigError(
            _(
                "The SMTP user {user} needs a password: set the environment variable {variable}."
            ).format(user=smtp.user, variable=SMTP_PASSWORD_VARIABLE)
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
                _(
                    "The certificate authority file {file} (smtp.cafile) cannot be used: {reason}."
                ).format(file=smtp.cafile, reason=reason)
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
    values = {
        "server": f"{smtp.host}:{smtp.port}", "host": smtp.host, "user": smtp.user,
        "sender": smtp.sender, "stage": _(stage), "ports": _(_PORTS),
    }  # fmt: skip
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        sentence = _("The mail server {server} refused the login for {user}{reply}.")
        return sentence.format(reply=_reply(exc, password), **values)
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        sentence = _("The mail server {server} refused {refusals}.")
        return sentence.format(refusals=_refusals(exc.recipients, password), **values)
    if isinstance(exc, smtplib.SMTPSenderRefused):
        sentence = _("The mail server {server} refused the sender {sender}{reply}.")
        return sentence.format(reply=_reply(exc, password), **values)
    if isinstance(exc, smtplib.SMTPNotSupportedError) and stage == _STARTING_TLS:
        sentence = _("The mail server {server} does not offer STARTTLS; check --smtp-security "
                     "({ports}).")  # fmt: skip
        return sentence.format(**values)
    if isinstance(exc, smtplib.SMTPNotSupportedError) and stage == _LOGGING_IN:
        sentence = _("The mail server {server} does not offer a login (SMTP AUTH) on this "
                     "connection.")  # fmt: skip
        return sentence.format(**values)
    # smtplib reports a timeout while waiting for an answer as "disconnected"
    disconnected = isinstance(exc, smtplib.SMTPServerDisconnected)
    if isinstance(exc, TimeoutError) or (
        disconnected and isinstance(exc.__context__, TimeoutError)
    ):
        sentence = _("The mail server {server} did not answer within {seconds} s while {stage}; "
                     "check the host, the port and --smtp-security ({ports}).")  # fmt: skip
        return sentence.format(seconds=_seconds(wait), **values)
    if disconnected:
        sentence = (
            _("The mail server {server} closed the connection while {stage}; check the port "
              "and --smtp-security ({ports}).")
            if stage == _CONNECTING
            else _("The mail server {server} closed the connection while {stage}.")
        )  # fmt: skip
        return sentence.format(**values)
    if isinstance(exc, smtplib.SMTPResponseException):
        sentence = _("The mail server {server} failed while {stage}{reply}.")
        return sentence.format(reply=_reply(exc, password), **values)
    if isinstance(exc, smtplib.SMTPException):
        sentence = _("Sending through the mail server {server} failed while {stage}: {reason}.")
        return sentence.format(reason=_clean(str(exc), password), **values)
    if isinstance(exc, ssl.SSLCertVerificationError):
        sentence = _("The certificate of the mail server {server} cannot be verified "
                     "({reason}); for an internal certificate authority set cafile in the "
                     "[smtp] table.")  # fmt: skip
        return sentence.format(reason=exc.verify_message, **values)
    if isinstance(exc, ssl.SSLError):
        sentence = _("TLS with the mail server {server} failed ({reason}); check the port and "
                     "--smtp-security ({ports}).")  # fmt: skip
        return sentence.format(reason=exc.reason or exc, **values)
    if isinstance(exc, ConnectionRefusedError):
        sentence = _("Cannot reach the mail server {server}: the connection was refused.")
        return sentence.format(**values)
    if isinstance(exc, socket.gaierror):
        sentence = _("Cannot reach the mail server: the host name {host} cannot be resolved.")
        return sentence.format(**values)
    reason = os_reason(exc) if isinstance(exc, OSError) and exc.strerror else str(exc)
    sentence = _("Cannot reach the mail server {server} while {stage}: {reason}.")
    return sentence.format(reason=_clean(reason, password), **values)


def _seconds(wait: float) -> str:
    """`2.5` as Python's `g` format writes it; German with a decimal comma."""
    written = f"{wait:g}"
    return written if active() == "en" else number(wait, len(written.partition(".")[2]))


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
    return ngettext("the recipient {list}", "the recipients {list}", len(parts)).format(
        list=", ".join(parts)
    )


def _clean(text: str, password: str | None) -> str:
    """A server reply on one line, with the password (should a server echo it) masked."""
    text = " ".join(str(text).split())
    return text.replace(password, "***") if password else text
