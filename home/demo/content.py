"""The demo's site pages as plain data: home, shop and magazine indexes, policy pages, shop details (Spanish)."""

from dataclasses import dataclass

from .catalog import COFFEE_WEEK, FEATURED

HOME = {
    "slug": "inicio",
    "title": "Café y cocina para todos los días",
    "hero_text": "Café de especialidad tostado cada semana y herramientas de cocina hechas para durar, "
                 "elegidas una a una por nuestro equipo.",
    "hero_link_label": "Ver la tienda",
    "body": (
        ("grid", "Lo más vendido", FEATURED),
        ("cta", "Semana del café", "Hasta un 25 % de descuento en café, cafeteras y hervidores.",
         "Ver las ofertas", "semana-del-cafe"),
        ("quote", "Vendemos lo que usamos en casa: si no nos convence, no entra en la tienda.",
         "El equipo de Vitrina"),
    ),
}

SHOP = {
    "slug": "tienda", "title": "Tienda",
    "intro": "<p>Café, té, cocina y mesa. <b>Envío gratis</b> a partir de 50 € en la península.</p>",
}
MAGAZINE = {
    "slug": "revista", "title": "Revista",
    "intro": "Guías de compra, recetas y consejos para sacar partido a lo que tienes en la cocina.",
}


@dataclass(frozen=True)
class StandardPageData:
    slug: str
    title: str
    intro: str
    in_menu: bool
    body: tuple


PAGES = (
    StandardPageData(
        "quienes-somos", "Quiénes somos",
        "Somos una tienda pequeña de Valencia: tostamos café y vendemos las cosas que usamos en nuestra cocina.",
        True,
        (
            ("p", "Vitrina nació en 2016 como una cafetería con un tostador en la trastienda. Los clientes nos "
                  "preguntaban por la cafetera, por las tazas, por la sartén en la que hacíamos las tostadas… y "
                  "empezamos a venderlas."),
            ("p", "Hoy trabajamos con una veintena de talleres y productores, casi todos de la península. Probamos "
                  "cada producto en casa antes de venderlo y preferimos tener pocas cosas buenas a muchas "
                  "regulares."),
            ("quote", "Queremos que lo que compres aquí te dure diez años.", "Ana y Jorge, fundadores"),
            ("cta", "Visita la tienda", "Café recién tostado, cocina y mesa.", "Ver la tienda", "tienda"),
        ),
    ),
    StandardPageData(
        "envios-y-devoluciones", "Envíos y devoluciones",
        "Enviamos a toda España en 24 a 72 horas y tienes 30 días para devolver lo que no te convenza.",
        True,
        (
            ("h2", "Envíos"),
            ("p", "<p>Los pedidos hechos antes de las 13:00 salen el mismo día laborable.</p><ul>"
                  "<li>Península: 4,90 €, <b>gratis a partir de 50 €</b>, de 24 a 48 horas.</li>"
                  "<li>Baleares: 7,90 €, de 48 a 72 horas.</li>"
                  "<li>Canarias, Ceuta y Melilla: consúltanos (el envío incluye trámites de aduana).</li></ul>"),
            ("h2", "Devoluciones"),
            ("p", "Tienes 30 días desde que recibes el pedido para devolverlo. El producto debe estar sin usar y en "
                  "su embalaje; el café, sin abrir. Te devolvemos el dinero en un máximo de 14 días desde que lo "
                  "recibimos, por el mismo medio de pago."),
            ("p", "Los productos hechos a medida no admiten devolución salvo defecto de fabricación."),
        ),
    ),
    StandardPageData(
        "preguntas-frecuentes", "Preguntas frecuentes",
        "Las dudas que más nos llegan sobre pedidos, envíos, pagos y café.",
        True,
        (
            ("faq", "Pedidos y pagos", (
                ("¿Qué formas de pago aceptáis?", "PayPal, tarjeta de crédito o débito (a través de PayPal) y "
                 "transferencia bancaria."),
                ("¿Puedo cambiar un pedido ya hecho?", "Sí, mientras no haya salido del almacén. Escríbenos "
                 "cuanto antes a hola@vitrina.example."),
                ("¿Hacéis factura?", "Sí: indica tu NIF al hacer el pedido y la recibirás por correo."),
            )),
            ("faq", "Envíos", (
                ("¿Cuánto tarda el envío?", "De 24 a 48 horas en la península y de 48 a 72 en Baleares."),
                ("¿Enviáis fuera de España?", "De momento solo a Portugal y Andorra. Pronto, a más países."),
            )),
            ("faq", "Café", (
                ("¿Cuándo tostáis?", "Todos los lunes. Enviamos el café durante esa semana."),
                ("¿Qué molienda elijo?", "Espresso para cafetera italiana y de espresso; filtro para goteo y "
                 "prensa francesa. Si tienes molinillo, pídelo en grano."),
            )),
            ("cta", "¿No encuentras tu respuesta?", "Escríbenos a hola@vitrina.example y te contestamos en menos "
             "de un día laborable.", "Envíos y devoluciones", "envios-y-devoluciones"),
        ),
    ),
    StandardPageData(
        "semana-del-cafe", "Semana del café",
        "Del lunes al domingo, descuentos en café de especialidad, cafeteras y hervidores. Hasta agotar existencias.",
        False,
        (
            ("p", "Celebramos el Día Internacional del Café con una semana de ofertas en todo lo que necesitas para "
                  "preparar un buen café en casa. Los precios rebajados aparecen tachados en cada producto."),
            ("grid", "Ofertas de la semana", COFFEE_WEEK),
            ("quote", "Si solo vas a cambiar una cosa, que sea el café: fresco y recién molido.", "Lucía Ferrer"),
            ("cta", "¿Dudas con la cafetera?", "Lee nuestra guía y elige la que encaja contigo.",
             "Leer la guía", "como-elegir-tu-primera-cafetera"),
        ),
    ),
)

SHOP_SETTINGS = {
    "shop_name": "Vitrina",
    "email": "hola@vitrina.example",
    "phone": "+34 960 00 00 00",
    "address": "Vitrina Café y Cocina S.L.\nCalle de Sueca, 21\n46006 Valencia\nEspaña",
    "opening_hours": "Lunes a viernes, de 9:00 a 18:00",
    "instagram_url": "https://www.instagram.com/vitrina.example/",
    "facebook_url": "https://www.facebook.com/vitrina.example/",
    "youtube_url": "https://www.youtube.com/@vitrina.example",
    "accepts_paypal": True,
    "accepts_cards": True,
    "accepts_bank_transfer": True,
    "accepts_cash_on_delivery": False,
}
