"""The magazine's Atom feed: /es/revista/feed/ (a route of the magazine page)."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

FEED_ARTICLES = 20


class ArticlesFeed(Feed):
    feed_type = Atom1Feed

    def __init__(self, magazine):
        super().__init__()
        self.magazine = magazine

    def title(self):
        return self.magazine.seo_title or self.magazine.title

    def subtitle(self):
        return self.magazine.intro

    def link(self):
        return self.magazine.full_url

    def feed_url(self):
        return self.magazine.feed_url()

    def items(self):
        return self.magazine.articles()[:FEED_ARTICLES]

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.search_description or article.intro

    def item_link(self, article):
        return article.full_url

    def item_guid(self, article):
        return article.full_url

    def item_pubdate(self, article):
        # The article's own date at 9:00 shop time; the time of day is not edited.
        return timezone.make_aware(datetime.combine(article.date, time(9, 0)))

    def item_updateddate(self, article):
        return article.last_published_at

    def item_author_name(self, article):
        return article.author.name if article.author else None
