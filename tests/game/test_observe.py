"""`observe` and `setup_for`: who may see which role and which events."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from game import breakfast as bf
from game import mission as ms
from game import round_table as rt
from game import turret as tu
from game.config import preset
from game.events import EventKind
from game.observe import observe, setup_for
from game.players import Role
from game.state import remove, seat, update_seat
from tests.game.helpers import make_state

UK10 = preset("uk", num_players=10)


def roles(view) -> dict[str, Role | None]:  # type: ignore[no-untyped-def]
    return {p.id: p.role for p in view.players}


def test_faithful_sees_only_their_own_role() -> None:
    s = make_state(UK10, [0, 1])
    v = observe(s, "player_05")
    assert v.your_role is Role.FAITHFUL and v.fellow_traitors == ()
    assert {pid: r for pid, r in roles(v).items() if r is not None} == {"player_05": Role.FAITHFUL}


def test_traitors_see_each_other() -> None:
    s = make_state(UK10, [0, 1])
    v = observe(s, "player_00")
    assert v.fellow_traitors == ("player_01",)
    assert {pid for pid, r in roles(v).items() if r is not None} == {"player_00", "player_01"}


def test_revealed_dead_are_seen_and_hidden_finalists_are_not() -> None:
    s = rt.banish(make_state(UK10, [0, 1]), "player_01", {})
    assert roles(observe(s, "player_05"))["player_01"] is Role.TRAITOR
    assert observe(s, "player_05").banished_players == ("Player 01",)
    s = replace(s, end_game=True)
    s = rt.banish(s, "player_00", {})
    assert roles(observe(s, "player_05"))["player_00"] is None


def test_murder_victim_stays_alive_until_breakfast() -> None:
    s = tu.murder(tu.open_turret(make_state(UK10, [0, 1])), "player_04")
    v = observe(s, "player_05")
    assert all(p.alive for p in v.players)
    assert not any(e.kind is EventKind.MURDER for e in v.history)
    assert any(e.kind is EventKind.MURDER for e in observe(s, "player_01").history)
    s = bf.breakfast(replace(s, day=2))
    v = observe(s, "player_05")
    assert roles(v)["player_04"] is Role.FAITHFUL and v.last_murder_victim == "Player 04"
    assert v.murdered_players == ("Player 04",)


def test_recruitment_is_told_to_recruit_and_traitors_only() -> None:
    s = rt.banish(
        make_state(preset("uk", num_players=10, num_traitors=3), [0, 1, 2]), "player_02", {}
    )
    s = tu.offer(tu.open_turret(s), "player_05")
    s, _ = tu.answer_offer(s, "player_05", True)
    outsider = observe(s, "player_06")
    assert not any(e.kind.value.startswith("recruit") for e in outsider.history)
    assert roles(outsider)["player_05"] is None
    recruit = observe(s, "player_05")
    assert recruit.your_role is Role.TRAITOR and set(recruit.fellow_traitors) == {
        "player_00",
        "player_01",
    }
    assert {e.kind for e in recruit.history} >= {EventKind.RECRUITMENT_OFFER, EventKind.RECRUITED}
    assert roles(observe(s, "player_00"))["player_05"] is Role.TRAITOR


def test_secret_shield_and_seer() -> None:
    chance = ms.MissionChance(noise={f"player_{i:02d}": 0.0 for i in range(10)})
    s = ms.award_prize(ms.apply_mission(make_state(UK10, [0, 1]), chance))
    holder = next(x.id for x in s.seats if x.shield)
    other = next(x.id for x in s.seats if not x.shield and x.role is Role.FAITHFUL)
    assert observe(s, holder).has_shield and not observe(s, other).has_shield
    assert not any(e.kind is EventKind.SHIELD_AWARDED for e in observe(s, other).history)
    s = ms.award_seer(s, other)
    s, _ = ms.seer_look(s, other, "player_00")
    assert observe(s, other).is_seer
    assert any(e.kind is EventKind.SEER_LOOK for e in observe(s, other).history)
    assert (
        roles(observe(s, other))["player_00"] is None
    )  # the seer learns it privately, not in views
    assert not any(e.kind is EventKind.SEER_LOOK for e in observe(s, "player_00").history)


def test_setup_for() -> None:
    s = make_state(UK10, [0, 1])
    t = setup_for(s, "player_00")
    assert t.you.role is Role.TRAITOR and [f.id for f in t.fellow_traitors] == ["player_01"]
    assert all(f.role is Role.TRAITOR for f in t.fellow_traitors)
    f = setup_for(s, "player_04")
    assert f.you.role is Role.FAITHFUL and f.fellow_traitors == ()


def test_history_cache_survives_branching_states() -> None:
    base = make_state(UK10, [0, 1])
    observe(base, "player_03")
    left = rt.make_statement(rt.open_round_table(base), "player_02", "left", None)
    right = tu.murder(tu.open_turret(base), "player_04")
    right = rt.make_statement(right, "player_03", "right", None)
    for s in (left, right, left, base):
        for pid in ("player_00", "player_03"):
            expected = tuple(e for e in s.events if e.visible_to(pid))
            assert observe(s, pid).history == expected


@settings(max_examples=150, deadline=None)
@given(
    traitors=st.sets(st.integers(0, 9), min_size=1, max_size=3),
    dead=st.dictionaries(st.integers(0, 9), st.booleans(), max_size=6),
    viewer=st.integers(0, 9),
)
def test_property_no_living_non_teammate_role(
    traitors: set[int], dead: dict[int, bool], viewer: int
) -> None:
    cfg = preset("uk", num_players=10, num_traitors=len(traitors))
    s = make_state(cfg, sorted(traitors))
    for i, revealed in dead.items():
        if i != viewer:
            s = remove(s, f"player_{i:02d}", "banished", revealed)
    s = update_seat(s, f"player_{viewer:02d}", shield=True)
    me = seat(s, f"player_{viewer:02d}")
    for p in observe(s, me.id).players:
        other = seat(s, p.id)
        if p.id == me.id:
            assert p.role is me.role
        elif other.alive:
            assert p.role is (other.role if me.role is other.role is Role.TRAITOR else None)
        else:
            teammate = me.role is other.role is Role.TRAITOR
            assert p.role is (other.role if other.role_revealed or teammate else None)
