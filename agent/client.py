"""`HttpPlayer`: the engine-side client that turns an agent URL into a `Player`.

Behaviour (docs/PROTOCOL.md, "Engine behaviour"):

* one retry on transport errors that happen before an answer could exist
  (connect errors, resets, protocol errors); never on HTTP 4xx/5xx and never on a
  read timeout — the agent had its full time already;
* 404/501 on an optional endpoint -> `Answer(status="not_implemented")`, not a failure;
* timeouts, transport errors, any other non-200, unparseable or schema-invalid
  bodies -> `Answer(status="error", error=<short reason>)`, a failure;
* after `max_failures` (3) consecutive failures the seat is *disconnected*: calls
  answer `error="disconnected"` at once, without network. A successful health
  check reconnects it: `check_health()` explicitly, on every `initialize()`, and
  automatically once every `probe_every` (5) calls skipped while disconnected.

The client never picks a fallback; the referee does, from the Answer's status.
"""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import Any

import httpx
from pydantic import BaseModel

from agent import protocol as p
from agent.adapter import (
    WireCache,
    decision_answer,
    decision_request,
    parse_response,
    reflect_request,
    seer_request,
    setup_request,
)
from agent.errors import AgentUnavailable, MalformedAnswer, NotImplementedDecision
from game.players import Answer, DecisionRequest, Reflection, SeerResult, Setup

DISCONNECTED = "disconnected"
_RETRYABLE = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.ReadError,
    httpx.WriteError,
    httpx.RemoteProtocolError,
)
_JSON_HEADERS = {"Content-Type": "application/json", "Accept": "application/json"}


class HttpPlayer:
    """A seat played by an agent over HTTP."""

    def __init__(
        self,
        url: str,
        client: httpx.AsyncClient,
        *,
        seat: str,
        token: str | None = None,
        decision_timeout_s: float = 60.0,
        reflect_timeout_s: float = 30.0,
        health_timeout_s: float = 10.0,
        max_failures: int = 3,
        probe_every: int = 5,
        cache: WireCache | None = None,
    ) -> None:
        self.url = url.rstrip("/")
        self.client = client
        self.seat = seat
        self.cache = cache or WireCache()
        self.timeouts = {
            "decision": decision_timeout_s,
            "reflect": reflect_timeout_s,
            "health": health_timeout_s,
        }
        self.max_failures = max_failures
        self.probe_every = probe_every
        self.failures = 0  # consecutive
        self.disconnected = False
        self._skipped = 0
        self._headers = dict(_JSON_HEADERS)
        if token:
            self._headers["Authorization"] = f"Bearer {token}"

    # -- the Player protocol ---------------------------------------------------

    async def initialize(self, setup: Setup) -> Answer:
        """POST /initialize; a disconnected seat first tries to reconnect."""
        if self.disconnected:
            await self.check_health()
        return await self._ask("initialize", setup_request(self.cache, setup), "decision")

    async def decide(self, request: DecisionRequest) -> Answer:
        """POST the decision's endpoint and read the choice."""
        name, body = decision_request(self.cache, request)
        answer, response = await self._exchange(name, body, "decision")
        if response is None:
            return answer
        return decision_answer(request.kind, response, answer.latency_ms)

    async def reflect(self, reflection: Reflection) -> Answer:
        """POST /reflect with the new events."""
        return await self._ask("reflect", reflect_request(self.cache, reflection), "reflect")

    async def seer_result(self, result: SeerResult) -> Answer:
        """POST /seer_result (optional endpoint)."""
        return await self._ask("seer_result", seer_request(result), "reflect")

    async def suspicions(self) -> Answer:
        """GET /get_suspicions; `choice` is {id: 0..1}."""
        answer, response = await self._exchange("get_suspicions", None, "reflect")
        if not isinstance(response, p.SuspicionsResponse):
            return answer
        return Answer(choice=dict(response.suspicions), latency_ms=answer.latency_ms)

    # -- health and reconnection ----------------------------------------------

    async def check_health(self) -> bool:
        """GET /health; on success the seat is reconnected and its failure count cleared."""
        self._skipped = 0
        try:
            await self._request(p.ENDPOINTS["health"], None, self.timeouts["health"])
        except (AgentUnavailable, MalformedAnswer, NotImplementedDecision):
            return False
        self.failures, self.disconnected = 0, False
        return True

    # -- plumbing ----------------------------------------------------------------

    async def _ask(self, name: str, body: BaseModel, kind: str) -> Answer:
        answer, _ = await self._exchange(name, body, kind)
        return answer

    async def _exchange(
        self, name: str, body: BaseModel | None, kind: str
    ) -> tuple[Answer, BaseModel | None]:
        """One call, with failure accounting; the Answer carries status, error and latency."""
        if self.disconnected and not await self._probe():
            return Answer(status="error", error=DISCONNECTED), None
        start = time.perf_counter()
        try:
            response = await self._request(p.ENDPOINTS[name], body, self.timeouts[kind])
        except NotImplementedDecision as exc:
            self.failures = 0
            return Answer(status="not_implemented", error=str(exc), latency_ms=_ms(start)), None
        except (AgentUnavailable, MalformedAnswer) as exc:
            self._failed()
            return Answer(status="error", error=str(exc), latency_ms=_ms(start)), None
        self.failures = 0
        return Answer(latency_ms=_ms(start)), response

    async def _probe(self) -> bool:
        """While disconnected: one health check every `probe_every` skipped calls."""
        self._skipped += 1
        if self._skipped < self.probe_every:
            return False
        return await self.check_health()

    def _failed(self) -> None:
        self.failures += 1
        if self.failures >= self.max_failures:
            self.disconnected = True
            self._skipped = 0

    async def _request(self, ep: p.Endpoint, body: BaseModel | None, timeout_s: float) -> BaseModel:
        """Send, retry once on early transport errors, check status, parse the body."""
        content = body.model_dump_json().encode() if body is not None else None
        timeout = httpx.Timeout(timeout_s, connect=min(5.0, timeout_s))
        resp = await self._send(ep, content, timeout)
        if resp.status_code in (404, 501) and not ep.required:
            raise NotImplementedDecision(f"{ep.name}: HTTP {resp.status_code}")
        if resp.status_code != 200:
            raise AgentUnavailable(f"{ep.name}: HTTP {resp.status_code}: {_detail(resp)}")
        try:
            payload: Any = json.loads(resp.content)
        except ValueError as exc:
            raise MalformedAnswer(f"{ep.name}: body is not JSON: {resp.text[:80]!r}") from exc
        return parse_response(ep.name, payload)

    async def _send(
        self, ep: p.Endpoint, content: bytes | None, timeout: httpx.Timeout
    ) -> httpx.Response:
        url = self.url + ep.path
        for attempt in (1, 2):
            try:
                return await self.client.request(
                    ep.method, url, content=content, headers=self._headers, timeout=timeout
                )
            except httpx.TimeoutException as exc:
                if attempt == 1 and isinstance(exc, httpx.ConnectTimeout):
                    continue
                raise AgentUnavailable(f"{ep.name}: timed out ({type(exc).__name__})") from exc
            except _RETRYABLE as exc:
                if attempt == 1:
                    continue
                raise AgentUnavailable(f"{ep.name}: {type(exc).__name__}: {exc}") from exc
            except httpx.HTTPError as exc:
                raise AgentUnavailable(f"{ep.name}: {type(exc).__name__}: {exc}") from exc
        raise AssertionError("unreachable")  # pragma: no cover


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def _detail(resp: httpx.Response) -> str:
    try:
        return str(resp.json().get("detail", ""))[:200]
    except (ValueError, AttributeError):
        return resp.text[:200]


