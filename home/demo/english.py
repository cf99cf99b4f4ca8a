"""English text of the pages the demo translates, keyed by the Spanish page's slug.

Pages listed here are created as Wagtail translations of the Spanish ones
(same translation_key); the builder copies the Spanish page and replaces
only the text below. Product SKUs, prices and stock stay shared.
"""

from .catalog import COFFEE_WEEK, FEATURED

HOME = {
    "slug": "home",
    "title": "Coffee and kitchenware for every day",
    "hero_text": "Specialty coffee roasted every week and kitchen tools made to last, each one chosen by our team.",
    "hero_link_label": "Visit the shop",
    "body": (
        ("grid", "Best sellers", FEATURED),
        ("cta", "Coffee week", "Up to 25% off coffee, coffee makers and kettles.", "See the offers",
         "semana-del-cafe"),
        ("quote", "We sell what we use at home: if it does not convince us, it does not go in the shop.",
         "The Vitrina team"),
    ),
}

# slug -> (English title, English slug, English introduction)
INDEXES = {
    "tienda": ("Shop", "shop",
               "<p>Coffee, tea, kitchen and table. <b>Free shipping</b> over €50 in mainland Spain.</p>"),
    "revista": ("Magazine", "magazine", "Buying guides, recipes and tips to get the most out of your kitchen."),
    "cafe": ("Coffee", "coffee",
             "Specialty coffee roasted weekly in small batches, and everything to brew it at home."),
    "cafe-en-grano": ("Coffee beans and ground coffee", "coffee-beans",
                      "Single origins and house blends, ground for your coffee maker or sent as whole beans."),
    "cafeteras-y-molinillos": ("Coffee makers and grinders", "coffee-makers-and-grinders",
                               "Moka pots, French presses, pour-over drippers, grinders and kettles."),
    "te-e-infusiones": ("Tea and herbal teas", "tea", "Green and black teas, caffeine-free infusions and teapots."),
    "cocina": ("Kitchen", "kitchen", "Kitchen tools that last a lifetime: iron, steel, clay and olive wood."),
    "sartenes-y-ollas": ("Pans and pots", "pans-and-pots",
                         "Carbon-steel and non-stick pans, clay casseroles and pots for everyday cooking."),
    "cuchillos-y-utensilios": ("Knives and tools", "knives-and-tools",
                               "Forged knives, wooden boards and the tools you will reach for every day."),
    "mesa-y-vajilla": ("Tableware", "tableware",
                       "Cups, plates and glasses in stoneware and glass from small workshops."),
    "hogar-y-textil": ("Home and textiles", "home-and-textiles",
                       "Linen, wicker and wood for kitchen and dining room, and made-to-measure furniture."),
}

OPTION_NAMES = {"Tamaño": "Size", "Molienda": "Grind", "Color": "Colour", "Talla": "Size", "Capacidad": "Capacity"}
OPTION_VALUES = {
    "En grano": "Whole bean", "Molido espresso": "Espresso grind", "Molido filtro": "Filter grind",
    "3 tazas": "3 cups", "6 tazas": "6 cups", "9 tazas": "9 cups", "Plata": "Silver", "Negro": "Black",
    "Negro mate": "Matte black", "Blanco": "White", "Verde": "Green", "Rojo": "Red", "Azul cobalto": "Cobalt blue",
    "Miel": "Honey", "Natural": "Natural", "Terracota": "Terracotta", "Verde salvia": "Sage green",
}

