"""Time the search page's product query on the bench catalogue and print p50/p95 per kind of search.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/vitrina_bench \\
        .venv/bin/python bench/search_latency.py [--runs 5] [--verbose] [--index-sample 2000]

Times `search.catalog.search_products`, the function the search page calls,
and the autocomplete endpoint's product and page suggestions, in Spanish.
Every query is run once to warm up, then --runs times; a query's figure is
the median of its runs, and p50/p95 are taken over the queries (nearest
rank: with 40 queries, p95 is the 38th slowest). Prints figures only, no
pass or fail: the goals are in docs/benchmarks.md.
"""

import argparse
import math
import os
import platform
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.setup_django import setup  # noqa: E402

# Shares are of the Spanish bench products (measured at 100,000).
QUERIES = [
    # Words in 30-100% of products: they set the p95.
    "acabado", "material", "dimensiones", "fabricada", "garantía", "ideal",
    # Common and mid-frequency words (1-25%).
    "lavavajillas", "cafe", "España", "porcelana", "bambu", "ceramica", "acero", "lino", "mimbre", "nórdica",
    "borosilicato", "presidente",
    # Product types, singular and plural, with and without accents.
    "cafetera", "cafeteras", "sarten", "sartenes", "lámpara", "toallas", "molinillo", "tetera",
    # Two and three words.
    "acero inoxidable", "taza porcelana", "sarten hierro fundido", "lampara de mesa", "mantel lino",
    "cesta mimbre", "cafetera italiana acero", "acabado mate",
    # A brand, words in 0.5% of products, a model name, a SKU, and a word no product has.
    "Casavela", "pacientes", "expresion", "K713", "TER-054321-1", "xilófono",
]
AUTOCOMPLETE = ["caf", "cafet", "sar", "lam", "tazas", "ace", "porc", "moli", "Casav", "toa"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per query (default 5)")
    parser.add_argument("--verbose", action="store_true", help="print every query's figures")
    parser.add_argument("--index-sample", type=int, default=0, metavar="N",
                        help="also time indexing N products again (add_items, as update_index does)")
    parser.add_argument("--only", help="comma-separated kinds to run: plain,facets,filtered,autocomplete,http")
    args = parser.parse_args()
    setup()

    from django.utils import translation

    translation.activate("es")
    from bench import latency

    print(latency.environment())
    kinds = latency.kinds(args.only.split(",") if args.only else None)
    results = {}
    for name, run in kinds.items():
        per_query = {}
        for query in (AUTOCOMPLETE if name == "autocomplete" else QUERIES):
            run(query)  # warm-up
            timings, count = [], None
            for _ in range(args.runs):
                started = time.perf_counter()
                count = run(query)
                timings.append((time.perf_counter() - started) * 1000)
            per_query[query] = (statistics.median(timings), count)
        results[name] = per_query
        print(f"  {name}: done (load {os.getloadavg()[0]:.2f})", file=sys.stderr)
    if args.verbose:
        print_details(results)
    print_summary(results, args.runs)
    if args.index_sample:
        seconds = latency.time_indexing(args.index_sample)
        print(f"\nIndexing {args.index_sample} products: {seconds:.1f} s "
              f"({args.index_sample / seconds:.0f} per second; 100,000 would take about "
              f"{100_000 / args.index_sample * seconds / 60:.0f} min)")
    print(f"\nLoad average after the run: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


def percentile(values, share):
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def print_summary(results, runs):
    from bench import latency

    print(f"\nms, per-query median of {runs} runs after a warm-up; p50/p95/max over the queries")
    print(f"{'search':<40} {'queries':>7} {'p50':>7} {'p95':>7} {'max':>7}")
    for name, per_query in results.items():
        times = [median for median, _count in per_query.values()]
        print(f"{latency.LABELS[name]:<40} {len(times):>7} {percentile(times, 0.5):7.0f} "
              f"{percentile(times, 0.95):7.0f} {max(times):7.0f}")


def print_details(results):
    names = list(results)
    print(f"\n{'query':<26}" + "".join(f"{name:>13}" for name in names) + f"{'matches':>10}")
    queries = list(dict.fromkeys(q for per_query in results.values() for q in per_query))
    for query in queries:
        cells = "".join(
            f"{results[name][query][0]:13.1f}" if query in results[name] else f"{'':>13}" for name in names
        )
        count = next((results[name][query][1] for name in names if query in results[name]), "")
        print(f"{query:<26}{cells}{count!s:>10}")


if __name__ == "__main__":
    print(f"Python {platform.python_version()} on {platform.node()}", file=sys.stderr)
    main()
