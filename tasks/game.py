"""The per-game task the batch maps over: its body calls the phase tasks (nested task runs).

One mapped task per game rather than one subflow per game: concurrent subflows stall on
Prefect's SQLite back end (PrefectHQ/prefect#15415), nested tasks do not.
"""

from __future__ import annotations

from typing import Any

from prefect import task

from tasks import steps
from tasks.agents import spawn_agents, teardown
from tasks.daemon import build_images, start_daemon
from tasks.options import QUIET
from tasks.play import play_game
from tasks.results import write_results

TASK_STEPS = steps.Steps(
    start_daemon=start_daemon,
    build_images=build_images,
    spawn_agents=spawn_agents,
    play_game=play_game,
    write_results=write_results,
    teardown=teardown,
)


@task(name="run_game", task_run_name="game-{spec[game_id]}", retries=0, **QUIET)
def run_game(spec: steps.Spec) -> dict[str, Any]:
    """Play one game through its phase tasks, teardown guaranteed; returns its summary."""
    return steps.run_one_game(spec, TASK_STEPS)
