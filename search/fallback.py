"""Run a search on the configured backend, falling back to the database one.

With Elasticsearch configured, the "database" backend keeps its own index
(see WAGTAILSEARCH_BACKENDS in settings), so when Elasticsearch cannot be
reached the shop keeps answering searches from the database, with a warning
in the log, instead of failing.
"""

import logging

from django.conf import settings
from wagtail.search.backends import get_search_backend

logger = logging.getLogger(__name__)


def unreachable_errors():
    """Exception classes that mean "the search server did not answer"."""
    try:
        from elastic_transport import ConnectionError, ConnectionTimeout, TransportError
    except ImportError:  # Elasticsearch client not installed: nothing to catch
        return ()
    return (ConnectionError, ConnectionTimeout, TransportError)


def run_search(search):
    """Call `search(backend)` and return its result, which must be fully evaluated.

    Results of Wagtail backends are lazy, so `search` must turn them into
    lists, counts or facets inside the call for errors to be caught here.
    """
    if "database" not in settings.WAGTAILSEARCH_BACKENDS:
        return search(get_search_backend())
    try:
        return search(get_search_backend())
    except unreachable_errors() as error:
        logger.warning("Search server unreachable (%s); answering from the database index.", error)
        return search(get_search_backend("database"))
