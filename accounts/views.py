"""The customer's account pages: overview, order history, address book, profile, and logout.

Every page is for the logged-in customer only, private and never cached, and
reads only what belongs to request.user: another customer's address id is a
404, like an address that does not exist.
"""

from allauth.account.views import LogoutView as AllauthLogoutView
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_POST

from checkout.cart import COOKIE_NAME
from checkout.models import Order

from . import addresses
from .forms import AddressForm, ProfileForm
from .models import Address

ORDERS_PER_PAGE = 20
RECENT_ORDERS = 5


def account_page(view):
    """Logged-in customers only; private and never stored by a cache (the pages show personal data)."""
    return login_required(cache_control(private=True, no_store=True)(view))


@account_page
def overview(request):
    orders = Order.objects.filter(user=request.user)
    return render(request, "accounts/overview.html", {
        "recent_orders": orders[:RECENT_ORDERS],
        "has_more_orders": orders.count() > RECENT_ORDERS,
        "default_address": addresses.default_address(request.user),
        "section": "overview",
    })


@account_page
def order_history(request):
    orders = Paginator(Order.objects.filter(user=request.user), ORDERS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "accounts/orders.html", {"orders": orders, "section": "orders"})


@account_page
def address_list(request):
    return render(request, "accounts/addresses.html", {
        "addresses": Address.objects.filter(user=request.user), "section": "addresses",
    })


@account_page
def address_add(request):
    return _address_form(request, Address(user=request.user))


@account_page
def address_edit(request, pk):
    return _address_form(request, get_object_or_404(Address, pk=pk, user=request.user))


def _address_form(request, address):
    is_new = address.pk is None
    form = AddressForm(request.POST or None, instance=address)
    if request.method == "POST" and form.is_valid():
        addresses.save_address(form.save(commit=False), make_default=form.cleaned_data.get("make_default", False))
        messages.success(request, _("Address saved.") if not is_new else _("Address added."))
        return redirect("accounts:addresses")
    return render(request, "accounts/address_form.html", {
        "form": form, "address": address, "is_new": is_new, "section": "addresses",
    }, status=400 if form.errors else 200)


@account_page
def address_delete(request, pk):
    address = get_object_or_404(Address, pk=pk, user=request.user)
    if request.method == "POST":
        addresses.delete_address(address)
        messages.success(request, _("Address deleted."))
        return redirect("accounts:addresses")
    return render(request, "accounts/address_delete.html", {"address": address, "section": "addresses"})


@require_POST
@account_page
def address_make_default(request, pk):
    address = get_object_or_404(Address, pk=pk, user=request.user)
    addresses.make_default(address)
    messages.success(request, _("This is now your default address: checkout starts with it."))
    return redirect("accounts:addresses")


@account_page
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your details were saved."))
        return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"form": form, "section": "profile"},
                  status=400 if form.errors else 200)


class LogoutView(AllauthLogoutView):
    """allauth's logout, which also forgets the cart cookie: the next person at this browser starts afresh."""

    def post(self, *args, **kwargs):
        response = super().post(*args, **kwargs)
        response.delete_cookie(COOKIE_NAME, samesite="Lax")
        return response


logout = cache_control(private=True, no_store=True)(LogoutView.as_view())
