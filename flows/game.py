"""The `game` flow: one game's phases in order (start daemon, build images, spawn agents,
play, write results), teardown guaranteed, results in the same Parquet tables as a batch.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from prefect import flow

from flows import plan
from flows.errors import UsageError
from game.config import GameConfig
from game.events import Event
from game.record import DecisionRecord, GameRecord, PlayerRecord, VoteRecord
from tasks.game import TASK_STEPS
from tasks.steps import run_one_game

SINGLE_BATCH = "play"


@flow(name="game", persist_result=False, log_prints=False)
def game(
    seed: int = 0,
    game_id: str | None = None,
    batch_id: str = SINGLE_BATCH,
    out: str = "data/results",
    runtime: str = "process",
    rules: str = "uk",
    players: int | None = None,
    traitors: int | None = None,
    brain: str = "heuristic",
    code_version: str | None = None,
    state_dir: str | None = None,
    base_port: int | None = None,
    decision_timeout_s: float = 60.0,
    return_record: bool = False,
    config: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Play one game through its phase tasks; returns its summary (and record if asked).

    `config` (a GameConfig as a dict) replaces `rules`, `players` and `traitors`.
    """
    plan.check_options(1, seed, 1, runtime, batch_id, brain)
    rules_config = (
        GameConfig.from_dict(config) if config else plan.make_config(rules, players, traitors)
    )
    version = code_version or plan.code_version()
    settings = plan.batch_settings(
        out=out, runtime=runtime, brain=brain, code_version=version, state_dir=state_dir
    )
    if base_port is not None and runtime != "inproc":
        settings["runtime_settings"]["base_port"] = base_port
    spec = {
        **settings,
        "batch_id": batch_id,
        "index": 0,
        "game_id": game_id or f"{rules_config.rules}-{seed}",
        "seed": seed,
        "config": rules_config.to_dict(),
        "decision_timeout_s": decision_timeout_s,
        "return_record": return_record,
    }
    return run_one_game(spec, TASK_STEPS)


def record_from_dict(data: dict[str, Any]) -> GameRecord:
    """Inverse of `analysis.schema.record_to_dict`."""
    return GameRecord(
        game_id=data["game_id"],
        seed=data["seed"],
        config=GameConfig.from_dict(dict(data["config"])),
        winner=data["winner"],
        end_reason=data["end_reason"],
        days=data["days"],
        prize_pot=data["prize_pot"],
        players=tuple(PlayerRecord(**p) for p in data["players"]),
        votes=tuple(VoteRecord(**v) for v in data["votes"]),
        decisions=tuple(DecisionRecord(**d) for d in data["decisions"]),
        events=tuple(Event.from_dict(e) for e in data["events"]),
        event_log_sha256=data["event_log_sha256"],
        rules_version=data["rules_version"],
    )


def run_game_flow(options: Any, config: GameConfig) -> GameRecord:
    """`play --out DIR`: run the `game` flow in-process and return the game's record.

    `options` is a `flows.play.PlayOptions`; the flow spawns its own agents, so
    `--agents` (agents already running) cannot be combined with `--out`.
    """
    if options.agents:
        raise UsageError("--agents cannot be combined with --out: the game flow starts its own")
    summary = game(
        seed=options.seed,
        game_id=options.resolved_game_id(),
        out=str(options.out),
        runtime=options.runtime,
        config=config.to_dict(),
        brain=options.brain,
        state_dir=str(Path(options.state_dir)),
        base_port=options.base_port,
        decision_timeout_s=options.decision_timeout_s,
        return_record=True,
    )
    return record_from_dict(summary["record"])
