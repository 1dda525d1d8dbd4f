"""QA checks on machine-translated drafts: named, explained warnings for the editor.

Every draft (title and HTML content of one page in one target language) is compared with its
source. Each failure becomes a `QaWarning` with a code from `CODES` and one plain sentence that
names the concrete item, stored with the draft as JSON. The checks are cheap and linear in the
text. This module runs them all and holds the glossary, language and length checks; the item
checks (numbers, dates, ...) live in `qa_items`, the HTML checks in `qa_markup`, the warning
itself in `qa_warnings`. Pure: text in, warnings out.
"""

from collections.abc import Iterable, Mapping

from integtool.core.copy_detection import LanguageIdentifier, base_code, sample_of
from integtool.core.glossary.terms import Entry, Glossary
from integtool.core.language_names import LANGUAGE_NAMES
from integtool.core.markup import visible_text
from integtool.core.qa.items import MIN_PHONE_DIGITS, Items, check_items
from integtool.core.qa.markup import Tags, check_links, check_skeleton
from integtool.core.qa.warnings import (
    CODES,
    DATE,
    EMAIL,
    FIELDS,
    GLOSSARY_TERM,
    HTML_SKELETON,
    KEEP_TERM,
    LANGUAGE,
    LENGTH_RATIO,
    NUMBER,
    PHONE,
    URL,
    QaWarning,
    in_field,
)
from integtool.core.wording import N_, LanguageRef

__all__ = [
    "CODES",
    "DATE",
    "EMAIL",
    "FIELDS",
    "GLOSSARY_TERM",
    "HTML_SKELETON",
    "KEEP_TERM",
    "LANGUAGE",
    "LANGUAGE_NAMES",
    "LENGTH_RATIO",
    "LENGTH_RATIO_BOUNDS",
    "LENGTH_RATIO_MINIMUM",
    "MIN_IDENTICAL_CHARS",
    "MIN_LANGUAGE_CHARS",
    "MIN_LANGUAGE_PROBABILITY",
    "MIN_PHONE_DIGITS",
    "MIN_RATIO_CHARS",
    "NUMBER",
    "PHONE",
    "URL",
    "QaWarning",
    "check_draft",
]

_ORDER: Mapping[str, int] = {code: index for index, code in enumerate(CODES)}

MIN_LANGUAGE_CHARS = 40
"""Target texts (title + content) shorter than this are too short for the language identifier."""
MIN_LANGUAGE_PROBABILITY = 0.5
"""The identifier must be at least this sure of another language before a draft is flagged."""
MIN_IDENTICAL_CHARS = 20
"""Shorter texts identical to the source are usually names that stay unchanged, not copies."""
MIN_RATIO_CHARS = 40
"""Source texts (title + content) shorter than this are too short for the length ratio."""
LENGTH_RATIO_BOUNDS = (0.5, 2.5)
"""Target length / source length (visible characters) a translation from German stays within."""
LENGTH_RATIO_MINIMUM: Mapping[str, float] = {
    **dict.fromkeys(("en", "tr"), 0.4),
    **dict.fromkeys(("ar", "fa", "ps", "ckb", "ur", "he"), 0.4),
    "ko": 0.25,
    "ja": 0.2,
    "zh": 0.15,
}
"""Lower bounds for targets that are legitimately much shorter than German (by base code):
English and Turkish drop German compounds' bulk, Arabic script omits short vowels, CJK scripts
write a word in one or two characters."""


_SAME_LANGUAGE: tuple[frozenset[str], ...] = (
    frozenset({"fa", "prs"}),
    frozenset({"ku", "kmr", "ckb"}),
    frozenset({"ar", "arz"}),
    frozenset({"sr", "hr", "bs", "sh"}),
    frozenset({"no", "nb", "nn"}),
)
"""Identifier codes that are not told apart: detecting one for another is no warning."""
_FAMILY: Mapping[str, frozenset[str]] = {code: group for group in _SAME_LANGUAGE for code in group}


def check_draft(
    source_title: str,
    source_html: str,
    target_title: str,
    target_html: str,
    *,
    source_language: str,
    target_language: str,
    glossary: Glossary | None,
    identifier: LanguageIdentifier | None,
) -> list[QaWarning]:
    """Every QA warning for a draft, ordered by code (title before content within a code).

    Title and content are checked separately for glossary terms, numbers, dates, phone
    numbers, e-mail addresses and visible URLs; the content's HTML for its tag sequence and
    link targets; title and content together for the language and the length ratio. A glossary
    for another source language is ignored.

    Accepted as unchanged: numbers in any decimal digits (Arabic-Indic, Persian, ...) and with
    any of `.`, `,`, `:`, `٫`, `٬` as separator (`19,50` = `19.50` = `١٩٫٥٠`; `1.000` = `1,000`
    = `1000`; `12:00` = `12`); a date as day.month.year, day-month-year, day/month/year or
    month/day/year (slashes only), or year-month-day with `-`, `/` or `.`, leading zeros
    optional (numeric dates only: `1 February 2026` is reported); a phone number with the same
    digits in any grouping, `+49`/`0049` standing for the leading `0`; an e-mail address in
    any case. URLs and link targets must be kept exactly.
    """
    warnings: list[QaWarning] = []
    source_texts = tuple(visible_text(t, blocks_apart=True) for t in (source_title, source_html))
    target_texts = tuple(visible_text(t, blocks_apart=True) for t in (target_title, target_html))
    if glossary is not None and base_code(glossary.source_language) != base_code(source_language):
        glossary = None
    for where, source_text, target_text in zip(FIELDS, source_texts, target_texts, strict=True):
        source, target = Items.scan(source_text), Items.scan(target_text)
        if glossary is not None:
            warnings += _check_glossary(glossary, source.prose, target_text, target_language, where)
        warnings += check_items(source, target, where)
    source_tags, target_tags = Tags.scan(source_html), Tags.scan(target_html)
    warnings += check_skeleton(source_tags, target_tags)
    warnings += check_links(source_tags.links, target_tags.links)
    source_all, target_all = _normal(" ".join(source_texts)), _normal(" ".join(target_texts))
    warnings += _check_language(
        source_all, target_all, source_language, target_language, identifier
    )
    warnings += _check_length(source_all, target_all, target_language)
    return sorted(warnings, key=lambda warning: _ORDER[warning.code])


