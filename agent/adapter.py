"""The seam between the referee's views and the wire: build requests, read responses.

Used by both the in-process player and the HTTP client, so that every runtime
sends the same wire models. One `WireCache` per game converts each event and
player once, which keeps large histories cheap to send call after call.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ValidationError

from agent import protocol as p
from agent.errors import MalformedAnswer
from game.events import Event
from game.narrate import describe
from game.players import (
    Answer,
    DecisionKind,
    DecisionRequest,
    PlayerView,
    Reflection,
    SeerResult,
    Setup,
    View,
)


class WireCache:
    """Wire forms of one game's events and players, each built once."""

    def __init__(self) -> None:
        self._events: dict[int, p.Event] = {}
        self._players: dict[tuple[str, str | None, bool], p.Player] = {}
        self._texts: dict[int, str] = {}
        self._player_lists: dict[str, tuple[tuple[PlayerView, ...], list[p.Player]]] = {}
        self._histories: dict[str, tuple[tuple[Event, ...], list[p.Event]]] = {}
        self.names: dict[str, str] = {}

    def event(self, e: Event) -> p.Event:
        """The wire form of a game event (audience is never sent)."""
        wire = self._events.get(e.seq)
        if wire is None:
            wire = p.Event(
                seq=e.seq,
                day=e.day,
                phase=e.phase.value,
                kind=e.kind.value,
                actor=e.actor,
                target=e.target,
                data=e.plain_data(),
            )
            self._events[e.seq] = wire
        return wire

    def text(self, e: Event) -> str:
        """The event as one line of English (the v1 `events` strings)."""
        line = self._texts.get(e.seq)
        if line is None:
            line = self._texts[e.seq] = describe(e, self.names)
        return line

    def history(self, view: View) -> list[p.Event]:
        """The wire history of one view, extended from that player's previous one."""
        events = view.history
        known = self._histories.get(view.your_player_id)
        if known is not None and known[0] is events:
            return known[1]
        if known is not None and 0 < len(known[0]) <= len(events):
            n = len(known[0])
            if events[n - 1] is known[0][-1]:
                wire = known[1] + [self.event(e) for e in events[n:]]
                self._histories[view.your_player_id] = (events, wire)
                return wire
        wire = [self.event(e) for e in events]
        self._histories[view.your_player_id] = (events, wire)
        return wire

    def players(self, view: View) -> list[p.Player]:
        """The wire players of one view (rebuilt only when the view's players change)."""
        known = self._player_lists.get(view.your_player_id)
        if known is not None and known[0] is view.players:
            return known[1]
        wire = [self.player(v) for v in view.players]
        self._player_lists[view.your_player_id] = (view.players, wire)
        return wire

    def player(self, v: PlayerView) -> p.Player:
        """The wire form of a player as one viewer sees them."""
        role = v.role.value if v.role is not None else None
        key = (v.id, role, v.alive)
        wire = self._players.get(key)
        if wire is None:
            self.names[v.id] = v.name
            t, s = v.persona.traits, v.persona.stats
            wire = p.Player(
                id=v.id,
                name=v.name,
                role=role,
                alive=v.alive,
                personality=p.Personality(
                    openness=t.openness,
                    conscientiousness=t.conscientiousness,
                    extraversion=t.extraversion,
                    agreeableness=t.agreeableness,
                    neuroticism=t.neuroticism,
                ),
                stats=p.Stats(
                    intellect=s.intellect,
                    dexterity=s.dexterity,
                    social_influence=s.social_influence,
                ),
                archetype_name=v.persona.archetype,
                backstory=v.persona.backstory,
            )
            self._players[key] = wire
        return wire

    def game_state(self, view: View, with_history: bool = True) -> p.GameState:
        """The wire game state for one view.

        Built without validating again: every part is either a validated wire model
        from this cache or a value of the engine's own state. Agents behind HTTP
        validate what they receive.
        """
        return p.GameState.model_construct(
            day=view.day,
            phase=view.phase.value,
            prize_pot=view.prize_pot,
            players=self.players(view),
            murdered_players=list(view.murdered_players),
            banished_players=list(view.banished_players),
            last_murder_victim=view.last_murder_victim,
            your_player_id=view.your_player_id,
            game_id=view.game_id,
            history=self.history(view) if with_history else None,
            protocol_version=p.PROTOCOL_VERSION,
        )


