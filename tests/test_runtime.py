"""The web entry point freezes what it loaded at start-up and collects garbage less often (config/runtime.py)."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wsgi_entry_point_tunes_the_garbage_collector():
    # in a fresh interpreter: the test process's own collector is left as it is
    probe = (
        "import gc; before = gc.get_threshold()[0]; import config.wsgi; "
        "print(gc.get_freeze_count(), before, gc.get_threshold()[0])"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True,
        env={"DJANGO_SETTINGS_MODULE": "config.settings.test", "PATH": "/usr/bin:/bin"},
    ).stdout.split()
    frozen, before, after = map(int, out)
    assert frozen > 50_000  # Django, DRF, the app's views and serializers
    assert before == 700 and after == 10_000
