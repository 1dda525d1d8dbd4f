"""The report e-mail, delivered to a real SMTP server (aiosmtpd) on 127.0.0.1."""

import re
import smtplib
from collections.abc import Iterator
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import parsedate_to_datetime
from pathlib import Path

import pytest

from integtool.config import SmtpSettings
from integtool.errors import ConfigError, InsecureTransportError, MailError, UsageError
from integtool.exitcodes import ExitCode
from integtool.reports.mail_message import build_message, parse_address
from integtool.services.mailer import SmtpServer, send_message, smtp_password, smtp_settings
from tests.smtp_fixtures import HOST, LocalCa, free_port, local_ca, running_smtp

SENDER = "Integrationsbüro Neustadt <integration@neustadt.example>"
SUBJECT = "Integreat: 3 Seiten veraltet – Übersetzungen für العربية"
TEXT = "Grüße aus Neustadt!\nÄnderungen: Bürgerbüro, Öffnungszeiten.\nمرحبا بكم في نويشتات\n"
HTML = "<p>Grüße aus <b>Neustadt</b>!</p>\n<p dir='rtl' lang='ar'>مرحبا بكم في نويشتات</p>\n"
WHEN = datetime(2024, 5, 6, 7, 30, tzinfo=UTC)
USER, PASSWORD = "editor@neustadt.example", "s3cret-Pässwort"
ASCII_PASSWORD = "s3cret-password"


def report(*recipients: str) -> EmailMessage:
    return build_message(
        SUBJECT, TEXT, HTML, SENDER, recipients or ("redaktion@neustadt.example",), when=WHEN
    )


def server(
    port: int, security: str = "none", *, user: str | None = None, cafile: Path | None = None
) -> SmtpServer:
    settings = SmtpSettings(host=HOST, port=port, sender=SENDER, cafile=cafile)
    return smtp_settings(settings, security=security, user=user)


@pytest.fixture(scope="module")
def ca(tmp_path_factory: pytest.TempPathFactory) -> LocalCa:
    return local_ca(tmp_path_factory.mktemp("ca"))


