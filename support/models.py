"""Customer service: contact and order-help tickets, answered from the admin."""
