"""Where each page type may be created: the tree editors can build in the admin."""

import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from blog.models import BlogIndexPage, BlogPage
from home.models import HomePage, StandardPage
from products.models import ProductIndexPage, ProductPage

ALL_TYPES = [HomePage, StandardPage, BlogIndexPage, BlogPage, ProductIndexPage, ProductPage]


@pytest.fixture
def tree():
    """Wagtail's page-type assertions, usable from a plain test function."""
    return WagtailPageTestCase()


def test_home_page_is_created_only_under_the_root(tree):
    tree.assertAllowedParentPageTypes(HomePage, {Page})
    tree.assertCanCreateAt(Page, HomePage)
    for parent in ALL_TYPES:
        tree.assertCanNotCreateAt(parent, HomePage)


def test_home_page_children(tree):
    tree.assertAllowedSubpageTypes(HomePage, {StandardPage, BlogIndexPage, ProductIndexPage})


def test_only_the_home_page_type_can_be_a_site_root(tree):
    for child in (StandardPage, BlogIndexPage, BlogPage, ProductIndexPage, ProductPage):
        tree.assertCanNotCreateAt(Page, child)


def test_standard_pages_go_under_home_or_another_standard_page(tree):
    tree.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
    tree.assertAllowedSubpageTypes(StandardPage, {StandardPage})


def test_magazine_goes_under_home_and_holds_only_articles(tree):
    tree.assertAllowedParentPageTypes(BlogIndexPage, {HomePage})
    tree.assertAllowedSubpageTypes(BlogIndexPage, {BlogPage})


def test_articles_go_only_in_the_magazine_and_have_no_children(tree):
    tree.assertAllowedParentPageTypes(BlogPage, {BlogIndexPage})
    tree.assertAllowedSubpageTypes(BlogPage, set())


def test_shop_index_nests_for_categories(tree):
    tree.assertAllowedParentPageTypes(ProductIndexPage, {HomePage, ProductIndexPage})
    tree.assertAllowedSubpageTypes(ProductIndexPage, {ProductIndexPage, ProductPage})


def test_products_go_only_in_the_shop_and_have_no_children(tree):
    tree.assertAllowedParentPageTypes(ProductPage, {ProductIndexPage})
    tree.assertAllowedSubpageTypes(ProductPage, set())
    for parent in (HomePage, StandardPage, BlogIndexPage, BlogPage, ProductPage):
        tree.assertCanNotCreateAt(parent, ProductPage)


def test_tree_rules_hold_for_real_pages(shop, blog_index):
    """can_create_at on instances agrees with the class rules (what the admin's "add child" uses)."""
    home = shop.get_parent().specific
    assert ProductPage.can_create_at(shop)
    assert ProductIndexPage.can_create_at(shop)
    assert not ProductPage.can_create_at(home)
    assert not BlogPage.can_create_at(home)
    assert BlogPage.can_create_at(blog_index)
    assert not ProductPage.can_create_at(blog_index)
    assert StandardPage.can_create_at(home)
    assert not StandardPage.can_create_at(shop)
