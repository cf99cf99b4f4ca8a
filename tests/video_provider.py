"""An offline stand-in for an oEmbed provider, so embed blocks render without the internet.

Tests point WAGTAILEMBEDS_FINDERS at `VideoExampleFinder`; it answers for
https://video.example/... the way a video provider's oEmbed endpoint would.
"""

from wagtail.embeds.exceptions import EmbedNotFoundException
from wagtail.embeds.finders.base import EmbedFinder

PREFIX = "https://video.example/"


class VideoExampleFinder(EmbedFinder):
    def __init__(self, **options):
        self.options = options

    def accept(self, url):
        return url.startswith(PREFIX)

    def find_embed(self, url, max_width=None, max_height=None):
        video_id = url[len(PREFIX):].strip("/")
        if not video_id:
            raise EmbedNotFoundException
        width = min(max_width or 640, 640)
        return {
            "title": f"Vídeo {video_id}",
            "author_name": "Vitrina",
            "provider_name": "Video Example",
            "type": "video",
            "thumbnail_url": f"{PREFIX}{video_id}/thumb.jpg",
            "width": width,
            "height": width * 9 // 16,
            "html": f'<iframe src="{PREFIX}player/{video_id}" title="Vídeo {video_id}" width="{width}"></iframe>',
        }
