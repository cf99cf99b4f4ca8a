"""Links to a parcel's tracking page at the carrier, from the carrier's name and tracking number.

Staff type the carrier's name when they mark an order shipped; for the
carriers below the customer gets a link. Others show the number only.
"""

from urllib.parse import quote

TRACKING_URLS = {
    "correos": "https://www.correos.es/es/es/herramientas/localizador/envios/detalle?tracking-number={number}",
    "correos express": "https://s.correosexpress.com/search?shippingNumber={number}",
    "seur": "https://www.seur.com/livetracking/?segOnlineIdentificador={number}",
    "mrw": "https://www.mrw.es/seguimiento_envios/MRW_resultados_consultas.asp?modo=nacional&envio={number}",
    "gls": "https://gls-group.com/ES/es/seguimiento-envio?match={number}",
    "dhl": "https://www.dhl.com/es-es/home/tracking.html?tracking-id={number}",
    "ups": "https://www.ups.com/track?tracknum={number}",
    "fedex": "https://www.fedex.com/fedextrack/?trknbr={number}",
}


def tracking_url(carrier, number):
    """The carrier's tracking page for `number`, or "" for a carrier we have no link for."""
    template = TRACKING_URLS.get((carrier or "").strip().lower())
    if not template or not number:
        return ""
    return template.format(number=quote(number.strip(), safe=""))
