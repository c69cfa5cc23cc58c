"""WSGI entry of the load benchmark: the shop plus the baseline view, and the worker's pid.

Never used in normal serving: `benchmarks/load.py` points gunicorn at it. It serves the
shop's URLs with `bench_urls` (the bare `values()` page the mix is compared with) and adds
`X-Worker-Pid` to every response, so the benchmark can tell which worker answered (the
freshness of a write is measured per worker).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop_mg.settings")
os.environ.setdefault("DJANGO_REQUIRE_SECRET_KEY", "1")

from django.conf import settings  # noqa: E402
from django.core.wsgi import get_wsgi_application  # noqa: E402

shop = get_wsgi_application()
settings.ROOT_URLCONF = "bench_urls"


def application(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
    pid = ("X-Worker-Pid", str(os.getpid()))

    def start(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
        return start_response(status, [*headers, pid], exc_info)

    return shop(environ, start)
