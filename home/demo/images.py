"""Demo pictures drawn with Pillow (never downloaded) and stored as Wagtail images.

Each picture is a colour gradient, a simple shape for the kind of product and
its name, so a screenshot of the demo shop reads as a shop. Images are found
again by title on a second run; their renditions are made in advance by
renditions.py, so the first visit to a page does not resize a hundred images.
"""

import io
import unicodedata
import zlib

from django.core.files.images import ImageFile
from django.utils.functional import cached_property
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.utils.file import hash_filelike

PRODUCT_SIZE = (1200, 1200)
BANNER_SIZE = (1600, 900)
PORTRAIT_SIZE = (400, 400)
JPEG_QUALITY = 80

# (top of the gradient, bottom of the gradient, shape colour) per top-level category.
PALETTES = {
    "cafe": ((244, 232, 214), (214, 186, 150), (96, 58, 34)),
    "te-e-infusiones": ((231, 240, 222), (178, 201, 160), (58, 92, 60)),
    "cocina": ((234, 234, 230), (184, 186, 184), (52, 56, 62)),
    "mesa-y-vajilla": ((236, 240, 246), (176, 194, 214), (38, 70, 120)),
    "hogar-y-textil": ((246, 236, 226), (222, 188, 164), (168, 84, 52)),
}
VIEW_ALT = {1: "foto de producto sobre fondo de color", 2: "vista de detalle", 3: "en la cocina"}


