"""Detection of translations that are not in their own language."""

import pytest

from integtool.core.copy_detection import PageTexts, base_code, copy_reason, script_of
from integtool.langid import FastTextIdentifier

GERMAN = (
    "Die Ausländerbehörde ist für Ihren Aufenthaltstitel zuständig. Bitte vereinbaren Sie "
    "einen Termin und bringen Sie Ihren Pass und ein biometrisches Foto mit."
)
ENGLISH = (
    "The immigration office is responsible for your residence permit. Please make an "
    "appointment and bring your passport and a biometric photo."
)
TURKISH = (
    "Yabancılar dairesi oturma izninizden sorumludur. Lütfen bir randevu alın ve "
    "pasaportunuzu ve biyometrik bir fotoğrafı yanınızda getirin."
)
ARABIC = "دائرة الأجانب مسؤولة عن تصريح إقامتك. يرجى تحديد موعد وإحضار جواز سفرك وصورة بيومترية."
FARSI = "اداره اتباع خارجی مسئول اجازه اقامت شماست. لطفاً وقت ملاقات بگیرید و گذرنامه و یک عکس بیومتریک همراه داشته باشید."
UKRAINIAN = "Відомство у справах іноземців відповідає за ваш дозвіл на проживання. Будь ласка, запишіться на прийом і візьміть із собою паспорт."

IDENTIFIER = FastTextIdentifier()


def reason(
    text: str, language: str, others: dict[str, str], *, thorough: bool = False
) -> str | None:
    """The verdict on `text` under `language` on a page with the `others` texts (first = source)."""
    page = PageTexts({**others, language: text})
    return copy_reason(language, page, list(others)[:1], IDENTIFIER, thorough=thorough)


@pytest.mark.parametrize(
    ("text", "language"),
    [(ENGLISH, "en"), (TURKISH, "tr"), (ARABIC, "ar"), (FARSI, "fa"), (UKRAINIAN, "uk")],
)
def test_genuine_translations_are_not_flagged(text: str, language: str) -> None:
    others = {"de": GERMAN, "en": ENGLISH, "ar": ARABIC}
    others.pop(language, None)
    assert reason(text, language, others) is None
    assert reason(text, language, others, thorough=True) is None


def test_identical_source_text_is_flagged_without_a_model() -> None:
    page = PageTexts({"de": GERMAN, "en": GERMAN})
    assert copy_reason("en", page, ["de"], None) == "identical to the 'de' text"


def test_identical_text_of_a_language_that_is_not_a_source_is_left_to_the_model() -> None:
    # English copied into Polish: the English page is the original and must not be flagged
    page = PageTexts({"de": GERMAN, "en": ENGLISH, "pl": ENGLISH})
    assert copy_reason("en", page, ["de"], IDENTIFIER) is None
    assert "'en'" in (copy_reason("pl", page, ["de"], IDENTIFIER) or "")


@pytest.mark.parametrize("language", ["ar", "fa", "uk", "ps", "ti"])
def test_latin_text_under_a_non_latin_language_is_flagged_by_script(language: str) -> None:
    page = PageTexts({"de": "anders", language: GERMAN + " Ergänzung."})
    verdict = copy_reason(language, page, ["de"], None)
    assert verdict is not None and "Latin script" in verdict


def test_same_script_copies_are_found_by_the_identifier() -> None:
    verdict = reason(ENGLISH + " More.", "tr", {"de": GERMAN, "en": ENGLISH})
    assert verdict is not None and "'en'" in verdict
    assert reason(GERMAN + " Mehr Text.", "ro", {"de": GERMAN}) is not None
    assert reason(ARABIC, "fa", {"en": ENGLISH, "ar": ARABIC + " المزيد"}) is not None


def test_foreign_text_without_a_counterpart_needs_thorough_detection() -> None:
    # English text under Turkish on a page that has no English translation
    assert reason(ENGLISH, "tr", {"de": GERMAN}) is None
    verdict = reason(ENGLISH, "tr", {"de": GERMAN}, thorough=True)
    assert verdict is not None and "'en'" in verdict


def test_short_texts_are_never_judged() -> None:
    assert reason("Jobcenter", "ar", {"de": "Jobcenter"}) is None


def test_languages_unknown_to_the_identifier_are_never_flagged_by_it() -> None:
    assert not IDENTIFIER.knows("ti")
    tigrinya = "ቤት ጽሕፈት ወጻእተኛታት ንፍቓድ መንበሪኻ ሓላፍነት ኣለዎ። በጃኹም ቆጸራ ሓዙ እሞ ፓስፖርትኹም ኣምጽኡ።"
    assert reason(tigrinya, "ti", {"de": GERMAN}, thorough=True) is None


def test_results_are_deterministic() -> None:
    results = {reason(ENGLISH, "ro", {"de": GERMAN, "en": ENGLISH}) for _ in range(20)}
    assert len(results) == 1 and None not in results


def test_language_code_mapping() -> None:
    assert base_code("de-si") == "de" and base_code("prs") == "fa" and base_code("en-gb") == "en"
    assert (
        script_of("ckb") == "Arabic" and script_of("uk") == "Cyrillic" and script_of("xx") is None
    )
