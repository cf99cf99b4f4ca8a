"""Collect static files at start-up when nobody has yet.

With hashed, compressed static files every `{% static %}` needs the manifest
that `collectstatic` writes; a server started without it answers 500 on
every page. The WSGI entry point calls `ensure_static_collected()` so a fresh
install works at once; a file lock keeps several workers from collecting at
the same time.
"""

import fcntl
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.storage import ManifestFilesMixin
from django.core.files.storage import storages
from django.core.management import call_command


def ensure_static_collected():
    storage = storages["staticfiles"]
    if not isinstance(storage, ManifestFilesMixin):
        return False
    static_root = Path(settings.STATIC_ROOT)
    manifest = static_root / storage.manifest_name
    if manifest.exists():
        return False
    static_root.mkdir(parents=True, exist_ok=True)
    with open(static_root / ".collectstatic.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if manifest.exists():  # another worker finished while we waited
            return False
        call_command("collectstatic", interactive=False, verbosity=0)
    return True
