"""Only the channels and the health check answer without credentials.

The routes are enumerated from Rasa's own app factory with our credentials.yml;
`make run`'s script is then started for real with RASA_AUTH_TOKEN, and every
route is called without credentials and with a wrong token.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Tuple

import pytest

from tests.e2e.servers import ROOT, free_port, server_env, upgraded_database, wait_until_up

pytestmark = pytest.mark.skipif(
    not (ROOT / "models" / "vraagwijzer.tar.gz").exists(),
    reason="no trained model: run `make train` (make test does)",
)

TOKEN = "security-test-token"
CHANNELS = ("/webhooks/", "/socket.io")
# "/" says "Hello from Rasa" and "/version" gives the version numbers: the health
# checks. The version is public information about the software, not the data.
HEALTH = {"/", "/version"}


def rasa_routes(enable_api: bool) -> List[Tuple[str, str]]:
    """(path, method) of every route Rasa serves with our channels."""
    from rasa.core import run

    channels = run.create_http_input_channels(None, str(ROOT / "credentials.yml"))
    app = run.configure_app(
        channels, enable_api=enable_api, auth_token=TOKEN if enable_api else None
    )
    return sorted(
        ("/" + route.path, method)
        for route in app.router.routes
        for method in route.methods
        if method not in ("OPTIONS", "HEAD")
    )


def is_public(path: str) -> bool:
    return path in HEALTH or path.startswith(CHANNELS)


def call(base: str, path: str, method: str, query: str = "") -> int:
    url = base + re.sub(r"<[^>]+>", "security-probe", path) + query
    body = json.dumps({}).encode() if method in ("POST", "PUT") else None
    request = urllib.request.Request(url, data=body, method=method,
                                     headers={"Content-Type": "application/json"})  # fmt: skip
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@contextmanager
def make_run(workdir: Path, **env: str) -> Iterator[Tuple[str, int, int]]:
    """scripts/run.sh (what `make run` starts) with every port free, the review
    app's too, so it runs beside a `make run` on the default ports: (Rasa URL,
    actions port, demo site port)."""
    rasa_port, actions_port, web_port = free_port(), free_port(), free_port()
    review_port = free_port()
    environment = server_env(
        upgraded_database(workdir),
        RASA_PORT=str(rasa_port),
        ACTIONS_PORT=str(actions_port),
        WEB_PORT=str(web_port),
        REVIEW_PORT=str(review_port),
        **env,
    )
    environment.pop("SANIC_HOST", None)
    log = workdir / "run.log"
    with log.open("w") as output:
        process = subprocess.Popen(["bash", "scripts/run.sh"], cwd=ROOT, env=environment,
                                   stdout=output, stderr=subprocess.STDOUT,
                                   start_new_session=True)  # fmt: skip
        try:
            base = f"http://127.0.0.1:{rasa_port}"
            wait_until_up(f"{base}/status?token={TOKEN}", process, log)
            wait_until_up(f"http://127.0.0.1:{actions_port}/health", process, log)
            wait_until_up(f"http://127.0.0.1:{web_port}/", process, log)
            wait_until_up(f"http://127.0.0.1:{review_port}/", process, log)
            yield base, actions_port, web_port
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)


def listening_addresses(port: int) -> set:
    """Local addresses with a socket listening on `port` (from /proc/net/tcp*)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.split(":")
            if state == "0A" and int(hex_port, 16) == port:
                found.add(address)
    return found


def test_without_a_token_rasa_serves_only_channels_and_health():
    routes = rasa_routes(enable_api=False)
    assert routes, "no routes enumerated"
    assert [r for r in routes if not is_public(r[0])] == []


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    with make_run(tmp_path_factory.mktemp("security"), RASA_AUTH_TOKEN=TOKEN) as running:
        yield running


def test_every_api_route_refuses_callers_without_the_token(served):
    base, *_ = served
    private = [r for r in rasa_routes(enable_api=True) if not is_public(r[0])]
    assert ("/conversations/<conversation_id:path>/tracker", "GET") in private
    assert ("/model/train", "POST") in private
    answered = {
        (path, method): (call(base, path, method), call(base, path, method, "?token=x"))
        for path, method in private
    }
    assert {k: v for k, v in answered.items() if v != (401, 401)} == {}
    assert call(base, "/status", "GET", f"?token={TOKEN}") == 200  # the token works


def test_channels_and_health_answer_without_credentials(served):
    base, *_ = served
    assert call(base, "/", "GET") == 200
    assert call(base, "/webhooks/rest", "GET") == 200


def test_the_action_server_listens_on_this_machine_only(served):
    _, actions_port, _ = served
    # 0100007F is 127.0.0.1 in /proc/net/tcp; 0.0.0.0 would be 00000000.
    assert listening_addresses(actions_port) == {"0100007F"}


def get(url: str, headers: Optional[Dict[str, str]] = None) -> Tuple[int, Any, bytes]:
    """(status, headers, body) of a GET."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_the_demo_site_lists_no_directories_and_names_no_version(served):
    _, _, web_port = served
    site = f"http://127.0.0.1:{web_port}"
    status, headers, _ = get(f"{site}/")
    assert status == 200
    assert "Python" not in headers.get("Server", "")
    for directory in ("/widget/", "/widget/vendor/"):
        status, _, body = get(site + directory)
        assert status == 404 and b"Directory listing" not in body, directory


def test_rasa_answers_cors_only_for_the_demo_sites_origin(served):
    base, _, web_port = served
    url = f"{base}/webhooks/rest/"
    _, headers, _ = get(url, {"Origin": "https://evil.example"})
    assert headers.get("Access-Control-Allow-Origin") in (None, "")
    site = f"http://localhost:{web_port}"
    _, headers, _ = get(url, {"Origin": site})
    assert headers.get("Access-Control-Allow-Origin") == site


def test_the_action_server_under_make_run_requires_the_token(served):
    _, actions_port, _ = served
    request = urllib.request.Request(
        f"http://127.0.0.1:{actions_port}/webhook", data=b"{}",
        headers={"Content-Type": "application/json"},
    )  # fmt: skip
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=30)
    assert refused.value.code == 401


def test_rasa_under_make_run_listens_on_this_machine_only(served):
    base, _, _ = served
    rasa_port = int(base.rsplit(":", 1)[1])
    assert listening_addresses(rasa_port) == {"0100007F"}  # 127.0.0.1, not 0.0.0.0


def test_no_secret_is_on_a_command_line(served):
    """`ps` shows every process's command line to every user of the machine."""
    leaking = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if TOKEN.encode() in cmdline.read_bytes():
                leaking.append(cmdline.read_bytes().replace(b"\0", b" ")[:200])
        except OSError:
            continue  # the process ended meanwhile
    assert leaking == []
    assert call(served[0], "/status", "GET", f"?token={TOKEN}") == 200  # yet it works
