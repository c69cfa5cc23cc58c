"""HTTP checks of a bare project serving the installed catalog (standard library only).

Each check returns a one-line detail or raises `Failed`; `run_host_check.py` runs them
against `manage.py runserver` and prints the summary.
"""

from __future__ import annotations

import http.client
import json
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlencode, urljoin, urlsplit

RESOURCES = ("products", "forms", "goals", "articles", "interactions")
WRITE_METHODS = ("POST", "PUT", "PATCH", "DELETE")


class Failed(Exception):
    """A check's expectation did not hold."""


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise Failed(message)


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes
    cookies: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")

    def json(self) -> object:
        return json.loads(self.body)


class Client:
    """One host:port; never follows redirects; keeps cookies when asked to."""

    def __init__(self, host: str, port: int, headers: dict[str, str] | None = None) -> None:
        self.host, self.port = host, port
        self.base = f"http://{host}:{port}"
        self.headers = dict(headers or {})
        self.cookies: dict[str, str] = {}

    def request(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> Response:
        url = urlsplit(urljoin(self.base + "/", path))
        expect(
            url.netloc in ("", f"{self.host}:{self.port}"),
            f"{path} points to another host ({url.netloc})",
        )
        target = url.path + (f"?{url.query}" if url.query else "")
        all_headers = {**self.headers, **(headers or {})}
        if self.cookies:
            all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
        try:
            connection.request(method, target, body=body, headers=all_headers)
            raw = connection.getresponse()
            data = raw.read()
            cookies = {}
            for name, value in raw.getheaders():
                if name.lower() == "set-cookie":
                    key, _, rest = value.partition("=")
                    cookies[key.strip()] = rest.split(";", 1)[0]
            headers_out = {k.lower(): v for k, v in raw.getheaders()}
            return Response(raw.status, headers_out, data, cookies)
        finally:
            connection.close()

    def get(self, path: str, **kwargs: object) -> Response:
        return self.request("GET", path, **kwargs)  # type: ignore[arg-type]

    def wait_until_up(self, ready: threading.Event, seconds: float = 60) -> None:
        """Wait until the server says it is listening (`ready`), then check it answers."""
        if not ready.wait(seconds):
            raise Failed(f"no server listened on {self.base} within {seconds:.0f} s")
        self.get("/robots.txt")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.links.append((tag, {k: v or "" for k, v in attrs}))


def tags(html: str) -> list[tuple[str, dict[str, str]]]:
    parser = _Links()
    parser.feed(html)
    return parser.links


def page(client: Client, path: str) -> Response:
    response = client.get(path)
    expect(response.status == 200, f"GET {path}: {response.status}")
    expect("text/html" in response.headers.get("content-type", ""), f"GET {path}: not HTML")
    return response


def asset_urls(html: str) -> tuple[list[str], list[str]]:
    """(stylesheet hrefs, script srcs) of a page."""
    found = tags(html)
    css = [a["href"] for t, a in found if t == "link" and a.get("rel") == "stylesheet"]
    js = [a["src"] for t, a in found if t == "script" and a.get("src")]
    return css, js


def first_slug(client: Client, resource: str) -> str:
    """The identifier of the first item of a resource's list (interactions: substance_class)."""
    items = client.get(f"/api/v1/{resource}/").json()
    if isinstance(items, dict):
        items = items["results"]
    expect(isinstance(items, list) and bool(items), f"/api/v1/{resource}/ lists nothing")
    first = items[0]  # type: ignore[index]
    return str(first.get("slug") or first["substance_class"])


def check_pages(client: Client, static_root_name: str) -> str:
    """nl and en pages 200, each with the catalog's own CSS and JS, served."""
    paths = ["/nl/", "/en/", "/nl/producten/", "/en/products/", "/nl/doelen/", "/en/articles/"]
    listing = page(client, "/en/products/").text
    detail = next(
        (
            a["href"]
            for t, a in tags(listing)
            if t == "a"
            and a.get("href", "").startswith("/en/products/")
            and a["href"] != "/en/products/"
        ),
        None,
    )
    expect(detail is not None, "the English product list links to no product")
    paths += [detail, detail.replace("/en/products/", "/nl/producten/")]
    served: set[str] = set()
    for path in paths:
        html = page(client, path).text
        css, js = asset_urls(html)
        ours_css = [u for u in css if "/catalog/css/catalog" in u]
        ours_js = [u for u in js if "/catalog/js/catalog" in u]
        expect(bool(ours_css), f"{path}: no catalog stylesheet in {css}")
        expect(bool(ours_js), f"{path}: no catalog script in {js}")
        alternates = re.findall(r'<link rel="alternate" hreflang="([^"]+)"', html)
        expect(
            sorted(alternates) == ["en", "nl", "x-default"],
            f"{path}: hreflang alternates {alternates}",
        )
        served.update(ours_css + ours_js)
    for url in sorted(served):
        response = client.get(url)
        expect(response.status == 200, f"GET {url}: {response.status}")
        kind = response.headers.get("content-type", "")
        expect("css" in kind or "javascript" in kind, f"GET {url}: content-type {kind}")
        expect(len(response.body) > 1000, f"GET {url}: only {len(response.body)} bytes")
    return f"{len(paths)} pages 200 in nl and en; {', '.join(sorted(served))} served ({static_root_name})"


def check_sitemap(client: Client) -> str:
    """`/sitemap.xml` is a sitemap index; its children list the pages in nl and en."""
    response = client.get("/sitemap.xml")
    expect(response.status == 200, f"GET /sitemap.xml: {response.status}")
    expect("<sitemapindex" in response.text, "/sitemap.xml is not a sitemap index")
    children = re.findall(r"<loc>([^<]+)</loc>", response.text)
    expect(bool(children), "/sitemap.xml names no child sitemap")
    locs: list[str] = []
    for child in children:
        path = urlsplit(child).path
        part = client.get(path)
        expect(part.status == 200, f"GET {path} (from the index): {part.status}")
        locs += re.findall(r"<loc>([^<]+)</loc>", part.text)
    expect(len(locs) > 50, f"the sitemaps list {len(locs)} URLs")
    prefixes = {urlsplit(loc).path.split("/")[1] for loc in locs}
    expect(prefixes == {"nl", "en"}, f"sitemap languages {sorted(prefixes)}")
    robots = client.get("/robots.txt")
    expect(robots.status == 200 and "Sitemap:" in robots.text, "/robots.txt names no sitemap")
    return (
        f"/sitemap.xml: an index of {len(children)} sitemaps, {len(locs)} URLs, nl and en only;"
        " /robots.txt points to it"
    )


def check_api(client: Client) -> str:
    root = client.get("/api/v1/")
    expect(root.status == 200, f"GET /api/v1/: {root.status}")
    links = root.json()
    expect(isinstance(links, dict) and "products" in links, f"/api/v1/ answers {root.text[:200]}")
    for name, url in links.items():
        if name == "docs":
            continue
        response = client.get(urlsplit(url).path)
        expect(response.status == 200, f"GET {url} (from the API root): {response.status}")
    for resource in RESOURCES:
        path = f"/api/v1/{resource}/{first_slug(client, resource)}/"
        one = client.get(path)
        expect(one.status == 200, f"GET {path}: {one.status}")
    schema = client.get("/api/v1/schema/?format=json")
    expect(schema.status == 200, f"GET /api/v1/schema/: {schema.status}")
    document = schema.json()
    expect(str(document.get("openapi", "")).startswith("3."), "the schema is not OpenAPI 3")  # type: ignore[union-attr]
    paths = document["paths"]  # type: ignore[index]
    expect("/api/v1/products/" in paths, f"schema paths: {sorted(paths)[:5]}")
    expect(all(p.startswith("/api/v1/") for p in paths), "the schema lists other views")
    return (
        f"root with {len(links)} links, every link 200; list/detail of {len(RESOURCES)} "
        f"resources; schema OpenAPI {document['openapi']} with {len(paths)} paths"  # type: ignore[index]
    )


def check_docs(client: Client) -> str:
    """The docs page and everything it loads come from this host: no CDN, no validator."""
    response = page(client, "/api/v1/docs/")
    html = response.text
    found = tags(html)
    urls = [a.get("src") or a.get("href") for t, a in found if t in ("script", "link")]
    urls = [u for u in urls if u]
    expect(len(urls) >= 3, f"the docs page loads {urls}")
    texts = [html]
    for url in urls:
        asset = client.get(url)
        expect(asset.status == 200, f"docs asset {url}: {asset.status}")
        if "?script" in url:
            texts.append(asset.text)
    external = sorted(
        {
            u
            for text in texts
            for u in re.findall(r"https?://[^\s\"'<>)]+", text)
            if urlsplit(u).hostname not in (client.host, "localhost")
        }
    )
    expect(not external, f"the docs page refers to other hosts: {external}")
    return f"/api/v1/docs/ 200, {len(urls)} assets 200 from this host, no external URL"


def check_admin_import(client: Client, username: str, password: str) -> str:
    login = client.get("/admin/login/")
    expect(login.status == 200, f"GET /admin/login/: {login.status}")
    client.cookies.update(login.cookies)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login.text)
    expect(token is not None, "no CSRF token on the admin login page")
    form = urlencode(
        {
            "csrfmiddlewaretoken": token.group(1),  # type: ignore[union-attr]
            "username": username,
            "password": password,
            "next": "/admin/",
        }
    ).encode()
    done = client.request(
        "POST",
        "/admin/login/",
        body=form,
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    expect(done.status == 302, f"admin login: {done.status}")
    client.cookies.update(done.cookies)
    importer = page(client, "/admin/catalog/product/import/")
    expect('type="file"' in importer.text, "the import page has no file field")
    client.cookies.clear()
    return "logged in; /admin/catalog/product/import/ 200 with its upload form"


def check_anonymous_writes(client: Client, fingerprint: Callable[[], str]) -> str:
    """Every write of every resource answered 401/403, and the catalog unchanged."""
    before = fingerprint()
    answers: dict[int, int] = {}
    attempts = 0
    body = json.dumps({"slug": "anonymous", "name_nl": "Anoniem", "name_en": "Anonymous"}).encode()
    json_headers = {"Content-Type": "application/json"}
    for resource in RESOURCES:
        slug = first_slug(client, resource)
        targets = [("POST", f"/api/v1/{resource}/")] + [
            (method, f"/api/v1/{resource}/{slug}/") for method in WRITE_METHODS[1:]
        ]
        for method, path in targets:
            for headers in (
                json_headers,
                {**json_headers, "Authorization": "Basic bm9ib2R5Om5vcGU="},
            ):
                response = client.request(method, path, body=body, headers=headers)
                attempts += 1
                expect(
                    response.status in (401, 403),
                    f"anonymous {method} {path}: {response.status} {response.text[:200]}",
                )
                answers[response.status] = answers.get(response.status, 0) + 1
    after = fingerprint()
    expect(before == after, "the catalog changed after the anonymous writes")
    summary = ", ".join(f"{count} x {status}" for status, count in sorted(answers.items()))
    return f"{attempts} anonymous writes (POST/PUT/PATCH/DELETE on {len(RESOURCES)} resources): {summary}; catalog unchanged"
