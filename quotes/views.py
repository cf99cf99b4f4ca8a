"""The customer's side of quote requests: the form for one product and the thank-you page.

The product page links here (it is cached whole and carries no form); this
view is personal (prefilled for logged-in customers, CSRF token), so every
answer is private and never stored by caches.
"""

from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_http_methods

from checkout.models import CheckoutSettings
from home.site_data import public
from products.models import ProductPage

from .forms import QuoteRequestForm
from .models import QuoteRequest
from .requests import submit_quote_request

private = cache_control(private=True, no_store=True)
SESSION_KEY = "quotes:last_request"


def quotable_product(request, product_id):
    """The live, public product `product_id` if it takes quote requests on this site, else 404."""
    queryset = public(ProductPage.objects.live()).filter(pk=product_id)
    product = queryset.prefetch_related("variants", "gallery_images__image").first()
    if product is None:
        raise Http404
    if not product.is_quote_only and not CheckoutSettings.for_request(request).quotes_on_every_product:
        raise Http404
    return product


def initial_for(user):
    if not user.is_authenticated:
        return {}
    return {"contact_name": user.get_full_name(), "email": user.email}


@require_http_methods(["GET", "POST"])
@private
def request_quote(request, product_id):
    """Show the quote form for a product; a valid submission saves the request and thanks the customer."""
    product = quotable_product(request, product_id)
    if request.method == "POST":
        form = QuoteRequestForm(request.POST, product=product)
        if form.is_valid():
            quote = submit_quote_request(product, form.cleaned_data, language=request.LANGUAGE_CODE)
            request.session[SESSION_KEY] = quote.pk
            return redirect("quotes:sent")
        status = 400
    else:
        form = QuoteRequestForm(product=product, initial=initial_for(request.user))
        status = 200
    return render(request, "quotes/request_form.html", {"form": form, "product": product}, status=status)


@require_GET
@private
def quote_sent(request):
    """The thank-you page: the reference of the request just sent, and what happens next."""
    quote = QuoteRequest.objects.filter(pk=request.session.get(SESSION_KEY)).first()
    if quote is None:
        raise Http404
    return render(request, "quotes/request_sent.html", {"quote": quote})
