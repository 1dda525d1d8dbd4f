"""QA checks on machine-translated drafts: named, explained warnings for the editor.

Every draft (title and HTML content of one page in one target language) is compared with its
source. Each failure becomes a `QaWarning` with a code from `CODES` and one plain sentence that
names the concrete item, stored with the draft as JSON. The checks are cheap and linear in the
text: one combined scan per field finds URLs, e-mail addresses, dates, phone numbers and other
numbers (each character belongs to at most one of them, so a number inside a date is checked
once, by the date check); one scan per HTML field finds the tags. Pure: text in, warnings out.
"""

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from html import unescape

from integtool.core.copy_detection import LanguageIdentifier, base_code, sample_of
from integtool.core.glossary import Entry, Glossary
from integtool.core.html_segments import BLOCK_TAG
from integtool.core.segments import visible_text

GLOSSARY_TERM = "glossary_term"
KEEP_TERM = "keep_term"
NUMBER = "number"
DATE = "date"
PHONE = "phone"
EMAIL = "email"
URL = "url"
HTML_SKELETON = "html_skeleton"
LANGUAGE = "language"
LENGTH_RATIO = "length_ratio"
CODES: tuple[str, ...] = (
    GLOSSARY_TERM,
    KEEP_TERM,
    NUMBER,
    DATE,
    PHONE,
    EMAIL,
    URL,
    HTML_SKELETON,
    LANGUAGE,
    LENGTH_RATIO,
)
"""Every warning code, in the order warnings are listed."""
_ORDER: Mapping[str, int] = {code: index for index, code in enumerate(CODES)}
FIELDS: tuple[str, ...] = ("title", "content")
"""The fields of a draft a warning can point at."""

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
MIN_PHONE_DIGITS = 6
"""A phone-like match with fewer digits (a postcode, `08 - 12`) counts as numbers instead."""

LANGUAGE_NAMES: Mapping[str, str] = {
    "de": "German", "de-si": "German (easy language)", "en": "English", "ar": "Arabic",
    "fa": "Persian", "prs": "Dari", "ps": "Pashto", "uk": "Ukrainian", "ru": "Russian",
    "tr": "Turkish", "ro": "Romanian", "ku": "Kurdish (Kurmanji)", "kmr": "Kurdish (Kurmanji)",
    "ckb": "Kurdish (Sorani)", "ti": "Tigrinya", "so": "Somali", "am": "Amharic",
    "fr": "French", "es": "Spanish", "it": "Italian", "pl": "Polish", "sq": "Albanian",
    "bg": "Bulgarian", "hr": "Croatian", "sr": "Serbian", "bs": "Bosnian", "el": "Greek",
    "hu": "Hungarian", "zh": "Chinese", "vi": "Vietnamese", "ur": "Urdu", "pt": "Portuguese",
    "nl": "Dutch", "cs": "Czech", "sk": "Slovak", "sl": "Slovenian", "mk": "Macedonian",
    "hy": "Armenian", "ka": "Georgian", "az": "Azerbaijani", "he": "Hebrew", "hi": "Hindi",
    "ja": "Japanese", "ko": "Korean", "sw": "Swahili", "uz": "Uzbek", "be": "Belarusian",
    "lt": "Lithuanian", "lv": "Latvian", "et": "Estonian", "fi": "Finnish", "sv": "Swedish",
    "da": "Danish", "no": "Norwegian", "nb": "Norwegian", "id": "Indonesian", "th": "Thai",
}  # fmt: skip
"""English names of the languages the warnings mention (others are shown by code)."""

_SAME_LANGUAGE: tuple[frozenset[str], ...] = (
    frozenset({"fa", "prs"}),
    frozenset({"ku", "kmr", "ckb"}),
    frozenset({"ar", "arz"}),
    frozenset({"sr", "hr", "bs", "sh"}),
    frozenset({"no", "nb", "nn"}),
)
"""Identifier codes that are not told apart: detecting one for another is no warning."""
_FAMILY: Mapping[str, frozenset[str]] = {code: group for group in _SAME_LANGUAGE for code in group}

_VOID_TAGS = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
})  # fmt: skip

