"""The Spanish catalog is complete, compiled and in step with the code."""

import gettext
import re
from pathlib import Path

import polib
import pytest

REPO = Path(__file__).resolve().parent.parent
PO_FILE = REPO / "locale" / "es" / "LC_MESSAGES" / "django.po"
MO_FILE = PO_FILE.with_suffix(".mo")
# Every app of the project: a top-level folder with an apps.py.
APPS = sorted(path.parent.name for path in REPO.glob("*/apps.py"))
SKIPPED = {"home/demo", "home/management"}  # command output for developers, not UI

TEMPLATE_STRING = re.compile(r"""\{%\s*(?:translate|trans)\s+(["'])(.+?)\1""")
PYTHON_STRING = re.compile(r"""\b_\(\s*(["'])((?:(?!\1).)+)\1\s*[,)]""")


def source_files(pattern):
    for app in APPS:
        for path in (REPO / app).rglob(pattern):
            relative = path.relative_to(REPO).as_posix()
            if not any(relative.startswith(skipped) for skipped in SKIPPED) and "/migrations/" not in relative:
                yield path


def strings_in_code():
    found = {}
    for path in source_files("*.html"):
        for match in TEMPLATE_STRING.finditer(path.read_text()):
            found.setdefault(match.group(2), path)
    for path in source_files("*.py"):
        for match in PYTHON_STRING.finditer(path.read_text()):
            found.setdefault(match.group(2), path)
    return found


def test_every_entry_is_translated_and_not_fuzzy():
    catalog = polib.pofile(str(PO_FILE))
    assert catalog.untranslated_entries() == []
    assert catalog.fuzzy_entries() == []
    assert catalog.percent_translated() == 100


def test_every_interface_string_in_the_code_is_in_the_catalog():
    msgids = {entry.msgid for entry in polib.pofile(str(PO_FILE))}
    missing = {text: str(path.relative_to(REPO)) for text, path in strings_in_code().items() if text not in msgids}
    assert missing == {}, "run `make messages` and translate these"


def test_compiled_catalog_matches_the_po_file():
    with MO_FILE.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for entry in polib.pofile(str(PO_FILE)):
        if entry.msgid_plural:
            assert compiled.ngettext(entry.msgid, entry.msgid_plural, 1) == entry.msgstr_plural[0]
        elif entry.msgctxt:
            assert compiled.pgettext(entry.msgctxt, entry.msgid) == entry.msgstr
        else:
            assert compiled.gettext(entry.msgid) == entry.msgstr, "run `make compile-messages`"


@pytest.mark.parametrize("english, spanish", [("Skip to content", "Saltar al contenido"), ("Out of stock", "Agotado")])
def test_django_serves_the_spanish_strings(english, spanish):
    from django.utils import translation

    with translation.override("es"):
        assert translation.gettext(english) == spanish
