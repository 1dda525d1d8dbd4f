"""Which languages the residents of a nationality read: nationality is not language.

Shares are integtool's estimates of the languages read by residents of each nationality (for
example a quarter of Syrian residents in Germany are Kurdish). A population file may replace
any row. Residents of German-speaking nationalities read the default language and are not
counted; nationalities missing here are not counted either (docs/access.md lists the table).
"""

from collections.abc import Mapping

# ISO 3166 code, names (English, German, other spellings), languages read with their shares
_TABLE: tuple[tuple[str, tuple[str, ...], Mapping[str, float]], ...] = (
    ("AF", ("Afghanistan",), {"prs": 0.55, "ps": 0.45}),
    ("AL", ("Albania", "Albanien"), {"sq": 1.0}),
    ("AM", ("Armenia", "Armenien"), {"hy": 0.7, "ru": 0.3}),
    ("AZ", ("Azerbaijan", "Aserbaidschan"), {"az": 0.8, "ru": 0.2}),
    ("BA", ("Bosnia and Herzegovina", "Bosnien und Herzegowina"), {"bs": 1.0}),
    ("BG", ("Bulgaria", "Bulgarien"), {"bg": 1.0}),
    ("BR", ("Brazil", "Brasilien"), {"pt": 1.0}),
    ("BY", ("Belarus",), {"ru": 1.0}),
    ("CM", ("Cameroon", "Kamerun"), {"fr": 0.8, "en": 0.2}),
    ("CN", ("China",), {"zh": 1.0}),
    ("CO", ("Colombia", "Kolumbien"), {"es": 1.0}),
    ("CZ", ("Czechia", "Czech Republic", "Tschechien", "Tschechische Republik"), {"cs": 1.0}),
    ("DZ", ("Algeria", "Algerien"), {"ar": 0.8, "fr": 0.2}),
    ("EG", ("Egypt", "Ägypten"), {"ar": 1.0}),
    ("ER", ("Eritrea",), {"ti": 1.0}),
    ("ES", ("Spain", "Spanien"), {"es": 1.0}),
    ("ET", ("Ethiopia", "Äthiopien"), {"am": 0.7, "ti": 0.1, "om": 0.2}),
    ("FR", ("France", "Frankreich"), {"fr": 1.0}),
    ("GB", ("United Kingdom", "Vereinigtes Königreich"), {"en": 1.0}),
    ("GE", ("Georgia", "Georgien"), {"ka": 0.8, "ru": 0.2}),
    ("GH", ("Ghana",), {"en": 1.0}),
    ("GM", ("Gambia", "Gambia, The"), {"en": 1.0}),
    ("GN", ("Guinea",), {"fr": 1.0}),
    ("GR", ("Greece", "Griechenland"), {"el": 1.0}),
    ("HR", ("Croatia", "Kroatien"), {"hr": 1.0}),
    ("HU", ("Hungary", "Ungarn"), {"hu": 1.0}),
    ("IN", ("India", "Indien"), {"en": 0.6, "hi": 0.4}),
    ("IQ", ("Iraq", "Irak"), {"ar": 0.7, "ckb": 0.2, "ku": 0.1}),
    (
        "IR",
        ("Iran", "Iran, Islamische Republik", "Iran, Islamic Republic of"),
        {"fa": 0.9, "ku": 0.1},
    ),
    ("IT", ("Italy", "Italien"), {"it": 1.0}),
    ("KZ", ("Kazakhstan", "Kasachstan"), {"ru": 1.0}),
    ("LB", ("Lebanon", "Libanon"), {"ar": 1.0}),
    ("LT", ("Lithuania", "Litauen"), {"lt": 1.0}),
    ("LV", ("Latvia", "Lettland"), {"lv": 1.0}),
    ("LY", ("Libya", "Libyen"), {"ar": 1.0}),
    ("MA", ("Morocco", "Marokko"), {"ar": 0.8, "fr": 0.2}),
    ("MD", ("Moldova", "Moldau", "Republik Moldau", "Moldau, Republik"), {"ro": 0.8, "ru": 0.2}),
    ("ME", ("Montenegro",), {"sr": 1.0}),
    ("MK", ("North Macedonia", "Nordmazedonien"), {"mk": 0.7, "sq": 0.3}),
    ("NG", ("Nigeria",), {"en": 1.0}),
    ("NL", ("Netherlands", "Niederlande"), {"nl": 1.0}),
    ("PK", ("Pakistan",), {"ur": 0.7, "en": 0.3}),
    ("PL", ("Poland", "Polen"), {"pl": 1.0}),
    ("PS", ("Palestine", "Palästinensische Gebiete"), {"ar": 1.0}),
    ("PT", ("Portugal",), {"pt": 1.0}),
    ("RO", ("Romania", "Rumänien"), {"ro": 1.0}),
    ("RS", ("Serbia", "Serbien"), {"sr": 1.0}),
    ("RU", ("Russia", "Russian Federation", "Russische Föderation", "Russland"), {"ru": 1.0}),
    ("SD", ("Sudan",), {"ar": 1.0}),
    ("SI", ("Slovenia", "Slowenien"), {"sl": 1.0}),
    ("SK", ("Slovakia", "Slowakei"), {"sk": 1.0}),
    ("SO", ("Somalia",), {"so": 1.0}),
    (
        "SY",
        ("Syria", "Syrien", "Syrian Arab Republic", "Syrien, Arabische Republik"),
        {"ar": 0.75, "ku": 0.25},
    ),
    ("TN", ("Tunisia", "Tunesien"), {"ar": 0.8, "fr": 0.2}),
    ("TR", ("Turkey", "Türkei", "Türkiye"), {"tr": 0.8, "ku": 0.2}),
    ("UA", ("Ukraine",), {"uk": 0.7, "ru": 0.3}),
    ("US", ("United States", "USA", "Vereinigte Staaten"), {"en": 1.0}),
    ("VE", ("Venezuela",), {"es": 1.0}),
    ("VN", ("Vietnam", "Viet Nam"), {"vi": 1.0}),
    ("XK", ("Kosovo",), {"sq": 0.9, "sr": 0.1}),
    ("YE", ("Yemen", "Jemen"), {"ar": 1.0}),
    # German-speaking nationalities read the default language: listed so they are recognised
    ("AT", ("Austria", "Österreich"), {"de": 1.0}),
    ("CH", ("Switzerland", "Schweiz"), {"de": 0.65, "fr": 0.25, "it": 0.1}),
    ("LU", ("Luxembourg", "Luxemburg"), {"de": 0.5, "fr": 0.5}),
)

