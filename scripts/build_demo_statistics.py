#!/usr/bin/env python3
"""Build the demo's readership data: ``<region>/statistics.json`` and ``<region>/population.toml``.

Usage::

    python scripts/build_demo_statistics.py            # write the files
    python scripts/build_demo_statistics.py --check    # fail if the files differ from the build

Plain Python 3.11 standard library, deterministic (a seeded random.Random, no clock).

statistics.json holds 24 monthly Matomo action counts per language (and "all": the whole
site), oldest first, the last one for the month before the reference month of meta.json; the
demo Matomo (``integtool.demo.statistics``) shifts the months so that the reference month is
the current month. population.toml holds fictional foreign residents by nationality, shaped
like the statistics offices' table 12521-0041.

INTENDED FLAGS for the last complete month (`integtool --demo access <region>`):
  neustadt            ro below_expected: Romanians are about 7 % of the foreign residents, but
                      Romanian is steadily read under 1 % of the translated reads.
  landkreis-birkenau  fa dropped: about 900 reads a month, then a third of that in the last
                      month; still read more than its residents lead to expect.
No other translated language is flagged.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "src" / "integtool" / "demo" / "data"
MONTHS = 24
SEED = 20261101
SEASON = {1: 1.03, 2: 1.01, 3: 1.02, 4: 0.98, 5: 0.97, 6: 0.95, 7: 0.91, 8: 0.89, 9: 1.04,
          10: 1.06, 11: 1.04, 12: 0.90}  # fmt: skip
"""Mild seasonality: quiet summer holidays and Christmas, busy at the start of the school year."""
SITE_OVERHEAD = 1.09
"""The whole site has a few more actions than the language pages (other API endpoints)."""


@dataclass(frozen=True)
class Series:
    """Monthly actions of one language: the level of the last month, growth per month."""

    level: float
    growth: float = 0.0
    last_factor: float = 1.0
    """Multiplies the last month only (a deliberate drop)."""


@dataclass(frozen=True)
class Region:
    slug: str
    site_id: int
    languages: dict[str, Series]
    residents: list[tuple[str, int, str]]
    """Nationality as written in the file, residents, comment."""
    overrides: list[tuple[str, str, str]] = field(default_factory=list)
    """Nationality, TOML inline table of language shares, comment."""
    kind: str = ""


REGIONS = (
    Region(
        "neustadt",
        3,
        {
            "de": Series(5400, 0.002),
            "en": Series(1300, 0.003),
            "ar": Series(1750),
            "fa": Series(470, 0.002),
            "uk": Series(660, 0.006),
            "ro": Series(28),
            "tr": Series(1200, -0.002),
        },
        [
            ("Türkei", 2400, ""),
            ("Syrien", 2100, ""),
            ("UA", 1500, "ISO 3166 codes work too"),
            ("Polen", 1300, "Polish is not offered: not counted"),
            ("Rumänien", 1000, "about 7 % of the foreign residents"),
            ("Italien", 900, ""),
            ("Afghanistan", 800, "Dari readers read Farsi"),
            ("Kroatien", 700, ""),
            ("Irak", 600, ""),
            ("Bulgarien", 600, ""),
            ("Griechenland", 500, ""),
            ("Kosovo", 450, ""),
            ("Österreich", 400, "reads German: not counted"),
            ("Iran", 350, ""),
        ],
        [("SY", "{ ar = 0.8, ku = 0.2 }", "the integration office's own estimate")],
        "city",
    ),
    Region(
        "landkreis-birkenau",
        7,
        {
            "de": Series(6900, 0.002),
            "en": Series(1450, 0.003),
            "ar": Series(1600),
            "fa": Series(900, last_factor=0.34),
            "uk": Series(1230, 0.004),
            "ru": Series(1530, 0.001),
            "tr": Series(1160, -0.001),
        },
        [
            ("Ukraine", 3100, ""),
            ("Syria", 2600, "English names work too"),
            ("Türkei", 2200, ""),
            ("Polen", 1700, "Polish is not offered: not counted"),
            ("Rumänien", 1500, "Romanian is not offered here"),
            ("Italien", 800, ""),
            ("Irak", 700, ""),
            ("Bulgarien", 700, ""),
            ("Afghanistan", 700, "Dari readers read Farsi"),
            ("Kroatien", 650, ""),
            ("Russische Föderation", 600, ""),
            ("Österreich", 500, "reads German: not counted"),
            ("Kasachstan", 450, ""),
            ("Iran", 200, ""),
            ("MD", 200, "Moldova"),
        ],
        [("UA", "{ uk = 0.6, ru = 0.4 }", "many Russian-speaking Ukrainians in the district")],
        "district",
    ),
)


def reference_month() -> tuple[int, int]:
    meta = json.loads((DATA_DIR / "meta.json").read_text(encoding="utf-8"))
    day = datetime.fromisoformat(meta["reference_date"]).date()
    return day.year, day.month


def calendar_months() -> list[int]:
    """The calendar month (1-12) of each stored value, oldest first."""
    year, month = reference_month()
    start = year * 12 + month - 1 - MONTHS
    return [(start + index) % 12 + 1 for index in range(MONTHS)]


def series_values(series: Series, rng: random.Random) -> list[int]:
    noise = max(0.03, 1.0 / series.level**0.5)
    values = []
    for index, month in enumerate(calendar_months()):
        trend = (1.0 + series.growth) ** (index - MONTHS + 1)
        value = series.level * trend * SEASON[month] * rng.gauss(1.0, noise)
        if index == MONTHS - 1:
            value *= series.last_factor
        values.append(max(0, round(value)))
    return values


def statistics_text(region: Region) -> str:
    rng = random.Random(f"{SEED}-{region.slug}")
    months = {code: series_values(series, rng) for code, series in region.languages.items()}
    site = [
        round(sum(values) * rng.gauss(SITE_OVERHEAD, 0.01))
        for values in zip(*months.values(), strict=True)
    ]
    note = (
        "Fictional Matomo actions generated by scripts/build_demo_statistics.py (do not edit by "
        "hand): 24 monthly values per language segment and for the whole site (all), oldest "
        "first, the last one for the month before the reference month of meta.json."
    )
    rows = [f'  "all": {json.dumps(site)}'] + [
        f"  {json.dumps(code)}: {json.dumps(values)}" for code, values in months.items()
    ]
    return (
        f'{{\n "matomo_site_id": {region.site_id},\n "note": {json.dumps(note)},\n'
        ' "months": {\n' + ",\n".join(rows) + "\n }\n}\n"
    )


def _key(name: str) -> str:
    bare = name.isascii() and name.replace("-", "").replace("_", "").isalnum()
    return name if bare else json.dumps(name, ensure_ascii=False)


def _line(text: str, comment: str) -> str:
    return f"{text:<32}# {comment}" if comment else text


def population_text(region: Region) -> str:
    total = sum(count for _, count, _ in region.residents)
    lines = [
        f"# Foreign residents of the demo {region.kind} by nationality: FICTIONAL figures in the",
        "# shape of the statistics offices' table 12521-0041 (Ausländer nach Staatsangehörigkeit).",
        f"# {total} foreign residents. Generated by scripts/build_demo_statistics.py.",
        'source = "Fictional demo figures in the shape of table 12521-0041 '
        '(foreign residents by nationality), 31.12.2025"',
        "",
        "[residents]",
        *(_line(f"{_key(name)} = {count}", comment) for name, count, comment in region.residents),
    ]
    if region.overrides:
        lines += ["", "[languages]  # replaces integtool's estimate for these nationalities"]
        lines += [_line(f"{_key(name)} = {table}", note) for name, table, note in region.overrides]
    return "\n".join(lines) + "\n"


def outputs() -> dict[Path, str]:
    files = {}
    for region in REGIONS:
        files[DATA_DIR / region.slug / "statistics.json"] = statistics_text(region)
        files[DATA_DIR / region.slug / "population.toml"] = population_text(region)
    return files


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--check", action="store_true", help="only compare the existing files")
    args = parser.parse_args()
    stale = []
    for path, text in outputs().items():
        current = path.read_text(encoding="utf-8") if path.is_file() else None
        if current == text:
            continue
        if args.check:
            stale.append(path)
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(DATA_DIR)}")
    for path in stale:
        print(f"out of date: {path.relative_to(DATA_DIR)}", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
