"""The phase rules as pure functions, with forced chance outcomes."""

from __future__ import annotations

import hashlib
import random
from dataclasses import replace

import pytest

from game import breakfast as bf
from game import mission as ms
from game import round_table as rt
from game import turret as tu
from game import win
from game.config import preset
from game.errors import GameError, IllegalAction
from game.events import EventKind, Phase
from game.players import Role
from game.rng import derive_seed
from game.state import faithful_ids, living_ids, remove, seat, traitor_ids, update_seat
from tests.game.helpers import make_state, persona

UK10 = preset("uk", num_players=10)  # 2 traitors


def kinds(state) -> list[EventKind]:  # type: ignore[no-untyped-def]
    return [e.kind for e in state.events]


def test_derive_seed_is_sha256_based_and_stable() -> None:
    assert derive_seed("game", 1) == derive_seed("game", "1")
    assert derive_seed("game", 1) != derive_seed("game", 2)
    expected = int.from_bytes(hashlib.sha256(b"a:b").digest()[:8], "big")
    assert derive_seed("a", "b") == expected == 7458984759985081548


def test_new_game_deals_roles_and_logs_start() -> None:
    s = make_state(UK10, [0, 5])
    assert traitor_ids(s) == ("player_00", "player_05")
    start = s.events[0]
    assert start.kind is EventKind.GAME_STARTED and start.audience is None
    assert "roles" not in start.data and start.data["num_traitors"] == 2
    with pytest.raises(GameError):
        make_state(UK10, [0])


def test_shield_blocks_murder() -> None:
    s = update_seat(make_state(UK10, [0, 1]), "player_04", shield=True)
    s = tu.murder(tu.open_turret(s), "player_04", considered=("player_04", "player_05"))
    assert kinds(s)[-2:] == [EventKind.MURDER, EventKind.SHIELD_BLOCK]
    assert s.events[-1].audience == ("player_00", "player_01")
    assert s.pending_murder is None and "player_04" in s.shortlist
    s = bf.breakfast(replace(s, day=2))
    assert s.events[-1].kind is EventKind.NO_MURDER
    assert seat(s, "player_04").alive and not seat(s, "player_04").shield


def test_murder_is_revealed_at_breakfast() -> None:
    s = tu.murder(tu.open_turret(make_state(UK10, [0, 1])), "player_04", ("player_04", "player_06"))
    assert seat(s, "player_04").alive  # nobody knows until breakfast
    assert s.shortlist == ("player_06",)
    s = bf.breakfast(replace(s, day=2))
    e = s.events[-1]
    assert (e.kind, e.target, e.data["role"], e.audience) == (
        EventKind.MURDER_REVEALED,
        "player_04",
        "faithful",
        None,
    )
    assert not seat(s, "player_04").alive and seat(s, "player_04").fate == "murdered"
    assert s.last_murder_victim == "player_04"


def test_traitors_never_murder_traitors_or_the_dead() -> None:
    s = make_state(UK10, [0, 1])
    with pytest.raises(IllegalAction):
        tu.murder(s, "player_01")
    with pytest.raises(IllegalAction):
        tu.propose_murders(s, {"player_00": "player_01"})
    with pytest.raises(IllegalAction):
        tu.propose_murders(s, {"player_03": "player_04"})  # not a traitor


def test_australia_shield_blocks_banishment() -> None:
    cfg = preset("australia", num_players=10)
    s = update_seat(make_state(cfg, [0, 1]), "player_03", shield=True)
    s = rt.banish(rt.open_round_table(s), "player_03", {"player_03": 5})
    assert s.events[-1].kind is EventKind.BANISHMENT_BLOCKED
    assert seat(s, "player_03").alive and not seat(s, "player_03").shield
    # The same shield in the UK only protects at night.
    s = update_seat(make_state(UK10, [0, 1]), "player_03", shield=True)
    s = rt.banish(s, "player_03", {"player_03": 5})
    assert s.events[-1].kind is EventKind.BANISHED and not seat(s, "player_03").alive


def test_dagger_vote_counts_twice_and_expires() -> None:
    s = update_seat(make_state(UK10, [0, 1]), "player_02", dagger=True)
    votes = {"player_02": "player_05", "player_03": "player_06", "player_04": "player_06"}
    s = rt.cast_votes(rt.open_round_table(s), votes)
    assert [e.data["weight"] for e in s.events[-3:]] == [2, 1, 1]
    counts = rt.tally(s, votes)
    assert counts == {"player_05": 2, "player_06": 2}
    assert rt.leaders(counts) == ("player_05", "player_06")
    s = rt.banish(s, "player_05", counts)
    assert not any(x.dagger for x in s.seats)


