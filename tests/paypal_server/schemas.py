"""Validation of request and response bodies against PayPal's official OpenAPI 3.0 specs.

The specs are copied from the workplace's shared/paypal-openapi/ into
tests/paypal_server/specs/ (Apache 2.0, see LICENSE there) so a fresh clone can
run the tests; PAYPAL_OPENAPI_DIR points at another copy, e.g. a newer one. Schemas are looked up by the spec's own
path template and method, so the server checks exactly what PayPal documents
for each call, with every $ref resolved inside its spec document.

Requests are checked with the OAS 3.0 *write* rules (readOnly properties must
not be sent), responses with the *read* rules. One exception: the spec marks
every field of a webhook `event` readOnly, yet verify-webhook-signature must be
sent the event exactly as delivered, so that request uses the plain OAS 3.0
rules.
"""

import functools
import json
import os
from pathlib import Path

from openapi_schema_validator import OAS30ReadValidator, OAS30Validator, OAS30WriteValidator, oas30_format_checker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

SPEC_DIR = Path(os.environ.get("PAYPAL_OPENAPI_DIR") or Path(__file__).resolve().parent / "specs")
SPEC_FILES = {
    "orders": "checkout_orders_v2.json",
    "payments": "payments_payment_v2.json",
    "webhooks": "notifications_webhooks_v1.json",
}
# Requests whose body is checked without the readOnly rule (see the module docstring).
PLAIN_REQUESTS = {("webhooks", "post", "/v1/notifications/verify-webhook-signature")}
MAX_MESSAGE = 400


def _escape(token):
    """A JSON pointer token (RFC 6901)."""
    return token.replace("~", "~0").replace("/", "~1")


class SchemaBook:
    """Loads the specs once and answers 'what is wrong with this body' for one operation."""

    def __init__(self, spec_dir=SPEC_DIR):
        self.spec_dir = Path(spec_dir)
        self.specs = {name: json.loads((self.spec_dir / file).read_text()) for name, file in SPEC_FILES.items()}
        registry = Registry()
        for name, spec in self.specs.items():
            registry = registry.with_resource(f"urn:paypal:{name}", Resource.from_contents(spec, DRAFT4))
        self.registry = registry

    def request_errors(self, spec, method, template, body):
        """Messages for each way `body` breaks the spec's request schema (empty list: valid)."""
        operation = self._operation(spec, method, template)
        content = (operation.get("requestBody") or {}).get("content") or {}
        if "application/json" not in content:
            return []
        pointer = f"/paths/{_escape(template)}/{method.lower()}/requestBody/content/application~1json/schema"
        plain = (spec, method.lower(), template) in PLAIN_REQUESTS
        return self._errors(spec, pointer, OAS30Validator if plain else OAS30WriteValidator, body)

    def response_errors(self, spec, method, template, status, body):
        """Messages for each way `body` breaks the response schema documented for `status` (or 'default')."""
        responses = self._operation(spec, method, template).get("responses") or {}
        key = str(status) if str(status) in responses else "default"
        if key not in responses:
            return [f"{method.upper()} {template} does not document HTTP {status}"]
        response_pointer = f"/paths/{_escape(template)}/{method.lower()}/responses/{key}"
        response = responses[key]
        if "$ref" in response:  # a shared response under components/responses
            response_pointer = response["$ref"].removeprefix("#")
            response = self._resolve(spec, response_pointer)
        if "application/json" not in (response.get("content") or {}):
            return [] if body is None else [f"HTTP {status} of {template} documents no JSON body"]
        pointer = f"{response_pointer}/content/application~1json/schema"
        return self._errors(spec, pointer, OAS30ReadValidator, body)

    def _operation(self, spec, method, template):
        try:
            return self.specs[spec]["paths"][template][method.lower()]
        except KeyError:
            raise LookupError(f"{method.upper()} {template} is not in the {spec} spec") from None

    def _resolve(self, spec, pointer):
        node = self.specs[spec]
        for token in pointer.strip("/").split("/"):
            node = node[token.replace("~1", "/").replace("~0", "~")]
        return node

    def _errors(self, spec, pointer, validator_class, body):
        validator = self._validator(spec, pointer, validator_class)
        errors = sorted(validator.iter_errors(body), key=lambda error: list(error.absolute_path))
        return [f"{error.json_path}: {_shorten(error.message)}" for error in errors]

    @functools.cache  # noqa: B019 - one SchemaBook per process, see schema_book()
    def _validator(self, spec, pointer, validator_class):
        schema = {"$ref": f"urn:paypal:{spec}#{pointer}"}
        return validator_class(schema, registry=self.registry, format_checker=oas30_format_checker)


def _shorten(message):
    return message if len(message) <= MAX_MESSAGE else message[: MAX_MESSAGE - 1] + "…"


@functools.cache
def schema_book():
    """The process-wide SchemaBook (parsing the specs takes a moment; do it once)."""
    return SchemaBook()


@functools.cache
def documented_description(spec, schema_name, issue):
    """The exact `description` the spec's error schema `schema_name` requires for `issue`, or "".

    PayPal's per-operation 422 schemas pin each issue to one description text,
    so the server takes it from there rather than from a copy that could drift.
    """
    schema = schema_book().specs[spec]["components"]["schemas"].get(schema_name) or {}
    choices = ((schema.get("properties") or {}).get("details") or {}).get("items", {}).get("anyOf") or []
    for choice in choices:
        properties = choice.get("properties") or {}
        if (properties.get("issue") or {}).get("enum") == [issue]:
            return ((properties.get("description") or {}).get("enum") or [""])[0]
    return ""
