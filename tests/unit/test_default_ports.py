"""No test binds a port where `make run` listens (tests/conftest.py)."""

from __future__ import annotations

import socket
from contextlib import ExitStack

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


def test_a_block_of_free_ports_is_outside_the_outgoing_range() -> None:
    # A port there can be taken by a client socket before Rasa binds it (CI at
    # 159b365: the second Rasa of the cluster test found its port in use).
    first = free_port(8)
    assert 20000 <= first and first + 8 <= 32768
    with ExitStack() as sockets:
        for port in range(first, first + 8):
            probe = sockets.enter_context(socket.socket())
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(("127.0.0.1", port))
