"""Product reviews by verified buyers, moderated before they appear."""
