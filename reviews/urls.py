"""Public URLs of reviews, mounted under the language prefix (/es/review/<order token>/<product id>/)."""

from django.urls import path

from . import views

app_name = "reviews"

urlpatterns = [
    path("review/<str:token>/<int:product_id>/", views.write, name="write"),
]
