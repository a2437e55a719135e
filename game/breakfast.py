"""Breakfast: the night's murder is revealed and the players arrive, one by one.

The show's tell: the night's shortlist (those the traitors considered but did not
murder) arrive last, and a traitor often strolls in among them.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace

from game.errors import IllegalAction
from game.events import EventKind, Phase
from game.players import Role
from game.state import GameState, append, event, living, living_ids, remove


@dataclass(frozen=True, slots=True)
class ArrivalChance:
    """The breakfast arrival order (every living player once)."""

    order: tuple[str, ...]


def arrival_chance(state: GameState, rng: random.Random) -> ArrivalChance:
    """Draw the arrival order: the early group shuffled, then the late group shuffled."""
    late_ids = set(state.shortlist)
    for s in living(state):
        if s.role is Role.TRAITOR and rng.random() < state.config.late_traitor_chance:
            late_ids.add(s.id)
    early = [pid for pid in living_ids(state) if pid not in late_ids]
    late = [pid for pid in living_ids(state) if pid in late_ids]
    rng.shuffle(early)
    rng.shuffle(late)
    return ArrivalChance(order=(*early, *late))


def reveal_murder(state: GameState) -> GameState:
    """Morning: the night's victim is found (MURDER_REVEALED) or not (NO_MURDER); shields expire.

    Murder victims are always faithful, and the show reveals them as such.
    """
    victim = state.pending_murder
    if any(s.shield for s in state.seats):
        seats = tuple(replace(s, shield=False) if s.shield else s for s in state.seats)
        state = replace(state, seats=seats)
    state = replace(state, pending_murder=None)
    if victim is None:
        return append(state, event(state, EventKind.NO_MURDER))
    state = remove(state, victim, "murdered", revealed=True)
    return append(
        state, event(state, EventKind.MURDER_REVEALED, target=victim, data={"role": "faithful"})
    )


def breakfast(state: GameState) -> GameState:
    """Start a day's breakfast with the murder reveal (the arrival follows once drawn)."""
    return reveal_murder(replace(state, phase=Phase.BREAKFAST))


def arrive(state: GameState, chance: ArrivalChance) -> GameState:
    """Log the arrival order (ARRIVAL, public); the shortlist is spent."""
    if sorted(chance.order) != sorted(living_ids(state)):
        raise IllegalAction(chance.order, living_ids(state), "every living player arrives once")
    state = replace(state, shortlist=())
    return append(state, event(state, EventKind.ARRIVAL, data={"order": list(chance.order)}))
