"""Nationality to languages: names in English, German and ISO, shares, fallbacks."""

from collections.abc import Mapping
from math import isclose

import pytest

from integtool.core.nationalities import (
    FALLBACKS,
    NATIONALITY_LANGUAGES,
    UnknownNationality,
    nationality_code,
    readers_per_language,
)


@pytest.mark.parametrize(
    ("name", "code"),
    [
        # English
        ("Syria", "SY"),
        ("Syrian Arab Republic", "SY"),
        ("Afghanistan", "AF"),
        ("Romania", "RO"),
        ("Turkey", "TR"),
        ("Russian Federation", "RU"),
        ("Iran, Islamic Republic of", "IR"),
        ("Gambia, The", "GM"),
        # German
        ("Syrien", "SY"),
        ("Syrien, Arabische Republik", "SY"),
        ("Rumänien", "RO"),
        ("Türkei", "TR"),
        ("Ägypten", "EG"),
        ("Äthiopien", "ET"),
        ("Russische Föderation", "RU"),
        ("Iran, Islamische Republik", "IR"),
        ("Moldau, Republik", "MD"),
        ("Vereinigtes Königreich", "GB"),
        ("Österreich", "AT"),
        # other spellings
        ("Türkiye", "TR"),
        ("Viet Nam", "VN"),
        ("USA", "US"),
        # ISO 3166 codes
        ("UA", "UA"),
        ("XK", "XK"),
        ("de", None),  # a language code is not a nationality (there is no DE row)
    ],
)
def test_names_in_english_german_and_iso_codes(name: str, code: str | None) -> None:
    if code is None:
        with pytest.raises(UnknownNationality):
            nationality_code(name)
    else:
        assert nationality_code(name) == code


@pytest.mark.parametrize(
    "name",
    [
        "syrien",
        "SYRIEN",
        "  Syrien ",
        "syrian  arab\trepublic",
        "Syrien,\u00a0Arabische Republik",
        "sy",
        " Sy\n",
    ],
)
def test_whitespace_and_case_do_not_matter(name: str) -> None:
    assert nationality_code(name) == "SY"


def test_german_umlauts_and_sharp_letters_fold_case() -> None:
    assert nationality_code("ÖSTERREICH") == "AT"
    assert nationality_code("türkei") == "TR"
    assert nationality_code("ÄGYPTEN") == "EG"


@pytest.mark.parametrize("name", ["Atlantis", "", "   ", "Syria Arab", "Deutschland", "Germany"])
def test_unknown_nationalities_raise(name: str) -> None:
    with pytest.raises(UnknownNationality) as raised:
        nationality_code(name)
    assert isinstance(raised.value, ValueError)
    assert raised.value.args == (name,)


def test_every_code_and_name_of_the_table_is_recognised() -> None:
    for code in NATIONALITY_LANGUAGES:
        assert nationality_code(code) == code
        assert nationality_code(code.lower()) == code


def test_the_shares_of_each_nationality_add_up_to_one() -> None:
    for code, languages in NATIONALITY_LANGUAGES.items():
        assert isclose(sum(languages.values()), 1.0), code
        assert all(0 < share <= 1 for share in languages.values()), code


def test_table_examples() -> None:
    assert NATIONALITY_LANGUAGES["SY"] == {"ar": 0.75, "ku": 0.25}
    assert NATIONALITY_LANGUAGES["AF"] == {"prs": 0.55, "ps": 0.45}
    assert NATIONALITY_LANGUAGES["RO"] == {"ro": 1.0}
    assert NATIONALITY_LANGUAGES["AT"] == {"de": 1.0}


def test_fallbacks_never_point_to_themselves() -> None:
    for language, others in FALLBACKS.items():
        assert language not in others
        assert others


# --- readers per language ---------------------------------------------------------------------


def test_residents_are_split_by_the_shares_of_their_nationality() -> None:
    readers = readers_per_language(
        {"SY": 1000, "UA": 400, "RO": 300}, {"ar", "ku", "uk", "ru", "ro"}
    )
    assert readers == pytest.approx({"ar": 750, "ku": 250, "uk": 280, "ru": 120, "ro": 300})


