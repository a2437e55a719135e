"""Task `play_game`: never retried (a failed game is re-played from its seed on fresh agents)."""

from __future__ import annotations

from typing import Any

from prefect import task

from tasks import steps
from tasks.options import QUIET


@task(name="play_game", task_run_name="play_game-{spec[game_id]}", retries=0, **QUIET)
def play_game(spec: steps.Spec, handles: list[dict[str, str]], token: str | None) -> dict[str, Any]:
    """Play the game; returns the GameRecord as a plain dict."""
    return steps.play_game(spec, handles, token)
