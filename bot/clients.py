"""Who is calling: the client address behind a set number of trusted proxies,
and the key a limit counts it under.

Shared by Rasa's channels (bot/channels/proxy.py) and the review app's login
throttle (bot/review/throttle.py). No web framework is imported here.

- Behind TRUSTED_PROXY_HOPS reverse proxies (bot/settings.py), each of which
  appends the address it was called from to ``X-Forwarded-For``, the client is
  the entry that many places from the right. Entries further left were sent by
  the client itself and can say anything, so they are never read. With 0 hops
  the socket peer is the client.
- A request that carries a forwarding header came through a proxy, so it is
  never "this machine", whatever its socket peer (the REST channel's loopback
  exemption, bot/channels/rest.py).
- A limit counts an IPv6 client by its /64: one subscriber gets a whole /64 and
  can pick a fresh address in it for every request.
"""

from __future__ import annotations

import ipaddress
from typing import Iterable, Optional

LOOPBACK = frozenset({"127.0.0.1", "::1", "::ffff:127.0.0.1"})
# Headers a reverse proxy adds; a request with any of them was forwarded.
FORWARDING_HEADERS = ("x-forwarded-for", "forwarded", "x-real-ip")
MAX_KEY_CHARS = 64


def forwarded_entries(values: Iterable[str]) -> list:
    """The addresses in one or more X-Forwarded-For headers, left to right."""
    return [
        entry.strip() for value in values for entry in value.split(",") if entry.strip()
    ]


def client_address(peer: str, forwarded_for: Iterable[str], hops: int) -> str:
    """The client's address: the socket peer with 0 hops, else the entry that
    the first trusted proxy appended (the leftmost one when fewer proxies than
    `hops` appended one; the peer when none did)."""
    if hops <= 0:
        return peer
    entries = forwarded_entries(forwarded_for)
    if not entries:
        return peer
    return entries[-hops] if len(entries) >= hops else entries[0]


def is_this_machine(peer: str, header_names: Iterable[str]) -> bool:
    """A caller on this machine that no proxy forwarded."""
    names = {name.lower() for name in header_names}
    return peer in LOOPBACK and not names.intersection(FORWARDING_HEADERS)


def address_key(address: Optional[str]) -> str:
    """What a limit counts: an IPv4 address, or an IPv6 address's /64."""
    text = (address or "").strip().strip("[]")
    try:
        ip = ipaddress.ip_address(text)
    except ValueError:
        return text[:MAX_KEY_CHARS]
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((ip, 64), strict=False))
    return str(ip)
