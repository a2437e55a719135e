"""The phases of one game as plain functions over plain data (no Prefect here).

The Prefect tasks in this package are thin wrappers over these, and `run_one_game`
strings them together: with the plain functions (the bare-engine benchmark), or with
the tasks (the `game` flow and the batch's per-game task), so both run the same code.

A game spec is a plain dict:
    batch_id, game_id, index, seed, config (GameConfig.to_dict()), runtime ("process" |
    "inproc"), runtime_settings (constructor kwargs), brain, out, code_version,
    health_timeout_s; optional decision_timeout_s, return_record.
"""

from __future__ import annotations

import logging
import secrets
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from agent.protocol import PROTOCOL_VERSION
from agent.table import Table, play_at_table_sync
from analysis.schema import record_to_dict, write_game
from game.config import GameConfig
from game.state import seat_id
from infra.base import AgentSpec, Owner, Runtime
from infra.process import ProcessRuntime
from tasks import progress
from tasks.errors import UnknownRuntime

log = logging.getLogger(__name__)

Spec = Mapping[str, Any]
RUNTIMES: tuple[str, ...] = ("process", "inproc")


def make_runtime(name: str, settings: Mapping[str, Any]) -> Runtime | None:
    """The infra runtime by name; None for `inproc` (brains are called in-process)."""
    if name == "inproc":
        return None
    if name == "process":
        return ProcessRuntime(**settings)
    raise UnknownRuntime(f"unknown runtime {name!r}: choose one of {', '.join(RUNTIMES)}")


def _owner(spec: Spec) -> Owner:
    return Owner(batch_id=spec["batch_id"], game_id=spec["game_id"])


def start_daemon(runtime: str, settings: Mapping[str, Any]) -> str:
    """Make sure the agents' host is up (a no-op for process and inproc); returns the name."""
    rt = make_runtime(runtime, settings)
    if rt is not None:
        rt.start_daemon()
    return runtime


def build_images(runtime: str, settings: Mapping[str, Any]) -> list[str]:
    """Build the agent images (none for process and inproc); returns their tags."""
    rt = make_runtime(runtime, settings)
    return [] if rt is None else list(rt.build_images())


def spawn_agents(spec: Spec, token: str | None) -> list[dict[str, str]]:
    """Start one healthy agent per seat; on any failure removes what it started, then raises."""
    rt = make_runtime(spec["runtime"], spec["runtime_settings"])
    if rt is None:
        return []
    owner = _owner(spec)
    seats = [AgentSpec(seat=seat_id(i), brain=spec["brain"]) for i in range(_players(spec))]
    rt.teardown(owner)  # leftovers of an earlier, killed attempt of this very game
    try:
        handles = rt.spawn(owner, seats, token)
        rt.wait_healthy(handles, spec.get("health_timeout_s", 30.0), token)
    except BaseException:
        rt.teardown(owner)
        raise
    return [{"seat": h.seat, "url": h.url, "ref": h.ref} for h in handles]


def play_game(spec: Spec, handles: list[dict[str, str]], token: str | None) -> dict[str, Any]:
    """Play the game against the agents (or in-process brains); returns the record as a dict."""
    urls = tuple(h["url"] for h in sorted(handles, key=lambda h: h["seat"]))
    timeout = float(spec.get("decision_timeout_s", 60.0))
    table = Table(brain=spec["brain"], urls=urls, token=token, decision_timeout_s=timeout)
    config = GameConfig.from_dict(dict(spec["config"]))
    record = play_at_table_sync(config, int(spec["seed"]), spec["game_id"], table)
    return record_to_dict(record)


def write_results(spec: Spec, record: Mapping[str, Any], wall_time_s: float) -> str:
    """Write the game's tables to the dataset (games file last); returns the games file."""
    path = write_game(
        record,
        Path(spec["out"]),
        batch_id=spec["batch_id"],
        runtime=spec["runtime"],
        brains=spec["brain"],
        wall_time_s=wall_time_s,
        code_version=spec["code_version"],
        protocol_version=PROTOCOL_VERSION,
    )
    return str(path)


def teardown(spec: Spec) -> int:
    """Remove every agent of this game; safe twice; returns how many were removed."""
    rt = make_runtime(spec["runtime"], spec["runtime_settings"])
    return 0 if rt is None else int(rt.teardown(_owner(spec)))


def _players(spec: Spec) -> int:
    return int(spec["config"]["num_players"])


@dataclass(frozen=True, slots=True)
class Steps:
    """The phase callables `run_one_game` uses: plain functions or Prefect tasks."""

    start_daemon: Callable[..., Any] = start_daemon
    build_images: Callable[..., Any] = build_images
    spawn_agents: Callable[..., Any] = spawn_agents
    play_game: Callable[..., Any] = play_game
    write_results: Callable[..., Any] = write_results
    teardown: Callable[..., Any] = teardown


PLAIN = Steps()


def run_one_game(spec: Spec, steps: Steps = PLAIN) -> dict[str, Any]:
    """Play one game through every phase, teardown guaranteed; returns a short summary."""
    game_id = spec["game_id"]
    progress.emit("started", game_id)
    # A fresh secret per game: agents answer only the engine that started them.
    token = secrets.token_urlsafe(16) if spec["runtime"] != "inproc" else None
    try:
        steps.start_daemon(spec["runtime"], spec["runtime_settings"])
        steps.build_images(spec["runtime"], spec["runtime_settings"])
        start = time.perf_counter()
        handles = steps.spawn_agents(spec, token)
        record = steps.play_game(spec, handles, token)
        wall = time.perf_counter() - start
        path = steps.write_results(spec, record, wall)
    except BaseException as exc:
        progress.emit("failed", game_id, {"reason": describe(exc)})
        _teardown_after_failure(spec, steps)
        raise
    steps.teardown(spec)
    summary = _summary(spec, record, wall, path)
    if spec.get("return_record"):  # the single-game CLI prints the whole game
        summary["record"] = record
    progress.emit("finished", game_id, summary)
    return summary


def _teardown_after_failure(spec: Spec, steps: Steps) -> None:
    # The game's own error is the one to report; a teardown error here is only logged.
    try:
        steps.teardown(spec)
    except Exception:
        log.exception("teardown of %s failed after the game failed", spec["game_id"])


def _summary(spec: Spec, record: Mapping[str, Any], wall: float, path: str) -> dict[str, Any]:
    fallbacks = sum(1 for d in record["decisions"] if d["source"] == "fallback")
    return {
        "game_id": spec["game_id"],
        "seed": spec["seed"],
        "winner": record["winner"],
        "end_reason": record["end_reason"],
        "days": record["days"],
        "wall_time_s": round(wall, 3),
        "fallback_count": fallbacks,
        "path": path,
    }


def describe(exc: BaseException) -> str:
    """One line naming a failure: `ExceptionType: message`."""
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__
