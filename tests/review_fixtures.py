"""A state file for review tests: a stored check of `neustadt` and drafts in Arabic and Persian.

Draft 1 replaces a human translation (the diff has something to show) and is clean; draft 2
lost a number (a QA warning); draft 3 is a clean new translation; draft 4 is Persian.
"""

from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from integtool.config import Config, load_config
from integtool.core.cost import CostLine
from integtool.core.findings import Finding, FindingKind
from integtool.core.history import RegionRecord
from integtool.core.providers_support import Provider
from integtool.core.qa.checks import QaWarning
from integtool.core.qa.warnings import in_field
from integtool.services.review_session import ReviewSession
from integtool.store.check_history import CheckHistory
from integtool.store.database import connect
from integtool.store.drafts import DraftStore, NewDraft
from integtool.tui.app import ReviewApp
from tests.conftest import REPO

CHECKED = datetime(2026, 11, 20, 22, 0, tzinfo=UTC)
SOURCE_DATE = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
OLD_DATE = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)

ABH_SOURCE = (
    "<p>Die Ausländerbehörde stellt den Aufenthaltstitel aus.</p>"
    "<p>Sie erreichen uns unter 0761 201-0.</p>"
)
ABH_DRAFT = (
    "<p>تصدر دائرة الأجانب تصريح الإقامة.</p><p>يمكنكم التواصل معنا على الرقم 0761 201-0.</p>"
)
ABH_PREVIOUS = "<p>مكتب الأجانب يصدر الإقامة.</p><p>يمكنكم التواصل معنا على الرقم 0761 201-0.</p>"
KITA_SOURCE = "<p>Die Kita ist von 7 bis 17 Uhr geöffnet.</p>"
KITA_DRAFT = "<p>الحضانة مفتوحة من الساعة 7 حتى الساعة 5 مساءً.</p>"
KITA_FIXED = "<p>الحضانة مفتوحة من الساعة 7 حتى الساعة 17.</p>"


def _draft(language: str, page: int, title: str, content: str, source_title: str,
           source: str, *, previous: tuple[str, str] | None = None,
           qa: tuple[QaWarning, ...] = ()) -> NewDraft:  # fmt: skip
    return NewDraft(
        "neustadt", language, "de", page, page, SOURCE_DATE,
        page + 1000 if previous else None, OLD_DATE if previous else None,
        f"/neustadt/{language}/page-{page}/" if previous else None, title, content, "deepl",
        "v1", len(source), qa, source_title=source_title, source_content=source,
        source_path=f"/neustadt/de/page-{page}/",
        previous_title=previous[0] if previous else None,
        previous_content=previous[1] if previous else None,
    )  # fmt: skip


def make_state(path: Path) -> Path:
    """The state file with the check and four waiting drafts (ids 1-4)."""
    missing = _finding(FindingKind.MISSING, "ar", 103, "Kindergeld", 40, 55)
    outdated = _finding(FindingKind.OUTDATED, "ar", 101, "Ausländerbehörde", 20, 12)
    stale = _finding(FindingKind.STALE, "de", 105, "Müllabfuhr", 400, 80)
    costs = {
        "ar": CostLine(2, 67, 480, 480, {Provider.DEEPL: 0.012}),
        "fa": CostLine(0, 0, 0, 0, {Provider.DEEPL: 0.0}),
    }
    with closing(connect(path)) as connection:
        CheckHistory(connection).record(
            CHECKED,
            "https://cms.example.org",
            [
                RegionRecord(
                    "neustadt", "Neustadt", ["de", "ar", "fa"], [missing, outdated, stale], costs
                )
            ],
        )
        number = QaWarning.worded(  # as core/qa/items words it, so a German review says it in German
            "number", "The number {number} is missing {place} of the translation.",
            number="17", times=1, place=in_field("content"),
        )  # fmt: skip
        DraftStore(connection).save_many([
            _draft("ar", 101, "دائرة الأجانب", ABH_DRAFT, "Ausländerbehörde", ABH_SOURCE,
                   previous=("مكتب الأجانب", ABH_PREVIOUS)),
            _draft("ar", 102, "الحضانة", KITA_DRAFT, "Kita", KITA_SOURCE, qa=(number,)),
            _draft("ar", 103, "إعانة الأطفال", "<p>إعانة الأطفال للعائلات.</p>", "Kindergeld",
                   "<p>Kindergeld für Familien.</p>"),
            _draft("fa", 101, "اداره اتباع خارجی", "<p>اداره اتباع خارجی اجازه اقامت صادر می‌کند.</p>",
                   "Ausländerbehörde", ABH_SOURCE),
        ])  # fmt: skip
    return path


def _finding(kind: FindingKind, language: str, page: int, title: str, age: int,
             words: int) -> Finding:  # fmt: skip
    return Finding(
        kind, language, "de" if language != "de" else None, None, page,
        f"/neustadt/{language}/page-{page}/", f"/neustadt/de/page-{page}/", title, None,
        SOURCE_DATE, words, age,
    )  # fmt: skip


def review_config(tmp_path: Path) -> Config:
    """A configuration that gives neustadt the shipped example glossary."""
    config = tmp_path / "integtool.toml"
    glossary = REPO / "glossaries" / "neustadt.toml"
    config.write_text(f'[regions.neustadt]\nglossary = "{glossary}"\n', encoding="utf-8")
    return load_config(config, {})


def review_app(state: Path, config: Config, **options: object) -> ReviewApp:
    """The review app on a state file, without the language identifier (fast, offline)."""
    connection = connect(state)
    session = ReviewSession(connection, config, demo=False, identifier=None)
    return ReviewApp(session, CheckHistory(connection), **options)  # type: ignore[arg-type]
