"""Engine throughput: whole games per second, in-process heuristic brains, one core.

Targets on a 2-core machine: >= 50 games/s at 10 players, >= 10 games/s at 22.
Prints a table and writes benchmarks/results/bench_engine.json.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import time
from pathlib import Path

from agent.table import Table, play_at_table_sync
from game.config import preset

TARGETS = {10: 50.0, 22: 10.0}
OUT = Path(__file__).resolve().parent / "results" / "bench_engine.json"


def measure(players: int, seconds: float, min_games: int) -> dict[str, float | int]:
    """Play uk games of one size for about `seconds`; return throughput figures."""
    config = preset("uk", num_players=players)
    table = Table(brain="heuristic")
    durations: list[float] = []
    days: list[int] = []
    start = time.perf_counter()
    seed = 0
    while seed < min_games or time.perf_counter() - start < seconds:
        t0 = time.perf_counter()
        record = play_at_table_sync(config, seed, f"bench-{players}-{seed}", table)
        durations.append(time.perf_counter() - t0)
        days.append(record.days)
        seed += 1
    total = sum(durations)
    return {
        "players": players,
        "games": len(durations),
        "games_per_s": len(durations) / total,
        "ms_per_game_p50": statistics.median(durations) * 1000,
        "ms_per_game_max": max(durations) * 1000,
        "mean_days": statistics.fmean(days),
        "target_games_per_s": TARGETS.get(players, 0.0),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=8.0, help="time per player count")
    parser.add_argument("--min-games", type=int, default=20)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    rows = [measure(n, args.seconds, args.min_games) for n in sorted(TARGETS)]
    print(
        f"{'players':>7} {'games':>6} {'games/s':>8} {'p50 ms':>8} {'max ms':>8} "
        f"{'days':>5} {'target':>7} {'ok':>3}"
    )
    for r in rows:
        ok = "yes" if r["games_per_s"] >= r["target_games_per_s"] else "NO"
        print(
            f"{r['players']:>7} {r['games']:>6} {r['games_per_s']:>8.1f} "
            f"{r['ms_per_game_p50']:>8.1f} {r['ms_per_game_max']:>8.1f} "
            f"{r['mean_days']:>5.1f} {r['target_games_per_s']:>7.0f} {ok:>3}"
        )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    report = {"benchmark": "engine", "python": platform.python_version(), "results": rows}
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
