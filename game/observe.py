"""`observe`: the only place a player's view is built and hidden information filtered.

Who may see a role: your own, always; your fellow traitors', if you are a traitor;
a dead player's, once the show revealed it. Never another living player's. Events
are filtered by their audience.
"""

from __future__ import annotations

from game.events import Event
from game.players import PlayerView, Role, Setup, View
from game.state import GameState, Seat, seat


def observe(state: GameState, player_id: str) -> View:
    """Everything `player_id` may know right now."""
    me = seat(state, player_id)
    traitor = me.role is Role.TRAITOR
    fellows = (
        tuple(s.id for s in state.seats if s.alive and s.role is Role.TRAITOR and s.id != me.id)
        if traitor
        else ()
    )
    murdered, banished, last = _names(state)
    return View(
        game_id=state.game_id,
        day=state.day,
        phase=state.phase,
        prize_pot=state.pot,
        your_player_id=me.id,
        your_role=me.role,
        players=_players(state, me),
        murdered_players=murdered,
        banished_players=banished,
        last_murder_victim=last,
        fellow_traitors=fellows,
        has_shield=me.shield,
        has_dagger=me.dagger,
        is_seer=me.is_seer,
        history=_history(state, me.id),
    )


def _names(state: GameState) -> tuple[tuple[str, ...], tuple[str, ...], str | None]:
    # The same for every viewer: built once per change of the murdered/banished lists.
    key = (state.murdered, state.banished)
    cached = state.cache.names
    if cached is not None and cached[0] == key:
        return cached[1]
    seats = state.seats
    names = (
        tuple(seats[int(pid[7:])].name for pid in state.murdered),
        tuple(seats[int(pid[7:])].name for pid in state.banished),
        seats[int(state.last_murder_victim[7:])].name if state.last_murder_victim else None,
    )
    state.cache.names = (key, names)
    return names


def visible_role(viewer: Seat, other: Seat) -> Role | None:
    """The role of `other` as `viewer` may know it, or None."""
    if other.id == viewer.id:
        return other.role
    return _role_for(viewer.role is Role.TRAITOR, other)


def _role_for(traitor_viewer: bool, other: Seat) -> Role | None:
    # Dead players' roles once revealed; fellow traitors' roles to traitors; nothing else.
    if not other.alive and other.role_revealed:
        return other.role
    if traitor_viewer and other.role is Role.TRAITOR:
        return other.role
    return None


def player_view(viewer: Seat, other: Seat) -> PlayerView:
    """One seat as the viewer sees it."""
    return _as_seen(other, visible_role(viewer, other))


def _seen_by(traitor_viewer: bool, other: Seat) -> PlayerView:
    return _as_seen(other, _role_for(traitor_viewer, other))


def _as_seen(other: Seat, role: Role | None) -> PlayerView:
    return PlayerView(
        id=other.id, name=other.name, role=role, alive=other.alive, persona=other.persona
    )


def _players(state: GameState, me: Seat) -> tuple[PlayerView, ...]:
    cache = state.cache.players
    cached = cache.get(me.id)
    if cached is not None and cached[0] is state.seats:
        return cached[1]
    # Everyone but yourself looks the same to all faithful, and to all traitors:
    # build those two lists once per seats tuple, then put yourself in.
    side = "traitor" if me.role is Role.TRAITOR else "faithful"
    base = cache.get(side)
    if base is None or base[0] is not state.seats:
        traitor = me.role is Role.TRAITOR
        base = (state.seats, tuple(_seen_by(traitor, s) for s in state.seats))
        cache[side] = base
    views = list(base[1])
    i = int(me.id[7:])
    views[i] = player_view(me, me)
    result = tuple(views)
    cache[me.id] = (state.seats, result)
    return result


def _history(state: GameState, player_id: str) -> tuple[Event, ...]:
    events = state.events
    cached = state.cache.history.get(player_id)
    start: int = 0
    known: tuple[Event, ...] = ()
    if cached is not None:
        n, last, seen = cached
        if n <= len(events) and (n == 0 or events[n - 1] is last):
            start, known = n, seen
    if start == len(events):
        return known
    new = tuple(e for e in events[start:] if e.audience is None or player_id in e.audience)
    history = known + new if new else known
    state.cache.history[player_id] = (len(events), events[-1] if events else None, history)
    return history


def setup_for(state: GameState, player_id: str) -> Setup:
    """The start of the game for one player (their role, and fellow traitors if a traitor)."""
    me = seat(state, player_id)
    fellows: tuple[PlayerView, ...] = ()
    if me.role is Role.TRAITOR:
        fellows = tuple(
            player_view(me, s) for s in state.seats if s.role is Role.TRAITOR and s.id != me.id
        )
    return Setup(game_id=state.game_id, you=player_view(me, me), fellow_traitors=fellows)
