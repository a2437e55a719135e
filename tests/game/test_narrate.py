"""`describe`: one readable line per event, never more than the event holds."""

from __future__ import annotations

import pytest

from game.events import Event, EventKind, Phase
from game.narrate import describe

NAMES = {"player_00": "Alice Smith", "player_01": "Bob Jones", "player_02": "Cara Lee"}

SAMPLE_DATA = {
    EventKind.GAME_STARTED: {"players": ["player_00", "player_01"], "num_traitors": 1},
    EventKind.ARRIVAL: {"order": ["player_01", "player_00"]},
    EventKind.MISSION_RESULT: {"earnings": 1200, "pot": 3400, "performance": {}},
    EventKind.STATEMENT: {"text": "I trust nobody."},
    EventKind.VOTE: {"round": 1, "weight": 2, "end_game": False},
    EventKind.REVOTE: {"tied": ["player_00", "player_01"], "round": 2},
    EventKind.TIE_BROKEN: {"method": "lot", "tied": ["player_00", "player_01"]},
    EventKind.BANISHED: {"role": "traitor", "votes": {}},
    EventKind.DEATH_LIST: {"candidates": ["player_01", "player_02"]},
    EventKind.RECRUITMENT_OFFER: {"ultimatum": True},
    EventKind.RECRUITMENT_ANSWER: {"accepts": False},
    EventKind.END_GAME_VOTE: {"vote": "END", "round": 1},
    EventKind.DILEMMA_CHOICE: {"decision": "STEAL"},
    EventKind.PAYOUT: {"amounts": {"player_00": 1500.0}, "pot": 1500},
    EventKind.GAME_OVER: {"winner": "traitor", "end_reason": "vote_to_end", "roles": {}},
    EventKind.SEER_LOOK: {"role": "faithful"},
    EventKind.MURDER_REVEALED: {"role": "faithful"},
}


def ev(kind: EventKind, **kw: object) -> Event:
    base = {
        "seq": 0,
        "day": 3,
        "phase": Phase.BREAKFAST,
        "kind": kind,
        "actor": "player_00",
        "target": "player_01",
        "data": SAMPLE_DATA.get(kind, {}),
    }
    base.update(kw)
    return Event(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize("kind", list(EventKind))
def test_every_kind_reads_as_one_line(kind: EventKind) -> None:
    line = describe(ev(kind), NAMES)
    assert line.startswith("Day 3, breakfast: ") and "\n" not in line
    assert "player_0" not in line  # names, not ids


def test_examples() -> None:
    murder = ev(EventKind.MURDER_REVEALED, actor=None)
    assert describe(murder, NAMES) == "Day 3, breakfast: Bob Jones was murdered in the night."
    vote = describe(ev(EventKind.VOTE, phase=Phase.ROUND_TABLE), NAMES)
    assert (
        vote
        == "Day 3, round table: Alice Smith voted for Bob Jones with the dagger (counts twice)."
    )
    assert "Alice Smith 1500.00" in describe(ev(EventKind.PAYOUT), NAMES)


def test_hidden_role_stays_hidden() -> None:
    line = describe(ev(EventKind.BANISHED, data={"role": None, "votes": {}}), NAMES)
    assert "traitor" not in line and "faithful" not in line and "not revealed" in line


def test_unknown_ids_fall_back_to_the_id() -> None:
    assert "player_09" in describe(ev(EventKind.SHIELD_AWARDED, target="player_09"), NAMES)
