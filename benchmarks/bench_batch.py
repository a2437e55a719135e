"""Batch benchmark: 40 ten-player games on the process runtime, with and without Prefect.

The same planned games (same seeds, same phases via `tasks.steps.run_one_game`) run
twice: by plain Python on a thread pool (the bare engine), and by the `batch` flow
(mapped per-game tasks over nested phase tasks, ephemeral Prefect server). Prefect's
overhead per game is the difference in wall time divided by the number of games; the
ephemeral server's start-up is paid once per process and reported on its own.

Usage: python benchmarks/bench_batch.py [--games 40] [--concurrency 4] [--players 10]
Writes benchmarks/results/bench_batch.json and prints a table.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import flows  # noqa: E402,F401  (quiet Prefect defaults before prefect is imported)
from flows import plan  # noqa: E402
from tasks import steps  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results" / "bench_batch.json"


def bare(args: argparse.Namespace, out: Path, version: str) -> dict[str, Any]:
    """The planned games by plain Python threads, no Prefect."""
    specs, _ = plan.plan_batch(
        games=args.games, seed=args.seed, batch_id="bare", concurrency=args.concurrency,
        out=str(out), runtime=args.runtime, rules="uk", players=args.players, traitors=None,
        brain="heuristic", code_version=version,
    )  # fmt: skip
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=args.concurrency) as pool:
        summaries = list(pool.map(steps.run_one_game, specs))
    return {"wall_s": time.perf_counter() - start, "completed": len(summaries), "failed": 0}


def with_prefect(args: argparse.Namespace, out: Path, version: str) -> dict[str, Any]:
    """The same games as the `batch` flow (after warming the ephemeral server)."""
    from prefect import flow

    from flows.batch import batch

    @flow(name="warm-up", persist_result=False)
    def warm_up() -> None:
        return None

    start = time.perf_counter()
    warm_up()
    startup = time.perf_counter() - start
    start = time.perf_counter()
    summary = batch(
        games=args.games, seed=args.seed, batch_id="prefect", concurrency=args.concurrency,
        out=str(out), runtime=args.runtime, players=args.players, code_version=version,
    )  # fmt: skip
    return {
        "wall_s": time.perf_counter() - start,
        "server_startup_s": startup,
        "completed": summary["completed"],
        "failed": len(summary["failed"]),
    }


def report(args: argparse.Namespace, plain: dict[str, Any], pf: dict[str, Any]) -> dict[str, Any]:
    """The figures, as written to JSON."""
    overhead = (pf["wall_s"] - plain["wall_s"]) / args.games
    return {
        "games": args.games,
        "players": args.players,
        "concurrency": args.concurrency,
        "runtime": args.runtime,
        "bare": {**plain, "games_per_min": 60 * args.games / plain["wall_s"]},
        "prefect": {**pf, "games_per_min": 60 * args.games / pf["wall_s"]},
        "prefect_overhead_per_game_s": overhead,
        "prefect_total_with_startup_s": pf["wall_s"] + pf["server_startup_s"],
        "targets": {
            "overhead_per_game_s_max": 1.0,
            "batch_wall_s_max": 120.0,
            "overhead_ok": overhead <= 1.0,
            "wall_ok": pf["wall_s"] + pf["server_startup_s"] <= 120.0,
        },
    }


def main() -> None:
    """Run both, print a table, write the JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--games", type=int, default=40)
    parser.add_argument("--players", type=int, default=10)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--runtime", default="process")
    args = parser.parse_args()
    version = plan.code_version()
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        plain = bare(args, Path(tmp) / "bare", version)
        pf = with_prefect(args, Path(tmp) / "prefect", version)
    result = report(args, plain, pf)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    rows = [
        ("bare engine wall (s)", f"{plain['wall_s']:.1f}"),
        ("bare games/min", f"{result['bare']['games_per_min']:.1f}"),
        ("prefect server start-up (s)", f"{pf['server_startup_s']:.1f}"),
        ("prefect batch wall (s)", f"{pf['wall_s']:.1f}"),
        ("prefect games/min", f"{result['prefect']['games_per_min']:.1f}"),
        ("prefect total incl. start-up (s)", f"{result['prefect_total_with_startup_s']:.1f}"),
        ("prefect overhead per game (s)", f"{result['prefect_overhead_per_game_s']:.3f}"),
        ("completed / failed (prefect)", f"{pf['completed']} / {pf['failed']}"),
    ]
    print(f"{args.games} games x {args.players} players, {args.runtime}, c={args.concurrency}")
    for name, value in rows:
        print(f"  {name:<34} {value:>10}")
    print(f"wrote {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
