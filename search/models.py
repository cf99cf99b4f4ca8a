"""What customers search for: one row per day, language and normalised query, with counters.

Daily aggregates rather than one row per search keep the table small (a busy
shop repeats the same few hundred queries) and hold no personal data: no IP,
no user, no session, only what was typed and how many times. Rows are written
by search/querylog.py: record_search() and read by the admin reports in
search/reports.py.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

QUERY_MAX_LENGTH = 200
LANGUAGE_MAX_LENGTH = 10


class DailySearchQuery(models.Model):
    """How often one query was searched for in one language on one day, and how often it found nothing.

    The (date, language, query) triple is unique, so concurrent searches add to
    the same row (see record_search). Override point: reports aggregate these
    rows over any period with GROUP BY query, language.
    """

    date = models.DateField(_("date"))
    language = models.CharField(_("language"), max_length=LANGUAGE_MAX_LENGTH)
    query = models.CharField(_("search query"), max_length=QUERY_MAX_LENGTH)
    searches = models.PositiveIntegerField(_("searches"), default=0)
    searches_without_results = models.PositiveIntegerField(_("searches without results"), default=0)
    last_result_count = models.PositiveIntegerField(
        _("last result count"), default=0, help_text=_("Number of results the latest search of the day found.")
    )

    class Meta:
        verbose_name = _("daily search query")
        verbose_name_plural = _("daily search queries")
        # Rows are written by record_search only; nobody adds or edits them by hand.
        default_permissions = ()
        permissions = [("view_search_report", _("Can view search reports"))]
        constraints = [
            models.UniqueConstraint(fields=["date", "language", "query"], name="search_daily_query_unique"),
        ]

    def __str__(self):
        return f"{self.date} [{self.language}] {self.query}"
