"""Create the local demo editor and reviewer with generated passwords (first run only)."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

ACCOUNTS = (("editor", "Editor"), ("reviewer", "Reviewer"))


class Command(BaseCommand):
    help = (
        "Create the demo accounts `editor` and `reviewer` with generated passwords, print how to "
        "log in, and store the passwords in var/demo-accounts.txt (readable by you only). "
        "Existing accounts are left alone; no fixed password is ever used."
    )

    def handle(self, *args, **options):
        User = get_user_model()
        notes = settings.BASE_DIR / "var" / "demo-accounts.txt"
        lines = []
        for username, group_name in ACCOUNTS:
            if User.objects.filter(username=username).exists():
                continue
            password = secrets.token_urlsafe(12)
            user = User.objects.create_user(username=username, password=password, is_staff=True)
            user.groups.add(Group.objects.get(name=group_name))
            lines.append(f"{username} / {password}  ({group_name})")
        if lines:
            notes.parent.mkdir(exist_ok=True)
            with notes.open("a", encoding="utf-8") as fh:
                fh.write("".join(line + "\n" for line in lines))
            notes.chmod(0o600)
            self.stdout.write("Demo accounts created (log in at /admin/):")
            for line in lines:
                self.stdout.write(f"  {line}")
        elif notes.exists():
            self.stdout.write(f"Demo accounts already exist; their passwords are in {notes}")
        else:
            self.stdout.write("Demo accounts already exist.")
