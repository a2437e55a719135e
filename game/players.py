"""What the referee asks and what players answer: views, decision requests, answers.

A `Player` is anything that can answer these: a brain in-process or an agent over
HTTP. The referee never knows which.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Literal, Protocol

from game.events import Event, Phase
from game.personas import Persona


class Role(StrEnum):
    """A player's secret role."""

    FAITHFUL = "faithful"
    TRAITOR = "traitor"


class DecisionKind(StrEnum):
    """Every decision the referee asks for; values are the protocol's endpoint names."""

    DISCUSS = "discuss"
    VOTE = "vote"
    VOTE_TO_END = "vote_to_end"
    MURDER = "choose_murder_victim"
    DEATH_LIST = "create_death_list"
    RECRUIT_TARGET = "choose_recruit_target"
    RECRUIT_ANSWER = "decide_recruitment"
    SEER_TARGET = "choose_seer_target"
    SHARE_OR_STEAL = "share_or_steal"


@dataclass(frozen=True, slots=True)
class PlayerView:
    """Another player as one viewer sees them: `role` is None unless the viewer may know it."""

    id: str
    name: str
    role: Role | None
    alive: bool
    persona: Persona


@dataclass(frozen=True, slots=True)
class View:
    """Everything one player may know at one moment. Built only by `game.observe.observe`."""

    game_id: str
    day: int
    phase: Phase
    prize_pot: int
    your_player_id: str
    your_role: Role
    players: tuple[PlayerView, ...]
    murdered_players: tuple[str, ...]  # names, in order
    banished_players: tuple[str, ...]  # names, in order
    last_murder_victim: str | None  # name
    fellow_traitors: tuple[str, ...]  # ids; empty for a faithful
    has_shield: bool
    has_dagger: bool
    is_seer: bool
    history: tuple[Event, ...]  # every event this player may see, in log order


@dataclass(frozen=True, slots=True)
class Setup:
    """The start of a game for one player (POST /initialize)."""

    game_id: str
    you: PlayerView  # with your own role
    fellow_traitors: tuple[PlayerView, ...]  # only for traitors


@dataclass(frozen=True, slots=True)
class DecisionRequest:
    """One decision asked of one player. `options` is the legal set for `Answer.choice`.

    Choice types by kind: DISCUSS -> statement text (options are who may be accused);
    VOTE, MURDER, RECRUIT_TARGET, SEER_TARGET -> a player id in options;
    VOTE_TO_END -> "END" | "BANISH"; SHARE_OR_STEAL -> "SHARE" | "STEAL";
    RECRUIT_ANSWER -> bool; DEATH_LIST -> tuple of `num_candidates` distinct ids in options.
    """

    kind: DecisionKind
    player_id: str
    view: View
    options: tuple[str, ...]
    death_list: tuple[str, ...] | None = None  # MURDER, when the death list rule is on
    num_candidates: int | None = None  # DEATH_LIST
    is_ultimatum: bool = False  # RECRUIT_ANSWER
    statements_so_far: tuple[tuple[str, str], ...] = ()  # DISCUSS: (player_id, text)


@dataclass(frozen=True, slots=True)
class Reflection:
    """New public (or, for this player, visible) events after a phase (POST /reflect)."""

    view: View
    events: tuple[Event, ...]


@dataclass(frozen=True, slots=True)
class SeerResult:
    """What the seer learned (POST /seer_result)."""

    target_id: str
    role: Role


AnswerStatus = Literal["ok", "not_implemented", "error"]


@dataclass(frozen=True, slots=True)
class Answer:
    """A player's reply. `status` other than ok means the referee must use the fallback."""

    choice: Any = None
    reasoning: str = ""
    accuses: str | None = None
    status: AnswerStatus = "ok"
    error: str | None = None
    latency_ms: float = 0.0
    tokens_in: int | None = None
    tokens_out: int | None = None


class Player(Protocol):
    """A seat at the table as the referee sees it."""

    async def initialize(self, setup: Setup) -> Answer:
        """Start a new game; all earlier state is forgotten."""
        ...

    async def decide(self, request: DecisionRequest) -> Answer:
        """Answer one decision."""
        ...

    async def reflect(self, reflection: Reflection) -> Answer:
        """Take in new events; the answer carries no choice."""
        ...

    async def seer_result(self, result: SeerResult) -> Answer:
        """Learn the seer's answer; the answer carries no choice."""
        ...

    async def suspicions(self) -> Answer:
        """Current suspicion of each other player, as `choice` {id: 0..1}."""
        ...
