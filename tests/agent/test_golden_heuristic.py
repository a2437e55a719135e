"""Golden games with the default table: heuristic brains and the shipped cast.

A changed hash means the rules, the brains or the cast changed behaviour: check
the change was meant, note it in CHANGELOG.md, and re-pin.
"""

from __future__ import annotations

import pytest

from agent.table import Table, play_at_table_sync
from game.config import preset

GOLDEN = {
    "uk": ("7788636296d123012cd31ae2bcb689f312eeea0cf9e4d80f10eee714b41c6355", 5),
    "us": ("b729ef05b5e96e67dacd8774ea1a186acc85a0846d95d4ed5eb53dbacd5a1c43", 6),
    "australia": ("ca2d89c5265a8ea7cea503b9d6eb6a6e93f2b4d79a5038802756571e5b3423e9", 8),
    "canada": ("75b32a8240442ce84e5b8be35166d54f0bc918dcd1f96092191dcbc9c4ecd9a2", 7),
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
