"""EXPLAIN ANALYZE of every query `/api/v1/suggest/` sends, on the database of DATABASE_URL.

    DATABASE_URL=postgres://.../search18 python benchmarks/explain_suggest.py mag cit bis vit

Prints, per typed text, each SQL statement's plan summary (the scans and their indexes) and
its execution time; the cache is left out (the selector's compute runs directly).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def main() -> None:
    from _common import setup_django

    setup_django()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from catalog.selectors import suggest

    texts = sys.argv[1:] or ["ma", "mag", "magnesium ci", "cit", "bisgl", "slaap", "vitaf", "zz"]
    suggest.cached = lambda key, compute, timeout=None: compute()  # type: ignore[assignment]
    for lang in ("nl", "en"):
        suggest._entries(lang)  # the small cached list, not what is measured here
    for text in texts:
        with CaptureQueriesContext(connection) as captured:
            suggest._suggest(text, "nl")
        for query in captured.captured_queries:
            sql = query["sql"]
            if "catalog_product" not in sql:
                continue
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS OFF) " + sql)
                plan = [row[0] for row in cursor.fetchall()]
            scans = sorted({m.strip() for line in plan for m in re.findall(r"(?:Index Only Scan|Index Scan|Bitmap Index Scan|Seq Scan)[^(]*", line)})
            total = next(line for line in plan if line.startswith("Execution Time"))
            print(f"{text!r:16} {total:28} {'; '.join(scans)}")


if __name__ == "__main__":
    main()
