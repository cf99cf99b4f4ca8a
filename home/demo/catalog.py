"""The demo shop's catalog as plain data: categories, products, variants, stock.

Only data lives here (and in `catalog_coffee` / `catalog_home`, which hold the
products themselves); `home.demo.build` turns it into pages. Everything is
keyed by slug so a second run can find what the first one created.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Category:
    slug: str
    title: str
    intro: str
    parent: str | None = None  # slug of the parent category; None: directly under the shop


@dataclass(frozen=True)
class Variant:
    sku: str
    price: str  # Decimal as a string: money is never a float
    stock: int  # units on hand, written to StockRecord (not page content)
    option1: str = ""
    option2: str = ""
    was: str | None = None  # compare-at price: the variant is on sale when set
    weight: str | None = None  # kg; the product's weight when None


@dataclass(frozen=True)
class Product:
    slug: str
    title: str
    brand: str
    summary: str
    text: tuple  # paragraphs of the description
    specs: tuple  # (name, value) pairs
    variants: tuple
    options: tuple = ("", "")  # option1_name, option2_name
    kind: str = "box"  # the shape drawn on its generated images (see images.SHAPES)
    images: int = 2
    weight: str | None = None
    related: tuple = ()  # product slugs
    articles: tuple = ()  # article slugs
    faq: tuple = ()  # (question, answer) pairs, added to the description
    quote_only: bool = False
    category: str = field(default="", compare=False)


def grid(prefix, first, second=(), stock=10, low=(), sold_out=()):
    """Variants for every combination of two options.

    `first` is (label, code, price, was) tuples, `second` (label, code) tuples.
    SKUs are PREFIX-FIRSTCODE[-SECONDCODE]; `low` and `sold_out` list SKUs
    that get 3 and 0 units, so a grid can show every availability state.
    """
    variants = []
    for label1, code1, price, was in first:
        for label2, code2 in second or [("", "")]:
            sku = "-".join(part for part in (prefix, code1, code2) if part)
            units = 0 if sku in sold_out else 3 if sku in low else stock
            variants.append(Variant(sku, price, units, label1, label2, was))
    return tuple(variants)


def choice(prefix, price, values, stock=10, was=None, low=(), sold_out=()):
    """Variants of a product with one option (a colour, say) and one price."""
    return grid(prefix, [(label, code, price, was) for label, code in values], stock=stock, low=low, sold_out=sold_out)


def single(sku, price, stock, was=None):
    """The one variant of a product without options."""
    return (Variant(sku, price, stock, was=was),)


CATEGORIES = (
    Category(
        "cafe", "Café",
        "Café de especialidad tostado cada semana en pequeños lotes y todo lo necesario para prepararlo en casa.",
    ),
    Category(
        "cafe-en-grano", "Café en grano y molido",
        "Orígenes únicos y mezclas de la casa. Te lo molemos para tu cafetera o te lo enviamos en grano.",
        "cafe",
    ),
    Category(
        "cafeteras-y-molinillos", "Cafeteras y molinillos",
        "Cafeteras italianas, de émbolo y de goteo, molinillos y hervidores para preparar un buen café.",
        "cafe",
    ),
    Category(
        "te-e-infusiones", "Té e infusiones",
        "Tés verdes y negros, infusiones sin teína y teteras para disfrutarlos con calma.",
    ),
    Category(
        "cocina", "Cocina",
        "Herramientas de cocina que duran toda la vida: hierro, acero, barro y madera de olivo.",
    ),
    Category(
        "sartenes-y-ollas", "Sartenes y ollas",
        "Sartenes de hierro y antiadherentes, cazuelas de barro y ollas para cocinar a diario.",
        "cocina",
    ),
    Category(
        "cuchillos-y-utensilios", "Cuchillos y utensilios",
        "Cuchillos forjados, tablas de madera y los utensilios que usarás todos los días.",
        "cocina",
    ),
    Category(
        "mesa-y-vajilla", "Mesa y vajilla",
        "Tazas, platos y vasos de cerámica y vidrio hechos por talleres pequeños.",
    ),
    Category(
        "hogar-y-textil", "Hogar y textil",
        "Lino, mimbre y madera para la cocina y el comedor, y muebles hechos a medida.",
    ),
)


def all_products():
    """Every product of the demo, each with its category slug filled in."""
    from dataclasses import replace

    from .catalog_coffee import PRODUCTS as COFFEE
    from .catalog_home import PRODUCTS as HOME

    products = []
    for by_category in (COFFEE, HOME):
        for category, items in by_category.items():
            products.extend(replace(product, category=category) for product in items)
    return products


# Articles shown under a product that names none of its own.
CATEGORY_ARTICLES = {
    "cafe-en-grano": ("que-es-el-cafe-de-especialidad", "cinco-errores-al-preparar-cafe-en-casa"),
    "cafeteras-y-molinillos": ("como-elegir-tu-primera-cafetera", "regalos-para-amantes-del-cafe"),
    "te-e-infusiones": ("te-verde-temperatura-y-tiempo",),
    "sartenes-y-ollas": ("curar-una-sarten-de-hierro",),
    "cuchillos-y-utensilios": ("los-tres-cuchillos-que-necesitas",),
    "mesa-y-vajilla": ("una-mesa-bonita-sin-gastar-de-mas",),
    "hogar-y-textil": ("una-mesa-bonita-sin-gastar-de-mas",),
}

# Products the home page and the campaign landing page put forward.
FEATURED = (
    "cafe-etiopia-yirgacheffe", "cafetera-italiana-clasica", "sarten-de-hierro-forjado", "taza-de-gres",
    "molinillo-manual-de-acero", "tetera-de-hierro-fundido", "delantal-de-lino", "cuchillo-de-chef",
)
COFFEE_WEEK = (
    "cafe-etiopia-yirgacheffe", "cafe-colombia-huila", "mezcla-vitrina-espresso", "cafetera-italiana-clasica",
    "prensa-francesa", "gotero-de-ceramica", "hervidor-cuello-de-cisne", "filtros-de-papel",
)
