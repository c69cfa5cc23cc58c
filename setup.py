"""Build hook: the wheel carries the demo catalog (fixtures/demo) as catalog/demo_fixtures.

Everything else about the package is declared in pyproject.toml. `fixtures/` stays at the top
of the repository; `load_demo` finds the copy in an installed package (catalog/demo.py).
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "demo"


class BuildPyWithDemo(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads fixtures/ from the checkout itself
        if not FIXTURES.is_dir():
            raise SystemExit(f"{FIXTURES} is missing: the wheel would have no demo catalog")
        target = Path(self.build_lib) / "catalog" / "demo_fixtures"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(FIXTURES, target, ignore=shutil.ignore_patterns("*.md"))


setup(cmdclass={"build_py": BuildPyWithDemo})
