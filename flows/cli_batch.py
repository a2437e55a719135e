"""CLI commands `batch` and `serve`; `register(app)` adds them to the root typer app.

`python -m flows.cli_batch batch ...` runs them without the root CLI.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from flows.errors import exit_on_error

if TYPE_CHECKING:
    from flows.play import PlayOptions
    from game.config import GameConfig
    from game.record import GameRecord

console = Console(stderr=True)


@contextmanager
def _quiet_prefect(verbose: bool) -> Iterator[None]:
    # Prefect logs each failed task with a traceback; the final table names the reasons.
    logger = logging.getLogger("prefect")
    old = logger.level
    if not verbose:
        logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(old)


@contextmanager
def _progress(total: int, done: int) -> Iterator[None]:
    from tasks import progress as hooks

    bar = Progress(
        TextColumn("[bold]games"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[status]}"),
        TimeElapsedColumn(),
        console=console,
    )
    task_id = bar.add_task("games", total=total, completed=done, status="")
    counts = {"running": 0, "failed": 0}
    lock = threading.Lock()

    def listen(kind: str, game_id: str, data: Mapping[str, Any]) -> None:
        with lock:
            counts["running"] += {"started": 1}.get(kind, -1)
            counts["failed"] += kind == "failed"
            status = f"running {counts['running']}  failed {counts['failed']}"
            bar.update(task_id, advance=0 if kind == "started" else 1, status=status)

    unsubscribe = hooks.subscribe(listen)
    try:
        with bar:
            yield
    finally:
        unsubscribe()


def _win_rate(out: str, batch_id: str) -> float | None:
    from analysis.load import load_table

    games = load_table("games", out, batch_id=batch_id)
    return None if games.empty else float((games["winner"] == "faithful").mean())


def _report(summary: Mapping[str, Any], wall: float) -> None:
    table = Table(title=f"batch {summary['batch_id']}", show_header=False)
    rate = _win_rate(summary["out"], summary["batch_id"])
    rows = [
        ("planned", summary["planned"]),
        ("completed", summary["completed"]),
        ("played now", summary["played"]),
        ("skipped (already done)", summary["skipped"]),
        ("failed", len(summary["failed"])),
        ("wall time", f"{wall:.1f} s"),
        ("faithful win rate", "-" if rate is None else f"{rate:.0%}"),
        ("results", str(Path(summary["out"]).resolve())),
    ]
    for name, value in rows:
        table.add_row(name, str(value))
    for game_id, reason in sorted(summary["failed"].items()):
        table.add_row(f"[red]{game_id}[/red]", reason)
    Console().print(table)


def batch_command(
    games: int | None = typer.Option(None, "--games", help="how many games to play [20]"),
    batch_id: str | None = typer.Option(None, "--batch-id", help="resume this batch id"),
    seed: int | None = typer.Option(
        None, "--seed", help="batch seed; game seeds derive from it [random, recorded]"
    ),
    concurrency: int = typer.Option(4, "--concurrency", help="games at once"),
    out: str | None = typer.Option(None, "--out", help="dataset directory [data/results]"),
    runtime: str | None = typer.Option(None, "--runtime", help="process | inproc [process]"),
    rules: str | None = typer.Option(None, "--rules", help="uk | us | australia | canada [uk]"),
    players: int | None = typer.Option(None, "--players", help="cast size"),
    traitors: int | None = typer.Option(None, "--traitors", help="number of traitors"),
    brain: str | None = typer.Option(None, "--brain", help="heuristic | random [heuristic]"),
    verbose: bool = typer.Option(False, "--verbose", help="show Prefect's own logs"),
) -> None:
    """Play a batch of games as a Prefect flow; re-run with --batch-id to resume it."""
    from flows import plan  # pyarrow and the engine load only when batch runs
    from flows.settings import load_settings

    settings = load_settings()  # TRAITORSIM_* and .env fill what the flags leave out
    batch_id = batch_id or plan.default_batch_id()
    out = out or str(settings.results_dir)
    given = {"games": games, "seed": seed, "rules": rules, "players": players}
    given |= {"traitors": traitors, "brain": brain}
    options = plan.resolve_options(
        Path(out), batch_id, given, {"rules": settings.rules, "brain": settings.brain}
    )
    params: dict[str, Any] = {
        **options,
        "batch_id": batch_id,
        "concurrency": concurrency,
        "out": out,
        "runtime": runtime or settings.runtime,
        "code_version": plan.code_version(),
        "state_dir": str(settings.state_dir),
    }
    with exit_on_error():
        specs, manifest = plan.plan_batch(**params)
        plan.check_resume(Path(out), batch_id, manifest)
    games = params["games"]
    todo = len(plan.pending(specs, Path(out), batch_id))
    from flows.batch import batch  # imports prefect: after the options are known good

    start = time.perf_counter()
    with exit_on_error(), _quiet_prefect(verbose), _progress(games, games - todo):
        summary = batch(**params)
    _report(summary, time.perf_counter() - start)
    if summary["failed"]:
        raise typer.Exit(1)


def serve_command() -> None:
    """Serve deployments batch/default and game/default (needs PREFECT_API_URL to a server)."""
    import os

    from prefect import serve

    from flows.deployments import deployments

    if not os.environ.get("PREFECT_API_URL"):
        console.print(
            "[yellow]warning:[/yellow] PREFECT_API_URL is not set: serving against a temporary "
            "server that `prefect deployment run` in another shell cannot reach. Start one with "
            "`prefect server start` and set PREFECT_API_URL=http://127.0.0.1:4200/api."
        )
    serve(*deployments())


def run_game_flow(options: PlayOptions, config: GameConfig) -> GameRecord:
    """`play --out DIR`: the `game` flow in-process; returns the record (see flows.game)."""
    from flows.game import run_game_flow as run

    return run(options, config)


def register(app: typer.Typer) -> None:
    """Add `batch` and `serve` to the root CLI."""
    app.command("batch")(batch_command)
    app.command("serve")(serve_command)


def main() -> None:
    """Run these commands on their own (`python -m flows.cli_batch`)."""
    app = typer.Typer(add_completion=False, no_args_is_help=True)
    register(app)
    app()


if __name__ == "__main__":
    main()
