"""The catalog installed from its wheel in a bare Django project, set up from the README alone.

    python3 tests/host/run_host_check.py [--backends sqlite,postgresql] [--workdir DIR]

Builds the wheel (`pip wheel . --no-deps`), installs it (not editable) into a fresh venv,
creates a project with `django-admin startproject`, adds exactly the README's lines (read
from the README's `<!-- host-check: ... -->` blocks) and checks, on each database: `check`
clean, `migrate`, `makemigrations --check` (README settings and Django's default LANGUAGES),
`load_demo` without arguments, `check --deploy` with production settings, nl and en pages
with the catalog's CSS and JS served (DEBUG on; then DEBUG off with ManifestStaticFilesStorage
after `collectstatic`), sitemap, API root/list/detail/schema/docs (docs without external
URLs), the admin import page, and anonymous POST/PUT/PATCH/DELETE on every write endpoint
answered 401/403 with the catalog unchanged. Prints a summary; exits 1 on any failure.

Standard library only. The settings the check adds after the README's lines are the host's
own environment (which database, production hardening), never something the catalog needs.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(HERE))

import host_http  # noqa: E402
from readme_blocks import blocks, code_lines  # noqa: E402

ADMIN_USER, ADMIN_PASSWORD = "host-admin", "host-Check-" + secrets.token_hex(8)


class Run:
    """Records each check's outcome and time for the summary."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, str, bool, str, float]] = []

    def step(self, backend: str, name: str, action: Callable[[], str]) -> bool:
        started = time.monotonic()
        try:
            detail, ok = action(), True
        except (
            host_http.Failed,
            subprocess.CalledProcessError,
            OSError,
            KeyError,
            ValueError,
        ) as error:
            detail, ok = _describe(error), False
        seconds = time.monotonic() - started
        self.rows.append((backend, name, ok, detail, seconds))
        mark = "ok  " if ok else "FAIL"
        print(f"[{mark}] {backend:10} {name:34} {seconds:5.1f}s  {detail}", flush=True)
        return ok

    @property
    def failed(self) -> list[tuple[str, str, bool, str, float]]:
        return [row for row in self.rows if not row[2]]


def _describe(error: BaseException) -> str:
    if isinstance(error, subprocess.CalledProcessError):
        output = (error.stdout or "") + (error.stderr or "")
        tail = " | ".join(output.strip().splitlines()[-6:])
        return f"{' '.join(map(str, error.cmd[-3:]))} exited {error.returncode}: {tail}"
    return f"{type(error).__name__}: {error}"


