"""A DeepL-compatible API on a pytest-httpserver: translate, v3 glossaries, usage, faults.

`FakeDeepL(server)` registers one handler for every path under ``/v<n>/`` on the (threaded)
server, so the official ``deepl`` library can talk to it through ``server_url=fake.url``
(or ``DEEPL_SERVER_URL``). Other handlers on the same server (the CMS under ``/api/...``)
are not shadowed. All state is guarded by one lock: integtool may send concurrent requests.

Endpoints
    POST ``/v2/translate``  JSON body (what deepl >= 1.x sends) or form-encoded (older clients)
    GET|POST ``/v2/usage``  ``{"character_count": billed so far, "character_limit": limit}``
    POST ``/v3/glossaries``, GET ``/v3/glossaries``, GET|PATCH|DELETE ``/v3/glossaries/{id}``,
    GET ``/v3/glossaries/{id}/entries?source_lang=&target_lang=``,
    PUT|DELETE ``/v3/glossaries/{id}/dictionaries[?source_lang=&target_lang=]``
    anything else under ``/v<n>/``: 404 ``{"message": "Not found"}`` (a 404 is never retried by
    the library, whereas pytest-httpserver's "no handler" 500 would be retried with backoff).

Pseudo-translation of one text into target ``T`` (``target_lang`` as sent, e.g. ``AR``, ``EN-GB``):
    1. A text run is either the whole text (no ``tag_handling``) or, with ``tag_handling`` ``html``
       or ``xml``, each piece of text between markup. Markup (tags with their attributes exactly as
       sent, comments, CDATA, ``<!DOCTYPE>``) is copied verbatim. A ``<`` not followed by a letter,
       ``/``, ``!`` or ``?`` is text. Text inside an element named in ``ignore_tags`` or carrying
       ``translate="no"`` is copied verbatim (no prefix, no glossary) but still billed.
    2. A run that is empty or only whitespace is copied unchanged.
    3. Otherwise: glossary terms are replaced in the run (see below), then ``"[T] "`` is inserted
       after the run's leading whitespace. So ``"Hallo Welt"`` -> ``"[AR] Hallo Welt"`` and
       ``"<p>Hallo <b>Welt</b></p>"`` -> ``"<p>[AR] Hallo <b>[AR] Welt</b></p>"`` (every text node is
       prefixed, so a test sees each node that went through DeepL).
    Glossary: for ``glossary_id`` (and then each of ``glossary_ids``, in order) the dictionary for
    ``(source_lang, base of T)`` is applied in one pass per glossary: every occurrence of a source
    term, matched case-insensitively as a whole word (no word character directly before or after),
    longest term first, is replaced by its target term exactly as stored.
    ``billed_characters`` = number of code points of the text; with tag handling only the
    characters outside markup (entities count as written, ``&amp;`` is 5).
    ``detected_source_language`` = ``source_lang`` if sent, else ``fake.detected_source_lang``
    (``"DE"``).

Validation of ``/v2/translate``, in this order (JSON bodies ``{"message": ...}``):
    403 wrong or missing ``Authorization: DeepL-Auth-Key <key>`` (every endpoint),
    injected faults (``fail_next``), 413 body larger than ``max_request_bytes`` (128 KiB),
    400 no ``text`` / a text that is not a string / more than 50 texts,
    400 ``target_lang`` missing, ``EN`` or ``PT`` (deprecated), 400 ``source_lang`` with a regional
    variant (``EN-GB``), 400 ``tag_handling`` other than html/xml, 400 ``tag_handling`` for a
    text-only target (FA, PS, PRS, CKB, KMR), 400 ``glossary_id`` and ``glossary_ids`` together,
    400 a glossary without ``source_lang``, 400 a glossary for a text-only target,
    404 unknown glossary id (``{"message": "Glossary not found"}``; the library raises a plain
    ``DeepLException`` with ``http_status_code == 404`` here), 400 glossary without a dictionary
    for the pair (``"No dictionary found for language pair de-ar in glossary"``),
    456 ``{"message": "Quota Exceeded"}`` when billing would push ``character_count`` above
    ``character_limit`` or above ``quota_after`` (nothing billed, nothing recorded).

Glossary endpoints: 404 ``{"message": "Glossary not found"}`` for an unknown id (and 404 for an
unknown dictionary on ``/entries`` or dictionary DELETE); 400 for a missing name or no
dictionaries, a dictionary with a regional variant, source == target, a text-only language
(``"Glossaries are not supported for de-fa."``), an ``entries_format`` other than tsv/csv, no
entries, a malformed or duplicate entry, or the same pair twice. Create answers 201 with
``{glossary_id, name, creation_time, dictionaries: [{source_lang, target_lang, entry_count}]}``
(codes lower-case, as DeepL sends them), list ``{"glossaries": [...]}``, DELETE 204.

How the library reacts (deepl 1.32): 403 -> ``AuthorizationException``, 456 ->
``QuotaExceededException``, 400 and 413 -> ``DeepLException`` (not retried), 404 on glossary
endpoints -> ``GlossaryNotFoundException``. 429 and every status >= 500 are retried by the library
itself, up to ``deepl.http_client.max_network_retries`` (default 5) times, sleeping until
1 s after the first attempt started, then x1.6 with +-23 % jitter (1 s, 1.6 s, 2.6 s, ...); it
ignores ``Retry-After``. Only after the retries are used up does it raise
(``TooManyRequestsException`` for 429, ``DeepLException`` for 5xx). In-process tests can make the
backoff fast with ``monkeypatch.setattr(deepl.http_client._BackoffTimer, "BACKOFF_INITIAL", 0.01)``.
"""

