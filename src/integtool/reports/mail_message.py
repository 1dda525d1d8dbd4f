"""The report e-mail: one multipart/alternative message with a plain-text and an HTML part."""

from collections.abc import Sequence
from datetime import datetime
from email import policy
from email.header import Header
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, make_msgid

from integtool.errors import UsageError
from integtool.i18n import _
from integtool.redaction import redact

_LINE = 78
"""RFC 5322's recommended line length; the hard limit is 998."""
_POLICY = policy.default.clone(cte_type="7bit", refold_source="none")
"""7bit: quoted-printable or base64 bodies, deliverable without 8BITMIME. refold_source: keep the
pre-folded headers below exactly as built (see _encoded_text)."""


def build_message(
    subject: str,
    text: str,
    html: str,
    sender: str,
    recipients: Sequence[str],
    *,
    when: datetime | None = None,
) -> EmailMessage:
    """The message: text/plain (utf-8) first, text/html second, as RFC 2046 alternatives.

    `sender` and `recipients` are addresses, optionally with a display name
    ("Stadt Neustadt <integration@neustadt.de>"); a bad one is a UsageError. `when` (default:
    now, local time) becomes the Date header. `Auto-Submitted: auto-generated` (RFC 3834) keeps
    autoresponders from answering the nightly report. Configured secrets are masked (the
    report quotes what servers said).
    """
    subject, text, html = redact(subject), redact(text), redact(html)
    from_address = parse_address(sender, "sender")
    if not recipients:
        raise UsageError(_("The report e-mail needs at least one recipient."))
    to_addresses = [parse_address(value, "recipient") for value in recipients]
    message = EmailMessage(policy=_POLICY)
    # Pre-encoded and pre-folded (see _encoded_text): the email package's own folder drops the
    # space between two RFC 2047 encoded-words where it folds (CPython 3.11 to at least 3.13).
    message.set_raw("From", _address_list("From", [from_address]))
    message.set_raw("To", _address_list("To", to_addresses))
    message.set_raw("Subject", _encoded_text("Subject", " ".join(subject.split())))
    message["Date"] = format_datetime((when or datetime.now()).astimezone())
    message["Message-ID"] = make_msgid(domain=from_address.domain)
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(text, subtype="plain", charset="utf-8")
    message.add_alternative(html, subtype="html", charset="utf-8")
    for part in message.iter_parts():
        del part["MIME-Version"]  # set_content() adds one to each part; it belongs on top only
    return message


def _encoded_text(name: str, value: str) -> str:
    """An unstructured header value, folded below 78 characters, that decodes to `value`.

    Non-ASCII text becomes a run of complete utf-8 encoded-words (RFC 2047) with every space
    inside a word, so the whitespace between words, which decoders drop, is only ever a fold.
    """
    if value.isascii():
        return _folded(name, value.split(" "))
    return Header(value, "utf-8", maxlinelen=_LINE - 2, header_name=name).encode(linesep="\n")


def _address_list(name: str, addresses: Sequence[Address]) -> str:
    """Comma-separated addresses folded below 78 characters, display names encoded as needed."""
    tokens: list[str] = []
    for index, address in enumerate(addresses):
        comma = "," if index < len(addresses) - 1 else ""
        if not address.display_name:
            tokens.append(address.addr_spec + comma)
            continue
        if address.display_name.isascii():  # a phrase or quoted string folds at its spaces
            phrase = formataddr((address.display_name, "x@x")).removesuffix(" <x@x>")
            tokens += phrase.split(" ")
        else:
            words = Header(address.display_name, "utf-8", maxlinelen=_LINE - len(name) - 2)
            tokens += words.encode(linesep="\n").split("\n ")
        tokens.append(f"<{address.addr_spec}>{comma}")
    return _folded(name, tokens)


def _folded(name: str, tokens: Sequence[str]) -> str:
    """Tokens joined by spaces, with a fold instead of the space where a line would get long."""
    lines = [tokens[0]]
    used = len(name) + 2 + len(tokens[0])
    for token in tokens[1:]:
        if used + 1 + len(token) > _LINE:
            lines.append(token)
            used = 1 + len(token)
        else:
            lines[-1] += " " + token
            used += 1 + len(token)
    return "\n ".join(lines)


def parse_address(value: str, role: str = "recipient") -> Address:
    """One e-mail address (with an optional display name); the domain in its ASCII (IDNA) form.

    `role` ("sender", "recipient") only names the address in the error sentence.
    """
    problem = _address_problem(value)
    if problem is None:
        address = policy.default.header_factory("To", value).addresses[0]
        try:
            domain = address.domain.encode("idna").decode("ascii")
        except UnicodeError:
            problem = _("its domain is not a valid host name")
        else:
            return Address(address.display_name, address.username, domain)
    shown = "".join(char if char.isprintable() else repr(char)[1:-1] for char in value.strip())
    if role == "sender":
        sentence = _("The sender '{address}' is not a usable e-mail address: {problem}.")
    else:
        sentence = _("The recipient '{address}' is not a usable e-mail address: {problem}.")
    raise UsageError(sentence.format(address=shown, problem=problem))


def _address_problem(value: str) -> str | None:
    if any(ord(char) < 32 or ord(char) == 127 for char in value):
        return _("it contains a line break or control character")
    try:
        header = policy.default.header_factory("To", value)
        addresses = header.addresses
    except (IndexError, ValueError):  # the parser gives up on some inputs (e.g. "a@")
        return _("expected name@domain")
    if len(addresses) != 1:
        if addresses:
            return _("it holds more than one (give each separately)")
        return _("it is empty")
    address = addresses[0]
    if not address.username or not address.domain:
        return _("expected name@domain")
    if not address.username.isascii():
        return _("the part before the @ contains non-ASCII characters, which mail servers reject")
    if header.defects:
        return _("expected name@domain")
    return None
