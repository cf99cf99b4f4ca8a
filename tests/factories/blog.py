import datetime

import factory
import wagtail_factories

from blog.models import Author, BlogIndexPage, BlogPage


class AuthorFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Autora {n}")
    role = "Barista"
    bio = "Escribe sobre café desde 2015."

    class Meta:
        model = Author


class BlogIndexPageFactory(wagtail_factories.PageFactory):
    title = "Revista"
    slug = "revista"
    intro = "Guías y recetas para preparar mejor café."

    class Meta:
        model = BlogIndexPage


class BlogPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Artículo {n}")
    date = factory.Sequence(lambda n: datetime.date(2025, 1, 1) + datetime.timedelta(days=n))
    intro = "Lo que hay que saber antes de comprar."

    class Meta:
        model = BlogPage
        skip_postgeneration_save = True

    @factory.post_generation
    def tags(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.tags.add(*extracted)
            obj.save()
