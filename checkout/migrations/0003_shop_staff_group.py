"""The "Shop staff" group: people who run orders, payments, shipping methods and discount codes.

Permissions are only created after migrate (post_migrate), so on a fresh
database they are created here first with create_permissions.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Shop staff"
PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("checkout", "view_order"),
    ("checkout", "change_order"),
    ("checkout", "manage_orders"),
    ("checkout", "view_orderline"),
    ("checkout", "view_orderevent"),
    ("checkout", "view_payment"),
    ("checkout", "view_refund"),
    ("checkout", "add_shippingmethod"),
    ("checkout", "change_shippingmethod"),
    ("checkout", "view_shippingmethod"),
    ("checkout", "add_discountcode"),
    ("checkout", "change_discountcode"),
    ("checkout", "view_discountcode"),
]


def create_group(apps, schema_editor):
    for label in ("wagtailadmin", "checkout"):
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
        ("checkout", "0002_order_checkout_key"),
        ("wagtailadmin", "0006_formstate"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
