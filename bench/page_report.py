"""The table and the goals page_throughput.py prints (issue 5, item 6)."""

from dataclasses import dataclass

from page_load import Load

GOAL_WORKERS = 2
CACHED_SHARE_OF_STATIC = 0.80
UNCACHED_SHARE_OF_TRIVIAL = 0.07
MAX_QUERIES = 12
# The pages a CDN or the page cache serves whole; search results vary per query and are noindex.
CACHEABLE = ["home", "category", "product", "article"]
SELLING_PAGES = ["product", "article"]


@dataclass
class Row:
    kind: str
    url: str
    workers: int
    cached: bool
    load: Load
    queries: int | None
    cpu_ms: float | None = None  # Django's CPU per request, in-process (page_urls.py)


def baseline(rows, row, kind):
    """The baseline's req/s in the same server run as `row`: the mean of its first and last measurement."""
    measured = [other.load.requests_per_second for other in rows
                if other.kind == kind and other.workers == row.workers and other.cached == row.cached]
    return sum(measured) / len(measured) if measured else None


def share(rows, row, kind):
    reference = baseline(rows, row, kind)
    return row.load.requests_per_second / reference if reference else None


def percent(value):
    return "—" if value is None else f"{value:.1%}"


def dash(value, row):
    """Queries and CPU were measured with the page cache off: shown on uncached rows only."""
    return "—" if value is None or row.cached else value


def print_table(rows):
    print("\n| page | URL | workers | page cache | req/s | p50 ms | p99 ms | % of static | % of trivial view "
          "| SQL queries | Django CPU ms | errors |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for row in rows:
        is_page = row.kind not in ("static", "trivial")
        of_static = share(rows, row, "static") if is_page and row.cached else None
        of_trivial = share(rows, row, "trivial") if is_page and not row.cached else None
        print(f"| {row.kind} | `{row.url}` | {row.workers} | {'on' if row.cached else 'off'} "
              f"| {row.load.requests_per_second:.1f} | {row.load.p50_ms:.2f} | {row.load.p99_ms:.2f} "
              f"| {percent(of_static)} | {percent(of_trivial)} "
              f"| {dash(row.queries, row)} | {dash(row.cpu_ms, row)} | {row.load.errors} |")
    if any(row.load.errors for row in rows):
        print("\nSome runs had errors (non-2xx answers or socket errors): their figures are not comparable.")


def goal_line(passed, text):
    print(f"{'PASS' if passed else 'FAIL'}  {text}")
    return passed


def print_goals(rows):
    """PASS/FAIL for each goal at GOAL_WORKERS workers; True when every measured goal passed."""
    at_goal = [row for row in rows if row.workers == GOAL_WORKERS]
    print(f"\nGoals ({GOAL_WORKERS} gunicorn workers, baselines from the same server run):")
    results = []
    cached = [row for row in at_goal if row.cached and row.kind in CACHEABLE]
    if not cached:
        print("NOT MEASURED  cached pages >= 80% of the static file (no run with the page cache on)")
    for row in cached:
        value = share(rows, row, "static")
        results.append(goal_line(value is not None and value >= CACHED_SHARE_OF_STATIC,
                                 f"cached {row.kind}: {percent(value)} of the static file (goal >= 80%)"))
    for row in at_goal:
        if row.kind in SELLING_PAGES and not row.cached:
            value = share(rows, row, "trivial")
            results.append(goal_line(value is not None and value >= UNCACHED_SHARE_OF_TRIVIAL,
                                     f"uncached {row.kind}: {percent(value)} of the trivial view (goal >= 7%)"))
    counted = {row.kind: row.queries for row in at_goal if row.kind in SELLING_PAGES}
    for kind, queries in counted.items():
        results.append(goal_line(queries <= MAX_QUERIES, f"{kind}: {queries} SQL queries (goal <= {MAX_QUERIES})"))
    return all(results)
