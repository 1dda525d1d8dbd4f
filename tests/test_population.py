"""Population files (TOML and CSV) and the expected readers they give."""

from pathlib import Path

import pytest

from integtool.core.nationalities import readers_per_language
from integtool.errors import UsageError
from integtool.stats.population import read_population


def test_toml_with_names_codes_and_own_language_rows(tmp_path: Path) -> None:
    file = tmp_path / "pop.toml"
    file.write_text(
        'source = "Landesamt, 12521-0041"\n[residents]\nSyrien = 1000\nSY = 200\n'
        '"Rumänien" = 700\n"Sri Lanka" = 95\nAtlantis = 5\n'
        '[languages]\nSY = { ar = 0.5, ku = 0.5 }\n"Sri Lanka" = { ta = 1.0 }\n',
        encoding="utf-8",
    )
    population = read_population(file)
    assert population.residents == {"SY": 1200, "RO": 700, "Sri Lanka": 95, "Atlantis": 5}
    assert population.source == "Landesamt, 12521-0041"
    assert population.unplaced == {"Atlantis": 5}
    readers = readers_per_language(
        population.residents, {"ar", "ku", "ro", "ta"}, population.mapping
    )
    assert readers == {"ar": 600.0, "ku": 600.0, "ro": 700.0, "ta": 95.0}


def test_csv_as_the_statistics_offices_write_it(tmp_path: Path) -> None:
    file = tmp_path / "pop.csv"
    file.write_text(
        "Staatsangehörigkeit;Anzahl\nInsgesamt;4.950\nTürkei;1.530\nUkraine;1 240\n"
        "Afghanistan;-\nÖsterreich;180\nSyrien, Arabische Republik;2.000\n",
        encoding="utf-8",
    )
    population = read_population(file)
    assert population.residents == {"TR": 1530, "UA": 1240, "AF": 0, "AT": 180, "SY": 2000}
    readers = readers_per_language(population.residents, {"tr", "uk", "ar"}, population.mapping)
    assert readers == pytest.approx({"tr": 1224.0, "uk": 868.0, "ar": 1500.0})


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("p.toml", "[residents\n", "is not valid TOML"),
        ("p.toml", "[people]\nSY = 3\n", "unknown key 'people'"),
        ("p.toml", "source = 'x'\n", r"needs a \[residents\] table"),
        ("p.toml", "[residents]\nSY = -3\n", "residents of SY must be a whole number"),
        ("p.toml", "[residents]\nSY = 3\n[languages]\nSY = { ar = 0.9, ku = 0.9 }\n", "adding up"),
        ("p.csv", "Land;Anzahl\nSyrien;viele\n", "line 2: 'viele' is not a number"),
        ("p.csv", "Land;Anzahl\n", "lists no residents"),
    ],
)
def test_bad_files_name_the_file_and_problem(
    tmp_path: Path, name: str, text: str, message: str
) -> None:
    file = tmp_path / name
    file.write_text(text, encoding="utf-8")
    with pytest.raises(UsageError, match=message) as error:
        read_population(file)
    assert str(file) in str(error.value)


def test_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="cannot be read"):
        read_population(tmp_path / "nothing.toml")
