"""Print a new API token for an editor (creating the editor account if it is missing)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from knox.models import AuthToken
from knox.settings import knox_settings


class Command(BaseCommand):
    help = (
        "Create and print a new API token of a newsroom user, creating the user (staff, in the "
        "Editor group, no usable password) if missing. Tokens are stored hashed: the printed "
        "token cannot be shown again. Revoke tokens in the admin (Auth tokens)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="api-editor", help="Default: api-editor.")
        parser.add_argument(
            "--group", default="Editor", choices=["Editor", "Reviewer"], help="Default: Editor."
        )

    def handle(self, *args, username, group, **options):
        User = get_user_model()
        user, created = User.objects.get_or_create(username=username, defaults={"is_staff": True})
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
            user.groups.add(Group.objects.get(name=group))
        _, token = AuthToken.objects.create(user=user, expiry=knox_settings.TOKEN_TTL)
        self.stdout.write(token)
