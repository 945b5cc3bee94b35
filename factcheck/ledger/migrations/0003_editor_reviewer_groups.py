"""The Editor and Reviewer groups and what each may do."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR = {
    "article": ["add", "change", "view"],
    "source": ["add", "change", "view"],
    "actor": ["add", "change", "view"],
    "actoralias": ["add", "change", "delete", "view"],
    "event": ["add", "change", "view"],
    "series": ["add", "change", "view"],
    "topic": ["add", "change", "view"],
    "claim": ["add", "change", "view"],
    "measurement": ["add", "change", "delete", "view"],
    "claimlink": ["add", "change", "delete", "view"],
    "position": ["add", "change", "delete", "view"],
    "suggestion": ["change", "view"],
}
REVIEWER_EXTRA = {"claim": ["review_claim", "delete"]}


def codenames(spec):
    for model, actions in spec.items():
        for action in actions:
            yield model, (action if action == "review_claim" else f"{action}_{model}")


def forwards(apps, schema_editor):
    # Permissions are normally created after all migrations; groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    def perms(spec):
        found = []
        for model, codename in codenames(spec):
            found.append(
                Permission.objects.get(
                    content_type__app_label="ledger", content_type__model=model, codename=codename
                )
            )
        return found

    editor, _ = Group.objects.get_or_create(name="Editor")
    editor.permissions.set(perms(EDITOR))
    reviewer, _ = Group.objects.get_or_create(name="Reviewer")
    reviewer.permissions.set(perms(EDITOR) + perms(REVIEWER_EXTRA))


def backwards(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Editor", "Reviewer"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("ledger", "0002_claim_span_trigger"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
