"""Views of the sale: thin wrappers that read a form, call one service and map its errors."""
