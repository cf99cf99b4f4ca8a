"""PostgreSQL full-text search with one text search configuration per language."""

from modelsearch.backends.database.postgres.postgres import PostgresIndex, PostgresSearchBackend

from ..language import POSTGRES_AUTOCOMPLETE_CONFIG, POSTGRES_CONFIGS
from .database import add_items_by_language, current_language


class VitrinaPostgresIndex(PostgresIndex):
    def add_items(self, model, objs):
        add_items_by_language(super().add_items, model, objs)


class VitrinaPostgresSearchBackend(PostgresSearchBackend):
    index_class = VitrinaPostgresIndex

    # The base class sets both in __init__; here they follow the language.
    @property
    def config(self):
        return POSTGRES_CONFIGS[current_language()]

    @config.setter
    def config(self, value):
        pass

    @property
    def autocomplete_config(self):
        return POSTGRES_AUTOCOMPLETE_CONFIG

    @autocomplete_config.setter
    def autocomplete_config(self, value):
        pass
