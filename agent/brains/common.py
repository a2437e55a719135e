"""Helpers shared by the offline brains: seeding and who is who in a wire game state."""

from __future__ import annotations

import hashlib
import random

from agent import protocol as p

TRAITOR = "traitor"
FAITHFUL = "faithful"


def derive_rng(seed: int, game_id: str, player_id: str) -> random.Random:
    """A Random seeded from sha256 over (seed, game, seat): deterministic per game and seat."""
    digest = hashlib.sha256(f"{seed}\x1f{game_id}\x1f{player_id}".encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def living_others(gs: p.GameState) -> list[str]:
    """Ids of the living players other than the receiver, in seat order."""
    me = gs.your_player_id
    return [pl.id for pl in gs.players if pl.alive and pl.id != me]


def visible_traitors(gs: p.GameState, extra: set[str] | frozenset[str] = frozenset()) -> set[str]:
    """Ids whose role the receiver sees as traitor (own, fellows, revealed), plus `extra`."""
    return {pl.id for pl in gs.players if pl.role == TRAITOR} | set(extra)


def my_role(gs: p.GameState) -> str | None:
    """The receiver's own role as the game state shows it."""
    for pl in gs.players:
        if pl.id == gs.your_player_id:
            return pl.role
    return None


def murder_candidates(
    gs: p.GameState, death_list: list[str] | None, traitors: set[str]
) -> list[str]:
    """Who a traitor may murder: the death list if any, else living non-traitor others."""
    pool = death_list if death_list else living_others(gs)
    alive = {pl.id for pl in gs.players if pl.alive}
    me = gs.your_player_id
    return [pid for pid in pool if pid in alive and pid != me and pid not in traitors]
