"""The demo magazine as plain data: authors and articles (Spanish).

Article bodies are lists of short block tuples (see `home.demo.stream`):
products are named by slug and images by key, and the builder turns them
into StreamField data once the pages they point to exist.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Author:
    name: str
    role: str
    bio: str


@dataclass(frozen=True)
class Article:
    slug: str
    title: str
    intro: str
    days_ago: int  # publication date relative to the day the demo is loaded
    author: str
    tags: tuple  # the first one picks the colours of the header image
    body: tuple


AUTHORS = (
    Author("Lucía Ferrer", "Barista y catadora",
           "Lleva doce años detrás de una barra y cata cada lote que tostamos antes de que llegue a la tienda."),
    Author("Marcos Ibáñez", "Cocinero y editor de la revista",
           "Cocinó en restaurantes de Bilbao y Valencia; ahora prueba cada sartén y cada cuchillo que vendemos."),
    Author("Elena Ruiz", "Responsable de producto",
           "Busca talleres y artesanos por toda la península y decide qué entra en el catálogo."),
)

ARTICLES = (
    Article(
        "como-elegir-tu-primera-cafetera", "Cómo elegir tu primera cafetera",
        "Italiana, de émbolo o de goteo: qué taza da cada una, cuánto cuestan y cuál encaja con tu mañana.",
        12, "Lucía Ferrer", ("Guías de compra", "Café"),
        (
            ("p", "Antes de mirar precios conviene hacerse una pregunta: ¿cómo te gusta el café? Si lo quieres "
                  "intenso y con leche, la cafetera italiana es difícil de superar. Si prefieres tazas largas y "
                  "aromáticas, el goteo o la prensa francesa te darán más matices."),
            ("h2", "La cafetera italiana: intensa y para toda la vida"),
            ("p", "Es la cafetera de casa de tus abuelos y sigue siendo una gran opción: barata, sin cápsulas ni "
                  "enchufes y casi indestructible. El truco está en usar fuego medio y retirarla en cuanto empiece "
                  "a borbotear."),
            ("product", "cafetera-italiana-clasica"),
            ("h2", "Prensa francesa y goteo: más sabor, más control"),
            ("p", "La prensa francesa da un café con cuerpo y es la más fácil de usar. El gotero exige algo más "
                  "de práctica, pero recompensa con tazas limpias en las que se notan el origen y el tueste."),
            ("grid", "Nuestras cafeteras favoritas",
             ("prensa-francesa", "gotero-de-ceramica", "hervidor-cuello-de-cisne")),
            ("faq", "Dudas frecuentes", (
                ("¿Necesito un molinillo?", "No es imprescindible: te molemos el café al pedirlo. Pero moler al "
                 "momento es el cambio que más se nota en la taza."),
                ("¿Cuál es la más fácil de limpiar?", "La prensa francesa: se desmonta entera y va al "
                 "lavavajillas."),
            )),
            ("cta", "¿Ya sabes cuál quieres?", "Envío gratis a partir de 50 € en toda la península.",
             "Ver cafeteras", "cafeteras-y-molinillos"),
        ),
    ),
    Article(
        "que-es-el-cafe-de-especialidad", "Café de especialidad: qué significa y por qué sabe distinto",
        "Trazabilidad, puntuación y tueste fresco: lo que hay detrás de la etiqueta y por qué lo notarás en la taza.",
        25, "Lucía Ferrer", ("Café",),
        (
            ("p", "Un café es «de especialidad» cuando obtiene más de 80 puntos sobre 100 en una cata con el "
                  "protocolo de la SCA. Pero la puntuación es solo el principio: detrás hay una finca conocida, una "
                  "cosecha concreta y un precio justo para quien lo cultiva."),
            ("quote", "El café de especialidad no es un lujo: es saber de dónde viene lo que bebes cada mañana.",
             "Lucía Ferrer"),
            ("h2", "Tueste fresco, siempre"),
            ("p", "El café pierde aroma semanas después de tostarse. Por eso tostamos cada lunes y enviamos durante "
                  "la semana: tu bolsa llega con la fecha de tueste impresa."),
            ("grid", "Tres orígenes para empezar",
             ("cafe-etiopia-yirgacheffe", "cafe-colombia-huila", "cafe-brasil-cerrado")),
            ("image", "product:cafe-etiopia-yirgacheffe:2", "Café de Etiopía recién tostado en nuestro obrador."),
        ),
    ),
    Article(
        "molinillo-manual-o-electrico", "Molinillo manual o eléctrico: cuál te conviene",
        "Moler al momento es el cambio que más se nota en la taza. Comparamos los dos tipos sin tecnicismos.",
        40, "Lucía Ferrer", ("Guías de compra", "Café"),
        (
            ("p", "Un buen molinillo hace más por tu café que una cafetera cara. Lo importante son las muelas: "
                  "las cónicas de acero dan un tamaño de partícula uniforme, y eso se traduce en tazas más dulces."),
            ("h2", "Manual: preciso, silencioso y portátil"),
            ("p", "Si preparas una o dos tazas al día, un molinillo manual es suficiente y cuesta la mitad. Se tarda "
                  "menos de un minuto en moler una dosis."),
            ("product", "molinillo-manual-de-acero"),
            ("h2", "Eléctrico: para casas cafeteras"),
            ("p", "Si en casa sois varios o preparas espresso cada día, el eléctrico te ahorrará tiempo y te dará "
                  "la misma dosis siempre gracias al temporizador."),
            ("product", "molinillo-electrico-conico"),
        ),
    ),
    Article(
        "cinco-errores-al-preparar-cafe-en-casa", "Cinco errores comunes al preparar café en casa",
        "Agua hirviendo, café viejo, proporciones a ojo… Pequeños cambios que mejoran tu taza desde mañana.",
        55, "Lucía Ferrer", ("Café", "Consejos"),
        (
            ("p", "La mayoría de los cafés decepcionantes no se deben al café, sino a la preparación. Estos son los "
                  "cinco errores que más vemos, y cómo evitarlos."),
            ("h3", "1. Usar agua hirviendo"),
            ("p", "Entre 90 y 96 °C es la temperatura ideal. Con el agua hirviendo el café amarga."),
            ("product", "hervidor-cuello-de-cisne"),
            ("h3", "2. Comprar café molido para un mes"),
            ("p", "El café molido pierde aroma en horas. Compra bolsas pequeñas o muele al momento."),
            ("h3", "3. Medir a ojo"),
            ("p", "Una báscula de cocina y la proporción 1:16 (60 g de café por litro de agua) cambian la taza."),
            ("h3", "4 y 5. No limpiar la cafetera y usar agua dura"),
            ("p", "Los restos de grasa y cal dan sabores rancios. Enjuaga después de cada uso y usa agua filtrada."),
            ("cta", "Empieza por un buen café", "Tostado cada semana y molido para tu cafetera.",
             "Ver el café", "cafe-en-grano"),
        ),
    ),
    Article(
        "curar-una-sarten-de-hierro", "Cómo curar y cuidar una sartén de hierro",
        "Bien curada, una sartén de hierro es más antiadherente que muchas de teflón y dura toda la vida.",
        70, "Marcos Ibáñez", ("Cocina", "Consejos"),
        (
            ("p", "El hierro tiene mala fama por oxidarse y pegarse, pero los dos problemas tienen la misma "
                  "solución: una capa de aceite polimerizado que se forma con el uso. Eso es el curado."),
            ("h2", "El primer curado"),
            ("p", "Lava la sartén con agua caliente, sécala al fuego y extiende una capa finísima de aceite de lino "
                  "o de girasol. Hornea boca abajo una hora a 230 °C y deja enfriar dentro del horno."),
            ("product", "sarten-de-hierro-forjado"),
            ("h2", "El día a día"),
            ("p", "Nada de lavavajillas ni de dejarla en remojo. Agua caliente, un estropajo suave, secar al fuego "
                  "y unas gotas de aceite. Cuanto más la uses, mejor funcionará."),
            ("faq", "Problemas frecuentes", (
                ("Tiene manchas de óxido, ¿la tiro?", "No: frota con lana de acero, lava, seca y vuelve a curar."),
                ("¿Puedo cocinar tomate?", "Sí, pero no lo dejes horas: el ácido desgasta el curado."),
            )),
            ("grid", "Para acompañarla", ("espatula-de-madera-de-olivo", "cazuela-de-barro")),
        ),
    ),
    Article(
        "los-tres-cuchillos-que-necesitas", "Los tres cuchillos que de verdad necesitas",
        "Olvida los bloques de doce piezas: con un cuchillo de chef, uno de pan y una puntilla cocinas casi todo.",
        85, "Marcos Ibáñez", ("Cocina", "Guías de compra"),
        (
            ("p", "Los juegos de cuchillos suelen incluir piezas que nunca usarás. En casa, tres cuchillos bien "
                  "elegidos y bien afilados cubren el 95 % de lo que cocinas."),
            ("h2", "El cuchillo de chef"),
            ("p", "Una hoja de 20 cm sirve para picar, filetear y cortar verduras. Es el que merece la inversión."),
            ("product", "cuchillo-de-chef"),
            ("h2", "Una buena tabla"),
            ("p", "Las tablas de vidrio o piedra destrozan el filo. La madera dura, como el olivo, lo cuida."),
            ("product", "tabla-de-olivo"),
            ("quote", "Un cuchillo afilado es más seguro que uno romo: no resbala.", "Marcos Ibáñez"),
        ),
    ),
    Article(
        "te-verde-temperatura-y-tiempo", "Té verde: temperatura, tiempo y tetera",
        "Si tu té verde amarga, casi seguro es el agua. Una guía breve para prepararlo bien.",
        100, "Elena Ruiz", ("Té", "Consejos"),
        (
            ("p", "El té verde japonés se prepara con agua bastante más fría que el negro: entre 70 y 80 °C. "
                  "Con agua hirviendo se extraen los taninos y la taza amarga."),
            ("h2", "Tiempo y cantidad"),
            ("p", "Cuenta 4 gramos por cada 250 ml y un minuto de infusión. Las mismas hojas aguantan dos o tres "
                  "infusiones más, cada una un poco más larga."),
            ("grid", "Para prepararlo", ("te-verde-sencha", "tetera-de-hierro-fundido", "hervidor-cuello-de-cisne")),
            ("p", "¿Y el matcha? Se bate en lugar de infusionarse. Esta temporada se nos ha agotado, pero vuelve con "
                  "la cosecha de primavera."),
            ("product", "matcha-ceremonial"),
        ),
    ),
    Article(
        "una-mesa-bonita-sin-gastar-de-mas", "Una mesa bonita sin gastar de más",
        "Pocas piezas, buenos materiales y colores que combinan: ideas para poner la mesa a diario.",
        120, "Elena Ruiz", ("Hogar",),
        (
            ("p", "Una mesa bonita no necesita vajilla de boda. Basta con una base neutra, algo de textura y un "
                  "par de piezas con color."),
            ("h2", "Empieza por el mantel"),
            ("p", "El lino lavado no necesita plancha y queda bien arrugado. Los tonos tierra combinan con todo."),
            ("image", "product:mantel-de-lino:1", "Mantel de lino lavado en color terracota."),
            ("h2", "Gres para todos los días"),
            ("p", "Los platos de gres aguantan el lavavajillas y cada uno es ligeramente distinto. Combina platos "
                  "blancos con tazas de colores."),
            ("grid", "Nuestra mesa", ("plato-de-gres", "taza-de-gres", "vasos-de-vidrio-reciclado",
                                      "mantel-de-lino")),
        ),
    ),
    Article(
        "regalos-para-amantes-del-cafe", "Regalos para amantes del café",
        "Desde 12 € hasta un molinillo para toda la vida: nuestra selección para acertar seguro.",
        6, "Lucía Ferrer", ("Guías de compra", "Café", "Regalos"),
        (
            ("p", "Regalar café es fácil si conoces a la persona, y casi igual de fácil si no: una bolsa de buen "
                  "café y una taza bonita siempre aciertan."),
            ("h2", "Menos de 30 €"),
            ("grid", "Detalles", ("cafe-etiopia-yirgacheffe", "taza-de-gres", "filtros-de-papel")),
            ("h2", "Para quien ya lo tiene todo"),
            ("p", "Un molinillo manual de calidad o un hervidor con control de temperatura son regalos que se "
                  "usan cada día durante años."),
            ("grid", "Grandes regalos", ("molinillo-manual-de-acero", "hervidor-cuello-de-cisne",
                                        "mezcla-vitrina-espresso")),
            ("cta", "Semana del café", "Descuentos en café y cafeteras durante toda la semana.",
             "Ver las ofertas", "semana-del-cafe"),
        ),
    ),
)
