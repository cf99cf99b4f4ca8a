"""Image renditions without repeated work on every page view.

Two costs of Wagtail's image tags showed up when profiling an uncached
product page (about a quarter of its CPU):

- `Image.get_rendition()` writes the rendition into the cache on every call,
  even when it came from the prefetched renditions; with the file cache that
  is a file written per image per view. `rendition()` goes through
  `get_renditions()`, which skips the write for renditions it already had.
- `{% picture %}` and `{% srcset_image %}` build new `Filter` objects (parsing
  each spec's operations) on every render. Wagtail's older image tag kept its
  filter on the template node; `keep_parsed_filters()` does that again, so a
  compiled template parses its specs once.
"""

from wagtail.images.templatetags.wagtailimages_tags import ImageNode, SrcsetImageNode


def rendition(image, spec):
    """The rendition of `image` for `spec`, from the prefetched ones when they are there."""
    return image.get_renditions(spec)[spec]


def keep_parsed_filters():
    if getattr(SrcsetImageNode, "_vitrina_keeps_filters", False):
        return
    make_filters, make_filter = SrcsetImageNode.get_filters, ImageNode.get_filter

    def get_filters(node):
        # Filters hold only their parsed spec, never an image: safe to share between renders.
        if "_vitrina_filters" not in node.__dict__:
            node._vitrina_filters = make_filters(node)
        return node._vitrina_filters

    def get_filter(node):
        if "_vitrina_filter" not in node.__dict__:
            node._vitrina_filter = make_filter(node)
        return node._vitrina_filter

    SrcsetImageNode.get_filters = get_filters
    ImageNode.get_filter = get_filter
    SrcsetImageNode._vitrina_keeps_filters = True
