"""The brain interface: one method per protocol endpoint, wire models in and out."""

from __future__ import annotations

from agent import protocol as p
from agent.errors import NotImplementedDecision


class Brain:
    """A player's mind. Subclasses answer the required endpoints and any optional ones.

    The method names are the endpoint names in `agent.protocol.ENDPOINTS`. An optional
    endpoint a brain does not answer raises `NotImplementedDecision` (served as 501).
    `initialize` must reset every bit of state: one brain plays game after game.
    """

    name = "brain"

    async def initialize(self, req: p.InitializeRequest) -> p.InitializeResponse:
        raise NotImplementedError

    async def vote(self, req: p.VoteRequest) -> p.TargetResponse:
        raise NotImplementedError

    async def reflect(self, req: p.ReflectRequest) -> p.ReflectResponse:
        raise NotImplementedError

    async def get_suspicions(self) -> p.SuspicionsResponse:
        raise NotImplementedError

    async def choose_murder_victim(self, req: p.MurderRequest) -> p.TargetResponse:
        raise NotImplementedDecision("choose_murder_victim")

    async def choose_recruit_target(self, req: p.GameStateRequest) -> p.TargetResponse:
        raise NotImplementedDecision("choose_recruit_target")

    async def decide_recruitment(self, req: p.RecruitmentRequest) -> p.RecruitmentResponse:
        raise NotImplementedDecision("decide_recruitment")

    async def vote_to_end(self, req: p.GameStateRequest) -> p.VoteToEndResponse:
        raise NotImplementedDecision("vote_to_end")

    async def share_or_steal(self, req: p.GameStateRequest) -> p.ShareOrStealResponse:
        raise NotImplementedDecision("share_or_steal")

    async def choose_seer_target(self, req: p.GameStateRequest) -> p.TargetResponse:
        raise NotImplementedDecision("choose_seer_target")

    async def seer_result(self, req: p.SeerResultRequest) -> p.AckResponse:
        raise NotImplementedDecision("seer_result")

    async def create_death_list(self, req: p.DeathListRequest) -> p.DeathListResponse:
        raise NotImplementedDecision("create_death_list")

    async def discuss(self, req: p.DiscussRequest) -> p.DiscussResponse:
        raise NotImplementedDecision("discuss")

    def usage(self) -> tuple[int | None, int | None]:
        """Tokens (in, out) spent on the last answer; None for brains without a model."""
        return None, None
