"""Wire models of TraitorSim Agent Protocol v1 and our extensions (see docs/PROTOCOL.md).

Requests are strict (`extra="forbid"`): our agents answer 422 naming the field at
fault. Responses are read leniently (`extra="ignore"`) so that agents which add
fields of their own can still play.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

PROTOCOL_VERSION = "1.0"

PlayerId = str
Unit = Annotated[float, Field(ge=0.0, le=1.0)]


class Request(BaseModel):
    """Base of every request body."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Response(BaseModel):
    """Base of every response body."""

    model_config = ConfigDict(frozen=True, extra="ignore")


class Personality(Request):
    openness: Unit
    conscientiousness: Unit
    extraversion: Unit
    agreeableness: Unit
    neuroticism: Unit


class Stats(Request):
    intellect: Unit
    dexterity: Unit
    social_influence: Unit


class Player(Request):
    """A player as the receiving agent may see them (`role` null when hidden)."""

    id: PlayerId
    name: str
    role: Literal["faithful", "traitor"] | None = None
    alive: bool = True
    personality: Personality
    stats: Stats
    archetype_name: str = ""
    backstory: str = ""


class Event(Request):
    """**ext** One entry of the public (or, for you, visible) record; see game.events."""

    seq: int = Field(ge=0)
    day: int = Field(ge=0)
    phase: str
    kind: str
    actor: PlayerId | None = None
    target: PlayerId | None = None
    data: dict[str, Any] = Field(default_factory=dict)


class GameState(Request):
    """The game as one agent may see it."""

    day: int = Field(ge=0)
    phase: str
    prize_pot: float = Field(ge=0)
    players: list[Player]
    murdered_players: list[str] = Field(default_factory=list)
    banished_players: list[str] = Field(default_factory=list)
    last_murder_victim: str | None = None
    your_player_id: PlayerId
    game_id: str
    protocol_version: str = PROTOCOL_VERSION
    history: list[Event] | None = None


class FellowTraitor(Request):
    id: PlayerId
    name: str


class InitializeRequest(Request):
    player: Player
    game_id: str
    fellow_traitors: list[FellowTraitor] | None = None


class VoteRequest(Request):
    game_state: GameState
    eligible_targets: list[PlayerId]


class ReflectRequest(Request):
    game_state: GameState
    events: list[str]
    structured_events: list[Event] | None = None


class GameStateRequest(Request):
    """Requests that carry only the game state (recruit target, vote to end, seer, dilemma)."""

    game_state: GameState


class MurderRequest(Request):
    game_state: GameState
    death_list: list[PlayerId] | None = None


class RecruitmentRequest(Request):
    game_state: GameState
    is_ultimatum: bool = False


class SeerResultRequest(Request):
    target_player_id: PlayerId
    true_role: Literal["TRAITOR", "FAITHFUL"]


class DeathListRequest(Request):
    game_state: GameState
    num_candidates: int = Field(ge=1)


class Statement(Request):
    player_id: PlayerId
    text: str


class DiscussRequest(Request):
    """**ext** A round-table statement, in speaking order."""

    game_state: GameState
    statements_so_far: list[Statement] = Field(default_factory=list)


class HealthResponse(Response):
    status: Literal["ok"] = "ok"
    agent_name: str
    protocol_version: str = PROTOCOL_VERSION


class InitializeResponse(Response):
    status: Literal["initialized"] = "initialized"
    player_id: PlayerId
    player_name: str


class TargetResponse(Response):
    """Vote, murder victim, recruit target, seer target."""

    target_player_id: PlayerId
    reasoning: str = ""


class ReflectResponse(Response):
    status: Literal["completed"] = "completed"
    player_id: PlayerId


class SuspicionsResponse(Response):
    player_id: PlayerId
    suspicions: dict[PlayerId, float]


class RecruitmentResponse(Response):
    accepts: bool
    reasoning: str = ""


class VoteToEndResponse(Response):
    vote: Literal["END", "BANISH"]
    reasoning: str = ""


class ShareOrStealResponse(Response):
    decision: Literal["SHARE", "STEAL"]
    reasoning: str = ""


class AckResponse(Response):
    status: Literal["acknowledged"] = "acknowledged"
    player_id: PlayerId


class DeathListResponse(Response):
    death_list: list[PlayerId]
    reasoning: str = ""


class DiscussResponse(Response):
    """**ext**"""

    statement: str
    accuses: PlayerId | None = None


class ErrorResponse(Response):
    """Body of 4xx/5xx answers from our agents."""

    detail: Any


class Endpoint(BaseModel):
    """One protocol call: where it goes, what it carries, whether agents must serve it."""

    model_config = ConfigDict(frozen=True)

    name: str
    method: Literal["GET", "POST"]
    path: str
    request: type[Request] | None
    response: type[Response]
    required: bool


def _ep(
    name: str, request: type[Request] | None, response: type[Response], required: bool = False
) -> Endpoint:
    method: Literal["GET", "POST"] = "GET" if request is None else "POST"
    return Endpoint(
        name=name,
        method=method,
        path=f"/{name}",
        request=request,
        response=response,
        required=required,
    )


ENDPOINTS: dict[str, Endpoint] = {
    e.name: e
    for e in (
        _ep("health", None, HealthResponse, required=True),
        _ep("initialize", InitializeRequest, InitializeResponse, required=True),
        _ep("vote", VoteRequest, TargetResponse, required=True),
        _ep("reflect", ReflectRequest, ReflectResponse, required=True),
        _ep("get_suspicions", None, SuspicionsResponse, required=True),
        _ep("choose_murder_victim", MurderRequest, TargetResponse),
        _ep("choose_recruit_target", GameStateRequest, TargetResponse),
        _ep("decide_recruitment", RecruitmentRequest, RecruitmentResponse),
        _ep("vote_to_end", GameStateRequest, VoteToEndResponse),
        _ep("share_or_steal", GameStateRequest, ShareOrStealResponse),
        _ep("choose_seer_target", GameStateRequest, TargetResponse),
        _ep("seer_result", SeerResultRequest, AckResponse),
        _ep("create_death_list", DeathListRequest, DeathListResponse),
        _ep("discuss", DiscussRequest, DiscussResponse),
    )
}
"""Every endpoint by name; the name is also the `Brain` method that answers it."""
