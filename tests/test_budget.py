"""DeepL quota (official library) and CMS word budget, against real servers on 127.0.0.1."""

import asyncio
import json
from pathlib import Path

from pytest_httpserver import HTTPServer

from integtool.config import HttpSettings
from integtool.content.client import IntegreatClient
from integtool.content.http import make_http_client
from integtool.providers.deepl_access import DeepLAccess
from integtool.services.budget import Allowance, cms_budget, deepl_quota
from tests.http_fixtures import run_cli, serve_recorded_region, write_fast_config


def quota(env: dict[str, str]) -> Allowance:
    return asyncio.run(deepl_quota(DeepLAccess.from_env(env, HttpSettings(retries=0))))


def test_deepl_usage_through_the_official_library(server: HTTPServer) -> None:
    server.expect_request(
        "/v2/usage", method="GET", headers={"Authorization": "DeepL-Auth-Key secret:fx"}
    ).respond_with_json({"character_count": 1200, "character_limit": 500000})
    allowance = quota(
        {"DEEPL_AUTH_KEY": "secret:fx", "DEEPL_SERVER_URL": server.url_for("/").rstrip("/")}
    )
    assert (allowance.remaining, allowance.limit, allowance.used) == (498800, 500000, 1200)
    assert allowance.fits(498800) and not allowance.fits(498801)


def test_rejected_deepl_key_is_one_clear_line(server: HTTPServer) -> None:
    server.expect_request("/v2/usage").respond_with_json({"message": "Forbidden"}, status=403)
    allowance = quota(
        {"DEEPL_AUTH_KEY": "wrong", "DEEPL_SERVER_URL": server.url_for("/").rstrip("/")}
    )
    assert not allowance.known
    assert allowance.note == "DeepL rejected DEEPL_AUTH_KEY: the DeepL quota is not known."
    assert "wrong" not in allowance.note


def test_without_a_key_or_over_plain_http_nothing_is_sent() -> None:
    assert quota({}).note == "DEEPL_AUTH_KEY is not set: the DeepL quota is not known."
    insecure = quota({"DEEPL_AUTH_KEY": "k", "DEEPL_SERVER_URL": "http://deepl.example.org"})
    assert not insecure.known and "the key was not sent" in insecure.note


def budget(server: HTTPServer, env: dict[str, str]) -> Allowance:
    async def read() -> Allowance:
        http = make_http_client(server.url_for("/").rstrip("/"), timeout=5, concurrency=2)
        async with http:
            return await cms_budget(IntegreatClient(http, retries=0), "augsburg", env)

    return asyncio.run(read())


def test_cms_budget_from_the_settings_endpoint(server: HTTPServer) -> None:
    server.expect_request(
        "/api/v3/augsburg/settings/", headers={"Authorization": "Bearer t0ken"}
    ).respond_with_json(
        {"mt_budget": 50000, "mt_budget_used": 1500, "mt_budget_remaining": 48500, "other": True}
    )
    allowance = budget(server, {"INTEGTOOL_CMS_TOKEN": "t0ken"})
    assert (allowance.remaining, allowance.limit, allowance.used) == (48500, 50000, 1500)


def test_refused_cms_token_is_one_clear_line(server: HTTPServer) -> None:
    server.expect_request("/api/v3/augsburg/settings/").respond_with_json(
        {"error": "denied"}, status=401
    )
    allowance = budget(server, {"INTEGTOOL_CMS_TOKEN": "bad"})
    assert allowance.note == "The CMS refused INTEGTOOL_CMS_TOKEN for region 'augsburg'."
    assert (
        budget(server, {}).note
        == "INTEGTOOL_CMS_TOKEN is not set: the CMS word budget is not known."
    )


def test_cost_command_json_with_quota_and_budget(
    server: HTTPServer, reference_dir: Path, tmp_path: Path
) -> None:
    serve_recorded_region(server, reference_dir)
    server.expect_request("/v2/usage").respond_with_json(
        {"character_count": 0, "character_limit": 500000}
    )
    server.expect_request("/api/v3/augsburg/settings/").respond_with_json(
        {"mt_budget_remaining": 10}
    )
    base = server.url_for("/").rstrip("/")
    env = {
        "DEEPL_AUTH_KEY": "k:fx",
        "DEEPL_SERVER_URL": base,
        "INTEGTOOL_CMS_TOKEN": "t",
        "PATH": "/usr/bin:/bin",
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    config = write_fast_config(tmp_path / "integtool.toml")
    result = run_cli(
        ["--config", str(config), "--base-url", base, "cost", "augsburg", "-f", "json"], env=env
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    region = data["regions"][0]
    assert region["region"] == "augsburg"
    assert set(region["languages"]) == {"en", "ar", "fa"}
    fa = region["languages"]["fa"]
    assert fa["deepl_text_only"] is True and fa["unsupported_by"] == []
    assert set(fa["eur"]) == {"deepl", "google", "human"}
    total = region["total"]
    assert total["translations"] == sum(
        line["translations"] for line in region["languages"].values()
    )
    assert total["incremental_characters"] == total["characters"]  # no translation memory yet
    assert data["quota"]["known"] and data["quota"]["fits"] is True
    assert data["budget"]["augsburg"]["remaining_words"] == 10
    assert data["budget"]["augsburg"]["fits"] is False
    assert "k:fx" not in result.stdout + result.stderr


def test_a_failing_quota_read_follows_the_configured_retries(server: HTTPServer) -> None:
    import deepl

    server.expect_request("/v2/usage").respond_with_json({"message": "down"}, status=503)
    access = DeepLAccess.from_env(
        {"DEEPL_AUTH_KEY": "k:fx", "DEEPL_SERVER_URL": server.url_for("/").rstrip("/")},
        HttpSettings(retries=1, backoff=0.01, timeout=2),
    )
    allowance = asyncio.run(deepl_quota(access))
    assert not allowance.known and allowance.note.endswith("the DeepL quota is not known.")
    assert len(server.log) == 2  # one attempt and the one configured retry, nothing more
    assert deepl.http_client.max_network_retries == 5  # the library's own setting untouched
