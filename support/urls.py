"""Public URLs of support, mounted under the language prefix (/es/contact/, /en/contact/)."""

from django.urls import path

from . import views

app_name = "support"

urlpatterns = [
    path("contact/", views.contact, name="contact"),
    path("contact/sent/", views.contact_sent, name="contact_sent"),
    path("order/<str:token>/help/", views.order_help, name="order_help"),
    path("support/ticket/<str:token>/", views.ticket_page, name="ticket"),
]
