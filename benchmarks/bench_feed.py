"""The JSON Lines feed of a whole catalog, served and consumed in this process.

    DATABASE_URL=postgres://.../bench_100k python benchmarks/bench_feed.py

This process is the serving process: it runs Django's handler (through the test Client) and
drops each streamed chunk after counting its lines, so its peak RSS (getrusage ru_maxrss)
is what serving the feed costs. It serves one empty feed first (a warm server); the timing
runs from the request to the last line. Prints one JSON object.
"""

from __future__ import annotations

import json
import resource
import time

from _common import setup_django


def main() -> None:
    setup_django()
    from django.test import Client

    client = Client()
    # A running server, not a starting one: one empty feed first loads the code paths,
    # translations and reference data (start-up would otherwise weigh on a small catalog).
    for _chunk in client.get(
        "/api/v1/feed/products.jsonl?updated_since=2999-01-01T00:00:00Z"
    ).streaming_content:  # type: ignore[attr-defined]
        pass
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start = time.perf_counter()
    response = client.get("/api/v1/feed/products.jsonl")
    lines = size = 0
    for chunk in response.streaming_content:  # type: ignore[attr-defined]
        lines += chunk.count(b"\n")
        size += len(chunk)
    seconds = time.perf_counter() - start
    print(
        json.dumps(
            {
                "lines": lines,
                "megabytes": size / 1e6,
                "seconds": seconds,
                "per_second": lines / seconds,
                "rss_after_setup_mb": rss_before,
                "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            }
        )
    )


if __name__ == "__main__":
    main()
