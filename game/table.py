"""The referee's side of the table: asking players, checking answers, recording every call.

Simultaneous questions are asked concurrently and their records appended in seat
order, so the decision log is deterministic whatever order the answers arrive in.
An answer that failed or is illegal is replaced by the seat's fallback player's;
if that is illegal too, the first legal option in sorted order is taken.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Sequence
from dataclasses import dataclass
from typing import Any

from game.errors import IllegalAction
from game.events import Event
from game.legal import as_text, last_resort, legal_choice
from game.observe import observe, setup_for
from game.players import Answer, DecisionRequest, Player, Reflection, SeerResult
from game.record import DecisionRecord, Source
from game.state import GameState, living_ids, seat_index


@dataclass(frozen=True, slots=True)
class Decided:
    """A legal choice and how it was reached."""

    choice: Any
    accuses: str | None
    source: Source
    answer: Answer
    error: str | None


async def _safely(call: Awaitable[Answer]) -> Answer:
    # A player that raises is treated as a failed answer: recorded, never silent.
    try:
        return await call
    except Exception as exc:  # any player bug becomes a recorded error, never a crash
        return Answer(status="error", error=f"{type(exc).__name__}: {exc}")


class Table:
    """The seats' players and fallbacks, and the record of every call made to them."""

    def __init__(self, players: Sequence[Player], fallbacks: Sequence[Player]) -> None:
        self.players = tuple(players)
        self.fallbacks = tuple(fallbacks)
        self.records: list[DecisionRecord] = []
        self.reflected = 0  # events already sent to reflections

    def _record(
        self,
        state: GameState,
        pid: str,
        kind: str,
        source: Source,
        choice: str,
        answer: Answer,
        error: str | None,
    ) -> None:
        self.records.append(
            DecisionRecord(
                index=len(self.records),
                day=state.day,
                phase=state.phase.value,
                player_id=pid,
                kind=kind,
                source=source,
                choice=choice,
                reasoning=answer.reasoning,
                latency_ms=answer.latency_ms,
                error=error,
                tokens_in=answer.tokens_in,
                tokens_out=answer.tokens_out,
            )
        )

    def _plain(
        self,
        state: GameState,
        pid: str,
        kind: str,
        answer: Answer,
        source: Source,
        choice: str = "",
    ) -> None:
        if answer.status == "not_implemented":
            source = "not_implemented"
        self._record(state, pid, kind, source, choice, answer, answer.error)

    async def initialize(self, state: GameState) -> None:
        """Start the game for every player and fallback."""
        ids = [s.id for s in state.seats]
        setups = [setup_for(state, pid) for pid in ids]
        main = await asyncio.gather(
            *(_safely(p.initialize(s)) for p, s in zip(self.players, setups, strict=True))
        )
        spare = await asyncio.gather(
            *(_safely(p.initialize(s)) for p, s in zip(self.fallbacks, setups, strict=True))
        )
        for pid, answer in zip(ids, main, strict=True):
            self._plain(state, pid, "initialize", answer, "agent")
        # A fallback's start-up is only recorded when it fails: `fallback_count` counts
        # decisions the fallback made, and a healthy spare has made none.
        for pid, answer in zip(ids, spare, strict=True):
            if answer.status != "ok":
                self._plain(state, pid, "initialize", answer, "fallback")

    async def _ask(self, req: DecisionRequest) -> Decided:
        i = seat_index(req.player_id)
        answer = await _safely(self.players[i].decide(req))
        try:
            choice, accuses = _checked(req, answer)
            return Decided(choice, accuses, "agent", answer, None)
        except IllegalAction as exc:
            problem = str(exc) if answer.status == "ok" else _failure(answer)
        source: Source = "not_implemented" if answer.status == "not_implemented" else "fallback"
        spare = await _safely(self.fallbacks[i].decide(req))
        try:
            choice, accuses = _checked(req, spare)
        except IllegalAction as exc:
            choice, accuses = last_resort(req)
            problem += f"; fallback failed ({exc}); took the first option"
        return Decided(choice, accuses, source, spare, problem)

    def _log(self, state: GameState, req: DecisionRequest, d: Decided) -> None:
        self._record(
            state, req.player_id, req.kind.value, d.source, as_text(d.choice), d.answer, d.error
        )

    async def decide(self, state: GameState, req: DecisionRequest) -> Decided:
        """Ask one player one question."""
        decided = await self._ask(req)
        self._log(state, req, decided)
        return decided

    async def decide_all(self, state: GameState, reqs: Sequence[DecisionRequest]) -> list[Decided]:
        """Ask several players at once; records are kept in request order."""
        results = await asyncio.gather(*(self._ask(r) for r in reqs))
        for req, decided in zip(reqs, results, strict=True):
            self._log(state, req, decided)
        return list(results)

    async def reflect_all(self, state: GameState) -> None:
        """Send every living player the events they may see since the last reflection."""
        new = state.events[self.reflected :]
        self.reflected = len(state.events)
        calls: list[tuple[str, Awaitable[Answer]]] = []
        for pid in living_ids(state):
            mine = tuple(e for e in new if _sees(e, pid))
            if mine:
                player = self.players[seat_index(pid)]
                calls.append((pid, _safely(player.reflect(Reflection(observe(state, pid), mine)))))
        answers = await asyncio.gather(*(c for _, c in calls))
        for (pid, _), answer in zip(calls, answers, strict=True):
            self._plain(state, pid, "reflect", answer, "agent")

    async def suspicions_all(self, state: GameState) -> None:
        """Ask every living player for their suspicions (recorded for analysis)."""
        ids = living_ids(state)
        answers = await asyncio.gather(
            *(_safely(self.players[seat_index(p)].suspicions()) for p in ids)
        )
        for pid, answer in zip(ids, answers, strict=True):
            self._plain(state, pid, "get_suspicions", answer, "agent", as_text(answer.choice))

    async def seer_result(self, state: GameState, pid: str, result: SeerResult) -> None:
        """Tell the seer what they saw."""
        answer = await _safely(self.players[seat_index(pid)].seer_result(result))
        self._plain(state, pid, "seer_result", answer, "agent", result.role.value)


def _failure(answer: Answer) -> str:
    return f"{answer.status}: {answer.error or 'no answer'}"


def _checked(req: DecisionRequest, answer: Answer) -> tuple[Any, str | None]:
    """The legal choice of an answer; IllegalAction if it failed or is not legal."""
    if answer.status != "ok":
        raise IllegalAction(answer.choice, req.options, _failure(answer))
    try:
        return legal_choice(req, answer)
    except IllegalAction as exc:
        raise IllegalAction(exc.choice, exc.options, f"illegal {req.kind.value}") from exc


def _sees(e: Event, pid: str) -> bool:
    return e.audience is None or pid in e.audience
