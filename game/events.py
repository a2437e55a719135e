"""The append-only event log: every public and secret happening of a game."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Phase(StrEnum):
    """The parts of a day, in the show's words."""

    SETUP = "setup"
    BREAKFAST = "breakfast"
    MISSION = "mission"
    ROUND_TABLE = "round_table"
    TURRET = "turret"
    END_GAME = "end_game"


class EventKind(StrEnum):
    """Every kind of event. `audience` on the event says who may see it."""

    GAME_STARTED = "game_started"  # data: players [ids], num_traitors
    ARRIVAL = "arrival"  # breakfast arrival order; data: order [ids]
    MURDER_REVEALED = "murder_revealed"  # target murdered overnight (public at breakfast)
    NO_MURDER = "no_murder"  # breakfast: nobody died (shield or recruitment night)
    MISSION_RESULT = "mission_result"  # data: earnings, pot, performance {id: 0..1}
    SABOTAGE = "sabotage"  # secret: actor sabotaged; audience traitors
    SHIELD_AWARDED = "shield_awarded"  # target; secret unless shield_secret is false
    DAGGER_AWARDED = "dagger_awarded"  # target; public
    SEER_AWARDED = "seer_awarded"  # target; public
    SEER_LOOK = "seer_look"  # actor looked at target; data: role; audience [seer]
    STATEMENT = "statement"  # actor; target = accused or None; data: text
    VOTE = "vote"  # actor -> target; data: round, weight (2 with dagger), end_game
    REVOTE = "revote"  # data: tied [ids], round
    TIE_BROKEN = "tie_broken"  # target chosen; data: method (lot|countback), tied
    BANISHED = "banished"  # target; data: role (or None when not revealed), votes
    BANISHMENT_BLOCKED = "banishment_blocked"  # target's shield blocked the banishment
    DEATH_LIST = "death_list"  # data: candidates; audience traitors
    MURDER_PROPOSAL = "murder_proposal"  # actor proposes target; audience traitors
    MURDER = "murder"  # target chosen at the turret; audience traitors
    SHIELD_BLOCK = "shield_block"  # the murder of target was blocked; audience traitors
    RECRUIT_PROPOSAL = "recruit_proposal"  # actor proposes target; audience traitors
    RECRUITMENT_OFFER = "recruitment_offer"  # target; data: ultimatum; audience traitors+target
    RECRUITMENT_ANSWER = "recruitment_answer"  # actor; data: accepts; traitors+recruit
    RECRUITED = "recruited"  # target becomes a traitor; audience traitors+recruit
    END_GAME_VOTE = "end_game_vote"  # actor; data: vote END|BANISH, round
    DILEMMA_CHOICE = "dilemma_choice"  # actor; data: decision SHARE|STEAL
    PAYOUT = "payout"  # data: amounts {id: money}, pot
    GAME_OVER = "game_over"  # data: winner, end_reason, roles {id: role}


@dataclass(frozen=True, slots=True)
class Event:
    """One entry of the log. `audience` None means public; otherwise the ids who see it."""

    seq: int
    day: int
    phase: Phase
    kind: EventKind
    actor: str | None = None
    target: str | None = None
    data: Mapping[str, Any] = field(default_factory=dict)
    audience: tuple[str, ...] | None = None

    def visible_to(self, player_id: str) -> bool:
        """Whether this player may see the event."""
        return self.audience is None or player_id in self.audience

    def plain_data(self) -> dict[str, Any]:
        """`data` as plain JSON-able values (tuples become lists)."""
        return _jsonable(self.data)  # type: ignore[no-any-return]

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form, stable across runs (used for the log hash and storage)."""
        return {
            "seq": self.seq,
            "day": self.day,
            "phase": self.phase.value,
            "kind": self.kind.value,
            "actor": self.actor,
            "target": self.target,
            "data": _jsonable(self.data),
            "audience": list(self.audience) if self.audience is not None else None,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Event:
        """Inverse of `to_dict`."""
        audience = d.get("audience")
        return cls(
            seq=int(d["seq"]),
            day=int(d["day"]),
            phase=Phase(d["phase"]),
            kind=EventKind(d["kind"]),
            actor=d.get("actor"),
            target=d.get("target"),
            data=dict(d.get("data") or {}),
            audience=tuple(audience) if audience is not None else None,
        )


def _jsonable(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value


def event_log_json(events: Iterable[Event]) -> str:
    """The log as canonical JSON lines (sorted keys, no spaces)."""
    return "\n".join(
        json.dumps(e.to_dict(), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        for e in events
    )


def event_log_sha256(events: Iterable[Event]) -> str:
    """sha256 of the canonical log; equal logs have equal hashes across runs and runtimes."""
    return hashlib.sha256(event_log_json(events).encode("utf-8")).hexdigest()
