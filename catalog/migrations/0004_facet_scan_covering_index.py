"""product_facet_scan as a CoveringIndex: the same index in the database, no models.W040 on SQLite.

State only: PostgreSQL already has the index with its INCLUDE columns (0003), SQLite the plain
index on the key columns, which is what CoveringIndex builds on each.
"""

import catalog.models.indexes
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('catalog', '0003_performance_indexes_search'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveIndex(
                    model_name='product',
                    name='product_facet_scan',
                ),
                migrations.AddIndex(
                    model_name='product',
                    index=catalog.models.indexes.CoveringIndex(covering=('dose_form', 'form_mask', 'goal_mask', 'price_eur', 'elemental_mg_per_day', 'in_stock', 'min_age_years', 'vegan', 'vegetarian', 'gluten_free', 'lactose_free', 'sugar_free'), fields=['published', 'brand'], name='product_facet_scan'),
                ),
            ],
        ),
    ]
