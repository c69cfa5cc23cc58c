"""The README's install section and the code agree: its lines, check ids and block names."""

import re
from pathlib import Path

from tests.host.readme_blocks import blocks, code_lines

REPO = Path(__file__).resolve().parents[2]
README = (REPO / "README.md").read_text("utf-8")


def test_a_project_adds_six_lines():
    found = blocks(README)
    assert len(code_lines(found["settings"])) + len(code_lines(found["urls"])) == 6


def test_every_host_block_is_python_that_compiles():
    for name, code in blocks(README).items():
        compile(code, f"README {name} block", "exec")


def test_every_check_id_is_documented():
    source = (REPO / "catalog" / "checks.py").read_text("utf-8")
    for check_id in sorted(set(re.findall(r'id="catalog\.(E\d+)"', source))):
        assert check_id in README, check_id


def test_every_block_of_the_page_skeleton_is_documented():
    base = (REPO / "catalog" / "templates" / "catalog" / "base.html").read_text("utf-8")
    for block in re.findall(r"{% block (\w+) %}", base):
        assert f"`{block}`" in README, block


def test_the_ci_runs_the_bare_host_check():
    assert "tests/host/run_host_check.py" in (REPO / ".ci" / "run").read_text("utf-8")
