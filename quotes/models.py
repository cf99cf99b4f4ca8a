"""Quote requests from business buyers, followed up by the sales team."""
