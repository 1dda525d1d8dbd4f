"""Numbers, dates, phone numbers, e-mail addresses and URLs in a field's visible text.

One combined scan per field finds them all; each character belongs to at most one item, so a
number inside a date is checked once, by the date check. The target must keep every item of
the source, in any of the forms `qa.check_draft` documents as unchanged.
"""

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from integtool.core.qa.warnings import DATE, EMAIL, NUMBER, PHONE, URL, QaWarning, in_field
from integtool.core.wording import N_

MIN_PHONE_DIGITS = 6
"""A phone-like match with fewer digits (a postcode, `08 - 12`) counts as numbers instead."""

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


@dataclass(slots=True)
class Items:
    """What one field's visible text contains, each item as written and as compared."""

    prose: str = ""
    """The text with URLs and e-mail addresses blanked out (for glossary matching)."""
    urls: list[str] = field(default_factory=list)
    emails: list[tuple[str, str]] = field(default_factory=list)
    dates: list[tuple[str, tuple[date, ...]]] = field(default_factory=list)
    phones: list[tuple[str, str]] = field(default_factory=list)
    numbers: list[tuple[str, str]] = field(default_factory=list)

    @classmethod
    def scan(cls, text: str) -> "Items":
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


def check_items(source: Items, target: Items, where: str) -> list[QaWarning]:
    """Numbers, dates, phone numbers, e-mail addresses and URLs of the source the target lacks."""
    warnings = []
    place = in_field(where)
    numbers = Counter(key for _, key in target.numbers)
    missing: dict[str, list[str]] = {}
    for raw, key in source.numbers:
        if numbers[key] > 0:
            numbers[key] -= 1
        else:
            missing.setdefault(key, []).append(raw)
    for raws in missing.values():
        times = len(raws)
        template = (
            N_("The number {number} is missing {place} of the translation.")
            if times == 1
            else N_("The number {number} is missing {times} times {place} of the translation.")
        )
        warnings.append(
            QaWarning.worded(NUMBER, template, where, number=raws[0], times=times, place=place)
        )
    dates = Counter(day for _, readings in target.dates for day in readings)
    for raw, readings in source.dates:
        day = readings[0]  # German sources write day.month.year
        if dates[day] > 0:
            dates[day] -= 1
        else:
            template = N_("The date {date} is missing or changed {place} of the translation.")
            warnings.append(QaWarning.worded(DATE, template, where, date=raw, place=place))
    phones = Counter(digits for _, digits in target.phones)
    for raw, digits in source.phones:
        if phones[digits] > 0:
            phones[digits] -= 1
        else:
            template = N_(
                "The phone number {phone} is missing or changed {place} of the translation."
            )
            warnings.append(QaWarning.worded(PHONE, template, where, phone=raw, place=place))
    emails = {folded for _, folded in target.emails}
    for email, folded in dict.fromkeys(source.emails):
        if folded not in emails:
            template = N_(
                "The e-mail address {email} is missing or changed {place} of the translation."
            )
            warnings.append(QaWarning.worded(EMAIL, template, where, email=email, place=place))
    urls = set(target.urls)
    for url in dict.fromkeys(source.urls):
        if url not in urls:
            template = N_("The web address {url} is missing or changed {place} of the translation.")
            warnings.append(QaWarning.worded(URL, template, where, url=url, place=place))
    return warnings


def _ascii_digits(text: str) -> str:
    """Arabic-Indic, Persian and all other Unicode decimal digits as ASCII (same length)."""
    if text.isascii():
        return text
    return _NON_ASCII_DIGIT.sub(lambda match: str(unicodedata.decimal(match.group())), text)
