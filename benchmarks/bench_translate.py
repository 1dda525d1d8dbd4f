"""Benchmark of `integtool translate`: translation memory, batching, concurrency and QA, offline.

    python benchmarks/bench_translate.py [--pages 300] [--blocks 10] [--languages ar,fa]
                                         [--latency-ms 50] [--concurrency 8]

Per target language, on German pages of about ten blocks each (`synthetic.CORPUS` sentences,
every paragraph made unique by a page-specific detail; headings and list items repeat across
pages as boilerplate does), served as Integreat API v3 JSON by `synthetic.serve` on 127.0.0.1:

1. first run, as the command does it: `plan_with_quota` (`DraftStore.latest`, then
   `plan_translation` through the real HTTP client) + `run_plan` (batches to the provider,
   translation memory and drafts committed to SQLite, `check_draft` with the real
   `FastTextIdentifier`) into an empty state file: pages/s, requests, texts and characters;
2. the same pages again, named with `--page` so their waiting drafts are redrafted: every unit
   comes from the memory;
3. one paragraph edited in 10 % of the pages, then `translate` (missing and outdated pages):
   the unchanged pages keep their drafts, the edited ones send only the edited paragraph;
4. the first run again into an empty state file with a simulated provider latency per
   request, against the CMS's way (DeepL with `tag_handling="html"`, one call per field:
   title, content) done sequentially;
5. QA alone: `check_draft` over the drafts in the state file, best of 3, with and without the
   model.

The provider is `DemoTranslator` (offline: it labels texts instead of translating them), wrapped
to count requests, texts and characters and optionally to sleep a fixed time per request.
"Characters sent" are the characters of the texts in the requests (HTML tags included);
"billed" are what DeepL bills: visible characters (tags are not billed with tag handling).
The naive baselines send the page's title and HTML content in full; their wall time with
latency is computed, not slept: their measured time without latency plus requests x latency
(sequential calls add up exactly). Everything is measured in one process, one run.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import platform
import random
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from html import escape
from pathlib import Path
from typing import ParamSpec, TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synthetic
from integtool.config import Config
from integtool.core.glossary.reading import read_glossary
from integtool.core.glossary.terms import Glossary
from integtool.core.qa.checks import check_draft
from integtool.core.segments import visible_text
from integtool.core.translation_units import page_units
from integtool.langid import FastTextIdentifier
from integtool.providers.base import Translated
from integtool.providers.demo_provider import DemoTranslator
from integtool.services import translation_run
from integtool.services.translation_plan import TranslateRequest
from integtool.services.translation_run import run_plan
from integtool.services.translation_setup import plan_with_quota
from integtool.store.database import connect
from integtool.store.drafts import DraftStore
from integtool.store.memory import TranslationMemory

P = ParamSpec("P")
R = TypeVar("R")

store_memory = TranslationMemory.store
save_drafts = DraftStore.save_many

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = ROOT / "glossaries" / "neustadt.toml"
FIRST_PAGE_ID = 1_000
EDIT_SHARE = 0.10

_DISTRICTS = (
    "Altstadt", "Nord", "Süd", "Ost", "West", "Lindenau", "Am Fluss", "Hochfeld", "Bahnhof",
    "Oberdorf", "Unterdorf", "Kirchberg", "Mühlbach", "Weidenhof", "Sonnenhang", "Am Markt",
    "Neuhausen", "Eichenau", "Rosenau", "Schlossberg", "Talblick", "Lindenhof", "Au",
    "Hafenviertel", "Gartenstadt",
)  # fmt: skip
_DETAILS = (
    "Die Sprechstunde für Anliegen mit der Nummer {n} findet im {floor}. Stock statt.",
    "Termine für Vorgang {n} vereinbaren Sie unter Tel. 0821 324-{n}.",
    "Anmeldeschluss für Kurs {n} ist der {day}.{month}.2024.",
    "Fragen beantwortet das Team per E-Mail an beratung-{n}@example.org.",
    "Die Gebühr für Antrag Nr. {n} beträgt {euros},50 Euro.",
)
"""One page-specific sentence per paragraph: real pages share few paragraphs word for word
(the synthetic corpus has only eight sentences)."""


# --- the pages ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SourcePage:
    """One German page: its blocks of HTML (joined by line breaks) and which are paragraphs."""

    id: int
    title: str
    blocks: tuple[str, ...]
    paragraphs: tuple[int, ...]
    """Indices of the blocks that are plain `<p>` paragraphs (the ones an edit changes)."""
    updated: datetime

    @property
    def content(self) -> str:
        return "\n".join(self.blocks)


def build_pages(count: int, blocks: int, seed: int = synthetic.SEED) -> list[SourcePage]:
    """`count` German pages of `blocks` blocks each (deterministic)."""
    corpus = synthetic.CORPUS["de"]
    rng = random.Random(seed)
    pages = []
    for index in range(count):
        n0 = index * 64

        def sentences(low: int, high: int) -> list[str]:
            picks = rng.sample(range(len(corpus.sentences)), rng.randint(low, high))
            return [escape(corpus.sentences[i]) for i in picks]

        def detail(n: int) -> str:
            template = rng.choice(_DETAILS)
            numbers = {"floor": rng.randint(1, 5), "day": rng.randint(1, 28),
                       "month": rng.randint(1, 12), "euros": rng.randint(5, 90)}  # fmt: skip
            return escape(template.format(n=n, **numbers))

        html = [f"<p>{' '.join(sentences(2, 4))} {detail(n0)}</p>"]
        paragraphs = [0]
        while len(html) < blocks:
            n = n0 + len(html)
            kind = rng.choices(("p", "h2", "ul", "strong", "link"), (5, 2, 1, 1, 1))[0]
            if kind == "p":
                paragraphs.append(len(html))
                html.append(f"<p>{' '.join(sentences(1, 3))} {detail(n)}</p>")
            elif kind == "h2":
                html.append(f"<h2>{escape(rng.choice(corpus.topics))}</h2>")
            elif kind == "ul":
                items = rng.sample(corpus.items, rng.randint(2, 4))
                html.append("<ul>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>")
            elif kind == "strong":
                first, *rest = sentences(2, 3)
                html.append(f"<p><strong>{first}</strong> {' '.join(rest)} {detail(n)}</p>")
            else:
                html.append(
                    f'<p><a href="https://www.example.org/service/{n}" target="_blank" '
                    f'rel="noopener">{escape(corpus.more)}</a>: Tel. 0821 324-{n}, '
                    f"beratung{n}@example.org</p>"
                )
        topic = corpus.topics[index % len(corpus.topics)]
        item = corpus.items[index // len(corpus.topics) % len(corpus.items)]
        district = _DISTRICTS[index // (len(corpus.topics) * len(corpus.items)) % len(_DISTRICTS)]
        updated = synthetic.NOW - timedelta(days=30 + index % 500, minutes=index)
        pages.append(SourcePage(FIRST_PAGE_ID + index, f"{topic}: {item} ({district})",
                                tuple(html), tuple(paragraphs), updated))  # fmt: skip
    return pages


def edit_pages(pages: Sequence[SourcePage], share: float) -> tuple[list[SourcePage], set[int]]:
    """The pages with one paragraph changed in `share` of them (spread evenly), and their ids."""
    step = max(1, round(1 / share))
    rng = random.Random(synthetic.SEED + 1)
    result, edited = [], set()
    for index, page in enumerate(pages):
        if index % step != step // 2:
            result.append(page)
            continue
        target = rng.choice(page.paragraphs)
        blocks = list(page.blocks)
        blocks[target] = blocks[target].replace(
            "</p>", f" Neu ab Juni 2024: Termine auch online unter www.example.org/termin/{index}."
            "</p>", 1)  # fmt: skip
        result.append(replace(page, blocks=tuple(blocks), updated=synthetic.NOW))
        edited.add(page.id)
    return result, edited


def routes(pages: Sequence[SourcePage], targets: Sequence[str]) -> dict[str, bytes]:
    """The API answers: the region's languages, the German page list, empty target lists."""
    slug = synthetic.REGION
    codes = ["de", *targets]
    languages = [
        {"id": i + 1, "code": code, "bcp47_tag": tag, "native_name": name, "dir": direction}
        for i, (code, tag, name, direction) in enumerate(
            row for code in codes for row in synthetic.LANGUAGES if row[0] == code
        )
    ]
    items = []
    for order, page in enumerate(pages):
        path = f"/{slug}/de/page-{page.id}/"
        items.append({
            "id": page.id, "url": synthetic.PUBLIC_URL + path, "path": path, "title": page.title,
            "last_updated": page.updated.isoformat(timespec="milliseconds"),
            "excerpt": synthetic.excerpt_of(page.content), "content": page.content,
            "parent": {"id": 0, "url": None, "path": None}, "order": order,
            "available_languages": {}, "thumbnail": None, "organization": None, "hash": None,
            "embedded_offers": [],
        })  # fmt: skip
    answers = {f"/api/v3/{slug}/languages/": json.dumps(languages).encode()}
    answers[f"/api/v3/{slug}/de/pages/"] = json.dumps(items).encode()
    for code in targets:
        answers[f"/api/v3/{slug}/{code}/pages/"] = b"[]"
    return answers


