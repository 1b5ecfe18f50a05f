"""No test binds a port where `make run` listens (tests/conftest.py)."""

from __future__ import annotations

import socket

import pytest

from tests.conftest import DEFAULT_PORTS
from tests.e2e.servers import free_port


@pytest.mark.parametrize("port", sorted(DEFAULT_PORTS))
def test_a_bind_to_a_default_port_is_refused(port: int) -> None:
    with socket.socket() as probe, pytest.raises(OSError, match=str(port)):
        probe.bind(("127.0.0.1", port))


def test_free_ports_still_bind() -> None:
    port = free_port()
    assert port not in DEFAULT_PORTS
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind(("127.0.0.1", port))
        assert probe.getsockname()[1] == port
