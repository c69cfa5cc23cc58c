"""Request logs (one JSON line per request) and the metrics endpoint's guard."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import RequestFactory

from shop_mg.observability import metrics_view
from tests.factories import make_user

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def access_log(caplog):
    caplog.set_level(logging.INFO, logger="django_structlog")
    return caplog


def finished(caplog) -> dict:
    records = [r for r in caplog.records if isinstance(r.msg, dict)]
    events = [r.msg for r in records if r.msg.get("event") == "request_finished"]
    assert len(events) == 1, events
    return events[0]


def test_each_request_logs_its_status_duration_query_count_and_id(access_log, client, demo_catalog):
    client.get("/api/v1/forms/", HTTP_X_REQUEST_ID="from-the-proxy")
    line = finished(access_log)
    assert line["code"] == 200
    assert line["request"] == "GET /api/v1/forms/"
    assert line["db_queries"] >= 1
    assert line["duration_ms"] > 0
    assert len(line["request_id"]) == 36  # ours: a proxy's id is trusted only behind proxies


def test_the_log_line_is_one_json_object():
    """What the console handler writes for a structlog event (django-structlog's are such)."""
    import io

    import structlog
    from django.conf import settings

    config = settings.LOGGING["formatters"]["structured"]
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(
        config["()"](processor=config["processor"], foreign_pre_chain=config["foreign_pre_chain"])
    )
    target = logging.getLogger("django_structlog.test_line")
    target.addHandler(handler)
    try:
        structlog.get_logger("django_structlog.test_line").info("request_finished", code=200)
    finally:
        target.removeHandler(handler)
    line = json.loads(stream.getvalue())
    assert (line["event"], line["code"], line["level"]) == ("request_finished", 200, "info")


def test_metrics_are_hidden_without_the_token(settings, db):
    from django.http import Http404

    settings.METRICS_TOKEN = "s3cret-token"
    for headers in ({}, {"HTTP_AUTHORIZATION": "Bearer wrong"}):
        request = RequestFactory().get("/metrics", **headers)
        with pytest.raises(Http404):
            metrics_view(request)


def test_metrics_answer_the_scraper_with_the_token(settings):
    settings.METRICS_TOKEN = "s3cret-token"
    request = RequestFactory().get("/metrics", HTTP_AUTHORIZATION="Bearer s3cret-token")
    response = metrics_view(request)
    assert response.status_code == 200
    assert b"# TYPE" in response.content


def test_metrics_answer_a_staff_user(settings, db):
    settings.METRICS_TOKEN = ""
    request = RequestFactory().get("/metrics")
    request.user = make_user(username="ops", superuser=True)
    assert metrics_view(request).status_code == 200


def test_metrics_switch_on_the_app_middleware_and_database_wrapper():
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        "print(json.dumps(['django_prometheus' in settings.INSTALLED_APPS, "
        "settings.MIDDLEWARE[1], settings.MIDDLEWARE[-1], settings.DATABASES['default']['ENGINE']]))"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE"))}
    env.update(DJANGO_SETTINGS_MODULE="shop_mg.settings", DJANGO_METRICS="1")
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    assert json.loads(out.stdout) == [
        True,
        "django_prometheus.middleware.PrometheusBeforeMiddleware",
        "django_prometheus.middleware.PrometheusAfterMiddleware",
        "django_prometheus.db.backends.sqlite3",
    ]
