"""One region's content check: states, stale pages and copies, as findings and a summary."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from integtool.core.copy_detection import LanguageIdentifier, PageTexts, copy_reason
from integtool.core.findings import Finding, FindingKind, LanguageSummary
from integtool.core.language_tree import ancestors
from integtool.core.markup import cms_word_count
from integtool.core.models import PageTranslation
from integtool.core.status import LinkedPage, State, link_translations, page_states

_KIND_OF_STATE = {State.MISSING: FindingKind.MISSING, State.OUTDATED: FindingKind.OUTDATED}


@dataclass(slots=True)
class RegionAnalysis:
    """Summary per target language, findings, and the number of pages examined."""

    default_language: str
    summary: dict[str, LanguageSummary]
    findings: list[Finding]
    pages: int
    stale_pages: int = 0
    translations_examined: int = 0
    words_by_translation: dict[int, int] = field(default_factory=dict)
    """CMS words of every text a finding is based on, by translation id (reused by the cost)."""


def analyse_region(
    pages_by_language: Mapping[str, Sequence[PageTranslation]],
    sources: Mapping[str, str | None],
    targets: Sequence[str],
    *,
    now: datetime,
    stale_days: int,
    identifier: LanguageIdentifier | None,
    thorough_copies: bool = False,
) -> RegionAnalysis:
    """Check every page of a region in the target languages.

    `sources` maps each language read (targets and their ancestors) to its source language;
    the language whose source is None is the default language.
    """
    default_language = next(code for code, source in sources.items() if source is None)
    linked = link_translations(default_language, pages_by_language)
    targets = [code for code in targets if code != default_language]
    result = RegionAnalysis(
        default_language, {code: LanguageSummary() for code in targets}, [], len(linked)
    )
    stale_before = now - timedelta(days=stale_days)
    chains = {code: ancestors(code, sources) for code in targets}
    words: dict[int, int] = result.words_by_translation

    def words_of(page: PageTranslation) -> int:
        count = words.get(page.id)
        if count is None:
            count = words[page.id] = cms_word_count(page.title, page.content)
        return count

    for page in linked:
        default = page.default
        if default.last_updated < stale_before:
            result.stale_pages += 1
            result.findings.append(
                Finding(
                    FindingKind.STALE,
                    default_language,
                    None,
                    default.id,
                    default.id,
                    default.path,
                    None,
                    default.title,
                    default.last_updated,
                    None,
                    words_of(default),
                    _days(now, default.last_updated),
                    f"not updated for {_days(now, default.last_updated)} days",
                )
            )
        states = page_states(page, sources)
        texts = PageTexts({c: t.title + " " + t.excerpt for c, t in page.translations.items()})
        for code in targets:
            state = states[code]
            summary = result.summary[code]
            translation = page.translations.get(code)
            source_code = sources[code] or default_language
            source = page.translations.get(source_code)
            basis = _nearest_existing(page, chains[code])
            if state is State.UP_TO_DATE:
                summary.up_to_date += 1
            elif state is State.OUTDATED:
                summary.outdated += 1
            else:
                summary.missing += 1
            if state is not State.UP_TO_DATE:
                result.findings.append(
                    _finding(_KIND_OF_STATE[state], code, source_code, page, translation, source,
                             basis, words_of(basis), _days(now, basis.last_updated))
                )  # fmt: skip
            if translation is None:
                continue
            result.translations_examined += 1
            reason = copy_reason(code, texts, chains[code], identifier, thorough=thorough_copies)
            if reason is not None:
                summary.untranslated_copy += 1
                result.findings.append(
                    _finding(FindingKind.UNTRANSLATED_COPY, code, source_code, page, translation,
                             source, basis, words_of(basis), _days(now, translation.last_updated),
                             reason)
                )  # fmt: skip
    return result


def _finding(
    kind: FindingKind,
    code: str,
    source_code: str,
    page: LinkedPage,
    translation: PageTranslation | None,
    source: PageTranslation | None,
    basis: PageTranslation,
    words: int,
    age_days: int,
    detail: str = "",
) -> Finding:
    return Finding(
        kind,
        code,
        source_code,
        translation.id if translation else None,
        page.default.id,
        translation.path if translation else None,
        source.path if source else None,
        page.default.title,
        translation.last_updated if translation else None,
        source.last_updated if source else None,
        words,
        age_days,
        detail,
        basis.id,
    )


def _nearest_existing(page: LinkedPage, chain: Sequence[str]) -> PageTranslation:
    """The closest ancestor translation that exists (the default page always does)."""
    return next(
        (page.translations[code] for code in chain if code in page.translations), page.default
    )


def _days(now: datetime, then: datetime) -> int:
    return max(0, (now - then).days)
