"""The fake DeepL API against the real `deepl` library (and raw HTTP for what the library
refuses to send), on 127.0.0.1."""

import threading
import time
from collections.abc import Iterator
from typing import Any

import deepl
import httpx
import pytest
from deepl.api_data import MultilingualGlossaryDictionaryEntries
from pytest_httpserver import HTTPServer

from tests.deepl_fake import FakeDeepL, TranslateCall


@pytest.fixture
def fake(server: HTTPServer) -> FakeDeepL:
    return FakeDeepL(server)


@pytest.fixture
def client(fake: FakeDeepL) -> Iterator[deepl.DeepLClient]:
    client = deepl.DeepLClient(fake.auth_key, server_url=fake.url, send_platform_info=False)
    yield client
    close(client)


@pytest.fixture
def fast_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    """The library sleeps until 1 s after the first attempt before retrying; make it 10 ms."""
    monkeypatch.setattr(deepl.http_client._BackoffTimer, "BACKOFF_INITIAL", 0.01)
    monkeypatch.setattr(deepl.http_client, "max_network_retries", 2)


def close(client: deepl.DeepLClient) -> None:
    client.close()


def raw_translate(fake: FakeDeepL, body: dict[str, Any]) -> httpx.Response:
    return httpx.post(
        f"{fake.url}/v2/translate",
        json=body,
        headers={"Authorization": f"DeepL-Auth-Key {fake.auth_key}"},
        timeout=5,
    )


def create_glossary(client: deepl.DeepLClient, *pairs: tuple[str, str, dict[str, str]]) -> str:
    dictionaries = [
        MultilingualGlossaryDictionaryEntries(source, target, entries)
        for source, target, entries in pairs
    ]
    return client.create_multilingual_glossary("integtool", dictionaries).glossary_id


def test_plain_texts_are_prefixed_billed_and_recorded(
    fake: FakeDeepL, client: deepl.DeepLClient
) -> None:
    results = client.translate_text(
        ["Hallo Welt", "  Zweiter Satz ", "", "a < b <c"], source_lang="de", target_lang="ar"
    )
    assert isinstance(results, list)
    assert [r.text for r in results] == [
        "[AR] Hallo Welt",
        "  [AR] Zweiter Satz ",
        "",
        "[AR] a < b <c",
    ]
    assert [r.billed_characters for r in results] == [10, 15, 0, 8]
    assert {r.detected_source_lang for r in results} == {"DE"}
    single = client.translate_text("Schön", target_lang="EN-GB")
    assert isinstance(single, deepl.TextResult)
    assert (single.text, single.detected_source_lang) == ("[EN-GB] Schön", "DE")
    assert fake.translate_calls[0] == TranslateCall(
        texts=["Hallo Welt", "  Zweiter Satz ", "", "a < b <c"],
        target_lang="AR",
        source_lang="DE",
        glossary_id=None,
        glossary_ids=[],
        tag_handling=None,
        translations=[r.text for r in results],
        billed_characters=33,
        body=fake.translate_calls[0].body,
    )
    assert fake.translate_calls[0].body["show_billed_characters"] is True
    assert fake.texts_sent() == ["Hallo Welt", "  Zweiter Satz ", "", "a < b <c", "Schön"]
    assert fake.character_count == 38
    usage = client.get_usage()
    assert (usage.character.count, usage.character.limit) == (38, 500_000)


def test_html_keeps_markup_and_prefixes_every_text_node(
    fake: FakeDeepL, client: deepl.DeepLClient
) -> None:
    html = (
        '<p class="lead" data-x="a&amp;b">Hallo <b>Welt</b><br>und <a href="/x?a=1&b=2">Link</a>'
        '</p>\n<!-- nicht --><p translate="no">Augsburg <i>Rathaus</i></p><code>x=1</code>'
    )
    result = client.translate_text(
        html, source_lang="DE", target_lang="FR", tag_handling="html", ignore_tags=["code"]
    )
    assert isinstance(result, deepl.TextResult)
    assert result.text == (
        '<p class="lead" data-x="a&amp;b">[FR] Hallo <b>[FR] Welt</b><br>[FR] und '
        '<a href="/x?a=1&b=2">[FR] Link</a></p>\n<!-- nicht --><p translate="no">Augsburg '
        "<i>Rathaus</i></p><code>x=1</code>"
    )
    text_only = "Hallo Weltund Link\nAugsburg Rathausx=1"
    assert result.billed_characters == len(text_only)
    assert fake.translate_calls[0].tag_handling == "html"
    assert fake.translate_calls[0].body["ignore_tags"] == ["code"]
    assert FakeDeepL.pseudo_translate(html, "fr", tag_handling="html", ignore_tags=["code"]) == (
        result.text
    )
    # Without tag handling the markup is just text.
    plain = client.translate_text("<b>Hi</b>", target_lang="DE")
    assert isinstance(plain, deepl.TextResult)
    assert (plain.text, plain.billed_characters) == ("[DE] <b>Hi</b>", 9)


