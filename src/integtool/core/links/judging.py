"""The verdicts that need no request: the ignore list, e-mail and phone links, addresses
that cannot be requested, and internal links (resolved against the API data)."""

from collections.abc import Sequence
from dataclasses import dataclass
from fnmatch import fnmatchcase

from integtool.core.links.internal import SiteIndex
from integtool.core.links.urls import Address, Scheme
from integtool.core.links.verdicts import LinkClass, Reason, TargetKind, Verdict


@dataclass(frozen=True, slots=True)
class IgnoreRule:
    """An address (or a `*` pattern) an editor decided not to check, and why."""

    pattern: str
    reason: str

    def matches(self, url: str) -> bool:
        """Whether `url` (normalised) is covered: the pattern itself, or its `*` pattern."""
        pattern = self.pattern.strip()
        return (
            url == pattern
            or url.rstrip("/") == pattern.rstrip("/")
            or ("*" in pattern and fnmatchcase(url, pattern))
        )


def ignore_rule_for(url: str, rules: Sequence[IgnoreRule]) -> IgnoreRule | None:
    """The first rule that covers `url`, if any."""
    return next((rule for rule in rules if rule.matches(url)), None)


def local_verdict(
    address: Address, index: SiteIndex, rules: Sequence[IgnoreRule] = ()
) -> Verdict | None:
    """The verdict on `address` without a request, or None when it must be requested."""
    if ignore_rule_for(address.url, rules) is not None:
        return Verdict(LinkClass.IGNORED, Reason.IGNORE_LIST)
    if address.scheme is Scheme.EMAIL:
        return Verdict(LinkClass.EMAIL, Reason.OK)
    if address.scheme is Scheme.PHONE:
        return Verdict(LinkClass.PHONE, Reason.OK)
    if address.scheme is Scheme.INVALID:
        return Verdict(LinkClass.BROKEN, Reason.INVALID_ADDRESS)
    if address.scheme is Scheme.OTHER:
        return Verdict(LinkClass.IGNORED, Reason.OTHER_SCHEME)
    if address.scheme is Scheme.ANCHOR:
        return Verdict(LinkClass.VALID, Reason.OK, TargetKind.PAGE)
    if index.is_internal(address):
        return index.resolve(address)
    return None