def new_client(seats: int, *, timeout_s: float = 60.0) -> httpx.AsyncClient:
    """One AsyncClient for a game: a keep-alive connection per seat, explicit timeouts.

    `trust_env=False`: agents are on loopback or a private network; a proxy from the
    environment must never sit between the engine and its agents.
    """
    limits = httpx.Limits(
        max_connections=seats * 2, max_keepalive_connections=seats * 2, keepalive_expiry=60.0
    )
    timeout = httpx.Timeout(timeout_s, connect=5.0)
    return httpx.AsyncClient(limits=limits, timeout=timeout, trust_env=False)


@asynccontextmanager
async def open_client(seats: int, *, timeout_s: float = 60.0) -> AsyncIterator[httpx.AsyncClient]:
    """`async with open_client(n) as client:` — built once per game, always closed."""
    client = new_client(seats, timeout_s=timeout_s)
    try:
        yield client
    finally:
        await client.aclose()


def http_players(
    urls: Sequence[tuple[str, str]],
    client: httpx.AsyncClient,
    *,
    token: str | None = None,
    **options: Any,
) -> dict[str, HttpPlayer]:
    """HttpPlayers by seat from (seat, url) pairs, sharing one client and one wire cache."""
    cache = WireCache()
    return {
        seat: HttpPlayer(url, client, seat=seat, token=token, cache=cache, **options)
        for seat, url in urls
    }


@asynccontextmanager
async def open_players(
    urls: Sequence[str], *, token: str | None = None, **options: Any
) -> AsyncIterator[list[HttpPlayer]]:
    """One HttpPlayer per URL (seat `player_00`, ...) on one shared client, closed at the end."""
    async with open_client(len(urls)) as client:
        pairs = [(f"player_{i:02d}", url) for i, url in enumerate(urls)]
        yield list(http_players(pairs, client, token=token, **options).values())
