"""Benchmark of `integtool check` against a naive baseline, on a synthetic region over HTTP.

    python benchmarks/bench_check.py [--pages 1000] [--languages 15] [--baseline-sample N]

One run measures, against the same server and data:

1. analysis without network: the page lists are downloaded and parsed once (untimed), then
   `analyse_region` alone is timed (best of 3, fastText model loaded beforehand);
2. integtool end to end: `run_check` through `open_content(Config(base_url=...), demo=False)`
   with `FastTextIdentifier()` (HTTP, JSON, parsing, linking, states, copy detection);
3. the naive baseline: sequential requests with `httpx.Client`, one language after another,
   `BeautifulSoup(html, "html.parser").get_text()` on every page, `langdetect.detect` on every
   translation's title + text, the same timestamp rule, and a copy flag for a text identical to
   its German source or detected as another language.

Every measurement runs in its own freshly forked process, so the peak memory of one does not
hide the other's: "peak RSS growth" is the process's `ru_maxrss` at the end minus its resident
set size just before the timed part (both in MB, imports excluded, models loaded inside).
The server is a separate process (`ThreadingHTTPServer` in a background thread, 127.0.0.1,
ephemeral port), so it does not compete for the measured process's GIL.

"Page-translations analysed" = default-language pages + existing target-language translations
linked to them (the number each tool examined; missing translations are counted in the states
but not as analysed).
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import platform
import resource
import sys
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synthetic

_FORK = multiprocessing.get_context("fork")


# --- measurement helpers ------------------------------------------------------------------------


def _rss_mb() -> float:
    with Path("/proc/self/statm").open() as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _child(conn: Connection, job: Callable[..., dict[str, Any]], args: tuple[Any, ...]) -> None:
    try:
        conn.send(("ok", job(*args)))
    except BaseException as error:  # report, do not hang the parent
        import traceback

        conn.send(("error", "".join(traceback.format_exception(error))))
    finally:
        conn.close()


def _in_fresh_process(job: Callable[..., dict[str, Any]], *args: Any) -> dict[str, Any]:
    """Run `job(*args)` in a forked process and return its result dict."""
    here, there = _FORK.Pipe()
    process = _FORK.Process(target=_child, args=(there, job, args))
    process.start()
    there.close()
    status, value = here.recv()
    process.join()
    if status != "ok":
        raise RuntimeError(f"{job.__name__} failed:\n{value}")
    return value  # type: ignore[no-any-return]


# --- the server process -------------------------------------------------------------------------


def _server_process(conn: Connection, pages: int, languages: int, lifetime: float) -> None:
    started = time.perf_counter()
    region = synthetic.build_region(pages, languages)
    generated = time.perf_counter() - started
    sizes = region.default_html_sizes
    info = {
        "generate_s": generated,
        "languages": region.languages,
        "payload_mb": region.payload_bytes / 1e6,
        "html_min": min(sizes),
        "html_max": max(sizes),
        "html_mean": sum(sizes) / len(sizes),
        "truth": {
            code: {
                "present": t.present,
                "outdated": t.outdated,
                "missing": t.missing,
                "copies": sorted(t.copies),
            }
            for code, t in region.truth.items()
        },
    }
    with synthetic.serve(region.routes(), lifetime=lifetime) as base_url:
        info["base_url"] = base_url
        conn.send(info)
        conn.poll(lifetime)  # until the benchmark says stop, or the lifetime is over


# --- the contenders -----------------------------------------------------------------------------


def _check_request() -> Any:
    from integtool.services.check import CheckRequest

    return CheckRequest(
        regions=[synthetic.REGION],
        all_regions=False,
        languages=[],
        stale_days=365,
        source_overrides={},
        now=synthetic.NOW,
    )


def _summary_of(analysis: Any) -> dict[str, Any]:
    from integtool.core.findings import FindingKind

    copies = sorted(f.page_id for f in analysis.findings if f.kind is FindingKind.UNTRANSLATED_COPY)
    return {
        "analysed": analysis.pages + analysis.translations_examined,
        "up_to_date": sum(s.up_to_date for s in analysis.summary.values()),
        "outdated": sum(s.outdated for s in analysis.summary.values()),
        "missing": sum(s.missing for s in analysis.summary.values()),
        "copies": copies,
    }


def integtool_end_to_end(base_url: str) -> dict[str, Any]:
    """`run_check` over HTTP, as `integtool check bench` does it."""
    from integtool.config import Config
    from integtool.langid import FastTextIdentifier
    from integtool.services import check as check_service
    from integtool.services.content_client import open_content

    config = Config(base_url=base_url)
    request = _check_request()
    # Time the analysis step inside run_check (a wrapper in this process only, no file change)
    # to split the end-to-end time into analysis and the rest (HTTP, JSON, parsing, cost).
    analysis_time = [0.0]
    analyse = check_service.analyse_region

    def timed_analyse(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return analyse(*args, **kwargs)
        finally:
            analysis_time[0] += time.perf_counter() - started

    check_service.analyse_region = timed_analyse  # type: ignore[assignment]

    async def check() -> Any:
        async with open_content(config, demo=False) as client:
            result = await check_service.run_check(client, config, request, FastTextIdentifier())
            return result, client.requests_sent

    rss, cpu = _rss_mb(), _cpu_s()
    started = time.perf_counter()
    result, requests = asyncio.run(check())
    wall = time.perf_counter() - started
    if result.failures:
        raise RuntimeError(f"check failed: {result.failures[0].error}")
    return {
        "wall_s": wall,
        "cpu_s": _cpu_s() - cpu,
        "peak_mb": _peak_mb() - rss,
        "analysis_s": analysis_time[0],
        "requests": requests,
        **_summary_of(result.regions[0].analysis),
    }


def naive_baseline(base_url: str, sample_languages: int | None) -> dict[str, Any]:
    """Sequential requests, BeautifulSoup text, langdetect on every translation."""
    from datetime import datetime

    import httpx
    from bs4 import BeautifulSoup
    from langdetect import DetectorFactory, detect
    from langdetect.detector_factory import init_factory
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    rss, cpu = _rss_mb(), _cpu_s()
    started = time.perf_counter()
    region = synthetic.REGION
    pages: dict[str, dict[int, dict[str, Any]]] = {}
    requests = 0
    with httpx.Client(base_url=base_url, timeout=120) as http:
        codes = [item["code"] for item in http.get(f"/api/v3/{region}/languages/").json()]
        requests += 1
        default, targets = codes[0], codes[1:]
        if sample_languages is not None and 0 < sample_languages < len(targets):
            # spread over the list (Latin, Arabic and Cyrillic script cost langdetect differently)
            step = (len(targets) - 1) / max(sample_languages - 1, 1)
            targets = [targets[round(i * step)] for i in range(sample_languages)]
        for code in [default, *targets]:
            items = http.get(f"/api/v3/{region}/{code}/pages/").json()
            requests += 1
            pages[code] = {
                item["id"]: {
                    "title": item["title"],
                    "text": BeautifulSoup(item["content"], "html.parser").get_text(),
                    "updated": datetime.fromisoformat(item["last_updated"]),
                    "links": {c: v["id"] for c, v in item["available_languages"].items()},
                }
                for item in items
            }
    init_factory()
    from langdetect import detector_factory

    known = set(detector_factory._factory.get_lang_list())  # type: ignore[union-attr]
    counts = {"up_to_date": 0, "outdated": 0, "missing": 0}
    copies: list[int] = []
    analysed = 0
    for page in pages[default].values():
        analysed += 1
        source_text = " ".join((page["title"] + " " + page["text"]).split())
        for code in targets:
            tid = page["links"].get(code)
            translation = pages[code].get(tid) if tid is not None else None
            if translation is None:
                counts["missing"] += 1
                continue
            analysed += 1
            if translation["updated"] <= page["updated"]:
                counts["outdated"] += 1
            else:
                counts["up_to_date"] += 1
            text = translation["title"] + " " + translation["text"]
            try:
                detected = detect(text)
            except LangDetectException:
                detected = "unknown"
            identical = " ".join(text.split()) == source_text
            # A language langdetect does not know (ps, ckb) is judged by identity alone.
            if identical or (code in known and detected != code):
                copies.append(tid)  # type: ignore[arg-type]
    wall = time.perf_counter() - started
    return {
        "wall_s": wall,
        "cpu_s": _cpu_s() - cpu,
        "peak_mb": _peak_mb() - rss,
        "requests": requests,
        "analysed": analysed,
        **counts,
        "copies": sorted(copies),
        "targets": targets,
    }


def analysis_only(base_url: str, repeats: int, profile: bool = False) -> dict[str, Any]:
    """Download and parse once (untimed parts reported apart), then time `analyse_region`."""
    import httpx
    import orjson

    from integtool.content.parse import parse_languages, parse_pages
    from integtool.core.analysis import analyse_region
    from integtool.core.language_tree import resolve_sources, with_ancestors
    from integtool.langid import FastTextIdentifier

    region = synthetic.REGION
    with httpx.Client(base_url=base_url, timeout=120) as http:
        started = time.perf_counter()
        languages = http.get(f"/api/v3/{region}/languages/").content
        codes = [language.code for language in parse_languages(orjson.loads(languages), region)]
        bodies = {code: http.get(f"/api/v3/{region}/{code}/pages/").content for code in codes}
        download = time.perf_counter() - started
    # Decode and parse language by language, dropping each response as the client does: the
    # heap then looks like it does after run_check's downloads (decoding all lists first and
    # freeing them together fragments the heap and slows the analysis by up to 2x).
    decode = parse = 0.0
    pages = {}
    for code in codes:
        started = time.perf_counter()
        data = orjson.loads(bodies.pop(code))
        decode += time.perf_counter() - started
        started = time.perf_counter()
        pages[code] = parse_pages(data, region, code)
        parse += time.perf_counter() - started
        del data
    sources = resolve_sources(codes, {})
    targets = codes[1:]
    needed = with_ancestors(targets, sources)
    identifier = FastTextIdentifier()
    identifier.knows("de")  # load the model outside the timer

    def run(with_identifier: bool, times: int = repeats) -> tuple[float, Any]:
        best, analysis = float("inf"), None
        for _ in range(times):
            started = time.perf_counter()
            analysis = analyse_region(
                pages,
                {code: sources[code] for code in needed},
                targets,
                now=synthetic.NOW,
                stale_days=365,
                identifier=identifier if with_identifier else None,
            )
            best = min(best, time.perf_counter() - started)
        return best, analysis

    rss = _rss_mb()
    best, analysis = run(True)
    peak = _peak_mb() - rss
    best_plain, _ = run(False)
    profile_text = ""
    if profile:
        import cProfile
        import io
        import pstats

        profiler = cProfile.Profile()
        profiler.enable()
        run(True, 1)
        profiler.disable()
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(15)
        profile_text = out.getvalue()
    return {
        "profile": profile_text,
        "wall_s": best,
        "wall_no_identifier_s": best_plain,
        "peak_mb": peak,
        "download_s": download,
        "decode_s": decode,
        "parse_s": parse,
        **_summary_of(analysis),
    }


# --- report -------------------------------------------------------------------------------------


def _accuracy(found: list[int], truth: set[int]) -> str:
    hits = len(truth.intersection(found))
    return f"{len(found)} ({hits} true, {len(found) - hits} false, {len(truth) - hits} missed)"


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--languages", type=int, default=15)
    parser.add_argument(
        "--baseline-sample",
        type=int,
        default=None,
        metavar="N",
        help="run the naive baseline on N target languages only (spread over the list) and "
        "extrapolate its time linearly to the whole region (clearly labelled)",
    )
    parser.add_argument("--repeats", type=int, default=3, help="analysis-only: best of N")
    parser.add_argument(
        "--profile", action="store_true", help="also print a cProfile of analyse_region"
    )
    parser.add_argument("--server-lifetime", type=float, default=900.0)
    return parser.parse_args(argv)


def _measure(args: argparse.Namespace) -> tuple[dict[str, Any], ...]:
    """Start the server process, run the three measurements, stop the server."""
    here, there = _FORK.Pipe()
    server = _FORK.Process(
        target=_server_process,
        args=(there, args.pages, args.languages, args.server_lifetime),
        name="bench-server",
    )
    server.start()
    there.close()
    try:
        if not here.poll(300):
            raise RuntimeError("the synthetic region was not ready within 300 s")
        info = here.recv()
        truth = info["truth"]
        present = sum(t["present"] for t in truth.values())
        print(f"region: generated in {info['generate_s']:.1f} s, page lists "
              f"{info['payload_mb']:.0f} MB (JSON, non-ASCII escaped as the CMS does), German "
              f"HTML {info['html_min']}-{info['html_max']} bytes (mean "
              f"{info['html_mean']:.0f}), served at {info['base_url']}")  # fmt: skip
        print(f"truth: {args.pages + present:,} page-translations ({args.pages} German + "
              f"{present} translations; {sum(t['outdated'] for t in truth.values())} outdated, "
              f"{sum(t['missing'] for t in truth.values())} missing), "
              f"{sum(len(t['copies']) for t in truth.values())} copies injected")  # fmt: skip
        print("measuring, each in a fresh process ...", flush=True)
        alone = _in_fresh_process(analysis_only, info["base_url"], args.repeats, args.profile)
        print(f"  analysis without network: {alone['wall_s']:.3f} s", flush=True)
        ours = _in_fresh_process(integtool_end_to_end, info["base_url"])
        print(f"  integtool end to end: {ours['wall_s']:.2f} s", flush=True)
        naive = _in_fresh_process(naive_baseline, info["base_url"], args.baseline_sample)
        print(f"  naive baseline: {naive['wall_s']:.2f} s", flush=True)
    finally:
        here.send("stop")
        server.join(timeout=10)
        if server.is_alive():
            server.terminate()
            server.join()
    return info, alone, ours, naive


def _report(
    args: argparse.Namespace,
    info: dict[str, Any],
    alone: dict[str, Any],
    ours: dict[str, Any],
    naive: dict[str, Any],
) -> None:
    truth = info["truth"]
    all_copies = {tid for t in truth.values() for tid in t["copies"]}
    naive_copies = {tid for code in naive["targets"] for tid in truth[code]["copies"]}
    sampled = len(naive["targets"]) < len(info["languages"]) - 1
    naive_wall, naive_label = naive["wall_s"], "naive baseline (sequential, bs4, langdetect)"
    if sampled:
        naive_wall = naive["wall_s"] * ours["analysed"] / naive["analysed"]
        naive_label = (f"naive baseline, EXTRAPOLATED from {len(naive['targets'])} of "
                       f"{len(info['languages']) - 1} target languages "
                       f"({', '.join(naive['targets'])})")  # fmt: skip
    rows = [
        ("integtool end to end (run_check over HTTP)", ours["wall_s"], ours["analysed"],
         f"{ours['cpu_s']:.2f}", ours["peak_mb"], _accuracy(ours["copies"], all_copies)),
        (naive_label, naive_wall, ours["analysed"] if sampled else naive["analysed"],
         f"{naive['cpu_s']:.2f}" + (" (sample)" if sampled else ""), naive["peak_mb"],
         _accuracy(naive["copies"], naive_copies)),
        (f"analysis without network (analyse_region, best of {args.repeats})", alone["wall_s"],
         alone["analysed"], "–", alone["peak_mb"], _accuracy(alone["copies"], all_copies)),
    ]  # fmt: skip
    print()
    print("| measurement | wall time (s) | page-translations | per second | CPU (s) "
          "| peak RSS growth (MB) | copies flagged |")  # fmt: skip
    print("|---|---:|---:|---:|---:|---:|---|")
    for label, wall, analysed, cpu, peak, copies in rows:
        print(f"| {label} | {wall:.3f} | {analysed:,} | {analysed / wall:,.0f} | {cpu} "
              f"| {peak:,.0f} | {copies} |")  # fmt: skip
    ratio = naive_wall / ours["wall_s"]
    rate = alone["analysed"] / alone["wall_s"]
    plain = alone["analysed"] / alone["wall_no_identifier_s"]
    print()
    print(f"end to end, naive baseline / integtool: {ratio:.1f}x "
          f"(target >= 10x: {'met' if ratio >= 10 else 'NOT met'})")  # fmt: skip
    print(f"analysis without network: {rate:,.0f} page-translations/s (target >= 20,000/s: "
          f"{'met' if rate >= 20_000 else 'NOT met'}); with identifier=None: "
          f"{plain:,.0f}/s")  # fmt: skip
    print(f"untimed preparation of that analysis: download {alone['download_s']:.2f} s, "
          f"orjson decode {alone['decode_s']:.2f} s, "
          f"parse_pages {alone['parse_s']:.2f} s")  # fmt: skip
    keys = ("up_to_date", "outdated", "missing")
    print("states up_to_date/outdated/missing: integtool "
          + "/".join(str(ours[k]) for k in keys) + ", analysis only "
          + "/".join(str(alone[k]) for k in keys) + ", naive "
          + "/".join(str(naive[k]) for k in keys)
          + f"; truth outdated {sum(t['outdated'] for t in truth.values())}, "
          f"missing {sum(t['missing'] for t in truth.values())}")  # fmt: skip
    agree = ours["copies"] == alone["copies"] and all(ours[k] == alone[k] for k in keys)
    same = "n/a (sampled)" if sampled else all(ours[k] == naive[k] for k in keys)
    print(f"integtool end to end = analysis only: {agree}; naive states = integtool's: {same}")
    print(f"integtool end to end: {ours['analysis_s']:.2f} s in analyse_region (incl. loading "
          f"the fastText model), {ours['wall_s'] - ours['analysis_s']:.2f} s in the rest "
          f"(HTTP, JSON, parse_pages, cost estimate)")  # fmt: skip
    print(f"requests: integtool {ours['requests']}, naive {naive['requests']}")
    if alone.get("profile"):
        print()
        print("cProfile of one analyse_region call (sorted by own time):")
        print(alone["profile"])


def main(argv: list[str] | None = None) -> int:
    args = _parse_args(argv)
    started = time.perf_counter()
    print(f"integtool check benchmark: {args.pages} pages x {args.languages} languages")
    print(f"machine: nproc {len(os.sched_getaffinity(0))}, Python {platform.python_version()}, "
          f"{platform.machine()}, Linux {platform.release()}")  # fmt: skip
    info, alone, ours, naive = _measure(args)
    _report(args, info, alone, ours, naive)
    print(f"total benchmark time {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
