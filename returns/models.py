"""Returns: customers send back what they bought; staff approve, receive and refund."""
