"""Public URLs of reviews, mounted under the language prefix."""

app_name = "reviews"

urlpatterns = []
