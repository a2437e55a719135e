"""The round table: statements in speaking order, the banishment vote, revote, tie-break.

The referee asks for statements and votes; these pure functions log them, count
them and banish. The dagger holder's vote counts twice. A tie goes to a revote
among the tied (who do not vote); a second tie is broken by lot or countback.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import replace

from game.errors import IllegalAction
from game.events import EventKind, Phase
from game.players import Role
from game.state import (
    GameState,
    append,
    event,
    living_ids,
    others,
    remove,
    seat,
    update_seat,
)

MAX_STATEMENT = 600


def open_round_table(state: GameState) -> GameState:
    """Move to the round table (END_GAME phase once the end game has begun)."""
    return replace(state, phase=Phase.END_GAME if state.end_game else Phase.ROUND_TABLE)


def speaking_order(state: GameState, rng: random.Random) -> tuple[str, ...]:
    """Draw the order in which the living speak."""
    order = list(living_ids(state))
    rng.shuffle(order)
    return tuple(order)


def make_statement(state: GameState, speaker: str, text: str, accuses: str | None) -> GameState:
    """Log one statement (STATEMENT, public); `accuses` must be a living other player."""
    if not text.strip():
        raise IllegalAction(text, "non-empty text", "a statement says something")
    if accuses is not None and accuses not in others(state, speaker):
        raise IllegalAction(accuses, others(state, speaker), "accuse a living other player")
    return append(
        state,
        event(
            state,
            EventKind.STATEMENT,
            actor=speaker,
            target=accuses,
            data={"text": text[:MAX_STATEMENT]},
        ),
    )


def vote_options(state: GameState, voter: str, tied: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Whom a voter may vote for: living others, or the tied others in a revote."""
    if tied:
        return tuple(pid for pid in tied if pid != voter)
    return others(state, voter)


def revote_voters(state: GameState, tied: tuple[str, ...]) -> tuple[str, ...]:
    """Who votes in a revote: everyone but the tied (or everyone, if all are tied)."""
    voters = tuple(pid for pid in living_ids(state) if pid not in tied)
    return voters or living_ids(state)


def weight(state: GameState, voter: str) -> int:
    """A vote's weight: 2 with the dagger."""
    return 2 if seat(state, voter).dagger else 1


def cast_votes(
    state: GameState, votes: Mapping[str, str], round_: int = 1, tied: tuple[str, ...] = ()
) -> GameState:
    """Log the votes (VOTE, public), in the order given."""
    logged = []
    for voter, target in votes.items():
        options = vote_options(state, voter, tied)
        if not seat(state, voter).alive or target not in options:
            raise IllegalAction(target, options, f"vote by {voter}")
        data = {"round": round_, "weight": weight(state, voter), "end_game": state.end_game}
        logged.append(event(state, EventKind.VOTE, actor=voter, target=target, data=data))
    return append(state, *logged)


def tally(state: GameState, votes: Mapping[str, str]) -> dict[str, int]:
    """Weighted votes received, by target."""
    counts: dict[str, int] = {}
    for voter, target in votes.items():
        counts[target] = counts.get(target, 0) + weight(state, voter)
    return counts


def leaders(counts: Mapping[str, int]) -> tuple[str, ...]:
    """The players with the most votes, in seat order."""
    if not counts:
        return ()
    top = max(counts.values())
    return tuple(sorted(pid for pid, n in counts.items() if n == top))


def call_revote(state: GameState, tied: tuple[str, ...]) -> GameState:
    """Announce a revote among the tied (REVOTE, public)."""
    return append(state, event(state, EventKind.REVOTE, data={"tied": list(tied), "round": 2}))


def countback_leaders(state: GameState, tied: tuple[str, ...]) -> tuple[str, ...]:
    """Of the tied, those with the most votes received at earlier round tables of the game."""
    received = dict.fromkeys(tied, 0)
    for e in state.events:
        if e.kind is EventKind.VOTE and e.day < state.day and e.target in received:
            received[e.target] += int(e.data.get("weight", 1))
    return leaders(received)


def break_tie(state: GameState, target: str, method: str, tied: tuple[str, ...]) -> GameState:
    """Log how a second tie was broken (TIE_BROKEN, public)."""
    if target not in tied:
        raise IllegalAction(target, tied, "the tie-break picks one of the tied")
    data = {"method": method, "tied": list(tied)}
    return append(state, event(state, EventKind.TIE_BROKEN, target=target, data=data))


def banish(state: GameState, target: str, counts: Mapping[str, int]) -> GameState:
    """Banish the chosen player (BANISHED), unless their shield blocks it (BANISHMENT_BLOCKED).

    The role is revealed, except in the end game without `reveal_finalist_roles`.
    Banishing a traitor makes a recruitment pending. Daggers expire.
    """
    victim = seat(state, target)
    if not victim.alive:
        raise IllegalAction(target, living_ids(state), "only the living are banished")
    state = _drop_daggers(state)
    cfg = state.config
    if victim.shield and cfg.shield_blocks_banishment:
        state = update_seat(state, target, shield=False)
        return append(state, event(state, EventKind.BANISHMENT_BLOCKED, target=target))
    reveal = not state.end_game or cfg.reveal_finalist_roles
    state = remove(state, target, "banished", revealed=reveal)
    if victim.role is Role.TRAITOR and cfg.recruitment != "none":
        state = replace(state, recruit_pending=True)
    data = {"role": victim.role.value if reveal else None, "votes": dict(counts)}
    return append(state, event(state, EventKind.BANISHED, target=target, data=data))


def _drop_daggers(state: GameState) -> GameState:
    if not any(s.dagger for s in state.seats):
        return state
    return replace(state, seats=tuple(replace(s, dagger=False) for s in state.seats))