NATIONALITY_LANGUAGES: Mapping[str, Mapping[str, float]] = {
    code: languages for code, _, languages in _TABLE
}
"""ISO 3166 code → {language code: share of its residents reading it}."""

FALLBACKS: Mapping[str, tuple[str, ...]] = {
    "prs": ("fa",),  # Dari readers read Farsi
    "ku": ("kmr",),  # Kurmanji goes by either code
    "kmr": ("ku",),
    "bs": ("hr", "sr"),  # Bosnian, Croatian and Serbian are mutually intelligible
    "hr": ("bs", "sr"),
    "sr": ("bs", "hr"),
}
"""Languages a reader takes instead when the region offers no pages in their own."""

_NAMES = {name.casefold(): code for code, names, _ in _TABLE for name in (code, *names)}


class UnknownNationality(ValueError):
    """A nationality integtool cannot place: the population file must map it itself."""


def nationality_code(name: str) -> str:
    """The ISO 3166 code of an ISO code or an English or German country name."""
    code = _NAMES.get(" ".join(name.split()).casefold())
    if code is None:
        raise UnknownNationality(name)
    return code


def readers_per_language(
    residents: Mapping[str, float],
    offered: set[str],
    mapping: Mapping[str, Mapping[str, float]] = NATIONALITY_LANGUAGES,
) -> dict[str, float]:
    """Expected readers of each offered language from residents per nationality (ISO code).

    A nationality's residents are split by `mapping`; a language the region does not offer
    passes its readers to a fallback it does offer, else those residents are not counted.
    """
    readers: dict[str, float] = {}
    for nationality, count in residents.items():
        for language, share in mapping.get(nationality, {}).items():
            read = _offered_language(language, offered)
            if read is not None:
                readers[read] = readers.get(read, 0.0) + count * share
    return readers


def _offered_language(language: str, offered: set[str]) -> str | None:
    if language in offered:
        return language
    return next((other for other in FALLBACKS.get(language, ()) if other in offered), None)
