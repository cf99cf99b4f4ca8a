# Placeholder: the search log models go here (being written in parallel).
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("search", "0001_postgres_text_search")]
    operations = []