# One scan per field; the first alternative matching at a position wins, so a number inside a
# URL, an e-mail address, a date or a phone number is never also read as a number.
_ITEMS = re.compile(
    r"(?P<url>(?<![\w.])(?:https?://|www\.)[^\s<>\"'“”„«»]+)"
    r"|(?P<email>(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
    r"|(?P<dmy>(?<![0-9.,])(?P<d1>[0-9]{1,2})(?P<s1>[./-])[ \u00a0]?(?P<m1>[0-9]{1,2})(?P=s1)"
    r"[ \u00a0]?(?P<y1>[0-9]{4})(?![0-9]))"
    r"|(?P<ymd>(?<![0-9.,])(?P<y2>[0-9]{4})(?P<s2>[./-])(?P<m2>[0-9]{1,2})(?P=s2)"
    r"(?P<d2>[0-9]{1,2})(?![0-9]))"
    r"|(?P<phone>(?<![\w+])(?:\+[0-9]{1,3}(?:[ \u00a0]?\(0\))?|\(0[0-9]{1,5}\)|0[0-9]{1,5})"
    r"(?:(?:[ \u00a0]?[-/–][ \u00a0]?|[ \u00a0])?[0-9]+)+)"
    r"|(?P<number>(?<![0-9])[0-9]+(?:(?:[.,:٫٬]|[\u00a0\u202f](?=[0-9]{3}(?![0-9])))[0-9]+)*)"
)
_NUMBER = re.compile(r"(?<![0-9])[0-9]+(?:(?:[.,:٫٬]|[\u00a0\u202f](?=[0-9]{3}(?![0-9])))[0-9]+)*")
_NUMBER_SEPARATOR = re.compile(r"[.,:٫٬\u00a0\u202f]")
_URL_TRAILER = ".,;:!?)]}،؛؟"
"""Punctuation that ends the sentence around a URL rather than the URL."""
_NON_ASCII_DIGIT = re.compile(r"(?![0-9])\d")
_NON_DIGIT = re.compile(r"[^0-9]")
_GERMAN_PREFIX = re.compile(r"^(?:\+|00)49[ \u00a0]?(?:\(0\))?")
# A tag ends before the next "<" and an unclosed comment runs to the end (as in browsers): no
# scan reads past the next "<", so stray "<" and unclosed quotes cost linear time.
_TAG = re.compile(
    r"<!--.*?(?:-->|\Z)|<(/?)([A-Za-z][A-Za-z0-9:-]*)((?:[^<>\"']|\"[^\"<]*\"|'[^'<]*')*)>",
    re.DOTALL,
)
_LINK_ATTRIBUTE = re.compile(
    r"(?<![\w-])(href|src)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'>=`]+))", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class QaWarning:
    """One failed check: its code (one of `CODES`), a sentence for the editor, and the field."""

    code: str
    message: str
    field: str = "content"

    def to_json(self) -> dict[str, str]:
        """The warning as stored with the draft."""
        return {"code": self.code, "message": self.message, "field": self.field}

    @classmethod
    def from_json(cls, data: Mapping[str, str]) -> "QaWarning":
        """A stored warning; ValueError when the code or field is unknown or a key is missing."""
        try:
            code, message = data["code"], data["message"]
        except KeyError as error:
            raise ValueError(f"QA warning without {error.args[0]!r}: {dict(data)!r}") from None
        where = data.get("field", "content")
        if code not in CODES:
            raise ValueError(f"unknown QA warning code {code!r}")
        if where not in FIELDS:
            raise ValueError(f"unknown QA warning field {where!r}")
        return cls(code, message, where)


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
    source_texts = (_visible(source_title), _visible(source_html))
    target_texts = (_visible(target_title), _visible(target_html))
    if glossary is not None and base_code(glossary.source_language) != base_code(source_language):
        glossary = None
    for where, source_text, target_text in zip(FIELDS, source_texts, target_texts, strict=True):
        source, target = _Items.scan(source_text), _Items.scan(target_text)
        if glossary is not None:
            warnings += _check_glossary(glossary, source.prose, target_text, target_language, where)
        warnings += _check_items(source, target, where)
    source_tags, target_tags = _Tags.scan(source_html), _Tags.scan(target_html)
    warnings += _check_skeleton(source_tags, target_tags)
    warnings += _check_links(source_tags.links, target_tags.links)
    source_all, target_all = _normal(" ".join(source_texts)), _normal(" ".join(target_texts))
    warnings += _check_language(
        source_all, target_all, source_language, target_language, identifier
    )
    warnings += _check_length(source_all, target_all, target_language)
    return sorted(warnings, key=lambda warning: _ORDER[warning.code])


# --- text ----------------------------------------------------------------------------------


def _visible(html: str) -> str:
    """The visible text; block tags become spaces, so `<li>12</li><li>34</li>` stays two numbers."""
    return visible_text(BLOCK_TAG.sub(" ", html))


def _normal(text: str) -> str:
    """Whitespace runs (line breaks, no-break spaces) collapsed to one space."""
    return " ".join(text.split())


def _ascii_digits(text: str) -> str:
    """Arabic-Indic, Persian and all other Unicode decimal digits as ASCII (same length)."""
    if text.isascii():
        return text
    return _NON_ASCII_DIGIT.sub(lambda match: str(unicodedata.decimal(match.group())), text)


def _in_field(where: str) -> str:
    return "in the title" if where == "title" else "in the text"


def _language_name(code: str) -> str:
    name = LANGUAGE_NAMES.get(code) or LANGUAGE_NAMES.get(base_code(code))
    return f"{name} ({code})" if name else f"'{code}'"


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
    target = _normal(target_text)
    folded = target.casefold()
    for entry in glossary.terms_matching(source_prose):
        variants = entry.target_variants(language)
        if not variants or _contains(target, folded, variants, entry):
            continue
        if entry.keep:
            message = (
                f"The name '{entry.source}' should stay unchanged {_in_field(where)}, "
                "but the translation does not contain it."
            )
            warnings.append(QaWarning(KEEP_TERM, message, where))
        else:
            message = (
                f"The glossary term '{entry.source}' should appear as "
                f"'{entry.target(language)}' {_in_field(where)}."
            )
            warnings.append(QaWarning(GLOSSARY_TERM, message, where))
    return warnings


def _contains(target: str, folded: str, variants: Iterable[str], entry: Entry) -> bool:
    if entry.case_sensitive:
        return any(_normal(variant) in target for variant in variants)
    return any(_normal(variant).casefold() in folded for variant in variants)


# --- numbers, dates, phone numbers, e-mail addresses, URLs ----------------------------------


@dataclass(slots=True)
class _Items:
    """What one field's visible text contains, each item as written and as compared."""

    prose: str = ""
    """The text with URLs and e-mail addresses blanked out (for glossary matching)."""
    urls: list[str] = field(default_factory=list)
    emails: list[tuple[str, str]] = field(default_factory=list)
    dates: list[tuple[str, tuple[date, ...]]] = field(default_factory=list)
    phones: list[tuple[str, str]] = field(default_factory=list)
    numbers: list[tuple[str, str]] = field(default_factory=list)

    @classmethod
    def scan(cls, text: str) -> "_Items":
        """One pass over the text (digits normalised; positions stay those of `text`)."""
        items = cls()
        prose: list[str] = []
        position = 0
        for match in _ITEMS.finditer(_ascii_digits(text)):
            kind = match.lastgroup
            start, end = match.span()
            raw = text[start:end]
            if kind == "url":
                url = raw.rstrip(_URL_TRAILER)
                items.urls.append(url)
                prose += [text[position:start], " "]
                position = start + len(url)
            elif kind == "email":
                items.emails.append((raw, raw.casefold()))
                prose += [text[position:start], " "]
                position = end
            elif kind in ("dmy", "ymd"):
                dates = _dates(match)
                if dates:
                    items.dates.append((raw, dates))
                else:
                    items.add_numbers(match.group())
            elif kind == "phone":
                digits = _phone_digits(match.group())
                if len(digits) >= MIN_PHONE_DIGITS:
                    items.phones.append((raw, digits))
                else:
                    items.add_numbers(match.group())
            else:
                items.numbers.append((raw, _number_key(match.group())))
        prose.append(text[position:])
        items.prose = "".join(prose)
        return items

    def add_numbers(self, text: str) -> None:
        """The numbers in a match that turned out to be no date or phone number."""
        self.numbers += [
            (match.group(), _number_key(match.group())) for match in _NUMBER.finditer(text)
        ]


def _dates(match: re.Match[str]) -> tuple[date, ...]:
    """The dates a match can mean: day-month-year, year-month-day, and with slashes also
    month/day/year (US English), the first reading first. Empty when none is a valid date."""
    if match.lastgroup == "dmy":
        day, month, year = int(match["d1"]), int(match["m1"]), int(match["y1"])
        readings = [(year, month, day)]
        if match["s1"] == "/":
            readings.append((year, day, month))
    else:
        readings = [(int(match["y2"]), int(match["m2"]), int(match["d2"]))]
    dates: list[date] = []
    for year, month, day in readings:
        try:
            dates.append(date(year, month, day))
        except ValueError:
            continue
    return tuple(dates)


def _phone_digits(phone: str) -> str:
    """The digits of a phone number; `+49 (0)821`, `0049 821` and `0821` compare equal."""
    national = _GERMAN_PREFIX.sub("0", phone)
    return _NON_DIGIT.sub("", national)


def _number_key(number: str) -> str:
    """A number as compared: `12,50`, `12.50` and `12٫50` agree, and so do `1.000`, `1,000`,
    `1 000` and `1000` (a separator before exactly three digits is read as a thousands
    separator); times use the same rule (`8:30` equals `8.30`, `08:30`). A final `00` group
    is dropped: `12:00 Uhr` may become `12 noon`, `19,00 Euro` `19 euros`."""
    groups = _NUMBER_SEPARATOR.split(number)
    if len(groups) > 1 and groups[-1] == "00":
        groups.pop()
    key = groups[0].lstrip("0") or "0"
    for group in groups[1:]:
        key += group if len(group) == 3 else f".{group}"
    return key


def _check_items(source: _Items, target: _Items, where: str) -> list[QaWarning]:
    """Numbers, dates, phone numbers, e-mail addresses and URLs of the source the target lacks."""
    warnings = []
    place = _in_field(where)
    numbers = Counter(key for _, key in target.numbers)
    missing: dict[str, list[str]] = {}
    for raw, key in source.numbers:
        if numbers[key] > 0:
            numbers[key] -= 1
        else:
            missing.setdefault(key, []).append(raw)
    for raws in missing.values():
        times = len(raws)
        message = (
            f"The number {raws[0]} is missing {place} of the translation."
            if times == 1
            else f"The number {raws[0]} is missing {times} times {place} of the translation."
        )
        warnings.append(QaWarning(NUMBER, message, where))
    dates = Counter(day for _, readings in target.dates for day in readings)
    for raw, readings in source.dates:
        day = readings[0]  # German sources write day.month.year
        if dates[day] > 0:
            dates[day] -= 1
        else:
            message = f"The date {raw} is missing or changed {place} of the translation."
            warnings.append(QaWarning(DATE, message, where))
    phones = Counter(digits for _, digits in target.phones)
    for raw, digits in source.phones:
        if phones[digits] > 0:
            phones[digits] -= 1
        else:
            message = f"The phone number {raw} is missing or changed {place} of the translation."
            warnings.append(QaWarning(PHONE, message, where))
    emails = {folded for _, folded in target.emails}
    for email, folded in dict.fromkeys(source.emails):
        if folded not in emails:
            message = (
                f"The e-mail address {email} is missing or changed {place} of the translation."
            )
            warnings.append(QaWarning(EMAIL, message, where))
    urls = set(target.urls)
    for url in dict.fromkeys(source.urls):
        if url not in urls:
            message = f"The web address {url} is missing or changed {place} of the translation."
            warnings.append(QaWarning(URL, message, where))
    return warnings


# --- HTML ----------------------------------------------------------------------------------


@dataclass(slots=True)
class _Tags:
    """The tag sequence of an HTML fragment, its nesting problems and its link targets."""

    sequence: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)

    @classmethod
    def scan(cls, html: str) -> "_Tags":
        """One pass over the tags; comments are skipped, attributes only read for links.

        A void element is one `<br>` whether written `<br>`, `<br/>` or `<br></br>`; any other
        self-closing tag counts as opened and closed.
        """
        tags = cls()
        open_tags: list[str] = []
        for match in _TAG.finditer(html):
            name = match[2]
            if name is None:
                continue
            name = name.lower()
            attributes = match[3]
            if match[1]:
                if name not in _VOID_TAGS:
                    tags.sequence.append(f"</{name}>")
                    tags.close(open_tags, name)
                continue
            tags.links += [
                unescape(found[2] or found[3] or found[4] or "").strip()
                for found in _LINK_ATTRIBUTE.finditer(attributes)
            ]
            tags.sequence.append(f"<{name}>")
            if name in _VOID_TAGS:
                continue
            if attributes.rstrip().endswith("/"):
                tags.sequence.append(f"</{name}>")
            else:
                open_tags.append(name)
        tags.problems += [f"The tag <{name}> is never closed" for name in reversed(open_tags)]
        return tags

    def close(self, open_tags: list[str], name: str) -> None:
        """Close the innermost open `name`, noting tags left open inside it or a stray close."""
        if name not in open_tags:
            self.problems.append(f"The closing tag </{name}> has no opening tag")
            return
        while (inner := open_tags.pop()) != name:
            self.problems.append(f"The tag <{inner}> is not closed before </{name}>")


