"""The buyer's side of the loopback PayPal: the approval page behind the order's approval link.

GET /checkoutnow?token=ID shows the order total with a "Pagar"/"Approve" and a
"Cancelar"/"Cancel" button (ids `approve` and `cancel`, for browser tests).
The form POSTs back to /checkoutnow; approving marks the order APPROVED and
redirects (303) to return_url?token=ID&PayerID=..., cancelling redirects to
cancel_url?token=ID, as PayPal does.
"""

from html import escape
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

from tests.paypal_server.replies import ApiError

LABELS = {
    "es": {"title": "Pagar con PayPal (prueba)", "approve": "Pagar", "cancel": "Cancelar", "done": "Pedido aprobado"},
    "en": {"title": "Pay with PayPal (test)", "approve": "Approve", "cancel": "Cancel", "done": "Order approved"},
}

PAGE = """<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title></head>
<body>
<h1>{title}</h1>
<p>{brand}: <strong id="amount">{amount} {currency}</strong> &middot; <span id="status">{status}</span></p>
<form method="post" action="/checkoutnow">
<input type="hidden" name="token" value="{token}">
<button type="submit" name="action" value="approve" id="approve">{approve}</button>
<button type="submit" name="action" value="cancel" id="cancel">{cancel}</button>
</form>
</body></html>
"""


def _labels(order):
    return LABELS["es" if order.experience.get("locale", "es-ES").startswith("es") else "en"]


def approval_page(paypal, query):
    """(status, headers, body) for GET /checkoutnow?token=ID."""
    token = (parse_qs(query).get("token") or [""])[0]
    order = paypal.orders.get(token)
    if order is None:
        return _html(404, "<!doctype html><title>PayPal</title><p>Unknown token</p>")
    labels = _labels(order)
    amount, currency = order.amount
    html = PAGE.format(
        lang="es" if labels is LABELS["es"] else "en",
        title=labels["title"],
        brand=escape(order.experience.get("brand_name", "Merchant")),
        amount=amount,
        currency=currency,
        status=order.status,
        token=escape(order.id),
        approve=labels["approve"],
        cancel=labels["cancel"],
    )
    return _html(200, html)


def approval_submit(paypal, body):
    """(status, headers, body) for the approval form: approve or cancel, then back to the shop."""
    form = parse_qs(body.decode("utf-8", "replace"))
    token = (form.get("token") or [""])[0]
    action = (form.get("action") or ["approve"])[0]
    order = paypal.orders.get(token)
    if order is None:
        return _html(404, "<!doctype html><title>PayPal</title><p>Unknown token</p>")
    if action == "cancel":
        target = order.experience.get("cancel_url")
        params = {"token": order.id}
    else:
        try:
            order = paypal.approve(order.id)
        except ApiError:
            return _html(404, "<!doctype html><title>PayPal</title><p>Unknown token</p>")
        target = order.experience.get("return_url")
        params = {"token": order.id, "PayerID": order.payer_id}
    if not target:  # no URL to go back to: say what happened
        return _html(200, f"<!doctype html><title>PayPal</title><p>{_labels(order)['done']}: {order.status}</p>")
    return 303, {"Location": add_query(target, params)}, b""


def add_query(url, params):
    """`url` with `params` appended to whatever query it already has."""
    parts = urlsplit(url)
    query = f"{parts.query}&{urlencode(params)}" if parts.query else urlencode(params)
    return urlunsplit(parts._replace(query=query))


def _html(status, html):
    return status, {"Content-Type": "text/html; charset=utf-8"}, html.encode("utf-8")
