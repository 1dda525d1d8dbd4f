"""Translation state per page and language, following the CMS's own rule (FACTS.md)."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from integtool.core.models import PageTranslation


class State(StrEnum):
    """What the CMS would show for one translation of a page."""

    UP_TO_DATE = "up_to_date"
    OUTDATED = "outdated"
    MISSING = "missing"


@dataclass(frozen=True, slots=True)
class LinkedPage:
    """A page of the default language with its public translations, keyed by language code."""

    default: PageTranslation
    translations: Mapping[str, PageTranslation]


def link_translations(
    default_language: str, pages_by_language: Mapping[str, Sequence[PageTranslation]]
) -> list[LinkedPage]:
    """Group translations by page through `available_languages` (both directions).

    The default page's link is used first; a translation that links back to a default page
    which does not list it is still attached. Translations reachable from no default page
    cannot be identified across languages and are left out.
    """
    defaults = pages_by_language.get(default_language, ())
    by_id = {
        code: {page.id: page for page in pages}
        for code, pages in pages_by_language.items()
        if code != default_language
    }
    backlinks: dict[str, dict[int, PageTranslation]] = {}
    for code, pages in by_id.items():
        back: dict[int, PageTranslation] = {}
        for page in pages.values():
            default_id = page.links.get(default_language)
            if default_id is not None:
                back.setdefault(default_id, page)
        backlinks[code] = back
    linked = []
    for default in defaults:
        translations: dict[str, PageTranslation] = {default_language: default}
        links = default.links
        for code, pages in by_id.items():
            tid = links.get(code)
            found = pages.get(tid) if tid is not None else None
            if found is None:
                found = backlinks[code].get(default.id)
            if found is not None:
                translations[code] = found
        linked.append(LinkedPage(default, translations))
    return linked


def page_states(page: LinkedPage, sources: Mapping[str, str | None]) -> dict[str, State]:
    """State of every language of `sources` for one page.

    MISSING without a translation; OUTDATED when the source language has no translation, is
    itself outdated, or was updated at or after this translation; otherwise UP_TO_DATE. The
    root language is always UP_TO_DATE. Machine-translated and "in translation" marks are not
    visible in the public API, so they count as UP_TO_DATE here.
    """
    states: dict[str, State] = {}

    def state_of(code: str) -> State:
        known = states.get(code)
        if known is not None:
            return known
        translation = page.translations.get(code)
        source_code = sources.get(code)
        if translation is None:
            result = State.MISSING
        elif source_code is None:
            result = State.UP_TO_DATE
        else:
            source = page.translations.get(source_code)
            if (
                source is None
                or state_of(source_code) is not State.UP_TO_DATE
                or translation.last_updated <= source.last_updated
            ):
                result = State.OUTDATED
            else:
                result = State.UP_TO_DATE
        states[code] = result
        return result

    for code in sources:
        state_of(code)
    return states
