"""Words the synthetic catalogue is made of, in Spanish with an English twin.

Product types are grouped by category; names combine a type, an adjective, a
material and a size, so a query such as "cafetera acero" matches a realistic
share of the catalogue. Descriptions add sentences over a Zipf-distributed
general vocabulary (Faker's Spanish and English word lists, which are sorted
by frequency), so the index has a long tail of rare words as real text does.
"""

# (slug, Spanish title, English title, [(Spanish type, English type), ...])
CATEGORIES = [
    ("cafeteras", "Cafeteras", "Coffee makers", [
        ("Cafetera italiana", "Stovetop coffee maker"), ("Cafetera de émbolo", "French press"),
        ("Cafetera de goteo", "Drip coffee maker"), ("Cafetera eléctrica", "Electric coffee maker"),
    ]),
    ("cafe-en-grano", "Café en grano", "Coffee beans", [
        ("Café en grano", "Coffee beans"), ("Café molido", "Ground coffee"), ("Café descafeinado", "Decaf coffee")]),
    ("capsulas", "Cápsulas", "Capsules", [
        ("Cápsulas de café", "Coffee capsules"), ("Cápsulas compostables", "Compostable capsules")]),
    ("molinillos", "Molinillos", "Grinders", [
        ("Molinillo manual", "Manual grinder"), ("Molinillo eléctrico", "Electric grinder")]),
    ("tazas", "Tazas", "Cups and mugs", [
        ("Taza de café", "Coffee cup"), ("Taza de desayuno", "Breakfast mug"), ("Juego de tazas", "Cup set")]),
    ("teteras", "Teteras", "Teapots", [("Tetera", "Teapot"), ("Hervidor de agua", "Kettle")]),
    ("te-e-infusiones", "Té e infusiones", "Tea", [
        ("Té verde", "Green tea"), ("Té negro", "Black tea"), ("Infusión de hierbas", "Herbal infusion")]),
    ("sartenes", "Sartenes", "Frying pans", [("Sartén", "Frying pan"), ("Sartén honda", "Deep frying pan"),
                                             ("Plancha de asar", "Griddle")]),
    ("ollas", "Ollas y cacerolas", "Pots", [("Olla", "Stock pot"), ("Cacerola", "Casserole"),
                                             ("Olla a presión", "Pressure cooker")]),
    ("cuchillos", "Cuchillos", "Knives", [("Cuchillo de cocinero", "Chef's knife"), ("Cuchillo panero", "Bread knife"),
                                          ("Juego de cuchillos", "Knife set")]),
    ("tablas", "Tablas de cortar", "Cutting boards", [("Tabla de cortar", "Cutting board"),
                                                      ("Tabla de servir", "Serving board")]),
    ("utensilios", "Utensilios", "Utensils", [("Espátula", "Spatula"), ("Cucharón", "Ladle"), ("Pinzas", "Tongs"),
                                              ("Batidor de varillas", "Whisk")]),
    ("vajilla", "Vajilla", "Dinnerware", [("Plato llano", "Dinner plate"), ("Plato hondo", "Soup plate"),
                                          ("Vajilla completa", "Dinner set")]),
    ("cuberteria", "Cubertería", "Cutlery", [("Cubertería", "Cutlery set"), ("Cucharillas de café", "Coffee spoons")]),
    ("cristaleria", "Cristalería", "Glassware", [("Vaso", "Tumbler"), ("Copa de vino", "Wine glass"),
                                                ("Jarra", "Jug")]),
    ("manteleria", "Mantelería", "Table linen", [("Mantel", "Tablecloth"), ("Servilletas", "Napkins"),
                                                ("Camino de mesa", "Table runner")]),
    ("textil-cocina", "Textil de cocina", "Kitchen textiles", [("Paño de cocina", "Tea towel"), ("Delantal", "Apron"),
                                                               ("Manopla de horno", "Oven mitt")]),
    ("almacenaje", "Almacenaje", "Storage", [("Bote hermético", "Airtight jar"), ("Recipiente", "Container"),
                                             ("Panera", "Bread bin")]),
    ("reposteria", "Repostería", "Baking", [("Molde de bizcocho", "Cake tin"), ("Bandeja de horno", "Baking tray"),
                                            ("Rodillo", "Rolling pin")]),
    ("electrodomesticos", "Pequeño electrodoméstico", "Small appliances", [
        ("Batidora", "Blender"), ("Tostadora", "Toaster"), ("Exprimidor", "Juicer"),
        ("Báscula de cocina", "Kitchen scale")]),
    ("cojines", "Cojines", "Cushions", [("Cojín", "Cushion"), ("Funda de cojín", "Cushion cover")]),
    ("mantas", "Mantas", "Throws", [("Manta", "Throw"), ("Plaid", "Plaid")]),
    ("ropa-de-cama", "Ropa de cama", "Bed linen", [("Juego de sábanas", "Sheet set"), ("Funda nórdica", "Duvet cover"),
                                                  ("Almohada", "Pillow")]),
    ("bano", "Baño", "Bathroom", [("Toalla", "Towel"), ("Albornoz", "Bathrobe"), ("Alfombra de baño", "Bath mat")]),
    ("velas", "Velas y aromas", "Candles", [("Vela aromática", "Scented candle"), ("Difusor", "Diffuser")]),
    ("iluminacion", "Iluminación", "Lighting", [("Lámpara de mesa", "Table lamp"), ("Lámpara colgante", "Pendant lamp"),
                                               ("Bombilla", "Light bulb")]),
    ("decoracion", "Decoración", "Decor", [("Jarrón", "Vase"), ("Espejo", "Mirror"),
                                           ("Marco de fotos", "Photo frame")]),
    ("cestas", "Cestas", "Baskets", [("Cesta", "Basket"), ("Cesto de ropa", "Laundry basket")]),
    ("jardin", "Jardín y terraza", "Garden", [("Maceta", "Plant pot"), ("Regadera", "Watering can"),
                                              ("Farolillo", "Lantern")]),
    ("limpieza", "Limpieza", "Cleaning", [("Cepillo", "Brush"), ("Bayeta", "Cloth"), ("Escoba", "Broom")]),
]

