"""One spelling per address, so each URL is checked once however it was written.

`normalise` resolves a relative address against the CMS's base URL, lower-cases scheme and
host, drops the default port, gives an empty path its `/` and writes the path and query with
one percent-encoding. The fragment is kept (a `#part` must be seen in the page), so
`page#a` and `page#b` are two checks of one page.
"""

import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import quote, unquote, urljoin, urlsplit, urlunsplit

_PATH_SAFE = "/:@!$&'()*+,;=-._~"
_QUERY_SAFE = _PATH_SAFE + "?"
_DEFAULT_PORTS = {"http": 80, "https": 443}


class Scheme(StrEnum):
    """What kind of address a link is."""

    WEB = "web"
    EMAIL = "email"
    PHONE = "phone"
    ANCHOR = "anchor"
    """`#part` within the same page."""
    OTHER = "other"
    """javascript:, data:, ftp:, ... (not checked)."""
    INVALID = "invalid"


@dataclass(frozen=True, slots=True)
class Address:
    """A normalised address: `url` is the key it is checked and cached under."""

    url: str
    scheme: Scheme
    host: str = ""
    path: str = ""
    """Decoded path (for matching against page paths)."""
    fragment: str = ""


def normalise(address: str, base_url: str) -> Address:
    """The normalised form of `address` as written in content served by `base_url`."""
    text = address.strip()
    lowered = text.lower()
    if lowered.startswith("mailto:"):
        mail = unquote(text[7:].split("?", 1)[0]).strip()
        valid = "@" in mail and " " not in mail and not mail.startswith("@")
        return Address(f"mailto:{mail.lower()}", Scheme.EMAIL if valid else Scheme.INVALID)
    if lowered.startswith("tel:"):
        number = "".join(ch for ch in unquote(text[4:]) if ch.isdigit() or ch == "+")
        valid = sum(ch.isdigit() for ch in number) >= 3
        return Address(f"tel:{number}", Scheme.PHONE if valid else Scheme.INVALID)
    if text.startswith("#"):
        return Address(text, Scheme.ANCHOR, fragment=text[1:])
    try:
        parts = urlsplit(urljoin(base_url.rstrip("/") + "/", text))
        port = parts.port
    except ValueError:
        return Address(text, Scheme.INVALID)
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS:
        return Address(text, Scheme.OTHER if scheme else Scheme.INVALID)
    host = (parts.hostname or "").rstrip(".")
    if not host:
        return Address(text, Scheme.INVALID)
    try:
        host = host.encode("idna").decode("ascii").lower()
    except UnicodeError:
        return Address(text, Scheme.INVALID)
    netloc = host if ":" not in host else f"[{host}]"
    if port is not None and port != _DEFAULT_PORTS[scheme]:
        netloc = f"{netloc}:{port}"
    decoded = unicodedata.normalize("NFC", unquote(parts.path or "/"))
    path = quote(decoded, safe=_PATH_SAFE)
    query = quote(unquote(parts.query), safe=_QUERY_SAFE) if parts.query else ""
    fragment = unquote(parts.fragment)
    url = urlunsplit((scheme, netloc, path, query, quote(fragment, safe=_QUERY_SAFE)))
    return Address(url, Scheme.WEB, host, decoded, fragment)


def without_fragment(url: str) -> str:
    """The address the server is asked for (the fragment never travels)."""
    return url.split("#", 1)[0]


def host_of(url: str) -> str:
    """The host (with a non-default port) an address is requested from: one politeness queue."""
    return urlsplit(url).netloc.lower()
