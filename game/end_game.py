"""The end game: when few enough remain, the finalists vote to end the game or banish again.

A unanimous END ends the game; otherwise one more banishment (roles hidden unless
`reveal_finalist_roles`), then another vote, down to two players.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from game.errors import IllegalAction
from game.events import EventKind, Phase
from game.state import GameState, append, event, living_ids

END = "END"
BANISH = "BANISH"
END_VOTE_OPTIONS = (END, BANISH)


def end_game_due(state: GameState) -> bool:
    """Whether this round table starts the end game."""
    return not state.end_game and len(living_ids(state)) <= state.config.finalists


def enter_end_game(state: GameState) -> GameState:
    """Enter the end game; there is no turret from now on."""
    return replace(state, end_game=True, phase=Phase.END_GAME)


def down_to_two(state: GameState) -> bool:
    """Whether the end game is over because only two (or fewer) remain."""
    return len(living_ids(state)) <= 2


def cast_end_votes(state: GameState, votes: Mapping[str, str], round_: int) -> GameState:
    """Log each finalist's END or BANISH (END_GAME_VOTE, public)."""
    living = living_ids(state)
    logged = []
    for voter, vote in votes.items():
        if voter not in living or vote not in END_VOTE_OPTIONS:
            raise IllegalAction(vote, END_VOTE_OPTIONS, f"end-game vote by {voter}")
        data = {"vote": vote, "round": round_}
        logged.append(event(state, EventKind.END_GAME_VOTE, actor=voter, data=data))
    return append(state, *logged)


def unanimous_end(votes: Mapping[str, str]) -> bool:
    """Whether everyone voted to end the game."""
    return bool(votes) and all(v == END for v in votes.values())
