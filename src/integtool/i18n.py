"""The language a person reads: German or English, gettext catalogs, and Babel's formats.

Every sentence, header and cell word a person reads goes through `_` (or `ngettext` for
counts); machine-readable output (JSON, CSV, exit codes, `kind` values, PO/XLIFF) never does.
The German catalog is `locale/de/LC_MESSAGES/integtool.po`, kept in the repository and read
with polib when German is chosen (no build step: a fresh `pip install .` speaks German).

Which language: `--ui-language`, else `ui_language` in the configuration, else the locale
(`LANGUAGE` first unless the locale is C/POSIX, then `LC_ALL`, `LC_MESSAGES`, `LANG`), else
English. German for `de` and `de_*`, English for everything else.
"""

import gettext
import io
import tomllib
from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta
from functools import cache
from importlib import resources
from pathlib import Path

from integtool.core.wording import LanguageRef, Param, WordedError, Wording

UI_LANGUAGES = ("de", "en")
"""The languages integtool speaks; English is the fallback."""
DOMAIN = "integtool"
_EXTRA_NAMES: Mapping[str, Mapping[str, str]] = {
    "de": {"de-si": "Leichte Sprache", "kmr": "Kurmandschi", "prs": "Dari"},
    "en": {"de-si": "German (easy language)", "kmr": "Kurmanji", "prs": "Dari"},
}
"""Names CLDR does not have (Integreat's own codes); every other name comes from CLDR."""

_active = "en"


def N_(message: str) -> str:  # the gettext convention for "mark, translate later"
    """Mark `message` for the catalog where it cannot be translated yet (module constants)."""
    return message


class Said(str):
    """A sentence in the UI language that remembers its English: machine output (JSON, CSV)
    writes `english`, so it never changes with the language, while people read the text.
    `format` and `+` keep both (a `Said` argument contributes its English to the English)."""

    english: str

    def __new__(cls, text: str, english: str) -> "Said":
        said = super().__new__(cls, text)
        said.english = english
        return said

    def format(self, *args: object, **kwargs: object) -> "Said":
        return Said(
            str.format(self, *args, **kwargs),
            self.english.format(
                *(english(arg) for arg in args),
                **{key: english(value) for key, value in kwargs.items()},
            ),
        )

    def __add__(self, other: str) -> "Said":
        return Said(str(self) + str(other), self.english + english_text(other))

    def __radd__(self, other: str) -> "Said":
        return Said(str(other) + str(self), english_text(other) + self.english)

    def rstrip(self, chars: str | None = None) -> "Said":
        return Said(str.rstrip(self, chars), self.english.rstrip(chars))


def english(value: object) -> object:
    """The English of a `Said` sentence; any other value as it is."""
    return value.english if isinstance(value, Said) else value


def english_text(text: str) -> str:
    """The English of a text that may be a `Said` sentence (plain text as it is)."""
    return text.english if isinstance(text, Said) else str(text)


