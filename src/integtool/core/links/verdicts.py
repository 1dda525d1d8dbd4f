"""What a checked link is (the CMS's classes plus what editors asked for) and why.

`classify` turns what the checker observed over HTTP (`Observation`) into a `Verdict`; the
rules follow the CMS's checker: a permanent redirect means "update the link", a redirect to
the site's home page is a likely soft 404, 401/403 are "could not verify" (the site keeps
robots out), and 429, 5xx and timeouts are never kept in the cache.
"""

from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import urlsplit


class LinkClass(StrEnum):
    """The class of one link (machine value, the same in every UI language)."""

    VALID = "valid"
    BROKEN = "broken"
    MOVED = "moved"
    """An internal link to a page that has a new address."""
    REDIRECTED = "redirected"
    """A permanent redirect: the link works, but should name the new address."""
    UNVERIFIABLE = "unverifiable"
    IGNORED = "ignored"
    EMAIL = "email"
    PHONE = "phone"
    MISSING_ALT = "missing_alt"
    """An image without alternative text (a finding of its own, beside the image's class)."""


NEEDS_ATTENTION = (
    LinkClass.BROKEN,
    LinkClass.MOVED,
    LinkClass.REDIRECTED,
    LinkClass.UNVERIFIABLE,
    LinkClass.MISSING_ALT,
)
"""The classes listed one by one in a report (the others are counted)."""


class Reason(StrEnum):
    """Why a link got its class (machine value)."""

    OK = "ok"
    TEMPORARY_REDIRECT = "temporary_redirect"
    PERMANENT_REDIRECT = "permanent_redirect"
    REDIRECT_TO_HOME = "redirect_to_home"
    NOT_FOUND = "not_found"
    GONE = "gone"
    CLIENT_ERROR = "client_error"
    SERVER_ERROR = "server_error"
    FRAGMENT_MISSING = "fragment_missing"
    LOGIN_REQUIRED = "login_required"
    ROBOTS_BLOCKED = "robots_blocked"
    RATE_LIMITED = "rate_limited"
    DNS = "dns"
    REFUSED = "refused"
    TLS = "tls"
    TIMEOUT = "timeout"
    CONNECTION = "connection"
    TOO_MANY_REDIRECTS = "too_many_redirects"
    NOT_CHECKED = "not_checked"
    """Beyond the run's cap of URLs or time: checked by a later run."""
    INVALID_ADDRESS = "invalid_address"
    OTHER_SCHEME = "other_scheme"
    IGNORE_LIST = "ignore_list"
    PAGE_MOVED = "page_moved"
    PAGE_NOT_FOUND = "page_not_found"
    UNKNOWN_LANGUAGE = "unknown_language"
    OTHER_REGION = "other_region"
    NOT_READ = "not_read"
    """Internal content integtool does not read (events, locations, news, short links)."""
    NO_ALT = "no_alt"


class TargetKind(StrEnum):
    """What a link points at."""

    PAGE = "page"
    PDF = "pdf"
    IMAGE = "image"
    OTHER = "other"


class Failure(StrEnum):
    """How a request failed before any answer (told apart for the editor)."""

    DNS = "dns"
    REFUSED = "refused"
    TLS = "tls"
    TIMEOUT = "timeout"
    CONNECTION = "connection"
    TOO_MANY_REDIRECTS = "too_many_redirects"


@dataclass(frozen=True, slots=True)
class Observation:
    """What checking one URL over HTTP showed (stored in the cache as it is)."""

    status: int | None
    """The final answer's status (None when no answer came)."""
    failure: Failure | None = None
    redirects: tuple[tuple[int, str], ...] = ()
    """Each redirect followed: its status and where it pointed."""
    final_url: str = ""
    content_type: str = ""
    fragment_found: bool | None = None
    """Whether the `#fragment` was in the page (None: no fragment, or not looked for)."""
    requests: int = 0

    @property
    def cacheable(self) -> bool:
        """Kept for the cache's age: not 429, 5xx or a timeout (they are asked again)."""
        if self.failure is Failure.TIMEOUT:
            return False
        return self.status is None or not (self.status == 429 or self.status >= 500)


@dataclass(frozen=True, slots=True)
class Verdict:
    """The class of a link, why, and where it should point instead (moved, redirected)."""

    link_class: LinkClass
    reason: Reason
    target: TargetKind = TargetKind.OTHER
    new_url: str | None = None
    status: int | None = None


