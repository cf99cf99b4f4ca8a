"""Demo products of the coffee and tea categories (Spanish, the shop's default language)."""

from .catalog import Product, Variant, choice, grid, single

SIZES_COFFEE = (("250 g", "250", "12.90", None), ("500 g", "500", "23.50", None), ("1 kg", "1K", "42.00", None))
GRINDS = (("En grano", "G"), ("Molido espresso", "E"), ("Molido filtro", "F"))
COFFEE_OPTIONS = ("Tamaño", "Molienda")
COFFEE_SPECS = (("Tueste", "Cada semana en Valencia"), ("Envase", "Bolsa con válvula, reciclable"))

PRODUCTS = {
    "cafe-en-grano": [
        Product(
            "cafe-etiopia-yirgacheffe", "Café de Etiopía Yirgacheffe", "Tostadero Vitrina",
            "Floral y cítrico, con notas de bergamota y té negro. Nuestro origen más pedido para filtro.",
            ("Un café lavado de pequeños productores de la región de Gedeo, cultivado a más de 1.900 metros. "
             "Lo tostamos claro para conservar su acidez brillante y su aroma a jazmín.",
             "Brilla en V60, Chemex o prensa francesa. En espresso da una taza ligera y muy aromática."),
            (("Origen", "Yirgacheffe, Etiopía"), ("Variedad", "Heirloom etíope"), ("Proceso", "Lavado"),
             ("Notas de cata", "Jazmín, bergamota, limón")) + COFFEE_SPECS[:1],
            grid("CAF-ETI", SIZES_COFFEE, GRINDS[:2], stock=40, low=("CAF-ETI-1K-E",)),
            COFFEE_OPTIONS, "bag", 3, "0.300",
            related=("gotero-de-ceramica", "cafe-colombia-huila", "hervidor-cuello-de-cisne"),
            articles=("que-es-el-cafe-de-especialidad",),
            faq=(("¿Cuándo se tuesta?", "Tostamos los lunes y enviamos de martes a jueves: te llega con menos de "
                  "una semana de tueste."),),
        ),
        Product(
            "cafe-colombia-huila", "Café de Colombia Huila", "Tostadero Vitrina",
            "Dulce y redondo, con caramelo, manzana roja y cacao. El café de todos los días que nunca cansa.",
            ("Cultivado por la asociación de caficultores de Pitalito, en Huila. Un café equilibrado que funciona "
             "igual de bien en cafetera italiana que en espresso.",),
            (("Origen", "Huila, Colombia"), ("Variedad", "Caturra y Castillo"), ("Proceso", "Lavado"),
             ("Notas de cata", "Caramelo, manzana roja, cacao")) + COFFEE_SPECS[1:],
            grid("CAF-COL", SIZES_COFFEE, GRINDS, stock=35),
            COFFEE_OPTIONS, "bag", 2, "0.300",
            related=("cafe-etiopia-yirgacheffe", "cafetera-italiana-clasica", "molinillo-manual-de-acero"),
            articles=("que-es-el-cafe-de-especialidad", "como-elegir-tu-primera-cafetera"),
        ),
        Product(
            "cafe-brasil-cerrado", "Café de Brasil Cerrado Mineiro", "Tostadero Vitrina",
            "Cuerpo denso, avellana y chocolate con leche. Perfecto con leche o para quien busca poca acidez.",
            ("Un natural de la Fazenda Santa Inês, secado al sol en patios. Tueste medio, pensado para espresso "
             "y para cafés con leche cremosos.",),
            (("Origen", "Cerrado Mineiro, Brasil"), ("Variedad", "Mundo Novo"), ("Proceso", "Natural"),
             ("Notas de cata", "Avellana, chocolate con leche")),
            grid("CAF-BRA", SIZES_COFFEE[:2], GRINDS, stock=25, sold_out=("CAF-BRA-500-F",)),
            COFFEE_OPTIONS, "bag", 2, "0.300",
            related=("mezcla-vitrina-espresso", "cafe-colombia-huila"),
        ),
        Product(
            "cafe-guatemala-antigua", "Café de Guatemala Antigua", "Tostadero Vitrina",
            "Chocolate negro, especias y un final largo. Microlote de edición limitada: quedan pocas bolsas.",
            ("Cultivado a la sombra entre volcanes en la finca La Azotea. Un café con estructura y dulzor de "
             "panela, muy agradecido en cafetera italiana.",),
            (("Origen", "Antigua, Guatemala"), ("Variedad", "Bourbon"), ("Proceso", "Lavado"),
             ("Notas de cata", "Chocolate negro, clavo, panela")),
            grid("CAF-GUA", SIZES_COFFEE[:2], GRINDS[:2], stock=4),
            COFFEE_OPTIONS, "bag", 1, "0.300",
            related=("cafe-colombia-huila", "cafetera-italiana-clasica"),
        ),
        Product(
            "mezcla-vitrina-espresso", "Mezcla Vitrina Espresso", "Tostadero Vitrina",
            "Nuestra mezcla de la casa para espresso: chocolate, frutos secos y una crema espesa.",
            ("Brasil y Colombia a partes iguales, tostados por separado y mezclados después. La usamos en la "
             "cafetería de la tienda todos los días.",
             "Ahora con un 15 % de descuento en el formato de 1 kg durante la Semana del café."),
            (("Composición", "50 % Brasil, 50 % Colombia"), ("Tueste", "Medio"), ("Uso", "Espresso y leche")),
            grid("CAF-MEZ", SIZES_COFFEE[:2] + (("1 kg", "1K", "35.70", "42.00"),), GRINDS[:2], stock=60),
            COFFEE_OPTIONS, "bag", 2, "0.300",
            related=("cafe-brasil-cerrado", "molinillo-electrico-conico"),
            articles=("regalos-para-amantes-del-cafe",),
        ),
        Product(
            "cafe-descafeinado-suave", "Café descafeinado de Colombia", "Tostadero Vitrina",
            "Descafeinado con agua de montaña, sin disolventes. Todo el sabor, para la tarde y la noche.",
            ("Descafeinado con el proceso de agua de montaña de Veracruz. Conserva el dulzor del café de "
             "Colombia y elimina el 99,9 % de la cafeína.",),
            (("Origen", "Colombia"), ("Proceso", "Descafeinado Mountain Water"), ("Notas de cata", "Nuez, miel")),
            grid("CAF-DES", SIZES_COFFEE[:1], GRINDS, stock=18),
            COFFEE_OPTIONS, "bag", 1, "0.300",
        ),
    ],
    "cafeteras-y-molinillos": [
        Product(
            "cafetera-italiana-clasica", "Cafetera italiana clásica", "Moka & Co.",
            "La cafetera de toda la vida, en aluminio fundido y con válvula de seguridad. Apta para gas y vitro.",
            ("Un diseño que no ha cambiado en décadas porque no hace falta: agua abajo, café en el filtro y "
             "fuego medio. En cuatro minutos tienes un café intenso y aromático.",
             "Las juntas y el filtro son de recambio, así que te durará muchos años."),
            (("Material", "Aluminio fundido"), ("Fuego", "Gas, vitrocerámica y eléctrica (no inducción)"),
             ("Asa", "Baquelita"), ("Fabricación", "Italia")),
            grid("MOK-CLA", (("3 tazas", "3T", "24.90", None), ("6 tazas", "6T", "32.90", None),
                             ("9 tazas", "9T", "29.90", "39.90")), (("Plata", "PL"), ("Negro", "NG")),
                 stock=15, low=("MOK-CLA-9T-NG",), sold_out=("MOK-CLA-3T-NG",)),
            ("Tamaño", "Color"), "pot", 3, "0.650",
            related=("cafe-colombia-huila", "molinillo-manual-de-acero"),
            articles=("como-elegir-tu-primera-cafetera", "cinco-errores-al-preparar-cafe-en-casa"),
            faq=(("¿Sirve para inducción?", "No: el aluminio no funciona en inducción. Usa un disco adaptador."),
                 ("¿Cómo se limpia?", "Solo con agua caliente y sin jabón, y déjala secar desmontada.")),
        ),
        Product(
            "prensa-francesa", "Prensa francesa de vidrio", "Moka & Co.",
            "Cuerpo de borosilicato y filtro de acero de malla fina. Café con cuerpo en cuatro minutos.",
            ("La forma más sencilla de preparar un buen café de filtro: molienda gruesa, agua a 94 °C, cuatro "
             "minutos de espera y bajar el émbolo despacio.",),
            (("Material", "Vidrio de borosilicato y acero inoxidable"), ("Lavavajillas", "Sí"),
             ("Filtro", "Malla de acero de doble capa")),
            grid("PRE-FRA", (("350 ml", "350", "27.50", None), ("1 l", "1L", "34.90", None)), stock=22),
            ("Capacidad", ""), "jar", 2, "0.700",
            related=("cafe-etiopia-yirgacheffe", "molinillo-manual-de-acero"),
            articles=("como-elegir-tu-primera-cafetera",),
        ),
        Product(
            "gotero-de-ceramica", "Gotero de cerámica V", "Cerámica Alfar",
            "Gotero cónico de cerámica esmaltada para filtros de papel del número 2. Hecho a mano en Manises.",
            ("El gotero cónico permite controlar el flujo del agua y sacar lo mejor de los cafés de tueste claro. "
             "La cerámica mantiene la temperatura estable durante toda la extracción.",),
            (("Material", "Gres esmaltado"), ("Filtros", "Cónicos del n.º 2"), ("Tazas", "1 a 4")),
            choice("GOT-CER", "29.00", (("Blanco", "BL"), ("Arena", "AR"), ("Azul", "AZ")), 12, low=("GOT-CER-AZ",)),
            ("Color", ""), "cone", 2, "0.450",
            related=("filtros-de-papel", "hervidor-cuello-de-cisne", "cafe-etiopia-yirgacheffe"),
            articles=("como-elegir-tu-primera-cafetera",),
        ),
        Product(
            "filtros-de-papel", "Filtros de papel cónicos (100 u.)", "Moka & Co.",
            "Filtros sin blanquear para goteros cónicos del número 2. Paquete de 100 unidades.",
            ("Papel sin blanquear y sin sabor a papel si los enjuagas antes con agua caliente.",),
            (("Unidades", "100"), ("Tamaño", "N.º 2"), ("Papel", "Sin blanquear, compostable")),
            single("FIL-PAP-100", "6.50", 120), weight="0.150", kind="cone", images=1,
            related=("gotero-de-ceramica",),
        ),
        Product(
            "hervidor-cuello-de-cisne", "Hervidor de cuello de cisne", "Moka & Co.",
            "Hervidor eléctrico con control de temperatura al grado y caño fino para verter con precisión.",
            ("Elige la temperatura entre 40 y 100 °C y el hervidor la mantiene durante 30 minutos. El caño de "
             "cuello de cisne hace que verter en espiral sea fácil.",),
            (("Capacidad", "0,8 l"), ("Potencia", "1.200 W"), ("Temperatura", "40 a 100 °C"),
             ("Garantía", "3 años")),
            choice("HER-CIS", "79.00", (("Negro mate", "NG"), ("Blanco", "BL")), 9, was="95.00"),
            ("Color", ""), "pot", 2, "1.100",
            related=("gotero-de-ceramica", "te-verde-sencha"),
            articles=("cinco-errores-al-preparar-cafe-en-casa", "te-verde-temperatura-y-tiempo"),
        ),
        Product(
            "molinillo-manual-de-acero", "Molinillo manual de acero", "Molinos Lara",
            "Muelas cónicas de acero y 30 puntos de ajuste. De espresso a prensa francesa, sin enchufe.",
            ("Un molinillo manual preciso es la mejor inversión para mejorar tu café. Muele 20 gramos en menos "
             "de un minuto y cabe en la mochila.",),
            (("Muelas", "Cónicas de acero inoxidable, 38 mm"), ("Ajustes", "30 posiciones"),
             ("Capacidad", "25 g"), ("Garantía", "5 años")),
            single("MOL-MAN-01", "69.00", 14), weight="0.550", kind="jar", images=3,
            related=("cafe-etiopia-yirgacheffe", "prensa-francesa", "molinillo-electrico-conico"),
            articles=("molinillo-manual-o-electrico",),
        ),
        Product(
            "molinillo-electrico-conico", "Molinillo eléctrico de muelas cónicas", "Molinos Lara",
            "Molinillo eléctrico silencioso con 40 ajustes y temporizador. Agotado: vuelve el mes que viene.",
            ("Muelas cónicas de acero, motor lento que no calienta el café y un temporizador para moler siempre "
             "la misma dosis.",),
            (("Muelas", "Cónicas de acero, 40 mm"), ("Ajustes", "40"), ("Potencia", "150 W"),
             ("Depósito", "250 g")),
            single("MOL-ELE-01", "149.00", 0), weight="2.300", kind="machine", images=2,
            related=("molinillo-manual-de-acero", "mezcla-vitrina-espresso"),
            articles=("molinillo-manual-o-electrico",),
        ),
        Product(
            "cafetera-superautomatica-oficina", "Cafetera superautomática para oficinas", "OficinaCafé Pro",
            "Para equipos de 10 a 50 personas, con instalación, mantenimiento y café incluido. Pide presupuesto.",
            ("Una cafetera profesional con molinillo integrado, depósito de leche y conexión a la red de agua. "
             "La instalamos, la mantenemos y te enviamos el café cada mes.",
             "El precio depende del número de personas y del contrato: cuéntanos qué necesitas y te enviamos "
             "una propuesta en 48 horas."),
            (("Personas", "De 10 a 50"), ("Bebidas", "16 recetas programables"), ("Agua", "Conexión a red"),
             ("Servicio", "Instalación y mantenimiento incluidos")),
            single("OFI-SUP-01", "2490.00", 0), weight="28.000", kind="machine", images=2, quote_only=True,
            related=("mezcla-vitrina-espresso",),
        ),
    ],
    "te-e-infusiones": [
        Product(
            "te-verde-sencha", "Té verde sencha japonés", "Té Montaña",
            "Sencha de primera cosecha de Shizuoka: vegetal, dulce y fresco.",
            ("Hojas enteras cocidas al vapor nada más recogerlas. Infusiona a 75 °C durante un minuto y repite "
             "hasta tres veces con las mismas hojas.",),
            (("Origen", "Shizuoka, Japón"), ("Cosecha", "Primavera (shincha)"), ("Temperatura", "75 °C")),
            grid("TE-SEN", (("50 g", "50", "9.50", None), ("100 g", "100", "17.00", None)), stock=30),
            ("Tamaño", ""), "bag", 2, "0.120",
            related=("tetera-de-hierro-fundido", "infusor-de-acero", "hervidor-cuello-de-cisne"),
            articles=("te-verde-temperatura-y-tiempo",),
        ),
        Product(
            "matcha-ceremonial", "Matcha ceremonial", "Té Montaña",
            "Matcha de grado ceremonial de Uji, molido a la piedra. Agotado hasta la próxima cosecha.",
            ("Un matcha intenso y sin amargor, para tomar solo batido con chasen.",),
            (("Origen", "Uji, Japón"), ("Grado", "Ceremonial"), ("Formato", "Lata de 30 g")),
            single("TE-MAT-30", "24.00", 0), weight="0.080", kind="jar", images=1,
            related=("te-verde-sencha",),
            articles=("te-verde-temperatura-y-tiempo",),
        ),
        Product(
            "rooibos-naranja-canela", "Rooibos con naranja y canela", "Té Montaña",
            "Infusión sin teína, dulce y especiada. Para después de cenar.",
            ("Rooibos sudafricano con piel de naranja y canela de Ceilán. Sin teína, apto para niños.",),
            (("Ingredientes", "Rooibos, naranja, canela"), ("Teína", "Sin teína"), ("Temperatura", "95 °C")),
            grid("TE-ROO", (("100 g", "100", "7.90", None), ("250 g", "250", "16.50", None)), stock=26),
            ("Tamaño", ""), "bag", 1, "0.130",
            related=("infusor-de-acero",),
        ),
        Product(
            "tetera-de-hierro-fundido", "Tetera de hierro fundido", "Té Montaña",
            "Tetera tetsubin esmaltada por dentro, con infusor de acero. Guarda el calor durante mucho tiempo.",
            ("Fundida en hierro y esmaltada por dentro, así que no se oxida ni transmite sabor. No la pongas al "
             "fuego: calienta el agua aparte y viértela dentro.",),
            (("Capacidad", "0,9 l"), ("Material", "Hierro fundido esmaltado"), ("Infusor", "Acero inoxidable")),
            choice("TET-HIE", "59.00", (("Negro", "NG"), ("Verde", "VD"), ("Rojo", "RJ")), 3),
            ("Color", ""), "pot", 3, "1.400",
            related=("te-verde-sencha", "infusor-de-acero"),
            articles=("te-verde-temperatura-y-tiempo",),
        ),
        Product(
            "infusor-de-acero", "Infusor de acero para taza", "Té Montaña",
            "Infusor de malla fina que cabe en cualquier taza, con tapa que sirve de platillo.",
            ("Para preparar té en hoja en la taza, sin bolsitas.",),
            (("Material", "Acero inoxidable"), ("Diámetro", "7,5 cm"), ("Lavavajillas", "Sí")),
            (Variant("INF-ACE-01", "8.90", 45),), weight="0.060", kind="cup", images=1,
            related=("te-verde-sencha", "rooibos-naranja-canela"),
        ),
    ],
}