def _(message: str) -> str:
    """`message` in the active language (the English text when the catalog lacks it)."""
    return Said(_catalog(_active).gettext(message), message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form for `count` in the active language ("1 Seite", "3 Seiten")."""
    return Said(
        _catalog(_active).ngettext(singular, plural, count), singular if count == 1 else plural
    )


def active() -> str:
    """The active UI language code (`de` or `en`)."""
    return _active


def activate(language: str) -> None:
    """Speak `language` from now on (`de` or `en`; anything else is English)."""
    global _active  # noqa: PLW0603  # one process, one reader: the language is process state
    _active = language if language in UI_LANGUAGES else "en"


def choose(flag: str | None, configured: str | None, environ: Mapping[str, str]) -> str:
    """The UI language from `--ui-language`, the configuration, then the locale."""
    for value in (flag, configured):
        if value:
            return _normal(value)
    return _from_locale(environ)


def _from_locale(environ: Mapping[str, str]) -> str:
    locale = next(
        (environ[name] for name in ("LC_ALL", "LC_MESSAGES", "LANG") if environ.get(name)), ""
    )
    if locale.split(".")[0] in {"C", "POSIX"}:
        return "en"
    priority = environ.get("LANGUAGE", "")
    first = next((part for part in priority.split(":") if part), "") or locale
    return _normal(first)


def _normal(value: str) -> str:
    base = value.strip().replace("-", "_").split("_")[0].split(".")[0].lower()
    return base if base in UI_LANGUAGES else "en"


def flag_in(argv: Sequence[str]) -> str | None:
    """The value of `--ui-language` in a command line, read before the parser runs (so that
    `integtool --help` and usage errors are in that language too)."""
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--ui-language" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--ui-language="):
            return arg.partition("=")[2]
    return None


def configured_in(path: Path | None) -> str | None:
    """`ui_language` of the configuration file, read quietly before the run: a missing or
    broken file is reported later, in the language chosen without it."""
    if path is None:
        return None
    try:
        with path.open("rb") as file:
            value = tomllib.load(file).get("ui_language")
    except (OSError, ValueError, RecursionError):
        return None
    return value if isinstance(value, str) else None


@cache
def _catalog(language: str) -> gettext.NullTranslations:
    if language == "en":
        return gettext.NullTranslations()
    import polib  # only when German is spoken: start-up stays light

    source = resources.files("integtool") / "locale" / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    catalog = polib.pofile(source.read_text(encoding="utf-8"))
    return gettext.GNUTranslations(io.BytesIO(catalog.to_binary()))


# --- numbers, money, dates and names in the UI language (CLDR via Babel) -------------------
# Babel is imported where it is used: a run that prints no number does not load CLDR.


def number(value: float, digits: int = 0) -> str:
    """`1.708` in German, `1,708` in English; `digits` decimals."""
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(value, format=pattern, locale=_active)


def money(euros: float) -> str:
    """`12,40 €` in German, `€12.40` in English."""
    from babel.numbers import format_currency

    return format_currency(euros, "EUR", locale=_active)


def percent(share: float) -> str:
    """`12 %` in German, `12%` in English (share 0.12)."""
    from babel.numbers import format_percent

    return format_percent(share, locale=_active)


def day(value: date | datetime) -> str:
    """`7. Dezember 2026` / `December 7, 2026`."""
    from babel.dates import format_date

    return format_date(value, format="long", locale=_active)


def moment(value: datetime) -> str:
    """Date and time, medium length (`07.12.2026, 14:05:00`)."""
    from babel.dates import format_datetime

    return format_datetime(value, format="medium", locale=_active)


def ago(delta: timedelta) -> str:
    """How long ago: `vor 3 Tagen` / `3 days ago` (a negative delta lies in the future)."""
    from babel.dates import format_timedelta

    return format_timedelta(-delta, add_direction=True, locale=_active)


def language_name(code: str) -> str:
    """The name of a content language in the UI language (`Arabisch` for `ar`); the code
    itself when CLDR and Integreat's own codes do not know it."""
    from babel import Locale, UnknownLocaleError

    extra = _EXTRA_NAMES[_active].get(code.lower())
    if extra:
        return extra
    try:
        name = Locale.parse(code.replace("-", "_")).get_display_name(_active)
    except (ValueError, UnknownLocaleError):
        return code
    return name or code


# --- sentences core worded (core/wording.py) ------------------------------------------------


def spoken(wording: Wording) -> str:
    """A sentence core worded, in the UI language: its template (and those of nested phrases)
    through the catalog, decimals and grouped numbers as the language writes them, content
    languages by their name in it. English is `wording.english()`, exactly as ever."""
    if _active == "en":
        return wording.english()
    return wording.render(_, _spoken_param)


def spoken_error(error: BaseException) -> str:
    """Why `error` happened, in the UI language when core worded it (`WordedError`)."""
    return spoken(error.wording) if isinstance(error, WordedError) else str(error)


def _spoken_param(value: Param) -> object:
    if isinstance(value, LanguageRef):
        name = language_name(value.code)
        return value.named(name if name != value.code else None)
    if isinstance(value, float | int) and not isinstance(value, bool):
        return _Number(value)
    return value


class _Number:
    """A number in a template: `{ratio:.2f}` gives `0,35` and `{count:,}` `1.708` in German;
    without grouping or decimals (page ids, counts) it stays as Python writes it."""

    def __init__(self, value: float) -> None:
        self.value = value

    def __format__(self, spec: str) -> str:
        english = format(self.value, spec)
        if not isinstance(self.value, float) and "," not in spec:
            return english
        plain = english.replace(",", "")
        try:
            exact = float(plain)
        except ValueError:  # a spec that writes more than a number
            return english
        return number(exact, len(plain.partition(".")[2]))
