"""Everything the catalog needs ships in its wheel; the demo catalog loads without a path."""

import shutil
import subprocess
import sys
import zipfile
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from catalog import demo
from catalog.models import Product

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel_names(tmp_path_factory):
    """The file names in the wheel `pip wheel . --no-deps` builds from this checkout."""
    out = tmp_path_factory.mktemp("wheel")
    shutil.rmtree(REPO / "build", ignore_errors=True)  # setuptools would reuse stale files
    try:
        subprocess.run(
            [sys.executable, "-m", "pip", "wheel", str(REPO), "--no-deps", "-q", "-w", str(out)],
            check=True,
            capture_output=True,
            timeout=300,
        )
    finally:
        shutil.rmtree(REPO / "build", ignore_errors=True)
    [wheel] = out.glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


@pytest.mark.parametrize(
    "name",
    [
        "catalog/demo_fixtures/reference.json",
        "catalog/demo_fixtures/products.json",
        "catalog/demo_fixtures/articles/magnesium-forms-compared.json",
        "catalog/templates/catalog/base.html",
        "catalog/templates/catalog/partials/head.html",
        "catalog/static/catalog/css/catalog.css",
        "catalog/static/catalog/js/catalog.js",
        "catalog/locale/nl/LC_MESSAGES/django.mo",
        "catalog/migrations/0004_facet_scan_covering_index.py",
        "catalog/urls.py",
    ],
)
def test_the_wheel_carries(wheel_names, name):
    assert name in wheel_names


def test_the_wheel_carries_no_demo_project(wheel_names):
    assert not [
        n for n in wheel_names if n.startswith(("shop_mg/", "tests/", "fixtures/", "static/"))
    ]


def test_every_demo_fixture_is_in_the_wheel(wheel_names):
    fixtures = REPO / "fixtures" / "demo"
    for path in fixtures.rglob("*.json"):
        assert f"catalog/demo_fixtures/{path.relative_to(fixtures)}" in wheel_names


@pytest.mark.django_db
def test_load_demo_needs_no_path_and_no_project_folder(settings, tmp_path):
    settings.BASE_DIR = tmp_path  # a project that has no fixtures/ of its own

    call_command("load_demo", stdout=StringIO())

    assert Product.objects.count() == 46


def test_the_installed_copy_of_the_demo_comes_first(monkeypatch, tmp_path):
    installed = tmp_path / "demo_fixtures"
    installed.mkdir()
    (installed / "reference.json").write_text("{}")
    monkeypatch.setattr(demo, "CANDIDATES", (installed, REPO / "fixtures" / "demo"))

    assert demo.demo_fixtures_dir() == installed


def test_a_checkout_reads_the_repositorys_fixtures():
    assert demo.demo_fixtures_dir() == REPO / "fixtures" / "demo"


def test_load_demo_names_the_path_option_when_it_finds_nothing(tmp_path):
    with pytest.raises(CommandError, match="--path"):
        call_command("load_demo", path=str(tmp_path))
