"""`traitorsim play`: one game on the chosen runtime, without Prefect unless writing results."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from agent.brains import BRAIN_NAMES
from agent.table import Table, play_at_table_sync
from flows.errors import UsageError
from game.config import PRESETS, GameConfig, preset
from game.record import GameRecord
from game.state import seat_id
from infra.base import AgentSpec, Owner

RUNTIMES = ("process", "inproc")


@dataclass(frozen=True, slots=True)
class PlayOptions:
    """Everything `play` was asked for, already read from flags, environment and `.env`."""

    rules: str
    seed: int
    runtime: str
    brain: str
    players: int | None = None
    traitors: int | None = None
    agents: tuple[str, ...] = ()
    token_env: str | None = None
    out: Path | None = None
    state_dir: Path = Path(".traitorsim/run")
    base_port: int | None = None
    decision_timeout_s: float = 60.0
    game_id: str = field(default="")

    def config(self) -> GameConfig:
        """The validated game config these options describe."""
        if self.rules not in PRESETS:
            raise UsageError(f"--rules {self.rules!r} is not one of {', '.join(PRESETS)}")
        return preset(self.rules, num_players=self.players, num_traitors=self.traitors)

    def resolved_game_id(self) -> str:
        """The game id: given, or `<rules>-<seed>` so a seed replays as the same game."""
        return self.game_id or f"{self.rules}-{self.seed}"

    def token(self) -> str | None:
        """The bearer token from the named environment variable, if one was named."""
        if not self.token_env:
            return None
        value = os.environ.get(self.token_env)
        if not value:
            raise UsageError(f"--token-env {self.token_env}: that environment variable is empty")
        return value


def check(options: PlayOptions) -> GameConfig:
    """Validate the options that the engine does not validate itself."""
    if options.runtime not in RUNTIMES:
        raise UsageError(f"--runtime {options.runtime!r} is not one of {', '.join(RUNTIMES)}")
    if options.brain not in BRAIN_NAMES:
        raise UsageError(f"--brain {options.brain!r} is not one of {', '.join(BRAIN_NAMES)}")
    config = options.config()
    if options.agents and len(options.agents) != config.num_players:
        raise UsageError(
            f"--agents gives {len(options.agents)} URLs for {config.num_players} players: "
            "give one URL per seat, or set --players to match"
        )
    return config


def run_play(options: PlayOptions) -> GameRecord:
    """Play one game as the options say and return its record."""
    config = check(options)
    if options.out is not None:
        from flows.cli_batch import run_game_flow

        return run_game_flow(options, config)
    game_id = options.resolved_game_id()
    token = options.token()
    table = Table(brain=options.brain, token=token, decision_timeout_s=options.decision_timeout_s)
    if options.agents or options.runtime == "inproc":
        table = replace(table, urls=options.agents)
        return play_at_table_sync(config, options.seed, game_id, table)
    return _play_on_processes(options, config, game_id, table)


def _play_on_processes(
    options: PlayOptions, config: GameConfig, game_id: str, table: Table
) -> GameRecord:
    from infra.process import ProcessRuntime, agents

    runtime = ProcessRuntime(state_dir=options.state_dir, base_port=options.base_port)
    owner = Owner(batch_id="play", game_id=game_id)
    specs = [AgentSpec(seat=seat_id(i), brain=table.brain) for i in range(config.num_players)]
    with agents(runtime, owner, specs, token=table.token) as handles:
        urls = tuple(h.url for h in handles)
        return play_at_table_sync(config, options.seed, game_id, replace(table, urls=urls))
