"""`RandomBrain`: a uniformly random legal choice at every decision (a baseline)."""

from __future__ import annotations

import random

from agent import protocol as p
from agent.brains.base import Brain
from agent.brains.common import derive_rng, living_others, murder_candidates, visible_traitors
from agent.errors import NoLegalChoice

_NEUTRAL = (
    "I'm keeping an open mind tonight.",
    "I honestly don't know who to trust yet.",
    "Let's hear from everyone before we decide.",
    "I'll go with my gut when it comes to the vote.",
)


class RandomBrain(Brain):
    """Chooses uniformly among legal options; deterministic per (seed, game, seat)."""

    name = "random"

    def __init__(self, seed: int = 0) -> None:
        self.seed = seed
        self._rng = random.Random(seed)
        self._player_id = ""
        self._fellows: set[str] = set()
        self._known: dict[str, str] = {}

    async def initialize(self, req: p.InitializeRequest) -> p.InitializeResponse:
        self._player_id = req.player.id
        self._rng = derive_rng(self.seed, req.game_id, req.player.id)
        self._fellows = {f.id for f in req.fellow_traitors or ()}
        self._known = {}
        return p.InitializeResponse(player_id=req.player.id, player_name=req.player.name)

    def _pick(self, options: list[str], what: str) -> p.TargetResponse:
        if not options:
            raise NoLegalChoice(f"no legal {what} target")  # the referee falls back
        return p.TargetResponse(target_player_id=self._rng.choice(options), reasoning="random")

    def _traitors(self, gs: p.GameState) -> set[str]:
        seen = {pid for pid, role in self._known.items() if role == "traitor"}
        return visible_traitors(gs, self._fellows | seen)

    async def vote(self, req: p.VoteRequest) -> p.TargetResponse:
        return self._pick(list(req.eligible_targets), "vote")

    async def reflect(self, req: p.ReflectRequest) -> p.ReflectResponse:
        return p.ReflectResponse(player_id=self._player_id)

    async def get_suspicions(self) -> p.SuspicionsResponse:
        return p.SuspicionsResponse(player_id=self._player_id, suspicions={})

    async def choose_murder_victim(self, req: p.MurderRequest) -> p.TargetResponse:
        gs = req.game_state
        return self._pick(murder_candidates(gs, req.death_list, self._traitors(gs)), "murder")

    async def choose_recruit_target(self, req: p.GameStateRequest) -> p.TargetResponse:
        gs = req.game_state
        traitors = self._traitors(gs)
        return self._pick([x for x in living_others(gs) if x not in traitors], "recruit")

    async def decide_recruitment(self, req: p.RecruitmentRequest) -> p.RecruitmentResponse:
        return p.RecruitmentResponse(accepts=self._rng.random() < 0.5, reasoning="random")

    async def vote_to_end(self, req: p.GameStateRequest) -> p.VoteToEndResponse:
        return p.VoteToEndResponse(vote=self._rng.choice(("END", "BANISH")), reasoning="random")

    async def share_or_steal(self, req: p.GameStateRequest) -> p.ShareOrStealResponse:
        return p.ShareOrStealResponse(
            decision=self._rng.choice(("SHARE", "STEAL")), reasoning="random"
        )

    async def choose_seer_target(self, req: p.GameStateRequest) -> p.TargetResponse:
        return self._pick(living_others(req.game_state), "seer")

    async def seer_result(self, req: p.SeerResultRequest) -> p.AckResponse:
        self._known[req.target_player_id] = req.true_role.lower()
        return p.AckResponse(player_id=self._player_id)

    async def create_death_list(self, req: p.DeathListRequest) -> p.DeathListResponse:
        gs = req.game_state
        pool = murder_candidates(gs, None, self._traitors(gs))
        k = min(req.num_candidates, len(pool))
        return p.DeathListResponse(death_list=self._rng.sample(pool, k), reasoning="random")

    async def discuss(self, req: p.DiscussRequest) -> p.DiscussResponse:
        return p.DiscussResponse(statement=self._rng.choice(_NEUTRAL))
