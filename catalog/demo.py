"""Where the demo catalog's files are: in the installed package, or the repository's fixtures/.

The repository keeps them at the top level (`fixtures/demo`); a built wheel carries a copy as
`catalog/demo_fixtures` (setup.py), so `load_demo` needs no path after `pip install`.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
CANDIDATES = (
    PACKAGE_DIR / "demo_fixtures",  # installed from a wheel or an sdist
    PACKAGE_DIR.parent / "fixtures" / "demo",  # a checkout, or an editable install of one
)


def demo_fixtures_dir() -> Path:
    """The first folder holding the demo's reference.json (the installed copy first)."""
    for candidate in CANDIDATES:
        if (candidate / "reference.json").is_file():
            return candidate
    return CANDIDATES[-1]
