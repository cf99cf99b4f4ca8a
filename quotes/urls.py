"""Public URLs of quotes, mounted under the language prefix."""

app_name = "quotes"

urlpatterns = []
