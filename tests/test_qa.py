"""QA checks on machine-translated drafts: each check fires on its failure and only there."""

from pathlib import Path

import pytest

from integtool.core.glossary.reading import read_glossary
from integtool.core.glossary.terms import Entry, Glossary
from integtool.core.qa.checks import CODES, LENGTH_RATIO_BOUNDS, QaWarning, check_draft
from integtool.langid import FastTextIdentifier

REPO = Path(__file__).resolve().parents[1]
IDENTIFIER = FastTextIdentifier()
GLOSSARY = "glossary_term"


def _neustadt() -> Glossary:
    glossary = read_glossary((REPO / "glossaries" / "neustadt.toml").read_text("utf-8")).glossary
    assert glossary is not None
    return glossary


NEUSTADT = _neustadt()

SOURCE_TITLE = "Ausländerbehörde: Termine und Kontakt"
SOURCE_HTML = """\
<h2>Termine bei der Ausländerbehörde</h2>
<p>Die Ausländerbehörde der Stadt Neustadt zieht am 01.02.2026 in das Rathaus, Lindenstraße 3.
Bitte vereinbaren Sie vorher einen Termin.</p>
<p>Sprechzeiten: Montag bis Freitag von 8:30 bis 12:00 Uhr. Die Gebühr für einen
Aufenthaltstitel beträgt 100 Euro, die Verlängerung 19,50&nbsp;Euro.</p>
<ul>
<li>Telefon: <a href="tel:+498213240">+49 821 324-0</a></li>
<li>E-Mail: <a href="mailto:auslaenderbehoerde@neustadt.de">auslaenderbehoerde@neustadt.de</a></li>
</ul>
<p>Fragen zum Bürgergeld beantwortet das Jobcenter:
<a href="https://www.neustadt.de/jobcenter">www.neustadt.de/jobcenter</a>.</p>"""

ENGLISH_TITLE = "Immigration Office: appointments and contact"
ENGLISH_HTML = """\
<h2>Appointments at the Immigration Office</h2>
<p>On 01/02/2026 the Immigration Office of the City of Neustadt moves to the town hall,
Lindenstraße 3. Please make an appointment in advance.</p>
<p>Opening hours: Monday to Friday from 8:30 to 12:00. The fee for a residence permit is
100 euros, an extension costs 19.50&nbsp;euros.</p>
<ul>
<li>Phone: <a href="tel:+498213240">0821 3240</a></li>
<li>E-mail: <a href="mailto:auslaenderbehoerde@neustadt.de">Auslaenderbehoerde@neustadt.de</a></li>
</ul>
<p>Questions about the citizen's benefit are answered by the Jobcenter:
<a href="https://www.neustadt.de/jobcenter">www.neustadt.de/jobcenter</a>.</p>"""

ARABIC_TITLE = "دائرة الأجانب: المواعيد والتواصل"
ARABIC_HTML = """\
<h2>المواعيد لدى دائرة الأجانب</h2>
<p>تنتقل دائرة الأجانب في مدينة نويشتات في ٠١.٠٢.٢٠٢٦ إلى مبنى البلدية، Lindenstraße ٣.
يرجى حجز موعد مسبقاً.</p>
<p>أوقات الدوام: من الاثنين إلى الجمعة من الساعة ٨:٣٠ حتى ١٢:٠٠. تبلغ رسوم تصريح الإقامة
١٠٠ يورو، ورسوم التمديد ١٩٫٥٠ يورو.</p>
<ul>
<li>الهاتف: <a href="tel:+498213240">٠٨٢١ ٣٢٤٠</a></li>
<li>البريد الإلكتروني: <a href="mailto:auslaenderbehoerde@neustadt.de">auslaenderbehoerde@neustadt.de</a></li>
</ul>
<p>يجيب Jobcenter على الأسئلة المتعلقة بإعانة المواطن:
<a href="https://www.neustadt.de/jobcenter">www.neustadt.de/jobcenter</a>.</p>"""

