"""Public URLs of returns, mounted under the language prefix."""

app_name = "returns"

urlpatterns = []