_PERMANENT = {301, 308}
_FAILURES = {
    Failure.DNS: Reason.DNS,
    Failure.REFUSED: Reason.REFUSED,
    Failure.TLS: Reason.TLS,
    Failure.CONNECTION: Reason.CONNECTION,
    Failure.TOO_MANY_REDIRECTS: Reason.TOO_MANY_REDIRECTS,
}


def classify(url: str, seen: Observation, *, image: bool = False) -> Verdict:
    """The verdict on `url` from what the checker saw (`image`: it was an `<img>`)."""
    target = target_kind(seen.final_url or url, seen.content_type, image=image)
    if seen.failure is Failure.TIMEOUT:
        return Verdict(LinkClass.UNVERIFIABLE, Reason.TIMEOUT, target)
    if seen.failure is not None:
        return Verdict(LinkClass.BROKEN, _FAILURES[seen.failure], target)
    status = seen.status or 0
    if status == 429:
        return Verdict(LinkClass.UNVERIFIABLE, Reason.RATE_LIMITED, target, status=status)
    if status in {401, 407}:
        return Verdict(LinkClass.UNVERIFIABLE, Reason.LOGIN_REQUIRED, target, status=status)
    if status == 403:
        return Verdict(LinkClass.UNVERIFIABLE, Reason.ROBOTS_BLOCKED, target, status=status)
    if status in {404, 410}:
        reason = Reason.NOT_FOUND if status == 404 else Reason.GONE
        return Verdict(LinkClass.BROKEN, reason, target, status=status)
    if status >= 500:
        return Verdict(LinkClass.BROKEN, Reason.SERVER_ERROR, target, status=status)
    if status >= 400 or status < 200:
        return Verdict(LinkClass.BROKEN, Reason.CLIENT_ERROR, target, status=status)
    if seen.redirects:
        if _is_home(seen.final_url) and not _is_home(url):
            return Verdict(
                LinkClass.BROKEN, Reason.REDIRECT_TO_HOME, target, seen.final_url, status
            )
        if any(code in _PERMANENT for code, _target in seen.redirects):
            return Verdict(
                LinkClass.REDIRECTED,
                Reason.PERMANENT_REDIRECT,
                target,
                _with_fragment(seen.final_url, url),
                status,
            )
    if seen.fragment_found is False:
        return Verdict(LinkClass.BROKEN, Reason.FRAGMENT_MISSING, target, status=status)
    if seen.redirects:
        return Verdict(LinkClass.VALID, Reason.TEMPORARY_REDIRECT, target, status=status)
    return Verdict(LinkClass.VALID, Reason.OK, target, status=status)


_SUFFIXES = {
    ".pdf": TargetKind.PDF,
    ".png": TargetKind.IMAGE,
    ".jpg": TargetKind.IMAGE,
    ".jpeg": TargetKind.IMAGE,
    ".gif": TargetKind.IMAGE,
    ".svg": TargetKind.IMAGE,
    ".webp": TargetKind.IMAGE,
    ".htm": TargetKind.PAGE,
    ".html": TargetKind.PAGE,
    ".php": TargetKind.PAGE,
}


def target_kind(url: str, content_type: str = "", *, image: bool = False) -> TargetKind:
    """Web page, PDF, image or other: the Content-Type when there is one, else the address."""
    media = content_type.split(";", 1)[0].strip().lower()
    if media in {"text/html", "application/xhtml+xml"}:
        return TargetKind.PAGE
    if media == "application/pdf":
        return TargetKind.PDF
    if media.startswith("image/"):
        return TargetKind.IMAGE
    if media:
        return TargetKind.OTHER
    path = urlsplit(url).path.lower()
    dot = path.rfind(".")
    if dot > path.rfind("/"):
        return _SUFFIXES.get(path[dot:], TargetKind.IMAGE if image else TargetKind.OTHER)
    return TargetKind.IMAGE if image else TargetKind.PAGE


def _is_home(url: str) -> bool:
    parts = urlsplit(url)
    return parts.path in {"", "/"} and not parts.query


def _with_fragment(final_url: str, url: str) -> str:
    _base, sep, fragment = url.partition("#")
    return f"{final_url.split('#', 1)[0]}#{fragment}" if sep else final_url
