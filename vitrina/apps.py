from django.apps import AppConfig


class VitrinaConfig(AppConfig):
    name = "vitrina"
    verbose_name = "Vitrina"

    def ready(self):
        from . import cache_invalidation, checks  # noqa: F401  (checks registers the deploy checks)

        cache_invalidation.connect()
