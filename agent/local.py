"""`LocalPlayer`: a brain called in-process through the same wire models as over HTTP."""

from __future__ import annotations

import time
from dataclasses import replace
from typing import Any

from agent import protocol as p
from agent.adapter import (
    WireCache,
    decision_answer,
    decision_request,
    reflect_request,
    seer_request,
    setup_request,
)
from agent.brains.base import Brain
from agent.errors import NotImplementedDecision
from game.players import Answer, DecisionRequest, Reflection, SeerResult, Setup


class LocalPlayer:
    """A seat played by a brain in this process (the `inproc` runtime and the fallback)."""

    def __init__(self, brain: Brain, cache: WireCache | None = None) -> None:
        self.brain = brain
        self.cache = cache or WireCache()

    async def initialize(self, setup: Setup) -> Answer:
        return await self._call("initialize", setup_request(self.cache, setup))

    async def decide(self, request: DecisionRequest) -> Answer:
        name, body = decision_request(self.cache, request)
        start = time.perf_counter()
        try:
            response = await getattr(self.brain, name)(body)
        except NotImplementedDecision as exc:
            return Answer(status="not_implemented", error=f"{name}: {exc}")
        latency = (time.perf_counter() - start) * 1000
        answer = decision_answer(request.kind, response, latency)
        tokens_in, tokens_out = self.brain.usage()
        if tokens_in is None and tokens_out is None:
            return answer
        return replace(answer, tokens_in=tokens_in, tokens_out=tokens_out)

    async def reflect(self, reflection: Reflection) -> Answer:
        return await self._call("reflect", reflect_request(self.cache, reflection))

    async def seer_result(self, result: SeerResult) -> Answer:
        return await self._call("seer_result", seer_request(result))

    async def suspicions(self) -> Answer:
        start = time.perf_counter()
        response: p.SuspicionsResponse = await self.brain.get_suspicions()
        return Answer(
            choice=dict(response.suspicions), latency_ms=(time.perf_counter() - start) * 1000
        )

    async def _call(self, name: str, body: Any) -> Answer:
        start = time.perf_counter()
        try:
            await getattr(self.brain, name)(body)
        except NotImplementedDecision as exc:
            return Answer(status="not_implemented", error=f"{name}: {exc}")
        return Answer(latency_ms=(time.perf_counter() - start) * 1000)
