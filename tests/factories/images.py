import factory
import wagtail_factories
from wagtail.models import Collection


class ImageFactory(wagtail_factories.ImageFactory):
    """A real image file, drawn in memory by Pillow, in the root collection."""

    title = factory.Sequence(lambda n: f"Imagen {n}")
    # wagtail-factories would add a new root collection per image.
    collection = factory.LazyFunction(Collection.get_first_root_node)
    file = factory.django.ImageField(width=64, height=48, color="teal", filename="foto.png")
