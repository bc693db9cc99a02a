"""The embedded default: what `manage.py` uses when nothing else is chosen."""
from .base import *  # noqa: F401,F403
