"""The README's host-project lines, read from the README itself so the two cannot drift.

Each block the bare-host check applies follows a marker line `<!-- host-check: NAME -->` and
is the next fenced code block. Standard library only: it runs in the host's fresh venv.

    python tests/host/readme_blocks.py README.md settings   # prints the settings lines
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

MARKER = re.compile(r"^<!-- host-check: (?P<name>[a-z-]+) -->\s*$")
NAMES = ("settings", "urls", "postgresql", "redis", "production")


def blocks(readme: str) -> dict[str, str]:
    """{name: the code block's text} for every marked block."""
    found: dict[str, str] = {}
    lines = readme.splitlines()
    for i, line in enumerate(lines):
        match = MARKER.match(line)
        if not match:
            continue
        start = i + 1
        if start >= len(lines) or not lines[start].startswith("```"):
            raise ValueError(f"README line {i + 1}: a code block must follow {line.strip()}")
        end = next(j for j in range(start + 1, len(lines)) if lines[j].startswith("```"))
        found[match["name"]] = "\n".join(lines[start + 1 : end]) + "\n"
    missing = [name for name in NAMES if name not in found]
    if missing:
        raise ValueError(f"README has no host-check block for {', '.join(missing)}")
    return found


def code_lines(block: str) -> list[str]:
    """The lines a project adds (blank lines and comment-only lines do not count)."""
    return [
        line for line in block.splitlines() if line.strip() and not line.strip().startswith("#")
    ]


if __name__ == "__main__":
    print(blocks(Path(sys.argv[1]).read_text("utf-8"))[sys.argv[2]], end="")
