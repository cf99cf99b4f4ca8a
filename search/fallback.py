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
    """Exception classes that may mean "the search server did not answer" (see `is_unavailable`)."""
    try:
        from elastic_transport import ApiError, ConnectionError, ConnectionTimeout, TransportError
    except ImportError:  # Elasticsearch client not installed: nothing to catch
        return ()
    # A refused or timed-out connection raises ConnectionError/ConnectionTimeout
    # (both TransportError) from the moment results are evaluated; a server that
    # answers but cannot serve (no shards available) raises a 5xx ApiError.
    return (ConnectionError, ConnectionTimeout, TransportError, ApiError)


def is_unavailable(error):
    """True for a connection failure or a 5xx answer; a 4xx answer is a bug to raise, not to hide."""
    status = getattr(getattr(error, "meta", None), "status", None)  # only ApiError has an answer
    return status is None or status >= 500


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
        if not is_unavailable(error):
            raise
        logger.warning("Search server unreachable (%s); answering from the database index.", error)
        return search(get_search_backend("database"))