# --- the provider -------------------------------------------------------------------------------


class CountingTranslator:
    """`DemoTranslator` that counts what is sent and can wait a fixed time per request."""

    name = DemoTranslator.name
    memory_scope = DemoTranslator.memory_scope

    def __init__(self, latency: float = 0.0) -> None:
        self._inner = DemoTranslator()
        self.max_batch = self._inner.max_batch
        self.latency = latency
        self._lock = threading.Lock()
        self.requests = self.texts = self.characters = self.billed = 0
        self.cpu = 0.0
        """CPU time of the demo translation itself (summed over the worker threads)."""

    def supports(self, language: str) -> bool:
        return self._inner.supports(language)

    def text_only(self, language: str) -> bool:
        return self._inner.text_only(language)

    def glossary_key(self, glossary: Glossary, language: str) -> str | None:
        return self._inner.glossary_key(glossary, language)

    def prepare_glossary(self, glossary: Glossary, key: str, known_remote_id: str | None) -> str:
        return self._inner.prepare_glossary(glossary, key, known_remote_id)

    def translate(
        self,
        texts: Sequence[str],
        source_language: str,
        target_language: str,
        *,
        html: bool,
        glossary_id: str | None,
    ) -> list[Translated]:
        started = time.thread_time()
        results = self._inner.translate(
            texts, source_language, target_language, html=html, glossary_id=glossary_id
        )
        billed = sum(len(visible_text(text)) if html else len(text) for text in texts)
        cpu = time.thread_time() - started
        if self.latency:
            time.sleep(self.latency)
        with self._lock:
            self.requests += 1
            self.texts += len(texts)
            self.characters += sum(map(len, texts))
            self.billed += billed
            self.cpu += cpu
        return results


