"""Faithful vote accuracy and its chance baseline, from game records.

Accuracy: the share of faithful players' round-table banishment votes (not end-game
votes) cast on traitors. Baseline: the share expected if every one of those voters
had picked uniformly among the targets eligible at that moment (living others, or
the tied others in a revote), replayed from the event log.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from game.events import EventKind
from game.record import GameRecord


@dataclass(frozen=True, slots=True)
class VoteAccuracy:
    """Faithful banishment votes on traitors: observed share and uniform-choice expectation."""

    votes: int
    on_traitors: int
    expected_on_traitors: float

    @property
    def accuracy(self) -> float:
        return self.on_traitors / self.votes if self.votes else 0.0

    @property
    def baseline(self) -> float:
        return self.expected_on_traitors / self.votes if self.votes else 0.0


def faithful_vote_accuracy(records: Iterable[GameRecord]) -> VoteAccuracy:
    """Accuracy (from VoteRecords) and chance baseline (from the event logs) over games."""
    votes = on_traitors = 0
    expected = 0.0
    for rec in records:
        faithful = [v for v in rec.votes if v.voter_role == "faithful" and not v.end_game]
        votes += len(faithful)
        on_traitors += sum(1 for v in faithful if v.target_role == "traitor")
        expected += _expected_on_traitors(rec)
    return VoteAccuracy(votes, on_traitors, expected)


def _expected_on_traitors(rec: GameRecord) -> float:
    """Replay the log: for each faithful non-end-game vote, P(uniform pick is a traitor)."""
    traitors = {p.id for p in rec.players if p.initial_role == "traitor"}
    alive: set[str] = set()
    tied: list[str] = []
    total = 0.0
    for e in rec.events:
        kind = e.kind
        if kind is EventKind.GAME_STARTED:
            alive = set(e.data["players"])
        elif kind in (EventKind.MURDER_REVEALED, EventKind.BANISHED) and e.target:
            alive.discard(e.target)
        elif kind is EventKind.RECRUITED and e.target:
            traitors.add(e.target)
        elif kind is EventKind.REVOTE:
            tied = list(e.data["tied"])
        elif kind is EventKind.VOTE and e.actor and not e.data.get("end_game"):
            if e.actor in traitors:
                continue
            pool = tied if int(e.data.get("round", 1)) == 2 else sorted(alive)
            eligible = [pid for pid in pool if pid != e.actor]
            if eligible:
                total += sum(1 for pid in eligible if pid in traitors) / len(eligible)
    return total
