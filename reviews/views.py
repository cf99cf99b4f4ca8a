"""The review page a verified buyer reaches from their order page or the invitation email.

The order's token proves who they are (as on the order page); the view checks
the order contains the product and was delivered, shows the form, or the
status of the review already written. Refusals are pages that say why, with
a 4xx status; nothing is saved unless the whole form is valid.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_http_methods

from checkout.models import Order

from .exceptions import AlreadyReviewed, ProductUnavailable, ReviewError
from .forms import ReviewForm
from .writing import check_can_review, default_author_name, existing_review, write_review


def _refused(request, order, error):
    status = 404 if isinstance(error, ProductUnavailable) else 403
    return render(request, "reviews/refused.html", {"order": order, "reason": error.message}, status=status)


def _already_written(request, order, product, review, status=200):
    return render(request, "reviews/review_status.html", {"order": order, "product": product, "review": review},
                  status=status)


@require_http_methods(["GET", "HEAD", "POST"])
@cache_control(private=True, no_store=True)
def write(request, token, product_id):
    """GET: the form (or the review already written); POST: save it for moderation."""
    order = get_object_or_404(Order, token=token)
    try:
        product = check_can_review(order, product_id)
    except ReviewError as error:
        return _refused(request, order, error)
    review = existing_review(order, product_id)
    if review is not None:
        return _already_written(request, order, product, review, status=409 if request.method == "POST" else 200)
    if request.method != "POST":
        form = ReviewForm(initial={"author_name": default_author_name(order.name)})
        return render(request, "reviews/write.html", {"order": order, "product": product, "form": form})
    form = ReviewForm(request.POST)
    if not form.is_valid():
        return render(request, "reviews/write.html", {"order": order, "product": product, "form": form}, status=400)
    try:
        write_review(order, product_id, language=request.LANGUAGE_CODE, **form.cleaned_data)
    except AlreadyReviewed:
        return _already_written(request, order, product, existing_review(order, product_id), status=409)
    except ReviewError as error:
        return _refused(request, order, error)
    messages.success(request, _("Thank you! Your review will appear on the product page once we have checked it."))
    return redirect("reviews:write", token=order.token, product_id=product_id)
