"""Emails the shop sends to customers and to its own staff, in the reader's language.

`send_email()` renders `<template>.txt` and `<template>.html` (both extend the
shop's email layout, `emails/base.txt` / `emails/base.html`) and sends one
message. Callers send after their transaction commits, through a task
(`transaction.on_commit(partial(my_task.enqueue, ...))`), so a rolled-back
change never sends mail.
"""

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.models import Site


def default_site():
    return Site.objects.filter(is_default_site=True).select_related("root_page").first()


def absolute_url(path):
    """`path` (from reverse() or a page's url) on the shop's own address, for links in emails."""
    site = default_site()
    root = site.root_url if site else ""
    return f"{root}{path}"


def shop_settings():
    from home.models import ShopSettings

    site = default_site()
    return ShopSettings.for_site(site) if site else None


def staff_address(field):
    """A ShopSettings address for staff (`customer_service_email`, `sales_email`), falling back to the contact email."""
    shop = shop_settings()
    if shop is None:
        return ""
    return getattr(shop, field) or shop.email


def send_email(*, to, subject, template, context, language="es", reply_to=None):
    """Render `template`.txt/.html in `language` and send them to `to` (an address or a list).

    `subject` may be lazy and may hold %(name)s placeholders filled from `context`.
    Does nothing when there is nobody to send to.
    """
    recipients = [to] if isinstance(to, str) else [address for address in to if address]
    recipients = [address for address in recipients if address]
    if not recipients:
        return 0
    with translation.override(language):
        context = {"shop": shop_settings(), "language": language, **context}
        subject = str(subject) % context if "%(" in str(subject) else str(subject)
        context["subject"] = subject
        message = EmailMultiAlternatives(
            subject, render_to_string(f"{template}.txt", context), to=recipients, reply_to=reply_to,
        )
        message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
        return message.send()