def test_votes_must_be_for_living_others() -> None:
    s = make_state(UK10, [0, 1])
    with pytest.raises(IllegalAction):
        rt.cast_votes(s, {"player_02": "player_02"})
    s = remove(s, "player_05", "banished", True)
    with pytest.raises(IllegalAction):
        rt.cast_votes(s, {"player_02": "player_05"})
    with pytest.raises(IllegalAction):
        rt.cast_votes(s, {"player_05": "player_02"})  # the dead do not vote


def test_revote_voters_exclude_the_tied_unless_all_are_tied() -> None:
    s = make_state(UK10, [0, 1])
    tied = ("player_01", "player_02")
    assert rt.revote_voters(s, tied) == tuple(p for p in living_ids(s) if p not in tied)
    assert rt.vote_options(s, "player_05", tied) == tied
    every = living_ids(s)
    assert rt.revote_voters(s, every) == every
    assert "player_03" not in rt.vote_options(s, "player_03", every)


def test_countback_counts_earlier_round_tables_only() -> None:
    s = rt.open_round_table(make_state(UK10, [0, 1]))
    s = rt.cast_votes(
        s, {"player_02": "player_05", "player_03": "player_05", "player_04": "player_06"}
    )
    s = replace(s, day=2)
    s = rt.cast_votes(s, {"player_02": "player_06", "player_03": "player_06"})  # today: not counted
    assert rt.countback_leaders(s, ("player_05", "player_06")) == ("player_05",)
    assert rt.countback_leaders(s, ("player_07", "player_08")) == ("player_07", "player_08")
    s = rt.break_tie(s, "player_05", "countback", ("player_05", "player_06"))
    assert s.events[-1].data == {"method": "countback", "tied": ["player_05", "player_06"]}


def test_banishing_a_traitor_reveals_and_makes_recruitment_pending() -> None:
    s = rt.banish(make_state(UK10, [0, 1]), "player_01", {"player_01": 9})
    e = s.events[-1]
    assert e.data["role"] == "traitor" and s.recruit_pending
    assert seat(s, "player_01").role_revealed and tu.recruitment_due(s)
    none = make_state(preset("uk", num_players=10, recruitment="none"), [0, 1])
    assert not rt.banish(none, "player_01", {}).recruit_pending


def test_end_game_banishment_hides_role_unless_revealed() -> None:
    s = replace(make_state(UK10, [0, 1]), end_game=True, phase=Phase.END_GAME)
    hidden = rt.banish(s, "player_01", {})
    assert hidden.events[-1].data["role"] is None and not seat(hidden, "player_01").role_revealed
    open_cfg = preset("uk", num_players=10, reveal_finalist_roles=True)
    s = replace(make_state(open_cfg, [0, 1]), end_game=True)
    assert rt.banish(s, "player_01", {}).events[-1].data["role"] == "traitor"


@pytest.mark.parametrize(
    ("mode", "accepts", "murder", "forced"),
    [
        ("standard", True, False, False),
        ("standard", False, True, False),
        ("ultimatum", True, False, False),
        ("ultimatum", False, False, True),
        ("blackmail", True, True, False),
        ("blackmail", False, False, True),
    ],
)
def test_recruitment_outcomes(mode: str, accepts: bool, murder: bool, forced: bool) -> None:
    cfg = preset("uk", num_players=10, num_traitors=3, recruitment=mode)
    s = rt.banish(make_state(cfg, [0, 1, 2]), "player_02", {})  # two traitors remain
    s = tu.open_turret(s)
    s = tu.propose_recruits(s, {"player_00": "player_05", "player_01": "player_05"})
    s = tu.offer(s, "player_05")
    assert not s.recruit_pending
    assert s.events[-1].data["ultimatum"] is (mode != "standard")
    s, night = tu.answer_offer(s, "player_05", accepts)
    assert night.murder is murder
    assert (night.forced_victim == "player_05") is forced
    recruit = seat(s, "player_05")
    assert (recruit.role is Role.TRAITOR) is accepts
    if accepts:
        e = s.events[-1]
        assert e.kind is EventKind.RECRUITED
        assert set(e.audience or ()) == {"player_00", "player_01", "player_05"}
        assert recruit.recruited_day == s.day and recruit.initial_role is Role.FAITHFUL
    if forced:
        s = tu.murder(s, "player_05", reason="ultimatum")
        assert s.pending_murder == "player_05"


