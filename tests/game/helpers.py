"""Test scaffolding for the engine: a random-legal player, a scripted player, casts, games."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from game.config import GameConfig
from game.personas import Persona, Stats, Traits
from game.players import (
    Answer,
    DecisionKind,
    DecisionRequest,
    Reflection,
    SeerResult,
    Setup,
)
from game.record import GameRecord
from game.referee import play_sync
from game.rng import derive_seed
from game.state import GameState, new_game


class RandomLegalPlayer:
    """Picks uniformly among the legal options of every request, from its own seeded rng."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.rng = random.Random(seed)
        self.requests: list[DecisionRequest] = []
        self.reflections: list[Reflection] = []
        self.keep = False  # keep requests/reflections for inspection

    async def initialize(self, setup: Setup) -> Answer:
        self.rng = random.Random(derive_seed(self.seed, setup.game_id, setup.you.id))
        return Answer()

    async def decide(self, request: DecisionRequest) -> Answer:
        if self.keep:
            self.requests.append(request)
        return Answer(choice=random_choice(self.rng, request), accuses=_accuse(self.rng, request))

    async def reflect(self, reflection: Reflection) -> Answer:
        if self.keep:
            self.reflections.append(reflection)
        return Answer()

    async def seer_result(self, result: SeerResult) -> Answer:
        return Answer()

    async def suspicions(self) -> Answer:
        return Answer(choice={})


def _accuse(rng: random.Random, req: DecisionRequest) -> str | None:
    if req.kind is DecisionKind.DISCUSS and req.options and rng.random() < 0.7:
        return rng.choice(req.options)
    return None


def random_choice(rng: random.Random, req: DecisionRequest) -> Any:
    """A uniformly random legal choice for any request."""
    if req.kind is DecisionKind.DISCUSS:
        return "I have my eye on someone."
    if req.kind is DecisionKind.RECRUIT_ANSWER:
        return rng.random() < 0.5
    if req.kind is DecisionKind.DEATH_LIST:
        return tuple(rng.sample(req.options, req.num_candidates or 0))
    return rng.choice(req.options)


Script = Callable[[DecisionRequest], Any]


@dataclass
class ScriptedPlayer:
    """Answers from a script (request -> choice or Answer); random-legal when it gives None."""

    script: Script = lambda req: None
    seed: int = 0
    requests: list[DecisionRequest] = field(default_factory=list)
    reflections: list[Reflection] = field(default_factory=list)
    seer_results: list[SeerResult] = field(default_factory=list)
    status: str = "ok"

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)

    async def initialize(self, setup: Setup) -> Answer:
        self.setup = setup
        return Answer()

    async def decide(self, request: DecisionRequest) -> Answer:
        self.requests.append(request)
        out = self.script(request)
        if isinstance(out, Answer):
            return out
        if out is None:
            out = random_choice(self.rng, request)
        return Answer(choice=out, reasoning="scripted")

    async def reflect(self, reflection: Reflection) -> Answer:
        self.reflections.append(reflection)
        return Answer()

    async def seer_result(self, result: SeerResult) -> Answer:
        self.seer_results.append(result)
        return Answer()

    async def suspicions(self) -> Answer:
        return Answer(choice={})


def persona(i: int, **stats: float) -> Persona:
    """A plain test persona; stats default to middling."""
    return Persona(
        name=f"Player {i:02d}",
        archetype="test",
        traits=Traits(0.5, 0.5, 0.5, 0.5, 0.5),
        stats=Stats(
            intellect=stats.get("intellect", 0.5),
            dexterity=stats.get("dexterity", 0.5),
            social_influence=0.5,
        ),
        backstory="A test persona.",
        age=30,
        gender="x",
        occupation="tester",
        hometown="Testville",
    )


def plain_cast(n: int) -> tuple[Persona, ...]:
    """n distinct test personas."""
    return tuple(persona(i) for i in range(n))


def random_players(n: int, seed: int) -> list[RandomLegalPlayer]:
    """n random-legal players seeded from `seed`."""
    return [RandomLegalPlayer(derive_seed("player", seed, i)) for i in range(n)]


def run_random(config: GameConfig, seed: int, cast: Sequence[Persona] | None = None) -> GameRecord:
    """One game of random-legal players (fallbacks random-legal too)."""
    n = config.num_players
    return play_sync(
        config,
        seed,
        random_players(n, seed),
        random_players(n, seed + 1_000_003),
        game_id=f"g{seed}",
        cast=cast,
    )


def make_state(
    config: GameConfig, traitors: Sequence[int], cast: Sequence[Persona] | None = None
) -> GameState:
    """A fresh game with the given traitor seats."""
    personas = cast if cast is not None else plain_cast(config.num_players)
    return new_game(config, "test", personas, traitors)


def traitors_for(config: GameConfig, seed: int) -> list[str]:
    """The traitor ids the referee deals for this seed (mirrors game.referee.play)."""
    rng = random.Random(derive_seed("game", seed))
    return sorted(
        f"player_{i:02d}" for i in rng.sample(range(config.num_players), config.num_traitors)
    )
