"""The bare host's URLconf: `django-admin startproject`'s, then the README's lines."""

import re
from pathlib import Path

import django

from tests.host.readme_blocks import blocks

_REPO = Path(__file__).resolve().parents[3]
_TEMPLATE = (
    Path(django.__file__).parent / "conf" / "project_template" / "project_name" / "urls.py-tpl"
)
exec(re.sub(r"\{\{ (\w+) \}\}", "5.2", _TEMPLATE.read_text("utf-8")))
exec(blocks((_REPO / "README.md").read_text("utf-8"))["urls"])
