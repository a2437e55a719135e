"""The referee with scripted players: mechanics end to end, fallbacks and records."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pytest

from game.config import GameConfig, preset
from game.errors import GameError
from game.events import EventKind
from game.players import Answer, DecisionKind, DecisionRequest
from game.record import GameRecord
from game.referee import play_sync
from tests.game.helpers import (
    RandomLegalPlayer,
    ScriptedPlayer,
    persona,
    plain_cast,
    random_players,
    traitors_for,
)


def play_scripted(
    config: GameConfig,
    seed: int,
    script: Callable[[DecisionRequest], Any],
    players: Sequence[Any] | None = None,
    cast: Sequence[Any] | None = None,
) -> tuple[GameRecord, list[ScriptedPlayer]]:
    n = config.num_players
    seats = (
        list(players) if players is not None else [ScriptedPlayer(script, seed=i) for i in range(n)]
    )
    record = play_sync(
        config,
        seed,
        seats,
        random_players(n, seed + 7),
        game_id="scripted",
        cast=cast if cast is not None else plain_cast(n),
    )
    return record, seats  # type: ignore[return-value]


def of(record: GameRecord, kind: EventKind, day: int | None = None) -> list[Any]:
    return [e for e in record.events if e.kind is kind and (day is None or e.day == day)]


def first_faithful(options: Sequence[str], traitors: Sequence[str]) -> str:
    return next(o for o in sorted(options) if o not in traitors)


def test_revote_then_lot() -> None:
    cfg = preset("uk", num_players=6, max_days=1)
    plan1 = {
        "player_00": "player_01",
        "player_01": "player_00",
        "player_02": "player_00",
        "player_03": "player_01",
        "player_04": "player_02",
        "player_05": "player_02",
    }
    plan2 = {"player_03": "player_00", "player_04": "player_01", "player_05": "player_02"}

    def script(req: DecisionRequest) -> Any:
        if req.kind is DecisionKind.VOTE:
            revote = any(
                e.kind is EventKind.REVOTE and e.day == req.view.day for e in req.view.history
            )
            return (plan2 if revote else plan1)[req.player_id]
        return None

    record, seats = play_scripted(cfg, 11, script)
    revote = of(record, EventKind.REVOTE, 1)
    assert revote and revote[0].data["tied"] == ["player_00", "player_01", "player_02"]
    round2 = [v for v in record.votes if v.day == 1 and v.round == 2]
    assert sorted(v.voter for v in round2) == ["player_03", "player_04", "player_05"]
    tie = of(record, EventKind.TIE_BROKEN, 1)[0]
    assert tie.data["method"] == "lot" and tie.target in ("player_00", "player_01", "player_02")
    assert of(record, EventKind.BANISHED, 1)[0].target == tie.target
    revote_requests = [r for r in seats[3].requests if r.kind is DecisionKind.VOTE][1:]
    assert revote_requests[0].options == ("player_00", "player_01", "player_02")


def test_countback_breaks_a_second_tie() -> None:
    cfg = preset("uk", num_players=8, num_traitors=1, tie_break="countback", max_days=2)
    seed = 5
    traitor = traitors_for(cfg, seed)[0]
    faithful = [f"player_{i:02d}" for i in range(8) if f"player_{i:02d}" != traitor]
    a, b, c = faithful[0], faithful[1], faithful[2]  # a goes on day 1; b gets 2 votes, c none

    def day2(req: DecisionRequest) -> str:
        if req.player_id in (b, c):
            return c if req.player_id == b else b
        rest = sorted(p.id for p in req.view.players if p.alive and p.id not in (b, c))
        return b if rest.index(req.player_id) < len(rest) // 2 else c

    def script(req: DecisionRequest) -> Any:
        if req.kind is DecisionKind.VOTE:
            if req.view.day == 2:
                return day2(req)
            return b if req.player_id in (a, faithful[3]) else a
        if req.kind is DecisionKind.MURDER:
            return next(o for o in req.options if o not in (b, c))
        return None

    record, _ = play_scripted(cfg, seed, script)
    assert of(record, EventKind.BANISHED, 1)[0].target == a
    assert of(record, EventKind.REVOTE, 2)[0].data["tied"] == sorted([b, c])
    tie = of(record, EventKind.TIE_BROKEN, 2)[0]
    assert tie.data["method"] == "countback" and tie.target == b
    assert of(record, EventKind.BANISHED, 2)[0].target == b
    lot = preset("uk", num_players=8, num_traitors=1, tie_break="lot", max_days=2)
    record, _ = play_scripted(lot, seed, script)
    assert of(record, EventKind.TIE_BROKEN, 2)[0].data["method"] == "lot"


def test_ultimatum_declined_murders_the_recruit() -> None:
    cfg = preset("uk", num_players=9, max_days=2)  # 2 traitors, standard + lone-traitor ultimatum
    seed = 3
    traitors = traitors_for(cfg, seed)
    banished = traitors[0]

    def script(req: DecisionRequest) -> Any:
        if req.kind is DecisionKind.VOTE and req.view.day == 1:
            return banished if banished in req.options else req.options[0]
        if req.kind is DecisionKind.RECRUIT_ANSWER:
            assert req.is_ultimatum
            return False
        return None

    record, _ = play_scripted(cfg, seed, script)
    assert of(record, EventKind.BANISHED, 1)[0].target == banished
    offer = of(record, EventKind.RECRUITMENT_OFFER, 1)[0]
    assert offer.data["ultimatum"] is True
    murder = of(record, EventKind.MURDER, 1)[0]
    assert murder.target == offer.target and murder.data["reason"] == "ultimatum"
    assert not of(record, EventKind.MURDER_PROPOSAL, 1)
    revealed = of(record, EventKind.MURDER_REVEALED, 2)
    blocked = of(record, EventKind.SHIELD_BLOCK, 1)
    assert (revealed and revealed[0].target == offer.target) or blocked


def test_standard_recruit_accepts_and_nobody_dies() -> None:
    cfg = preset("uk", num_players=12, num_traitors=3, max_days=2)
    seed = 8
    traitors = traitors_for(cfg, seed)

    def script(req: DecisionRequest) -> Any:
        if req.kind is DecisionKind.VOTE and req.view.day == 1:
            return traitors[0] if traitors[0] in req.options else req.options[0]
        if req.kind is DecisionKind.RECRUIT_ANSWER:
            assert not req.is_ultimatum
            return True
        return None

    record, _ = play_scripted(cfg, seed, script)
    recruited = of(record, EventKind.RECRUITED, 1)[0]
    assert not of(record, EventKind.MURDER, 1)
    assert of(record, EventKind.NO_MURDER, 2)
    rec = next(p for p in record.players if p.id == recruited.target)
    assert rec.initial_role == "faithful" and rec.final_role == "traitor" and rec.recruited_day == 1


def test_blackmail_still_murders_after_a_yes() -> None:
    cfg = preset("uk", num_players=12, num_traitors=3, recruitment="blackmail", max_days=2)
    seed = 8
    traitors = traitors_for(cfg, seed)

    def script(req: DecisionRequest) -> Any:
        if req.kind is DecisionKind.VOTE and req.view.day == 1:
            return traitors[0] if traitors[0] in req.options else req.options[0]
        if req.kind is DecisionKind.RECRUIT_ANSWER:
            return True
        return None

    record, _ = play_scripted(cfg, seed, script)
    recruit = of(record, EventKind.RECRUITED, 1)[0].target
    proposals = of(record, EventKind.MURDER_PROPOSAL, 1)
    assert recruit in {p.actor for p in proposals}  # the new traitor takes part
    assert of(record, EventKind.MURDER, 1)


def test_death_list_at_the_referee() -> None:
    cfg = preset("uk", num_players=10, death_list=True, death_list_size=3, max_days=2)
    record, seats = play_scripted(cfg, 4, lambda req: None)
    dl = of(record, EventKind.DEATH_LIST, 1)[0]
    candidates = dl.data["candidates"]
    assert len(candidates) == 3 and dl.audience is not None and dl.actor in dl.audience
    for p in of(record, EventKind.MURDER_PROPOSAL, 1):
        assert p.target in candidates
    murder_reqs = [
        r for s in seats for r in s.requests if r.kind is DecisionKind.MURDER and r.view.day == 1
    ]
    assert murder_reqs and all(r.death_list == tuple(candidates) for r in murder_reqs)


def test_seer_is_awarded_and_told() -> None:
    cfg = preset("uk", num_players=8, seer_day=1, max_days=1)
    cast = tuple(
        persona(i, dexterity=1.0, intellect=1.0) if i == 3 else persona(i) for i in range(8)
    )
    record, seats = play_scripted(cfg, 2, lambda req: None, cast=cast)
    award = of(record, EventKind.SEER_AWARDED, 1)[0]
    perf = of(record, EventKind.MISSION_RESULT, 1)[0].data["performance"]
    assert award.target == max(perf, key=lambda p: (perf[p], -int(p[7:])))
    seer = seats[int(award.target[7:])]
    look = of(record, EventKind.SEER_LOOK, 1)[0]
    assert look.audience == (award.target,)
    assert seer.seer_results[0].target_id == look.target
    assert seer.seer_results[0].role.value == look.data["role"]
    shield = of(record, EventKind.SHIELD_AWARDED, 1)
    assert shield and shield[0].target != award.target
    assert any(d.kind == "seer_result" for d in record.decisions)


def test_dagger_doubles_a_vote_at_the_referee() -> None:
    cfg = preset("canada", num_players=10, dagger_days=(1,), max_days=1)
    record, _ = play_scripted(cfg, 6, lambda req: None)
    holder = of(record, EventKind.DAGGER_AWARDED, 1)[0].target
    weights = {v.voter: v.weight for v in record.votes if v.day == 1}
    assert weights[holder] == 2 and sum(weights.values()) == len(weights) + 1


def _end_game_script(traitor: str, first_round_banish: bool) -> Callable[[DecisionRequest], Any]:
    def script(req: DecisionRequest) -> Any:
        if req.kind is DecisionKind.VOTE:
            return first_faithful(req.options, (traitor,))
        if req.kind is DecisionKind.VOTE_TO_END:
            rounds = sum(
                1
                for e in req.view.history
                if e.kind is EventKind.BANISHED and e.data["role"] is None
            )
            return (
                "BANISH"
                if first_round_banish and rounds == 0 and req.player_id == traitor
                else "END"
            )
        return None

    return script


def test_unanimous_vote_to_end() -> None:
    cfg = preset("uk", num_players=6, finalists=4)
    traitor = traitors_for(cfg, 9)[0]
    record, _ = play_scripted(cfg, 9, _end_game_script(traitor, False))
    assert record.end_reason == "vote_to_end" and record.winner == "traitor"
    ends = of(record, EventKind.END_GAME_VOTE)
    assert ends and all(e.data["vote"] == "END" for e in ends)
    assert sum(1 for p in record.players if p.fate == "survived") == len(ends) <= 4
    winners = [p for p in record.players if p.won]
    assert [p.id for p in winners] == [traitor]
    assert winners[0].payout == record.prize_pot


def test_split_vote_to_end_banishes_again_with_hidden_role() -> None:
    cfg = preset("uk", num_players=6, finalists=4)
    traitor = traitors_for(cfg, 9)[0]
    record, _ = play_scripted(cfg, 9, _end_game_script(traitor, True))
    rounds = {e.data["round"] for e in of(record, EventKind.END_GAME_VOTE)}
    assert rounds == {1, 2}
    hidden = [e for e in of(record, EventKind.BANISHED) if e.phase.value == "end_game"]
    assert hidden and hidden[0].data["role"] is None
    assert all(v.end_game for v in record.votes if v.day == hidden[0].day)
    assert record.end_reason == "vote_to_end"


def test_two_traitors_reach_the_dilemma() -> None:
    cfg = preset("uk", num_players=6, num_traitors=2, finalists=4)
    seed = 12
    traitors = traitors_for(cfg, seed)

    def script(req: DecisionRequest) -> Any:
        if req.kind is DecisionKind.VOTE:
            return first_faithful(req.options, traitors)
        if req.kind is DecisionKind.VOTE_TO_END:
            return "BANISH"
        if req.kind is DecisionKind.SHARE_OR_STEAL:
            return "STEAL" if req.player_id == traitors[0] else "SHARE"
        return None

    record, _ = play_scripted(cfg, seed, script)
    assert record.end_reason == "dilemma" and record.winner == "traitor"
    choices = {e.actor: e.data["decision"] for e in of(record, EventKind.DILEMMA_CHOICE)}
    assert set(choices) == set(traitors)
    payout = {p.id: p.payout for p in record.players}
    assert payout[traitors[0]] == record.prize_pot and payout[traitors[1]] == 0.0


def test_max_days_ends_the_game() -> None:
    cfg = preset("uk", num_players=10, max_days=1)
    record, _ = play_scripted(cfg, 1, lambda req: None)
    assert record.days == 1 and record.end_reason == "max_days" and record.winner == "traitor"
    assert record.events[-1].kind is EventKind.GAME_OVER and record.events[-1].day == 1


def test_parity_ends_the_game() -> None:
    cfg = preset("uk", num_players=6, num_traitors=2, parity_ends_game=True)
    seed = 12
    traitors = traitors_for(cfg, seed)

    def script(req: DecisionRequest) -> Any:
        if req.kind is DecisionKind.VOTE:
            return first_faithful(req.options, traitors)
        return None

    record, _ = play_scripted(cfg, seed, script)
    assert record.end_reason in ("parity", "dilemma")
    assert record.winner == "traitor"
    assert any(
        e.data.get("end_reason") == record.end_reason for e in of(record, EventKind.GAME_OVER)
    )


class _Stubborn(RandomLegalPlayer):
    """Votes for itself (illegal) and refuses to make statements."""

    async def decide(self, request: DecisionRequest) -> Answer:
        if request.kind is DecisionKind.VOTE:
            return Answer(choice=request.player_id, reasoning="me!")
        if request.kind is DecisionKind.DISCUSS:
            return Answer(status="not_implemented", error="discuss: 501")
        return await super().decide(request)


class _Broken(RandomLegalPlayer):
    async def decide(self, request: DecisionRequest) -> Answer:
        if request.kind is DecisionKind.VOTE:
            return Answer(choice="player_99")
        return await super().decide(request)


def test_illegal_answers_go_to_the_fallback_and_are_recorded() -> None:
    cfg = preset("uk", num_players=6, max_days=1)
    players = [_Stubborn(i) if i == 0 else RandomLegalPlayer(i) for i in range(6)]
    record, _ = play_scripted(cfg, 1, lambda req: None, players=players)
    votes = [d for d in record.decisions if d.player_id == "player_00" and d.kind == "vote"]
    assert votes and all(d.source == "fallback" for d in votes)
    assert all("illegal" in (d.error or "") and "player_00" in (d.error or "") for d in votes)
    assert all(d.choice != "player_00" for d in votes)
    talk = [d for d in record.decisions if d.player_id == "player_00" and d.kind == "discuss"]
    assert talk and all(d.source == "not_implemented" and "501" in (d.error or "") for d in talk)
    assert record.fallback_count() == len(votes)


def test_fallback_failing_too_takes_the_first_option() -> None:
    cfg = preset("uk", num_players=6, max_days=1)
    n = 6
    record = play_sync(
        cfg,
        1,
        [_Broken(i) if i == 2 else RandomLegalPlayer(i) for i in range(n)],
        [_Broken(i) for i in range(n)],
        game_id="x",
        cast=plain_cast(n),
    )
    d = next(d for d in record.decisions if d.player_id == "player_02" and d.kind == "vote")
    assert d.source == "fallback" and "fallback failed" in (d.error or "")
    living_others = sorted(p for p in (f"player_{i:02d}" for i in range(n)) if p != "player_02")
    assert d.choice == living_others[0]


class _Crashing(RandomLegalPlayer):
    async def reflect(self, reflection: Any) -> Answer:
        raise RuntimeError("boom")


def test_every_call_is_recorded_in_order() -> None:
    cfg = preset("uk", num_players=6, max_days=2)
    players = [_Crashing(0)] + [RandomLegalPlayer(i) for i in range(1, 6)]
    record, _ = play_scripted(cfg, 3, lambda req: None, players=players)
    assert [d.index for d in record.decisions] == list(range(len(record.decisions)))
    kinds = {d.kind for d in record.decisions}
    assert {"initialize", "reflect", "get_suspicions", "vote", "discuss"} <= kinds
    inits = [d for d in record.decisions if d.kind == "initialize"]
    assert len(inits) == 6 and {d.source for d in inits} == {"agent"}
    crashed = [d for d in record.decisions if d.kind == "reflect" and d.player_id == "player_00"]
    assert crashed and all("boom" in (d.error or "") for d in crashed)
    assert record.rules_version == "1.0"


def test_wrong_number_of_seats_is_refused() -> None:
    cfg = preset("uk", num_players=6)
    with pytest.raises(GameError, match="need 6 players"):
        play_sync(cfg, 1, random_players(5, 1), random_players(6, 2), game_id="x")
    with pytest.raises(GameError, match="cast has 5"):
        play_sync(
            cfg, 1, random_players(6, 1), random_players(6, 2), game_id="x", cast=plain_cast(5)
        )
