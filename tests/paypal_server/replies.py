"""What the loopback server answers: a status, a JSON body (or raw bytes), an optional delay.

The error bodies follow PayPal's documented shapes (error_400, error_401,
error_404, error_422, error_500 in the specs), so the client is tested against
the answers PayPal really gives.
"""

import secrets
from dataclasses import dataclass, replace

from tests.paypal_server.schemas import documented_description

INFO_URL = "https://developer.paypal.com/api/rest/reference/orders/v2/errors/#"
MESSAGES = {
    400: ("INVALID_REQUEST", "Request is not well-formed, syntactically incorrect, or violates schema."),
    401: (
        "AUTHENTICATION_FAILURE",
        "Authentication failed due to missing authorization header, or invalid authentication credentials.",
    ),
    404: ("RESOURCE_NOT_FOUND", "The specified resource does not exist."),
    422: (
        "UNPROCESSABLE_ENTITY",
        "The requested action could not be performed, semantically incorrect, or failed business validation.",
    ),
    500: ("INTERNAL_SERVER_ERROR", "An internal server error occurred."),
    503: ("SERVICE_UNAVAILABLE", "Service Unavailable."),
}


@dataclass(frozen=True)
class Reply:
    """One HTTP answer; `raw` replaces the JSON body (malformed answers), `delay` holds it back (timeouts)."""

    status: int
    body: dict | None = None
    raw: bytes | None = None
    delay: float = 0.0

    def with_changes(self, **changes):
        return replace(self, **changes)


class ApiError(Exception):
    """Raised inside an operation to answer with a PayPal error instead."""

    def __init__(self, reply):
        super().__init__(reply.body)
        self.reply = reply


def debug_id():
    return secrets.token_hex(7)[:13]


def error_body(status, details=(), links=()):
    name, message = MESSAGES[status]
    body = {"name": name, "message": message, "debug_id": debug_id()}
    if details:
        body["details"] = list(details)
    if links:
        body["links"] = list(links)
    return body


def error(status, details=(), links=()):
    return ApiError(Reply(status, error_body(status, details, links)))


def unprocessable(issue, description, *, field="", redirect="", documented_in=None):
    """A 422 with one issue, as PayPal reports business-rule failures.

    `documented_in=(spec, schema name)` takes the description the spec pins for
    this issue (e.g. ("orders", "orders.capture-422")).
    """
    if documented_in:
        description = documented_description(*documented_in, issue) or description
    detail = {"issue": issue, "description": description}
    if field:
        detail.update(field=field, location="body")
    links = [{"href": INFO_URL + "error-" + issue, "rel": "information_link", "method": "GET"}]
    if redirect:
        links.append({"href": redirect, "rel": "redirect", "method": "GET"})
    return error(422, [detail], links)


def not_found(resource_id):
    description = "Specified resource ID does not exist. Please check the resource ID and try again."
    return error(404, [{"issue": "INVALID_RESOURCE_ID", "description": description}])


def invalid_request(problems, issue="INVALID_PARAMETER_SYNTAX"):
    """The 400 for a body that breaks the schema, one detail per problem."""
    details = [{"issue": issue, "location": "body", "description": problem[:1000]} for problem in problems]
    return Reply(400, error_body(400, details))


def unauthorized():
    return Reply(401, error_body(401))


def minimal(reply):
    """PayPal's default `Prefer: return=minimal` answer: only id, status and links."""
    if reply.status >= 300 or not reply.body:
        return reply
    return reply.with_changes(body={key: reply.body[key] for key in ("id", "status", "links") if key in reply.body})
