"""Cost estimate over the synthetic 1,000 pages x 15 languages region, in CPU seconds.

Run: python benchmarks/bench_cost.py [--pages 1000] [--languages 15]

The page lists are built and parsed outside the measurement; measured with
`time.process_time` (CPU of this process), best of 3:
  - the cost estimate alone (`estimate` over the check's missing and outdated translations:
    CMS words, billed characters, paragraph segments, euros for three providers);
  - the same estimate with a translation memory holding every paragraph key (the incremental
    figure then consults the memory for every segment);
  - the whole pure pipeline that `integtool cost` runs after the downloads (analysis without
    the language model, which `cost` does not need, plus the estimate).
Target (issue 3): under 1 s of CPU.
"""

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synthetic
from integtool.content.parse import parse_languages, parse_pages
from integtool.core.analysis import analyse_region
from integtool.core.cost import Prices, estimate, measure
from integtool.core.findings import FindingKind
from integtool.core.language_tree import resolve_sources
from integtool.core.models import PageTranslation
from integtool.core.providers_support import Provider


def best_cpu(run: Callable[[], object], repeats: int = 3) -> float:
    """Smallest CPU time of `repeats` runs."""
    best = float("inf")
    for _ in range(repeats):
        started = time.process_time()
        run()
        best = min(best, time.process_time() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--languages", type=int, default=15)
    args = parser.parse_args()
    region = synthetic.build_region(args.pages, args.languages)
    codes = [
        language.code
        for language in parse_languages(orjson.loads(region.languages_json), region.slug)
    ]
    pages = {
        code: parse_pages(orjson.loads(region.pages_json[code]), region.slug, code)
        for code in codes
    }
    sources = resolve_sources(codes, {})
    by_id: dict[int, PageTranslation] = {p.id: p for page_list in pages.values() for p in page_list}

    def analyse() -> object:
        return analyse_region(
            pages, sources, codes[1:], now=synthetic.NOW, stale_days=365, identifier=None
        )

    analysis = analyse_region(
        pages, sources, codes[1:], now=synthetic.NOW, stale_days=365, identifier=None
    )
    kinds = {FindingKind.MISSING, FindingKind.OUTDATED}
    items = [
        (f.language, by_id[f.basis_id])
        for f in analysis.findings
        if f.kind in kinds and f.basis_id is not None
    ]
    providers = tuple(Provider)
    prices = Prices()
    every_key = {
        key for page in {source.id: source for _, source in items}.values()
        for key, _ in measure(page.title, page.content).segments
    }  # fmt: skip

    def cost() -> object:
        return estimate(items, prices, providers)

    def cost_with_memory() -> object:
        return estimate(items, prices, providers, lambda key, _s, _t: key in every_key)

    def pipeline() -> object:
        result = analyse()
        assert result is not None
        return estimate(items, prices, providers)

    _lines, total = estimate(items, prices, providers)
    print(
        f"region: {args.pages} pages x {len(codes)} languages; {len(items):,} translations to price"
    )
    euros = {p.value: None if v is None else round(v, 2) for p, v in total.eur.items()}
    print(f"total: {total.words:,} words, {total.characters:,} characters, EUR {euros}")
    rows = [
        ("cost estimate alone", best_cpu(cost)),
        ("cost estimate, memory holding every paragraph", best_cpu(cost_with_memory)),
        ("analysis (no language model) + cost estimate", best_cpu(pipeline)),
    ]
    for label, seconds in rows:
        verdict = "meets" if seconds < 1.0 else "MISSES"
        print(f"{label:<48} {seconds:6.3f} s CPU  ({verdict} the 1 s target)")


if __name__ == "__main__":
    main()
