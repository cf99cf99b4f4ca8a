"""PostgreSQL indexes the product search needs at 100,000 products (see docs/benchmarks.md).

- `title || body` of the search index table: the database backend matches
  on the concatenation, so the per-column GIN indexes Wagtail creates are
  never used and every search read the whole table.
- `UPPER(sku)` of product variants: the search page looks up a query as an
  exact SKU (case-insensitive) on every search.

Built CONCURRENTLY (the migration is not atomic), so a deployment does not
block writes to these tables while they build. Nothing to do on SQLite.
"""

from django.db import migrations

INDEXES = {
    "search_indexentry_title_body_gin": "wagtailsearch_indexentry USING gin ((title || body))",
    "search_productvariant_sku_upper": "products_productvariant (UPPER(sku::text))",
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, definition in INDEXES.items():
        schema_editor.execute(f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {name} ON {definition}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {name}")


class Migration(migrations.Migration):
    atomic = False
    dependencies = [
        ("search", "0002_search_log"),
        ("products", "0002_search_columns"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]
    operations = [migrations.RunPython(create, drop)]
