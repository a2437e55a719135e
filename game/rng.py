"""Seed derivation: every random stream of a game has a name and a recorded seed."""

from __future__ import annotations

import hashlib


def derive_seed(*parts: object) -> int:
    """A 64-bit seed from named parts: sha256 over their str joined by ':' (never `hash()`)."""
    digest = hashlib.sha256(":".join(str(p) for p in parts).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big")
