"""Words and numbers the human formats share, in the UI language (German or English).

Machine-readable output (JSON, CSV) never goes through here except inside `in_english`, which
keeps the sentences stored in those formats (access hints) the same in both languages.
"""

import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime

from integtool import i18n
from integtool.core.findings import FindingKind
from integtool.core.language_names import english_name
from integtool.i18n import N_, _

KIND_WORDS = {
    FindingKind.STALE: N_("stale"),
    FindingKind.MISSING: N_("missing"),
    FindingKind.OUTDATED: N_("outdated"),
    FindingKind.UNTRANSLATED_COPY: N_("copied"),
}
"""The English word of each finding kind (its catalog message)."""
_STORED_WORDS = {kind.value: word for kind, word in KIND_WORDS.items()}


def kind_word(kind: FindingKind | str) -> str:
    """`missing` / `fehlt` for a finding kind (or its stored value; unknown values as they are)."""
    if isinstance(kind, FindingKind):
        return _(KIND_WORDS[kind])
    word = _STORED_WORDS.get(kind)
    return _(word) if word is not None else kind


def number(value: float, digits: int = 0) -> str:
    """`1,708` / `1.708`, rounded as Python rounds (so English stays as `f"{value:,}"`)."""
    return i18n.number(float(f"{value:.{digits}f}"), digits)


def spoken_name(code: str) -> str:
    """The name of a content language in a sentence: `Arabisch` / `Arabic` (English keeps
    integtool's own names, e.g. `Kurdish (Kurmanji)`; the code when no name is known)."""
    if i18n.active() == "en":
        return english_name(code) or i18n.language_name(code)
    return i18n.language_name(code)


@contextmanager
def in_english() -> Iterator[None]:
    """Speak English inside (sentences that machine-readable output carries)."""
    spoken = i18n.active()
    i18n.activate("en")
    try:
        yield
    finally:
        i18n.activate(spoken)


def report_day(value: date) -> str:
    """The day of a report: `2026-12-07` in English (as ever: mail filters match it),
    `7. Dezember 2026` in German."""
    return value.isoformat() if i18n.active() == "en" else i18n.day(value)


def report_time(value: datetime) -> str:
    """A moment of a report in local time: `2026-12-07 14:05 CET` /
    `7. Dezember 2026, 14:05 CET`."""
    local = value.astimezone()
    if i18n.active() == "en":
        return local.strftime("%Y-%m-%d %H:%M %Z")
    return _("{day}, {time}").format(day=i18n.day(local), time=local.strftime("%H:%M %Z"))


_SCRIPT_WORDS = {
    "Latin": N_("Latin script"), "Arabic": N_("Arabic script"),
    "Cyrillic": N_("Cyrillic script"), "Greek": N_("Greek script"),
    "Hebrew": N_("Hebrew script"), "Ethiopic": N_("Ethiopic script"),
    "Armenian": N_("Armenian script"), "Georgian": N_("Georgian script"),
    "another": N_("another script"),
}  # fmt: skip
"""The scripts `core.copy_detection` names, as `written in … script` uses them."""
_IDENTICAL = re.compile(r"identical to the '(?P<other>[^']*)' text")
_SCRIPT = re.compile(
    r"written in (?P<found>\w+) script, but '(?P<language>[^']*)' is written in "
    r"(?P<script>\w+) script"
)
_DETECTED = re.compile(
    r"text detected as '(?P<detected>[^']*)' \((?P<confidence>\d+)%\), not '(?P<language>[^']*)'"
)


def copy_reason(detail: str) -> str:
    """Why a translation counts as a copy, in the UI language: `core.copy_detection` words it
    in English (the `detail` of JSON and CSV); German rewords its three sentences."""
    if i18n.active() == "en":
        return detail
    if match := _IDENTICAL.fullmatch(detail):
        return _("identical to the '{other}' text").format(**match.groupdict())
    if match := _SCRIPT.fullmatch(detail):
        found, script = (
            _(_SCRIPT_WORDS.get(match[name], f"{match[name]} script"))
            for name in ("found", "script")
        )
        return _("written in {found}, but '{language}' is written in {script}").format(
            found=found, language=match["language"], script=script
        )
    if match := _DETECTED.fullmatch(detail):
        return _("text detected as '{detected}' ({confidence}), not '{language}'").format(
            detected=match["detected"],
            confidence=_("{percent} %").format(percent=number(int(match["confidence"]))),
            language=match["language"],
        )
    return detail
