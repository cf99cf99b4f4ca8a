from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Site")

    def ready(self):
        from .image_encoding import use_faster_avif_encoding
        from .renditions import keep_parsed_filters

        use_faster_avif_encoding()
        keep_parsed_filters()
