"""The referee: runs a game day by day, asking the injected players for every decision.

It owns the game's one `random.Random` (seeded from the game seed with sha256) and
draws every chance outcome; the rules themselves are the pure phase modules.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Coroutine, Sequence
from dataclasses import replace
from typing import Any, TypeVar

from game import breakfast as bf
from game import end_game as eg
from game import mission as ms
from game import round_table as rt
from game import turret as tu
from game import win
from game.config import GameConfig
from game.errors import GameError
from game.legal import RECRUIT_ANSWER_OPTIONS
from game.observe import observe
from game.personas import Persona, sample_cast
from game.players import DecisionKind, DecisionRequest, Player, SeerResult
from game.record import GameRecord, VoteRecord
from game.recording import build_record, vote_record
from game.rng import derive_seed
from game.state import GameState, faithful_ids, living_ids, new_game, others, traitor_ids
from game.table import Table

T = TypeVar("T")


async def play(
    config: GameConfig,
    seed: int,
    players: Sequence[Player],
    fallbacks: Sequence[Player],
    *,
    game_id: str,
    cast: Sequence[Persona] | None = None,
) -> GameRecord:
    """Play one game to the end and return its record."""
    n = config.num_players
    if len(players) != n or len(fallbacks) != n:
        raise GameError(f"need {n} players and {n} fallbacks, got {len(players)}, {len(fallbacks)}")
    rng = random.Random(derive_seed("game", seed))
    # The cast has its own stream, so a change in casting never shifts the rules' draws.
    personas = (
        tuple(cast)
        if cast is not None
        else sample_cast(random.Random(derive_seed("cast", seed)), n)
    )
    traitors = rng.sample(range(n), config.num_traitors)
    game = _Game(new_game(config, game_id, personas, traitors), Table(players, fallbacks), rng)
    await game.run()
    return build_record(game.state, seed, game.votes, game.table.records)


def play_sync(
    config: GameConfig,
    seed: int,
    players: Sequence[Player],
    fallbacks: Sequence[Player],
    *,
    game_id: str,
    cast: Sequence[Persona] | None = None,
) -> GameRecord:
    """`play` for callers without an event loop."""
    return run_sync(play(config, seed, players, fallbacks, game_id=game_id, cast=cast))


def run_sync(game: Coroutine[Any, Any, T]) -> T:
    """Run a game coroutine on a fresh event loop.

    A plain loop rather than `asyncio.run`: that one installs a SIGINT handler whose
    set-up formats the whole game coroutine, a cost that shows in sweeps of
    thousands of games. Ctrl-C still interrupts the game.
    """
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(game)
    finally:
        loop.run_until_complete(loop.shutdown_asyncgens())
        loop.close()


class _Game:
    """One game in progress: the current state, the table, the dice, the votes so far."""

    def __init__(self, state: GameState, table: Table, rng: random.Random) -> None:
        self.state = state
        self.table = table
        self.rng = rng
        self.votes: list[VoteRecord] = []

    def request(
        self, kind: DecisionKind, pid: str, options: Sequence[str], **extra: Any
    ) -> DecisionRequest:
        """A decision request with the player's current view."""
        return DecisionRequest(
            kind=kind, player_id=pid, view=observe(self.state, pid), options=tuple(options), **extra
        )

    def lot(self, candidates: Sequence[str]) -> str:
        """The only candidate, or one drawn by lot."""
        return candidates[0] if len(candidates) == 1 else self.rng.choice(sorted(candidates))

    async def run(self) -> None:
        await self.table.initialize(self.state)
        while not self.state.ended:
            await self.day()

    async def day(self) -> None:
        if self.state.day >= 2:
            await self.breakfast()
        if not self.state.ended:
            await self.mission()
        if not self.state.ended:
            await self.round_table()
        if not self.state.ended:
            await self.turret()
        if not self.state.ended:
            await self.next_day()

    async def breakfast(self) -> None:
        self.state = bf.breakfast(self.state)
        if await self.check_win():
            return
        self.state = bf.arrive(self.state, bf.arrival_chance(self.state, self.rng))
        await self.table.reflect_all(self.state)

    async def mission(self) -> None:
        self.state = ms.apply_mission(self.state, ms.mission_chance(self.state, self.rng))
        seer = None
        if ms.seer_due(self.state):
            seer = ms.ranking(self.state)[0]
            await self.seer(seer)
        self.state = ms.award_prize(self.state, exclude=seer)
        await self.table.reflect_all(self.state)

    async def seer(self, seer: str) -> None:
        self.state = ms.award_seer(self.state, seer)
        options = others(self.state, seer)
        if not options:
            return
        d = await self.table.decide(
            self.state, self.request(DecisionKind.SEER_TARGET, seer, options)
        )
        self.state, role = ms.seer_look(self.state, seer, d.choice)
        await self.table.seer_result(self.state, seer, SeerResult(target_id=d.choice, role=role))

    async def round_table(self) -> None:
        self.state = rt.open_round_table(self.state)
        if eg.end_game_due(self.state):
            self.state = eg.enter_end_game(self.state)
            await self.end_game()
            return
        await self.statements()
        await self.banishment()
        if await self.check_win():
            return
        await self.table.reflect_all(self.state)
        await self.table.suspicions_all(self.state)

    async def statements(self) -> None:
        said: list[tuple[str, str]] = []
        for pid in rt.speaking_order(self.state, self.rng):
            req = self.request(
                DecisionKind.DISCUSS, pid, others(self.state, pid), statements_so_far=tuple(said)
            )
            d = await self.table.decide(self.state, req)
            self.state = rt.make_statement(self.state, pid, d.choice, d.accuses)
            said.append((pid, d.choice))

    async def votes_round(
        self, voters: Sequence[str], round_: int, tied: tuple[str, ...] = ()
    ) -> dict[str, int]:
        reqs = [
            self.request(DecisionKind.VOTE, v, rt.vote_options(self.state, v, tied)) for v in voters
        ]
        decided = await self.table.decide_all(self.state, reqs)
        votes = {v: d.choice for v, d in zip(voters, decided, strict=True)}
        self.state = rt.cast_votes(self.state, votes, round_, tied)
        for voter, target in votes.items():
            weight = rt.weight(self.state, voter)
            self.votes.append(vote_record(self.state, voter, target, round_, weight))
        return rt.tally(self.state, votes)

    async def banishment(self) -> None:
        """Vote; a tie goes to a revote among the tied; a second tie to the tie-break."""
        counts = await self.votes_round(living_ids(self.state), 1)
        top = rt.leaders(counts)
        if len(top) > 1:
            self.state = rt.call_revote(self.state, top)
            counts = await self.votes_round(rt.revote_voters(self.state, top), 2, top)
            top = rt.leaders(counts)
        target = top[0] if len(top) == 1 else self.break_tie(top)
        self.state = rt.banish(self.state, target, counts)

    def break_tie(self, tied: tuple[str, ...]) -> str:
        """Countback (most votes at earlier round tables) if the rules say so, else lot."""
        method, pool = "lot", tied
        if self.state.config.tie_break == "countback":
            pool = rt.countback_leaders(self.state, tied)
            method = "countback" if len(pool) == 1 else "lot"
        target = self.lot(pool)
        self.state = rt.break_tie(self.state, target, method, tied)
        return target

    async def end_game(self) -> None:
        round_ = 1
        while not eg.down_to_two(self.state):
            voters = living_ids(self.state)
            reqs = [self.request(DecisionKind.VOTE_TO_END, v, eg.END_VOTE_OPTIONS) for v in voters]
            decided = await self.table.decide_all(self.state, reqs)
            votes = {v: d.choice for v, d in zip(voters, decided, strict=True)}
            self.state = eg.cast_end_votes(self.state, votes, round_)
            if eg.unanimous_end(votes):
                break
            await self.statements()
            await self.banishment()
            if await self.check_win():
                return
            await self.table.reflect_all(self.state)
            round_ += 1
        await self.finish("vote_to_end")

    async def turret(self) -> None:
        if not tu.turret_due(self.state):
            return
        self.state = tu.open_turret(self.state)
        night = tu.Night(murder=True)
        if tu.recruitment_due(self.state):
            night = await self.recruitment()
        if night.forced_victim is not None:
            self.state = tu.murder(self.state, night.forced_victim, reason="ultimatum")
        elif night.murder and faithful_ids(self.state):
            await self.murder()
        await self.table.reflect_all(self.state)

    async def recruitment(self) -> tu.Night:
        traitors, options = traitor_ids(self.state), faithful_ids(self.state)
        reqs = [self.request(DecisionKind.RECRUIT_TARGET, t, options) for t in traitors]
        decided = await self.table.decide_all(self.state, reqs)
        proposals = {t: d.choice for t, d in zip(traitors, decided, strict=True)}
        self.state = tu.propose_recruits(self.state, proposals)
        target = self.lot(tu.majority(proposals))
        ultimatum = tu.is_ultimatum(self.state)
        self.state = tu.offer(self.state, target)
        req = self.request(
            DecisionKind.RECRUIT_ANSWER, target, RECRUIT_ANSWER_OPTIONS, is_ultimatum=ultimatum
        )
        d = await self.table.decide(self.state, req)
        self.state, night = tu.answer_offer(self.state, target, bool(d.choice))
        return night

    async def murder(self) -> None:
        death_list: tuple[str, ...] | None = None
        if self.state.config.death_list:
            maker = self.lot(traitor_ids(self.state))
            size = tu.death_list_size(self.state)
            req = self.request(
                DecisionKind.DEATH_LIST, maker, faithful_ids(self.state), num_candidates=size
            )
            death_list = (await self.table.decide(self.state, req)).choice
            self.state = tu.make_death_list(self.state, maker, death_list)
        traitors = traitor_ids(self.state)
        options = death_list if death_list is not None else faithful_ids(self.state)
        reqs = [
            self.request(DecisionKind.MURDER, t, options, death_list=death_list) for t in traitors
        ]
        decided = await self.table.decide_all(self.state, reqs)
        proposals = {t: d.choice for t, d in zip(traitors, decided, strict=True)}
        self.state = tu.propose_murders(self.state, proposals, death_list)
        victim = self.lot(tu.majority(proposals))
        considered = (*proposals.values(), *(death_list or ()))
        self.state = tu.murder(self.state, victim, considered)

    async def next_day(self) -> None:
        if win.last_day(self.state):
            # The last night's body is still found before the game ends.
            self.state = bf.reveal_murder(self.state)
            await self.finish(win.check_win(self.state) or "max_days")
            return
        self.state = replace(self.state, day=self.state.day + 1)

    async def check_win(self) -> bool:
        reason = win.check_win(self.state)
        if reason is not None:
            await self.finish(reason)
        return reason is not None

    async def finish(self, reason: str) -> None:
        choices = None
        if win.dilemma_due(self.state):
            traitors = traitor_ids(self.state)
            reqs = [
                self.request(DecisionKind.SHARE_OR_STEAL, t, win.DILEMMA_OPTIONS) for t in traitors
            ]
            decided = await self.table.decide_all(self.state, reqs)
            choices = {t: d.choice for t, d in zip(traitors, decided, strict=True)}
        self.state = win.finish(self.state, reason, choices)
