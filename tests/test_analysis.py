"""The region analysis on constructed pages: states, stale pages, copies, summary."""

from datetime import UTC, datetime, timedelta

from integtool.core.analysis import analyse_region
from integtool.core.findings import FindingKind
from integtool.core.language_tree import resolve_sources
from integtool.core.models import PageTranslation
from integtool.langid import FastTextIdentifier

NOW = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)
DE_TEXT = "Das Jobcenter hilft Ihnen bei der Arbeitssuche und beim Bürgergeld. Bitte bringen Sie Ihren Ausweis mit."
EN_TEXT = (
    "The job centre helps you find work and apply for citizen's income. Please bring your ID card."
)
AR_TEXT = "يساعدك مركز العمل في البحث عن عمل وفي الحصول على إعانة المواطن. يرجى إحضار بطاقة هويتك."


def page(
    pid: int, lang: str, days_ago: float, text: str, links: dict[str, int], title: str = ""
) -> PageTranslation:
    return PageTranslation(
        id=pid, language=lang, path=f"/r/{lang}/p{pid}/", title=title or f"Seite {pid}",
        last_updated=NOW - timedelta(days=days_ago), content=f"<p>{text}</p>", excerpt=text, links=links,
    )  # fmt: skip


def region() -> dict[str, list[PageTranslation]]:
    return {
        "de": [
            page(1, "de", 10, DE_TEXT, {"en": 11, "ar": 21}, "Jobcenter"),
            page(2, "de", 500, DE_TEXT, {"en": 12, "ar": 22}, "Alt"),
            page(3, "de", 5, DE_TEXT, {}, "Neu"),
        ],
        "en": [
            page(11, "en", 9, EN_TEXT, {"de": 1, "ar": 21}),  # up to date
            page(12, "en", 600, DE_TEXT, {"de": 2, "ar": 22}),  # outdated and a copy
        ],
        "ar": [
            page(21, "ar", 8, AR_TEXT, {"de": 1, "en": 11}),  # up to date (after en)
            page(22, "ar", 1, AR_TEXT, {"de": 2, "en": 12}),  # later than en, but en is outdated
        ],
    }


def analyse(sources: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    tree = resolve_sources(["de", "en", "ar"], {"ar": "en"} if sources is None else sources)
    return analyse_region(
        region(), tree, ["en", "ar"], now=NOW, stale_days=365, identifier=FastTextIdentifier()
    )


def kinds(result, language: str) -> dict[int, set[str]]:  # type: ignore[no-untyped-def]
    found: dict[int, set[str]] = {}
    for f in result.findings:
        if f.language == language:
            found.setdefault(f.default_page_id, set()).add(f.kind.value)
    return found


def test_states_with_transitivity_and_copies() -> None:
    result = analyse()
    assert kinds(result, "en") == {2: {"outdated", "untranslated_copy"}, 3: {"missing"}}
    assert kinds(result, "ar") == {2: {"outdated"}, 3: {"missing"}}
    assert kinds(result, "de") == {2: {"stale"}}


def test_summary_counts_every_page_once_and_copies_beside() -> None:
    result = analyse()
    for summary in result.summary.values():
        assert summary.up_to_date + summary.outdated + summary.missing == result.pages == 3
    assert (result.summary["en"].up_to_date, result.summary["en"].untranslated_copy) == (1, 1)
    assert result.stale_pages == 1


def test_default_tree_compares_with_the_default_language() -> None:
    result = analyse({})
    assert kinds(result, "ar") == {3: {"missing"}}  # ar 22 is newer than its German source


def test_finding_fields() -> None:
    result = analyse()
    missing = next(
        f for f in result.findings if f.kind is FindingKind.MISSING and f.language == "ar"
    )
    assert (missing.page_id, missing.path, missing.last_updated) == (None, None, None)
    assert missing.source_language == "en" and missing.source_path is None
    assert missing.default_page_id == 3 and missing.title == "Neu"
    assert missing.words == 17  # nearest existing text: the German page (title + content)
    stale = next(f for f in result.findings if f.kind is FindingKind.STALE)
    assert (stale.language, stale.page_id, stale.age_days) == ("de", 2, 500)
    outdated = next(
        f for f in result.findings if f.kind is FindingKind.OUTDATED and f.language == "en"
    )
    assert (outdated.page_id, outdated.source_path, outdated.age_days) == (12, "/r/de/p2/", 500)
