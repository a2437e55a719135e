"""Brains by name. LLM brains import their SDKs lazily, only when chosen."""

from __future__ import annotations

from typing import Any

from agent.brains.base import Brain
from agent.errors import UnknownBrain

BRAIN_NAMES: tuple[str, ...] = ("heuristic", "random")


def make_brain(name: str, **options: Any) -> Brain:
    """A fresh brain of the named kind; `options` go to its constructor (e.g. seed)."""
    if name == "heuristic":
        from agent.brains.heuristic import HeuristicBrain

        return HeuristicBrain(**options)
    if name == "random":
        from agent.brains.random import RandomBrain

        return RandomBrain(**options)
    raise UnknownBrain(f"unknown brain {name!r}: choose one of {', '.join(BRAIN_NAMES)}")
