# Placeholder: PostgreSQL indexes for search at 100,000 products (being measured).
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("search", "0002_search_log")]
    operations = []