def test_standard_offer_from_a_lone_traitor_is_an_ultimatum() -> None:
    s = rt.banish(make_state(UK10, [0, 1]), "player_01", {})
    assert tu.is_ultimatum(s)
    relaxed = preset("uk", num_players=10, ultimatum_when_one_traitor=False)
    assert not tu.is_ultimatum(rt.banish(make_state(relaxed, [0, 1]), "player_01", {}))


def test_only_faithful_are_recruited() -> None:
    s = make_state(UK10, [0, 1])
    with pytest.raises(IllegalAction):
        tu.offer(s, "player_01")


def test_death_list_and_murder_among_it() -> None:
    cfg = preset("uk", num_players=10, death_list=True, death_list_size=3)
    s = tu.open_turret(make_state(cfg, [0, 1]))
    assert tu.death_list_size(s) == 3
    s = tu.make_death_list(s, "player_00", ("player_03", "player_04", "player_05"))
    assert s.events[-1].audience == ("player_00", "player_01")
    with pytest.raises(IllegalAction):
        tu.propose_murders(s, {"player_00": "player_06"}, ("player_03", "player_04", "player_05"))
    with pytest.raises(IllegalAction):
        tu.make_death_list(s, "player_00", ("player_01", "player_04", "player_05"))
    s = tu.propose_murders(
        s,
        {"player_00": "player_03", "player_01": "player_04"},
        ("player_03", "player_04", "player_05"),
    )
    assert tu.majority({"player_00": "player_03", "player_01": "player_04"}) == (
        "player_03",
        "player_04",
    )
    assert tu.majority({"a": "x", "b": "y", "c": "y"}) == ("y",)


def test_mission_with_forced_chance() -> None:
    cast = tuple(persona(i, dexterity=1.0 if i == 7 else 0.5) for i in range(10))
    s = make_state(UK10, [0, 1], cast)
    chance = ms.MissionChance(noise=dict.fromkeys(living_ids(s), 0.0), saboteurs=("player_00",))
    s = ms.apply_mission(s, chance)
    sab, result = s.events[-2], s.events[-1]
    assert sab.kind is EventKind.SABOTAGE and sab.audience == ("player_00", "player_01")
    perf = result.data["performance"]
    assert perf["player_00"] == pytest.approx(perf["player_02"] * ms.SABOTAGE_PENALTY, abs=1e-3)
    mean = sum(perf.values()) / len(perf)
    assert result.data["earnings"] <= UK10.mission_max_earnings * mean
    assert s.pot == result.data["earnings"] == result.data["pot"]
    assert ms.ranking(s)[0] == "player_07"
    with pytest.raises(IllegalAction):
        ms.apply_mission(s, ms.MissionChance(noise={}, saboteurs=("player_05",)))


def test_mission_chance_respects_sabotage_switch() -> None:
    off = make_state(preset("uk", num_players=10, sabotage=False), [0, 1])
    rng = random.Random(1)
    assert all(not ms.mission_chance(off, rng).saboteurs for _ in range(50))
    on = make_state(UK10, [0, 1])
    drawn = [ms.mission_chance(on, rng).saboteurs for _ in range(200)]
    assert any(drawn) and all(set(d) <= {"player_00", "player_01"} for d in drawn)


def test_shield_and_dagger_prizes() -> None:
    cast = tuple(persona(i, dexterity=1.0 if i == 7 else 0.5) for i in range(10))
    chance = ms.MissionChance(noise=dict.fromkeys([f"player_{i:02d}" for i in range(10)], 0.0))
    s = ms.apply_mission(make_state(UK10, [0, 1], cast), chance)
    s = ms.award_prize(s)
    e = s.events[-1]
    assert e.kind is EventKind.SHIELD_AWARDED and e.audience == ("player_07",)
    assert seat(s, "player_07").shield and seat(s, "player_07").shields_won == 1
    public = preset("uk", num_players=10, shield_secret=False)
    s2 = ms.award_prize(ms.apply_mission(make_state(public, [0, 1], cast), chance))
    assert s2.events[-1].audience is None
    dagger = preset("canada", num_players=10)
    s3 = replace(make_state(dagger, [0, 1], cast), day=4)
    s3 = ms.award_prize(ms.apply_mission(s3, chance), exclude="player_07")
    assert s3.events[-1].kind is EventKind.DAGGER_AWARDED and s3.events[-1].audience is None
    assert seat(s3, "player_07").dagger is False and seat(s3, s3.events[-1].target or "").dagger
    noshield = preset("uk", num_players=10, shields=False)
    s4 = ms.apply_mission(make_state(noshield, [0, 1], cast), chance)
    assert ms.award_prize(s4) == s4


