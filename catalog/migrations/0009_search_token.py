# A fingerprint of what a product is found and ranked by, so that a search's ranking can
# outlive catalog writes that do not touch it (a price, a stock level): on PostgreSQL a
# generated column hashing the names, search text and search keywords, and a partial index
# from which the fingerprint of all published products is summed without reading the table
# (`selectors.ranked.search_digest`). Elsewhere nothing: rankings follow the catalog version.

from django.db import migrations

TOKEN = (
    "hashtextextended("
    "coalesce(name::text, '') || chr(1) || coalesce(name_nl::text, '') || chr(1) || "
    "coalesce(name_en::text, '') || chr(1) || search_text || chr(1) || search_keywords, 0)"
)

CREATE = [
    f"ALTER TABLE catalog_product ADD COLUMN search_token bigint GENERATED ALWAYS AS ({TOKEN}) STORED",
    "CREATE INDEX product_search_digest ON catalog_product (id, search_token) WHERE published",
]
DROP = [
    "DROP INDEX IF EXISTS product_search_digest",
    "ALTER TABLE catalog_product DROP COLUMN IF EXISTS search_token",
]


def postgres(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in sql:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):

    dependencies = [
        ("catalog", "0008_medication_names_added"),
    ]

    operations = [
        migrations.RunPython(postgres(CREATE), postgres(DROP)),
    ]
