"""The configurable language tree."""

import pytest

from integtool.core.language_tree import LanguageTreeError, resolve_sources, with_ancestors


def test_default_tree_translates_everything_from_the_first_language() -> None:
    assert resolve_sources(["de", "en", "ar"], {}) == {"de": None, "en": "de", "ar": "de"}


def test_overrides_build_a_chain_and_ignore_other_regions_languages() -> None:
    sources = resolve_sources(["de", "en", "ar", "fa"], {"ar": "en", "fa": "en", "ti": "en"})
    assert sources == {"de": None, "en": "de", "ar": "en", "fa": "en"}
    assert with_ancestors(["fa"], sources) == ["de", "en", "fa"]
    assert with_ancestors([], sources) == ["de"]


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"de": "en"}, "default language"),
        ({"ar": "xx"}, "not a language of the region"),
        ({"ar": "ar"}, "its own source"),
        ({"ar": "en", "en": "ar"}, "cycle"),
    ],
)
def test_invalid_trees_are_rejected(overrides: dict[str, str], message: str) -> None:
    with pytest.raises(LanguageTreeError, match=message):
        resolve_sources(["de", "en", "ar"], overrides)