def _check_skeleton(source: _Tags, target: _Tags) -> list[QaWarning]:
    """The first nesting problem the target adds, else the first tag that differs.

    A nesting problem the source has too (an unclosed `<li>` the CMS accepts) is no warning.
    One warning at most: a missing closing tag would otherwise be reported twice.
    """
    new_problems = Counter(target.problems) - Counter(source.problems)
    for problem in target.problems:
        if new_problems[problem] > 0:
            return [QaWarning(HTML_SKELETON, f"{problem} in the translation.")]
    expected, found = source.sequence, target.sequence
    if expected == found:
        return []
    index = next(
        (i for i, (a, b) in enumerate(zip(expected, found, strict=False)) if a != b),
        min(len(expected), len(found)),
    )
    if dropped := _gap(expected, found, index):
        message = (
            f"The tag {dropped[0]} of the original is missing in the translation."
            if len(dropped) == 1
            else f"The tags {' and '.join(dropped)} of the original are missing in the translation."
        )
    elif added := _gap(found, expected, index):
        message = (
            f"The translation has an extra tag {added[0]} that the original lacks."
            if len(added) == 1
            else f"The translation has extra tags {' and '.join(added)} that the original lacks."
        )
    elif index >= len(found):
        message = (
            f"The translation's HTML ends early: from tag {index + 1} of the original "
            f"({expected[index]}) on, the tags are missing."
        )
    elif index >= len(expected):
        message = f"The translation has extra tags after the original's last tag: {found[index]}."
    else:
        message = (
            f"The HTML tags differ from the original at tag {index + 1}: the translation has "
            f"{found[index]} where the original has {expected[index]}."
        )
    return [QaWarning(HTML_SKELETON, message)]


