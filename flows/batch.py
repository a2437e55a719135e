"""The `batch` flow: plan N games from a batch seed, play them with bounded concurrency,
isolate failures, and resume a batch id by skipping games already written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from prefect import flow
from prefect.futures import wait
from prefect.task_runners import ThreadPoolTaskRunner

from analysis.schema import completed_game_ids
from flows import plan
from tasks.game import run_game
from tasks.steps import describe


def run_games(specs: list[dict[str, Any]], concurrency: int) -> dict[str, Any]:
    """One mapped `run_game` task per game on a thread pool; returns summaries and failures."""
    if not specs:
        return {"played": [], "failed": {}}
    # The runner is made here, not on the decorator, so `concurrency` can be a parameter.
    with ThreadPoolTaskRunner(max_workers=concurrency) as runner:
        futures = runner.map(run_game, {"spec": specs})
        wait(list(futures))
    played: list[dict[str, Any]] = []
    failed: dict[str, str] = {}
    for spec, future in zip(specs, futures, strict=True):
        outcome = future.result(raise_on_failure=False)
        if future.state.is_completed():
            played.append(outcome)
        elif isinstance(outcome, BaseException):
            failed[spec["game_id"]] = describe(outcome)
        else:
            failed[spec["game_id"]] = str(future.state.message or future.state.name)
    return {"played": played, "failed": failed}


@flow(name="batch", persist_result=False, log_prints=False)
def batch(
    games: int | None = None,
    seed: int | None = None,
    batch_id: str | None = None,
    concurrency: int = 4,
    out: str = "data/results",
    runtime: str = "process",
    rules: str | None = None,
    players: int | None = None,
    traitors: int | None = None,
    brain: str | None = None,
    code_version: str | None = None,
    state_dir: str | None = None,
) -> dict[str, Any]:
    """Plan and play a batch of games; a re-run of the same batch id resumes it.

    Options left out come from the batch's manifest when resuming; a new batch
    defaults to 20 uk games, heuristic brains and a random seed (recorded).
    `state_dir` holds the process runtime's records of its agents (default `<out>/.runtime`).
    """
    batch_id = batch_id or plan.default_batch_id()
    given = {"games": games, "seed": seed, "rules": rules, "players": players}
    options = plan.resolve_options(
        Path(out), batch_id, {**given, "traitors": traitors, "brain": brain}
    )
    specs, manifest = plan.plan_batch(
        **options,
        batch_id=batch_id,
        concurrency=concurrency,
        out=out,
        runtime=runtime,
        code_version=code_version or plan.code_version(),
        state_dir=state_dir,
    )
    plan.ensure_manifest(Path(out), batch_id, manifest)
    games = options["games"]
    todo = plan.pending(specs, Path(out), batch_id)
    result = run_games(todo, concurrency)
    done = completed_game_ids(Path(out), batch_id) & {s["game_id"] for s in specs}
    return {
        "batch_id": batch_id,
        "planned": games,
        "completed": len(done),
        "failed": result["failed"],
        "skipped": games - len(todo),
        "played": len(result["played"]),
        "out": out,
    }