_FONTS = {}
# Pillow's bundled font has no accented letters (it draws boxes for "á" or "ñ"), so a
# system font with them comes first; DejaVu Sans ships with most Linux systems.
SYSTEM_FONTS = ("DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "LiberationSans-Regular.ttf")


def _font(size):
    """(font, has_accents); cached because loading a font is not free."""
    if size not in _FONTS:
        for name in SYSTEM_FONTS:
            try:
                _FONTS[size] = (ImageFont.truetype(name, size), True)
                break
            except OSError:
                continue
        else:
            _FONTS[size] = (ImageFont.load_default(size=size), False)
    return _FONTS[size]


def _text(draw, xy, text, size, fill):
    font, has_accents = _font(size)
    if not has_accents:
        # Fold "Sartén" to "Sarten": plain letters read better than missing-glyph boxes.
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    draw.text(xy, text, font=font, fill=fill)


def _shade(colour, factor):
    return tuple(max(0, min(255, int(c * factor))) for c in colour)


def _gradient(size, top, bottom):
    mask = PILImage.linear_gradient("L").resize(size)
    return PILImage.composite(PILImage.new("RGB", size, bottom), PILImage.new("RGB", size, top), mask)


def _wrap(draw, text, font, width):
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and draw.textlength(candidate, font=font) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return lines + [line] if line else lines


# Shapes: each draws a recognisable silhouette centred on (x, y) with size s.
def _bag(d, x, y, s, c, light):
    d.rounded_rectangle((x - s * 0.42, y - s * 0.55, x + s * 0.42, y + s * 0.55), radius=s * 0.06, fill=c)
    d.rectangle((x - s * 0.42, y - s * 0.1, x + s * 0.42, y + s * 0.2), fill=light)
    d.line((x - s * 0.42, y - s * 0.42, x + s * 0.42, y - s * 0.42), fill=light, width=max(2, int(s * 0.02)))


def _pot(d, x, y, s, c, light):
    d.polygon([(x - s * 0.3, y - s * 0.35), (x + s * 0.3, y - s * 0.35), (x + s * 0.4, y + s * 0.5),
               (x - s * 0.4, y + s * 0.5)], fill=c)
    d.rectangle((x - s * 0.34, y - s * 0.45, x + s * 0.34, y - s * 0.35), fill=_shade(c, 0.8))
    d.polygon([(x - s * 0.36, y - s * 0.2), (x - s * 0.62, y - s * 0.38), (x - s * 0.38, y)], fill=c)
    d.ellipse((x + s * 0.3, y - s * 0.2, x + s * 0.62, y + s * 0.3), outline=c, width=max(4, int(s * 0.06)))
    d.ellipse((x - s * 0.06, y - s * 0.58, x + s * 0.06, y - s * 0.46), fill=light)


def _jar(d, x, y, s, c, light):
    d.rounded_rectangle((x - s * 0.28, y - s * 0.4, x + s * 0.28, y + s * 0.55), radius=s * 0.05, fill=c)
    d.rectangle((x - s * 0.22, y - s * 0.1, x + s * 0.22, y + s * 0.48), fill=light)
    d.rectangle((x - s * 0.03, y - s * 0.7, x + s * 0.03, y - s * 0.4), fill=c)
    d.ellipse((x - s * 0.09, y - s * 0.82, x + s * 0.09, y - s * 0.66), fill=c)


def _cone(d, x, y, s, c, light):
    d.polygon([(x - s * 0.5, y - s * 0.35), (x + s * 0.5, y - s * 0.35), (x + s * 0.12, y + s * 0.3),
               (x - s * 0.12, y + s * 0.3)], fill=c)
    d.ellipse((x - s * 0.34, y + s * 0.28, x + s * 0.34, y + s * 0.42), fill=_shade(c, 0.8))
    d.line((x - s * 0.3, y - s * 0.2, x + s * 0.3, y - s * 0.2), fill=light, width=max(2, int(s * 0.02)))


def _cup(d, x, y, s, c, light):
    d.ellipse((x + s * 0.18, y - s * 0.2, x + s * 0.55, y + s * 0.25), outline=c, width=max(6, int(s * 0.08)))
    d.rounded_rectangle((x - s * 0.4, y - s * 0.35, x + s * 0.32, y + s * 0.4), radius=s * 0.12, fill=c)
    d.ellipse((x - s * 0.55, y + s * 0.36, x + s * 0.48, y + s * 0.52), fill=_shade(c, 0.75))
    d.ellipse((x - s * 0.34, y - s * 0.4, x + s * 0.26, y - s * 0.28), fill=light)


def _pan(d, x, y, s, c, light):
    d.rounded_rectangle((x + s * 0.3, y - s * 0.06, x + s * 0.95, y + s * 0.06), radius=s * 0.05, fill=c)
    d.ellipse((x - s * 0.5, y - s * 0.5, x + s * 0.5, y + s * 0.5), fill=c)
    d.ellipse((x - s * 0.4, y - s * 0.4, x + s * 0.4, y + s * 0.4), fill=_shade(c, 0.8))


def _plate(d, x, y, s, c, light):
    d.ellipse((x - s * 0.6, y - s * 0.6, x + s * 0.6, y + s * 0.6), fill=c)
    d.ellipse((x - s * 0.42, y - s * 0.42, x + s * 0.42, y + s * 0.42), fill=light)
    d.ellipse((x - s * 0.38, y - s * 0.38, x + s * 0.38, y + s * 0.38), fill=_shade(light, 0.95))


def _bowl(d, x, y, s, c, light):
    d.pieslice((x - s * 0.6, y - s * 0.6, x + s * 0.6, y + s * 0.6), 0, 180, fill=c)
    d.ellipse((x - s * 0.6, y - s * 0.1, x + s * 0.6, y + s * 0.1), fill=_shade(c, 0.75))


def _knife(d, x, y, s, c, light):
    steel = (150, 156, 164)  # a blade the colour of the background would vanish
    d.polygon([(x - s * 0.7, y + s * 0.02), (x + s * 0.1, y - s * 0.14), (x + s * 0.1, y + s * 0.1),
               (x - s * 0.7, y + s * 0.1)], fill=steel)
    d.rounded_rectangle((x + s * 0.1, y - s * 0.08, x + s * 0.65, y + s * 0.1), radius=s * 0.06, fill=c)


def _board(d, x, y, s, c, light):
    d.rounded_rectangle((x - s * 0.6, y - s * 0.4, x + s * 0.6, y + s * 0.4), radius=s * 0.12, fill=c)
    d.ellipse((x + s * 0.38, y - s * 0.08, x + s * 0.5, y + s * 0.04), fill=light)


def _cloth(d, x, y, s, c, light):
    d.rectangle((x - s * 0.5, y - s * 0.55, x + s * 0.5, y + s * 0.55), fill=c)
    for i in range(1, 6):
        top = y - s * 0.55 + i * s * 0.18
        d.rectangle((x - s * 0.5, top, x + s * 0.5, top + s * 0.03), fill=light)


def _table(d, x, y, s, c, light):
    d.rectangle((x - s * 0.75, y - s * 0.3, x + s * 0.75, y - s * 0.18), fill=c)
    for leg in (-0.62, 0.55):
        d.rectangle((x + s * leg, y - s * 0.18, x + s * (leg + 0.07), y + s * 0.5), fill=_shade(c, 0.8))


def _machine(d, x, y, s, c, light):
    d.rounded_rectangle((x - s * 0.42, y - s * 0.6, x + s * 0.42, y + s * 0.55), radius=s * 0.06, fill=c)
    d.rectangle((x - s * 0.28, y - s * 0.46, x + s * 0.28, y - s * 0.26), fill=light)
    d.rectangle((x - s * 0.08, y - s * 0.1, x + s * 0.08, y + s * 0.05), fill=_shade(c, 0.6))
    d.rectangle((x - s * 0.2, y + s * 0.3, x + s * 0.2, y + s * 0.36), fill=_shade(c, 0.6))


SHAPES = {
    "bag": _bag, "pot": _pot, "jar": _jar, "cone": _cone, "cup": _cup, "pan": _pan, "plate": _plate,
    "bowl": _bowl, "knife": _knife, "board": _board, "cloth": _cloth, "table": _table, "machine": _machine,
}


def _vary(colour, key):
    # A small, stable brightness change per product, so neighbours in a grid do not look identical.
    return _shade(colour, 0.85 + (zlib.crc32(key.encode()) % 30) / 100)


def draw_product(title, kind, palette, view, key):
    """A square product photo: view 1 is the product alone, 2 a close-up, 3 the product on a table."""
    top, bottom, colour = palette
    colour = _vary(colour, key)
    if view == 2:
        top, bottom = bottom, top
    image = _gradient(PRODUCT_SIZE, top, bottom)
    draw = ImageDraw.Draw(image)
    width, height = PRODUCT_SIZE
    scale, centre_y = {1: (460, 520), 2: (760, 560), 3: (330, 560)}[view]
    if view == 3:
        draw.rectangle((0, centre_y + scale * 0.55, width, height), fill=_shade(bottom, 0.8))
    SHAPES.get(kind, _bag)(draw, width / 2, centre_y, scale, colour, _shade(top, 1.05))
    _text(draw, (60, 50), "VITRINA", 38, _shade(colour, 0.9))
    if view != 2:
        lines = _wrap(draw, title, _font(64)[0], width - 120)[:2]
        for index, line in enumerate(lines):
            _text(draw, (60, height - 90 - (len(lines) - index) * 76), line, 64, _shade(colour, 0.7))
    return image


def draw_banner(title, subtitle, palette):
    """A wide header image with a big title, for articles, pages and the home page."""
    top, bottom, colour = palette
    image = _gradient(BANNER_SIZE, top, bottom)
    draw = ImageDraw.Draw(image)
    width, height = BANNER_SIZE
    for index in range(5):
        radius = 140 + index * 90
        draw.ellipse((width - 380 - radius, height / 2 - radius, width - 380 + radius, height / 2 + radius),
                     outline=_shade(bottom, 0.92), width=18)
    lines = _wrap(draw, title, _font(84)[0], width - 560)[:3]
    y = height / 2 - len(lines) * 50
    for line in lines:
        _text(draw, (90, y), line, 84, colour)
        y += 100
    _text(draw, (90, y + 30), subtitle.upper(), 36, _shade(colour, 1.3))
    return image


def draw_portrait(name, palette):
    top, bottom, colour = palette
    image = _gradient(PORTRAIT_SIZE, top, bottom)
    draw = ImageDraw.Draw(image)
    draw.ellipse((70, 70, 330, 330), fill=colour)
    initials = "".join(part[0] for part in name.split()[:2]).upper()
    left, upper, right, lower = draw.textbbox((0, 0), initials, font=_font(110)[0])
    _text(draw, (200 - (right - left) / 2 - left, 200 - (lower - upper) / 2 - upper), initials, 110, top)
    return image


class ImageLibrary:
    """Finds demo images by title, drawing and saving only the missing ones."""

    def __init__(self, collection_name):
        self.model = get_image_model()
        self.collection_name = collection_name
        self.by_title = None  # loaded on first use, in one query
        self.created = 0

    @cached_property
    def collection(self):
        # Demo images live in their own collection, so editors can tell them apart.
        root = Collection.get_first_root_node()
        existing = root.get_children().filter(name=self.collection_name).first()
        return existing or root.add_child(name=self.collection_name)

    def get(self, title, alt, draw):
        if self.by_title is None:
            self.by_title = {image.title: image for image in self.model.objects.filter(collection=self.collection)}
        image = self.by_title.get(title)
        if image is None:
            image = self._save(title, alt, draw())
            self.by_title[title] = image
            self.created += 1
        return image

    def product(self, product, view, palette):
        title = f"{product.title} · foto {view}"
        alt = f"{product.title}, {VIEW_ALT[view]}"
        return self.get(title, alt, lambda: draw_product(product.title, product.kind, palette, view, product.slug))

    def banner(self, title, subtitle, palette, alt):
        return self.get(f"{title} · portada", alt, lambda: draw_banner(title, subtitle, palette))

    def portrait(self, name, palette):
        return self.get(f"{name} · retrato", f"Retrato de {name}", lambda: draw_portrait(name, palette))

    def _save(self, title, alt, picture):
        buffer = io.BytesIO()
        picture.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True)
        data = buffer.getvalue()
        image = self.model(title=title, description=alt[:255], file_size=len(data), collection=self.collection)
        image.file_hash = hash_filelike(io.BytesIO(data))
        slug = "".join(ch if ch.isalnum() else "-" for ch in title.lower()).strip("-")[:80]
        image.file = ImageFile(io.BytesIO(data), name=f"demo-{slug}.jpg")
        image.save()
        return image

