"""An httpx transport that answers Integreat API v3 requests from the bundled demo data.

Timestamps are stored relative to a reference date and shifted to today when served, so the
demo shows the same findings whenever it is run. `pushpage/` answers as the real CMS does
(docs: FACTS "Writing back"), checking the demo's bundled page tokens; a push is recorded in
`DemoData.pushed` but not (yet) served back by the next read.
"""

import re
import tomllib
from datetime import UTC, date, datetime, timedelta
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any

import httpx
import orjson

DEMO_BASE_URL = "https://demo.integtool.invalid"
_ROUTES = (
    (re.compile(r"^/api/v3/regions/$"), "regions"),
    (re.compile(r"^/api/v3/regions/(?P<region>[^/]+)/$"), "region"),
    (re.compile(r"^/api/v3/(?P<region>[^/]+)/languages/$"), "languages"),
    (re.compile(r"^/api/v3/(?P<region>[^/]+)/(?P<language>[^/]+)/pages/$"), "pages"),
)
_PUSHPAGE = re.compile(r"^/api/v3/(?P<region>[^/]+)/(?P<language>[^/]+)/pushpage(?P<slash>/?)$")
_SERVER_ERROR = b"<!DOCTYPE html><html><body><h1>Server Error (500)</h1></body></html>"


class DemoData:
    """The bundled files, with page timestamps moved so the reference date becomes `today`."""

    def __init__(self, today: date | None = None, root: Traversable | None = None) -> None:
        self._root = root or files("integtool.demo") / "data"
        meta = orjson.loads(self._root.joinpath("meta.json").read_bytes())
        reference = datetime.fromisoformat(meta["reference_date"]).date()
        self._shift = timedelta(days=((today or date.today()) - reference).days)
        self._cache: dict[str, bytes] = {}
        self.pushed: list[tuple[str, str, int, str]] = []
        """(region, language, default page id, content) of every accepted push."""

    def push(self, region: str, language: str, body: bytes) -> tuple[int, bytes, str]:
        """Status, body and content type for a pushpage POST, as the real CMS answers it:
        405 for a body without content and token, 403 for a token not of this region, an
        HTML 500 when the page has no translation in that language yet (pushpage only
        updates translations), else 200 and the push recorded."""
        try:
            sent = orjson.loads(body)
        except orjson.JSONDecodeError:
            sent = None
        if not (isinstance(sent, dict) and isinstance(sent.get("content"), str)
                and isinstance(sent.get("token"), str)):  # fmt: skip
            return 405, orjson.dumps({"status": "error"}), "application/json"
        page = self._tokens(region).get(sent["token"]) if sent["token"] else None
        if page is None:
            return 403, orjson.dumps({"status": "denied"}), "application/json"
        if not self._translated(region, language, page):
            return 500, _SERVER_ERROR, "text/html"
        self.pushed.append((region, language, page, sent["content"]))
        return 200, orjson.dumps({"status": "success"}), "application/json"

    def _tokens(self, region: str) -> dict[str, int]:
        """The region's bundled page tokens: token -> default page id."""
        file = self._root.joinpath(region, "page-tokens.toml")
        if not file.is_file():
            return {}
        table = tomllib.loads(file.read_text(encoding="utf-8")).get(region, {})
        return {str(token): int(page) for page, token in table.items()}

    def _translated(self, region: str, language: str, page: int) -> bool:
        """Whether the page (by default page id) has a translation in `language`."""
        file = self._root.joinpath(region, language, "pages.json")
        if not file.is_file():
            return False
        return any(
            item["id"] == page
            or any(other["id"] == page for other in item["available_languages"].values())
            for item in orjson.loads(file.read_bytes())
        )

    def answer(self, path: str) -> tuple[int, bytes]:
        """Status and JSON body for a request path."""
        cached = self._cache.get(path)
        if cached is not None:
            return 200, cached
        for pattern, kind in _ROUTES:
            match = pattern.match(path)
            if match:
                body = self._build(kind, **match.groupdict())
                if body is not None:
                    self._cache[path] = body
                    return 200, body
                break
        # The server's own words, in English as a real CMS answers whatever the reader's language.
        return 404, orjson.dumps({"error": f"No demo data for {path}"})

    def _build(self, kind: str, region: str = "", language: str = "") -> bytes | None:
        if kind == "regions":
            return self._root.joinpath("regions.json").read_bytes()
        if kind == "region":
            regions = orjson.loads(self._root.joinpath("regions.json").read_bytes())
            found = [item for item in regions if item.get("path") == region]
            return orjson.dumps(found[0]) if found else None
        if kind == "languages":
            file = self._root.joinpath(region, "languages.json")
            return file.read_bytes() if file.is_file() else None
        file = self._root.joinpath(region, language, "pages.json")
        if not file.is_file():
            return None
        pages = orjson.loads(file.read_bytes())
        return orjson.dumps([self._shifted(page) for page in pages])

    def _shifted(self, page: dict[str, Any]) -> dict[str, Any]:
        if isinstance(page.get("last_updated"), str):
            moved = datetime.fromisoformat(page["last_updated"]) + self._shift
            page["last_updated"] = moved.isoformat(timespec="milliseconds")
            page["modified_gmt"] = (
                moved.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
            )
        return page


def demo_transport(today: date | None = None) -> httpx.MockTransport:
    """A transport for `httpx.AsyncClient` serving the demo instance offline."""
    data = DemoData(today)

    def handle(request: httpx.Request) -> httpx.Response:
        push = _PUSHPAGE.match(request.url.path)
        if push is not None:
            if not push["slash"]:  # the real CMS needs the trailing slash
                return httpx.Response(500, content=_SERVER_ERROR)
            if request.method != "POST":
                return httpx.Response(405, json={"status": "error"})
            status, body, kind = data.push(push["region"], push["language"], request.content)
            return httpx.Response(status, content=body, headers={"Content-Type": kind})
        if request.method != "GET":
            return httpx.Response(405, json={"error": "The demo instance is read-only."})
        status, body = data.answer(request.url.path)
        return httpx.Response(status, content=body, headers={"Content-Type": "application/json"})

    return httpx.MockTransport(handle)
