"""Helpers for tests that start servers themselves."""

from __future__ import annotations

import socket
import time
from collections.abc import Sequence

import httpx


def free_ports(n: int) -> list[int]:
    """n distinct free loopback ports (held open together while chosen)."""
    socks = [socket.socket() for _ in range(n)]
    try:
        for s in socks:
            s.bind(("127.0.0.1", 0))
        return [s.getsockname()[1] for s in socks]
    finally:
        for s in socks:
            s.close()


def wait_ready(urls: Sequence[str], timeout_s: float = 15.0, token: str | None = None) -> None:
    """Block until every URL answers /health (sending the bearer token, if any)."""
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    deadline = time.monotonic() + timeout_s
    pending = list(urls)
    while pending and time.monotonic() < deadline:
        for url in list(pending):
            try:
                r = httpx.get(f"{url}/health", headers=headers, timeout=1.0, trust_env=False)
                if r.status_code == 200:
                    pending.remove(url)
            except httpx.HTTPError:
                pass
        time.sleep(0.05)
    if pending:
        raise TimeoutError(f"not ready: {pending}")
