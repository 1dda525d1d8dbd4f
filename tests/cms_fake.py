"""A small, editable Integreat API v3 region on a pytest-httpserver (languages and pages)."""

import json
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from functools import partial

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

BERLIN = timezone(timedelta(hours=1))
NATIVE = {"de": "Deutsch", "en": "English", "ar": "العربية", "fa": "فارسی", "uk": "Українська",
          "ti": "ትግርኛ"}  # fmt: skip


@dataclass
class FakePage:
    """One translation of a page; `links` are filled in by the region."""

    id: int
    language: str
    title: str
    content: str
    last_updated: datetime
    group: int
    """Pages with the same group are translations of each other."""


@dataclass
class FakeRegion:
    """Serves /api/v3/<slug>/languages/ and /api/v3/<slug>/<lang>/pages/ from mutable data."""

    server: HTTPServer
    slug: str = "testhausen"
    languages: tuple[str, ...] = ("de", "ar", "fa")
    pages: list[FakePage] = field(default_factory=list)
    page_requests: int = 0
    tokens: dict[int, str] = field(default_factory=dict)
    """Page API tokens by group (the default page's id in `add(..., page_id=)` terms)."""
    pushes: list[tuple[str, int, str]] = field(default_factory=list)
    """(language, group, content) of every accepted pushpage request."""
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.server.expect_request(f"/api/v3/{self.slug}/languages/").respond_with_handler(
            self._languages
        )
        for code in self.languages:
            self.server.expect_request(f"/api/v3/{self.slug}/{code}/pages/").respond_with_handler(
                partial(self._pages, code=code)
            )
            self.server.expect_request(
                f"/api/v3/{self.slug}/{code}/pushpage/", method="POST"
            ).respond_with_handler(partial(self._push, code=code))

    @property
    def base_url(self) -> str:
        return self.server.url_for("/").rstrip("/")

    def add(self, group: int, language: str, title: str, content: str,
            updated: datetime, page_id: int | None = None) -> FakePage:  # fmt: skip
        page = FakePage(page_id or group * 10 + len(self.pages) + 1000, language, title, content,
                        updated, group)  # fmt: skip
        self.pages.append(page)
        return page

    def _languages(self, _request: Request) -> Response:
        data = [
            {"id": i + 1, "code": code, "bcp47_tag": code, "native_name": NATIVE.get(code, code),
             "dir": "RIGHT_TO_LEFT" if code in {"ar", "fa"} else "LEFT_TO_RIGHT"}
            for i, code in enumerate(self.languages)
        ]  # fmt: skip
        return Response(json.dumps(data), content_type="application/json")

    def _pages(self, _request: Request, code: str) -> Response:
        with self._lock:
            self.page_requests += 1
            data = [self._json(page) for page in self.pages if page.language == code]
        return Response(json.dumps(data, ensure_ascii=False), content_type="application/json")

    def _push(self, request: Request, code: str) -> Response:
        body = json.loads(request.get_data())
        group = next((g for g, token in self.tokens.items() if token == body.get("token")), None)
        if group is None:
            return Response(json.dumps({"status": "denied"}), status=403,
                            content_type="application/json")  # fmt: skip
        with self._lock:
            self.pushes.append((code, group, body["content"]))
            page = next((p for p in self.pages if p.group == group and p.language == code), None)
            now = datetime.now(BERLIN).replace(microsecond=0)
            if page is None:
                default = next(p for p in self.pages if p.group == group)
                self.add(group, code, default.title, body["content"], now)
            else:
                page.content, page.last_updated = body["content"], now
        return Response(json.dumps({"status": "success"}), content_type="application/json")

    def _json(self, page: FakePage) -> dict[str, object]:
        path = f"/{self.slug}/{page.language}/page-{page.group}/"
        links = {
            other.language: {"id": other.id, "url": f"{self.base_url}{path}", "path": path}
            for other in self.pages
            if other.group == page.group and other.id != page.id
        }
        return {
            "id": page.id, "url": f"{self.base_url}{path}", "path": path, "title": page.title,
            "modified_gmt": page.last_updated.astimezone(UTC).isoformat(),
            "last_updated": page.last_updated.isoformat(), "excerpt": page.title,
            "content": page.content, "parent": {"id": 0, "url": None, "path": None},
            "order": page.group, "available_languages": links, "thumbnail": None,
            "organization": None, "hash": None, "embedded_offers": [],
        }  # fmt: skip
