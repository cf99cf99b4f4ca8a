import factory
import wagtail_factories

from home.models import HomePage, StandardPage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Inicio"
    slug = "inicio"
    hero_text = "Café de especialidad y todo lo necesario para prepararlo."

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Página {n}")
    intro = "Una introducción breve."

    class Meta:
        model = StandardPage
