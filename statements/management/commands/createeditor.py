"""manage.py createeditor USERNAME [--email ADDRESS] [--analyst] [--password-from-env [VAR]]

Creates (or updates) a staff user in the "Editors" group, or in the read-only "Analysts" group with
--analyst. Never a superuser. The password is asked for twice at the prompt, or read from an environment
variable (EDITOR_PASSWORD unless another name is given) for scripts.
"""
import getpass
import os
import sys

from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

EDITORS, ANALYSTS = "Editors", "Analysts"


class Command(BaseCommand):
    help = "Create or update an editor (staff user in the Editors group) or, with --analyst, a read-only analyst."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", default="", help="The user's e-mail address.")
        parser.add_argument("--analyst", action="store_true", help="Read-only: the Analysts group instead of Editors.")
        parser.add_argument(
            "--password-from-env", nargs="?", const="EDITOR_PASSWORD", default=None, metavar="VAR",
            help="Read the password from this environment variable (default EDITOR_PASSWORD) instead of a prompt.",
        )

    def handle(self, *args, username, email, analyst, password_from_env, **options):
        group_name = ANALYSTS if analyst else EDITORS
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            raise CommandError(f'The "{group_name}" group does not exist yet; run "manage.py migrate" first.')
        password = self._password(password_from_env)
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        candidate = user or User(username=username, email=email)
        try:
            password_validation.validate_password(password, candidate)
        except ValidationError as exc:
            raise CommandError("Password refused: " + " ".join(exc.messages)) from exc
        with transaction.atomic():
            created = user is None
            if created:
                user = User(username=username)
            if email:
                user.email = email
            user.is_staff = True
            user.is_active = True
            user.set_password(password)
            user.save()
            user.groups.remove(*Group.objects.filter(name__in=[EDITORS, ANALYSTS]).exclude(pk=group.pk))
            user.groups.add(group)
        verb = "Created" if created else "Updated"
        self.stdout.write(self.style.SUCCESS(f'{verb} {username!r}: staff, in the "{group_name}" group. '
                                             "Sign in at /admin/."))

    def _password(self, env_var):
        if env_var:
            password = os.environ.get(env_var, "")
            if not password:
                raise CommandError(f"The environment variable {env_var} is empty or not set.")
            return password
        if not sys.stdin.isatty():
            raise CommandError("No terminal to ask for a password: use --password-from-env [VAR].")
        for _ in range(3):
            password = getpass.getpass("Password: ")
            if password and password == getpass.getpass("Password (again): "):
                return password
            self.stderr.write("The passwords were empty or did not match; try again.")
        raise CommandError("No password given.")
