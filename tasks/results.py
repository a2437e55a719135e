"""Task `write_results`: the game's Parquet files, atomically, games file last."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from prefect import task

from tasks import steps
from tasks.options import QUIET


@task(name="write_results", task_run_name="write_results-{spec[game_id]}", **QUIET)
def write_results(spec: steps.Spec, record: Mapping[str, Any], wall_time_s: float) -> str:
    """Write the tables; returns the games file path."""
    return steps.write_results(spec, record, wall_time_s)
