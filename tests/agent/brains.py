"""A small deterministic brain for service and client tests."""

from __future__ import annotations

from agent import protocol as p
from agent.brains.base import Brain


class EchoBrain(Brain):
    """Answers the required endpoints plus murder and vote_to_end with the first legal choice."""

    name = "echo"

    def __init__(self) -> None:
        self.me: p.Player | None = None
        self.known: list[str] = []
        self.reflections = 0

    async def initialize(self, req: p.InitializeRequest) -> p.InitializeResponse:
        self.me, self.known, self.reflections = req.player, [], 0
        return p.InitializeResponse(player_id=req.player.id, player_name=req.player.name)

    def _others(self, state: p.GameState) -> list[str]:
        return [pl.id for pl in state.players if pl.alive and pl.id != state.your_player_id]

    async def vote(self, req: p.VoteRequest) -> p.TargetResponse:
        self.known = self._others(req.game_state)
        target = next((t for t in req.eligible_targets if t != req.game_state.your_player_id), "")
        return p.TargetResponse(target_player_id=target, reasoning="first eligible")

    async def reflect(self, req: p.ReflectRequest) -> p.ReflectResponse:
        assert self.me is not None
        self.known = self._others(req.game_state)
        self.reflections += 1
        return p.ReflectResponse(player_id=self.me.id)

    async def get_suspicions(self) -> p.SuspicionsResponse:
        assert self.me is not None
        return p.SuspicionsResponse(player_id=self.me.id, suspicions={k: 0.5 for k in self.known})

    async def choose_murder_victim(self, req: p.MurderRequest) -> p.TargetResponse:
        st = req.game_state
        fellows = {pl.id for pl in st.players if pl.role == "traitor"}
        pool = req.death_list or [pid for pid in self._others(st) if pid not in fellows]
        return p.TargetResponse(target_player_id=pool[0], reasoning="first faithful")

    async def vote_to_end(self, req: p.GameStateRequest) -> p.VoteToEndResponse:
        return p.VoteToEndResponse(vote="BANISH")


class CrashBrain(EchoBrain):
    """A buggy brain: vote raises."""

    async def vote(self, req: p.VoteRequest) -> p.TargetResponse:
        raise RuntimeError("boom")


class CheatBrain(EchoBrain):
    """A broken agent: votes for itself and reports suspicions out of range for strangers."""

    async def vote(self, req: p.VoteRequest) -> p.TargetResponse:
        return p.TargetResponse(target_player_id=req.game_state.your_player_id)

    async def get_suspicions(self) -> p.SuspicionsResponse:
        return p.SuspicionsResponse(player_id="x", suspicions={"nobody": 7.0})
