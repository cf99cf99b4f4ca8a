"""The customer's return form, reached from the order page by the order's token link."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control

from checkout.models import CheckoutSettings, Order

from .exceptions import InvalidReturnLines, ReturnNotAllowed
from .forms import LINE_PREFIX, ReturnRequestForm
from .requests import check_returnable, request_return, returnable_quantities


@cache_control(private=True, no_store=True)
def request_return_page(request, token):
    """Show the form (GET) or record the return (POST); refuses clearly when the order cannot be returned."""
    order = get_object_or_404(Order, token=token)
    store = CheckoutSettings.for_request(request)
    try:
        deadline = check_returnable(order, store)
    except ReturnNotAllowed as error:
        return render(request, "returns/request_return.html", {"order": order, "refusal": error.message},
                      status=409 if request.method == "POST" else 200)
    lines = list(order.lines.all())
    form = ReturnRequestForm(request.POST or None, request.FILES or None, lines=lines,
                             returnable=returnable_quantities(order))
    if request.method == "POST" and form.is_valid():
        try:
            return_request = request_return(
                order, form.quantities(), reason=form.cleaned_data["reason"], store=store,
                comment=form.cleaned_data["comment"], photo=form.cleaned_data["photo"],
            )
        except ReturnNotAllowed as error:
            form.add_error(None, error.message)
        except InvalidReturnLines as error:
            _add_line_errors(form, error)
        else:
            messages.success(request, _("We have received your return request %(number)s. We will email you "
                                        "when we have looked at it.") % {"number": return_request.number})
            return redirect("checkout:order", token=order.token)
    return render(request, "returns/request_return.html", {
        "order": order, "form": form, "deadline": deadline,
    }, status=400 if form.is_bound and form.errors else 200)


def _add_line_errors(form, error):
    """Errors found under the order lock (another tab returned the same units) shown like the form's own."""
    for line_id, message in error.line_errors.items():
        name = f"{LINE_PREFIX}{line_id}"
        form.add_error(name if name in form.fields else None, message)
    if not error.line_errors:
        form.add_error(None, error.message)
