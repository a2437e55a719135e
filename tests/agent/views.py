"""Engine-side objects (views, setups, decision requests) for client tests, built by hand."""

from __future__ import annotations

from game.events import Event, EventKind, Phase
from game.personas import Persona, Stats, Traits
from game.players import DecisionKind, DecisionRequest, PlayerView, Role, Setup, View

N = 10


def persona(i: int) -> Persona:
    return Persona(
        name=f"Name{i}",
        archetype="The Strategist",
        traits=Traits(0.5, 0.5, 0.5, 0.5, 0.5),
        stats=Stats(0.5, 0.5, 0.5),
        backstory="A baker.",
        age=30,
        gender="x",
        occupation="baker",
        hometown="Leeds",
    )


def view(me: int = 0, n: int = N, day: int = 4, history_len: int = 60) -> View:
    """A mid-game view for player `me` (a faithful); player n-1 murdered."""
    players = tuple(
        PlayerView(
            id=f"player_{i:02d}",
            name=f"Name{i}",
            role=Role.FAITHFUL if i == me else None,
            alive=i != n - 1,
            persona=persona(i),
        )
        for i in range(n)
    )
    history = tuple(
        Event(
            seq=s,
            day=1 + s // 20,
            phase=Phase.ROUND_TABLE,
            kind=EventKind.VOTE,
            actor=f"player_{s % n:02d}",
            target=f"player_{(s + 1) % n:02d}",
            data={"round": 1, "weight": 1},
        )
        for s in range(history_len)
    )
    return View(
        game_id="g1",
        day=day,
        phase=Phase.ROUND_TABLE,
        prize_pot=5000,
        your_player_id=f"player_{me:02d}",
        your_role=Role.FAITHFUL,
        players=players,
        murdered_players=(f"Name{n - 1}",),
        banished_players=(),
        last_murder_victim=f"Name{n - 1}",
        fellow_traitors=(),
        has_shield=False,
        has_dagger=False,
        is_seer=False,
        history=history,
    )


def vote_request(me: int = 0, n: int = N, history_len: int = 60) -> DecisionRequest:
    v = view(me, n, history_len=history_len)
    options = tuple(p.id for p in v.players if p.alive and p.id != v.your_player_id)
    return DecisionRequest(
        kind=DecisionKind.VOTE, player_id=v.your_player_id, view=v, options=options
    )


def share_request(me: int = 0) -> DecisionRequest:
    v = view(me)
    return DecisionRequest(
        kind=DecisionKind.SHARE_OR_STEAL,
        player_id=v.your_player_id,
        view=v,
        options=("SHARE", "STEAL"),
    )


def setup(me: int = 0) -> Setup:
    v = view(me)
    return Setup(game_id="g1", you=v.players[me], fellow_traitors=())
