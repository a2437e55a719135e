"""Turning a finished game into its `GameRecord`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from game.config import RULES_VERSION
from game.errors import GameError
from game.events import EventKind, event_log_sha256
from game.record import DecisionRecord, EndReason, GameRecord, PlayerRecord, VoteRecord, Winner
from game.state import GameState, Seat, seat


def vote_record(state: GameState, voter: str, target: str, round_: int, weight: int) -> VoteRecord:
    """One banishment vote, with both roles as they were at the time."""
    return VoteRecord(
        day=state.day,
        round=round_,
        voter=voter,
        target=target,
        voter_role=seat(state, voter).role.value,
        target_role=seat(state, target).role.value,
        weight=weight,
        end_game=state.end_game,
    )


def build_record(
    state: GameState,
    seed: int,
    votes: Sequence[VoteRecord],
    decisions: Sequence[DecisionRecord],
) -> GameRecord:
    """The record of a finished game."""
    if not state.ended or state.winner is None or state.end_reason is None:
        raise GameError("the game is not over yet")
    payout = next(e for e in reversed(state.events) if e.kind is EventKind.PAYOUT)
    amounts: dict[str, float] = dict(payout.data["amounts"])
    winner: Winner = "traitor" if state.winner == "traitor" else "faithful"
    reason = cast(EndReason, state.end_reason)  # one of END_REASONS: checked by win.finish
    return GameRecord(
        game_id=state.game_id,
        seed=seed,
        config=state.config,
        winner=winner,
        end_reason=reason,
        days=state.day,
        prize_pot=state.pot,
        players=tuple(_player(s, amounts, votes) for s in state.seats),
        votes=tuple(votes),
        decisions=tuple(decisions),
        events=state.events,
        event_log_sha256=event_log_sha256(state.events),
        rules_version=RULES_VERSION,
    )


def _player(s: Seat, amounts: dict[str, float], votes: Sequence[VoteRecord]) -> PlayerRecord:
    mine = [v for v in votes if v.voter == s.id]
    return PlayerRecord(
        id=s.id,
        name=s.name,
        archetype=s.persona.archetype,
        initial_role=s.initial_role.value,
        final_role=s.role.value,
        recruited_day=s.recruited_day,
        fate=s.fate or "survived",
        day_out=s.day_out,
        won=s.id in amounts,
        payout=float(amounts.get(s.id, 0.0)),
        shields_won=s.shields_won,
        daggers_won=s.daggers_won,
        votes_cast=len(mine),
        votes_on_traitors=sum(1 for v in mine if v.target_role == "traitor"),
    )
