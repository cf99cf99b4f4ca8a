"""The loopback server's PayPal: orders, captures and refunds kept in memory, with PayPal's rules.

Orders go CREATED/PAYER_ACTION_REQUIRED -> APPROVED (buyer approves) ->
COMPLETED (captured); capturing an unapproved order answers 422
ORDER_NOT_APPROVED, a second capture 422 ORDER_ALREADY_CAPTURED; refunds may
not exceed what is left of a capture. A repeated PayPal-Request-Id replays the
first successful answer without doing the work again. One lock guards all
state, so parallel requests from several threads behave like PayPal.
"""

import copy
import secrets
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from tests.paypal_server.amounts import check_order_request, money, parse_money
from tests.paypal_server.faults import FaultBook
from tests.paypal_server.replies import ApiError, Reply, minimal, not_found, unprocessable
from tests.paypal_server.webhooks import is_valid, now_iso

ID_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # PayPal ids: no 0, 1, I or O
CAPTURE, REFUND = ("orders", "orders.capture-422"), ("payments", "captures.refund-422")
FEE_RATE, FEE_FIXED = Decimal("0.034"), Decimal("0.35")


def new_id(length=17):
    """A random upper-case id like PayPal's (5O190127TN364715T)."""
    return "".join(secrets.choice(ID_ALPHABET) for _ in range(length))


@dataclass
class FakeOrder:
    """One PayPal order: the create body as received, and what happened to it since."""

    id: str
    request: dict
    status: str
    create_time: str = field(default_factory=now_iso)
    update_time: str = field(default_factory=now_iso)
    payer_id: str = ""
    capture_ids: list = field(default_factory=list)

    @property
    def unit(self):
        return self.request["purchase_units"][0]

    @property
    def amount(self):
        """(Decimal, currency) of the order total."""
        return parse_money(self.unit["amount"])

    @property
    def experience(self):
        source = (self.request.get("payment_source") or {}).get("paypal") or {}
        return source.get("experience_context") or self.request.get("application_context") or {}


@dataclass
class FakeCapture:
    id: str
    order_id: str
    amount: Decimal
    currency: str
    status: str = "COMPLETED"
    refund_ids: list = field(default_factory=list)
    create_time: str = field(default_factory=now_iso)
    update_time: str = field(default_factory=now_iso)


@dataclass
class FakeRefund:
    id: str
    capture_id: str
    amount: Decimal
    currency: str
    status: str = "COMPLETED"
    create_time: str = field(default_factory=now_iso)


