import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
application = get_wsgi_application()

from config.runtime import tune_garbage_collector  # noqa: E402 - needs the apps loaded above

tune_garbage_collector()