SMALL = Glossary(
    "Test",
    "de",
    ("ar", "en", "ru"),
    (
        Entry(
            "Ausländerbehörde",
            {
                "ar": "دائرة الأجانب",
                "en": "Immigration Office",
                "ru": "ведомство по делам иностранцев",
            },
            forms=("Ausländerbehörden",),
            target_forms={"ru": ("ведомства по делам иностранцев",)},
        ),
        Entry("Jobcenter", keep=True, forms=("Jobcenters",)),
        Entry("BAMF", keep=True, case_sensitive=True),
        Entry("Kita", {"en": "KiTa"}, case_sensitive=True),
    ),
)


class FakeIdentifier:
    """Answers with a fixed verdict and records the texts it was asked about."""

    def __init__(self, verdict: tuple[str, float], known: frozenset[str] | None = None) -> None:
        self.verdict = verdict
        self.known = known
        self.asked: list[str] = []

    def knows(self, code: str) -> bool:
        return self.known is None or code in self.known

    def identify(self, text: str) -> tuple[str, float]:
        self.asked.append(text)
        return self.verdict


def check(
    source_html: str,
    target_html: str,
    *,
    source_title: str = "",
    target_title: str = "",
    language: str = "en",
    glossary: Glossary | None = None,
    identifier: FakeIdentifier | FastTextIdentifier | None = None,
) -> list[QaWarning]:
    return check_draft(
        source_title,
        source_html,
        target_title,
        target_html,
        source_language="de",
        target_language=language,
        glossary=glossary,
        identifier=identifier,
    )


def codes(warnings: list[QaWarning]) -> list[str]:
    return [warning.code for warning in warnings]


def only(warnings: list[QaWarning], code: str) -> QaWarning:
    """The single warning, which must have `code`."""
    assert codes(warnings) == [code], warnings
    return warnings[0]


# --- clean translations ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "html", "language"),
    [(ENGLISH_TITLE, ENGLISH_HTML, "en"), (ARABIC_TITLE, ARABIC_HTML, "ar")],
)
def test_a_good_translation_gives_no_warnings(title: str, html: str, language: str) -> None:
    warnings = check_draft(
        SOURCE_TITLE,
        SOURCE_HTML,
        title,
        html,
        source_language="de",
        target_language=language,
        glossary=NEUSTADT,
        identifier=IDENTIFIER,
    )
    assert warnings == []


def test_the_good_translation_is_checked_for_every_kind_of_item() -> None:
    """The clean sample really contains what the checks look at: breaking each item warns."""
    broken = (
        ENGLISH_HTML.replace("01/02/2026", "01/03/2026")
        .replace("0821 3240", "0821 3241")
        .replace("Auslaenderbehoerde@", "auslaenderbehorde@")
        .replace(">www.neustadt.de/jobcenter<", ">www.neustadt.de<")
        .replace("19.50", "19.05")
        .replace("residence permit", "residence title")
    )
    warnings = check_draft(
        SOURCE_TITLE,
        SOURCE_HTML,
        ENGLISH_TITLE,
        broken,
        source_language="de",
        target_language="en",
        glossary=NEUSTADT,
        identifier=IDENTIFIER,
    )
    assert codes(warnings) == [GLOSSARY, "number", "date", "phone", "email", "url"]
    messages = " ".join(warning.message for warning in warnings)
    for item in (
        "Aufenthaltstitel",
        "19,50",
        "01.02.2026",
        "+49 821 324-0",
        "auslaenderbehoerde@neustadt.de",
        "www.neustadt.de/jobcenter",
    ):
        assert item in messages


# --- glossary --------------------------------------------------------------------------------


def test_a_missing_glossary_term_is_named_with_its_target_and_field() -> None:
    warnings = check(
        "<p>Die Ausländerbehörde hilft.</p>",
        "<p>The foreigners authority helps.</p>",
        source_title="Ausländerbehörde",
        target_title="Immigration Office",
        glossary=SMALL,
    )
    warning = only(warnings, GLOSSARY)
    assert warning.field == "content"
    assert warning.message == (
        "The glossary term 'Ausländerbehörde' should appear as 'Immigration Office' in the text."
    )


def test_a_missing_glossary_term_in_the_title_points_at_the_title() -> None:
    warnings = check(
        "<p>Die Ausländerbehörde hilft.</p>",
        "<p>The immigration office helps.</p>",
        source_title="Ausländerbehörde",
        target_title="Foreigners authority",
        glossary=SMALL,
        language="ar",
    )
    assert [(w.code, w.field) for w in warnings] == [(GLOSSARY, "title"), (GLOSSARY, "content")]
    assert warnings[0].message == (
        "The glossary term 'Ausländerbehörde' should appear as 'دائرة الأجانب' in the title."
    )


