"""Where a request's time goes: py-spy's raw stacks of the gunicorn workers, summarised.

`py-spy record --idle --format raw` samples every thread, waiting or not; only stacks inside
gunicorn's request handling count. Each stack is charged to the first category met from its
innermost frame outwards (database, cache, templates, JSON, ORM, catalog code, ...), and the
functions of the project and of Django with the largest inclusive share are listed.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

FRAME = re.compile(r"^(?P<func>.*?) \((?P<file>[^:()]+)(?::\d+)?\)$")

# (category, path fragment) from the innermost frame outwards; first match wins.
CATEGORIES = [
    ("database (psycopg: send, wait, fetch)", "psycopg/"),
    ("cache (redis client)", "redis/"),
    ("cache (django backend)", "django/core/cache/"),
    ("ORM: build SQL, make rows", "django/db/"),
    ("templates", "django/template/"),
    ("JSON encode / DRF render", "json/"),
    ("JSON encode / DRF render", "rest_framework/renderers"),
    ("DRF (request, serializers)", "rest_framework/"),
    ("django-filter / forms", "django_filters/"),
    ("django-filter / forms", "django/forms/"),
    ("catalog code", "/catalog/"),
    ("shop_mg / middleware", "/shop_mg/"),
    ("csp / whitenoise", "csp/"),
    ("csp / whitenoise", "whitenoise/"),
    ("Django (urls, i18n, middleware, http)", "django/"),
]


def frames_of(stack: str) -> list[tuple[str, str]]:
    out = []
    for raw in stack.split(";"):
        match = FRAME.match(raw.strip())
        if match:  # py-spy writes paths relative to sys.path: "/" + path matches fragments
            out.append((match["func"], "/" + match["file"].lstrip("/")))
        else:
            out.append((raw.strip(), ""))
    return out


def short(path: str) -> str:
    for marker in ("site-packages/", "/catalog/", "/shop_mg/"):
        if marker in path:
            tail = path.split(marker, 1)[1]
            return tail if marker == "site-packages/" else marker.strip("/") + "/" + tail
    return path.rsplit("/", 1)[-1]


def summarize(path: Path, top: int = 12) -> str:
    categories: Counter[str] = Counter()
    inclusive: Counter[str] = Counter()
    waiting: Counter[str] = Counter()  # database / Redis time by the project function asking
    total = 0
    for line in path.read_text(errors="replace").splitlines():
        stack, _, count_text = line.rpartition(" ")
        if not count_text.isdigit() or "handle_request" not in stack:
            continue
        count = int(count_text)
        frames = frames_of(stack)
        # Only frames from the view inwards: below gunicorn's handle_request.
        total += count
        for _name, file in reversed(frames):
            category = next((c for c, frag in CATEGORIES if frag in file), None)
            if category:
                categories[category] += count
                break
        else:
            categories["other (python, gunicorn)"] += count
        seen = set()
        ours = [
            (name, file)
            for name, file in frames
            if ("/catalog/" in file or "/shop_mg/" in file)
            and not name.endswith("Middleware.__call__")  # every request passes through
        ]
        for name, file in ours:
            if (name, file) not in seen:
                seen.add((name, file))
                inclusive[f"{name} ({short(file)})"] += count
        waits = ("psycopg/", "redis/")
        if ours and any(frag in frames[-1][1] for frag in waits):
            kind = "SQL" if "psycopg/" in frames[-1][1] else "Redis"
            name, file = ours[-1]
            waiting[f"{kind} under {name} ({short(file)})"] += count
    if not total:
        return "    (no samples inside request handling)"
    lines = ["    where the time goes (innermost category of each sample):"]
    for category, count in categories.most_common():
        lines.append(f"      {100 * count / total:5.1f} %  {category}")
    lines.append("    project functions, inclusive share:")
    for name, count in inclusive.most_common(top):
        lines.append(f"      {100 * count / total:5.1f} %  {name}")
    lines.append("    database and Redis waits, by the innermost project function:")
    for name, count in waiting.most_common(top // 2):
        lines.append(f"      {100 * count / total:5.1f} %  {name}")
    return "\n".join(lines)
