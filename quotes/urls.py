"""Public URLs of quotes, mounted under the language prefix."""

from django.urls import path

from . import views

app_name = "quotes"

urlpatterns = [
    path("quote/<int:product_id>/", views.request_quote, name="request"),
    path("quote/sent/", views.quote_sent, name="sent"),
]