def test_glossary_targets_compare_case_and_whitespace_insensitively() -> None:
    warnings = check(
        "<p>Die Ausländerbehörden helfen.</p>",
        "<p>The immigration\n&nbsp; office helps.</p>",
        glossary=SMALL,
    )
    assert warnings == []


def test_an_inflected_target_form_from_target_forms_is_accepted() -> None:
    source = "<p>Wenden Sie sich an die Ausländerbehörde.</p>"
    inflected = "<p>Обратитесь в отдел ведомства по делам иностранцев.</p>"
    assert check(source, inflected, glossary=SMALL, language="ru") == []
    other = "<p>Обратитесь в миграционную службу города.</p>"
    assert (
        "ведомство по делам иностранцев"
        in only(check(source, other, glossary=SMALL, language="ru"), GLOSSARY).message
    )


def test_an_inflected_target_form_of_the_shipped_glossary_is_accepted() -> None:
    source = "<p>Bringen Sie Ihren Aufenthaltstitel mit.</p>"
    assert (
        check(source, "<p>Oturma izninizi yanınızda getirin.</p>", glossary=NEUSTADT, language="tr")
        == []
    )
    warning = only(
        check(source, "<p>İkamet belgenizi getirin.</p>", glossary=NEUSTADT, language="tr"),
        GLOSSARY,
    )
    assert "'Aufenthaltstitel'" in warning.message
    assert "'oturma izni'" in warning.message


def test_a_translated_keep_term_is_flagged() -> None:
    warnings = check(
        "<p>Das Jobcenter zahlt das Bürgergeld.</p>",
        "<p>The job centre pays the citizen's benefit.</p>",
        glossary=SMALL,
    )
    warning = only(warnings, "keep_term")
    assert "'Jobcenter'" in warning.message
    assert "unchanged" in warning.message


def test_a_keep_term_may_appear_in_any_of_its_forms() -> None:
    source = "<p>Die Adresse des Jobcenters steht auf dem Brief.</p>"
    assert check(source, "<p>The Jobcenters address is on the letter.</p>", glossary=SMALL) == []
    assert check(source, "<p>The JOBCENTER address is on the letter.</p>", glossary=SMALL) == []


def test_case_sensitive_entries_must_keep_their_case() -> None:
    source = "<p>Das BAMF entscheidet, die Kita betreut.</p>"
    assert check(source, "<p>The BAMF decides, the KiTa cares.</p>", glossary=SMALL) == []
    warnings = check(source, "<p>The Bamf decides, the Kita cares.</p>", glossary=SMALL)
    assert codes(warnings) == [GLOSSARY, "keep_term"]
    assert "'KiTa'" in warnings[0].message
    assert "'BAMF'" in warnings[1].message


def test_terms_inside_addresses_are_no_glossary_terms() -> None:
    # "jobcenter" and "auslaenderbehoerde" are not words of the text here
    source = "<p>Schreiben Sie an info@ausländerbehörde.de oder www.jobcenter.de/kontakt.</p>"
    target = "<p>Write to info@ausländerbehörde.de or www.jobcenter.de/kontakt.</p>"
    assert check(source, target, glossary=SMALL, language="ar") == []


def test_a_glossary_for_another_source_language_is_ignored() -> None:
    english = Glossary("EN", "en", ("ar",), (Entry("Immigration Office", {"ar": "دائرة الأجانب"}),))
    assert check("<p>Immigration Office</p>", "<p>مكتب</p>", glossary=english, language="ar") == []


# --- numbers ---------------------------------------------------------------------------------


def test_a_missing_number_is_named_as_written_in_the_source() -> None:
    warning = only(
        check("<p>Die Gebühr beträgt 19,50 Euro.</p>", "<p>The fee is 19 euros.</p>"), "number"
    )
    assert warning.message == "The number 19,50 is missing in the text of the translation."


