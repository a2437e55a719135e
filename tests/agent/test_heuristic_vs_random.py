"""Heuristic faithful find traitors: their banishment votes beat random brains and chance."""

from __future__ import annotations

import pytest

from agent.brains import make_brain
from agent.local import LocalPlayer
from game.config import preset
from game.record import GameRecord
from game.referee import play_sync
from tests.agent.vote_accuracy import VoteAccuracy, faithful_vote_accuracy

GAMES = 500
PLAYERS = 10  # the uk preset scaled down (2 traitors) keeps 2 x 500 games near 30 s


def play_games(kind: str, games: int = GAMES, num_players: int = PLAYERS) -> list[GameRecord]:
    """Seeded uk games with every seat played by `kind` (heuristic fallbacks)."""
    config = preset("uk", num_players=num_players)
    records = []
    for seed in range(games):
        players = [LocalPlayer(make_brain(kind, seed=seed * 100 + i)) for i in range(num_players)]
        fallbacks = [
            LocalPlayer(make_brain("heuristic", seed=seed * 100 + i)) for i in range(num_players)
        ]
        records.append(play_sync(config, seed, players, fallbacks, game_id=f"{kind}-{seed}"))
    return records


@pytest.mark.slow
def test_heuristic_faithful_vote_better_than_random_and_chance() -> None:
    heuristic: VoteAccuracy = faithful_vote_accuracy(play_games("heuristic"))
    random: VoteAccuracy = faithful_vote_accuracy(play_games("random"))
    # Measured (500 games, uk, 10 players): heuristic ~0.58, random ~0.28, chance ~0.28-0.30.
    assert heuristic.votes > 1000 and random.votes > 1000
    assert abs(random.accuracy - random.baseline) < 0.05  # random is chance, as it should be
    assert heuristic.accuracy > random.accuracy + 0.15
    assert heuristic.accuracy > heuristic.baseline + 0.15