class FakePayPal:
    """PayPal's behaviour behind the HTTP layer; every public method takes the lock."""

    def __init__(self, base_url, *, webhook_id, token_lifetime=32400):
        self.base_url = base_url
        self.webhook_id = webhook_id
        self.webhook_secret = secrets.token_bytes(32)
        self.cert_url = f"{base_url}/v1/notifications/certs/CERT-360caa42-fca2a594-a5cafa77"
        self.token_lifetime = token_lifetime
        self.lock = threading.RLock()
        self.orders, self.captures, self.refunds = {}, {}, {}
        self.tokens = {}  # access token -> monotonic expiry
        self.replays = {}  # (operation, resource id, PayPal-Request-Id) -> first successful Reply
        self.work = Counter()  # how many times each operation really did its work
        self.faults = FaultBook()

    # -- tokens --------------------------------------------------------------

    def _issue_token(self):
        token = "A21AA" + secrets.token_urlsafe(48)
        self.tokens[token] = time.monotonic() + self.token_lifetime
        self.work["token"] += 1
        body = {
            "scope": "https://uri.paypal.com/services/payments/payment https://uri.paypal.com/services/payments/refund",
            "access_token": token,
            "token_type": "Bearer",
            "app_id": "APP-80W284485P519543T",
            "expires_in": self.token_lifetime,
            "nonce": now_iso() + secrets.token_hex(8),
        }
        return Reply(200, body)

    def is_valid_token(self, token):
        with self.lock:
            return self.tokens.get(token, 0) > time.monotonic()

    def revoke_tokens(self):
        with self.lock:
            self.tokens.clear()

    # -- dispatch: faults, idempotency, then the operation ----------------------

    def handle(self, operation, resource_id=None, body=None, request_id=None, prefer=""):
        """The Reply for one API call, with injected faults and PayPal-Request-Id replays applied."""
        with self.lock:
            fault = self.faults.take(operation)
            if fault and fault.name in ("timeout", "http_500"):
                return fault.reply()
            key = (operation, resource_id, request_id) if request_id else None
            if key in self.replays:  # PayPal answers a repeated create/capture with 200 instead of 201
                reply = self.replays[key]
                reply = reply.with_changes(status=200) if operation in ("create", "capture") else reply
            else:
                reply = self._run(operation, resource_id, body, fault)
                if key and reply.status < 300:
                    self.replays[key] = reply
            if operation in ("create", "capture", "refund") and "return=representation" not in prefer:
                reply = minimal(reply)
            return fault.alter(reply) if fault else reply

    def _run(self, operation, resource_id, body, fault):
        try:
            if operation == "token":
                return self._issue_token()
            if operation == "verify":
                return self._verify(body, fault)
            if operation == "create":
                return self._create(body)
            if operation == "show":
                return Reply(200, self.order_json(self._order(resource_id)))
            if operation == "capture":
                return self._capture(self._order(resource_id), fault)
            if operation == "show_capture":
                return Reply(200, self.capture_json(self._capture_by_id(resource_id), standalone=True))
            if operation == "refund":
                return self._refund(self._capture_by_id(resource_id), body or {})
            raise LookupError(operation)
        except ApiError as error:
            return error.reply

    def _order(self, order_id):
        if order_id not in self.orders:
            raise not_found(order_id)
        return self.orders[order_id]

    def _capture_by_id(self, capture_id):
        if capture_id not in self.captures:
            raise not_found(capture_id)
        return self.captures[capture_id]

    def _verify(self, body, fault):
        genuine = not (fault and fault.name == "webhook_failure")
        genuine = genuine and is_valid(self.webhook_secret, self.cert_url, self.webhook_id, body)
        self.work["verify"] += 1
        return Reply(200, {"verification_status": "SUCCESS" if genuine else "FAILURE"})

    # -- orders ----------------------------------------------------------------

    def _create(self, body):
        check_order_request(body)
        wallet = (body.get("payment_source") or {}).get("paypal")
        order = FakeOrder(
            id=new_id(), request=copy.deepcopy(body), status="PAYER_ACTION_REQUIRED" if wallet else "CREATED"
        )
        self.orders[order.id] = order
        self.work["create"] += 1
        return Reply(201, self.order_json(order))

    def approve(self, order_id):
        """The buyer approves at PayPal: the order becomes APPROVED (idempotent once approved)."""
        with self.lock:
            order = self._order(order_id)
            if order.status in ("CREATED", "PAYER_ACTION_REQUIRED"):
                order.status, order.payer_id, order.update_time = "APPROVED", new_id(13), now_iso()
            return order

    def _capture(self, order, fault):
        if fault and fault.name == "instrument_declined":
            raise unprocessable(
                "INSTRUMENT_DECLINED", "Declined.", redirect=self.approval_url(order), documented_in=CAPTURE
            )
        if fault and fault.name == "order_already_captured":
            if order.status == "APPROVED" and fault.options.get("capture", True):
                self._take_payment(order, *order.amount)
            raise unprocessable("ORDER_ALREADY_CAPTURED", "Order already captured.", documented_in=CAPTURE)
        if order.status == "COMPLETED":
            raise unprocessable("ORDER_ALREADY_CAPTURED", "Order already captured.", documented_in=CAPTURE)
        if order.status != "APPROVED":
            raise unprocessable("ORDER_NOT_APPROVED", "Payer has not yet approved the Order.", documented_in=CAPTURE)
        amount, currency = order.amount
        if fault and fault.name == "amount_mismatch":
            amount = Decimal(str(fault.options.get("amount", amount + 1)))
            currency = fault.options.get("currency", currency)
        self._take_payment(order, amount, currency)
        return Reply(201, self.order_json(order))

    def _take_payment(self, order, amount, currency):
        capture = FakeCapture(id=new_id(), order_id=order.id, amount=amount, currency=currency)
        self.captures[capture.id] = capture
        order.capture_ids.append(capture.id)
        order.status, order.update_time = "COMPLETED", now_iso()
        self.work["capture"] += 1

    # -- refunds -----------------------------------------------------------------

    def _refund(self, capture, body):
        refunded = sum((self.refunds[i].amount for i in capture.refund_ids), Decimal(0))
        remaining = capture.amount - refunded
        if capture.status == "REFUNDED" or remaining <= 0:
            raise unprocessable(
                "CAPTURE_FULLY_REFUNDED", "The capture has already been fully refunded.", documented_in=REFUND
            )
        amount, currency = parse_money(body["amount"]) if "amount" in body else (remaining, capture.currency)
        if currency != capture.currency:
            raise unprocessable("REFUND_CAPTURE_CURRENCY_MISMATCH", "Refund currency differs.", documented_in=REFUND)
        if amount <= 0:
            raise unprocessable("CANNOT_BE_ZERO_OR_NEGATIVE", "Must be greater than zero.", documented_in=REFUND)
        if amount > remaining:
            raise unprocessable("REFUND_AMOUNT_EXCEEDED", "Refund exceeds what is left.", documented_in=REFUND)
        refund = FakeRefund(id=new_id(), capture_id=capture.id, amount=amount, currency=currency)
        self.refunds[refund.id] = refund
        capture.refund_ids.append(refund.id)
        capture.status = "REFUNDED" if amount == remaining else "PARTIALLY_REFUNDED"
        capture.update_time = now_iso()
        self.work["refund"] += 1
        return Reply(201, self.refund_json(refund, body))

    # -- representations ---------------------------------------------------------

    def approval_url(self, order):
        return f"{self.base_url}/checkoutnow?token={order.id}"

    def order_json(self, order):
        """The order as PayPal's GET /v2/checkout/orders/{id} shows it."""
        unit = copy.deepcopy(order.unit)
        unit.setdefault("reference_id", "default")
        unit["payee"] = {"email_address": "merchant@vitrina.test", "merchant_id": "VTRNA2TEST3XY"}
        if order.capture_ids:
            unit["payments"] = {"captures": [self.capture_json(self.captures[i]) for i in order.capture_ids]}
        data = {
            "id": order.id,
            "intent": order.request["intent"],
            "status": order.status,
            "purchase_units": [unit],
            "create_time": order.create_time,
            "update_time": order.update_time,
            "links": self._order_links(order),
        }
        if order.payer_id:
            data["payer"] = _payer(order.payer_id)
            data["payment_source"] = {"paypal": _wallet(order.payer_id)}
        return data

    def _order_links(self, order):
        own = f"{self.base_url}/v2/checkout/orders/{order.id}"
        links = [{"href": own, "rel": "self", "method": "GET"}]
        if order.status == "PAYER_ACTION_REQUIRED":
            links.append({"href": self.approval_url(order), "rel": "payer-action", "method": "GET"})
        elif order.status == "CREATED":
            links.append({"href": self.approval_url(order), "rel": "approve", "method": "GET"})
        if order.status in ("CREATED", "APPROVED"):
            links.append({"href": own + "/capture", "rel": "capture", "method": "POST"})
        return links

    def capture_json(self, capture, *, standalone=False):
        """A capture as it appears in an order (or, standalone, as GET /v2/payments/captures/{id} shows it)."""
        order = self.orders[capture.order_id]
        own = f"{self.base_url}/v2/payments/captures/{capture.id}"
        fee = _fee(capture.amount, capture.currency)
        data = {
            "id": capture.id,
            "status": capture.status,
            "amount": money(capture.amount, capture.currency),
            "final_capture": True,
            "seller_protection": {"status": "ELIGIBLE", "dispute_categories": ["ITEM_NOT_RECEIVED"]},
            "seller_receivable_breakdown": {
                "gross_amount": money(capture.amount, capture.currency),
                "paypal_fee": money(fee, capture.currency),
                "net_amount": money(capture.amount - fee, capture.currency),
            },
            "links": [
                {"href": own, "rel": "self", "method": "GET"},
                {"href": own + "/refund", "rel": "refund", "method": "POST"},
                {"href": f"{self.base_url}/v2/checkout/orders/{order.id}", "rel": "up", "method": "GET"},
            ],
            "create_time": capture.create_time,
            "update_time": capture.update_time,
        }
        for key in ("invoice_id", "custom_id"):
            if key in order.unit:
                data[key] = order.unit[key]
        if standalone:
            data["supplementary_data"] = {"related_ids": {"order_id": order.id}}
        return data

    def refund_json(self, refund, body=None):
        own = f"{self.base_url}/v2/payments/refunds/{refund.id}"
        capture = self.captures[refund.capture_id]
        refunded = sum((self.refunds[i].amount for i in capture.refund_ids), Decimal(0))
        data = {
            "id": refund.id,
            "status": refund.status,
            "amount": money(refund.amount, refund.currency),
            "seller_payable_breakdown": {
                "gross_amount": money(refund.amount, refund.currency),
                "net_amount": money(refund.amount, refund.currency),
                "total_refunded_amount": money(refunded, refund.currency),
            },
            "links": [
                {"href": own, "rel": "self", "method": "GET"},
                {"href": f"{self.base_url}/v2/payments/captures/{capture.id}", "rel": "up", "method": "GET"},
            ],
            "create_time": refund.create_time,
            "update_time": refund.create_time,
        }
        for key in ("invoice_id", "note_to_payer"):
            if (body or {}).get(key):
                data[key] = body[key]
        return data


def _fee(amount, currency):
    places = Decimal(1) if currency in ("HUF", "JPY", "TWD") else Decimal("0.01")
    return min(amount, (amount * FEE_RATE + FEE_FIXED).quantize(places, rounding=ROUND_HALF_UP))


def _payer(payer_id):
    return {
        "name": {"given_name": "Test", "surname": "Buyer"},
        "email_address": "buyer@example.com",
        "payer_id": payer_id,
        "address": {"country_code": "ES"},
    }


def _wallet(payer_id):
    return {
        "email_address": "buyer@example.com",
        "account_id": payer_id,
        "account_status": "VERIFIED",
        "name": {"given_name": "Test", "surname": "Buyer"},
        "address": {"country_code": "ES"},
    }
