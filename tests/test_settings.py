"""Settings and serving: what a newcomer meets when deploying Vitrina."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import Client, override_settings

REPO = Path(__file__).resolve().parent.parent
STRONG_KEY = "k" * 20 + "Zq8#pL2@xV9!mN4$wR7%tY1^uI3&oP6*aS5(dF0)"


def run_manage(*args, env_overrides):
    env = {**os.environ, **env_overrides}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set by the browser tests for their own process
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=120
    )


def test_production_settings_refuse_to_start_without_secret_key():
    result = run_manage("check", env_overrides={"DJANGO_SETTINGS_MODULE": "vitrina.settings.production", "SECRET_KEY": ""})
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def test_production_settings_refuse_the_development_key():
    result = run_manage(
        "check",
        env_overrides={"DJANGO_SETTINGS_MODULE": "vitrina.settings.production", "SECRET_KEY": "django-insecure-x"},
    )
    assert result.returncode != 0


def test_check_deploy_is_clean_with_production_settings():
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING",
        env_overrides={"DJANGO_SETTINGS_MODULE": "vitrina.settings.production", "SECRET_KEY": STRONG_KEY},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.django_db
@override_settings(VITRINA_HTTPS_REDIRECT=True, ALLOWED_HOSTS=["shop.example", "localhost", "127.0.0.1"])
def test_plain_http_is_redirected_to_https_except_on_loopback():
    response = Client(HTTP_HOST="shop.example").get("/robots.txt?x=1")
    assert response.status_code == 301
    assert response["Location"] == "https://shop.example/robots.txt?x=1"
    for host in ("localhost", "127.0.0.1:8000"):
        assert Client(HTTP_HOST=host).get("/robots.txt").status_code == 200


@pytest.mark.django_db
def test_media_files_are_served_with_debug_off(settings, tmp_path):
    assert settings.DEBUG is False
    name = default_storage.save("checks/hello.txt", ContentFile(b"hola"))
    try:
        response = Client(HTTP_HOST="localhost").get(settings.MEDIA_URL + name)
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == b"hola"
    finally:
        default_storage.delete(name)


def test_static_files_are_collected_on_first_start(tmp_path):
    """A production server started before anyone ran collectstatic still serves pages."""
    code = (
        "import django, os; django.setup();"
        "from django.templatetags.static import static;"
        "from vitrina.staticfiles import ensure_static_collected;"
        "print(ensure_static_collected(), ensure_static_collected(), static('css/vitrina.css'))"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "vitrina.settings.production",
        "SECRET_KEY": STRONG_KEY,
        "STATIC_ROOT": str(tmp_path / "static"),
    }
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    first, second, url = result.stdout.split()
    assert (first, second) == ("True", "False")
    assert re.fullmatch(r"/static/css/vitrina\.[0-9a-f]{12}\.css", url)
    assert (tmp_path / "static" / "staticfiles.json").exists()


@pytest.mark.parametrize("name", ["requirements.txt", "requirements-dev.txt"])
def test_every_requirement_is_pinned(name):
    for line in (REPO / name).read_text().splitlines():
        line = line.split("#")[0].strip()
        if not line or line.startswith("-r "):
            continue
        assert re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[0-9][A-Za-z0-9.]*", line), f"{name}: {line!r} is not pinned"


def test_production_queues_background_work_for_the_database_worker():
    code = "import django; django.setup(); from django.conf import settings; print(settings.TASKS['default']['BACKEND'])"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "vitrina.settings.production", "SECRET_KEY": STRONG_KEY}
    env.pop("TASKS_BACKEND", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django_tasks_db.DatabaseBackend"
