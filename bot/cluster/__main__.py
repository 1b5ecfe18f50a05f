"""`make cluster` / `make cluster-stop`: the production topology on one machine.

    python -m bot.cluster start|stop|status

PostgreSQL (store and transcripts), Redis (Rasa's lock store), RASA_INSTANCES
Rasa servers and ACTION_SERVERS action servers, with nginx in front: channels
on CLUSTER_PORT (default 5005, where `make run` has Rasa, so the demo widget
works unchanged) and the action servers behind one address on 5055, the one
endpoints.yml names. Everything listens on 127.0.0.1 (Rasa through
``python -m bot.rasa_run``, which binds it there and hands it RASA_AUTH_TOKEN
without a command line; nginx adds X-Forwarded-For, so with
VRAAGWIJZER_ENV=production, TRUSTED_PROXY_HOPS defaults to that one hop and
the REST channel needs REST_CHANNEL_TOKEN); data, logs and pid files
are under var/cluster/ (CLUSTER_HOME). `var/cluster/env` holds DATABASE_URL and
LOCK_STORE_URL for other commands, e.g. `set -a; . var/cluster/env; set +a;
make review`.
"""

from __future__ import annotations

import argparse
import os
import secrets
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

import yaml

from bot.action_server import TOKEN_ENV as ACTION_TOKEN_ENV
from bot.action_server import load_token
from bot.cluster import services
from bot.private_files import write_private
from bot.settings import REPO_ROOT, load_settings

START_TIMEOUT_S = 240
BIN = Path(sys.executable).parent


@dataclass(frozen=True)
class Topology:
    home: Path = REPO_ROOT / "var" / "cluster"
    rasa_instances: int = 2
    action_servers: int = 2
    entry_port: int = 5005
    actions_port: int = 5055
    postgres_port: int = 5433
    redis_port: int = 6380
    rasa_base_port: int = 5011
    action_base_port: int = 5061
    model: Path = REPO_ROOT / "models"
    extra_env: Dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_environment(cls) -> "Topology":
        env = os.environ
        return cls(
            home=Path(env.get("CLUSTER_HOME") or cls.home),
            rasa_instances=int(env.get("RASA_INSTANCES") or 2),
            action_servers=int(env.get("ACTION_SERVERS") or 2),
            entry_port=int(env.get("CLUSTER_PORT") or 5005),
        )

    @classmethod
    def on_free_ports(cls, home: Path, extra_env: Dict[str, str]) -> "Topology":
        """A cluster in `home` beside whatever else runs here: the tests and
        `make bench-load`. All its ports are one free block, so none of them
        can be another's."""
        first = services.free_port(4 + cls.rasa_instances + cls.action_servers)
        return cls(
            home=home,
            entry_port=first,
            actions_port=first + 1,
            postgres_port=first + 2,
            redis_port=first + 3,
            rasa_base_port=first + 4,
            action_base_port=first + 4 + cls.rasa_instances,
            extra_env=extra_env,
        )

    @property
    def rasa_ports(self) -> List[int]:
        return [self.rasa_base_port + i for i in range(self.rasa_instances)]

    @property
    def action_ports(self) -> List[int]:
        return [self.action_base_port + i for i in range(self.action_servers)]

    @property
    def entry_url(self) -> str:
        return f"http://127.0.0.1:{self.entry_port}"

    def pid_file(self, name: str) -> Path:
        return self.home / "run" / f"{name}.pid"

    def log_file(self, name: str) -> Path:
        return self.home / "logs" / f"{name}.log"


