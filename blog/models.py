"""The magazine: articles and guides that sell through embedded product blocks."""

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from home import site_data
from home.blocks import BaseStreamBlock
from home.routing import KnownRestrictionsMixin
from home.streams import prepare_stream


@register_snippet
class Author(models.Model):
    """Who signs an article; shown under its title."""

    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(_("role"), max_length=120, blank=True)
    bio = models.TextField(_("short biography"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("photo"),
    )

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("bio"), FieldPanel("image")]

    class Meta:
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        ordering = ["name"]

    def __str__(self):
        return self.name


class BlogPageTag(TaggedItemBase):
    content_object = ParentalKey("blog.BlogPage", on_delete=models.CASCADE, related_name="tagged_items")


class BlogIndexPage(KnownRestrictionsMixin, RoutablePageMixin, Page):
    """Lists the articles below it, newest first, optionally by tag."""

    intro = models.TextField(_("introduction"), max_length=500, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["blog.BlogPage"]

    class Meta:
        verbose_name = _("magazine")
        verbose_name_plural = _("magazines")

    def articles(self):
        return (
            site_data.public(BlogPage.objects.live().child_of(self))
            .select_related("hero_image", "author").prefetch_related("hero_image__renditions")
            .order_by("-date", "-pk")
        )

    def tags(self):
        return Tag.objects.filter(blog_blogpagetag_items__content_object__in=self.articles()).distinct().order_by("name")

    def paginate(self, request, articles):
        paginator = Paginator(articles, settings.VITRINA_ARTICLES_PER_PAGE)
        try:
            return paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            return paginator.page(1)
        except EmptyPage:
            return paginator.page(paginator.num_pages)

    @path("")
    def index_view(self, request):
        return self.render(
            request, context_overrides={"articles": self.paginate(request, self.articles()), "listing_url": self.full_url}
        )

    @path("feed/", name="feed")
    def feed_view(self, request):
        from .feeds import ArticlesFeed

        return ArticlesFeed(self)(request)

    def feed_url(self):
        return self.full_url + self.reverse_subpage("feed")

    # <str:...>: taggit slugs of older tags may carry accents ("café").
    @path("tag/<str:tag>/", name="tag")
    def tag_view(self, request, tag):
        tag = get_object_or_404(Tag, slug=tag)
        articles = self.articles().filter(tags=tag)
        return self.render(
            request,
            context_overrides={
                "articles": self.paginate(request, articles),
                "current_tag": tag,
                "listing_url": self.full_url + self.reverse_subpage("tag", args=[tag.slug]),
            },
        )


class BlogPage(KnownRestrictionsMixin, Page):
    """An article or buying guide."""

    date = models.DateField(_("publication date"), default=timezone.localdate)
    author = models.ForeignKey(
        Author, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles", verbose_name=_("author")
    )
    intro = models.TextField(_("introduction"), max_length=500, blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("hero image"),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    tags = ClusterTaggableManager(through=BlogPageTag, blank=True, verbose_name=_("tags"))

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("date"), FieldPanel("author")]),
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]

    parent_page_types = ["blog.BlogIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    # What the article shows beside its text, fetched with it when it is served (home.routing).
    route_select_related = ("author__image", "hero_image")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        prepare_stream(self.body, self.locale_id, images=[self.hero_image, self.author.image if self.author else None])
        magazine = self.get_parent()  # served pages know their parent (home.routing): no query
        feed_path = BlogIndexPage.get_resolver().reverse("feed")
        context["feed"] = {"url": magazine.get_full_url(request) + feed_path, "title": magazine.title}
        return context
