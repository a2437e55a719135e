"""Golden games with the default table: heuristic brains and the shipped cast.

A changed hash means the rules, the brains or the cast changed behaviour: check
the change was meant, note it in CHANGELOG.md, and re-pin.
"""

from __future__ import annotations

import pytest

from agent.table import Table, play_at_table_sync
from game.config import preset

GOLDEN = {
    "uk": ("fb5be452333187c4ad26b2812e1183b614efdece20761e5644323786a64571fc", 5),
    "us": ("8c62a421ed0f3226492db9a40fdc020c49aa12e1ccac2a28e19f692ce1ff99d8", 11),
    "australia": ("6a30706416cf8b1564e4898906a6fdd8072eb8ecd50d80acc8095972376982cd", 13),
    "canada": ("754f30f74c8504c0cf10b05aa963b847d100c94bae47620cc56d3002a3ba7321", 11),
}


@pytest.mark.parametrize("rules", sorted(GOLDEN))
def test_golden_heuristic_game(rules: str) -> None:
    record = play_at_table_sync(preset(rules), 2026, f"{rules}-2026", Table())
    sha, days = GOLDEN[rules]
    assert (record.event_log_sha256, record.days) == (sha, days)
    assert record.fallback_count() == 0


def test_same_seed_same_log_different_seed_different_log() -> None:
    config = preset("uk", num_players=12)
    first = play_at_table_sync(config, 7, "g", Table())
    again = play_at_table_sync(config, 7, "g", Table())
    other = play_at_table_sync(config, 8, "g", Table())
    assert first.event_log_sha256 == again.event_log_sha256
    assert first.event_log_sha256 != other.event_log_sha256
