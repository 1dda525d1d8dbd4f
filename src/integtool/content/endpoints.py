"""Paths of the Integreat API v3 (pure request builders)."""

from urllib.parse import quote


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