def sh(*args: str | Path, env: dict[str, str] | None = None, cwd: Path | None = None) -> str:
    result = subprocess.run(
        [str(a) for a in args],
        env={**os.environ, **(env or {})},
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise subprocess.CalledProcessError(
            result.returncode, result.args, result.stdout, result.stderr
        )
    return result.stdout + result.stderr


def indented(code: str) -> str:
    return textwrap.indent(code, "    ")


def host_tail(readme: dict[str, str], pg: dict[str, str], redis_url: str) -> str:
    """The host's own environment, after the README's lines: database, cache, production."""
    postgresql = (
        readme["postgresql"]
        .replace('"NAME": "shop"', f'"NAME": "{pg["name"]}"')
        .replace('"USER": "shop"', f'"USER": "{pg["user"]}"')
        .replace('"HOST": "127.0.0.1"', f'"HOST": "{pg["host"]}"')
        .replace('"PORT": "5432"', f'"PORT": "{pg["port"]}"')
    )
    redis = readme["redis"].replace("redis://127.0.0.1:6379/0", redis_url)
    return f"""

# --- The bare-host check's environment (tests/host/run_host_check.py), not the README's. ---
import os as _os

if _os.environ.get("HOST_DB") == "postgresql":  # README, "PostgreSQL"
{indented(postgresql)}
if _os.environ.get("HOST_CACHE") == "redis":  # README, "Redis, the cache and imports"
{indented(redis)}    CACHES["default"]["KEY_PREFIX"] = _os.environ["HOST_CACHE_PREFIX"]
if _os.environ.get("HOST_DEFAULT_LANGUAGES"):  # Django's own LANGUAGES (about a hundred)
    from django.conf import global_settings as _global_settings

    LANGUAGES = _global_settings.LANGUAGES
if _os.environ.get("HOST_MODE") == "production":  # README, "Production", and the host's hardening
    DEBUG = False
    SECRET_KEY = _os.environ["HOST_SECRET_KEY"]
    ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
{indented(readme["production"])}    SECURE_SSL_REDIRECT = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
"""


class Host:
    """One bare project on one database."""

    def __init__(self, root: Path, venv: Path, backend: str, args: argparse.Namespace) -> None:
        self.root, self.venv, self.backend, self.args = root, venv, backend, args
        self.python = venv / "bin" / "python"
        self.project = root / "project"
        self.manage = self.project / "manage.py"
        self.env = {
            "HOST_DB": backend,
            "HOST_CACHE": "redis" if backend == "postgresql" and args.redis_url else "",
            "HOST_CACHE_PREFIX": f"host-check-{secrets.token_hex(6)}",
            "DJANGO_SUPERUSER_USERNAME": ADMIN_USER,
            "DJANGO_SUPERUSER_PASSWORD": ADMIN_PASSWORD,
            "DJANGO_SUPERUSER_EMAIL": "admin@example.com",
            "PYTHONDONTWRITEBYTECODE": "1",
        }
        self.production = {
            "HOST_MODE": "production",
            "HOST_SECRET_KEY": secrets.token_urlsafe(50),
        }

    def run(self, *args: str, **env: str) -> str:
        return sh(self.python, self.manage, *args, env={**self.env, **env}, cwd=self.project)

    # --- steps ---------------------------------------------------------------------------

    def create(self, readme: dict[str, str]) -> str:
        shutil.rmtree(self.root, ignore_errors=True)
        self.project.mkdir(parents=True)
        sh(self.venv / "bin" / "django-admin", "startproject", "host", self.project)
        settings = self.project / "host" / "settings.py"
        urls = self.project / "host" / "urls.py"
        settings.write_text(settings.read_text() + "\n" + readme["settings"], "utf-8")
        urls.write_text(urls.read_text() + "\n" + readme["urls"], "utf-8")
        pg = {
            "name": self.args.pg_db,
            "user": self.args.pg_user,
            "host": self.args.pg_host,
            "port": self.args.pg_port,
        }
        settings.write_text(settings.read_text() + host_tail(readme, pg, self.args.redis_url))
        added = len(code_lines(readme["settings"])) + len(code_lines(readme["urls"]))
        return f"startproject + the README's lines ({added}: settings {len(code_lines(readme['settings']))}, urls {len(code_lines(readme['urls']))})"

    def reset_database(self) -> str:
        if self.backend != "postgresql":
            return "SQLite file db.sqlite3 (new project)"
        for statement in (
            f'DROP DATABASE IF EXISTS "{self.args.pg_db}"',
            f'CREATE DATABASE "{self.args.pg_db}"',
        ):
            sh(
                "psql",
                "-h",
                self.args.pg_host,
                "-p",
                self.args.pg_port,
                "-U",
                self.args.pg_user,
                "-d",
                "postgres",
                "-q",
                "-c",
                statement,
            )
        return f"database {self.args.pg_db} created afresh"

    def check(self) -> str:
        out = self.run("check")
        host_http.expect("System check identified no issues (0 silenced)" in out, out.strip())
        return "System check identified no issues (0 silenced)"

    def migrate(self) -> str:
        out = self.run("migrate", "--noinput")
        applied = out.count("Applying catalog.")
        host_http.expect(applied >= 4, f"catalog migrations applied: {applied}")
        return f"{applied} catalog migrations applied"

    def makemigrations_check(self, default_languages: bool) -> str:
        env = {"HOST_DEFAULT_LANGUAGES": "1"} if default_languages else {}
        out = self.run("makemigrations", "--check", "--dry-run", **env)
        return out.strip().splitlines()[-1]

    def load_demo(self) -> str:
        first = self.run("load_demo", HOST_DEFAULT_LANGUAGES="1")
        again = self.run("load_demo")
        host_http.expect(first.strip() == again.strip(), f"{first} then {again}")
        return f"with Django's default LANGUAGES, then again (idempotent): {again.strip()}"

    def superuser(self) -> str:
        self.run("createsuperuser", "--noinput")
        return f"superuser {ADMIN_USER}"

    def check_deploy(self) -> str:
        out = self.run("check", "--deploy", "--fail-level", "WARNING", **self.production)
        host_http.expect("System check identified no issues" in out, out.strip())
        return "check --deploy: no issues"

    def postgresql_planner(self) -> str:
        if self.backend != "postgresql":
            return "not PostgreSQL"
        code = (
            "from django.db import connection\n"
            "with connection.cursor() as c:\n"
            "    c.execute('SHOW random_page_cost'); print(c.fetchone()[0])"
        )
        value = self.run("shell", "-c", code).strip().splitlines()[-1]
        host_http.expect(value == "1.1", f"random_page_cost is {value}")
        return "random_page_cost 1.1 (catalog.database.tuned_database)"

    def collectstatic(self) -> str:
        out = self.run("collectstatic", "--noinput", **self.production)
        return out.strip().splitlines()[-1]

    def fingerprint(self) -> str:
        dump = self.run("dumpdata", "catalog", "--format", "json")
        return hashlib.sha256(dump.encode()).hexdigest()

    def serve(self, production: bool) -> subprocess.Popen[bytes]:
        """runserver in the host project; its output goes to a log, and `server.ready` is set
        when it says it is listening (runserver prints that once the socket is bound)."""
        env = {**os.environ, **self.env, **(self.production if production else {})}
        log = self.root / f"runserver-{'production' if production else 'debug'}.log"
        process = subprocess.Popen(
            [
                str(self.python),
                str(self.manage),
                "runserver",
                f"127.0.0.1:{self.args.port}",
                "--noreload",
            ],
            cwd=self.project,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        ready = threading.Event()

        def copy_output() -> None:
            assert process.stdout is not None
            with log.open("wb") as output:
                for line in process.stdout:
                    output.write(line)
                    output.flush()
                    if b"Quit the server with" in line:
                        ready.set()

        threading.Thread(target=copy_output, daemon=True).start()
        process.ready = ready  # type: ignore[attr-defined]
        return process


def check_backend(run: Run, host: Host, readme: dict[str, str]) -> None:
    b = host.backend
    if not run.step(b, "project from the README", lambda: host.create(readme)):
        return
    if not run.step(b, "database", host.reset_database):
        return
    run.step(b, "manage.py check", host.check)
    if not run.step(b, "migrate", host.migrate):
        return
    run.step(b, "makemigrations --check", lambda: host.makemigrations_check(False))
    run.step(b, "  ... with default LANGUAGES", lambda: host.makemigrations_check(True))
    if not run.step(b, "load_demo (no --path)", host.load_demo):
        return
    run.step(b, "createsuperuser", host.superuser)
    run.step(b, "check --deploy (production env)", host.check_deploy)
    run.step(b, "PostgreSQL planner setting", host.postgresql_planner)

    client = host_http.Client("127.0.0.1", host.args.port)
    server = host.serve(production=False)
    try:
        if run.step(
            b, "runserver (DEBUG on)", lambda: (client.wait_until_up(server.ready), "up")[1]
        ):
            run.step(
                b, "pages nl/en + CSS/JS", lambda: host_http.check_pages(client, "app static dirs")
            )
            run.step(b, "sitemap + robots.txt", lambda: host_http.check_sitemap(client))
            run.step(b, "API root/list/detail/schema", lambda: host_http.check_api(client))
            run.step(b, "API docs, nothing external", lambda: host_http.check_docs(client))
            run.step(
                b,
                "admin import page (logged in)",
                lambda: host_http.check_admin_import(client, ADMIN_USER, ADMIN_PASSWORD),
            )
            run.step(
                b,
                "anonymous writes refused",
                lambda: host_http.check_anonymous_writes(client, host.fingerprint),
            )
    finally:
        server.terminate()
        server.wait(timeout=30)

    if not run.step(b, "collectstatic (Manifest storage)", host.collectstatic):
        return
    secure = host_http.Client("127.0.0.1", host.args.port, {"X-Forwarded-Proto": "https"})
    server = host.serve(production=True)
    try:
        if run.step(
            b, "runserver (DEBUG off)", lambda: (secure.wait_until_up(server.ready), "up")[1]
        ):
            run.step(
                b,
                "pages nl/en + hashed CSS/JS",
                lambda: host_http.check_pages(secure, "STATIC_ROOT, manifest names"),
            )
            run.step(
                b,
                "API + docs (DEBUG off)",
                lambda: host_http.check_api(secure) + "; " + host_http.check_docs(secure),
            )
            run.step(b, "sitemap (DEBUG off)", lambda: host_http.check_sitemap(secure))
    finally:
        server.terminate()
        server.wait(timeout=30)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument(
        "--workdir",
        type=Path,
        default=None,
        help="kept afterwards (default: a temporary folder, removed)",
    )
    parser.add_argument("--python", default=sys.executable, help="interpreter for the fresh venv")
    parser.add_argument("--port", type=int, default=int(os.environ.get("HOST_CHECK_PORT", "8141")))
    parser.add_argument("--pg-db", default=os.environ.get("HOST_CHECK_PG_DB", "host_check"))
    parser.add_argument("--pg-user", default=os.environ.get("HOST_CHECK_PG_USER", "postgres"))
    parser.add_argument("--pg-host", default=os.environ.get("HOST_CHECK_PG_HOST", "127.0.0.1"))
    parser.add_argument("--pg-port", default=os.environ.get("HOST_CHECK_PG_PORT", "5432"))
    parser.add_argument(
        "--redis-url",
        default=os.environ.get("HOST_CHECK_REDIS_URL", "redis://127.0.0.1:6379/3"),
        help="the PostgreSQL run caches in Redis here ('' for no Redis)",
    )
    args = parser.parse_args(argv)
    started = time.monotonic()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="catalog-host-check-"))
    workdir.mkdir(parents=True, exist_ok=True)
    readme = blocks((REPO / "README.md").read_text("utf-8"))
    run = Run()
    venv = workdir / "venv"
    dist = workdir / "dist"

    def build() -> str:
        shutil.rmtree(dist, ignore_errors=True)
        shutil.rmtree(REPO / "build", ignore_errors=True)
        sh(args.python, "-m", "pip", "wheel", REPO, "--no-deps", "-q", "-w", dist)
        wheel = next(dist.glob("*.whl"))
        return f"{wheel.name} ({wheel.stat().st_size // 1024} KiB)"

    def install() -> str:
        shutil.rmtree(venv, ignore_errors=True)
        sh(args.python, "-m", "venv", venv)
        wheel = next(dist.glob("*.whl"))
        sh(venv / "bin" / "pip", "install", "-q", wheel)
        origin = sh(
            venv / "bin" / "python",
            "-c",
            "import catalog, django; print(catalog.__file__, 'Django', django.get_version())",
            cwd=workdir,
        )
        host_http.expect(str(REPO) not in origin, f"catalog imported from the checkout: {origin}")
        return f"fresh venv, installed from the wheel: {origin.strip()}"

    try:
        ok = run.step("-", "build the wheel", build) and run.step(
            "-", "install it in a fresh venv", install
        )
        if ok:
            for backend in [b.strip() for b in args.backends.split(",") if b.strip()]:
                check_backend(run, Host(workdir / backend, venv, backend, args), readme)
    finally:
        shutil.rmtree(REPO / "build", ignore_errors=True)
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)

    lines = len(code_lines(readme["settings"])) + len(code_lines(readme["urls"]))
    failed = run.failed
    print()
    print(
        f"Summary: {len(run.rows) - len(failed)} of {len(run.rows)} checks passed "
        f"in {time.monotonic() - started:.0f} s; the host added {lines} lines "
        f"(settings {len(code_lines(readme['settings']))}, urls {len(code_lines(readme['urls']))})."
    )
    for backend, name, _ok, detail, _seconds in failed:
        print(f"  FAILED {backend} / {name}: {detail}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