# slug -> dict(title, slug, summary, text, specs)
PRODUCTS = {
    "cafe-etiopia-yirgacheffe": dict(
        title="Ethiopia Yirgacheffe coffee", slug="ethiopia-yirgacheffe-coffee",
        summary="Floral and citrusy, with notes of bergamot and black tea. Our best-selling origin for filter.",
        text=("A washed coffee from smallholders in the Gedeo zone, grown above 1,900 metres. We roast it light to "
              "keep its bright acidity and jasmine aroma.",
              "It shines in a V60, Chemex or French press. As espresso it makes a light, very fragrant cup."),
        specs=(("Origin", "Yirgacheffe, Ethiopia"), ("Variety", "Ethiopian heirloom"), ("Process", "Washed"),
               ("Tasting notes", "Jasmine, bergamot, lemon"), ("Roasting", "Every week in Valencia")),
    ),
    "cafe-colombia-huila": dict(
        title="Colombia Huila coffee", slug="colombia-huila-coffee",
        summary="Sweet and round, with caramel, red apple and cocoa. The everyday coffee you never tire of.",
        text=("Grown by the Pitalito growers' association in Huila. A balanced coffee that works as well in a moka "
              "pot as in an espresso machine.",),
        specs=(("Origin", "Huila, Colombia"), ("Variety", "Caturra and Castillo"), ("Process", "Washed"),
               ("Tasting notes", "Caramel, red apple, cocoa")),
    ),
    "mezcla-vitrina-espresso": dict(
        title="Vitrina Espresso blend", slug="vitrina-espresso-blend",
        summary="Our house espresso blend: chocolate, nuts and a thick crema.",
        text=("Brazil and Colombia in equal parts, roasted separately and blended afterwards. We pour it in the "
              "shop's café every day.",),
        specs=(("Blend", "50% Brazil, 50% Colombia"), ("Roast", "Medium"), ("Best for", "Espresso and milk")),
    ),
    "cafetera-italiana-clasica": dict(
        title="Classic moka pot", slug="classic-moka-pot",
        summary="The coffee maker of a lifetime, in cast aluminium with a safety valve. For gas and ceramic hobs.",
        text=("A design that has not changed in decades because it does not need to: water below, coffee in the "
              "basket and a medium flame. In four minutes you have a strong, aromatic coffee.",
              "Gaskets and filter are replaceable, so it will last for many years."),
        specs=(("Material", "Cast aluminium"), ("Hobs", "Gas, ceramic and electric (not induction)"),
               ("Handle", "Bakelite"), ("Made in", "Italy")),
    ),
    "prensa-francesa": dict(
        title="Glass French press", slug="glass-french-press",
        summary="Borosilicate body and fine-mesh steel filter. Full-bodied coffee in four minutes.",
        text=("The simplest way to brew good coffee: coarse grind, water at 94 °C, four minutes and press slowly.",),
        specs=(("Material", "Borosilicate glass and stainless steel"), ("Dishwasher safe", "Yes"),
               ("Filter", "Double-layer steel mesh")),
    ),
    "gotero-de-ceramica": dict(
        title="Ceramic V dripper", slug="ceramic-v-dripper",
        summary="Glazed ceramic cone dripper for size 2 paper filters. Handmade in Manises.",
        text=("A cone dripper lets you control the flow of water and brings out the best in light roasts. Ceramic "
              "keeps the temperature steady through the whole brew.",),
        specs=(("Material", "Glazed stoneware"), ("Filters", "Size 2 cones"), ("Cups", "1 to 4")),
    ),
    "filtros-de-papel": dict(
        title="Paper cone filters (100)", slug="paper-cone-filters",
        summary="Unbleached filters for size 2 cone drippers. Pack of 100.",
        text=("Unbleached paper with no papery taste if you rinse it with hot water first.",),
        specs=(("Count", "100"), ("Size", "No. 2"), ("Paper", "Unbleached, compostable")),
    ),
    "hervidor-cuello-de-cisne": dict(
        title="Gooseneck kettle", slug="gooseneck-kettle",
        summary="Electric kettle with temperature control to the degree and a fine spout for precise pouring.",
        text=("Choose any temperature from 40 to 100 °C and the kettle holds it for 30 minutes. The gooseneck "
              "spout makes pouring in spirals easy.",),
        specs=(("Capacity", "0.8 l"), ("Power", "1,200 W"), ("Temperature", "40 to 100 °C"),
               ("Warranty", "3 years")),
    ),
    "molinillo-manual-de-acero": dict(
        title="Steel hand grinder", slug="steel-hand-grinder",
        summary="Conical steel burrs and 30 settings. From espresso to French press, no plug needed.",
        text=("A precise hand grinder is the best investment to improve your coffee. It grinds 20 grams in under "
              "a minute and fits in a backpack.",),
        specs=(("Burrs", "Conical stainless steel, 38 mm"), ("Settings", "30 positions"), ("Capacity", "25 g"),
               ("Warranty", "5 years")),
    ),
    "cafetera-superautomatica-oficina": dict(
        title="Bean-to-cup coffee machine for offices", slug="office-coffee-machine",
        summary="For teams of 10 to 50 people, with installation, maintenance and coffee included. Ask for a quote.",
        text=("A professional machine with built-in grinder, milk tank and mains water connection. We install it, "
              "service it and send you coffee every month.",
              "The price depends on the size of your team and the contract: tell us what you need and we will "
              "send you a proposal within 48 hours."),
        specs=(("People", "10 to 50"), ("Drinks", "16 programmable recipes"), ("Water", "Mains connection"),
               ("Service", "Installation and maintenance included")),
    ),
    "tetera-de-hierro-fundido": dict(
        title="Cast-iron teapot", slug="cast-iron-teapot",
        summary="Tetsubin teapot, enamelled inside, with a steel infuser. Keeps the heat for a long time.",
        text=("Cast in iron and enamelled inside, so it neither rusts nor adds flavour. Do not put it on the hob: "
              "heat the water separately and pour it in.",),
        specs=(("Capacity", "0.9 l"), ("Material", "Enamelled cast iron"), ("Infuser", "Stainless steel")),
    ),
    "sarten-de-hierro-forjado": dict(
        title="Forged carbon-steel pan", slug="forged-carbon-steel-pan",
        summary="2.5 mm forged steel, pre-seasoned with linseed oil. Browns like nothing else and lasts generations.",
        text=("Forged in a single piece in Durango, with no rivets or coatings. It becomes more non-stick the more "
              "you use it.",
              "Suitable for every hob, induction included, and for the oven."),
        specs=(("Material", "2.5 mm forged steel"), ("Hobs", "All, including induction, and oven"),
               ("Finish", "Pre-seasoned with linseed oil"), ("Made in", "Durango, Spain")),
    ),
    "cuchillo-de-chef": dict(
        title="20 cm chef's knife", slug="chefs-knife",
        summary="Carbon steel forged in Toledo with a walnut handle. The knife you will use for everything.",
        text=("A 20 cm carbon-steel blade hardened to 60 HRC: it cuts finely and is easy to sharpen. The walnut "
              "handle is oil-finished.",),
        specs=(("Blade", "20 cm, carbon steel"), ("Hardness", "60 HRC"), ("Handle", "Oiled walnut"),
               ("Made in", "Toledo")),
    ),
    "taza-de-gres": dict(
        title="Glazed stoneware mug", slug="stoneware-mug",
        summary="A 300 ml hand-thrown mug with a reactive glaze: every one comes out of the kiln different.",
        text=("High-fired stoneware: tough, dishwasher and microwave safe.",),
        specs=(("Capacity", "300 ml"), ("Material", "Stoneware"), ("Dishwasher safe", "Yes"),
               ("Made in", "Manises")),
    ),
    "delantal-de-lino": dict(
        title="Linen apron", slug="linen-apron",
        summary="Heavy linen apron with a double pocket and long ties that cross at the back.",
        text=("280 g/m² linen that stands up to stains, washes and years of cooking.",),
        specs=(("Material", "100% linen, 280 g/m²"), ("Pockets", "Double front pocket"), ("Washing", "40 °C")),
    ),
}

