# Names added to the shipped table (compliance/data/medication_names.json) after 0006 seeded
# it: a database migrated before they were added gets them here. Only names the table does
# not hold in any class are added, so a manager's edits and reclassifications stay as they
# are (a shipped row a manager deleted does come back). On a new database 0006 has seeded
# every row already and this adds nothing.

import json

from django.db import migrations

from catalog.compliance import medications


def add_missing_names(apps, schema_editor):
    MedicationName = apps.get_model("catalog", "MedicationName")
    db = schema_editor.connection.alias
    held = {n.casefold() for n in MedicationName.objects.using(db).values_list("name", flat=True)}
    rows = json.loads(medications.DATA.read_text("utf-8"))["names"]
    MedicationName.objects.using(db).bulk_create(
        [
            MedicationName(
                name=row["name"],
                substance_class=row.get("class", ""),
                substance=row.get("substance", ""),
                kind=row.get("kind", "generic"),
                markets=",".join(row.get("markets", ["NL", "BE"])),
                note=row.get("note", ""),
                note_nl=row.get("note_nl", ""),
                note_en=row.get("note_en", ""),
                source=row.get("source", ""),
            )
            for row in rows
            if row["name"].casefold() not in held
        ],
        batch_size=200,
        ignore_conflicts=True,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0007_search_words"),
    ]

    operations = [
        migrations.RunPython(add_missing_names, migrations.RunPython.noop),
    ]
