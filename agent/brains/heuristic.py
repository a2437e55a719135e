"""`HeuristicBrain`: the offline default. Reads the record, suspects, votes, murders, talks.

Beliefs come from `game_state.history` (only new events are read each call) and from
/reflect's structured events through the same path, so the brain also works as the
engine's fallback, which is initialized but never reflected. Every random draw comes
from one Random seeded by sha256 over (seed, game, seat).
"""

from __future__ import annotations

import random

from agent import protocol as p
from agent.brains import speech
from agent.brains.base import Brain
from agent.brains.common import TRAITOR, derive_rng, murder_candidates
from agent.brains.suspicion import Beliefs
from agent.errors import NoLegalChoice

_NEUTRAL_TRAITS = p.Personality(
    openness=0.5, conscientiousness=0.5, extraversion=0.5, agreeableness=0.5, neuroticism=0.5
)


class HeuristicBrain(Brain):
    """Suspicion-driven play shaped by the persona's Big Five; deterministic from its seed."""

    name = "heuristic"

    def __init__(self, seed: int = 0) -> None:
        self.seed = seed
        self._reset("", "", "", "faithful", _NEUTRAL_TRAITS, "", ())

    def _reset(
        self,
        game_id: str,
        me: str,
        name: str,
        role: str,
        traits: p.Personality,
        archetype: str,
        fellows: tuple[str, ...],
    ) -> None:
        self.me, self.my_name, self.archetype, self.t = me, name, archetype, traits
        self.rng: random.Random = derive_rng(self.seed, game_id, me)
        self.b = Beliefs(me, role, traits, fellows, self.rng)
        self._started = bool(me)
        self.pledge: tuple[int, str] | None = None  # (day, whom I accused at the round table)

    async def initialize(self, req: p.InitializeRequest) -> p.InitializeResponse:
        pl = req.player
        fellows = tuple(f.id for f in req.fellow_traitors or ())
        role = pl.role or "faithful"
        self._reset(req.game_id, pl.id, pl.name, role, pl.personality, pl.archetype_name, fellows)
        return p.InitializeResponse(player_id=pl.id, player_name=pl.name)

    def _see(self, gs: p.GameState, events: list[p.Event] | None = None) -> Beliefs:
        """Bring beliefs up to date with a game state (starting a game if never initialized)."""
        if not self._started:
            self._adopt(gs)
        self.b.sync(gs, events or ())
        return self.b

    def _adopt(self, gs: p.GameState) -> None:
        """Start from a game state alone (a brain asked before /initialize)."""
        mine = next((pl for pl in gs.players if pl.id == gs.your_player_id), None)
        traits = mine.personality if mine is not None else _NEUTRAL_TRAITS
        name = mine.name if mine is not None else gs.your_player_id
        role = (mine.role if mine is not None else None) or "faithful"
        arch = mine.archetype_name if mine is not None else ""
        self._reset(gs.game_id, gs.your_player_id, name, role, traits, arch, ())

    # ---- required ----------------------------------------------------------------------

    async def vote(self, req: p.VoteRequest) -> p.TargetResponse:
        b = self._see(req.game_state)
        options = [t for t in req.eligible_targets if t != self.me] or list(req.eligible_targets)
        if not options:
            raise NoLegalChoice("no eligible vote target")
        said = self._pledged(req.game_state.day)
        if b.role == TRAITOR:
            target, why = self._traitor_vote(options, said)
        else:
            target, why = self._faithful_vote(options, said)
        return p.TargetResponse(target_player_id=target, reasoning=why)

    def _pledged(self, day: int) -> str | None:
        """Whom I accused at today's round table: people mostly vote as they spoke."""
        return self.pledge[1] if self.pledge is not None and self.pledge[0] == day else None

    def _commitment(self) -> float:
        return 0.5 + 0.7 * self.t.conscientiousness

    def _faithful_vote(self, options: list[str], said: str | None) -> tuple[str, str]:
        b, rng = self.b, self.rng
        pull = (0.5 + self.t.agreeableness) * 1.2 / max(1, b.statements_today)
        noise = 0.2 + 0.5 * self.t.openness
        scores = {
            t: b.score(t) + pull * b.accused_today[t] + rng.gauss(0.0, noise) for t in options
        }
        if said in scores:
            scores[said] += self._commitment()
        target = max(options, key=scores.__getitem__)
        return target, f"most suspicious to me ({b.suspicion(target):.2f})"

    def _traitor_vote(self, options: list[str], said: str | None) -> tuple[str, str]:
        b = self.b
        bus = self._bus(options)
        if bus is not None:
            return bus, "the table has decided; voting with them keeps me safe"
        traitors = b.traitors()
        pool = [t for t in options if t not in traitors] or options
        rng = self.rng
        scores = {
            t: b.accused_today[t] + 0.3 * b.heat[t] + 0.4 * b.threat[t] + rng.gauss(0.0, 0.3)
            for t in pool
        }
        if said in scores:
            scores[said] += self._commitment()
        return max(pool, key=scores.__getitem__), "blend in with the table's suspect"

    def _bus(self, options: list[str]) -> str | None:
        """A fellow traitor whose banishment looks certain: most accused by a clear margin."""
        b = self.b
        fellows = [t for t in options if t in b.traitors() and t != self.me]
        if not fellows or b.statements_today == 0:
            return None
        top = max(fellows, key=b.accused_today.__getitem__)
        count = b.accused_today[top]
        others = max((b.accused_today[t] for t in options if t != top), default=0)
        if count >= max(2.0, 0.4 * b.statements_today) and count > others:
            return top
        return None

    async def reflect(self, req: p.ReflectRequest) -> p.ReflectResponse:
        self._see(req.game_state, req.structured_events)
        return p.ReflectResponse(player_id=self.me)

    async def get_suspicions(self) -> p.SuspicionsResponse:
        b = self.b
        scores = {pid: round(b.suspicion(pid), 4) for pid in b.names if pid != self.me}
        return p.SuspicionsResponse(player_id=self.me, suspicions=scores)

    # ---- the turret (traitors) ---------------------------------------------------------

    def _murder_score(self, t: str) -> float:
        """How much the traitors gain by murdering t: the dangerous, not the suspected."""
        b = self.b
        score = b.threat[t] + 0.5 * b.influence.get(t, 0.5) - 0.4 * b.heat[t]
        if t in (b.best_performer, b.shield_holder):
            score -= 1.5  # today's best performer probably holds the shield
        return score

    async def choose_murder_victim(self, req: p.MurderRequest) -> p.TargetResponse:
        b = self._see(req.game_state)
        pool = murder_candidates(req.game_state, req.death_list, b.traitors())
        if not pool:
            raise NoLegalChoice("no one the traitors may murder")
        # No noise: every traitor reads the same record, so they agree on the victim.
        target = max(pool, key=self._murder_score)
        return p.TargetResponse(target_player_id=target, reasoning="the biggest threat to us")

    async def create_death_list(self, req: p.DeathListRequest) -> p.DeathListResponse:
        b = self._see(req.game_state)
        pool = murder_candidates(req.game_state, None, b.traitors())
        ranked = sorted(pool, key=lambda t: (-self._murder_score(t), t))
        return p.DeathListResponse(
            death_list=ranked[: req.num_candidates], reasoning="the most dangerous faithful"
        )

    async def choose_recruit_target(self, req: p.GameStateRequest) -> p.TargetResponse:
        b = self._see(req.game_state)
        traitors = b.traitors()
        pool = [t for t in sorted(b.alive) if t != self.me and t not in traitors]
        if not pool:
            raise NoLegalChoice("no one the traitors may recruit")
        target = max(pool, key=lambda t: b.agree.get(t, 0.5) - 0.2 * b.threat[t] - 0.1 * b.heat[t])
        return p.TargetResponse(target_player_id=target, reasoning="agreeable and not onto us")

    # ---- faithful-side choices ---------------------------------------------------------

    async def decide_recruitment(self, req: p.RecruitmentRequest) -> p.RecruitmentResponse:
        self._see(req.game_state)
        t = self.t
        if req.is_ultimatum:
            chance = 0.8 + 0.15 * (1.0 - t.conscientiousness)
        else:
            chance = 0.15 + 0.4 * (1.0 - t.agreeableness) + 0.2 * t.openness
            chance -= 0.15 * t.conscientiousness
        accepts = self.rng.random() < min(0.95, max(0.05, chance))
        why = "better a traitor than murdered" if accepts else "I stay Faithful"
        return p.RecruitmentResponse(accepts=accepts, reasoning=why)

    async def choose_seer_target(self, req: p.GameStateRequest) -> p.TargetResponse:
        b = self._see(req.game_state)
        others = [t for t in sorted(b.alive) if t != self.me]
        unknown = [t for t in others if t not in b.known] or others
        if not unknown:
            raise NoLegalChoice("no one to look at")
        target = max(unknown, key=b.score)
        return p.TargetResponse(target_player_id=target, reasoning="my top suspect")

    async def seer_result(self, req: p.SeerResultRequest) -> p.AckResponse:
        self.b.learn(req.target_player_id, req.true_role.lower(), revealed=False)
        return p.AckResponse(player_id=self.me)

    # ---- the end game ------------------------------------------------------------------

    async def vote_to_end(self, req: p.GameStateRequest) -> p.VoteToEndResponse:
        b = self._see(req.game_state)
        others = [t for t in b.alive if t != self.me]
        if b.role == TRAITOR:
            hostile = max((b.threat[t] for t in others if t not in b.traitors()), default=0.0)
            safe = hostile < 1.0 and b.heat[self.me] < 1.0
            why = "nobody is onto us" if safe else "someone suspects us; keep playing"
            return p.VoteToEndResponse(vote="END" if safe else "BANISH", reasoning=why)
        top = max((b.suspicion(t) for t in others), default=0.0)
        bar = 0.3 + 0.1 * self.t.agreeableness - 0.1 * self.t.neuroticism
        done = top < bar
        why = f"highest suspicion {top:.2f} vs my bar {bar:.2f}"
        return p.VoteToEndResponse(vote="END" if done else "BANISH", reasoning=why)

    async def share_or_steal(self, req: p.GameStateRequest) -> p.ShareOrStealResponse:
        self._see(req.game_state)
        steal = self.rng.random() < 0.1 + 0.7 * (1.0 - self.t.agreeableness)
        return p.ShareOrStealResponse(
            decision="STEAL" if steal else "SHARE", reasoning="agreeableness decides"
        )

    # ---- the round table ---------------------------------------------------------------

    async def discuss(self, req: p.DiscussRequest) -> p.DiscussResponse:
        b = self._see(req.game_state)
        others = [t for t in req.game_state.players if t.alive and t.id != self.me]
        ids = [pl.id for pl in others]
        target = self._traitor_accuse(ids) if b.role == TRAITOR else self._faithful_accuse(ids)
        rng = self.rng
        if target is None:
            text = speech.neutral(rng, self.archetype)
        else:
            reason = b.evidence[target][-1] if b.evidence.get(target) else None
            text = speech.accusation(rng, self.archetype, b.name(target), reason)
        if self._attacked(req.statements_so_far):
            text = f"{text} {speech.defence(rng, self._proof())}"
        self.pledge = (req.game_state.day, target) if target is not None else None
        return p.DiscussResponse(statement=text, accuses=target)

    def _faithful_accuse(self, ids: list[str]) -> str | None:
        b, t = self.b, self.t
        pool = [x for x in ids if b.known.get(x) != "faithful"]
        if not pool:
            return None
        rng = self.rng
        top = max(pool, key=lambda x: b.score(x) + rng.gauss(0.0, 0.1 + 0.2 * t.openness))
        bold = 0.55 + 0.4 * t.extraversion - 0.25 * t.agreeableness
        if b.suspicion(top) > 0.4 or rng.random() < bold:
            return top
        return None

    def _traitor_accuse(self, ids: list[str]) -> str | None:
        b = self.b
        bus = self._bus(ids)
        if bus is not None:
            return bus
        traitors = b.traitors()
        pool = [x for x in ids if x not in traitors]
        if not pool or self.rng.random() < 0.3 * self.t.agreeableness:
            return None
        return max(pool, key=lambda x: b.accused_today[x] + 0.5 * b.heat[x] + 0.3 * b.threat[x])

    def _attacked(self, said: list[p.Statement]) -> bool:
        first = self.my_name.split(" ")[0]
        return bool(first) and any(first in s.text for s in said if s.player_id != self.me)

    def _proof(self) -> str | None:
        b = self.b
        for target in reversed(b.votes_by[self.me]):
            if target in b.revealed and b.known.get(target) == TRAITOR:
                return f"I voted for {b.name(target)}, and they were a Traitor"
        return None
