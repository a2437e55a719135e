"""GameConfig validation, presets and overrides."""

from __future__ import annotations

from typing import Any

import pytest

from game.config import PRESETS, GameConfig, preset
from game.errors import InvalidConfig

BAD_VALUES: list[tuple[str, Any, str]] = [
    ("num_players", 5, "6 to 30"),
    ("num_players", 31, "6 to 30"),
    ("num_players", "22", "6 to 30"),
    ("num_players", True, "6 to 30"),
    ("num_traitors", 0, "1 to 7"),
    ("num_traitors", 8, "1 to 7"),
    ("finalists", 1, "2 to 21"),
    ("finalists", 22, "2 to 21"),
    ("max_days", 0, "1 to 100"),
    ("max_days", 101, "1 to 100"),
    ("death_list_size", 1, "2 to 10"),
    ("mission_max_earnings", -1, "0 to 1000000"),
    ("shields", "yes", "true or false"),
    ("shield_secret", 1, "true or false"),
    ("shield_blocks_banishment", None, "true or false"),
    ("ultimatum_when_one_traitor", 0, "true or false"),
    ("death_list", "no", "true or false"),
    ("reveal_finalist_roles", 2, "true or false"),
    ("parity_ends_game", None, "true or false"),
    ("end_when_no_traitors", "x", "true or false"),
    ("dilemma", 1.0, "true or false"),
    ("sabotage", [], "true or false"),
    ("rules", "", "non-empty name"),
    ("recruitment", "bribe", "none, standard, ultimatum, blackmail"),
    ("tie_break", "coin", "lot, countback"),
    ("seer_day", 0, "day number >= 1"),
    ("seer_day", True, "day number >= 1"),
    ("dagger_days", [4], "tuple of day numbers"),
    ("dagger_days", (0,), "tuple of day numbers"),
    ("late_traitor_chance", 1.5, "from 0 to 1"),
    ("late_traitor_chance", True, "from 0 to 1"),
]


@pytest.mark.parametrize(("field", "value", "allowed"), BAD_VALUES)
def test_bad_field_names_field_value_and_allowed(field: str, value: Any, allowed: str) -> None:
    with pytest.raises(InvalidConfig) as info:
        GameConfig(**{field: value})
    err = info.value
    assert err.field == field
    assert err.value == value or err.value is value
    assert allowed in err.allowed
    assert field in str(err) and repr(value) in str(err)


def test_defaults_are_valid_and_round_trip() -> None:
    cfg = GameConfig()
    assert GameConfig.from_dict(cfg.to_dict()) == cfg


def test_unknown_override_is_rejected() -> None:
    with pytest.raises(InvalidConfig, match="known fields"):
        GameConfig().with_overrides(nonsense=1)
    with pytest.raises(InvalidConfig, match="known fields"):
        preset("uk", nonsense=1)
    with pytest.raises(InvalidConfig, match="one of uk"):
        preset("mars")


def test_overrides_are_validated() -> None:
    with pytest.raises(InvalidConfig):
        GameConfig().with_overrides(num_traitors=20)
    assert GameConfig().with_overrides(max_days=5).max_days == 5


@pytest.mark.parametrize("name", PRESETS)
def test_presets_are_valid(name: str) -> None:
    assert preset(name).rules == name


def test_presets_set_their_rules() -> None:
    assert preset("uk").recruitment == "standard" and preset("uk").dagger_days == ()
    assert (preset("us").num_players, preset("us").num_traitors) == (20, 4)
    assert preset("australia").shield_blocks_banishment is True
    canada = preset("canada")
    assert canada.dagger_days == (4, 8) and canada.recruitment == "ultimatum"


def test_preset_scales_traitors_with_players() -> None:
    assert preset("uk", num_players=10).num_traitors == 2
    assert preset("uk", num_players=6).num_traitors == 1
    assert preset("us", num_players=30).num_traitors == 6
    assert preset("uk", num_players=12, num_traitors=4).num_traitors == 4
    assert preset("canada", death_list=True).death_list is True