# slug -> dict(title, slug, intro, tags, body); bodies use the same block tuples as the Spanish ones.
ARTICLES = {
    "como-elegir-tu-primera-cafetera": dict(
        title="How to choose your first coffee maker", slug="how-to-choose-your-first-coffee-maker",
        intro="Moka pot, French press or pour-over: what cup each one makes, what it costs and which suits you.",
        tags=("Buying guides", "Coffee"),
        body=(
            ("p", "Before looking at prices, ask yourself: how do you like your coffee? If you want it strong and "
                  "with milk, the moka pot is hard to beat. If you prefer long, aromatic cups, pour-over or a "
                  "French press will give you more nuances."),
            ("h2", "The moka pot: strong and for life"),
            ("p", "Cheap, without capsules or plugs and nearly indestructible. The trick is a medium flame and "
                  "taking it off the heat as soon as it starts to gurgle."),
            ("product", "cafetera-italiana-clasica"),
            ("h2", "French press and pour-over: more flavour, more control"),
            ("p", "The French press makes a full-bodied coffee and is the easiest to use. Pour-over takes some "
                  "practice but rewards you with clean cups where origin and roast shine."),
            ("grid", "Our favourite coffee makers", ("prensa-francesa", "hervidor-cuello-de-cisne",
                                                     "molinillo-manual-de-acero")),
            ("cta", "Know which one you want?", "Free shipping over €50 in mainland Spain.", "Visit the shop",
             "tienda"),
        ),
    ),
    "que-es-el-cafe-de-especialidad": dict(
        title="Specialty coffee: what it means and why it tastes different",
        slug="what-is-specialty-coffee",
        intro="Traceability, scores and fresh roasting: what is behind the label and why you will taste it.",
        tags=("Coffee",),
        body=(
            ("p", "A coffee is 'specialty' when it scores over 80 out of 100 in an SCA cupping. But the score is only "
                  "the start: behind it there is a known farm, a specific harvest and a fair price for the grower."),
            ("quote", "Specialty coffee is not a luxury: it is knowing where your morning cup comes from.",
             "Lucía Ferrer"),
            ("h2", "Always freshly roasted"),
            ("p", "Coffee loses its aroma weeks after roasting. That is why we roast every Monday and ship during the "
                  "week: your bag arrives with the roast date printed on it."),
            ("grid", "Two origins to start with", ("cafe-etiopia-yirgacheffe", "cafe-colombia-huila")),
            ("image", "product:cafe-etiopia-yirgacheffe:2", "Freshly roasted Ethiopian coffee in our roastery.",
             "Bag of Ethiopia Yirgacheffe coffee"),
        ),
    ),
    "curar-una-sarten-de-hierro": dict(
        title="How to season and care for a carbon-steel pan", slug="how-to-season-a-carbon-steel-pan",
        intro="Well seasoned, a carbon-steel pan is more non-stick than many coated ones, and it lasts a lifetime.",
        tags=("Kitchen", "Tips"),
        body=(
            ("p", "Iron has a reputation for rusting and sticking, but both problems have the same cure: a layer of "
                  "polymerised oil that builds up with use. That is seasoning."),
            ("h2", "The first seasoning"),
            ("p", "Wash the pan in hot water, dry it on the hob and spread a very thin layer of linseed or sunflower "
                  "oil. Bake it upside down for an hour at 230 °C and let it cool in the oven."),
            ("product", "sarten-de-hierro-forjado"),
            ("h2", "Day to day"),
            ("p", "No dishwasher and no soaking. Hot water, a soft sponge, dry it on the hob and a few drops of oil. "
                  "The more you use it, the better it works."),
            ("faq", "Common problems", (
                ("It has rust spots, should I throw it away?", "No: scrub with steel wool, wash, dry and season "
                 "again."),
                ("Can I cook tomato in it?", "Yes, but do not leave it for hours: acid wears the seasoning."),
            )),
        ),
    ),
}

