"""Parsing of the recorded responses of real Integreat CMS servers."""

import json
from pathlib import Path

import pytest

from integtool.content.parse import parse_languages, parse_page, parse_pages, parse_regions
from integtool.errors import ContentFormatError


def load(reference_dir: Path, name: str) -> object:
    return json.loads((reference_dir / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", ["regions.json", "regions_live.json", "live-2024.5/regions.json"])
def test_region_lists_of_every_schema_parse(reference_dir: Path, name: str) -> None:
    regions = parse_regions(load(reference_dir, name))
    assert regions, "recorded region list is not empty"
    slugs = [region.slug for region in regions]
    assert "augsburg" in slugs
    assert all(region.name for region in regions)


def test_single_region_carries_its_languages(reference_dir: Path) -> None:
    data = load(reference_dir, "live-2024.5/regions_augsburg.json")
    [region] = parse_regions([data])
    assert region.slug == "augsburg"
    assert region.language_codes[0] == "de"


@pytest.mark.parametrize("name", ["augsburg_languages.json", "live-2024.5/augsburg_languages.json"])
def test_languages_parse_with_direction(reference_dir: Path, name: str) -> None:
    languages = parse_languages(load(reference_dir, name), "augsburg")
    by_code = {language.code: language for language in languages}
    assert languages[0].code == "de"
    assert by_code["ar"].right_to_left and not by_code["en"].right_to_left
    assert by_code["en"].bcp47_tag == "en-GB"


@pytest.mark.parametrize(
    ("name", "language"),
    [
        ("augsburg_de_pages.json", "de"),
        ("augsburg_ar_pages.json", "ar"),
        ("live-2024.5/augsburg_de_pages.json", "de"),
        ("live-2024.5/augsburg_en_pages.json", "en"),
        ("live-2024.5/augsburg_ar_pages.json", "ar"),
        ("live-2024.5/augsburg_fa_pages.json", "fa"),
    ],
)
def test_page_lists_parse(reference_dir: Path, name: str, language: str) -> None:
    raw = load(reference_dir, name)
    assert isinstance(raw, list)
    pages = parse_pages(raw, "augsburg", language)
    assert len(pages) == len(raw)
    for page, item in zip(pages, raw, strict=True):
        assert page.id == item["id"]
        assert page.last_updated.tzinfo is not None
        assert page.links == {
            code: link["id"] for code, link in item["available_languages"].items()
        }


def test_known_page_fields(reference_dir: Path) -> None:
    pages = {
        p.id: p
        for p in parse_pages(load(reference_dir, "augsburg_de_pages.json"), "augsburg", "de")
    }
    page = pages[4]
    assert page.title == "Wissenswertes über Augsburg"
    assert page.links == {"en": 9, "ar": 17}
    assert page.last_updated.isoformat() == "2019-08-12T10:05:39.369000+02:00"
    assert page.parent_id == 1  # this older server sent the parent's page id, not a translation id


def test_single_page_endpoint_parses(reference_dir: Path) -> None:
    page = parse_page(load(reference_dir, "augsburg_de_page_1.json"), "augsburg", "de")
    assert (page.id, page.title, page.parent_id) == (75, "Willkommen", None)
    assert page.links == {"en": 7, "ar": 13, "fa": 11}  # unknown 'slug_history' is ignored


def test_missing_required_field_names_region_language_and_field(reference_dir: Path) -> None:
    raw = load(reference_dir, "augsburg_de_pages.json")
    assert isinstance(raw, list)
    del raw[2]["last_updated"]
    with pytest.raises(ContentFormatError) as caught:
        parse_pages(raw, "augsburg", "de")
    message = str(caught.value)
    assert "augsburg" in message and "'de'" in message and "'last_updated'" in message


def test_unknown_and_missing_optional_fields_are_tolerated(reference_dir: Path) -> None:
    raw = load(reference_dir, "augsburg_de_pages.json")
    assert isinstance(raw, list)
    item = dict(raw[0], brand_new_field={"x": 1})
    for optional in ("excerpt", "url", "parent", "thumbnail", "hash", "modified_gmt", "order"):
        item.pop(optional, None)
    page = parse_page(item, "augsburg", "de")
    assert page.excerpt == "Willkommen in Augsburg"
    assert page.parent_id is None
