"""PostgreSQL text search configurations for Spanish and English without accents.

Nothing to do on SQLite (search/backends/sqlite.py stems in Python). Creating
the unaccent extension needs a role allowed to (the database owner on
PostgreSQL 13+, as unaccent is a trusted extension).
"""

from django.db import migrations

CREATE = """
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'vitrina_es') THEN
        CREATE TEXT SEARCH CONFIGURATION vitrina_es (COPY = pg_catalog.spanish);
        ALTER TEXT SEARCH CONFIGURATION vitrina_es
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, spanish_stem;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'vitrina_en') THEN
        CREATE TEXT SEARCH CONFIGURATION vitrina_en (COPY = pg_catalog.english);
        ALTER TEXT SEARCH CONFIGURATION vitrina_en
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'vitrina_simple') THEN
        CREATE TEXT SEARCH CONFIGURATION vitrina_simple (COPY = pg_catalog.simple);
        ALTER TEXT SEARCH CONFIGURATION vitrina_simple
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
    END IF;
END
$$;
"""

DROP = """
DROP TEXT SEARCH CONFIGURATION IF EXISTS vitrina_es;
DROP TEXT SEARCH CONFIGURATION IF EXISTS vitrina_en;
DROP TEXT SEARCH CONFIGURATION IF EXISTS vitrina_simple;
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    initial = True
    dependencies = []
    operations = [migrations.RunPython(create, drop)]
