"""The mission: performances, sabotage, earnings, and the prizes (seer, shield, dagger).

Chance is explicit: the referee draws a `MissionChance` with `mission_chance`, and
`apply_mission` turns it into the result. Tests pass forced outcomes.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass, replace

from game.errors import IllegalAction
from game.events import EventKind, Phase
from game.players import Role
from game.state import GameState, Seat, append, event, living, seat, traitor_ids, update_seat

NOISE_SD = 0.1
SABOTAGE_PENALTY = 0.5  # a saboteur performs at half their ability


@dataclass(frozen=True, slots=True)
class MissionChance:
    """The mission's chance outcomes: each player's noise and who sabotages."""

    noise: Mapping[str, float]
    saboteurs: tuple[str, ...] = ()


def sabotage_chance(s: Seat) -> float:
    """How likely a traitor sabotages: 0.15 for the agreeable, up to 0.35 for the disagreeable."""
    return 0.15 + 0.2 * (1.0 - s.persona.traits.agreeableness)


def ability(s: Seat) -> float:
    """A player's expected mission performance from their persona."""
    t, st = s.persona.traits, s.persona.stats
    return 0.4 * st.dexterity + 0.35 * st.intellect + 0.25 * t.conscientiousness


def mission_chance(state: GameState, rng: random.Random) -> MissionChance:
    """Draw noise for every living player and which traitors sabotage."""
    noise = {s.id: rng.gauss(0.0, NOISE_SD) for s in living(state)}
    saboteurs: list[str] = []
    if state.config.sabotage:
        for s in living(state):
            if s.role is Role.TRAITOR and rng.random() < sabotage_chance(s):
                saboteurs.append(s.id)
    return MissionChance(noise=noise, saboteurs=tuple(saboteurs))


def performances(state: GameState, chance: MissionChance) -> dict[str, float]:
    """Each living player's performance in [0, 1]."""
    out: dict[str, float] = {}
    for s in living(state):
        value = ability(s) + chance.noise.get(s.id, 0.0)
        if s.id in chance.saboteurs:
            value *= SABOTAGE_PENALTY
        out[s.id] = round(min(1.0, max(0.0, value)), 4)
    return out


def apply_mission(state: GameState, chance: MissionChance) -> GameState:
    """Play the mission: SABOTAGE (secret), MISSION_RESULT (public), pot grows."""
    state = replace(state, phase=Phase.MISSION)
    for pid in chance.saboteurs:
        if pid not in traitor_ids(state):
            raise IllegalAction(pid, traitor_ids(state), "only living traitors sabotage")
    perf = performances(state, chance)
    mean = sum(perf.values()) / len(perf) if perf else 0.0
    earnings = int(state.config.mission_max_earnings * mean)
    pot = state.pot + earnings
    traitors = traitor_ids(state)
    secret = [
        event(state, EventKind.SABOTAGE, actor=pid, audience=traitors) for pid in chance.saboteurs
    ]
    result = event(
        state,
        EventKind.MISSION_RESULT,
        data={"earnings": earnings, "pot": pot, "performance": perf},
    )
    return append(replace(state, pot=pot), *secret, result)


def ranking(state: GameState) -> tuple[str, ...]:
    """Today's living players, best mission performance first (seat order breaks ties)."""
    perf = _last_performance(state)
    order = sorted(perf, key=lambda pid: (-perf[pid], pid))
    return tuple(pid for pid in order if seat(state, pid).alive)


def _last_performance(state: GameState) -> dict[str, float]:
    for e in reversed(state.events):
        if e.kind is EventKind.MISSION_RESULT:
            return dict(e.data["performance"])
    return {}


def seer_due(state: GameState) -> bool:
    """Whether today's best performer becomes the seer (once per game, on `seer_day`)."""
    day = state.config.seer_day
    return day is not None and state.day == day and not state.seer_awarded


def award_seer(state: GameState, player_id: str) -> GameState:
    """Make `player_id` the seer (SEER_AWARDED, public)."""
    state = update_seat(state, player_id, is_seer=True)
    state = replace(state, seer_awarded=True)
    return append(state, event(state, EventKind.SEER_AWARDED, target=player_id))


def seer_look(state: GameState, seer_id: str, target: str) -> tuple[GameState, Role]:
    """The seer learns the target's true role (SEER_LOOK, seen by the seer only)."""
    me = seat(state, seer_id)
    if not me.is_seer or me.seer_used:
        raise IllegalAction(seer_id, "the unused seer", "only the seer looks, once")
    other = seat(state, target)
    if not other.alive or target == seer_id:
        raise IllegalAction(target, "living others", "the seer looks at a living other player")
    state = update_seat(state, seer_id, seer_used=True)
    look = event(
        state,
        EventKind.SEER_LOOK,
        actor=seer_id,
        target=target,
        data={"role": other.role.value},
        audience=(seer_id,),
    )
    return append(state, look), other.role


def award_prize(state: GameState, exclude: str | None = None) -> GameState:
    """Give the shield or, on a dagger day, the dagger to the best performer (not the seer)."""
    cfg = state.config
    dagger = state.day in cfg.dagger_days
    if not dagger and not cfg.shields:
        return state
    winner = next((pid for pid in ranking(state) if pid != exclude), None)
    if winner is None:
        return state
    s = seat(state, winner)
    if dagger:
        state = update_seat(state, winner, dagger=True, daggers_won=s.daggers_won + 1)
        return append(state, event(state, EventKind.DAGGER_AWARDED, target=winner))
    state = update_seat(state, winner, shield=True, shields_won=s.shields_won + 1)
    audience = (winner,) if cfg.shield_secret else None
    return append(state, event(state, EventKind.SHIELD_AWARDED, target=winner, audience=audience))
