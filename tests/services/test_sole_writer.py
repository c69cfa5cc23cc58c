"""`catalog.services` is the only writer: no other module of the app writes to the database.

Every call in `catalog/` (outside `services/` and `migrations/`) is read from the syntax tree
(so comments and strings never count) and refused when it is one of the ORM's or the
database's ways to write. The few calls that look like a write and are none are listed with
the reason.
"""

from __future__ import annotations

import ast
from pathlib import Path

import catalog

CATALOG = Path(catalog.__file__).parent
WRITERS = ("services", "migrations")

# Methods that write whatever they are called on.
ALWAYS = {
    "save",
    "delete",
    "bulk_create",
    "bulk_update",
    "get_or_create",
    "update_or_create",
    "select_for_update",
    "cursor",
    "execute",
    "executemany",
    "raw",
    "log_actions",
}
# Methods that write when called on a relation (`product.goals.set(...)`), not on a name.
ON_A_RELATION = {"set", "add", "remove", "clear", "create"}

LOG_CALL = (
    "LogEntry.objects.log_actions(user_id=request.user.pk, queryset=objects, "
    "action_flag=action_flag, change_message=message)"
)
# (module, call as written) -> why it is not a write to the catalog.
NOT_WRITES = {
    ("importing/files.py", "workbook.save(stream)"): "openpyxl writes the workbook to a stream",
    ("packshots.py", "image.quantize(colors=64).save(out, format='PNG', optimize=True)"): (
        "Pillow writes a generated packshot to a memory buffer"
    ),
    ("admin/writes.py", "formset.save(commit=False)"): (
        "commit=False writes nothing: it lists the inline objects for the history entry"
    ),
    ("api/inputs.py", "super().save(**kwargs)"): (
        "DRF Serializer.save: it calls the serializer's create/update, which call services"
    ),
    ("admin/writes.py", LOG_CALL): "Django admin's own history (LogEntry), not catalog data",
    ("selectors/_sql.py", "connections[using].cursor()"): "the selectors' read-only SQL",
    ("selectors/_sql.py", "cursor.execute(sql, params)"): "the selectors' read-only SQL",
    ("compliance/lexicon.py", "self._memo.clear()"): "a bounded in-memory word cache, no database",
    ("recent.py", "self._values.clear()"): "a bounded in-memory map of kept renders, no database",
    # The catalog version (design.md: cache.py keeps it in the database): read per request, and
    # moved on only by `invalidate_catalog_cache`, which only the services call.
    ("cache.py", "connections[using].cursor()"): "the catalog version row, read and moved on",
    ("cache.py", "cursor.execute(f'SELECT version FROM {table} WHERE id = 1')"): "a read",
    (
        "cache.py",
        "cursor.execute(f'UPDATE {table} SET version = %s, changed_at = %s WHERE id = 1', "
        "[version, now])",
    ): "the version a committed service write gives the catalog",
    (
        "cache.py",
        "cursor.execute(f'INSERT INTO {table} (id, version, changed_at) VALUES (1, %s, %s)', "
        "[version, now])",
    ): "the version row again, after a database flush (tests)",
}


def is_write(call: ast.Call) -> bool:
    func = call.func
    if not isinstance(func, ast.Attribute):
        return False
    receiver = func.value
    if func.attr in ALWAYS:
        return True
    if func.attr in ON_A_RELATION:
        return isinstance(receiver, ast.Attribute)  # obj.relation.set(), Model.objects.create()
    if func.attr == "update":  # a queryset's, not a dict's
        return (isinstance(receiver, ast.Attribute) and receiver.attr == "objects") or (
            isinstance(receiver, ast.Call) and isinstance(receiver.func, ast.Attribute)
        )
    return False


def write_calls(root: Path = CATALOG) -> list[tuple[str, int, str]]:
    """(module, line, call) of every write call below `root` outside the writers, in order."""
    found = []
    for path in sorted(root.rglob("*.py")):
        module = path.relative_to(root).as_posix()
        if module.split("/")[0] in WRITERS:
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call) and is_write(node):
                found.append((module, node.lineno, ast.unparse(node)))
    return sorted(found)


def test_no_module_outside_services_writes_to_the_database():
    writes = write_calls()
    assert [w for w in writes if (w[0], w[2]) not in NOT_WRITES] == []
    # The list of exceptions holds nothing stale.
    assert {(module, call) for module, _line, call in writes} >= set(NOT_WRITES)


def test_the_check_finds_each_kind_of_write(tmp_path):
    """The check itself: each way of writing is caught; a dict's update, a set's add and
    comments or docstrings are not."""
    source = '''
"""Docstrings say product.save() freely."""
product.save()
Product.objects.filter(pk=1).update(published=True)
Product.objects.update(published=True)
Pack.objects.select_for_update().get(pk=1)
Product.objects.bulk_create(rows)
Product.objects.create(slug="x")
product.goals.set(goals)
article.products.add(product)
with connection.cursor() as cursor:
    pass
context.update(rows)  # a dict: product.delete() in a comment
seen.add(slug)
'''
    (tmp_path / "views.py").write_text(source, "utf-8")
    assert [line for _module, line, _call in write_calls(tmp_path)] == list(range(3, 12))


def test_every_catalog_admin_saves_and_deletes_through_services():
    """Django's own ModelAdmin saves and deletes by itself; every catalog admin overrides that."""
    from django.contrib import admin

    from catalog.admin.writes import ServiceWrites

    admins = [a for m, a in admin.site._registry.items() if m._meta.app_label == "catalog"]
    assert len(admins) >= 9
    assert [type(a).__name__ for a in admins if not isinstance(a, ServiceWrites)] == []
