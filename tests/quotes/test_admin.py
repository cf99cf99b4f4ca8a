"""The sales inbox of quote requests in the Wagtail admin, and who may see it."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from quotes.models import QuoteRequest, QuoteStatus
from quotes.requests import submit_quote_request
from tests.checkout.test_admin import menu_labels
from tests.checkout.test_orders_admin import user_in
from tests.clients import english_admin_client

pytestmark = pytest.mark.django_db

INDEX = "quote_requests:index"


@pytest.fixture(autouse=True)
def admin_registered():
    """Wagtail registers viewsets and their menu items when the admin URLs load: load them before reading menus."""
    reverse(INDEX)


def new_request(product, **changes):
    data = {
        "company": "Cafés del Norte SL", "contact_name": "Lucía Martín", "email": "lucia@cafesnorte.example",
        "phone": "", "quantity": 12, "city": "Bilbao", "region": "", "country": "ES", "message": "Tres locales.",
        "chosen_variant": None, **changes,
    }
    return submit_quote_request(product, data, language="es")


def sales_user(django_user_model, username, *codenames):
    group, _created = Group.objects.get_or_create(name=f"Sales {username}")
    group.permissions.add(*Permission.objects.filter(content_type__app_label="quotes", codename__in=codenames))
    return user_in(django_user_model, username, group.name)


@pytest.fixture
def seller(django_user_model):
    return sales_user(django_user_model, "marta", "view_quoterequest", "change_quoterequest")


@pytest.fixture
def seller_client(seller):
    return english_admin_client(seller)


def edit_data(quote, **changes):
    return {"status": quote.status, "owner": quote.owner_id or "", "internal_notes": quote.internal_notes, **changes}


def texts_of_messages(response):
    with translation.override("en"):
        return [str(message.message) for message in get_messages(response.wsgi_request)]


# The inbox

def test_inbox_lists_newest_first_with_filters_and_search(admin_client, machine, tshirt, seller):
    first = new_request(machine)
    second = new_request(tshirt, company="Hostelería Sur", email="pedidos@sur.example", quantity=300)
    QuoteRequest.objects.filter(pk=first.pk).update(status=QuoteStatus.CONTACTED, owner=seller)
    url = reverse(INDEX)

    def references(**params):
        response = admin_client.get(url, params)
        assert response.status_code == 200
        return [quote.reference for quote in response.context["object_list"]]

    assert references() == [second.reference, first.reference]
    content = admin_client.get(url).content.decode()
    for text in (first.reference, "Cafés del Norte SL", "Lucía Martín", "Cafetera industrial", "Camiseta", "300",
                 "Contacted", "New", "marta"):
        assert text in content, text
    assert references(status="contacted") == [first.reference]
    assert references(status="new") == [second.reference]
    assert references(owner=seller.pk) == [first.reference]
    assert references(q="Sur") == [second.reference]
    assert references(q="pedidos@sur.example") == [second.reference]
    assert references(q=first.reference) == [first.reference]
    assert references(q="Cafetera") == [first.reference]


def test_nobody_adds_or_copies_a_request_in_the_admin(admin_client, machine):
    quote = new_request(machine)

    assert admin_client.get("/admin/quote-requests/new/").status_code == 302  # permission denied: back home
    assert reverse(INDEX) + "new/" not in admin_client.get(reverse(INDEX)).content.decode()
    with pytest.raises(NoReverseMatch):
        reverse("quote_requests:copy", args=[quote.pk])
    assert "/copy/" not in admin_client.get(reverse(INDEX)).content.decode()


# Following a request up

def test_edit_form_changes_status_owner_and_notes_only(seller_client, seller, machine):
    quote = new_request(machine)
    url = reverse("quote_requests:edit", args=[quote.pk])
    page = seller_client.get(url)
    assert page.status_code == 200
    content = page.content.decode()
    for text in ("Cafés del Norte SL", "lucia@cafesnorte.example", "Bilbao", "Tres locales.", quote.reference):
        assert text in content, text
    form = page.context["form"]
    assert set(form.fields) == {"status", "owner", "internal_notes"}

    response = seller_client.post(url, edit_data(
        quote, status="contacted", owner=seller.pk, internal_notes="Llamada el lunes.",
        company="Otra empresa", email="hacker@example.com", quantity="1", message="cambiado", reference="Q-1",
    ))

    assert response.status_code == 302
    quote.refresh_from_db()
    assert (quote.status, quote.owner, quote.internal_notes) == ("contacted", seller, "Llamada el lunes.")
    assert quote.status_changed_at is not None
    assert (quote.company, quote.email, quote.quantity, quote.message) == (
        "Cafés del Norte SL", "lucia@cafesnorte.example", 12, "Tres locales.")
    assert quote.reference == f"Q-{10000 + quote.pk}"


def test_notes_alone_do_not_move_the_status_time(seller_client, machine):
    quote = new_request(machine)

    seller_client.post(reverse("quote_requests:edit", args=[quote.pk]), edit_data(quote, internal_notes="Nota"))

    quote.refresh_from_db()
    assert (quote.internal_notes, quote.status_changed_at) == ("Nota", None)


def test_bad_status_or_owner_is_an_error_on_the_field_and_changes_nothing(seller_client, machine, django_user_model):
    quote = new_request(machine)
    outsider = user_in(django_user_model, "editor", "Editors")
    url = reverse("quote_requests:edit", args=[quote.pk])

    bad_status = seller_client.post(url, edit_data(quote, status="sold", internal_notes="x"))
    bad_owner = seller_client.post(url, edit_data(quote, owner=outsider.pk, internal_notes="x"))

    assert bad_status.status_code == 200 and "status" in bad_status.context["form"].errors
    assert bad_owner.status_code == 200 and "owner" in bad_owner.context["form"].errors
    quote.refresh_from_db()
    assert (quote.status, quote.owner, quote.internal_notes) == ("new", None, "")


def test_owner_choices_are_the_active_sales_staff(seller_client, seller, machine, django_user_model):
    quote = new_request(machine)
    viewer = sales_user(django_user_model, "pablo", "view_quoterequest")
    retired = sales_user(django_user_model, "jubilado", "view_quoterequest", "change_quoterequest")
    retired.is_active = False
    retired.save()
    user_in(django_user_model, "editor", "Editors")

    form = seller_client.get(reverse("quote_requests:edit", args=[quote.pk])).context["form"]

    assert list(form.fields["owner"].queryset) == [seller]
    assert viewer not in form.fields["owner"].queryset


def test_take_it_makes_me_the_owner(seller_client, seller, machine):
    quote = new_request(machine)
    edit_url = reverse("quote_requests:edit", args=[quote.pk])
    page = seller_client.get(edit_url).content.decode()
    take_url = reverse("quote_requests:take", args=[quote.pk])
    assert f'action="{take_url}"' in page

    response = seller_client.post(take_url, follow=True)

    quote.refresh_from_db()
    assert quote.owner == seller
    assert response.redirect_chain[0][0] == edit_url
    assert texts_of_messages(response) == [f"You now own quote request {quote.reference}."]
    assert f'action="{take_url}"' not in seller_client.get(edit_url).content.decode()
    assert seller_client.get(take_url).status_code == 405


# Who may see and change requests

def test_editors_neither_see_nor_reach_quote_requests(django_user_model, machine):
    quote = new_request(machine)
    editor = user_in(django_user_model, "editor", "Editors")
    client = english_admin_client(editor)

    assert not any("Quote requests" in label for label in menu_labels(editor))
    assert "Customer service/Quote requests" in menu_labels(
        django_user_model.objects.create_superuser("root", "r@example.com", "x"))
    for url in (reverse(INDEX), reverse("quote_requests:edit", args=[quote.pk]),
                reverse("quote_requests:inspect", args=[quote.pk])):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert quote.company not in response.content.decode()
    client.post(reverse("quote_requests:take", args=[quote.pk]))
    client.post(reverse("quote_requests:edit", args=[quote.pk]), edit_data(quote, status="lost"))
    quote.refresh_from_db()
    assert (quote.owner, quote.status) == (None, "new")


def test_sales_staff_with_the_permissions_see_and_follow_up(seller, seller_client, machine):
    quote = new_request(machine)

    assert "Customer service/Quote requests" in menu_labels(seller)
    assert seller_client.get(reverse(INDEX)).status_code == 200
    assert seller_client.get(reverse("quote_requests:inspect", args=[quote.pk])).status_code == 200
    assert seller_client.get(reverse("quote_requests:edit", args=[quote.pk])).status_code == 200
    assert seller_client.get(reverse("quote_requests:delete", args=[quote.pk])).status_code == 302  # no delete


def test_view_permission_alone_reads_but_does_not_change(django_user_model, machine):
    quote = new_request(machine)
    viewer = sales_user(django_user_model, "pablo", "view_quoterequest")
    client = english_admin_client(viewer)

    assert "Customer service/Quote requests" in menu_labels(viewer)
    assert client.get(reverse(INDEX)).status_code == 200
    inspect = client.get(reverse("quote_requests:inspect", args=[quote.pk]))
    assert inspect.status_code == 200 and "lucia@cafesnorte.example" in inspect.content.decode()
    assert client.get(reverse("quote_requests:edit", args=[quote.pk])).status_code == 302
    client.post(reverse("quote_requests:take", args=[quote.pk]))
    quote.refresh_from_db()
    assert quote.owner is None