def _gap(longer: list[str], shorter: list[str], index: int) -> list[str]:
    """The one or two tags at `index` whose removal from `longer` gives `shorter` (else [])."""
    for count in (1, 2):
        if len(longer) - len(shorter) == count and shorter[index:] == longer[index + count :]:
            return longer[index : index + count]
    return []


def _check_links(source: list[str], target: list[str]) -> list[QaWarning]:
    """Link targets (`href`, `src`) must be kept exactly: a changed one, or missing and extra."""
    missing = list((Counter(source) - Counter(target)).elements())
    extra = list((Counter(target) - Counter(source)).elements())
    warnings = [
        QaWarning(URL, f"The link {old} was changed to {new} in the translation.")
        for old, new in zip(missing, extra, strict=False)
    ]
    pairs = len(warnings)
    warnings += [
        QaWarning(URL, f"The link {link} is missing in the translation.")
        for link in missing[pairs:]
    ]
    warnings += [
        QaWarning(URL, f"The translation has a link {link} that the original does not have.")
        for link in extra[pairs:]
    ]
    return warnings


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
        message = (
            f"The translation is identical to the {_language_name(source_language)} original: "
            "it was not translated."
        )
        return [QaWarning(LANGUAGE, message)]
    expected = base_code(target_language)
    if identifier is None or len(target) < MIN_LANGUAGE_CHARS or not identifier.knows(expected):
        return []
    detected, probability = identifier.identify(sample_of(target))
    same = detected == expected or detected in _FAMILY.get(expected, ())
    if same or probability < MIN_LANGUAGE_PROBABILITY:
        return []
    message = (
        f"The translation reads as {_language_name(detected)}, "
        f"not {_language_name(target_language)}."
    )
    return [QaWarning(LANGUAGE, message)]


def _check_length(source: str, target: str, language: str) -> list[QaWarning]:
    """Visible length of target / source outside the bounds: text missing or added."""
    if len(source) < MIN_RATIO_CHARS:
        return []
    low, high = LENGTH_RATIO_BOUNDS
    low = LENGTH_RATIO_MINIMUM.get(base_code(language), low)
    ratio = len(target) / len(source)
    if not target:
        message = "The translation has no visible text: it is empty."
    elif ratio < low:
        message = (
            f"The translation is only {ratio:.2f} times as long as the original "
            f"(expected at least {low}): parts of the text may be missing."
        )
    elif ratio > high:
        message = (
            f"The translation is {ratio:.2f} times as long as the original "
            f"(expected at most {high}): text may have been repeated or added."
        )
    else:
        return []
    return [QaWarning(LENGTH_RATIO, message)]
