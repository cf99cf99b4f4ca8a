"""Promoted search results (wagtail.contrib.search_promotions): marketing editors pin pages to queries in the admin."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.contrib.search_promotions.models import SearchPromotion

from tests.checkout.test_admin import menu_labels
from tests.clients import english_admin_client
from tests.factories import ProductPageFactory

pytestmark = pytest.mark.django_db

MENU_ITEM = "Settings/Promoted search results"
PROMOTION_PERMISSIONS = {"add_searchpromotion", "change_searchpromotion", "delete_searchpromotion"}


def user_in(django_user_model, username, group):
    user = django_user_model.objects.create_user(username=username, password="x", email=f"{username}@example.com")
    user.groups.add(Group.objects.get(name=group))
    return django_user_model.objects.get(pk=user.pk)


@pytest.fixture
def editor(django_user_model):
    return user_in(django_user_model, "marketing", "Editors")


def promotion_form(query_string, page):
    """The add form as the browser posts it: the query and one pinned page (formset prefix 'editors_picks')."""
    return {
        "query_string": query_string,
        "editors_picks-TOTAL_FORMS": "1",
        "editors_picks-INITIAL_FORMS": "0",
        "editors_picks-MIN_NUM_FORMS": "0",
        "editors_picks-MAX_NUM_FORMS": "1000",
        "editors_picks-0-page": str(page.pk),
        "editors_picks-0-external_link_url": "",
        "editors_picks-0-external_link_text": "",
        "editors_picks-0-description": "El regalo que siempre acierta",
        "editors_picks-0-ORDER": "1",
        "editors_picks-0-DELETE": "",
    }


def test_superusers_find_promoted_search_results_in_the_menu(admin_user):
    assert MENU_ITEM in menu_labels(admin_user)


@pytest.mark.parametrize("group", ["Editors", "Moderators"])
def test_editors_and_moderators_may_manage_promotions(django_user_model, group):
    user = user_in(django_user_model, "marketing", group)

    assert MENU_ITEM in menu_labels(user)
    granted = set(
        Group.objects.get(name=group).permissions.filter(
            content_type__app_label="wagtailsearchpromotions"
        ).values_list("codename", flat=True)
    )
    assert PROMOTION_PERMISSIONS <= granted


def test_shop_staff_do_not_manage_promotions(django_user_model):
    user = user_in(django_user_model, "packer", "Shop staff")

    assert MENU_ITEM not in menu_labels(user)
    response = english_admin_client(user).get(reverse("wagtailsearchpromotions:add"))
    assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))


def test_an_editor_pins_a_product_to_a_query(editor, shop):
    product = ProductPageFactory(parent=shop, title="Cafetera italiana")
    client = english_admin_client(editor)
    assert client.get(reverse("wagtailsearchpromotions:add")).status_code == 200

    response = client.post(reverse("wagtailsearchpromotions:add"), promotion_form("regalo", product))

    assert response.status_code == 302 and response["Location"] == reverse("wagtailsearchpromotions:index")
    promotion = SearchPromotion.objects.get()
    assert (promotion.query.query_string, promotion.page_id, promotion.description) == (
        "regalo", product.pk, "El regalo que siempre acierta"
    )
    listing = client.get(reverse("wagtailsearchpromotions:index")).content.decode()
    assert "regalo" in listing and "Cafetera italiana" in listing


def test_a_query_without_a_pinned_page_is_refused(editor):
    data = {
        "query_string": "regalo",
        "editors_picks-TOTAL_FORMS": "0",
        "editors_picks-INITIAL_FORMS": "0",
        "editors_picks-MIN_NUM_FORMS": "0",
        "editors_picks-MAX_NUM_FORMS": "1000",
    }

    response = english_admin_client(editor).post(reverse("wagtailsearchpromotions:add"), data)

    assert response.status_code == 200
    assert "Please specify at least one recommendation for this search term." in response.content.decode()
    assert not SearchPromotion.objects.exists()
