"""Invariants over 500 seeded games of random-legal players, and no view leaks a role."""

from __future__ import annotations

import pytest

from game.events import EventKind
from game.record import GameRecord
from game.win import END_REASONS
from tests.game.sweep import GAMES, TRAITOR_SECRETS, sweep

pytestmark = pytest.mark.slow

ACTING = frozenset(
    {
        EventKind.STATEMENT,
        EventKind.VOTE,
        EventKind.END_GAME_VOTE,
        EventKind.MURDER_PROPOSAL,
        EventKind.RECRUIT_PROPOSAL,
        EventKind.DEATH_LIST,
        EventKind.RECRUITMENT_ANSWER,
        EventKind.SEER_LOOK,
        EventKind.DILEMMA_CHOICE,
    }
)


def check_game(r: GameRecord) -> None:
    """Walk the log in order, tracking who is alive and who is a traitor."""
    cfg = r.config
    alive = {p.id for p in r.players}
    traitors = {p.id for p in r.players if p.initial_role == "traitor"}
    assert len(traitors) == cfg.num_traitors
    pot, tied = 0, ()
    for e in r.events:
        assert 1 <= e.day <= cfg.max_days
        if e.kind in ACTING:
            assert e.actor in alive, f"dead {e.actor} acted: {e}"
        if e.kind in TRAITOR_SECRETS:
            assert e.audience is not None and set(e.audience) <= traitors
        if e.kind is EventKind.VOTE:
            assert e.target in alive and e.target != e.actor
            if e.data["round"] == 2:
                assert e.target in tied
        elif e.kind is EventKind.REVOTE:
            tied = tuple(e.data["tied"])
        elif e.kind is EventKind.MURDER:
            assert e.target in alive and e.target not in traitors
        elif e.kind is EventKind.RECRUITED:
            assert e.target in alive and e.target not in traitors
            traitors.add(e.target or "")
        elif e.kind in (EventKind.MURDER_REVEALED, EventKind.BANISHED):
            assert e.target in alive
            alive.discard(e.target or "")
        elif e.kind is EventKind.MISSION_RESULT:
            assert e.data["pot"] >= pot >= 0 and e.data["earnings"] >= 0
            pot = e.data["pot"]
    check_outcome(r, alive, traitors)


def check_outcome(r: GameRecord, alive: set[str], traitors: set[str]) -> None:
    over = [e for e in r.events if e.kind is EventKind.GAME_OVER]
    assert len(over) == 1 and r.events[-1] is over[0]
    assert r.winner in ("faithful", "traitor") and r.end_reason in END_REASONS
    assert r.winner == over[0].data["winner"] == ("traitor" if alive & traitors else "faithful")
    assert 1 <= r.days <= r.config.max_days and r.prize_pot >= 0
    survivors = {p.id for p in r.players if p.fate == "survived"}
    assert survivors == alive
    assert sum(p.payout for p in r.players) <= r.prize_pot + 0.05
    if r.prize_pot > 0:
        assert all(p.won == (p.payout > 0) for p in r.players)
    for p in r.players:
        if p.won:
            assert p.id in alive
            assert (p.final_role == "traitor") == (r.winner == "traitor")
    if r.end_reason == "all_traitors_banished":
        assert r.winner == "faithful"
    if r.end_reason == "dilemma":
        assert alive <= traitors and len(alive) >= 2
    for d in r.decisions:
        p = next(x for x in r.players if x.id == d.player_id)
        assert p.day_out is None or d.day <= p.day_out


def test_invariants_hold_in_every_game() -> None:
    result = sweep()
    assert len(result.records) == GAMES
    for r in result.records:
        check_game(r)
    assert {r.config.num_players for r in result.records} == set(range(6, 31))


def test_every_ending_and_mechanic_is_reached() -> None:
    result = sweep()
    assert set(result.reasons) == set(END_REASONS), result.reasons
    for kind in EventKind:
        assert result.features[kind.value] > 0, f"{kind} never happened"


def test_no_view_reveals_a_living_non_teammate() -> None:
    result = sweep()
    assert result.checker.views > 100_000
    assert result.checker.problems == []


def test_votes_are_recorded_with_roles_at_the_time() -> None:
    for r in sweep().records[:50]:
        banish_votes = [e for e in r.events if e.kind is EventKind.VOTE]
        assert len(banish_votes) == len(r.votes)
        assert sum(p.votes_cast for p in r.players) == len(r.votes)
        assert sum(p.votes_on_traitors for p in r.players) == sum(
            1 for v in r.votes if v.target_role == "traitor"
        )