def test_multilingual_glossary_lifecycle_and_term_replacement(
    fake: FakeDeepL, client: deepl.DeepLClient
) -> None:
    glossary_id = create_glossary(
        client,
        ("de", "ar", {"Ausländerbehörde": "دائرة الأجانب", "Amt": "مكتب", "Jobcenter Amt": "JC"}),
        ("de", "en", {"Amt": "office"}),
    )
    assert fake.glossary_creations == 1
    assert fake.glossaries[glossary_id].dictionaries[("DE", "AR")]["Amt"] == "مكتب"
    assert fake.glossary_payloads[0]["dictionaries"][1] == {
        "source_lang": "DE",
        "target_lang": "EN",
        "entries": "Amt\toffice",
        "entries_format": "tsv",
    }
    info = client.get_multilingual_glossary(glossary_id)
    assert info.name == "integtool"
    assert info.creation_time.tzinfo is not None
    assert [(d.source_lang, d.target_lang, d.entry_count) for d in info.dictionaries] == [
        ("DE", "AR", 3),
        ("DE", "EN", 1),
    ]
    assert [g.glossary_id for g in client.list_multilingual_glossaries()] == [glossary_id]
    entries = client.get_multilingual_glossary_entries(glossary_id, "DE", "EN")
    listed: object = entries.dictionaries[0].entries  # typed as a dict, but the API sends TSV
    assert listed == "Amt\toffice"

    results = client.translate_text(
        ["Die AUSLÄNDERBEHÖRDE und das Jobcenter amt.", "Amtsgericht", "<i>Amt</i>"],
        source_lang="DE",
        target_lang="AR",
        glossary=glossary_id,
        tag_handling="html",
    )
    assert isinstance(results, list)
    assert [r.text for r in results] == [
        "[AR] Die دائرة الأجانب und das JC.",
        "[AR] Amtsgericht",  # whole words only
        "<i>[AR] مكتب</i>",
    ]
    english = client.translate_text("Amt", source_lang="DE", target_lang="EN-US", glossary=info)
    assert isinstance(english, deepl.TextResult) and english.text == "[EN-US] office"
    assert fake.translate_calls[-1].glossary_id == glossary_id

    client.delete_multilingual_glossary(glossary_id)
    assert fake.glossary_deletions == 1 and fake.glossaries == {}
    with pytest.raises(deepl.GlossaryNotFoundException):
        client.get_multilingual_glossary(glossary_id)
    with pytest.raises(deepl.DeepLException) as gone:
        client.translate_text("Amt", source_lang="DE", target_lang="AR", glossary=glossary_id)
    assert gone.value.http_status_code == 404


def test_glossary_misuse_is_refused(fake: FakeDeepL, client: deepl.DeepLClient) -> None:
    glossary_id = create_glossary(client, ("de", "ar", {"Amt": "مكتب"}))
    with pytest.raises(deepl.DeepLException, match="No dictionary found for language pair de-uk"):
        client.translate_text("Amt", source_lang="DE", target_lang="UK", glossary=glossary_id)
    with pytest.raises(deepl.DeepLException, match="Glossaries are not supported") as text_only:
        client.translate_text("Amt", source_lang="DE", target_lang="FA", glossary=glossary_id)
    assert text_only.value.http_status_code == 400
    with pytest.raises(deepl.DeepLException, match="Tag handling is not supported"):
        client.translate_text("<b>Amt</b>", target_lang="prs", tag_handling="html")
    with pytest.raises(deepl.DeepLException, match="not supported for de-fa"):
        create_glossary(client, ("de", "fa", {"Amt": "اداره"}))
    assert fake.glossary_creations == 1
    # What the library refuses to send itself, straight over HTTP.
    missing_source = raw_translate(
        fake, {"text": ["Amt"], "target_lang": "AR", "glossary_id": glossary_id}
    )
    assert missing_source.status_code == 400
    assert "source_lang" in missing_source.json()["message"]
    for target in ("EN", "PT", ""):
        assert raw_translate(fake, {"text": ["x"], "target_lang": target}).status_code == 400
    assert (
        raw_translate(
            fake, {"text": ["x"], "target_lang": "DE", "source_lang": "EN-GB"}
        ).status_code
        == 400
    )
    assert raw_translate(fake, {"target_lang": "DE"}).status_code == 400
    assert fake.translate_calls == [] and fake.character_count == 0
    # Text-only targets translate fine as plain text.
    plain = client.translate_text("Amt", source_lang="DE", target_lang="FA")
    assert isinstance(plain, deepl.TextResult) and plain.text == "[FA] Amt"


def test_more_than_50_texts_or_128_kib_are_refused(
    fake: FakeDeepL, client: deepl.DeepLClient
) -> None:
    with pytest.raises(deepl.DeepLException, match="Too many texts") as too_many:
        client.translate_text([f"Satz {i}" for i in range(51)], target_lang="AR")
    assert too_many.value.http_status_code == 400
    fifty = client.translate_text([f"Satz {i}" for i in range(50)], target_lang="AR")
    assert isinstance(fifty, list) and len(fifty) == 50
    with pytest.raises(deepl.DeepLException) as too_big:
        client.translate_text(["x" * 70_000, "y" * 70_000], target_lang="AR")
    assert too_big.value.http_status_code == 413
    assert len(fake.translate_calls) == 1


