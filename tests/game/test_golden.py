"""Golden games: one pinned game per preset, random-legal players, the test cast.

A changed hash means the rules (or the order of the referee's draws) changed:
bump `game.config.RULES_VERSION` with a changelog line and re-pin deliberately.
Goldens with the heuristic brain and the shipped cast are in tests/agent.
"""

from __future__ import annotations

import pytest

from game.config import preset
from tests.game.helpers import plain_cast, run_random

GOLDEN = {
    "uk": (
        "811d04a2f57ee03deff150a3e2b8e2ddd8a71c9b1acb990042f0715425656f20",
        "faithful",
        "all_traitors_banished",
    ),
    "us": (
        "b7ed42dd68a55e55b89baa3cc3b109b639d608ce84b700d9772a0881991d8d87",
        "traitor",
        "dilemma",
    ),
    "australia": (
        "29501e7b3323899303d335e6fe666f7adfc0263a6ed728c0b30279e92bc56f7f",
        "traitor",
        "vote_to_end",
    ),
    "canada": (
        "eecaf28c68e05b9dcd8440c3b4dbc2a61115f925624ead22a3367496cec71cc6",
        "traitor",
        "dilemma",
    ),
}


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_golden_game(name: str) -> None:
    cfg = preset(name)
    record = run_random(cfg, 2026, cast=plain_cast(cfg.num_players))
    sha, winner, reason = GOLDEN[name]
    assert (record.winner, record.end_reason) == (winner, reason)
    assert record.event_log_sha256 == sha