def test_languages_shared_by_several_nationalities_add_up() -> None:
    readers = readers_per_language({"SY": 1000, "IQ": 500, "EG": 100}, {"ar"})
    # 0.75·1000 + 0.7·500 + 100
    assert readers == pytest.approx({"ar": 1200})


def test_residents_of_a_language_not_offered_and_without_fallback_are_dropped() -> None:
    # Ukrainians: 70 % read Ukrainian (offered), 30 % Russian (not offered, no fallback)
    readers = readers_per_language({"UA": 1000}, {"uk", "ar"})
    assert readers == pytest.approx({"uk": 700})
    # not renormalised: the Russian readers are not given to Ukrainian
    assert sum(readers.values()) == pytest.approx(700)


def test_dari_readers_fall_back_to_farsi() -> None:
    readers = readers_per_language({"AF": 1000}, {"fa", "ar"})
    # Dari (55 %) goes to Farsi; Pashto (45 %) is not offered and has no fallback
    assert readers == pytest.approx({"fa": 550})


def test_dari_stays_dari_when_it_is_offered() -> None:
    readers = readers_per_language({"AF": 1000}, {"prs", "fa", "ps"})
    assert readers == pytest.approx({"prs": 550, "ps": 450})


def test_farsi_and_dari_readers_add_up_on_farsi() -> None:
    readers = readers_per_language({"AF": 200, "IR": 100}, {"fa"})
    # 0.55·200 Dari readers + 0.9·100 Iranians
    assert readers == pytest.approx({"fa": 200})


def test_kurmanji_goes_by_either_code() -> None:
    assert readers_per_language({"SY": 400}, {"kmr"}) == pytest.approx({"kmr": 100})
    assert readers_per_language({"SY": 400}, {"ku", "kmr"}) == pytest.approx({"ku": 100})


def test_fallbacks_are_tried_in_order() -> None:
    # Bosnian not offered: Croatian comes before Serbian
    assert readers_per_language({"BA": 100}, {"hr", "sr"}) == pytest.approx({"hr": 100})
    assert readers_per_language({"BA": 100}, {"sr"}) == pytest.approx({"sr": 100})
    assert readers_per_language({"BA": 100}, {"bs", "hr"}) == pytest.approx({"bs": 100})


def test_german_speaking_residents_are_not_counted_when_german_is_not_offered() -> None:
    readers = readers_per_language({"AT": 5000, "RO": 300}, {"ro", "en", "fr"})
    assert readers == pytest.approx({"ro": 300})
    assert "de" not in readers


def test_swiss_residents_count_only_for_their_french_and_italian_readers() -> None:
    readers = readers_per_language({"CH": 1000}, {"fr", "it", "en"})
    assert readers == pytest.approx({"fr": 250, "it": 100})


def test_unknown_nationalities_are_not_counted() -> None:
    readers = readers_per_language({"XX": 1000, "DE": 50_000, "RO": 10}, {"ro"})
    assert readers == pytest.approx({"ro": 10})


def test_no_residents_or_nothing_offered_gives_no_readers() -> None:
    assert readers_per_language({}, {"ar"}) == {}
    assert readers_per_language({"SY": 1000}, set()) == {}
    assert readers_per_language({"SY": 0}, {"ar"}) == {"ar": 0.0}


def test_a_population_file_mapping_replaces_the_table() -> None:
    mapping: Mapping[str, Mapping[str, float]] = {"SY": {"ar": 0.5, "ckb": 0.5}, "ZZ": {"ti": 1.0}}
    readers = readers_per_language(
        {"SY": 1000, "ZZ": 40, "RO": 300}, {"ar", "ckb", "ti", "ro"}, mapping
    )
    # Romania is not in the given mapping: not counted
    assert readers == pytest.approx({"ar": 500, "ckb": 500, "ti": 40})


def test_fractional_resident_counts_are_kept() -> None:
    readers = readers_per_language({"SY": 10.5}, {"ar", "ku"})
    assert readers == pytest.approx({"ar": 7.875, "ku": 2.625})
