"""`[links]` in the configuration and the link cache in the state file."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from integtool.config import parse_config
from integtool.config_links import LinkSettings
from integtool.core.links.judging import IgnoreRule
from integtool.core.links.verdicts import Failure, Observation
from integtool.errors import ConfigError
from integtool.services.state_file import StateFile


def test_defaults_are_small_and_the_table_is_read() -> None:
    assert parse_config({}).links == LinkSettings()
    assert LinkSettings().per_host <= 2 and LinkSettings().min_interval >= 1
    links = parse_config({"links": {
        "per_host": 1, "min_interval": 2.5, "cache_days": 1, "internal_hosts": ["App.Example"],
        "ignore": [{"url": "https://intranet.example/*", "reason": "town hall only"}],
    }}).links  # fmt: skip
    assert (links.per_host, links.min_interval, links.cache_days) == (1, 2.5, 1)
    assert links.internal_hosts == ("app.example",)
    assert links.ignore == (IgnoreRule("https://intranet.example/*", "town hall only"),)


@pytest.mark.parametrize(
    ("table", "words"),
    [
        ({"per_host": 0}, "'links.per_host' must be a whole number from 1 to 16"),
        ({"timeout": "10"}, "'links.timeout' must be a number"),
        ({"speed": 1}, "unknown setting 'links.speed'"),
        ({"internal_hosts": "integreat.app"}, "links.internal_hosts must be a list of host names"),
        ({"ignore": {"url": "x"}}, "'links.ignore' must be a list of tables"),
        ({"ignore": [{"url": "https://a.example/"}]}, "links.ignore[1] needs a 'reason'"),
        ({"ignore": [{"reason": "r"}]}, "links.ignore[1] needs an 'url'"),
        ({"ignore": [{"url": "u", "reason": "r", "until": 1}]}, "takes only 'url' and 'reason'"),
    ],
)
def test_a_wrong_links_table_is_one_sentence(table: dict[str, object], words: str) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_config({"links": table}, Path("integtool.toml"))
    assert words in str(caught.value)
    assert str(caught.value).startswith("integtool.toml: ")


def test_the_cache_keeps_what_may_be_kept_for_its_age(tmp_path: Path) -> None:
    now = datetime(2026, 11, 1, tzinfo=UTC)
    seen = {
        "https://a.example/": Observation(200, content_type="text/html"),
        "https://a.example/old": Observation(200, redirects=((301, "https://a.example/new"),),
                                             final_url="https://a.example/new"),
        "https://b.example/": Observation(None, Failure.DNS),
        "https://c.example/": Observation(503),
        "https://d.example/": Observation(None, Failure.TIMEOUT),
        "https://e.example/": Observation(429),
    }  # fmt: skip
    with StateFile.open(tmp_path / "state.sqlite") as state:
        assert state.link_cache.store(seen, now) == 3
    with StateFile.open(tmp_path / "state.sqlite") as state:
        week = timedelta(days=7)
        fresh = state.link_cache.fresh(seen, now + timedelta(days=6), week)
        assert fresh == {url: seen[url] for url in list(seen)[:3]}
        assert state.link_cache.fresh(seen, now + timedelta(days=8), week) == {}