# --- one `translate` run ------------------------------------------------------------------------


@dataclass(slots=True)
class Clock:
    """Time spent in one wrapped function, and how often it ran."""

    seconds: float = 0.0
    calls: int = 0


def timed(function: Callable[P, R], clock: Clock) -> Callable[P, R]:
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            clock.seconds += time.perf_counter() - started
            clock.calls += 1

    return wrapper


@dataclass(slots=True)
class RunStats:
    """What one `integtool translate` run did and sent."""

    wall_s: float
    plan_s: float
    pages: int
    """Pages in the plan (drafted in this run)."""
    skipped: int
    units: int
    units_from_memory: int
    jobs: int
    """Units planned to send (the others are in the memory or repeat a unit of an earlier page)."""
    drafts: int
    requests: int
    texts: int
    characters: int
    billed: int
    provider_cpu_s: float
    qa_s: float
    qa_calls: int
    memory_writes_s: float
    """`TranslationMemory.store`: one committed transaction per answered batch."""
    draft_writes_s: float
    """`DraftStore.save_many`: one committed transaction per group of pages drafted."""
    not_drafted: int


def translate(
    base_url: str,
    state: Path,
    language: str,
    glossary: Glossary,
    identifier: FastTextIdentifier,
    translator: CountingTranslator,
    concurrency: int,
    page_ids: Sequence[int] = (),
) -> RunStats:
    """`integtool translate bench -l LANG [--page ...]` as the command runs it (no rendering)."""
    request = TranslateRequest(synthetic.REGION, language, page_ids=tuple(page_ids))
    qa, memory_writes, draft_writes = Clock(), Clock(), Clock()
    # Time QA and the SQLite writes inside the run (wrappers in this process only).
    translation_run.check_draft = timed(check_draft, qa)  # type: ignore[attr-defined]
    TranslationMemory.store = timed(store_memory, memory_writes)  # type: ignore[method-assign]
    DraftStore.save_many = timed(save_drafts, draft_writes)  # type: ignore[method-assign]
    gc.collect()  # garbage of earlier runs is not this run's
    try:
        started = time.perf_counter()
        connection = connect(state)
        try:
            planned, _ = asyncio.run(
                plan_with_quota(
                    Config(base_url=base_url),
                    request,
                    translator,
                    glossary,
                    connection,
                    demo=False,
                    env={},
                )
            )
            plan_s = time.perf_counter() - started
            outcome = run_plan(planned, translator, connection, glossary, identifier, concurrency)
        finally:
            connection.close()
        wall = time.perf_counter() - started
    finally:
        translation_run.check_draft = check_draft  # type: ignore[attr-defined]
        TranslationMemory.store = store_memory  # type: ignore[method-assign]
        DraftStore.save_many = save_drafts  # type: ignore[method-assign]
    if outcome.failure is not None:
        raise RuntimeError(f"the run failed: {outcome.failure}")
    return RunStats(
        wall_s=wall,
        plan_s=plan_s,
        pages=len(planned.pages),
        skipped=len(planned.skipped),
        units=sum(len(page.units.units) for page in planned.pages),
        units_from_memory=planned.units_from_memory,
        jobs=sum(len(page.jobs) for page in planned.pages),
        drafts=len(outcome.drafts),
        requests=translator.requests,
        texts=translator.texts,
        characters=translator.characters,
        billed=translator.billed,
        provider_cpu_s=translator.cpu,
        qa_s=qa.seconds,
        qa_calls=qa.calls,
        memory_writes_s=memory_writes.seconds,
        draft_writes_s=draft_writes.seconds,
        not_drafted=len(planned.pages) - len(outcome.drafts),
    )


