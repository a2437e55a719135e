"""Game rules as data: `GameConfig`, its validation, and the show's presets."""

from __future__ import annotations

import math
from dataclasses import dataclass, fields, replace
from typing import Any, Literal

from game.errors import InvalidConfig

RULES_VERSION = "1.0"

Recruitment = Literal["none", "standard", "ultimatum", "blackmail"]
TieBreak = Literal["lot", "countback"]

RECRUITMENT_MODES: tuple[str, ...] = ("none", "standard", "ultimatum", "blackmail")
TIE_BREAKS: tuple[str, ...] = ("lot", "countback")
PRESETS: tuple[str, ...] = ("uk", "us", "australia", "canada")


@dataclass(frozen=True, slots=True)
class GameConfig:
    """Every rule of one game. Validated on construction; build variants with `preset()`.

    Shields: the best mission performer wins a shield (on days not in `dagger_days`).
    A shield blocks that night's murder and, when `shield_blocks_banishment`, that
    day's banishment. On `dagger_days` the prize is a dagger: the holder's vote
    counts twice at that day's round table. From `seer_day` (once), the best
    performer of that day's mission becomes the seer and may learn one player's
    true role; the shield or dagger then goes to the next best performer.

    Recruitment after a traitor is banished: `standard` (the recruit may decline,
    the murder then goes ahead), `ultimatum` (decline means being murdered),
    `blackmail` (an ultimatum, and the night's murder happens as well), `none`.
    With `ultimatum_when_one_traitor`, a standard offer made by a lone traitor is
    an ultimatum.

    End game: when `finalists` or fewer players are alive at a round table, they
    vote to end (unanimous END ends the game) or banish again, down to two.
    """

    rules: str = "uk"
    num_players: int = 22
    num_traitors: int = 3
    shields: bool = True
    shield_secret: bool = True
    shield_blocks_banishment: bool = False
    dagger_days: tuple[int, ...] = ()
    seer_day: int | None = 8
    recruitment: Recruitment = "standard"
    ultimatum_when_one_traitor: bool = True
    death_list: bool = False
    death_list_size: int = 3
    finalists: int = 4
    reveal_finalist_roles: bool = False
    tie_break: TieBreak = "lot"
    parity_ends_game: bool = False
    end_when_no_traitors: bool = True
    dilemma: bool = True
    max_days: int = 30
    sabotage: bool = True
    late_traitor_chance: float = 0.35
    mission_max_earnings: int = 5000

    def __post_init__(self) -> None:
        _validate(self)

    def with_overrides(self, **overrides: Any) -> GameConfig:
        """Return a copy with some fields changed, validated again."""
        unknown = sorted(set(overrides) - {f.name for f in fields(self)})
        if unknown:
            raise InvalidConfig(unknown[0], overrides[unknown[0]], f"known fields: {field_names()}")
        return replace(self, **overrides)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able dict of every field."""
        return {f.name: _plain(getattr(self, f.name)) for f in fields(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> GameConfig:
        """Inverse of `to_dict` (lists become tuples)."""
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise InvalidConfig(unknown[0], data[unknown[0]], f"known fields: {field_names()}")
        clean: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v for k, v in data.items()}
        return cls(**clean)


def field_names() -> str:
    """Comma-separated names of every config field, for error messages."""
    return ", ".join(f.name for f in fields(GameConfig))


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


_PRESET_FIELDS: dict[str, dict[str, Any]] = {
    "uk": {},
    "us": {"num_players": 20, "num_traitors": 4},
    "australia": {"shield_blocks_banishment": True},
    "canada": {
        "num_players": 20,
        "num_traitors": 3,
        "dagger_days": (4, 8),
        "recruitment": "ultimatum",
    },
}


def preset(name: str, **overrides: Any) -> GameConfig:
    """The named show variant (uk, us, australia, canada) with optional overrides.

    Overriding `num_players` alone scales the traitors by the preset's ratio,
    rounded up: `preset("uk", num_players=10)` has 2 traitors.
    """
    if name not in _PRESET_FIELDS:
        raise InvalidConfig("rules", name, f"one of {', '.join(PRESETS)}")
    base: dict[str, Any] = {"num_players": 22, "num_traitors": 3, **_PRESET_FIELDS[name]}
    base["rules"] = name
    given = {k: v for k, v in overrides.items() if v is not None}
    if "num_players" in given and "num_traitors" not in given:
        # Keep the preset's traitor ratio for another cast size (rounded up, within limits).
        ratio = base["num_traitors"] / base["num_players"]
        players = given["num_players"]
        if isinstance(players, int) and not isinstance(players, bool):
            given["num_traitors"] = max(1, min(math.ceil(players * ratio), max(1, players // 3)))
    base.update(given)
    unknown = sorted(set(base) - {f.name for f in fields(GameConfig)})
    if unknown:
        raise InvalidConfig(unknown[0], base[unknown[0]], f"known fields: {field_names()}")
    return GameConfig(**base)


def _validate(c: GameConfig) -> None:
    _check_int(c, "num_players", 6, 30)
    _check_int(c, "num_traitors", 1, c.num_players // 3)
    _check_int(c, "finalists", 2, c.num_players - 1)
    _check_int(c, "max_days", 1, 100)
    _check_int(c, "death_list_size", 2, 10)
    _check_int(c, "mission_max_earnings", 0, 1_000_000)
    for name in (
        "shields",
        "shield_secret",
        "shield_blocks_banishment",
        "ultimatum_when_one_traitor",
        "death_list",
        "reveal_finalist_roles",
        "parity_ends_game",
        "end_when_no_traitors",
        "dilemma",
        "sabotage",
    ):
        if not isinstance(getattr(c, name), bool):
            raise InvalidConfig(name, getattr(c, name), "true or false")
    if not isinstance(c.rules, str) or not c.rules:
        raise InvalidConfig("rules", c.rules, "a non-empty name such as uk, us, australia, canada")
    if c.recruitment not in RECRUITMENT_MODES:
        raise InvalidConfig("recruitment", c.recruitment, f"one of {', '.join(RECRUITMENT_MODES)}")
    if c.tie_break not in TIE_BREAKS:
        raise InvalidConfig("tie_break", c.tie_break, f"one of {', '.join(TIE_BREAKS)}")
    if c.seer_day is not None and (
        isinstance(c.seer_day, bool) or not isinstance(c.seer_day, int) or c.seer_day < 1
    ):
        raise InvalidConfig("seer_day", c.seer_day, "a day number >= 1, or None for no seer")
    if not isinstance(c.dagger_days, tuple) or not all(
        isinstance(d, int) and not isinstance(d, bool) and d >= 1 for d in c.dagger_days
    ):
        raise InvalidConfig("dagger_days", c.dagger_days, "a tuple of day numbers >= 1")
    if isinstance(c.late_traitor_chance, bool) or not (
        isinstance(c.late_traitor_chance, int | float) and 0.0 <= c.late_traitor_chance <= 1.0
    ):
        raise InvalidConfig("late_traitor_chance", c.late_traitor_chance, "a number from 0 to 1")


def _check_int(c: GameConfig, name: str, low: int, high: int) -> None:
    value = getattr(c, name)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise InvalidConfig(name, value, f"an integer from {low} to {high}")
