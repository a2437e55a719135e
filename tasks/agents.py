"""Tasks `spawn_agents` (retried: it removes its partial work first) and `teardown`."""

from __future__ import annotations

from prefect import task

from tasks import steps
from tasks.options import QUIET


@task(
    name="spawn_agents",
    task_run_name="spawn_agents-{spec[game_id]}",
    retries=2,
    retry_delay_seconds=1,
    **QUIET,
)
def spawn_agents(spec: steps.Spec, token: str | None) -> list[dict[str, str]]:
    """Start one healthy agent per seat; handles as dicts (seat, url, ref)."""
    return steps.spawn_agents(spec, token)


@task(name="teardown", task_run_name="teardown-{spec[game_id]}", **QUIET)
def teardown(spec: steps.Spec) -> int:
    """Remove every agent of the game; safe twice."""
    return steps.teardown(spec)