# --- the baselines ------------------------------------------------------------------------------


@dataclass(slots=True)
class Naive:
    """The CMS's way: every page in full, one request per field (title, content), in order."""

    requests: int = 0
    texts: int = 0
    characters: int = 0
    billed: int = 0
    wall_s: float = 0.0
    """Measured without latency."""


def naive(pages: Sequence[SourcePage], language: str) -> Naive:
    """Translate every page's title and content, one request each, one after the other."""
    translator = DemoTranslator()
    result = Naive()
    started = time.perf_counter()
    for page in pages:
        content = page.content
        translator.translate([page.title], "de", language, html=False, glossary_id=None)
        translator.translate([content], "de", language, html=True, glossary_id=None)
        result.requests += 2
        result.texts += 2
        result.characters += len(page.title) + len(content)
        result.billed += len(page.title) + len(visible_text(content))
    result.wall_s = time.perf_counter() - started
    return result


def qa_alone(
    state: Path,
    pages: Sequence[SourcePage],
    language: str,
    glossary: Glossary,
    identifier: FastTextIdentifier | None,
    repeats: int = 3,
) -> tuple[float, int, int]:
    """Best time of `check_draft` over every draft of a state file; (s, drafts, warned)."""
    connection = connect(state)
    try:
        drafts = DraftStore(connection).find(synthetic.REGION, language)
    finally:
        connection.close()
    source = {page.id: page for page in pages}
    work = [(source[d.source_page_id], d.title, d.content) for d in drafts]
    best, warned = float("inf"), 0
    for _ in range(repeats):
        started = time.perf_counter()
        warned = 0
        for page, title, content in work:
            warnings = check_draft(
                page.title, page.content, title, content, source_language="de",
                target_language=language, glossary=glossary, identifier=identifier,
            )  # fmt: skip
            warned += bool(warnings)
        best = min(best, time.perf_counter() - started)
    return best, len(work), warned


# --- report -------------------------------------------------------------------------------------


def _ratio(naive_value: float, ours: float) -> str:
    return "∞ (nothing sent)" if ours == 0 else f"{naive_value / ours:,.1f}×"


@dataclass(slots=True)
class Figures:
    """The headline figures of one target language."""

    language: str
    first: RunStats
    again: RunStats
    edit: RunStats
    slow: RunStats
    naive_all: Naive
    naive_edit: Naive
    edited: int
    qa_ms: float
    qa_plain_ms: float