import csv
import io
import json
import re
import threading
import time
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

TEXT_ONLY_TARGETS = frozenset({"FA", "PS", "PRS", "CKB", "KMR"})
"""Target languages DeepL serves as plain text only: no glossary, no tag handling."""

MAX_TEXTS = 50
MAX_REQUEST_BYTES = 128 * 1024

_FAULT_MESSAGES = {
    429: "Too many requests",
    456: "Quota Exceeded",
    500: "Internal server error",
    502: "Bad gateway",
    503: "Service unavailable",
    504: "Gateway timeout",
}
_VOID_ELEMENTS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
     "source", "track", "wbr"}
)  # fmt: skip
_MARKUP = re.compile(r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<[!?][^>]*>|</?[A-Za-z][^>]*>", re.DOTALL)
_TAG = re.compile(r"<(/?)([A-Za-z][\w:.-]*)")
_TRANSLATE_NO = re.compile(r"""\btranslate\s*=\s*["']?no\b""", re.IGNORECASE)


class FakeError(Exception):
    """An error answer: status and message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class TranslateCall:
    """One accepted (200) ``/v2/translate`` request."""

    texts: list[str]
    target_lang: str
    source_lang: str | None
    glossary_id: str | None
    glossary_ids: list[str]
    tag_handling: str | None
    translations: list[str]
    billed_characters: int
    body: dict[str, Any]
    """The whole request body (formality, context, ignore_tags, ... as sent)."""


@dataclass(frozen=True)
class LoggedRequest:
    """Any request to the fake, answered or refused."""

    method: str
    path: str
    status: int


@dataclass
class StoredGlossary:
    glossary_id: str
    name: str
    creation_time: str
    dictionaries: dict[tuple[str, str], dict[str, str]] = field(default_factory=dict)
    """(SOURCE, TARGET) upper-case base codes, e.g. ("DE", "AR") -> {source term: target term}."""

    def info(self) -> dict[str, Any]:
        return {
            "glossary_id": self.glossary_id,
            "name": self.name,
            "creation_time": self.creation_time,
            "dictionaries": [
                _dictionary_info(source, target, entries)
                for (source, target), entries in self.dictionaries.items()
            ],
        }


@dataclass
class _Fault:
    status: int
    retry_after: float | None
    path_prefix: str


class FakeDeepL:
    """A DeepL-compatible API on a pytest-httpserver: translate, v3 glossaries, usage, faults."""

    def __init__(
        self,
        server: HTTPServer,
        *,
        auth_key: str = "test-key:fx",
        character_limit: int = 500_000,
    ) -> None:
        self.server = server
        self.auth_key = auth_key
        self.character_limit = character_limit
        self.url: str = server.url_for("/").rstrip("/")
        """Base URL for ``server_url=`` / ``DEEPL_SERVER_URL`` (``http://127.0.0.1:<port>``)."""
        self.quota_after: int | None = None
        self.character_count = 0
        self.detected_source_lang = "DE"
        self.latency = 0.0
        """Seconds each ``/v2/translate`` request waits before answering (outside the lock)."""
        self.max_request_bytes = MAX_REQUEST_BYTES
        self.translate_calls: list[TranslateCall] = []
        self.glossaries: dict[str, StoredGlossary] = {}
        self.glossary_payloads: list[dict[str, Any]] = []
        """JSON bodies of accepted ``POST /v3/glossaries`` requests."""
        self.glossary_creations = 0
        self.glossary_deletions = 0
        self.log: list[LoggedRequest] = []
        self.in_flight = 0
        self.max_in_flight = 0
        """Most ``/v2/translate`` requests seen at the same time (for concurrency limits)."""
        self._faults: list[_Fault] = []
        self._lock = threading.RLock()
        server.expect_request(re.compile(r"^/v\d+/")).respond_with_handler(self._handle)

    # ------------------------------------------------------------------ test-facing helpers

    def fail_next(
        self,
        status: int,
        times: int = 1,
        retry_after: float | None = None,
        *,
        path_prefix: str = "/v2/translate",
    ) -> None:
        """Answer the next `times` authorised requests whose path starts with `path_prefix`
        with `status` (JSON message; ``Retry-After`` header when given). Nothing is billed or
        recorded in ``translate_calls``. Use ``path_prefix="/v3/glossaries"`` or ``"/"`` for
        other endpoints."""
        with self._lock:
            self._faults.extend(_Fault(status, retry_after, path_prefix) for _ in range(times))

    @property
    def pending_faults(self) -> int:
        with self._lock:
            return len(self._faults)

    def texts_sent(self) -> list[str]:
        """All texts of all accepted translate calls, flattened, in arrival order."""
        with self._lock:
            return [text for call in self.translate_calls for text in call.texts]

    def attempts(self, path: str = "/v2/translate") -> int:
        """How many requests reached `path` (accepted, refused or failed on purpose)."""
        with self._lock:
            return sum(1 for entry in self.log if entry.path == path)

    def add_glossary(self, name: str, dictionaries: dict[tuple[str, str], dict[str, str]]) -> str:
        """Store a glossary directly (as if created earlier); returns its id."""
        with self._lock:
            glossary = StoredGlossary(
                str(uuid.uuid4()),
                name,
                _now(),
                {(s.upper(), t.upper()): dict(e) for (s, t), e in dictionaries.items()},
            )
            self.glossaries[glossary.glossary_id] = glossary
            return glossary.glossary_id

    @staticmethod
    def pseudo_translate(
        text: str,
        target_lang: str,
        glossary: dict[str, str] | None = None,
        tag_handling: str | None = None,
        ignore_tags: Iterable[str] = (),
    ) -> str:
        """What the fake answers for `text` (see the module docstring)."""
        dictionaries = [glossary or {}]
        ignore = frozenset(ignore_tags)
        return _translate(text, target_lang.upper(), dictionaries, tag_handling, ignore)[0]

    # ------------------------------------------------------------------ dispatch

    def _handle(self, request: Request) -> Response:
        status = 500
        try:
            response = self._route(request)
        except FakeError as error:
            response = _json({"message": error.message}, error.status)
        except Exception as error:  # a bug in the fake: answer instead of killing the thread
            response = _json({"message": f"fake DeepL failed: {error!r}"}, 500)
        status = response.status_code
        with self._lock:
            self.log.append(LoggedRequest(request.method, request.path, status))
        return response

    def _route(self, request: Request) -> Response:
        if request.headers.get("Authorization") != f"DeepL-Auth-Key {self.auth_key}":
            raise FakeError(403, "Forbidden")
        fault = self._take_fault(request.path)
        if fault is not None:
            headers = {} if fault.retry_after is None else {"Retry-After": f"{fault.retry_after:g}"}
            message = _FAULT_MESSAGES.get(fault.status, "Injected failure")
            return _json({"message": message}, fault.status, headers)
        method, parts = request.method, request.path.strip("/").split("/")
        if parts == ["v2", "translate"] and method == "POST":
            return self._translate(request)
        if parts == ["v2", "usage"] and method in {"GET", "POST"}:
            with self._lock:
                usage = {
                    "character_count": self.character_count,
                    "character_limit": self.character_limit,
                }
            return _json(usage)
        if parts[:2] == ["v3", "glossaries"]:
            return self._glossaries(request, method, parts[2:])
        raise FakeError(404, "Not found")

    def _take_fault(self, path: str) -> _Fault | None:
        with self._lock:
            for index, fault in enumerate(self._faults):
                if path.startswith(fault.path_prefix):
                    return self._faults.pop(index)
        return None

    # ------------------------------------------------------------------ /v2/translate

    def _translate(self, request: Request) -> Response:
        with self._lock:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            if self.latency:
                time.sleep(self.latency)
            return self._translate_now(request)
        finally:
            with self._lock:
                self.in_flight -= 1

    def _translate_now(self, request: Request) -> Response:
        if len(request.get_data()) > self.max_request_bytes:
            raise FakeError(413, "Request Entity Too Large")
        body = _request_body(request)
        texts = body.get("text")
        if isinstance(texts, str):
            texts = [texts]
        if not isinstance(texts, list) or not texts:
            raise FakeError(400, "Parameter 'text' not specified.")
        if not all(isinstance(text, str) for text in texts):
            raise FakeError(400, "Parameter 'text' must be a list of strings.")
        if len(texts) > MAX_TEXTS:
            raise FakeError(400, f"Too many texts: at most {MAX_TEXTS} per request.")
        target = str(body.get("target_lang") or "").upper()
        if not target or target in {"EN", "PT"}:
            raise FakeError(400, "Value for 'target_lang' not supported.")
        source = str(body["source_lang"]).upper() if body.get("source_lang") else None
        if source is not None and "-" in source:
            raise FakeError(400, "Value for 'source_lang' not supported.")
        base_target = target.split("-", 1)[0]
        text_only = base_target in TEXT_ONLY_TARGETS
        tag_handling = body.get("tag_handling") or None
        if tag_handling is not None and tag_handling not in {"html", "xml"}:
            raise FakeError(400, "Value for 'tag_handling' not supported.")
        if tag_handling is not None and text_only:
            raise FakeError(400, f"Tag handling is not supported for target language {target}.")
        glossary_id = body.get("glossary_id") or None
        glossary_ids = _str_list(body.get("glossary_ids"))
        if glossary_id is not None and glossary_ids:
            raise FakeError(400, "Use either 'glossary_id' or 'glossary_ids', not both.")
        wanted = [str(glossary_id)] if glossary_id is not None else glossary_ids
        if wanted and source is None:
            raise FakeError(400, "Use of a glossary requires the source_lang parameter to be set.")
        if wanted and text_only:
            raise FakeError(400, f"Glossaries are not supported for target language {target}.")
        ignore = frozenset(_str_list(body.get("ignore_tags")))
        with self._lock:
            dictionaries = [self._dictionary(gid, source or "", base_target) for gid in wanted]
            results = [
                _translate(text, target, dictionaries, tag_handling, ignore) for text in texts
            ]
            billed = sum(count for _, count in results)
            total = self.character_count + billed
            if total > self.character_limit or (
                self.quota_after is not None and total > self.quota_after
            ):
                raise FakeError(456, "Quota Exceeded")
            self.character_count = total
            self.translate_calls.append(
                TranslateCall(
                    texts=list(texts),
                    target_lang=target,
                    source_lang=source,
                    glossary_id=None if glossary_id is None else str(glossary_id),
                    glossary_ids=glossary_ids,
                    tag_handling=tag_handling,
                    translations=[text for text, _ in results],
                    billed_characters=billed,
                    body=body,
                )
            )
        detected = source or self.detected_source_lang
        return _json(
            {
                "translations": [
                    {"detected_source_language": detected, "text": text, "billed_characters": n}
                    for text, n in results
                ]
            }
        )

    def _dictionary(self, glossary_id: str, source: str, target: str) -> dict[str, str]:
        glossary = self.glossaries.get(glossary_id)
        if glossary is None:
            raise FakeError(404, "Glossary not found")
        entries = glossary.dictionaries.get((source, target))
        if entries is None:
            raise FakeError(
                400,
                f"No dictionary found for language pair {source.lower()}-{target.lower()} "
                "in glossary",
            )
        return entries

    # ------------------------------------------------------------------ /v3/glossaries

    def _glossaries(self, request: Request, method: str, rest: list[str]) -> Response:
        if not rest:
            if method == "GET":
                with self._lock:
                    listed = [glossary.info() for glossary in self.glossaries.values()]
                return _json({"glossaries": listed})
            if method == "POST":
                return self._create_glossary(request)
            raise FakeError(405, "Method not allowed")
        with self._lock:
            glossary = self.glossaries.get(rest[0])
            if glossary is None:
                raise FakeError(404, "Glossary not found")
            if len(rest) == 1 and method == "GET":
                return _json(glossary.info())
            if len(rest) == 1 and method == "DELETE":
                del self.glossaries[glossary.glossary_id]
                self.glossary_deletions += 1
                return Response(status=204)
            if len(rest) == 1 and method == "PATCH":
                return self._patch_glossary(glossary, _request_body(request))
            if rest[1:] == ["entries"] and method == "GET":
                pair = _pair(request.args.get("source_lang"), request.args.get("target_lang"))
                entries = _known_dictionary(glossary, pair)
                listing = {
                    **_dictionary_info(*pair, entries),
                    "entries": _to_tsv(entries),
                    "entries_format": "tsv",
                }
                return _json({"dictionaries": [listing]})
            if rest[1:] == ["dictionaries"] and method == "PUT":
                source, target, entries = _parse_dictionary(_request_body(request))
                glossary.dictionaries[(source, target)] = entries
                return _json(_dictionary_info(source, target, entries))
            if rest[1:] == ["dictionaries"] and method == "DELETE":
                pair = _pair(request.args.get("source_lang"), request.args.get("target_lang"))
                _known_dictionary(glossary, pair)
                del glossary.dictionaries[pair]
                return Response(status=204)
        raise FakeError(404, "Not found")

    def _create_glossary(self, request: Request) -> Response:
        body = _request_body(request)
        name = body.get("name")
        if not isinstance(name, str) or not name.strip():
            raise FakeError(400, "Parameter 'name' not specified.")
        raw = body.get("dictionaries")
        if not isinstance(raw, list) or not raw:
            raise FakeError(400, "Parameter 'dictionaries' not specified.")
        dictionaries: dict[tuple[str, str], dict[str, str]] = {}
        for item in raw:
            source, target, entries = _parse_dictionary(item)
            if (source, target) in dictionaries:
                raise FakeError(400, f"Duplicate dictionary {source.lower()}-{target.lower()}.")
            dictionaries[(source, target)] = entries
        glossary = StoredGlossary(str(uuid.uuid4()), name, _now(), dictionaries)
        with self._lock:
            self.glossaries[glossary.glossary_id] = glossary
            self.glossary_payloads.append(body)
            self.glossary_creations += 1
        return _json(glossary.info(), 201)

    def _patch_glossary(self, glossary: StoredGlossary, body: dict[str, Any]) -> Response:
        name = body.get("name")
        raw = body.get("dictionaries")
        if name is None and raw is None:
            raise FakeError(400, "Nothing to update.")
        updates = [_parse_dictionary(item) for item in raw] if isinstance(raw, list) else []
        if name is not None:
            if not isinstance(name, str) or not name.strip():
                raise FakeError(400, "Value for 'name' not supported.")
            glossary.name = name
        for source, target, entries in updates:
            glossary.dictionaries.setdefault((source, target), {}).update(entries)
        return _json(glossary.info())


# ---------------------------------------------------------------------- pseudo-translation


def _translate(
    text: str,
    target: str,
    dictionaries: list[dict[str, str]],
    tag_handling: str | None,
    ignore_tags: frozenset[str],
) -> tuple[str, int]:
    """The translation of one text and its billed characters."""
    if tag_handling is None:
        return _translate_run(text, target, dictionaries), len(text)
    out: list[str] = []
    billed = 0
    for is_markup, piece, ignored in _html_pieces(text, tag_handling, ignore_tags):
        if is_markup:
            out.append(piece)
            continue
        billed += len(piece)
        out.append(piece if ignored else _translate_run(piece, target, dictionaries))
    return "".join(out), billed


def _translate_run(run: str, target: str, dictionaries: list[dict[str, str]]) -> str:
    core = run.lstrip()
    if not core:
        return run
    lead = run[: len(run) - len(core)]
    for entries in dictionaries:
        core = _apply_glossary(core, entries)
    return f"{lead}[{target}] {core}"


def _apply_glossary(text: str, entries: dict[str, str]) -> str:
    if not entries:
        return text
    by_folded = {source.casefold(): target for source, target in entries.items()}
    terms = sorted(entries, key=len, reverse=True)
    pattern = re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(term) for term in terms) + r")(?!\w)", re.IGNORECASE
    )
    return pattern.sub(lambda match: by_folded.get(match.group(0).casefold(), match.group(0)), text)