def test_a_number_missing_more_often_than_it_is_kept_is_counted() -> None:
    warning = only(
        check("<p>Raum 3, Etage 3, Tür 3.</p>", "<p>Room 3, floor three, door three.</p>"),
        "number",
    )
    assert "The number 3 is missing 2 times" in warning.message


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("19,50 Euro", "€19.50"),
        ("19,50 Euro", "١٩٫٥٠ يورو"),  # Arabic-Indic digits, Arabic decimal separator
        ("19,50 Euro", "۱۹٫۵۰ یورو"),  # Persian digits
        ("1.000 Euro", "1,000 euros"),
        ("1.000 Euro", "1000 euros"),
        ("1.250,50 Euro", "1,250.50 euros"),
        ("10.000 Euro", "10\u00a0000 euros"),
        ("von 8:30 bis 12:00 Uhr", "from 08:30 to 12 noon"),
        ("19,00 Euro", "19 euros"),
        ("Lindenstraße 3", "Lindenstraße ٣"),
    ],
)
def test_equal_numbers_in_other_notations_are_accepted(source: str, target: str) -> None:
    assert check(f"<p>{source}</p>", f"<p>{target}</p>") == []


def test_extra_numbers_in_the_translation_are_no_warning() -> None:
    assert check("<p>Am Montag.</p>", "<p>On Monday (day 1 of the week).</p>") == []


def test_numbers_of_separate_list_items_stay_separate() -> None:
    warnings = check("<ul><li>12</li><li>34</li></ul>", "<ul><li>1234</li><li></li></ul>")
    assert [w.message for w in warnings] == [
        "The number 12 is missing in the text of the translation.",
        "The number 34 is missing in the text of the translation.",
    ]


def test_numbers_inside_dates_phones_and_addresses_are_not_reported_twice() -> None:
    source = (
        "<p>Am 01.02.2026 unter 0821 3240, raum12@neustadt.de oder https://neustadt.de/2026.</p>"
    )
    target = "<p>On 02.02.2026 at 0821 3241, raum13@neustadt.de or https://neustadt.de/2027.</p>"
    assert codes(check(source, target)) == ["date", "phone", "email", "url"]


# --- dates -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "target",
    [
        "01.02.2026",
        "1.2.2026",
        "01/02/2026",
        "2026-02-01",
        "2026/02/01",
        "02/01/2026",  # US English month/day/year
        "٠١/٠٢/٢٠٢٦",
        "۲۰۲۶/۰۲/۰۱",
    ],
)
def test_the_same_date_in_another_numeric_format_is_accepted(target: str) -> None:
    assert check("<p>Ab dem 01.02.2026 geöffnet.</p>", f"<p>Open from {target}.</p>") == []


@pytest.mark.parametrize("target", ["01.03.2026", "2026-01-02", "1 February 2026"])
def test_a_changed_or_reworded_date_is_flagged(target: str) -> None:
    warning = only(
        check("<p>Ab dem 01.02.2026 geöffnet.</p>", f"<p>Open from {target}.</p>"), "date"
    )
    assert (
        warning.message
        == "The date 01.02.2026 is missing or changed in the text of the translation."
    )


def test_an_iso_source_date_is_found_in_german_notation() -> None:
    assert check("<p>Frist: 2026-02-01</p>", "<p>Deadline: 1.2.2026</p>") == []


def test_an_impossible_date_is_compared_as_numbers() -> None:
    warning = only(check("<p>Version 31.13.2026</p>", "<p>Version 31.12.2026</p>"), "number")
    assert "31.13.2026" in warning.message


# --- phone numbers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "target",
    [
        "+49 821 324-0",
        "0821 3240",
        "0821 324-0",
        "(0821) 32 40",
        "0821/3240",
        "+49 (0)821 3240",
        "0049 821 3240",
        "+49 821 3240",
        "٠٨٢١ ٣٢٤٠",
        "۰۸۲۱ ۳۲۴۰",
    ],
)
def test_a_reformatted_phone_number_is_accepted(target: str) -> None:
    assert check("<p>Telefon: +49 821 324-0</p>", f"<p>Phone: {target}</p>") == []


def test_a_phone_number_with_a_changed_digit_is_flagged() -> None:
    warning = only(check("<p>Telefon: (0821) 32 40</p>", "<p>Phone: (0821) 32 41</p>"), "phone")
    assert "(0821) 32 40" in warning.message


def test_a_postcode_is_a_number_not_a_phone_number() -> None:
    warning = only(check("<p>01067 Dresden</p>", "<p>01076 Dresden</p>"), "number")
    assert "01067" in warning.message


