"""Progress of running games, for a live display: listeners registered by the CLI.

Plain module-level hooks (not flow parameters) because a callback cannot travel as a
Prefect parameter; in a served deployment nobody listens and `emit` does nothing.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from typing import Any

log = logging.getLogger(__name__)

Listener = Callable[[str, str, Mapping[str, Any]], None]

_lock = threading.Lock()
_listeners: list[Listener] = []


def subscribe(listener: Listener) -> Callable[[], None]:
    """Call `listener(kind, game_id, data)` on every event; returns the unsubscribe function."""
    with _lock:
        _listeners.append(listener)

    def unsubscribe() -> None:
        with _lock:
            if listener in _listeners:
                _listeners.remove(listener)

    return unsubscribe


def emit(kind: str, game_id: str, data: Mapping[str, Any] | None = None) -> None:
    """Tell every listener that `game_id` has `started`, `finished` or `failed`."""
    with _lock:
        listeners = list(_listeners)
    for listener in listeners:
        try:
            listener(kind, game_id, data or {})
        except Exception:  # a broken display must never fail a game
            log.exception("progress listener failed on %s %s", kind, game_id)
