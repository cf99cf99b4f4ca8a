"""Public URLs of accounts, mounted under the language prefix."""

app_name = "accounts"

urlpatterns = []
