"""Seat a table and play one game: brains in-process, or agents at URLs over HTTP.

This is the one place that turns "who plays" into `Player`s for the referee, so the
CLI, the Prefect tasks and the benchmarks all play games the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from agent.adapter import WireCache
from agent.brains import make_brain
from agent.errors import BadTable
from agent.local import LocalPlayer
from game.config import GameConfig
from game.personas import Persona
from game.players import Player
from game.record import GameRecord
from game.referee import play, run_sync


@dataclass(frozen=True, slots=True)
class Table:
    """Who sits at the table: agent URLs (one per seat), or else in-process brains."""

    brain: str = "heuristic"
    urls: tuple[str, ...] = ()
    token: str | None = field(default=None, repr=False)
    decision_timeout_s: float = 60.0


def fallbacks(n: int, cache: WireCache | None = None) -> list[Player]:
    """One heuristic brain per seat to decide when an agent cannot."""
    cache = cache or WireCache()
    return [LocalPlayer(make_brain("heuristic"), cache) for _ in range(n)]


async def play_at_table(
    config: GameConfig,
    seed: int,
    game_id: str,
    table: Table,
    cast: Sequence[Persona] | None = None,
) -> GameRecord:
    """Play one game with the given table; HTTP clients are closed when it ends."""
    n = config.num_players
    if not table.urls:
        cache = WireCache()
        players: list[Player] = [LocalPlayer(make_brain(table.brain), cache) for _ in range(n)]
        return await play(config, seed, players, fallbacks(n, cache), game_id=game_id, cast=cast)
    if len(table.urls) != n:
        raise BadTable(f"{len(table.urls)} agent URLs for {n} players: give exactly one per seat")
    from agent.client import open_players

    async with open_players(
        table.urls, token=table.token, decision_timeout_s=table.decision_timeout_s
    ) as http_players:
        return await play(config, seed, http_players, fallbacks(n), game_id=game_id, cast=cast)


def play_at_table_sync(
    config: GameConfig,
    seed: int,
    game_id: str,
    table: Table,
    cast: Sequence[Persona] | None = None,
) -> GameRecord:
    """`play_at_table` for callers without an event loop."""
    return run_sync(play_at_table(config, seed, game_id, table, cast))
