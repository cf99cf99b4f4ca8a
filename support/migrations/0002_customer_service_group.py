"""The "Customer service" group: people who answer tickets, run returns, follow up quote requests and moderate reviews.

They read orders (to help customers) but do not run them: payments, shipping
and refunds stay with "Shop staff" (checkout.manage_orders). Permissions are
only created after migrate (post_migrate), so on a fresh database they are
created here first with create_permissions.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Customer service"
PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("checkout", "view_order"),
    ("checkout", "view_orderline"),
    ("checkout", "view_orderevent"),
    ("checkout", "view_payment"),
    ("checkout", "view_refund"),
    ("support", "view_ticket"),
    ("support", "change_ticket"),
    ("returns", "view_returnrequest"),
    ("returns", "change_returnrequest"),
    ("returns", "view_damagedstock"),
    ("quotes", "view_quoterequest"),
    ("quotes", "change_quoterequest"),
    ("reviews", "view_review"),
    ("reviews", "change_review"),
    ("reviews", "delete_review"),
]


def create_group(apps, schema_editor):
    for label in ("wagtailadmin", "checkout", "support", "returns", "quotes", "reviews"):
        create_permissions(global_apps.get_app_config(label), apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=GROUP)
    for app_label, codename in PERMISSIONS:
        permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
        group.permissions.add(permission)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("support", "0001_tickets"),
        ("returns", "0001_initial"),
        ("quotes", "0001_initial"),
        ("reviews", "0001_reviews"),
        ("checkout", "0004_after_sale_settings"),
        ("wagtailadmin", "0006_formstate"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