# --- e-mail and URLs ---------------------------------------------------------------------------


def test_a_changed_email_address_is_flagged_but_case_does_not_matter() -> None:
    source = "<p>Schreiben Sie an Info@Neustadt.de.</p>"
    assert check(source, "<p>Write to info@neustadt.de.</p>") == []
    warning = only(check(source, "<p>Write to info@neustadt.com.</p>"), "email")
    assert "Info@Neustadt.de" in warning.message


def test_a_visible_url_must_be_kept_exactly() -> None:
    source = "<p>Mehr unter https://www.neustadt.de/kita?lang=de (Formular).</p>"
    assert check(source, "<p>More at https://www.neustadt.de/kita?lang=de (form).</p>") == []
    warning = only(check(source, "<p>More at https://www.neustadt.de/kita?lang=en.</p>"), "url")
    assert "https://www.neustadt.de/kita?lang=de" in warning.message


def test_a_changed_link_target_is_named_with_old_and_new_value() -> None:
    source = '<p><a href="https://neustadt.de/a?x=1&amp;y=2">Formular</a></p>'
    assert check(source, '<p><a href="https://neustadt.de/a?x=1&y=2">Form</a></p>') == []
    warning = only(check(source, '<p><a href="https://neustadt.de/b">Form</a></p>'), "url")
    assert warning.message == (
        "The link https://neustadt.de/a?x=1&y=2 was changed to https://neustadt.de/b "
        "in the translation."
    )


def test_missing_and_extra_link_targets_are_flagged() -> None:
    source = '<p><img src="/media/plan.png" alt="Plan"></p>'
    warnings = check(source, '<p><img alt="plan"></p>')
    assert (
        only(warnings, "url").message == "The link /media/plan.png is missing in the translation."
    )
    warnings = check(source, '<p><img src="/media/plan.png" alt="plan" src="/x.png"></p>')
    assert "/x.png" in only(warnings, "url").message


def test_link_targets_are_a_multiset() -> None:
    source = '<p><a href="/a">x</a> <a href="/a">y</a></p>'
    warning = only(check(source, '<p><a href="/a">x</a> <a>y</a></p>'), "url")
    assert "/a is missing" in warning.message


# --- HTML -------------------------------------------------------------------------------------


def test_attributes_whitespace_and_void_tag_spelling_do_not_matter() -> None:
    source = '<p class="intro">Zeile<br>Zeile</p>\n<p><img src="/a.png" alt="A"></p>'
    target = "<P>Line<br/>Line</P><p><img alt='B' src=\"/a.png\" /></p>"
    assert check(source, target) == []


def test_reordered_tags_are_flagged_at_the_first_difference() -> None:
    source = "<p><strong>Wichtig:</strong> Bitte <em>pünktlich</em> kommen.</p>"
    target = "<p>Please come <em>on time</em>. <strong>Important!</strong></p>"
    warning = only(check(source, target), "html_skeleton")
    assert warning.message == (
        "The HTML tags differ from the original at tag 2: "
        "the translation has <em> where the original has <strong>."
    )


def test_a_missing_closing_tag_is_flagged() -> None:
    source = "<p>Bitte <strong>pünktlich</strong> kommen.</p>"
    warning = only(check(source, "<p>Please come <strong>on time.</p>"), "html_skeleton")
    assert warning.message == "The tag <strong> is not closed before </p> in the translation."


def test_an_unclosed_tag_at_the_end_is_flagged() -> None:
    warning = only(check("<p>Text</p>", "<p>Text"), "html_skeleton")
    assert warning.message == "The tag <p> is never closed in the translation."


def test_a_stray_closing_tag_is_flagged() -> None:
    warning = only(check("<p>Text</p>", "<p>Text</p></div>"), "html_skeleton")
    assert warning.message == "The closing tag </div> has no opening tag in the translation."


def test_a_dropped_tag_pair_is_named() -> None:
    source = "<h2>Titel</h2><p>Text</p>"
    warning = only(check(source, "<h2>Title</h2>Text"), "html_skeleton")
    assert (
        warning.message == "The tags <p> and </p> of the original are missing in the translation."
    )
    warning = only(check("<p>Text</p>", "<p>Text</p><p></p>"), "html_skeleton")
    assert warning.message == "The translation has extra tags <p> and </p> that the original lacks."


