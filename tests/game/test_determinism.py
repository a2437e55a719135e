"""Same config, seed and players give the same log; other seeds give other logs."""

from __future__ import annotations

import asyncio

from game.config import preset
from game.events import event_log_sha256
from game.referee import play
from tests.game.helpers import random_players, run_random


def test_same_seed_same_log_with_the_shipped_cast() -> None:
    cfg = preset("us", num_players=14)
    a, b = run_random(cfg, 77), run_random(cfg, 77)
    assert a.event_log_sha256 == b.event_log_sha256 == event_log_sha256(a.events)
    assert [p.name for p in a.players] == [p.name for p in b.players]
    assert a.decisions == b.decisions and a.votes == b.votes and a.players == b.players


def test_different_seeds_differ() -> None:
    cfg = preset("uk", num_players=10)
    hashes = {run_random(cfg, seed).event_log_sha256 for seed in range(10)}
    assert len(hashes) == 10
    casts = {tuple(p.name for p in run_random(cfg, seed).players) for seed in range(5)}
    assert len(casts) > 1


class _SlowFirst:
    """A random-legal player whose answers arrive in reverse seat order."""

    def __init__(self, inner: object, delay: float) -> None:
        self.inner, self.delay = inner, delay

    def __getattr__(self, name: str) -> object:
        return getattr(self.inner, name)

    async def decide(self, request: object) -> object:
        await asyncio.sleep(self.delay)
        return await self.inner.decide(request)  # type: ignore[attr-defined]


def test_answer_timing_does_not_change_the_log() -> None:
    cfg = preset("uk", num_players=8, max_days=3)
    calm = run_random(cfg, 5)
    n = cfg.num_players
    players = [_SlowFirst(p, 0.0005 * (n - i)) for i, p in enumerate(random_players(n, 5))]
    rushed = asyncio.run(
        play(cfg, 5, players, random_players(n, 5 + 1_000_003), game_id="g5")  # type: ignore[arg-type]
    )
    assert rushed.event_log_sha256 == calm.event_log_sha256
    assert [(d.kind, d.player_id) for d in rushed.decisions] == [
        (d.kind, d.player_id) for d in calm.decisions
    ]
