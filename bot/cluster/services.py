"""PostgreSQL, Redis and nginx from the Debian packages, on loopback, with their
data, configuration, logs and pid files under one directory (`var/cluster/`).

Each service is started as a daemon and found again through its pid file, so
`make cluster-stop` can stop what `make cluster` started. PostgreSQL refuses to
run as root: as root it runs as the `postgres` user of the Debian package.
"""

from __future__ import annotations

import glob
import os
import pwd
import random
import secrets
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path
from typing import Callable, Iterable, List, Optional

from bot.private_files import write_private

DATABASE_USER = "vraagwijzer"
DATABASE_NAME = "vraagwijzer"
STOP_TIMEOUT_S = 20

# What to install when a binary is missing (scripts/install_services.sh).
PACKAGES = {
    "postgres": "postgresql",
    "redis-server": "redis-server",
    "nginx": "nginx-light",
}


class ServiceError(RuntimeError):
    pass


def write_password_file(path: Path, password: str) -> None:
    """Writes a password file that is 0600 from its creation, not made so after."""
    write_private(path, password)


# Below Linux's default range for outgoing connections (32768-60999): a port
# picked there can be taken by any client socket in the seconds before Rasa,
# which loads its model first, binds it.
LISTEN_PORTS = range(20000, 32768)


def free_port(count: int = 1) -> int:
    """The first of `count` consecutive ports nothing listens on now, on
    127.0.0.1, outside the range the kernel hands to outgoing connections."""
    span = len(LISTEN_PORTS) - count
    start = random.randrange(span)
    for offset in range(span):
        first = LISTEN_PORTS[0] + (start + offset) % span
        if all(_can_bind(port) for port in range(first, first + count)):
            return first
    raise ServiceError(f"no {count} free consecutive ports in {LISTEN_PORTS}")


def _can_bind(port: int) -> bool:
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def find_postgres_bin(name: str) -> Optional[str]:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


def postgres_bin(name: str) -> str:
    path = find_postgres_bin(name)
    if path is None:
        raise ServiceError(f"{name} not found: {PACKAGES['postgres']} is not installed")
    return path


def missing_binaries() -> List[str]:
    """Debian packages to install before a cluster can start."""
    found = {
        "postgres": find_postgres_bin("postgres"),
        "redis-server": shutil.which("redis-server"),
        "nginx": shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin"),
    }
    return [PACKAGES[name] for name, path in found.items() if not path]