def test_an_extra_tag_is_named() -> None:
    warning = only(check("<p>Ein Text</p>", "<p>A <br> text</p>"), "html_skeleton")
    assert warning.message == "The translation has an extra tag <br> that the original lacks."


def test_a_dropped_line_break_is_named() -> None:
    warning = only(check("<p>Zeile<br>Zeile</p>", "<p>Line line</p>"), "html_skeleton")
    assert warning.message == "The tag <br> of the original is missing in the translation."


def test_a_truncated_translation_names_the_first_missing_tag() -> None:
    source = "<h2>Titel</h2><p>Eins</p><p>Zwei</p>"
    warning = only(check(source, "<h2>Title</h2>"), "html_skeleton")
    assert warning.message == (
        "The translation's HTML ends early: from tag 3 of the original (<p>) on, "
        "the tags are missing."
    )


def test_tags_added_after_the_end_are_named() -> None:
    warning = only(check("<p>Eins</p>", "<p>One</p><p>Two</p><p>Three</p>"), "html_skeleton")
    assert warning.message == ("The translation has extra tags after the original's last tag: <p>.")


def test_a_self_closing_element_counts_as_opened_and_closed() -> None:
    assert check("<p>Text<span></span></p>", "<p>Text<span/></p>") == []


def test_nesting_problems_the_source_already_has_are_no_warning() -> None:
    source = "<ul><li>eins<li>zwei</ul>"
    assert check(source, "<ul><li>one<li>two</ul>") == []


def test_comments_are_not_tags() -> None:
    assert check("<!-- Hinweis --><p>Text</p>", "<p>Text <!-- <b> --></p>") == []


# --- language ------------------------------------------------------------------------------


GERMAN = (
    "<p>Die Ausländerbehörde ist für Ihren Aufenthaltstitel zuständig. Bitte vereinbaren Sie "
    "einen Termin und bringen Sie Ihren Pass und ein biometrisches Foto mit.</p>"
)
GERMAN_EDITED = GERMAN.replace("biometrisches Foto", "aktuelles Lichtbild")


def test_german_text_for_an_arabic_target_is_flagged_by_the_real_identifier() -> None:
    warning = only(check(GERMAN, GERMAN_EDITED, language="ar", identifier=IDENTIFIER), "language")
    assert warning.message == "The translation reads as German (de), not Arabic (ar)."


def test_an_arabic_translation_passes_the_real_identifier() -> None:
    arabic = (
        "<p>دائرة الأجانب مسؤولة عن تصريح إقامتك. يرجى تحديد موعد وإحضار جواز سفرك "
        "وصورة بيومترية.</p>"
    )
    assert check(GERMAN, arabic, language="ar", identifier=IDENTIFIER) == []


def test_a_dari_target_detected_as_persian_is_no_warning() -> None:
    persian = (
        "<p>اداره اتباع خارجی مسئول اجازه اقامت شماست. لطفاً وقت ملاقات بگیرید و گذرنامه و یک "
        "عکس بیومتریک همراه داشته باشید.</p>"
    )
    assert check(GERMAN, persian, language="prs", identifier=IDENTIFIER) == []


def test_the_fake_identifier_verdict_is_compared_by_base_code() -> None:
    target = "<p>" + "x" * 60 + "</p>"
    source = "<p>" + "y" * 60 + "</p>"
    warning = only(
        check(source, target, language="uk", identifier=FakeIdentifier(("ru", 0.9))), "language"
    )
    assert warning.message == "The translation reads as Russian (ru), not Ukrainian (uk)."
    assert check(source, target, language="kmr", identifier=FakeIdentifier(("ckb", 0.9))) == []
    assert check(source, target, language="de-si", identifier=FakeIdentifier(("de", 0.9))) == []
    assert check(source, target, language="uk", identifier=FakeIdentifier(("ru", 0.49))) == []


def test_a_language_the_identifier_does_not_know_is_not_judged() -> None:
    fake = FakeIdentifier(("am", 0.99), known=frozenset({"am", "de"}))
    assert check(GERMAN, "<p>" + "ጤና " * 40 + "</p>", language="ti", identifier=fake) == []
    assert fake.asked == []