@pytest.fixture(autouse=True)
def _no_inherited_ca_bundle(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The tests decide which certificate authorities the client trusts."""
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    yield


def test_plain_delivery_keeps_headers_and_both_alternatives() -> None:
    with running_smtp() as smtp:
        send_message(
            report("redaktion@neustadt.example", "Ümit Yılmaz <uemit@neustadt.example>"),
            server(smtp.port),
            None,
        )
    [received] = smtp.received
    assert received.mail_from == "integration@neustadt.example"
    assert received.rcpt_tos == ["redaktion@neustadt.example", "uemit@neustadt.example"]
    assert received.login is None
    message = received.message()
    assert message["From"] == SENDER
    assert message["To"] == "redaktion@neustadt.example, Ümit Yılmaz <uemit@neustadt.example>"
    assert message["Subject"] == SUBJECT
    assert parsedate_to_datetime(message["Date"]) == WHEN
    assert re.fullmatch(r"<[^@<>\s]+@neustadt\.example>", message["Message-ID"])
    assert message["Auto-Submitted"] == "auto-generated"
    assert message.get_content_type() == "multipart/alternative"
    parts = list(message.iter_parts())
    assert [part.get_content_type() for part in parts] == ["text/plain", "text/html"]
    assert [part.get_content_charset() for part in parts] == ["utf-8", "utf-8"]
    assert [part.get_content() for part in parts] == [TEXT, HTML]
    assert all(line.isascii() for line in received.data.splitlines())  # 7-bit clean on the wire


def test_starttls_with_login(ca: LocalCa) -> None:
    with running_smtp(starttls=ca.server_context(), users={USER: ASCII_PASSWORD}) as smtp:
        target = server(smtp.port, "starttls", user=USER, cafile=ca.cafile)
        send_message(report(), target, ASCII_PASSWORD)
    [received] = smtp.received
    assert received.login == USER
    assert received.message().get_body(("plain",)).get_content() == TEXT  # type: ignore[union-attr]


def test_starttls_trusts_the_ssl_cert_file_variable(
    ca: LocalCa, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(ca.cafile))
    with running_smtp(starttls=ca.server_context()) as smtp:
        send_message(report(), server(smtp.port, "starttls"), None)
    assert len(smtp.received) == 1


def test_implicit_tls_with_login(ca: LocalCa) -> None:
    with running_smtp(implicit_tls=ca.server_context(), users={USER: ASCII_PASSWORD}) as smtp:
        target = server(smtp.port, "tls", user=USER, cafile=ca.cafile)
        send_message(report(), target, ASCII_PASSWORD)
    [received] = smtp.received
    assert received.login == USER
    assert received.message()["Subject"] == SUBJECT


def test_an_unknown_certificate_authority_is_refused(ca: LocalCa) -> None:
    with (
        running_smtp(implicit_tls=ca.server_context()) as smtp,
        pytest.raises(MailError, match=r"certificate of the mail server .* cannot be verified"),
    ):
        send_message(report(), server(smtp.port, "tls"), None)
    assert smtp.received == []


def test_wrong_password_names_the_user_not_the_password(ca: LocalCa) -> None:
    with running_smtp(starttls=ca.server_context(), users={USER: "the-right-one"}) as smtp:
        target = server(smtp.port, "starttls", user=USER, cafile=ca.cafile)
        with pytest.raises(MailError) as caught:
            send_message(report(), target, ASCII_PASSWORD)
    sentence = str(caught.value)
    assert f"refused the login for {USER}" in sentence and "535" in sentence
    assert ASCII_PASSWORD not in sentence and "\n" not in sentence
    assert caught.value.exit_code == ExitCode.SERVER
    assert smtp.received == []


@pytest.mark.parametrize("right", [PASSWORD, "another-Pässwort"])
def test_a_non_ascii_password_logs_in_with_utf8(ca: LocalCa, right: str) -> None:
    """smtplib alone cannot send it (it encodes the login as ASCII)."""
    with running_smtp(starttls=ca.server_context(), users={USER: right}) as smtp:
        target = server(smtp.port, "starttls", user=USER, cafile=ca.cafile)
        if right == PASSWORD:
            send_message(report(), target, PASSWORD)
        else:
            with pytest.raises(MailError, match=f"refused the login for {USER}") as caught:
                send_message(report(), target, PASSWORD)
            assert PASSWORD not in str(caught.value)
    assert [received.login for received in smtp.received] == ([USER] if right == PASSWORD else [])


def test_nothing_listening_is_a_mail_error() -> None:
    with pytest.raises(MailError, match=r"Cannot reach the mail server 127\.0\.0\.1:\d+") as caught:
        send_message(report(), server(free_port()), None)
    assert caught.value.exit_code == 3


def test_a_server_without_starttls(ca: LocalCa) -> None:
    with (
        running_smtp() as smtp,
        pytest.raises(MailError, match="does not offer STARTTLS; check --smtp-security"),
    ):
        send_message(report(), server(smtp.port, "starttls", cafile=ca.cafile), None)


def test_tls_to_a_plain_server_fails_clearly() -> None:
    with running_smtp() as smtp, pytest.raises(MailError, match="TLS with the mail server"):
        send_message(report(), server(smtp.port, "tls"), None)


def test_starttls_to_an_implicit_tls_port_times_out_clearly(ca: LocalCa) -> None:
    with (
        running_smtp(implicit_tls=ca.server_context()) as smtp,
        pytest.raises(MailError, match=r"while connecting; check .*--smtp-security"),
    ):
        send_message(report(), server(smtp.port, "starttls"), None, timeout=0.5)


def test_refused_recipients() -> None:
    with running_smtp(refuse=frozenset({"gone@neustadt.example"})) as smtp:
        with pytest.raises(MailError, match=r"refused the recipient gone@neustadt\.example \(550"):
            send_message(report("gone@neustadt.example"), server(smtp.port), None)
        with pytest.raises(MailError, match="the report went to the other recipients"):
            send_message(
                report("gone@neustadt.example", "redaktion@neustadt.example"),
                server(smtp.port),
                None,
            )
    [received] = smtp.received
    assert received.rcpt_tos == ["redaktion@neustadt.example"]


def test_no_password_in_plain_text_to_another_host(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_connection(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("connected")

    monkeypatch.setattr(smtplib, "SMTP", no_connection)
    target = SmtpServer("mail.neustadt.example", 25, "none", SENDER, user=USER)
    with pytest.raises(
        InsecureTransportError, match="Refusing to send the SMTP password"
    ) as caught:
        send_message(report(), target, ASCII_PASSWORD)
    assert ASCII_PASSWORD not in str(caught.value)
    assert caught.value.exit_code == ExitCode.USAGE


def test_plain_login_to_this_machine_is_allowed() -> None:
    with running_smtp(users={USER: ASCII_PASSWORD}) as smtp:
        send_message(report(), server(smtp.port, user=USER), ASCII_PASSWORD)
    assert [received.login for received in smtp.received] == [USER]


def test_a_user_without_password_is_a_configuration_error() -> None:
    target = SmtpServer(HOST, free_port(), "starttls", SENDER, user=USER)
    with pytest.raises(ConfigError, match="set the environment variable INTEGTOOL_SMTP_PASSWORD"):
        send_message(report(), target, None)


def test_an_unreadable_cafile_is_a_configuration_error(tmp_path: Path) -> None:
    target = SmtpServer(HOST, free_port(), "starttls", SENDER, cafile=tmp_path / "missing.pem")
    with pytest.raises(ConfigError, match=r"missing\.pem \(smtp\.cafile\) cannot be used"):
        send_message(report(), target, None)


def test_password_comes_from_the_environment() -> None:
    assert smtp_password({"INTEGTOOL_SMTP_PASSWORD": "x"}) == "x"
    assert smtp_password({"INTEGTOOL_SMTP_PASSWORD": ""}) is None
    assert smtp_password({}) is None


def test_command_line_values_override_the_configuration(tmp_path: Path) -> None:
    configured = SmtpSettings(
        host="mail.neustadt.example", user="bot", sender="a@neustadt.example", timeout=12,
        cafile=tmp_path / "ca.pem",
    )  # fmt: skip
    assert smtp_settings(configured) == SmtpServer(
        "mail.neustadt.example",
        587,
        "starttls",
        "a@neustadt.example",
        "bot",
        12,
        tmp_path / "ca.pem",
    )
    overridden = smtp_settings(
        configured, host="relay.example", port=2525, user="", security="none", sender="b@x.example"
    )
    assert (overridden.host, overridden.port, overridden.security) == (
        "relay.example",
        2525,
        "none",
    )
    assert (overridden.user, overridden.sender) == (None, "b@x.example")
    assert smtp_settings(configured, security="tls").port == 465
    assert smtp_settings(configured, security="none").port == 25
    assert (
        smtp_settings(SmtpSettings(host="h", port=1587, sender="a@b"), security="tls").port == 1587
    )


@pytest.mark.parametrize(
    ("settings", "options", "message"),
    [
        (SmtpSettings(sender="a@b"), {}, "No mail server is set: give --smtp-host"),
        (SmtpSettings(host="h"), {}, "No sender address is set: give --from"),
        (SmtpSettings(host="h"), {"sender": "  "}, "No sender address is set"),
        (SmtpSettings(host="h", sender="a@b"), {"security": "ssl"}, "--smtp-security must be"),
        (SmtpSettings(host="h", sender="a@b"), {"port": 0}, "--smtp-port must be a port number"),
    ],
)
def test_missing_or_bad_settings(
    settings: SmtpSettings, options: dict[str, object], message: str
) -> None:
    with pytest.raises(UsageError, match=re.escape(message)):
        smtp_settings(settings, **options)  # type: ignore[arg-type]


def test_addresses_with_names_and_international_domains() -> None:
    address = parse_address("Bürgerbüro <buergerbuero@müllheim.example>")
    assert (address.display_name, address.addr_spec) == (
        "Bürgerbüro",
        "buergerbuero@xn--mllheim-n2a.example",
    )
    message = build_message("s", "t", "<p>h</p>", "a@müllheim.example", ["b@x.example"])
    assert message["Message-ID"].endswith("@xn--mllheim-n2a.example>")


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("not an address", "expected name@domain"),
        ("a@", "expected name@domain"),
        ("x <a@b.example", "expected name@domain"),
        ("a@b.example, c@d.example", "holds more than one"),
        ("bürger@b.example", "non-ASCII"),
        ("a@b.example\nBcc: evil@x.example", "line break"),
        ("", "it is empty"),
    ],
)
def test_bad_addresses_are_one_clear_sentence(value: str, problem: str) -> None:
    with pytest.raises(UsageError, match=re.escape(problem)) as caught:
        build_message("s", "t", "<p>h</p>", "a@b.example", [value])
    assert str(caught.value).startswith("The recipient '") and "\n" not in str(caught.value)
    with pytest.raises(UsageError, match="The sender"):
        build_message("s", "t", "<p>h</p>", value, ["a@b.example"])


def test_a_report_needs_a_recipient() -> None:
    with pytest.raises(UsageError, match="at least one recipient"):
        build_message("s", "t", "<p>h</p>", "a@b.example", [])


def test_line_breaks_in_the_subject_do_not_make_new_headers() -> None:
    message = build_message(
        "Bericht\nBcc: evil@x.example", "t", "<p>h</p>", "a@b.example", ["c@d.example"]
    )
    assert message["Subject"] == "Bericht Bcc: evil@x.example" and message["Bcc"] is None