def run(command: List[str], **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        raise ServiceError(
            f"{' '.join(command)} failed:\n{result.stdout}{result.stderr}"
        )
    return result


# -- PostgreSQL -----------------------------------------------------------------


def _as_postgres_user(command: List[str]) -> List[str]:
    return (
        ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command
    )


def _hand_to_postgres_user(path: Path) -> None:
    if os.geteuid() != 0:
        return
    user = pwd.getpwnam("postgres")
    for folder in (path, *path.rglob("*")):
        os.chown(folder, user.pw_uid, user.pw_gid)


def start_postgres(home: Path, port: int) -> str:
    """Initialises (once) and starts PostgreSQL; returns the store's DATABASE_URL."""
    data = home / "postgres"
    if (
        os.geteuid() == 0
        and subprocess.run(
            ["runuser", "-u", "postgres", "--", "test", "-x", str(home)]
        ).returncode
    ):
        raise ServiceError(
            f"PostgreSQL runs as user postgres, which cannot enter {home}: set "
            "CLUSTER_HOME to a directory every user can enter (e.g. /srv/vraagwijzer)."
        )
    password_file = home / "postgres.password"
    if not (data / "PG_VERSION").exists():
        shutil.rmtree(data, ignore_errors=True)  # what a failed initdb left
        data.mkdir(parents=True)
        password = secrets.token_urlsafe(24)
        write_password_file(password_file, password)
        scratch = home / "postgres.pwfile"  # initdb wants an empty directory
        write_password_file(scratch, password)
        _hand_to_postgres_user(data)
        _hand_to_postgres_user(scratch)
        try:
            run(
                _as_postgres_user(
                    [
                        postgres_bin("initdb"),
                        "-D",
                        str(data),
                        "-U",
                        DATABASE_USER,
                        "--pwfile",
                        str(scratch),
                        "--auth",
                        "scram-sha-256",
                        "--encoding",
                        "UTF8",
                        "--locale",
                        "C.UTF-8",
                    ]
                )
            )
        finally:
            scratch.unlink()
    # TCP on loopback only: no Unix socket, whose path may be too long for one.
    options = (
        f"-p {port} -c listen_addresses=127.0.0.1 "
        "-c unix_socket_directories='' -c max_connections=200"
    )
    run(
        _as_postgres_user(
            [
                postgres_bin("pg_ctl"),
                "-D",
                str(data),
                "-l",
                str(data / "server.log"),
                "-o",
                options,
                "-w",
                "-t",
                "60",
                "start",
            ]
        )
    )
    password = password_file.read_text().strip()
    _create_database(port, password)
    return f"postgresql+psycopg2://{DATABASE_USER}:{password}@127.0.0.1:{port}/{DATABASE_NAME}"


def _create_database(port: int, password: str) -> None:
    psql = [
        postgres_bin("psql"),
        "-h",
        "127.0.0.1",
        "-p",
        str(port),
        "-U",
        DATABASE_USER,
        "-d",
        "postgres",
        "-tAc",
    ]
    env = {**os.environ, "PGPASSWORD": password}
    exists = run(
        [*psql, f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE_NAME}'"], env=env
    ).stdout.strip()
    if not exists:
        run([*psql, f"CREATE DATABASE {DATABASE_NAME}"], env=env)


def stop_postgres(home: Path) -> bool:
    data = home / "postgres"
    if not (data / "postmaster.pid").exists():
        return False
    run(
        _as_postgres_user(
            [postgres_bin("pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]
        )
    )
    return True


# -- Redis ----------------------------------------------------------------------


def start_redis(home: Path, port: int) -> str:
    """Redis for Rasa's lock store only: nothing is saved to disk."""
    folder = home / "redis"
    folder.mkdir(parents=True, exist_ok=True)
    run(
        [
            "redis-server",
            "--bind",
            "127.0.0.1",
            "--port",
            str(port),
            "--daemonize",
            "yes",
            "--pidfile",
            str(folder / "redis.pid"),
            "--logfile",
            str(folder / "redis.log"),
            "--dir",
            str(folder),
            "--save",
            "",
            "--appendonly",
            "no",
        ]
    )
    wait_for_pid_file(folder / "redis.pid")
    return f"redis://127.0.0.1:{port}/1"


def stop_redis(home: Path) -> bool:
    return stop_pid_file(home / "redis" / "redis.pid")


# -- nginx ----------------------------------------------------------------------

NGINX_CONF = """\
# Written by `make cluster` (bot/cluster/services.py); changes are overwritten.
worker_processes 1;
pid nginx.pid;
error_log logs/error.log warn;
events {{ worker_connections 2048; }}
http {{
    access_log off;
    client_body_temp_path tmp/body;
    proxy_temp_path tmp/proxy;
    fastcgi_temp_path tmp/fastcgi;
    uwsgi_temp_path tmp/uwsgi;
    scgi_temp_path tmp/scgi;

    # REST and Telegram webhooks: any instance will do, the conversation lives
    # in PostgreSQL and its lock in Redis. A failed connection moves on to the
    # next instance; a request that already reached one is not sent twice.
    upstream rasa {{
{rasa_servers}
        keepalive 32;
    }}
    # socket.io keeps state in the instance that accepted the connection:
    # every request of one client goes to the same instance.
    upstream rasa_socketio {{
        ip_hash;
{rasa_servers}
    }}
    upstream actions {{
{action_servers}
        keepalive 16;
    }}
    map $http_upgrade $connection_upgrade {{
        default upgrade;
        ''      close;
    }}

    server {{
        listen 127.0.0.1:{entry_port};
        # As Rasa's own limit (REQUEST_MAX_BYTES, bot/settings.py).
        client_max_body_size {max_body_bytes};
        # The client's address for Rasa, which trusts TRUSTED_PROXY_HOPS
        # entries from the right (bot/clients.py); a forwarded request is never
        # "this machine" to the REST channel.
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        location /socket.io/ {{
            proxy_pass http://rasa_socketio;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_read_timeout 300s;
        }}
        location / {{
            proxy_pass http://rasa;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_next_upstream error timeout;
            proxy_read_timeout 60s;
        }}
    }}
    server {{
        listen 127.0.0.1:{actions_port};
        location / {{
            proxy_pass http://actions;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_next_upstream error timeout;
        }}
    }}
}}
"""


def _servers(ports: Iterable[int]) -> str:
    return "\n".join(
        f"        server 127.0.0.1:{port} max_fails=1 fail_timeout=10s;"
        for port in ports
    )


def nginx_conf(
    entry_port: int,
    actions_port: int,
    rasa_ports: Iterable[int],
    action_ports: Iterable[int],
    max_body_bytes: int = 1_000_000,
) -> str:
    return NGINX_CONF.format(
        max_body_bytes=max_body_bytes,
        entry_port=entry_port,
        actions_port=actions_port,
        rasa_servers=_servers(rasa_ports),
        action_servers=_servers(action_ports),
    )


def nginx_binary() -> str:
    return shutil.which("nginx") or "/usr/sbin/nginx"


def start_nginx(home: Path, conf: str) -> None:
    prefix = home / "nginx"
    for folder in ("logs", "tmp"):
        (prefix / folder).mkdir(parents=True, exist_ok=True)
    (prefix / "nginx.conf").write_text(conf)
    command = [
        nginx_binary(),
        "-p",
        str(prefix),
        "-c",
        "nginx.conf",
        "-e",
        "logs/error.log",
    ]
    run([*command, "-t", "-q"])
    run(command)
    wait_for_pid_file(prefix / "nginx.pid")


def stop_nginx(home: Path) -> bool:
    return stop_pid_file(home / "nginx" / "nginx.pid")


# -- pid files --------------------------------------------------------------------


def wait_for_pid_file(path: Path, timeout_s: float = 10) -> int:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        pid = read_pid(path)
        if pid:
            return pid
        time.sleep(0.1)
    raise ServiceError(f"{path} did not appear within {timeout_s}s")


def read_pid(path: Path) -> Optional[int]:
    try:
        pid = int(path.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None
    return pid if is_running(pid) else None


def is_running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie (exited, not yet reaped by its parent) counts as stopped.
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


def stop_pid_file(path: Path) -> bool:
    """SIGTERM, then SIGKILL after STOP_TIMEOUT_S; False when it was not running."""
    pid = read_pid(path)
    if pid is None:
        path.unlink(missing_ok=True)
        return False
    for sig, wait_s in ((signal.SIGTERM, STOP_TIMEOUT_S), (signal.SIGKILL, 5)):
        try:
            os.killpg(pid, sig) if os.getpgid(pid) == pid else os.kill(pid, sig)
        except ProcessLookupError:
            break
        if _wait_gone(pid, wait_s):
            break
    path.unlink(missing_ok=True)
    return True


def _wait_gone(pid: int, timeout_s: float) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if not is_running(pid):
            return True
        time.sleep(0.1)
    return False


def wait_for_http(url: str, alive: Callable[[], bool], timeout_s: float) -> str:
    """Polls `url` until it answers 200 ("up"), `alive()` turns False
    ("exited") or `timeout_s` passes ("timeout")."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if not alive():
            return "exited"
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return "up"
        except OSError:
            time.sleep(0.5)
    return "timeout"


def port_in_use(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0