def measure_language(
    language: str,
    pages: list[SourcePage],
    glossary: Glossary,
    identifier: FastTextIdentifier,
    args: argparse.Namespace,
    workdir: Path,
) -> Figures:
    """Runs 1-4, the baselines and QA alone for one target language; prints the details."""
    latency = args.latency_ms / 1000
    targets = list(dict.fromkeys(("en", "ar", "fa", language)))
    state = workdir / f"{language}.sqlite"
    text_only = DemoTranslator().text_only(language)
    mode = "text-only: masked plain-text sentences" if text_only else "HTML, provider glossary"
    print(f"\n### {language} ({mode})\n")

    def run(
        serving: Sequence[SourcePage], path: Path, delay: float = 0.0, named: bool = False
    ) -> RunStats:
        with synthetic.serve(routes(serving, targets), lifetime=300) as base_url:
            return translate(
                base_url, path, language, glossary, identifier, CountingTranslator(delay),
                args.concurrency, [page.id for page in serving] if named else (),
            )  # fmt: skip

    first = run(pages, state)
    again = run(pages, state, named=True)
    edited_pages, edited_ids = edit_pages(pages, EDIT_SHARE)
    edit = run(edited_pages, state)
    slow = run(pages, workdir / f"{language}-latency.sqlite", latency)
    naive_all = naive(pages, language)
    naive_edit = naive([page for page in edited_pages if page.id in edited_ids], language)
    qa_s, qa_drafts, warned = qa_alone(state, edited_pages, language, glossary, identifier)
    qa_plain_s, _, _ = qa_alone(state, edited_pages, language, glossary, None)

    print("| run | pages drafted | kept (skipped) | wall (s) | pages/s | plan (s) | units "
          "(from TM) | requests | texts | characters sent | billed |")  # fmt: skip
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    rows = [
        ("1. first run, empty state file", first),
        ("2. same pages again (all named with `--page`)", again),
        (f"3. after editing one paragraph in {len(edited_ids)} pages", edit),
        (f"4. = 1 with {args.latency_ms:g} ms per request", slow),
    ]
    for label, stats in rows:
        print(f"| {label} | {stats.drafts:,} | {stats.skipped:,} | {stats.wall_s:.2f} "
              f"| {stats.drafts / stats.wall_s:,.0f} | {stats.plan_s:.2f} "
              f"| {stats.units:,} ({stats.units_from_memory:,}) | {stats.requests:,} "
              f"| {stats.texts:,} | {stats.characters:,} | {stats.billed:,} |")  # fmt: skip
        if stats.not_drafted:
            print(f"WARNING: {stats.not_drafted} of {stats.pages} pages not drafted")
    repeats = first.units - first.units_from_memory - first.jobs
    # The provider runs in worker threads, overlapping the main thread's work (SQLite releases
    # the GIL): the rest is the main thread's time outside plan, QA and writes.
    rest = first.wall_s - first.plan_s - first.qa_s - first.memory_writes_s - first.draft_writes_s
    print()
    print(f"- run 1: of {first.units:,} units, {repeats:,} repeat a unit of an earlier page "
          f"(headings, list items), {first.jobs - first.texts:,} are finished locally (nothing "
          f"but glossary terms, as the list item Mietvertrag), {first.texts:,} are sent in "
          f"{first.requests} requests (<= {DemoTranslator.max_batch} texts). Time: plan "
          f"{first.plan_s:.2f} s (HTTP read, units, TM lookups), QA {first.qa_s:.2f} s, TM "
          f"writes {first.memory_writes_s:.2f} s, draft writes {first.draft_writes_s:.2f} s, the "
          f"rest {rest:.2f} s (waiting for answers, finding the pages ready to draft, "
          f"assembling); the demo provider took {first.provider_cpu_s:.2f} s CPU in the worker "
          f"threads. Run 2: draft writes {again.draft_writes_s:.2f} s.")  # fmt: skip
    print(f"- every page in full, one request per field (the CMS): {naive_all.requests:,} "
          f"requests, {naive_all.characters:,} characters ({naive_all.billed:,} billed); run 1 "
          f"sends {_ratio(naive_all.characters, first.characters)} fewer characters "
          f"({_ratio(naive_all.billed, first.billed)} billed).")  # fmt: skip
    print(f"- run 3: the memory sends {edit.characters:,} characters ({edit.billed:,} billed) "
          f"in {edit.requests} request(s); resending the {len(edited_ids)} edited pages in full "
          f"sends {naive_edit.characters:,} ({naive_edit.billed:,} billed) in "
          f"{naive_edit.requests} requests: **{_ratio(naive_edit.characters, edit.characters)} "
          f"fewer characters** ({_ratio(naive_edit.billed, edit.billed)} billed).")  # fmt: skip
    per_page = naive_all.wall_s + len(pages) * latency
    per_field = naive_all.wall_s + naive_all.requests * latency
    floor = -(-first.requests // args.concurrency) * latency
    print(f"- requests, run 1: {first.requests} against {naive_all.requests:,} (one per field) "
          f"= {_ratio(naive_all.requests, first.requests)} fewer, against {len(pages):,} (one "
          f"per page) = {_ratio(len(pages), first.requests)}.")  # fmt: skip
    print(f"- with {args.latency_ms:g} ms per request: integtool {slow.wall_s:.2f} s (run 1 "
          f"took {first.wall_s:.2f} s without; {first.requests} requests, {args.concurrency} at "
          f"a time, are at least {floor:.2f} s of waiting, mostly overlapped with QA and "
          f"commits); sequential one call per page {per_page:.2f} s ({naive_all.wall_s:.2f} s "
          f"measured + {len(pages)} x {latency:g} s) = **{per_page / slow.wall_s:.1f}x**; one "
          f"call per field {per_field:.2f} s = {per_field / slow.wall_s:.1f}x.")  # fmt: skip
    print(f"- QA: {1000 * first.qa_s / max(first.qa_calls, 1):.2f} ms per draft inside run 1, "
          f"{1000 * again.qa_s / max(again.qa_calls, 1):.2f} ms inside run 2; alone (best of "
          f"3 over {qa_drafts} drafts) {1000 * qa_s / qa_drafts:.2f} ms with "
          f"FastTextIdentifier, {1000 * qa_plain_s / qa_drafts:.2f} ms with identifier=None. "
          f"{warned} of {qa_drafts} drafts have warnings (the demo provider leaves the German "
          f"text behind its label).")  # fmt: skip
    return Figures(language, first, again, edit, slow, naive_all, naive_edit, len(edited_ids),
                   1000 * qa_s / qa_drafts, 1000 * qa_plain_s / qa_drafts)  # fmt: skip


def summary(figures: Sequence[Figures], latency_ms: float) -> None:
    """One row per language: the ratios."""
    print("\n### Summary\n")
    print(f"| target | run 1 pages/s | run 2 characters sent | run 2 pages/s | run 3: TM vs "
          f"edited pages in full (characters) | requests vs one per field | wall time at "
          f"{latency_ms:g} ms/request vs one call per page, sequential "
          f"| QA ms/draft |")  # fmt: skip
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    latency = latency_ms / 1000
    for f in figures:
        pages = f.first.drafts
        per_page = f.naive_all.wall_s + pages * latency
        print(f"| {f.language} | {pages / f.first.wall_s:,.0f} | {f.again.characters:,} "
              f"| {f.again.drafts / f.again.wall_s:,.0f} "
              f"| {f.edit.characters:,} vs {f.naive_edit.characters:,}: "
              f"{_ratio(f.naive_edit.characters, f.edit.characters)} "
              f"| {f.first.requests} vs {f.naive_all.requests:,}: "
              f"{_ratio(f.naive_all.requests, f.first.requests)} "
              f"| {f.slow.wall_s:.2f} s vs {per_page:.2f} s: {per_page / f.slow.wall_s:.1f}× "
              f"| {f.qa_ms:.2f} |")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--blocks", type=int, default=10, help="blocks per page (p, h2, ul)")
    parser.add_argument("--languages", default="ar,fa", help="comma-separated targets")
    parser.add_argument("--latency-ms", type=float, default=50.0)
    parser.add_argument("--concurrency", type=int, default=Config().http.concurrency)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    print(f"integtool translate benchmark: {args.pages} pages x {args.blocks} blocks into "
          f"{args.languages}")  # fmt: skip
    print(f"machine: nproc {len(os.sched_getaffinity(0))}, Python {platform.python_version()}, "
          f"{platform.machine()}, Linux {platform.release()}")  # fmt: skip
    pages = build_pages(args.pages, args.blocks)
    units = sum(len(page_units(p.title, p.content).units) for p in pages)
    sizes = [len(p.content.encode()) for p in pages]
    print(f"pages: {units:,} units (title + blocks, list items count one each), German HTML "
          f"{min(sizes):,}-{max(sizes):,} bytes (mean {sum(sizes) / len(sizes):,.0f})")  # fmt: skip
    glossary = read_glossary(GLOSSARY.read_text(encoding="utf-8")).glossary
    if glossary is None:
        raise RuntimeError(f"{GLOSSARY} cannot be read")
    identifier = FastTextIdentifier()
    loading = time.perf_counter()
    identifier.knows("de")
    print(f"fastText model loaded in {time.perf_counter() - loading:.2f} s (outside the runs; "
          f"the command loads it in its first QA check)")  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="bench-translate-") as workdir:
        figures = [
            measure_language(language.strip(), pages, glossary, identifier, args, Path(workdir))
            for language in args.languages.split(",")
        ]
    summary(figures, args.latency_ms)
    print(f"\ntotal benchmark time {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