def start(topology: Topology) -> Dict[str, str]:
    """Starts every part, waits until each answers; returns the shared settings."""
    for folder in ("run", "logs"):
        (topology.home / folder).mkdir(parents=True, exist_ok=True)
    busy = [
        port
        for port in (
            topology.entry_port,
            topology.actions_port,
            *topology.rasa_ports,
            *topology.action_ports,
        )
        if services.port_in_use(port)
    ]
    if busy:
        raise services.ServiceError(
            f"ports {busy} are in use: is `make run` or a cluster running? "
            "`make cluster-stop` stops the cluster."
        )
    settings = {
        "DATABASE_URL": services.start_postgres(topology.home, topology.postgres_port),
        "LOCK_STORE_URL": services.start_redis(topology.home, topology.redis_port),
    }
    env_file = topology.home / "env"
    # It holds the database password: 0600 from its creation.
    write_private(
        env_file, "".join(f"{key}={value}\n" for key, value in settings.items())
    )
    env = process_env(settings, topology.extra_env)
    subprocess.run(
        [str(BIN / "python"), "-m", "bot", "db", "upgrade"],
        check=True,
        cwd=REPO_ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    endpoints = write_endpoints(topology)
    for number, port in enumerate(topology.action_ports, start=1):
        spawn(
            topology,
            f"actions-{number}",
            action_command(port),
            {**env, "SANIC_HOST": "127.0.0.1"},
        )
    for number, port in enumerate(topology.rasa_ports, start=1):
        spawn(topology, f"rasa-{number}", rasa_command(topology, port, endpoints), env)
    services.start_nginx(
        topology.home,
        services.nginx_conf(
            topology.entry_port,
            topology.actions_port,
            topology.rasa_ports,
            topology.action_ports,
            load_settings(env).request_max_bytes,
        ),
    )
    for number, port in enumerate(topology.action_ports, start=1):
        wait_until_up(topology, f"actions-{number}", f"http://127.0.0.1:{port}/health")
    for number, port in enumerate(topology.rasa_ports, start=1):
        wait_until_up(topology, f"rasa-{number}", f"http://127.0.0.1:{port}/")
    wait_until_up(topology, "nginx", f"{topology.entry_url}/webhooks/rest/")
    return settings


def stop(topology: Topology) -> List[str]:
    """Stops whatever of the cluster runs; returns the names of what it stopped."""
    stopped = []
    for pid_file in sorted((topology.home / "run").glob("*.pid")):
        if services.stop_pid_file(pid_file):
            stopped.append(pid_file.stem)
    for name, stop_service in (
        ("nginx", services.stop_nginx),
        ("redis", services.stop_redis),
        ("postgres", services.stop_postgres),
    ):
        if stop_service(topology.home):
            stopped.append(name)
    return stopped


def process_env(settings: Dict[str, str], extra: Dict[str, str]) -> Dict[str, str]:
    # Rasa sends it (endpoints.yml), the action servers require it.
    token = load_token() or secrets.token_urlsafe(32)
    return {
        **os.environ,
        ACTION_TOKEN_ENV: token,
        **settings,
        "PYTHONPATH": str(REPO_ROOT),
        "TF_CPP_MIN_LOG_LEVEL": "3",
        "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
        "RASA_TELEMETRY_ENABLED": "false",
        **extra,
    }


def write_endpoints(topology: Topology) -> Path:
    """The repository's endpoints.yml with the action servers behind nginx."""
    endpoints = yaml.safe_load((REPO_ROOT / "endpoints.yml").read_text())
    endpoints["action_endpoint"]["url"] = (
        f"http://127.0.0.1:{topology.actions_port}/webhook"
    )
    path = topology.home / "endpoints.yml"
    path.write_text(yaml.safe_dump(endpoints, sort_keys=False))
    return path


def action_command(port: int) -> List[str]:
    return [
        str(BIN / "python"),
        "-m",
        "bot.action_server",
        "--actions",
        "actions",
        "--port",
        str(port),
    ]


def cors_origins() -> List[str]:
    """As `make run` (scripts/run.sh): the browsers of CORS_ORIGINS only,
    by default the demo site's."""
    return list(load_settings().cors_origins)


def rasa_command(topology: Topology, port: int, endpoints: Path) -> List[str]:
    """`rasa run` through bot.rasa_run: bound to RASA_HOST (127.0.0.1), the HTTP
    API behind RASA_AUTH_TOKEN when set, with no secret in the command."""
    return [
        str(BIN / "python"),
        "-m",
        "bot.rasa_run",
        "--model",
        str(topology.model),
        "--port",
        str(port),
        "--credentials",
        str(REPO_ROOT / "credentials.yml"),
        "--endpoints",
        str(endpoints),
        "--cors",
        *cors_origins(),
    ]


def spawn(
    topology: Topology, name: str, command: List[str], env: Dict[str, str]
) -> int:
    """Starts a process in its own session (it outlives this command)."""
    with topology.log_file(name).open("w") as log:
        process = subprocess.Popen(
            command,
            cwd=REPO_ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    topology.pid_file(name).write_text(str(process.pid))
    return process.pid


def wait_until_up(topology: Topology, name: str, url: str) -> None:
    pid_file = topology.pid_file(name)

    def alive() -> bool:
        return not pid_file.exists() or services.read_pid(pid_file) is not None

    outcome = services.wait_for_http(url, alive, START_TIMEOUT_S)
    if outcome == "exited":
        log = topology.log_file(name).read_text()[-3000:]
        raise services.ServiceError(f"{name} exited:\n{log}")
    if outcome == "timeout":
        raise services.ServiceError(f"{name} not up on {url} within {START_TIMEOUT_S}s")


def status(topology: Topology) -> List[str]:
    lines = []
    for pid_file in sorted((topology.home / "run").glob("*.pid")):
        pid = services.read_pid(pid_file)
        lines.append(f"{pid_file.stem}: {'pid ' + str(pid) if pid else 'stopped'}")
    services_pid_files = {
        "nginx": topology.home / "nginx" / "nginx.pid",
        "redis": topology.home / "redis" / "redis.pid",
        "postgres": topology.home / "postgres" / "postmaster.pid",
    }
    for name, pid_file in services_pid_files.items():
        pid = services.read_pid(pid_file)
        lines.append(f"{name}: {'pid ' + str(pid) if pid else 'stopped'}")
    return lines


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bot.cluster",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("command", choices=["start", "stop", "status"])
    command = parser.parse_args(argv).command
    topology = Topology.from_environment()
    if command == "status":
        print("\n".join(status(topology)))
        return 0
    if command == "stop":
        stopped = stop(topology)
        print(f"Stopped: {', '.join(stopped) or 'nothing was running'}.")
        return 0
    missing = services.missing_binaries()
    if missing:
        print(
            f"Missing Debian packages: {' '.join(missing)} "
            "(bash scripts/install_services.sh installs them).",
            file=sys.stderr,
        )
        return 1
    print(
        f"Starting PostgreSQL, Redis, {topology.rasa_instances} Rasa instances, "
        f"{topology.action_servers} action servers and nginx (a minute or two)..."
    )
    try:
        settings = start(topology)
    except (services.ServiceError, subprocess.CalledProcessError) as error:
        print(f"Cluster did not start: {error}", file=sys.stderr)
        stop(topology)
        return 1
    print(f"Cluster up. Channels: {topology.entry_url} (REST: /webhooks/rest/webhook).")
    print(
        f"Store: PostgreSQL on 127.0.0.1:{topology.postgres_port}; locks: "
        f"{settings['LOCK_STORE_URL']}; logs: {topology.home / 'logs'}."
    )
    print("Stop it with: make cluster-stop")
    return 0


if __name__ == "__main__":
    sys.exit(main())
