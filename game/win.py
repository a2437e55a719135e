"""How the game ends, who wins, and the traitor's dilemma over the pot.

The faithful win if and only if no traitor survives. If only traitors remain (two
or more) and the dilemma is on, each chooses SHARE or STEAL: all share -> split;
one steals -> they take the pot; two or more steal -> nobody gets anything.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from game.errors import IllegalAction
from game.events import EventKind
from game.state import GameState, append, event, faithful_ids, living_ids, traitor_ids

SHARE = "SHARE"
STEAL = "STEAL"
DILEMMA_OPTIONS = (SHARE, STEAL)
END_REASONS = ("vote_to_end", "all_traitors_banished", "parity", "dilemma", "max_days")


def check_win(state: GameState) -> str | None:
    """The end reason if a banishment or murder has ended the game, else None."""
    traitors, faithful = traitor_ids(state), faithful_ids(state)
    if not traitors and state.config.end_when_no_traitors:
        return "all_traitors_banished"
    if traitors and state.config.parity_ends_game and len(traitors) >= len(faithful):
        return "parity"
    return None


def last_day(state: GameState) -> bool:
    """Whether today was the last day the config allows."""
    return state.day >= state.config.max_days


def winner(state: GameState) -> str:
    """'faithful' if no traitor is alive, else 'traitor'."""
    return "traitor" if traitor_ids(state) else "faithful"


def dilemma_due(state: GameState) -> bool:
    """Whether the surviving traitors face the dilemma: only traitors left, two or more."""
    traitors = traitor_ids(state)
    return state.config.dilemma and len(traitors) >= 2 and len(traitors) == len(living_ids(state))


def _takers(state: GameState, choices: Mapping[str, str] | None) -> tuple[str, ...]:
    if choices is None:
        side = winner(state)
        return traitor_ids(state) if side == "traitor" else faithful_ids(state)
    stealers = tuple(pid for pid, c in choices.items() if c == STEAL)
    if not stealers:
        return tuple(choices)
    return stealers if len(stealers) == 1 else ()


def finish(state: GameState, reason: str, choices: Mapping[str, str] | None = None) -> GameState:
    """End the game: DILEMMA_CHOICE (if any), PAYOUT, GAME_OVER."""
    if reason not in END_REASONS:
        raise IllegalAction(reason, END_REASONS, "end reason")
    logged = []
    if choices is not None:
        for pid, choice in choices.items():
            if pid not in traitor_ids(state) or choice not in DILEMMA_OPTIONS:
                raise IllegalAction(choice, DILEMMA_OPTIONS, f"dilemma choice by {pid}")
            data = {"decision": choice}
            logged.append(event(state, EventKind.DILEMMA_CHOICE, actor=pid, data=data))
        reason = "dilemma"
    takers = _takers(state, choices)
    share = round(state.pot / len(takers), 2) if takers else 0.0
    amounts = {pid: share for pid in takers}
    side = winner(state)
    logged.append(event(state, EventKind.PAYOUT, data={"amounts": amounts, "pot": state.pot}))
    roles = {s.id: s.role.value for s in state.seats}
    over = {"winner": side, "end_reason": reason, "roles": roles}
    logged.append(event(state, EventKind.GAME_OVER, data=over))
    state = append(state, *logged)
    return replace(state, ended=True, winner=side, end_reason=reason)
