"""Fill a PostgreSQL database with a synthetic Spanish catalogue for the search benchmark.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/vitrina_bench \\
        .venv/bin/python bench/generate_catalog.py --products 100000

Creates what is missing on an empty migrated database (home page, shop, one
category page per vocabulary category, their English translations), then
adds products until the shop has --products bench products. Products are
written in bulk: page rows with hand-computed treebeard paths through
`Page.objects.bulk_create`, product rows with COPY, variants,
specifications and stock records with `bulk_create`. Adding pages with
`add_child` costs about 30 ms each (about 50 minutes for 100,000).

Then the new pages are indexed with the search backend's own index code
(`add_items`, as `update_index` does), in batches, with timing printed.
Products are recognised by their slug ending in -b<number>; `--reset`
deletes them (and their stock records) first.
"""

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.setup_django import setup  # noqa: E402

CHUNK = 2000


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--products", type=int, default=100_000, help="Spanish products wanted (default 100000)")
    parser.add_argument("--english", type=float, default=0.1,
                        help="share of products that also get an English translation (default 0.1)")
    parser.add_argument("--reset", action="store_true", help="delete the bench products first")
    parser.add_argument("--no-index", action="store_true", help="skip indexing (index later with update_index)")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    setup()

    from bench import catalog_build as build

    if args.reset:
        started = time.monotonic()
        deleted = build.delete_bench_products()
        print(f"Deleted {deleted} bench pages in {time.monotonic() - started:.1f} s")
    structure = build.ensure_structure()
    existing = build.existing_numbers(structure)
    wanted = [number for number in range(1, args.products + 1) if number not in existing]
    print(f"{len(existing)} bench products already there; adding {len(wanted)}.")
    started = time.monotonic()
    new_ids = []
    progress = Progress("Products", len(wanted))
    for start in range(0, len(wanted), CHUNK):
        numbers = wanted[start:start + CHUNK]
        new_ids += build.create_products(structure, numbers, english_share=args.english, seed=args.seed)
        progress.update(len(numbers))
    progress.done()
    build.fix_numchild(structure)
    created = time.monotonic() - started
    print(f"Created {len(new_ids)} pages in {created:.1f} s")
    if new_ids and not args.no_index:
        started = time.monotonic()
        index_pages(new_ids + structure.page_ids())
        print(f"Indexed {len(new_ids)} pages in {time.monotonic() - started:.1f} s")
    build.analyze()
    print(build.summary())


def index_pages(page_ids, batch=1000):
    """Index these pages the way `update_index` does: get_indexed_objects() and add_items."""
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    from products.models import ProductPage

    backend = get_search_backend()
    by_model = {}
    for page in Page.objects.filter(pk__in=page_ids).only("pk", "content_type"):
        by_model.setdefault(page.specific_class, []).append(page.pk)
    progress = Progress("Index", len(page_ids))
    for model, ids in by_model.items():
        index = backend.get_index_for_model(model)
        for start in range(0, len(ids), batch):
            chunk = ids[start:start + batch]
            queryset = model.get_indexed_objects().filter(pk__in=chunk)
            if model is ProductPage:  # category_name() reads the category page
                queryset = queryset.select_related("category")
            objects = list(queryset)
            index.add_items(model, objects)
            progress.update(len(chunk))
    progress.done()


class Progress:
    """A one-line progress bar on a terminal; plain lines when the output is a file."""

    def __init__(self, label, total):
        self.label, self.total, self.count = label, total, 0
        self.started = time.monotonic()
        self.last_line = 0.0

    def update(self, step):
        self.count += step
        now = time.monotonic()
        if not sys.stdout.isatty() and now - self.last_line < 10 and self.count < self.total:
            return
        self.last_line = now
        elapsed = now - self.started
        rate = self.count / elapsed if elapsed else 0
        remaining = (self.total - self.count) / rate if rate else 0
        filled = int(30 * self.count / self.total) if self.total else 30
        line = (f"{self.label:9} [{'#' * filled}{'.' * (30 - filled)}] {self.count}/{self.total} "
                f"{elapsed:5.0f} s, {rate:6.0f}/s, {remaining:4.0f} s left")
        print(f"\r{line}" if sys.stdout.isatty() else line, end="" if sys.stdout.isatty() else "\n", flush=True)

    def done(self):
        if sys.stdout.isatty() and self.total:
            print()


if __name__ == "__main__":
    main()