def test_wrong_key_is_403_everywhere(fake: FakeDeepL) -> None:
    wrong = deepl.DeepLClient("wrong:fx", server_url=fake.url, send_platform_info=False)
    with pytest.raises(deepl.AuthorizationException):
        wrong.translate_text("Hallo", target_lang="AR")
    with pytest.raises(deepl.AuthorizationException):
        wrong.get_usage()
    with pytest.raises(deepl.AuthorizationException):
        wrong.list_multilingual_glossaries()
    missing = httpx.post(f"{fake.url}/v2/translate", json={"text": ["x"], "target_lang": "AR"})
    assert (missing.status_code, missing.json()) == (403, {"message": "Forbidden"})
    assert fake.translate_calls == [] and fake.attempts() == 2
    close(wrong)


def test_quota_456_bills_nothing(fake: FakeDeepL, client: deepl.DeepLClient) -> None:
    fake.quota_after = 12
    client.translate_text("0123456789", target_lang="AR")
    with pytest.raises(deepl.QuotaExceededException, match="Quota Exceeded"):
        client.translate_text("abc", target_lang="AR")
    client.translate_text("ab", target_lang="AR")  # exactly up to the quota is fine
    assert fake.character_count == 12 and fake.texts_sent() == ["0123456789", "ab"]
    fake.quota_after = None
    fake.character_limit = 13
    with pytest.raises(deepl.QuotaExceededException):
        client.translate_text("ab", target_lang="AR")
    usage = client.get_usage()
    assert (usage.character.count, usage.character.limit) == (12, 13)


@pytest.mark.usefixtures("fast_backoff")
def test_injected_429_is_retried_by_the_library(fake: FakeDeepL, client: deepl.DeepLClient) -> None:
    fake.fail_next(429, retry_after=3)
    started = time.monotonic()
    result = client.translate_text("Hallo", target_lang="AR")
    assert isinstance(result, deepl.TextResult) and result.text == "[AR] Hallo"
    assert time.monotonic() - started < 1  # the library ignores Retry-After
    assert fake.attempts() == 2 and len(fake.translate_calls) == 1
    fake.fail_next(503, times=3)  # one more than max_network_retries (2)
    with pytest.raises(deepl.DeepLException, match="Service unavailable") as exhausted:
        client.translate_text("Hallo", target_lang="AR")
    assert exhausted.value.http_status_code == 503
    assert fake.attempts() == 5 and fake.pending_faults == 0 and fake.character_count == 5


def test_faults_carry_retry_after_and_can_target_other_endpoints(
    fake: FakeDeepL, client: deepl.DeepLClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(deepl.http_client, "max_network_retries", 0)
    fake.fail_next(429, retry_after=2.5)
    answer = raw_translate(fake, {"text": ["x"], "target_lang": "AR"})
    assert (answer.status_code, answer.headers["Retry-After"]) == (429, "2.5")
    fake.fail_next(429)
    with pytest.raises(deepl.TooManyRequestsException):
        client.translate_text("x", target_lang="AR")
    fake.fail_next(500, path_prefix="/v3/glossaries")
    client.translate_text("x", target_lang="AR")  # translate is not affected
    with pytest.raises(deepl.DeepLException) as glossary_down:
        client.list_multilingual_glossaries()
    assert glossary_down.value.http_status_code == 500
    assert client.list_multilingual_glossaries() == []


def test_concurrent_requests_are_counted_consistently(fake: FakeDeepL) -> None:
    fake.latency = 0.05
    errors: list[BaseException] = []

    def work(index: int) -> None:
        client = deepl.DeepLClient(fake.auth_key, server_url=fake.url, send_platform_info=False)
        try:
            texts = [f"Text {index}-{n}" for n in range(5)]
            results = client.translate_text(texts, source_lang="DE", target_lang="UK")
            assert isinstance(results, list)
            assert [r.text for r in results] == [f"[UK] {t}" for t in texts]
        except BaseException as error:
            errors.append(error)
        finally:
            close(client)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(fake.translate_calls) == 8 and len(fake.texts_sent()) == 40
    assert fake.character_count == sum(len(text) for text in fake.texts_sent())
    assert fake.max_in_flight > 1 and fake.in_flight == 0


def test_unknown_endpoints_are_404_and_other_handlers_still_work(
    fake: FakeDeepL, server: HTTPServer
) -> None:
    server.expect_request("/api/v3/augsburg/languages/").respond_with_json([])
    headers = {"Authorization": f"DeepL-Auth-Key {fake.auth_key}"}
    assert httpx.get(f"{fake.url}/v2/glossaries", headers=headers).status_code == 404
    assert httpx.get(f"{fake.url}/api/v3/augsburg/languages/").json() == []
