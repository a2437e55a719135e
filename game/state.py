"""The frozen state of one game: seats, the day, the pot, and the append-only event log."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from game.config import GameConfig
from game.errors import GameError
from game.events import Event, EventKind, Phase
from game.personas import Persona
from game.players import PlayerView, Role

Fate = Literal["murdered", "banished"]


def seat_id(index: int) -> str:
    """The id of seat `index`: player_00, player_01, ..."""
    return f"player_{index:02d}"


def seat_index(player_id: str) -> int:
    """Inverse of `seat_id`."""
    try:
        return int(player_id.removeprefix("player_"))
    except ValueError as exc:
        raise GameError(f"not a seat id: {player_id!r}") from exc


@dataclass(frozen=True, slots=True)
class Seat:
    """One player: persona, secret role, and what they hold or have lost."""

    id: str
    persona: Persona
    role: Role
    initial_role: Role
    alive: bool = True
    recruited_day: int | None = None
    shield: bool = False  # for the current day and night only
    dagger: bool = False  # for the current round table only
    is_seer: bool = False
    seer_used: bool = False
    fate: Fate | None = None
    day_out: int | None = None
    role_revealed: bool = False  # the show revealed this (dead) player's role
    shields_won: int = 0
    daggers_won: int = 0

    @property
    def name(self) -> str:
        """The cast member's name."""
        return self.persona.name

    @property
    def is_traitor(self) -> bool:
        """Whether the seat is a traitor right now."""
        return self.role is Role.TRAITOR


_Names = tuple[tuple[str, ...], tuple[str, ...], str | None]


class ViewCache:
    """Memo for `observe`: per-player history and player lists, keyed by identity.

    A pure optimisation shared by successive states of one game: entries are only
    reused when the log prefix (or seats tuple) is the very same object.
    """

    __slots__ = ("history", "names", "players")

    def __init__(self) -> None:
        self.names: tuple[tuple[tuple[str, ...], tuple[str, ...]], _Names] | None = None
        self.history: dict[str, tuple[int, Event | None, tuple[Event, ...]]] = {}
        self.players: dict[str, tuple[tuple[Seat, ...], tuple[PlayerView, ...]]] = {}


@dataclass(frozen=True, slots=True)
class GameState:
    """Everything the rules know at one moment. Replace, never mutate."""

    config: GameConfig
    game_id: str
    seats: tuple[Seat, ...]
    day: int = 1
    phase: Phase = Phase.SETUP
    pot: int = 0
    events: tuple[Event, ...] = ()
    recruit_pending: bool = False  # a traitor was banished since the last recruitment
    seer_awarded: bool = False
    pending_murder: str | None = None  # murdered at the turret, revealed at breakfast
    shortlist: tuple[str, ...] = ()  # proposed or death-listed at the turret, not murdered
    last_murder_victim: str | None = None
    murdered: tuple[str, ...] = ()  # ids, in order
    banished: tuple[str, ...] = ()  # ids, in order
    end_game: bool = False
    ended: bool = False
    winner: str | None = None
    end_reason: str | None = None
    cache: ViewCache = field(default_factory=ViewCache, compare=False, repr=False)


def new_game(
    config: GameConfig, game_id: str, cast: Sequence[Persona], traitors: Iterable[int]
) -> GameState:
    """The state before day 1: seats cast, roles dealt, GAME_STARTED logged."""
    if len(cast) != config.num_players:
        raise GameError(f"cast has {len(cast)} personas, config needs {config.num_players}")
    traitor_set = set(traitors)
    if len(traitor_set) != config.num_traitors:
        raise GameError(f"{len(traitor_set)} traitors dealt, config needs {config.num_traitors}")
    seats = tuple(
        Seat(
            id=seat_id(i),
            persona=p,
            role=_role(i in traitor_set),
            initial_role=_role(i in traitor_set),
        )
        for i, p in enumerate(cast)
    )
    state = GameState(config=config, game_id=game_id, seats=seats)
    started = event(
        state,
        EventKind.GAME_STARTED,
        data={"players": [s.id for s in seats], "num_traitors": config.num_traitors},
    )
    return append(state, started)


def _role(traitor: bool) -> Role:
    return Role.TRAITOR if traitor else Role.FAITHFUL


def event(
    state: GameState,
    kind: EventKind,
    *,
    actor: str | None = None,
    target: str | None = None,
    data: Mapping[str, Any] | None = None,
    audience: Iterable[str] | None = None,
) -> Event:
    """A new event at the state's day and phase; `append` gives it its sequence number."""
    return Event(
        seq=-1,
        day=state.day,
        phase=state.phase,
        kind=kind,
        actor=actor,
        target=target,
        data=data if data is not None else {},
        audience=tuple(audience) if audience is not None else None,
    )


def append(state: GameState, *events: Event) -> GameState:
    """The state with events added to the log, numbered in order."""
    start = len(state.events)
    numbered = tuple(
        e
        if e.seq == start + i
        else Event(start + i, e.day, e.phase, e.kind, e.actor, e.target, e.data, e.audience)
        for i, e in enumerate(events)
    )
    return replace(state, events=state.events + numbered)


def seat(state: GameState, player_id: str) -> Seat:
    """The seat of a player id."""
    return state.seats[seat_index(player_id)]


def update_seat(state: GameState, player_id: str, **changes: Any) -> GameState:
    """The state with one seat's fields changed."""
    i = seat_index(player_id)
    seats = list(state.seats)
    seats[i] = replace(seats[i], **changes)
    return replace(state, seats=tuple(seats))


def with_phase(state: GameState, phase: Phase) -> GameState:
    """The state in another part of the day."""
    return state if state.phase is phase else replace(state, phase=phase)


def living(state: GameState) -> tuple[Seat, ...]:
    """Seats still in the game, in seat order."""
    return tuple(s for s in state.seats if s.alive)


def living_ids(state: GameState) -> tuple[str, ...]:
    """Ids of the living, in seat order."""
    return tuple(s.id for s in state.seats if s.alive)


def traitor_ids(state: GameState) -> tuple[str, ...]:
    """Ids of the living traitors, in seat order."""
    return tuple(s.id for s in state.seats if s.alive and s.role is Role.TRAITOR)


def faithful_ids(state: GameState) -> tuple[str, ...]:
    """Ids of the living faithful, in seat order."""
    return tuple(s.id for s in state.seats if s.alive and s.role is Role.FAITHFUL)


def others(state: GameState, player_id: str) -> tuple[str, ...]:
    """Ids of the living other than `player_id`."""
    return tuple(s.id for s in state.seats if s.alive and s.id != player_id)


def remove(state: GameState, player_id: str, fate: Fate, revealed: bool) -> GameState:
    """The state with a player murdered or banished (and their role revealed or not)."""
    state = update_seat(
        state,
        player_id,
        alive=False,
        fate=fate,
        day_out=state.day,
        role_revealed=revealed,
        shield=False,
        dagger=False,
    )
    if fate == "murdered":
        return replace(state, murdered=(*state.murdered, player_id), last_murder_victim=player_id)
    return replace(state, banished=(*state.banished, player_id))
