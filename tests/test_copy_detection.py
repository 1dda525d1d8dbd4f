"""Detection of translations that are not in their own language."""

import pytest

from integtool.core.copy_detection import base_code, copy_reason, script_of
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


@pytest.mark.parametrize(
    ("text", "language"),
    [(ENGLISH, "en"), (TURKISH, "tr"), (ARABIC, "ar"), (FARSI, "fa"), (UKRAINIAN, "uk")],
)
def test_genuine_translations_are_not_flagged(text: str, language: str) -> None:
    assert copy_reason(text, language, GERMAN, "de", IDENTIFIER) is None


def test_identical_text_is_flagged_without_a_model() -> None:
    assert copy_reason(GERMAN, "en", GERMAN, "de", None) == "identical to the 'de' text"


@pytest.mark.parametrize("language", ["ar", "fa", "uk", "ps", "ti"])
def test_latin_text_under_a_non_latin_language_is_flagged_by_script(language: str) -> None:
    reason = copy_reason(GERMAN + " Ergänzung.", language, "anders", "de", None)
    assert reason is not None and "Latin script" in reason


def test_same_script_copy_is_found_by_the_identifier() -> None:
    reason = copy_reason(ENGLISH, "tr", GERMAN, "de", IDENTIFIER)
    assert reason is not None and "'en'" in reason
    assert copy_reason(GERMAN + " Mehr Text.", "ro", "Alt text", "de", IDENTIFIER) is not None
    assert copy_reason(ARABIC, "fa", FARSI, "en", IDENTIFIER) is not None


def test_short_texts_are_never_judged() -> None:
    assert copy_reason("Jobcenter", "ar", "Jobcenter", "de", IDENTIFIER) is None


def test_languages_unknown_to_the_identifier_are_never_flagged_by_it() -> None:
    assert not IDENTIFIER.knows("ti")
    # Tigrinya: a Ge'ez-script text is accepted; without a model judgement nothing else is said
    tigrinya = "ቤት ጽሕፈት ወጻእተኛታት ንፍቓድ መንበሪኻ ሓላፍነት ኣለዎ። በጃኹም ቆጸራ ሓዙ እሞ ፓስፖርትኹም ኣምጽኡ።"
    assert copy_reason(tigrinya, "ti", GERMAN, "de", IDENTIFIER) is None


def test_results_are_deterministic() -> None:
    results = {copy_reason(ENGLISH, "ro", GERMAN, "de", IDENTIFIER) for _ in range(20)}
    assert len(results) == 1


def test_language_code_mapping() -> None:
    assert base_code("de-si") == "de" and base_code("prs") == "fa" and base_code("en-gb") == "en"
    assert (
        script_of("ckb") == "Arabic" and script_of("uk") == "Cyrillic" and script_of("xx") is None
    )
