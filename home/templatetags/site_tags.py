"""Template helpers every public page uses: menu, breadcrumbs, languages, money."""

from decimal import Decimal

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.formats import number_format
from wagtail.models import Page

from home import site_data
from home.models import ShopSettings
from home.structured_data import breadcrumb_ancestors

register = template.Library()

CURRENCY_SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "MXN": "$"}


@register.filter
def page_links(page):
    """Page numbers to link around `page`: 1 … 4 5 [6] 7 8 … 4167, never thousands of links."""
    return page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)


@register.filter
def money(amount):
    """A price in the store currency, written the way the reader's language writes it."""
    if amount in (None, ""):
        return ""
    amount = Decimal(amount)
    symbol = CURRENCY_SYMBOLS.get(settings.VITRINA_CURRENCY, settings.VITRINA_CURRENCY)
    number = number_format(amount, decimal_pos=2, use_l10n=True, force_grouping=True)
    if translation.get_language() == "en":
        return f"{symbol}{number}"
    return f"{number}\u00a0{symbol}"


def _menu_items(request, home):
    """The home page's live, public children shown in menus (found with the page's route when it was routed)."""
    memo = request.__dict__.setdefault("_vitrina_menus", {})
    if home.pk not in memo:
        memo[home.pk] = list(site_data.public(home.get_children().live().in_menu()))
    return memo[home.pk]


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The home page's children that editors put in menus, marking where the visitor is."""
    request = context["request"]
    home = site_data.home_for_request(request)
    current = context.get("page")
    current_path = current.path if isinstance(current, Page) else ""
    items = []
    for item in (_menu_items(request, home) if home else []):
        state = ""
        if current_path == item.path:
            state = "page"
        elif current_path.startswith(item.path):
            state = "true"
        items.append({"page": item, "current": state})
    return {"home": home, "menu_items": items, "shop_name": ShopSettings.for_request(request).shop_name}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    if page is None or page.depth <= 2:
        return {"ancestors": [], "page": page}
    # Shared with the JSON-LD breadcrumbs: one query for both (none when home.routing served the page).
    return {"ancestors": breadcrumb_ancestors(context.get("request"), page), "page": page}


def _page_translations(context):
    """{language code: live public translation of the current page}, once per request."""
    request = context["request"]
    page = context.get("page")
    cache = request.__dict__.setdefault("_vitrina_translations", {})
    if not isinstance(page, Page):
        return {}
    if page.pk not in cache:
        translations = site_data.public(page.get_translations(inclusive=True).live()).select_related("locale")
        cache[page.pk] = {translated.locale.language_code: translated for translated in translations}
    return cache[page.pk]


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in each language, or that language's home page when it has no translation."""
    request = context["request"]
    current_language = translation.get_language()
    translations = _page_translations(context)
    site = site_data.prepare_request(request)
    homes = site_data.for_request(request).home_translations(site) if site is not None else {}
    # Views that are not pages (cart, checkout, order) exist in every language at the same path.
    # (A 404 goes through Wagtail's page route: its visitor is sent to the home page instead.)
    match = request.resolver_match
    same_view = not isinstance(context.get("page"), Page) and match is not None and match.url_name != "wagtail_serve"
    links = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code) or homes.get(code)
        if same_view:
            url = translate_url(request.get_full_path(), code)
        else:
            url = target.get_url(request) if target else f"/{code}/"
        links.append({"code": code, "name": name, "url": url, "is_current": code == current_language,
                      "is_translation": code in translations})
    return {"links": links}


@register.inclusion_tag("includes/alternate_links.html", takes_context=True)
def alternate_links(context):
    """hreflang links between a page's translations, x-default on the shop's default language."""
    translations = {
        code: page for code, page in _page_translations(context).items() if page.alias_of_id is None
    }
    if len(translations) < 2:
        return {"alternates": []}
    request = context["request"]
    alternates = [(code, translations[code].get_full_url(request)) for code, _name in settings.LANGUAGES
                  if code in translations]
    default = translations.get(settings.LANGUAGE_CODE)
    if default is not None:
        alternates.append(("x-default", default.get_full_url(request)))
    return {"alternates": alternates}
