from django.apps import AppConfig


class VitrinaConfig(AppConfig):
    name = "vitrina"
    verbose_name = "Vitrina"

    def ready(self):
        from . import checks  # noqa: F401  (registers the deploy checks)