def _html_pieces(
    text: str, tag_handling: str, ignore_tags: frozenset[str]
) -> Iterator[tuple[bool, str, bool]]:
    """(is_markup, piece, inside an ignored element) for markup and the text between it."""
    html = tag_handling == "html"
    ignore = {tag.lower() for tag in ignore_tags} if html else set(ignore_tags)
    stack: list[tuple[str, bool]] = []  # open element name, ignored

    def ignored() -> bool:
        return any(flag for _, flag in stack)

    position = 0
    for match in _MARKUP.finditer(text):
        if match.start() > position:
            yield False, text[position : match.start()], ignored()
        markup = match.group(0)
        yield True, markup, ignored()
        position = match.end()
        tag = _TAG.match(markup)
        if tag is None:
            continue
        closing = tag.group(1) == "/"
        name = tag.group(2).lower() if html else tag.group(2)
        if closing:
            for index in range(len(stack) - 1, -1, -1):
                if stack[index][0] == name:
                    del stack[index:]
                    break
        elif not markup.endswith("/>") and not (html and name in _VOID_ELEMENTS):
            flag = name in ignore or bool(_TRANSLATE_NO.search(markup))
            stack.append((name, flag))
    if position < len(text):
        yield False, text[position:], ignored()


# ---------------------------------------------------------------------- helpers