def test_seer_looks_once() -> None:
    s = ms.award_seer(make_state(preset("uk", num_players=10, seer_day=1), [0, 1]), "player_05")
    assert ms.seer_due(s) is False and seat(s, "player_05").is_seer
    s, role = ms.seer_look(s, "player_05", "player_01")
    assert role is Role.TRAITOR
    assert s.events[-1].audience == ("player_05",) and s.events[-1].data["role"] == "traitor"
    with pytest.raises(IllegalAction):
        ms.seer_look(s, "player_05", "player_02")


def test_arrival_tell() -> None:
    cfg = preset("uk", num_players=10, late_traitor_chance=1.0)
    s = replace(make_state(cfg, [0, 1]), shortlist=("player_05", "player_06"))
    order = bf.arrival_chance(s, random.Random(3)).order
    assert set(order[-4:]) == {"player_00", "player_01", "player_05", "player_06"}
    never = replace(
        make_state(preset("uk", num_players=10, late_traitor_chance=0.0), [0, 1]),
        shortlist=("player_05",),
    )
    assert bf.arrival_chance(never, random.Random(3)).order[-1] == "player_05"
    s = bf.arrive(s, bf.ArrivalChance(order))
    assert s.events[-1].data["order"] == list(order) and s.shortlist == ()
    with pytest.raises(IllegalAction):
        bf.arrive(s, bf.ArrivalChance(order[:-1]))


@pytest.mark.parametrize(
    ("choices", "expected"),
    [
        (("SHARE", "SHARE"), {"player_00": 500.0, "player_01": 500.0}),
        (("STEAL", "SHARE"), {"player_00": 1000.0}),
        (("SHARE", "STEAL"), {"player_01": 1000.0}),
        (("STEAL", "STEAL"), {}),
    ],
)
def test_dilemma_outcomes(choices: tuple[str, str], expected: dict[str, float]) -> None:
    s = replace(make_state(preset("uk", num_players=6, num_traitors=2), [0, 1]), pot=1000)
    for pid in faithful_ids(s):
        s = remove(s, pid, "banished", True)
    assert win.dilemma_due(s)
    s = win.finish(s, "vote_to_end", dict(zip(("player_00", "player_01"), choices, strict=True)))
    payout, over = s.events[-2], s.events[-1]
    assert [e.kind for e in s.events[-4:-2]] == [EventKind.DILEMMA_CHOICE] * 2
    assert payout.data["amounts"] == expected
    assert over.data["end_reason"] == "dilemma" and over.data["winner"] == "traitor"
    assert s.ended and s.end_reason == "dilemma"


def test_no_dilemma_with_one_traitor_or_when_off() -> None:
    s = make_state(preset("uk", num_players=6, num_traitors=2), [0, 1])
    for pid in faithful_ids(s):
        s = remove(s, pid, "banished", True)
    off = replace(s, config=s.config.with_overrides(dilemma=False))
    assert not win.dilemma_due(off)
    assert not win.dilemma_due(remove(s, "player_01", "banished", True))


def test_payout_split_among_surviving_winners() -> None:
    s = replace(make_state(preset("uk", num_players=6), [0]), pot=1000)
    s = remove(s, "player_00", "banished", True)
    s = remove(s, "player_01", "murdered", True)
    s = remove(s, "player_02", "banished", True)
    assert win.check_win(s) == "all_traitors_banished"
    s = win.finish(s, "all_traitors_banished")
    assert s.events[-2].data["amounts"] == {
        p: 333.33 for p in ("player_03", "player_04", "player_05")
    }
    assert s.winner == "faithful"
    with pytest.raises(IllegalAction):
        win.finish(s, "boredom")


def test_parity_and_no_traitors_rules() -> None:
    cfg = preset("uk", num_players=6, num_traitors=2, parity_ends_game=True)
    s = make_state(cfg, [0, 1])
    assert win.check_win(s) is None
    s = remove(remove(s, "player_02", "banished", True), "player_03", "murdered", True)
    assert win.check_win(s) == "parity"
    off = replace(s, config=cfg.with_overrides(parity_ends_game=False))
    assert win.check_win(off) is None
    keep = make_state(preset("uk", num_players=6, end_when_no_traitors=False), [0])
    keep = remove(keep, "player_00", "banished", True)
    assert win.check_win(keep) is None and win.winner(keep) == "faithful"
