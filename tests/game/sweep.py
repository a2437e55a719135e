"""The seeded sweep shared by the invariant and visibility tests: 500 games, checked views."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from game import observe as observe_module
from game import referee, table
from game.config import PRESETS, GameConfig, preset
from game.events import EventKind
from game.players import Role, View
from game.record import GameRecord
from game.state import GameState, seat
from tests.game.helpers import run_random

GAMES = 500

# Kinds only the traitors (and, for recruitment, the recruit) may ever see.
TRAITOR_SECRETS = frozenset(
    {
        EventKind.SABOTAGE,
        EventKind.MURDER_PROPOSAL,
        EventKind.MURDER,
        EventKind.DEATH_LIST,
        EventKind.SHIELD_BLOCK,
        EventKind.RECRUIT_PROPOSAL,
    }
)
RECRUIT_SECRETS = frozenset(
    {EventKind.RECRUITMENT_OFFER, EventKind.RECRUITMENT_ANSWER, EventKind.RECRUITED}
)


def sweep_config(i: int) -> GameConfig:
    """A varied config for sweep game i: every preset, 6..30 players, rule switches."""
    return preset(
        PRESETS[i % 4],
        num_players=6 + (i * 7) % 25,
        death_list=i % 3 == 0,
        tie_break="countback" if i % 5 == 0 else "lot",
        parity_ends_game=i % 7 == 0,
        reveal_finalist_roles=i % 2 == 1,
        seer_day=(None, 1, 3, 8)[i % 4],
        recruitment=("standard", "ultimatum", "blackmail", "none", "standard")[i % 5],
        shield_secret=i % 6 != 0,
        max_days=(30, 30, 8, 30, 12)[i % 5],
    )


@dataclass
class ViewChecker:
    """Wraps `observe` and checks every view built against the true state."""

    checked: dict[tuple[str, str], int] = field(default_factory=dict)
    views: int = 0
    problems: list[str] = field(default_factory=list)

    def __call__(self, state: GameState, player_id: str) -> View:
        view = observe_module.observe(state, player_id)
        self.views += 1
        me = seat(state, player_id)
        assert me.alive, f"view built for dead {player_id}"
        for pv in view.players:
            if pv.role is None or pv.id == player_id:
                continue
            other = seat(state, pv.id)
            fellow = me.role is Role.TRAITOR and other.role is Role.TRAITOR
            if other.alive and not fellow:
                self.problems.append(f"{player_id} sees living {pv.id} as {pv.role}")
            if not other.alive and not other.role_revealed and not fellow:
                self.problems.append(f"{player_id} sees unrevealed {pv.id}")
            if pv.role is not other.role:
                self.problems.append(f"{player_id} sees a wrong role for {pv.id}")
        key = (state.game_id, player_id)
        for e in view.history[self.checked.get(key, 0) :]:
            if not e.visible_to(player_id):
                self.problems.append(f"{player_id} sees {e.kind} meant for {e.audience}")
            if e.kind in TRAITOR_SECRETS | RECRUIT_SECRETS and e.audience is None:
                self.problems.append(f"public {e.kind}")
        self.checked[key] = len(view.history)
        return view


@dataclass
class SweepResult:
    records: list[GameRecord]
    checker: ViewChecker
    reasons: Counter[str]
    features: Counter[str]


def _run(checker: ViewChecker) -> list[GameRecord]:
    saved = (referee.observe, table.observe)
    referee.observe = checker  # type: ignore[assignment]
    table.observe = checker  # type: ignore[assignment]
    try:
        return [run_random(sweep_config(i), 10_000 + i) for i in range(GAMES)]
    finally:
        referee.observe, table.observe = saved


@cache
def sweep() -> SweepResult:
    """Play the sweep once per test session."""
    checker = ViewChecker()
    records = _run(checker)
    reasons = Counter(r.end_reason for r in records)
    features: Counter[str] = Counter()
    for r in records:
        features.update({e.kind.value for e in r.events})
    return SweepResult(records, checker, reasons, features)
