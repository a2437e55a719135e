"""HTTP runtime benchmark: spawn + health, per-decision overhead, a game's wall time, agent RSS.

    .venv/bin/python benchmarks/bench_http.py [--quick]

Prints a table and writes benchmarks/results/bench_http.json.
Targets: 10 agents ready <= 3 s, 24 <= 6 s; p50 decision overhead <= 3 ms;
22-player heuristic game over HTTP <= 5 s after spawn; <= 80 MB RSS per agent.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from agent.brains import make_brain  # noqa: E402
from agent.client import HttpPlayer, http_players, open_client  # noqa: E402
from agent.local import LocalPlayer  # noqa: E402
from game.config import preset  # noqa: E402
from game.players import DecisionKind, DecisionRequest, Setup  # noqa: E402
from game.referee import play  # noqa: E402
from infra.base import AgentHandle, AgentSpec, Owner  # noqa: E402
from infra.process import ProcessRuntime  # noqa: E402

TARGETS = {
    "ready_10_s": 3.0,
    "ready_24_s": 6.0,
    "overhead_p50_ms": 3.0,
    "game_http_s": 5.0,
    "rss_max_mb": 80.0,
}


def rss_mb(pid: int) -> float:
    """Resident set size of a process, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def pss_mb(pid: int) -> float:
    """Proportional set size (shared pages split among sharers), from /proc smaps_rollup."""
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def spawn(rt: ProcessRuntime, owner: Owner, n: int) -> tuple[list[AgentHandle], float]:
    """Spawn n heuristic agents and wait until healthy; returns handles and seconds."""
    t0 = time.perf_counter()
    handles = rt.spawn(owner, [AgentSpec(seat=f"player_{i:02d}") for i in range(n)], token="bench")
    rt.wait_healthy(handles, timeout_s=60, token="bench")
    return handles, time.perf_counter() - t0


def mid_game_request() -> tuple[Setup, DecisionRequest]:
    """A realistic mid-game vote: replay a seeded in-process game and keep a day-5 vote."""
    from game.observe import setup_for  # noqa: F401 (engine present)

    kept: list[DecisionRequest] = []

    class Spy(LocalPlayer):
        async def decide(self, request: DecisionRequest) -> Any:
            if request.kind is DecisionKind.VOTE and request.view.day >= 5 and not kept:
                kept.append(request)
            return await super().decide(request)

    seats = [Spy(make_brain("heuristic")) for _ in range(22)]
    spare = [LocalPlayer(make_brain("heuristic")) for _ in range(22)]
    asyncio.run(play(preset("uk", num_players=22), 11, seats, spare, game_id="bench"))
    req = kept[0]
    me = next(v for v in req.view.players if v.id == req.player_id)
    return Setup(game_id="bench", you=me, fellow_traitors=()), req


async def overhead(
    handle: AgentHandle, setup: Setup, req: DecisionRequest, n: int
) -> dict[str, float]:
    """Latency of the same decision via HttpPlayer and LocalPlayer (p50/p95, ms)."""
    local = LocalPlayer(make_brain("heuristic"))
    await local.initialize(setup)
    async with open_client(1) as client:
        remote = HttpPlayer(handle.url, client, seat=handle.seat, token="bench")
        await remote.initialize(setup)
        out: dict[str, list[float]] = {"http": [], "local": []}
        for _ in range(n):
            for name, pl in (("http", remote), ("local", local)):
                t0 = time.perf_counter()
                answer = await pl.decide(req)
                out[name].append((time.perf_counter() - t0) * 1000)
                assert answer.status == "ok", answer
    res = {}
    for name, xs in out.items():
        xs.sort()
        res[f"{name}_p50_ms"] = statistics.median(xs)
        res[f"{name}_p95_ms"] = xs[int(len(xs) * 0.95) - 1]
    res["overhead_p50_ms"] = res["http_p50_ms"] - res["local_p50_ms"]
    res["overhead_p95_ms"] = res["http_p95_ms"] - res["local_p95_ms"]
    res["request_bytes"] = len(
        __import__("agent.adapter", fromlist=["x"])
        .decision_request(__import__("agent.adapter", fromlist=["x"]).WireCache(), req)[1]
        .model_dump_json()
    )
    return res


async def game(handles: list[AgentHandle] | None, seed: int = 7) -> tuple[float, str]:
    """Wall time of one 22-player heuristic game, over HTTP (handles) or in-process."""
    cfg = preset("uk", num_players=22)
    spare = [LocalPlayer(make_brain("heuristic")) for _ in range(22)]
    t0 = time.perf_counter()
    if handles is None:
        seats: list[Any] = [LocalPlayer(make_brain("heuristic")) for _ in range(22)]
        rec = await play(cfg, seed, seats, spare, game_id="bench")
    else:
        async with open_client(22) as client:
            players = http_players([(h.seat, h.url) for h in handles], client, token="bench")
            rec = await play(cfg, seed, list(players.values()), spare, game_id="bench")
    return time.perf_counter() - t0, rec.event_log_sha256


def run(quick: bool) -> dict[str, Any]:
    """Every measurement; agents are always torn down."""
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        rt = ProcessRuntime(state_dir=Path(tmp))
        plain = ProcessRuntime(state_dir=Path(tmp), fork_server=False)
        for n, runtime, tag in ((10, rt, ""), (24, rt, ""), (10, plain, "_no_fork_server")):
            owner = Owner("bench", f"spawn{n}{tag}")
            try:
                handles, secs = spawn(runtime, owner, n)
                results[f"ready_{n}_s{tag}"] = secs
                results[f"rss_max_mb_after_spawn_{n}{tag}"] = max(
                    rss_mb(int(h.ref)) for h in handles
                )
                results[f"pss_max_mb_after_spawn_{n}{tag}"] = max(
                    pss_mb(int(h.ref)) for h in handles
                )
            finally:
                runtime.teardown(owner)
        owner = Owner("bench", "game")
        try:
            handles, _ = spawn(rt, owner, 22)
            setup, req = mid_game_request()
            results.update(asyncio.run(overhead(handles[0], setup, req, 50 if quick else 300)))
            http_s, http_sha = asyncio.run(game(handles))
            local_s, local_sha = asyncio.run(game(None))
            results.update(
                game_http_s=http_s, game_inproc_s=local_s, same_log=http_sha == local_sha
            )
            results["rss_max_mb"] = max(rss_mb(int(h.ref)) for h in handles)
            results["pss_max_mb"] = max(pss_mb(int(h.ref)) for h in handles)
        finally:
            rt.teardown(owner)
    return results


def main() -> None:
    """Run, print a table, write the JSON."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    results = run(ap.parse_args().quick)
    from rich.console import Console
    from rich.table import Table

    table = Table(title="HTTP runtime benchmark")
    for col in ("measure", "value", "target"):
        table.add_column(col)
    for key, value in results.items():
        target = TARGETS.get(key)
        shown = f"{value:.2f}" if isinstance(value, float) else str(value)
        table.add_row(key, shown, f"<= {target:g}" if target else "")
    Console().print(table)
    out = ROOT / "benchmarks" / "results" / "bench_http.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    tmp.write_text(json.dumps({"results": results, "targets": TARGETS}, indent=2))
    tmp.replace(out)


if __name__ == "__main__":
    main()
