"""Static files on slow phone networks: few bytes, cached for good, nothing holding up the first paint."""

import gzip
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.templatetags.static import static

from tests.factories import BlogPageFactory, ImageFactory, ProductImageFactory, ProductPageFactory
from tests.markup import parse

REPO = Path(__file__).resolve().parent.parent
BUDGET = 50 * 1024  # gzip bytes of CSS and JS a product page may make a phone download
TEN_YEARS = "max-age=315360000, public, immutable"  # whitenoise's header for hashed names


def asset_paths(html):
    """Static paths of every stylesheet and script the page loads."""
    urls = [link["href"] for link in html.select('link[rel~="stylesheet"][href]')]
    urls += [script["src"] for script in html.select("script[src]")]
    assert all(url.startswith(settings.STATIC_URL) for url in urls), urls
    return [url.removeprefix(settings.STATIC_URL).split("?")[0] for url in urls]


def gzip_size(path):
    found = finders.find(path)
    assert found, f"{path} is not among the static files"
    return len(gzip.compress(Path(found).read_bytes(), compresslevel=9))


def test_product_page_css_and_js_stay_under_50_kb_gzipped(client, shop):
    product = ProductPageFactory(parent=shop, gallery_images=[ProductImageFactory.build(image=ImageFactory())])

    paths = asset_paths(parse(client.get(product.url)))

    assert any(path.endswith(".css") for path in paths) and any(path.endswith(".js") for path in paths)
    total = sum(gzip_size(path) for path in set(paths))
    assert total < BUDGET, f"{total} bytes gzipped: {sorted(paths)}"


def test_no_script_in_the_head_blocks_rendering(client, home, shop, blog_index):
    product = ProductPageFactory(parent=shop)
    article = BlogPageFactory(parent=blog_index)

    for url in ("/es/", shop.url, product.url, article.url, "/es/buscar/?q=cafe"):
        scripts = parse(client.get(url)).head.select("script[src]")
        assert scripts, url
        for script in scripts:
            assert script.has_attr("defer") or script.has_attr("async") or script.get("type") == "module", (url, script)


@pytest.fixture
def collected_static(settings, tmp_path, db):
    """collectstatic with the production storage, served by whitenoise from STATIC_ROOT only.

    `db` because closing a response closes stale database connections.
    """
    backend = production_setting("STORAGES['staticfiles']['BACKEND']")
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": backend}}
    settings.STATIC_ROOT = tmp_path / "static"
    # The shop's own files only: the Wagtail admin's thousands would take a minute to compress.
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    settings.WHITENOISE_USE_FINDERS = False
    settings.WHITENOISE_AUTOREFRESH = False
    call_command("collectstatic", interactive=False, verbosity=0)
    return settings.STATIC_ROOT


def production_setting(expression):
    """A value of the production settings, read in a process of its own (they need a SECRET_KEY)."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "vitrina.settings.production", "SECRET_KEY": "p" * 20 + "Zq8#pL2@xV9!mN4"}
    code = f"import django; django.setup(); from django.conf import settings; print(settings.{expression})"
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_hashed_static_files_are_cached_for_years_and_served_compressed(collected_static, client):
    url = static("css/vitrina.css")
    assert re.fullmatch(r"/static/css/vitrina\.[0-9a-f]{12}\.css", url)

    response = client.get(url, HTTP_ACCEPT_ENCODING="gzip, br")
    response.close()

    assert response.status_code == 200
    assert response["Cache-Control"] == TEN_YEARS
    assert response["Content-Encoding"] == "gzip"
    assert response["Vary"] == "Accept-Encoding"
    assert (collected_static / (url.removeprefix("/static/") + ".gz")).exists()


def test_unhashed_static_names_are_cached_only_briefly(collected_static, client):
    # The plain name changes content on the next deploy; pages never link to it.
    response = client.get("/static/js/vitrina.js")
    response.close()

    assert response.status_code == 200
    assert "immutable" not in response["Cache-Control"]
    assert int(re.search(r"max-age=(\d+)", response["Cache-Control"]).group(1)) <= 3600


def test_pages_link_the_hashed_names(collected_static, client, shop):
    product = ProductPageFactory(parent=shop)

    paths = asset_paths(parse(client.get(product.url)))

    for path in paths:
        assert re.search(r"\.[0-9a-f]{12}\.(css|js)$", path), path
