"""docker-compose.yml as an operator gets it: valid (Debian's docker-compose validates offline), the app only
reachable through the TLS proxy, a SECRET_KEY demanded, and the proxy trusted for exactly one hop."""
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(not shutil.which("docker-compose"),
                                reason="docker-compose is installed by scripts/install-system-packages")


def compose_config(**env_extra) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "SITE_ADDRESS"}}
    return subprocess.run(["docker-compose", "config"], cwd=ROOT, env=env | env_extra, capture_output=True,
                          text=True, timeout=60)


def test_compose_needs_a_secret_key():
    result = compose_config()
    assert result.returncode != 0 and "SECRET_KEY" in result.stderr


def test_only_the_tls_proxy_is_published_and_it_fronts_the_app():
    result = compose_config(SECRET_KEY="k")
    assert result.returncode == 0, result.stderr
    services = yaml.safe_load(result.stdout)["services"]
    published = {name: service.get("ports", []) for name, service in services.items() if service.get("ports")}
    assert list(published) == ["proxy"]
    assert {str(port["target"]) for port in published["proxy"]} == {"80", "443"}
    mounts = dict(volume.split(":")[1::-1] for volume in services["proxy"]["volumes"])  # target -> source
    caddyfile = mounts["/etc/caddy/Caddyfile"]
    assert "reverse_proxy web:8000" in Path(caddyfile).read_text()
    for name in ("web", "worker", "beat"):
        environment = services[name]["environment"]
        assert environment["DJANGO_SETTINGS_MODULE"] == "config.settings.production"
        assert environment["NUM_PROXIES"] == "1"
