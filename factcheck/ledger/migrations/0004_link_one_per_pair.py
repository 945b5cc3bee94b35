"""One link per pair of claims, whichever way round, enforced by the database.

A ledger that already holds two links between one pair stops the migration with the pairs
named: which judgement stands is an editor's call, not the migration's.
"""

import django.db.models.functions.comparison
from django.conf import settings
from django.db import migrations, models


def refuse_pairs_linked_twice(apps, schema_editor):
    ClaimLink = apps.get_model("ledger", "ClaimLink")
    seen, twice = {}, []
    for pk, a, b in ClaimLink.objects.order_by("pk").values_list("pk", "from_claim", "to_claim"):
        pair = (min(a, b), max(a, b))
        if pair in seen:
            twice.append(f"links {seen[pair]} and {pk} (claims {pair[0]} and {pair[1]})")
        seen.setdefault(pair, pk)
    if twice:
        raise RuntimeError(
            "These pairs of claims are linked more than once; delete all but one link of each "
            "in the admin, then migrate again: " + "; ".join(twice)
        )


class Migration(migrations.Migration):

    dependencies = [
        ('ledger', '0003_editor_reviewer_groups'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(refuse_pairs_linked_twice, migrations.RunPython.noop),
        migrations.RemoveConstraint(
            model_name='claimlink',
            name='link_unique_relation',
        ),
        migrations.AddConstraint(
            model_name='claimlink',
            constraint=models.UniqueConstraint(django.db.models.functions.comparison.Least('from_claim', 'to_claim'), django.db.models.functions.comparison.Greatest('from_claim', 'to_claim'), name='link_one_per_pair', violation_error_message='These two claims are already linked.'),
        ),
    ]
