"""Population files: a region's foreign residents by nationality (CSV or TOML).

TOML: `[residents]` maps a nationality (ISO 3166 code, English or German country name) to its
residents; an optional `[languages]` table replaces integtool's estimate of the languages a
nationality reads, e.g. `SY = { ar = 0.8, ku = 0.2 }`. CSV: a header row, then nationality and
residents in the first two columns (comma, semicolon or tab; thousands separators allowed;
"-" for none), as the statistics offices publish table 12521-0041. Nationalities integtool does
not know are kept under their name and counted only when `[languages]` maps them.
"""

import csv
import io
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from integtool.core.nationalities import NATIONALITY_LANGUAGES, UnknownNationality, nationality_code
from integtool.errors import UsageError
from integtool.i18n import _

_TOTAL_ROWS = {"insgesamt", "total", "gesamt", "summe", "ausländer insgesamt", "all"}


@dataclass(frozen=True, slots=True)
class Population:
    """Residents per nationality (ISO code, or the name as written when unknown)."""

    residents: Mapping[str, int]
    languages: Mapping[str, Mapping[str, float]] = field(default_factory=dict)
    """The file's own language shares per nationality (they replace integtool's)."""
    source: str | None = None
    name: str = ""

    @property
    def mapping(self) -> dict[str, Mapping[str, float]]:
        """integtool's nationality → language shares with the file's rows applied."""
        return {**NATIONALITY_LANGUAGES, **self.languages}

    @property
    def unplaced(self) -> dict[str, int]:
        """Residents of nationalities no mapping places (they are not counted)."""
        mapping = self.mapping
        return {key: count for key, count in self.residents.items() if key not in mapping}


def read_population(path: Path) -> Population:
    """Read a population file; a bad file is a UsageError naming the file and the problem."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(
            _("The population file {name} cannot be read: {reason}.").format(
                name=path, reason=error
            )
        ) from None
    if path.suffix.lower() == ".csv":
        return parse_population_csv(text, str(path))
    return parse_population_toml(text, str(path))


def parse_population_toml(text: str, name: str) -> Population:
    """A TOML population file's content."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise UsageError(
            _("The population file {name} is not valid TOML: {reason}.").format(
                name=name, reason=error
            )
        ) from None
    except RecursionError:  # tomllib on thousands of nested brackets
        raise UsageError(
            _("The population file {name} is nested too deeply.").format(name=name)
        ) from None
    unknown = sorted(set(data) - {"source", "residents", "languages"})
    if unknown:
        raise UsageError(
            _("The population file {name} has an unknown key '{key}'.").format(
                name=name, key=unknown[0]
            )
        )
    residents_table = data.get("residents")
    if not isinstance(residents_table, dict) or not residents_table:
        raise UsageError(
            _("The population file {name} needs a [residents] table.").format(name=name)
        )
    residents: dict[str, int] = {}
    for nationality, count in residents_table.items():
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            raise UsageError(
                _("The population file {name}: residents of {nationality} must be a whole "
                  "number.").format(name=name, nationality=nationality)
            )  # fmt: skip
        key = _key(nationality)
        residents[key] = residents.get(key, 0) + count
    source = data.get("source")
    return Population(
        residents, _languages(data.get("languages", {}), name), str(source or "") or None, name
    )


def parse_population_csv(text: str, name: str) -> Population:
    """A CSV population file's content."""
    try:
        dialect: Any = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = list(csv.reader(io.StringIO(text), dialect))
    residents: dict[str, int] = {}
    for number, row in enumerate(rows[1:], start=2):
        if not row or not row[0].strip() or row[0].strip().casefold() in _TOTAL_ROWS:
            continue
        if len(row) < 2:
            raise UsageError(
                _("The population file {name}, line {line}: no residents column.").format(
                    name=name, line=number
                )
            )
        count = _residents(row[1])
        if count is None:
            raise UsageError(
                _("The population file {name}, line {line}: {cell} is not a number of "
                  "residents.").format(name=name, line=number, cell=repr(row[1].strip()))
            )  # fmt: skip
        key = _key(row[0])
        residents[key] = residents.get(key, 0) + count
    if not residents:
        raise UsageError(_("The population file {name} lists no residents.").format(name=name))
    return Population(residents, {}, None, name)


def _key(nationality: str) -> str:
    try:
        return nationality_code(nationality)
    except UnknownNationality:
        return " ".join(nationality.split())


def _residents(cell: str) -> int | None:
    value = cell.strip()
    if value in {"-", ".", "", "x"}:
        return 0
    digits = "".join(char for char in value if char not in " .,'\u00a0\u202f")
    return int(digits) if digits.isdigit() else None


def _languages(table: Any, name: str) -> dict[str, Mapping[str, float]]:
    if not isinstance(table, dict):
        raise UsageError(
            _("The population file {name}: [languages] must be a table.").format(name=name)
        )
    languages: dict[str, Mapping[str, float]] = {}
    for nationality, shares in table.items():
        valid = isinstance(shares, dict) and all(
            isinstance(share, int | float) and not isinstance(share, bool) and 0 <= share <= 1
            for share in shares.values()
        )
        if not valid or not 0 < sum(shares.values()) <= 1.0001:
            raise UsageError(
                _("The population file {name}: languages of {nationality} must map language "
                  "codes to shares adding up to at most 1, e.g. {example}.").format(
                    name=name, nationality=nationality, example="{ ar = 0.8, ku = 0.2 }"
                )
            )  # fmt: skip
        languages[_key(nationality)] = {code: float(share) for code, share in shares.items()}
    return languages
