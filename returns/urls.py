"""Public URLs of returns, mounted under the language prefix (/es/order/<token>/return/)."""

from django.urls import path

from . import views

app_name = "returns"

urlpatterns = [
    path("order/<str:token>/return/", views.request_return_page, name="request"),
]