# --- text ----------------------------------------------------------------------------------


def _normal(text: str) -> str:
    """Whitespace runs (line breaks, no-break spaces) collapsed to one space."""
    return " ".join(text.split())


# --- glossary ------------------------------------------------------------------------------


def _check_glossary(
    glossary: Glossary, source_prose: str, target_text: str, language: str, where: str
) -> list[QaWarning]:
    """Glossary entries found in the source whose required target form is missing.

    A target counts when one of its variants occurs anywhere in the target (also inside a
    longer word: Arabic and Turkish attach prefixes and suffixes), whitespace-normalised and
    case-insensitively unless the entry is case-sensitive. Keep-terms need one of their own
    surface forms.
    """
    warnings = []
    place = in_field(where)
    target = _normal(target_text)
    folded = target.casefold()
    for entry in glossary.terms_matching(source_prose):
        variants = entry.target_variants(language)
        if not variants or _contains(target, folded, variants, entry):
            continue
        if entry.keep:
            template = N_(
                "The name '{term}' should stay unchanged {place}, "
                "but the translation does not contain it."
            )
            warnings.append(
                QaWarning.worded(KEEP_TERM, template, where, term=entry.source, place=place)
            )
        else:
            template = N_("The glossary term '{term}' should appear as '{target}' {place}.")
            target = entry.target(language) or ""
            warnings.append(QaWarning.worded(
                GLOSSARY_TERM, template, where, term=entry.source, target=target, place=place
            ))  # fmt: skip
    return warnings


def _contains(target: str, folded: str, variants: Iterable[str], entry: Entry) -> bool:
    if entry.case_sensitive:
        return any(_normal(variant) in target for variant in variants)
    return any(_normal(variant).casefold() in folded for variant in variants)


# --- whole draft ---------------------------------------------------------------------------


def _check_language(
    source: str,
    target: str,
    source_language: str,
    target_language: str,
    identifier: LanguageIdentifier | None,
) -> list[QaWarning]:
    """An untranslated copy of the source, or (with an identifier) text in another language.

    The identifier judges only texts of `MIN_LANGUAGE_CHARS` or more in a language it knows, and
    only a verdict of `MIN_LANGUAGE_PROBABILITY` or more counts; languages it does not tell
    apart (Persian and Dari, the Kurdish languages, ...) count as the same.
    """
    if len(target) >= MIN_IDENTICAL_CHARS and target == source:
        template = N_(
            "The translation is identical to the {language} original: it was not translated."
        )
        return [QaWarning.worded(LANGUAGE, template, language=LanguageRef(source_language))]
    expected = base_code(target_language)
    if identifier is None or len(target) < MIN_LANGUAGE_CHARS or not identifier.knows(expected):
        return []
    detected, probability = identifier.identify(sample_of(target))
    same = detected == expected or detected in _FAMILY.get(expected, ())
    if same or probability < MIN_LANGUAGE_PROBABILITY:
        return []
    template = N_("The translation reads as {detected}, not {expected}.")
    return [QaWarning.worded(
        LANGUAGE, template, detected=LanguageRef(detected), expected=LanguageRef(target_language)
    )]  # fmt: skip


def _check_length(source: str, target: str, language: str) -> list[QaWarning]:
    """Visible length of target / source outside the bounds: text missing or added."""
    if len(source) < MIN_RATIO_CHARS:
        return []
    low, high = LENGTH_RATIO_BOUNDS
    low = LENGTH_RATIO_MINIMUM.get(base_code(language), low)
    ratio = len(target) / len(source)
    if not target:
        return [QaWarning.worded(
            LENGTH_RATIO, N_("The translation has no visible text: it is empty.")
        )]  # fmt: skip
    if ratio < low:
        template = N_(
            "The translation is only {ratio:.2f} times as long as the original "
            "(expected at least {bound}): parts of the text may be missing."
        )
        return [QaWarning.worded(LENGTH_RATIO, template, ratio=ratio, bound=low)]
    if ratio > high:
        template = N_(
            "The translation is {ratio:.2f} times as long as the original "
            "(expected at most {bound}): text may have been repeated or added."
        )
        return [QaWarning.worded(LENGTH_RATIO, template, ratio=ratio, bound=high)]
    return []