def test_short_texts_are_not_language_checked() -> None:
    fake = FakeIdentifier(("de", 0.99))
    assert check("<p>Öffnungszeiten</p>", "<p>Opening hours</p>", identifier=fake) == []
    assert check("<p>Öffnungszeiten</p>", "<p>Öffnungszeiten im Rathaus</p>", identifier=fake) == []
    assert fake.asked == []


def test_real_identifier_leaves_short_german_under_arabic_alone() -> None:
    assert (
        check(
            "<p>Termin im Rathaus</p>",
            "<p>Termin im Rathaus.</p>",
            language="ar",
            identifier=IDENTIFIER,
        )
        == []
    )


def test_an_untranslated_copy_is_flagged_without_identifier() -> None:
    warnings = check(GERMAN, GERMAN, source_title="Termine", target_title="Termine", language="ar")
    warning = only(warnings, "language")
    assert warning.message == (
        "The translation is identical to the German (de) original: it was not translated."
    )


def test_an_untranslated_copy_is_reported_once_with_identifier() -> None:
    warnings = check(GERMAN, GERMAN, language="ar", identifier=IDENTIFIER)
    assert "identical" in only(warnings, "language").message


def test_a_short_name_kept_unchanged_is_no_copy() -> None:
    assert check("<p>Jobcenter</p>", "<p>Jobcenter</p>", language="ar") == []


# --- length ratio ------------------------------------------------------------------------


def test_a_much_too_short_translation_is_flagged_with_its_ratio() -> None:
    source = "<p>" + "Wort " * 40 + "</p>"  # 199 characters
    warning = only(check(source, "<p>" + "word " * 15 + "</p>", language="uk"), "length_ratio")
    assert "0.37 times" in warning.message
    assert "at least 0.5" in warning.message


def test_a_much_too_long_translation_is_flagged_with_its_ratio() -> None:
    source = "<p>" + "Wort " * 10 + "</p>"  # 49 characters
    warning = only(check(source, "<p>" + "word " * 30 + "</p>"), "length_ratio")
    assert "3.04 times" in warning.message
    assert f"at most {LENGTH_RATIO_BOUNDS[1]}" in warning.message


def test_english_may_be_shorter_than_other_targets() -> None:
    source = "<p>" + "Wort " * 40 + "</p>"
    target = "<p>" + "word " * 18 + "</p>"  # ratio 0.45
    assert check(source, target, language="en") == []
    assert codes(check(source, target, language="ro")) == ["length_ratio"]


def test_an_empty_translation_is_called_empty() -> None:
    warnings = check(GERMAN, "", language="uk")
    assert codes(warnings) == ["html_skeleton", "length_ratio"]
    assert warnings[1].message == "The translation has no visible text: it is empty."


def test_short_sources_have_no_length_ratio() -> None:
    assert check("<p>Kurz gesagt</p>", "<p>" + "In short, " * 10 + "</p>") == []


# --- warnings as data ----------------------------------------------------------------------


def test_warnings_are_ordered_by_code() -> None:
    warnings = check(
        "<p>Am 01.02.2026 zahlt das Jobcenter 19,50 Euro.</p>",
        "<p>On 2 February the job centre pays 19 euros.",
        glossary=SMALL,
    )
    assert codes(warnings) == ["keep_term", "number", "date", "html_skeleton"]
    assert codes(warnings) == sorted(codes(warnings), key=CODES.index)


def test_a_warning_survives_a_json_round_trip() -> None:
    warning = QaWarning(
        "glossary_term", "The glossary term 'Kita' should appear as 'KiTa'.", "title"
    )
    assert warning.to_json() == {
        "code": "glossary_term",
        "message": "The glossary term 'Kita' should appear as 'KiTa'.",
        "field": "title",
    }
    assert QaWarning.from_json(warning.to_json()) == warning
    assert QaWarning.from_json({"code": "number", "message": "m"}).field == "content"


@pytest.mark.parametrize(
    "data",
    [
        {"code": "spelling", "message": "m", "field": "content"},
        {"code": "number", "message": "m", "field": "excerpt"},
        {"message": "m"},
    ],
)
def test_invalid_stored_warnings_are_rejected(data: dict[str, str]) -> None:
    with pytest.raises(ValueError):
        QaWarning.from_json(data)
