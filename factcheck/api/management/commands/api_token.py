"""Print an API token for an editor (creating the editor account if it is missing)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from rest_framework.authtoken.models import Token


class Command(BaseCommand):
    help = (
        "Print the API token of a newsroom user, creating the user (staff, in the Editor group, "
        "no usable password) and the token if missing. Tokens are revoked in the admin."
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
        token, _ = Token.objects.get_or_create(user=user)
        self.stdout.write(token.key)
