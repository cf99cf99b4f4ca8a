"""The demo makes in advance every rendition a template asks for."""

import re
from pathlib import Path

from home.demo.images import RENDITION_SPECS

REPO = Path(__file__).resolve().parent.parent
IMAGE_TAG = re.compile(r"\{%\s*image\s+\S+\s+([a-z]+-[0-9x]+(?:\|[a-z0-9-]+)*)")


def test_every_template_rendition_is_made_by_the_demo_loader():
    used = set()
    for path in REPO.glob("*/templates/**/*.html"):
        used.update(IMAGE_TAG.findall(path.read_text()))
    assert used, "no {% image %} tags found: the pattern is out of date"
    assert used <= set(RENDITION_SPECS), f"add to RENDITION_SPECS: {sorted(used - set(RENDITION_SPECS))}"
