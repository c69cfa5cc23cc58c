"""An index with non-key columns where the database has them (PostgreSQL), a plain one elsewhere."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Any

from django.db import models


class CoveringIndex(models.Index):
    """`models.Index(include=...)`, with the non-key columns kept as `covering`.

    Django warns (models.W040) on every check of a project on a database without covering
    indexes (SQLite) when a model declares `include`, although it then builds the key columns
    only. This index builds exactly that too, and INCLUDEs `covering` where the database
    supports it, so the catalog needs no silenced check in the project.
    """

    def __init__(self, *args: Any, covering: Sequence[str] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.covering = tuple(covering)

    def create_sql(self, model: Any, schema_editor: Any, using: str = "", **kwargs: Any) -> Any:
        index = self
        if self.covering and schema_editor.connection.features.supports_covering_indexes:
            index = copy.copy(self)
            index.include = self.covering
        return models.Index.create_sql(index, model, schema_editor, using=using, **kwargs)

    def deconstruct(self) -> Any:
        path, args, kwargs = super().deconstruct()
        if self.covering:
            kwargs["covering"] = self.covering
        return path, args, kwargs
