"""Paths of the Integreat API v3 (pure request builders).

Every region slug and language code is checked against the CMS's slug alphabet before it goes
into a path, so no value (from the command line or from a server) can walk to another path.
"""

from urllib.parse import quote as _quote

from integtool.core.codes import is_slug, shown
from integtool.errors import UsageError
from integtool.i18n import _


def quote(code: str) -> str:
    """A region slug or language code as a path segment; UsageError when it is not a slug."""
    if not is_slug(code):
        raise UsageError(
            _("{code} is not a region slug or language code (letters, digits, '-' and '_' "
              "only).").format(code=shown(code))
        )  # fmt: skip
    return _quote(code)


def regions_path() -> str:
    """All non-archived regions."""
    return "/api/v3/regions/"


def region_path(region: str) -> str:
    """One region."""
    return f"/api/v3/regions/{quote(region)}/"


def languages_path(region: str) -> str:
    """The visible languages of a region, default language first."""
    return f"/api/v3/{quote(region)}/languages/"


def pages_path(region: str, language: str) -> str:
    """All public pages of a region in one language (one list, no paging)."""
    return f"/api/v3/{quote(region)}/{quote(language)}/pages/"


def pushpage_path(region: str, language: str) -> str:
    """Saves a new version of one page's translation (the page is named by its token)."""
    return f"/api/v3/{quote(region)}/{quote(language)}/pushpage/"


def settings_path(region: str) -> str:
    """Region settings, incl. the machine-translation budget in words (needs a token)."""
    return f"/api/v3/{quote(region)}/settings/"
