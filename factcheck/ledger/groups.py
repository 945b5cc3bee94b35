"""The newsroom's two groups, Editor and Reviewer, and what each may do.

The groups are made by a migration and made again after every `migrate` (and after a test
database is flushed), so they always hold the permissions below, models added later included.
"""

from __future__ import annotations

from collections.abc import Iterator

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


def codenames(spec: dict[str, list[str]]) -> Iterator[tuple[str, str]]:
    for model, actions in spec.items():
        for action in actions:
            yield model, (action if action == "review_claim" else f"{action}_{model}")


def groups_ensure(apps) -> None:
    """Create or update both groups with the models of ``apps`` (a migration's or the app
    registry); a permission whose model does not exist yet is left out."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    known = {
        (p.content_type.model, p.codename): p
        for p in Permission.objects.filter(content_type__app_label="ledger").select_related(
            "content_type"
        )
    }

    def perms(spec):
        return [known[key] for key in codenames(spec) if key in known]

    editor, _ = Group.objects.get_or_create(name="Editor")
    editor.permissions.set(perms(EDITOR))
    reviewer, _ = Group.objects.get_or_create(name="Reviewer")
    reviewer.permissions.set(perms(EDITOR) + perms(REVIEWER_EXTRA))


def groups_after_migrate(sender, apps=None, **kwargs) -> None:
    """post_migrate receiver (Django also sends it after a flush, without ``apps``)."""
    from django.apps import apps as registry

    groups_ensure(apps or registry)