def _json(data: object, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(
        json.dumps(data, ensure_ascii=False),
        status=status,
        headers=headers,
        content_type="application/json; charset=utf-8",
    )


def _request_body(request: Request) -> dict[str, Any]:
    """The JSON body, or a form-encoded one (``text`` repeated) as older clients send it."""
    if request.mimetype == "application/json":
        data = request.get_json(silent=True)
        if not isinstance(data, dict):
            raise FakeError(400, "Invalid JSON body.")
        return data
    form = request.form
    body: dict[str, Any] = {key: form.get(key) for key in form}
    for key in ("text", "glossary_ids", "ignore_tags", "splitting_tags", "non_splitting_tags"):
        if key in form:
            body[key] = form.getlist(key)
    return body


def _str_list(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [part for part in value.split(",") if part]
    if isinstance(value, list):
        return [str(part) for part in value]
    raise FakeError(400, "Expected a list of strings.")


def _pair(source: object, target: object) -> tuple[str, str]:
    if not isinstance(source, str) or not isinstance(target, str) or not source or not target:
        raise FakeError(400, "Parameters 'source_lang' and 'target_lang' are required.")
    return source.upper(), target.upper()


def _known_dictionary(glossary: StoredGlossary, pair: tuple[str, str]) -> dict[str, str]:
    entries = glossary.dictionaries.get(pair)
    if entries is None:
        raise FakeError(404, "Dictionary not found")
    return entries


def _parse_dictionary(item: object) -> tuple[str, str, dict[str, str]]:
    """Validate one ``{source_lang, target_lang, entries, entries_format}`` object."""
    if not isinstance(item, dict):
        raise FakeError(400, "Invalid dictionary.")
    source, target = _pair(item.get("source_lang"), item.get("target_lang"))
    if "-" in source or "-" in target:
        raise FakeError(400, "Glossaries take base language codes (no regional variant).")
    if target in TEXT_ONLY_TARGETS or source in TEXT_ONLY_TARGETS:
        raise FakeError(400, f"Glossaries are not supported for {source.lower()}-{target.lower()}.")
    if source == target:
        raise FakeError(400, "Source and target language must differ.")
    entries_format = item.get("entries_format")
    raw = item.get("entries")
    if entries_format not in {"tsv", "csv"} or not isinstance(raw, str):
        raise FakeError(400, "Invalid entries or entries_format.")
    entries = _parse_entries(raw, entries_format)
    if not entries:
        raise FakeError(400, "Glossary dictionary has no entries.")
    return source, target, entries


def _parse_entries(raw: str, entries_format: str) -> dict[str, str]:
    rows: Iterable[list[str]]
    if entries_format == "tsv":
        rows = (line.split("\t", 1) for line in raw.splitlines() if line.strip())
    else:
        rows = (row for row in csv.reader(io.StringIO(raw)) if row)
    entries: dict[str, str] = {}
    for index, row in enumerate(rows, 1):
        if len(row) < 2 or not row[0].strip() or not row[1].strip():
            raise FakeError(400, f"Invalid glossary entry {index}.")
        source = row[0].strip()
        if source in entries:
            raise FakeError(400, f"Duplicate source term {source!r} in entry {index}.")
        entries[source] = row[1].strip()
    return entries


def _to_tsv(entries: dict[str, str]) -> str:
    return "\n".join(f"{source}\t{target}" for source, target in entries.items())


def _dictionary_info(source: str, target: str, entries: dict[str, str]) -> dict[str, Any]:
    return {
        "source_lang": source.lower(),
        "target_lang": target.lower(),
        "entry_count": len(entries),
    }


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


__all__ = [
    "MAX_TEXTS",
    "TEXT_ONLY_TARGETS",
    "FakeDeepL",
    "LoggedRequest",
    "StoredGlossary",
    "TranslateCall",
]
