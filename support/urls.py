"""Public URLs of support, mounted under the language prefix."""

app_name = "support"

urlpatterns = []
