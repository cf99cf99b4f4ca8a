"""The search log (daily counts per query) and who may read it and pin promoted results.

Marketing editors read the search reports and pin pages to queries, so
Wagtail's "Editors" and "Moderators" groups (when they exist) get the report
permission and the add/change/delete permissions of Wagtail's promoted search
results. "Shop staff" gets neither. Permissions are only created after
migrate (post_migrate), so on a fresh database they are created here first.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

GROUPS = ["Editors", "Moderators"]
PERMISSIONS = [
    ("search", "view_search_report"),
    ("wagtailsearchpromotions", "add_searchpromotion"),
    ("wagtailsearchpromotions", "change_searchpromotion"),
    ("wagtailsearchpromotions", "delete_searchpromotion"),
]


def grant_permissions(apps, schema_editor):
    for label in ("search", "wagtailsearchpromotions"):
        create_permissions(global_apps.get_app_config(label), apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = [
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
        for app_label, codename in PERMISSIONS
    ]
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


def revoke_report_permission(apps, schema_editor):
    # The promotion permissions stay: someone may have relied on them since.
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(content_type__app_label="search", codename="view_search_report").delete()


class Migration(migrations.Migration):

    dependencies = [
        ("search", "0001_postgres_text_search"),
        ("wagtailcore", "0002_initial_data"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.CreateModel(
            name="DailySearchQuery",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("date", models.DateField(verbose_name="date")),
                ("language", models.CharField(max_length=10, verbose_name="language")),
                ("query", models.CharField(max_length=200, verbose_name="search query")),
                ("searches", models.PositiveIntegerField(default=0, verbose_name="searches")),
                (
                    "searches_without_results",
                    models.PositiveIntegerField(default=0, verbose_name="searches without results"),
                ),
                (
                    "last_result_count",
                    models.PositiveIntegerField(
                        default=0,
                        help_text="Number of results the latest search of the day found.",
                        verbose_name="last result count",
                    ),
                ),
            ],
            options={
                "verbose_name": "daily search query",
                "verbose_name_plural": "daily search queries",
                "permissions": [("view_search_report", "Can view search reports")],
                "default_permissions": (),
                "constraints": [
                    models.UniqueConstraint(fields=("date", "language", "query"), name="search_daily_query_unique")
                ],
            },
        ),
        migrations.RunPython(grant_permissions, revoke_report_permission),
    ]
