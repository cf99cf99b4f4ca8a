"""Public URLs of accounts, mounted under the language prefix (/es/account/, /en/account/).

allauth's own pages (login, sign-up, password, email) live under the same
/account/ prefix with their un-namespaced names (account_login, ...).
"""

from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("account/", views.overview, name="overview"),
    path("account/orders/", views.order_history, name="orders"),
    path("account/addresses/", views.address_list, name="addresses"),
    path("account/addresses/add/", views.address_add, name="address_add"),
    path("account/addresses/<int:pk>/", views.address_edit, name="address_edit"),
    path("account/addresses/<int:pk>/delete/", views.address_delete, name="address_delete"),
    path("account/addresses/<int:pk>/default/", views.address_make_default, name="address_make_default"),
    path("account/profile/", views.profile, name="profile"),
    path("account/sign-out/", views.logout, name="logout"),
]
