"""The Editor and Reviewer groups and what each may do."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from factcheck.ledger.groups import groups_ensure

def forwards(apps, schema_editor):
    # Permissions are normally created after all migrations; groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    groups_ensure(apps)


def backwards(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Editor", "Reviewer"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("ledger", "0002_claim_span_trigger"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
