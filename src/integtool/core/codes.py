"""Region slugs and language codes: the CMS's slug alphabet, matching, and "did you mean".

Both go into URL paths, so a value outside the alphabet (`../../etc`, `a/b`, `%2e`) is refused
before any request is built, whether it came from the command line or from a server's answer.
"""

import difflib
import re
from collections.abc import Iterable

SLUG = re.compile(r"[-\w]{1,200}")
"""Django's unicode slug (letters of any script, digits, `-` and `_`), as the CMS stores
region slugs and language codes."""

LARGEST_ID = 2**63 - 1
"""Ids beyond this do not fit SQLite's integers; a server sending one sends nonsense."""


def is_slug(value: str) -> bool:
    """Whether `value` is a slug the CMS could have made (and is safe in a URL path)."""
    return SLUG.fullmatch(value) is not None


def shown(value: str, limit: int = 60) -> str:
    """`value` quoted for a message, cut to `limit` characters (a 5,000-character slug from
    the command line or a server does not belong in one line)."""
    return repr(value if len(value) <= limit else value[: limit - 1] + "…")


def find_code(wanted: str, available: Iterable[str]) -> str | None:
    """The code of `available` that `wanted` names, ignoring case (`AR` is `ar`)."""
    folded = wanted.casefold()
    return next((code for code in available if code.casefold() == folded), None)


def closest(wanted: str, candidates: Iterable[str]) -> str | None:
    """The candidate closest to `wanted` (ignoring case), or None when none is close."""
    choices = {candidate.casefold(): candidate for candidate in candidates}
    close = difflib.get_close_matches(wanted.casefold(), list(choices), n=1, cutoff=0.5)
    return choices[close[0]] if close else None


def did_you_mean(wanted: str, candidates: Iterable[str]) -> str:
    """` Did you mean 'x'?` in English for the closest candidate, or "" when none is close
    (a person reads `integtool.usage_errors.did_you_mean`, in the UI language)."""
    found = closest(wanted, candidates)
    return f" Did you mean '{found}'?" if found is not None else ""