# Spanish slug -> (title, slug, intro, body)
PAGES = {
    "quienes-somos": ("About us", "about-us",
                      "We are a small shop in Valencia: we roast coffee and sell the things we use in our kitchen.", (
        ("p", "Vitrina started in 2016 as a café with a roaster in the back room. Customers asked about the coffee "
              "maker, the mugs, the pan we made toast in… and we started selling them."),
        ("p", "Today we work with some twenty workshops and producers, almost all in Spain. We try every product at "
              "home before selling it, and we prefer a few good things to many average ones."),
        ("quote", "We want what you buy here to last you ten years.", "Ana and Jorge, founders"),
        ("cta", "Visit the shop", "Freshly roasted coffee, kitchen and table.", "Visit the shop", "tienda"),
    )),
    "envios-y-devoluciones": ("Shipping and returns", "shipping-and-returns",
                              "We ship across Spain in 24 to 72 hours, and you have 30 days to return anything.", (
        ("h2", "Shipping"),
        ("p", "<p>Orders placed before 1 pm leave the same working day.</p><ul>"
              "<li>Mainland Spain: €4.90, <b>free over €50</b>, 24 to 48 hours.</li>"
              "<li>Balearic Islands: €7.90, 48 to 72 hours.</li>"
              "<li>Canary Islands, Ceuta and Melilla: ask us (shipping includes customs paperwork).</li></ul>"),
        ("h2", "Returns"),
        ("p", "You have 30 days from delivery to return your order, unused and in its packaging; coffee unopened. "
              "We refund you within 14 days of receiving it, to the same payment method."),
        ("p", "Made-to-measure products cannot be returned unless they are faulty."),
    )),
    "preguntas-frecuentes": ("Frequently asked questions", "faq",
                             "The questions we are asked most about orders, shipping, payment and coffee.", (
        ("faq", "Orders and payment", (
            ("Which payment methods do you accept?", "PayPal, credit or debit card (through PayPal) and bank "
             "transfer."),
            ("Can I change an order?", "Yes, as long as it has not left the warehouse. Write to us at "
             "hola@vitrina.example as soon as possible."),
        )),
        ("faq", "Shipping", (
            ("How long does shipping take?", "24 to 48 hours in mainland Spain, 48 to 72 to the Balearic Islands."),
            ("Do you ship abroad?", "For now only to Portugal and Andorra. More countries soon."),
        )),
        ("faq", "Coffee", (
            ("When do you roast?", "Every Monday. We ship the coffee during that week."),
            ("Which grind should I choose?", "Espresso for moka pots and espresso machines; filter for pour-over "
             "and French press. If you have a grinder, order whole beans."),
        )),
    )),
    "semana-del-cafe": ("Coffee week", "coffee-week",
                        "Monday to Sunday, discounts on specialty coffee, coffee makers and kettles, "
                        "while stocks last.", (
        ("p", "We celebrate International Coffee Day with a week of offers on everything you need to brew good "
              "coffee at home. Reduced prices show the old price crossed out on each product."),
        ("grid", "This week's offers", COFFEE_WEEK),
        ("cta", "Not sure which coffee maker?", "Read our guide and pick the one that suits you.", "Read the guide",
         "como-elegir-tu-primera-cafetera"),
    )),
}