def setup_request(cache: WireCache, setup: Setup) -> p.InitializeRequest:
    """POST /initialize body."""
    fellows = [p.FellowTraitor(id=f.id, name=f.name) for f in setup.fellow_traitors]
    return p.InitializeRequest(
        player=cache.player(setup.you),
        game_id=setup.game_id,
        fellow_traitors=fellows if setup.you.role == "traitor" else None,
    )


def reflect_request(cache: WireCache, reflection: Reflection) -> p.ReflectRequest:
    """POST /reflect body: v1 text lines plus the structured events (ext)."""
    for v in reflection.view.players:
        cache.names.setdefault(v.id, v.name)
    return p.ReflectRequest(
        game_state=cache.game_state(reflection.view, with_history=False),
        events=[cache.text(e) for e in reflection.events],
        structured_events=[cache.event(e) for e in reflection.events],
    )


def seer_request(result: SeerResult) -> p.SeerResultRequest:
    """POST /seer_result body."""
    return p.SeerResultRequest(
        target_player_id=result.target_id,
        true_role="TRAITOR" if result.role == "traitor" else "FAITHFUL",
    )


def decision_request(cache: WireCache, req: DecisionRequest) -> tuple[str, p.Request]:
    """The endpoint name and body for one decision."""
    state = cache.game_state(req.view)
    kind = req.kind
    body: p.Request
    if kind is DecisionKind.VOTE:
        body = p.VoteRequest(game_state=state, eligible_targets=list(req.options))
    elif kind is DecisionKind.DISCUSS:
        said = [p.Statement(player_id=pid, text=text) for pid, text in req.statements_so_far]
        body = p.DiscussRequest(game_state=state, statements_so_far=said)
    elif kind is DecisionKind.MURDER:
        dl = list(req.death_list) if req.death_list is not None else None
        body = p.MurderRequest(game_state=state, death_list=dl)
    elif kind is DecisionKind.RECRUIT_ANSWER:
        body = p.RecruitmentRequest(game_state=state, is_ultimatum=req.is_ultimatum)
    elif kind is DecisionKind.DEATH_LIST:
        body = p.DeathListRequest(game_state=state, num_candidates=req.num_candidates or 1)
    else:
        body = p.GameStateRequest(game_state=state)
    return kind.value, body


def parse_response(name: str, payload: Any) -> BaseModel:
    """Validate a response body (a model or JSON-decoded data) against the endpoint's model."""
    model = p.ENDPOINTS[name].response
    if isinstance(payload, model):
        return payload
    try:
        if isinstance(payload, BaseModel):
            payload = payload.model_dump()
        return model.model_validate(payload)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(x) for x in first["loc"]) or "body"
        raise MalformedAnswer(f"{name}: {where}: {first['msg']}") from exc


def decision_answer(kind: DecisionKind, response: BaseModel, latency_ms: float = 0.0) -> Answer:
    """Turn a validated response into an Answer with the choice in the referee's terms."""
    r: Mapping[str, Any] = response.__dict__
    reasoning = str(r.get("reasoning", "") or "")
    if kind is DecisionKind.DISCUSS:
        return Answer(choice=r["statement"], accuses=r.get("accuses"), latency_ms=latency_ms)
    if kind is DecisionKind.VOTE_TO_END:
        choice: Any = r["vote"]
    elif kind is DecisionKind.SHARE_OR_STEAL:
        choice = r["decision"]
    elif kind is DecisionKind.RECRUIT_ANSWER:
        choice = bool(r["accepts"])
    elif kind is DecisionKind.DEATH_LIST:
        choice = tuple(r["death_list"])
    else:
        choice = r["target_player_id"]
    return Answer(choice=choice, reasoning=reasoning, latency_ms=latency_ms)
