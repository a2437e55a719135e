"""`GameRecord`: the outcome of one game with everything analysis needs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from game.config import GameConfig
from game.events import Event

Winner = Literal["faithful", "traitor"]
EndReason = Literal["vote_to_end", "all_traitors_banished", "parity", "dilemma", "max_days"]
Fate = Literal["survived", "murdered", "banished"]
Source = Literal["agent", "fallback", "not_implemented"]


@dataclass(frozen=True, slots=True)
class PlayerRecord:
    """One seat's story: who they were, what they were, and how it ended for them."""

    id: str
    name: str
    archetype: str
    initial_role: str
    final_role: str
    recruited_day: int | None
    fate: Fate
    day_out: int | None  # day murdered or banished; None for survivors
    won: bool
    payout: float
    shields_won: int
    daggers_won: int
    votes_cast: int  # banishment votes (round table and revotes, not end-game END/BANISH)
    votes_on_traitors: int  # of those, cast on a player who was a traitor at the time


@dataclass(frozen=True, slots=True)
class VoteRecord:
    """One banishment vote. `round` 1 is the vote, 2 the revote among the tied."""

    day: int
    round: int
    voter: str
    target: str
    voter_role: str
    target_role: str
    weight: int  # 2 when the voter holds the dagger
    end_game: bool


@dataclass(frozen=True, slots=True)
class DecisionRecord:
    """One call to a player: what was asked, who answered, how long it took, what went wrong."""

    index: int
    day: int
    phase: str
    player_id: str
    kind: str  # a DecisionKind value, or initialize / reflect / seer_result / get_suspicions
    source: Source
    choice: str  # the final, legal choice as text (JSON for lists and mappings)
    reasoning: str
    latency_ms: float
    error: str | None
    tokens_in: int | None
    tokens_out: int | None


@dataclass(frozen=True, slots=True)
class GameRecord:
    """Everything one game produced."""

    game_id: str
    seed: int
    config: GameConfig
    winner: Winner
    end_reason: EndReason
    days: int
    prize_pot: int
    players: tuple[PlayerRecord, ...]
    votes: tuple[VoteRecord, ...]
    decisions: tuple[DecisionRecord, ...]
    events: tuple[Event, ...]
    event_log_sha256: str
    rules_version: str

    def summary(self) -> dict[str, Any]:
        """The CLI's `--json` object: outcome and players, with the log hash."""
        return {
            "game_id": self.game_id,
            "seed": self.seed,
            "rules": self.config.rules,
            "winner": self.winner,
            "end_reason": self.end_reason,
            "days": self.days,
            "prize_pot": self.prize_pot,
            "players": [
                {
                    "id": p.id,
                    "name": p.name,
                    "role": p.final_role,
                    "initial_role": p.initial_role,
                    "fate": p.fate,
                    "day": p.day_out,
                    "won": p.won,
                }
                for p in self.players
            ],
            "event_log_sha256": self.event_log_sha256,
        }

    def fallback_count(self) -> int:
        """Decisions the fallback brain made for a seat (illegal, late or failed answers)."""
        return sum(1 for d in self.decisions if d.source == "fallback")
