"""Production settings, Content Security Policy, sanitising, throttling and error pages."""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.test import Client, override_settings
from django.urls import path, reverse
from django.utils import timezone, translation
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import AllowAny
from rest_framework.test import APIClient

from catalog.models import Article, ArticleSection, Goal, Product
from catalog.templatetags.catalog_html import rich_text
from shop_mg import urls as shop_urls
from tests.factories import make_user

pytestmark = pytest.mark.django_db

BASE_DIR = Path(settings.BASE_DIR)
PRODUCT = "vitaflux-magnesium-citrate-400"


def manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run manage.py in a fresh process with only the given DJANGO_* variables set."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return subprocess.run(
        [sys.executable, *args],
        cwd=BASE_DIR,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


PRODUCTION = {
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    "DJANGO_SECURE": "1",
    "DJANGO_ALLOWED_HOSTS": "shop.example.com,www.shop.example.com",
}


# --- settings --------------------------------------------------------------------------------


def test_check_deploy_is_clean_with_production_settings():
    result = manage("manage.py", "check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


SHOW_DB_OPTIONS = [
    "manage.py",
    "shell",
    "-c",
    "from django.conf import settings; print(settings.DATABASES['default'].get('OPTIONS'))",
]
PG_URL = "postgres://postgres@127.0.0.1:5432/shop"


@pytest.mark.parametrize(
    ("cost", "expected"),
    [
        (None, "{'options': '-c random_page_cost=1.1'}"),
        ("4", "{'options': '-c random_page_cost=4.0'}"),
        ("", "{}"),
    ],
    ids=["default", "spinning-disk", "server-value"],
)
def test_postgresql_connections_set_the_random_page_cost(cost, expected):
    env = {"DATABASE_URL": PG_URL}
    if cost is not None:
        env["DATABASE_RANDOM_PAGE_COST"] = cost
    result = manage(*SHOW_DB_OPTIONS, **env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == expected


def test_a_bad_random_page_cost_is_named():
    result = manage(*SHOW_DB_OPTIONS, DATABASE_URL=PG_URL, DATABASE_RANDOM_PAGE_COST="fast")
    assert result.returncode != 0
    assert "DATABASE_RANDOM_PAGE_COST must be a number, not 'fast'" in result.stderr


def test_sqlite_gets_no_postgresql_options():
    result = manage(*SHOW_DB_OPTIONS, DATABASE_URL="sqlite:///unused.sqlite3")
    assert result.returncode == 0, result.stderr
    assert "random_page_cost" not in result.stdout


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL setting")
@pytest.mark.django_db
def test_the_test_connection_plans_with_the_lower_random_page_cost():
    with connection.cursor() as cursor:
        cursor.execute("SHOW random_page_cost")
        assert cursor.fetchone()[0] == "1.1"


def test_check_deploy_flags_the_development_key():
    env = {k: v for k, v in PRODUCTION.items() if k not in ("DJANGO_SECRET_KEY", "DJANGO_SECURE")}
    result = manage("manage.py", "check", "--deploy", "--fail-level", "WARNING", **env)
    assert result.returncode != 0
    assert "security.W009" in result.stdout + result.stderr


@pytest.mark.parametrize(
    ("command", "env"),
    [
        (["-c", "import shop_mg.wsgi"], {}),  # gunicorn serving with DEBUG off
        (["-c", "import shop_mg.asgi"], {}),
        (["manage.py", "check"], {"DJANGO_SECURE": "1"}),  # any command in production
    ],
    ids=["wsgi", "asgi", "secure-command"],
)
def test_production_refuses_to_start_without_a_secret_key(command, env):
    result = manage(*command, **env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_development_starts_without_a_secret_key():
    """`make run` sets DJANGO_DEBUG=1 and needs nothing else."""
    result = manage("-c", "import shop_mg.wsgi", DJANGO_DEBUG="1")
    assert result.returncode == 0, result.stderr


def test_the_secret_key_comes_from_the_environment():
    key = secrets.token_urlsafe(50)
    code = "import django; django.setup(); from django.conf import settings; print(settings.SECRET_KEY)"
    result = manage("-c", code, DJANGO_SECRET_KEY=key, DJANGO_SETTINGS_MODULE="shop_mg.settings")
    assert result.stdout.strip() == key


def test_security_headers(client, demo_catalog):
    response = client.get("/en/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


# --- Content Security Policy ---------------------------------------------------------------------


def csp(response) -> dict[str, list[str]]:
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def test_pages_send_a_policy_without_inline_script(client, demo_catalog):
    policy = csp(client.get("/en/products/"))
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]  # no nonce asked for: no inline script at all
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert not any("unsafe" in value for values in policy.values() for value in values)


def test_the_api_and_the_admin_send_it_too(client, demo_catalog):
    assert "script-src 'self'" in client.get("/api/v1/products/")["Content-Security-Policy"]
    assert "script-src 'self'" in client.get("/admin/login/")["Content-Security-Policy"]


def test_an_inline_style_carries_the_policy_nonce(client, demo_catalog):
    """The admin import page's one <style> block is allowed by its nonce, nothing else."""
    client.force_login(make_user(superuser=True, username="root"))
    response = client.get("/admin/catalog/product/import/")
    nonce = re.search(r'<style nonce="([^"]+)">', response.content.decode()).group(1)
    assert f"'nonce-{nonce}'" in csp(response)["style-src"]


def test_api_docs_work_under_the_policy(client, demo_catalog):
    """Swagger UI: its init script is a file (?script), its style block has the nonce."""
    response = client.get("/api/v1/docs/")
    html = response.content.decode()
    assert response.status_code == 200
    scripts = re.findall(r"<script([^>]*)>", html)
    assert scripts and all("src=" in attributes for attributes in scripts)
    nonce = re.search(r'<style nonce="([^"]+)">', html).group(1)
    assert f"'nonce-{nonce}'" in csp(response)["style-src"]
    script = client.get("/api/v1/docs/?script=")
    assert script.status_code == 200
    assert "SwaggerUIBundle" in script.content.decode()


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>", re.I)
EVENT_HANDLER = re.compile(r"""\son[a-z]+\s*=\s*["']""", re.I)
STYLE_ATTRIBUTE = re.compile(r"""\sstyle\s*=\s*["']""", re.I)
STYLE_BLOCK = re.compile(r"<style(?![^>]*\bnonce=)[^>]*>", re.I)
TEMPLATE_DIRS = [BASE_DIR / "templates", BASE_DIR / "catalog" / "templates"]


@pytest.mark.parametrize(
    "pattern",
    [INLINE_SCRIPT, EVENT_HANDLER, STYLE_ATTRIBUTE, STYLE_BLOCK, re.compile("javascript:", re.I)],
    ids=[
        "inline-script",
        "event-handler",
        "style-attribute",
        "style-block-without-nonce",
        "javascript-url",
    ],
)
def test_templates_have_nothing_the_policy_blocks(pattern):
    offenders = [
        f"{path.relative_to(BASE_DIR)}: {match.group(0)}"
        for folder in TEMPLATE_DIRS
        for path in folder.rglob("*.html")
        for match in pattern.finditer(path.read_text("utf-8"))
    ]
    assert not offenders


@pytest.mark.parametrize(
    "url",
    [
        "/en/",
        "/en/products/",
        f"/en/products/{PRODUCT}/",
        "/en/goals/muscles-cramps/",
        "/en/articles/magnesium-and-medication/",
        "/en/search/?q=citrate",
    ],
)
def test_rendered_pages_have_nothing_the_policy_blocks(client, demo_catalog, url):
    html = client.get(url).content.decode()
    for pattern in (INLINE_SCRIPT, EVENT_HANDLER, STYLE_ATTRIBUTE, STYLE_BLOCK):
        assert not pattern.search(html), pattern.pattern


def test_json_ld_cannot_be_closed_by_data(client, demo_catalog):
    Product.objects.filter(slug=PRODUCT).update(name_en="</script><script>alert(1)</script>")
    html = client.get(f"/en/products/{PRODUCT}/").content.decode()
    assert "<script>alert(1)" not in html
    assert "\\u003c/script\\u003e" in html


# --- rich text -----------------------------------------------------------------------------------

DIRTY = '<p onclick="x()">Hi<script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:alert(3)">a</a></p>'


def assert_sanitised(html: str) -> None:
    # The dirty <img src=x> is gone; the pages' own pictures (packshots) may stay.
    for bad in ("<script", "onclick", "onerror", "javascript:", "<img src=x", '<img src="x"'):
        assert bad not in html
    assert "Hi" in html


def test_rich_text_is_sanitised_before_storage(demo_catalog):
    client = APIClient()
    client.force_authenticate(make_user(superuser=True, username="root"))
    response = client.post(
        "/api/v1/articles/",
        {
            "slug": "dirty",
            "title_nl": "Vies",
            "title_en": "Dirty",
            "intro_html_nl": DIRTY,
            "sections": [
                {"heading_nl": "K", "heading_en": "H", "body_html_nl": DIRTY, "body_html_en": DIRTY}
            ],
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    article = Article.objects.get(slug="dirty")
    assert_sanitised(article.intro_html_nl)
    assert_sanitised(article.sections.get().body_html_en)


def test_rich_text_written_behind_the_services_back_is_sanitised_on_output(client, demo_catalog):
    """A row written by SQL, a fixture or an old version: the API and the pages clean it."""
    Goal.objects.filter(slug="muscles-cramps").update(body_html_en=DIRTY)
    section = ArticleSection.objects.filter(article__slug="magnesium-and-medication").first()
    ArticleSection.objects.filter(pk=section.pk).update(body_html_en=DIRTY)
    api = client.get("/api/v1/goals/muscles-cramps/?lang=en").json()
    assert_sanitised(api["body_html"])
    article = client.get("/api/v1/articles/magnesium-and-medication/?lang=en").json()
    assert_sanitised(next(s["body_html"] for s in article["sections"] if "Hi" in s["body_html"]))
    with translation.override("en"):
        page = client.get(reverse("catalog:goal-detail", kwargs={"slug": "muscles-cramps"}))
    main = page.content.decode().split('<main id="main"')[1]  # the head has <script src>
    assert_sanitised(main)


def test_the_rich_text_filter_sanitises():
    assert_sanitised(str(rich_text(DIRTY)))
    assert 'class="table-wrap"' in str(rich_text("<table><tr><td>1</td></tr></table>"))


# --- throttling ----------------------------------------------------------------------------------

LOW_RATE = {**settings.CATALOG, "API_ANON_RATE": "3/minute"}


@override_settings(CATALOG=LOW_RATE)
def test_anonymous_api_clients_are_throttled_with_retry_after(client, demo_catalog):
    statuses = [client.get("/api/v1/forms/").status_code for _ in range(3)]
    assert statuses == [200, 200, 200]
    response = client.get("/api/v1/goals/")  # the budget is per client, not per endpoint
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "detail" in response.json()


@override_settings(CATALOG=LOW_RATE)
def test_throttling_is_per_client_address(client, demo_catalog):
    for _ in range(3):
        client.get("/api/v1/forms/", REMOTE_ADDR="10.0.0.1")
    assert client.get("/api/v1/forms/", REMOTE_ADDR="10.0.0.1").status_code == 429
    assert client.get("/api/v1/forms/", REMOTE_ADDR="10.0.0.2").status_code == 200


@override_settings(CATALOG=LOW_RATE)
def test_authenticated_clients_and_pages_are_not_throttled(client, demo_catalog):
    for _ in range(5):
        assert client.get("/en/products/").status_code == 200
    client.force_login(make_user(username="integrator"))
    for _ in range(5):
        assert client.get("/api/v1/forms/").status_code == 200


def test_the_default_rate_is_generous_and_configurable():
    code = (
        "import django; django.setup(); from catalog.conf import catalog_settings; "
        "print(catalog_settings.API_ANON_RATE)"
    )
    assert (
        manage("-c", code, DJANGO_SETTINGS_MODULE="shop_mg.settings").stdout.strip() == "600/minute"
    )
    changed = manage(
        "-c", code, DJANGO_SETTINGS_MODULE="shop_mg.settings", DJANGO_API_ANON_RATE="60/minute"
    )
    assert changed.stdout.strip() == "60/minute"
    off = manage("-c", code, DJANGO_SETTINGS_MODULE="shop_mg.settings", DJANGO_API_ANON_RATE="off")
    assert off.stdout.strip() == "None"


# --- admin login ---------------------------------------------------------------------------------


@pytest.fixture
def fast_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def manager(fast_hasher, db):
    return get_user_model().objects.create_superuser("boss", "boss@example.com", "right-Password-1")


def login(client: Client, username: str, password: str, ip: str = "10.1.1.1") -> HttpResponse:
    return client.post(
        "/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=ip
    )


def test_admin_login_locks_after_repeated_failures(client, manager):
    limit = settings.ADMIN_LOGIN_MAX_FAILURES
    for _ in range(limit - 1):
        assert login(client, "boss", "wrong").status_code == 200
    assert login(client, "boss", "wrong").status_code == 429  # the limit-th failure locks
    locked = login(client, "boss", "right-Password-1")  # even the right password now
    assert locked.status_code == 429
    assert int(locked["Retry-After"]) == settings.ADMIN_LOGIN_LOCKOUT_SECONDS
    assert "_auth_user_id" not in client.session


def test_admin_login_lockout_is_per_ip_and_username(client, manager):
    for _ in range(settings.ADMIN_LOGIN_MAX_FAILURES):
        login(client, "boss", "wrong")
    assert login(client, "boss", "right-Password-1", ip="10.9.9.9").status_code == 302
    assert login(Client(), "someone-else", "wrong").status_code == 200


def test_admin_login_lock_holds_in_the_database_through_a_cache_outage(client, manager):
    for _ in range(settings.ADMIN_LOGIN_MAX_FAILURES):
        login(client, "boss", "wrong")
    cache.clear()  # django-axes keeps attempts in the database, not in the cache
    locked = login(client, "boss", "right-Password-1")
    assert locked.status_code == 429
    assert "Too many failed logins" in locked.content.decode()


def test_a_good_login_resets_the_count(client, manager):
    for _ in range(settings.ADMIN_LOGIN_MAX_FAILURES - 1):
        login(client, "boss", "wrong")
    assert login(client, "boss", "right-Password-1").status_code == 302
    client.logout()
    for _ in range(settings.ADMIN_LOGIN_MAX_FAILURES - 1):
        login(client, "boss", "wrong")
    assert login(client, "boss", "right-Password-1").status_code == 302


def test_the_lockout_ends_with_its_window(client, manager):
    from axes.models import AccessAttempt

    for _ in range(settings.ADMIN_LOGIN_MAX_FAILURES):
        login(client, "boss", "wrong")
    assert login(client, "boss", "right-Password-1").status_code == 429
    # The window passes: the attempts are now older than ADMIN_LOGIN_LOCKOUT_SECONDS.
    long_ago = timezone.now() - timedelta(seconds=settings.ADMIN_LOGIN_LOCKOUT_SECONDS + 1)
    AccessAttempt.objects.update(attempt_time=long_ago)
    assert login(client, "boss", "right-Password-1").status_code == 302


# --- error pages ---------------------------------------------------------------------------------

SECRET = "SELECT password FROM auth_user WHERE secret_detail"


def boom(request: HttpRequest) -> HttpResponse:
    raise RuntimeError(SECRET)


@api_view(["GET"])
@permission_classes([AllowAny])
def api_boom(request: HttpRequest) -> HttpResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT no_such_column FROM no_such_table")
    return HttpResponse()


urlpatterns = [
    path("api/v1/boom/", api_boom),
    path("api/v1/plain-boom/", boom),
    path("en/boom/", boom),
    *shop_urls.urlpatterns,
]
handler400 = "shop_mg.views.bad_request"
handler403 = "shop_mg.views.permission_denied"
handler404 = "shop_mg.views.page_not_found"
handler500 = "shop_mg.views.server_error"


@pytest.fixture
def erring_client():
    with override_settings(ROOT_URLCONF=__name__, DEBUG=False):
        yield Client(raise_request_exception=False)


@pytest.mark.parametrize("url", ["/api/v1/boom/", "/api/v1/plain-boom/"])
def test_api_errors_are_json_without_details(erring_client, url):
    response = erring_client.get(url)
    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "A server error occurred."}


def test_page_errors_are_the_friendly_page_without_details(erring_client):
    response = erring_client.get("/en/boom/")
    html = response.content.decode()
    assert response.status_code == 500
    assert "Something went wrong" in html
    for leak in (SECRET, "Traceback", "RuntimeError", "SELECT"):
        assert leak not in html


def test_unknown_api_paths_are_json_404s(client):
    response = client.get("/api/v1/no-such-thing/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_unknown_pages_are_the_friendly_404(client, demo_catalog):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