ADJECTIVES = [
    ("clásica", "classic"), ("moderna", "modern"), ("compacta", "compact"), ("grande", "large"),
    ("pequeña", "small"), ("artesanal", "handmade"), ("profesional", "professional"), ("nórdica", "Nordic"),
    ("rústica", "rustic"), ("ligera", "light"), ("reforzada", "reinforced"), ("plegable", "folding"),
    ("vintage", "vintage"), ("minimalista", "minimalist"), ("ecológica", "eco-friendly"), ("premium", "premium"),
]

MATERIALS = [
    ("acero inoxidable", "stainless steel"), ("aluminio", "aluminium"), ("hierro fundido", "cast iron"),
    ("cerámica", "ceramic"), ("porcelana", "porcelain"), ("gres", "stoneware"), ("vidrio", "glass"),
    ("vidrio borosilicato", "borosilicate glass"), ("bambú", "bamboo"), ("madera de olivo", "olive wood"),
    ("madera de haya", "beech wood"), ("algodón", "cotton"), ("lino", "linen"), ("lana", "wool"),
    ("cobre", "copper"), ("silicona", "silicone"), ("mimbre", "wicker"), ("yute", "jute"), ("mármol", "marble"),
    ("terracota", "terracotta"),
]

COLOURS = [
    ("blanco", "white"), ("negro", "black"), ("gris", "grey"), ("azul", "blue"), ("verde", "green"),
    ("rojo", "red"), ("mostaza", "mustard"), ("arena", "sand"), ("terracota", "terracotta"), ("natural", "natural"),
]
SIZES = [("S", "S"), ("M", "M"), ("L", "L"), ("20 cm", "20 cm"), ("24 cm", "24 cm"), ("28 cm", "28 cm"),
         ("3 tazas", "3 cups"), ("6 tazas", "6 cups"), ("9 tazas", "9 cups"), ("250 g", "250 g"), ("1 kg", "1 kg")]

USES = [
    ("el uso diario", "everyday use"), ("regalar", "gifting"), ("cocinas pequeñas", "small kitchens"),
    ("la hostelería", "restaurants"), ("el desayuno", "breakfast"), ("el café de especialidad", "specialty coffee"),
    ("la inducción", "induction hobs"), ("el lavavajillas", "the dishwasher"), ("el exterior", "outdoor use"),
]
FINISHES = [("mate", "matte"), ("brillante", "glossy"), ("satinado", "satin"), ("esmaltado", "enamelled"),
            ("pulido", "polished"), ("texturizado", "textured")]
ORIGINS = [("España", "Spain"), ("Portugal", "Portugal"), ("Italia", "Italy"), ("Galicia", "Galicia"),
           ("Valencia", "Valencia"), ("Andalucía", "Andalusia"), ("Japón", "Japan")]

SPEC_NAMES = [("Material", "Material"), ("Dimensiones", "Dimensions"), ("Peso", "Weight"),
              ("Garantía", "Warranty"), ("Origen", "Origin"), ("Cuidados", "Care")]
CARE = [("Apto para lavavajillas", "Dishwasher safe"), ("Lavar a mano", "Hand wash"),
        ("Lavar a 40 °C", "Machine wash at 40 °C"), ("Limpiar con un paño húmedo", "Wipe clean")]

# Brand names: two syllables from these lists, 60 of them.
BRAND_STARTS = ["Casa", "Alba", "Terra", "Luz", "Mar", "Sol", "Vera", "Nube", "Roble", "Olivo", "Brisa", "Lumen"]
BRAND_ENDS = ["vela", "nova", "lia", "mar", "sur", "ra", "dia", "cor", "bel", "tia"]
