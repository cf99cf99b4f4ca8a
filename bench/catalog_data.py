"""One synthetic product, in Spanish and (when translated) in English, from a seeded random source.

Everything is derived from the product's number, so product 41,327 is the same
product on every run and on every machine: the catalogue can be grown or
rebuilt and the benchmark's figures stay comparable.
"""

import random
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from itertools import accumulate

from faker.providers.lorem.en_US import Provider as EnglishLorem
from faker.providers.lorem.es_ES import Provider as SpanishLorem

from bench import vocabulary as words

SPANISH_WORDS = list(SpanishLorem.word_list)
ENGLISH_WORDS = list(EnglishLorem.word_list)
# The English list is alphabetical, not by frequency: give it an arbitrary, fixed order.
random.Random(7).shuffle(ENGLISH_WORDS)
# Zipf weights (the word lists are sorted by frequency): a few words are in
# most descriptions, most words in very few.
ZIPF_ES = list(accumulate(1 / (rank + 1) for rank in range(len(SPANISH_WORDS))))
ZIPF_EN = list(accumulate(1 / (rank + 1) for rank in range(len(ENGLISH_WORDS))))
BRANDS = [start + end for start in words.BRAND_STARTS for end in words.BRAND_ENDS][::2][:60]
DESCRIPTION_CHARACTERS = 300


@dataclass
class Variant:
    sku: str
    option1: str
    option1_en: str
    price: Decimal
    compare_at_price: Decimal | None
    weight: Decimal
    quantity: int


@dataclass
class Product:
    number: int
    category: int  # index into vocabulary.CATEGORIES
    brand: str
    title: str
    title_en: str
    summary: str
    summary_en: str
    description: str
    description_en: str
    option1_name: str
    option1_name_en: str
    is_quote_only: bool
    days_old: int
    variants: list = field(default_factory=list)
    specifications: list = field(default_factory=list)  # [(name, value, name_en, value_en)]


def make_product(number, seed=2026):
    rng = random.Random(seed * 1_000_003 + number)
    category = rng.randrange(len(words.CATEGORIES))
    _slug, _title, _title_en, types = words.CATEGORIES[category]
    kind, kind_en = rng.choice(types)
    adjective, adjective_en = rng.choice(words.ADJECTIVES)
    material, material_en = rng.choice(words.MATERIALS)
    brand = rng.choice(BRANDS)
    title = f"{kind} {adjective} de {material}"
    title_en = f"{adjective_en.capitalize()} {material_en} {kind_en.lower()}"
    if rng.random() < 0.3:  # model names: rare tokens, like real catalogues
        model = f"{rng.choice('ABCDEFGHKLMNPRSTVXZ')}{rng.randrange(100, 1000)}"
        title, title_en = f"{title} {model}", f"{title_en} {model}"
    use, use_en = rng.choice(words.USES)
    summary = f"{kind} de {brand} en {material}, pensada para {use}."
    summary_en = f"A {kind_en.lower()} by {brand} in {material_en}, made for {use_en}."
    description, description_en = _description(rng, kind, kind_en, material, material_en, brand)
    colours = rng.random() < 0.5
    option_values = words.COLOURS if colours else words.SIZES
    count = rng.choices((1, 2, 3), weights=(50, 30, 20))[0]
    base = Decimal(str(round(rng.lognormvariate(3.4, 0.8), 0))) + Decimal("0.90")
    variants = []
    for position, (value, value_en) in enumerate(rng.sample(option_values, count)):
        price = (base * (1 + Decimal("0.25") * position)).quantize(Decimal("0.01"), ROUND_HALF_UP)
        was = (price * Decimal("1.2")).quantize(Decimal("1")) + Decimal("0.90") if rng.random() < 0.15 else None
        variants.append(Variant(
            sku=f"{brand[:3].upper()}-{number:06d}-{position + 1}",
            option1=value if count > 1 else "", option1_en=value_en if count > 1 else "",
            price=price, compare_at_price=was,
            weight=Decimal(rng.randrange(100, 5000)) / 1000,
            quantity=0 if rng.random() < 0.15 else rng.randrange(1, 60),
        ))
    origin, origin_en = rng.choice(words.ORIGINS)
    care, care_en = rng.choice(words.CARE)
    specifications = [
        ("Material", material.capitalize(), "Material", material_en.capitalize()),
        ("Dimensiones", f"{rng.randrange(5, 60)} x {rng.randrange(5, 60)} cm",
         "Dimensions", f"{rng.randrange(5, 60)} x {rng.randrange(5, 60)} cm"),
        ("Origen", origin, "Origin", origin_en),
    ]
    if rng.random() < 0.6:
        specifications.append(("Cuidados", care, "Care", care_en))
    if rng.random() < 0.4:
        years = rng.choice((2, 3, 5))
        specifications.append(("Garantía", f"{years} años", "Warranty", f"{years} years"))
    return Product(
        number=number, category=category, brand=brand, title=title, title_en=title_en,
        summary=summary, summary_en=summary_en, description=description, description_en=description_en,
        option1_name=("Color" if colours else "Tamaño") if count > 1 else "",
        option1_name_en=("Colour" if colours else "Size") if count > 1 else "",
        is_quote_only=rng.random() < 0.01, days_old=rng.randrange(0, 720),
        variants=variants, specifications=specifications,
    )


def _description(rng, kind, kind_en, material, material_en, brand):
    finish, finish_en = rng.choice(words.FINISHES)
    origin, origin_en = rng.choice(words.ORIGINS)
    use, use_en = rng.choice(words.USES)
    spanish = [f"{kind} de {material} con acabado {finish}."]
    english = [f"{kind_en} in {material_en} with a {finish_en} finish."]
    if rng.random() < 0.5:
        spanish.append(f"Diseñada por {brand} y fabricada en {origin}.")
        english.append(f"Designed by {brand} and made in {origin_en}.")
    if rng.random() < 0.4:
        spanish.append(f"Ideal para {use}.")
        english.append(f"Ideal for {use_en}.")
    spanish.append(_filler(rng, SPANISH_WORDS, ZIPF_ES, DESCRIPTION_CHARACTERS - len(" ".join(spanish))))
    english.append(_filler(rng, ENGLISH_WORDS, ZIPF_EN, DESCRIPTION_CHARACTERS - len(" ".join(english))))
    return " ".join(spanish), " ".join(english)


def _filler(rng, vocabulary, weights, characters):
    chosen, length = [], 0
    while length < max(characters, 60):
        word = rng.choices(vocabulary, cum_weights=weights)[0]
        chosen.append(word)
        length += len(word) + 1
    return " ".join(chosen).capitalize() + "."
