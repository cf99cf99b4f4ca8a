"""Building tickets for the tests through the same service the forms use."""

from support.tickets import open_ticket


def new_ticket(order=None, **changes):
    details = {
        "subject": "¿Dónde está mi pedido?", "category": "delivery_problem", "body": "No ha llegado todavía.",
        "name": "Ana Pérez", "email": "ana@example.com", "language": "es", "order": order,
    }
    details.update(changes)
    return open_ticket(**details)
