"""HttpPlayer behaviour over the real httpx client with a MockTransport (and the real app)."""

from __future__ import annotations

import json
from collections.abc import Callable

import httpx
import pytest

from agent.client import DISCONNECTED, HttpPlayer, http_players, open_client
from agent.service import create_app
from game.players import Answer
from tests.agent.brains import EchoBrain
from tests.agent.views import setup, share_request, vote_request

Handler = Callable[[httpx.Request], httpx.Response]
VOTE_OK = {"target_player_id": "player_01", "reasoning": "why not"}


def player(handler: Handler, **kw: object) -> HttpPlayer:
    client = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    return HttpPlayer("http://agent", client, seat="player_00", **kw)  # type: ignore[arg-type]


def counting(responses: list[object]) -> tuple[Handler, list[httpx.Request]]:
    """A handler that plays `responses` in order (an exception is raised, a dict is 200 JSON)."""
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        r = responses[min(len(seen), len(responses)) - 1]
        if isinstance(r, Exception):
            raise r
        if isinstance(r, httpx.Response):
            return r
        return httpx.Response(200, json=r)

    return handler, seen


async def test_vote_ok_with_latency_and_headers() -> None:
    handler, seen = counting([VOTE_OK])
    answer = await player(handler, token="tok").decide(vote_request())
    assert answer.status == "ok" and answer.choice == "player_01" and answer.reasoning == "why not"
    assert answer.latency_ms > 0
    req = seen[0]
    assert req.url.path == "/vote" and req.headers["authorization"] == "Bearer tok"
    assert req.headers["content-type"] == "application/json"
    body = json.loads(req.content)
    assert (
        body["game_state"]["your_player_id"] == "player_00"
        and "player_01" in body["eligible_targets"]
    )


async def test_one_retry_on_connect_error() -> None:
    handler, seen = counting([httpx.ConnectError("refused"), VOTE_OK])
    pl = player(handler)
    assert (await pl.decide(vote_request())).choice == "player_01"
    assert len(seen) == 2 and pl.failures == 0


async def test_two_transport_errors_are_one_failure() -> None:
    handler, seen = counting([httpx.ReadError("reset")])
    pl = player(handler)
    answer = await pl.decide(vote_request())
    assert answer.status == "error" and "ReadError" in (answer.error or "")
    assert len(seen) == 2 and pl.failures == 1


async def test_no_retry_on_http_errors_or_read_timeout() -> None:
    for r in (httpx.Response(500, json={"detail": "bug"}), httpx.ReadTimeout("slow")):
        handler, seen = counting([r])
        pl = player(handler)
        answer = await pl.decide(vote_request())
        assert answer.status == "error" and len(seen) == 1 and pl.failures == 1


async def test_timeout_is_enforced_on_a_real_socket() -> None:
    """A server that accepts and never answers: the decision times out, no retry."""
    import asyncio

    accepted: list[int] = []

    async def silent(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        accepted.append(1)
        await asyncio.sleep(10)

    server = await asyncio.start_server(silent, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        async with open_client(1) as client:
            pl = HttpPlayer(
                f"http://127.0.0.1:{port}", client, seat="player_00", decision_timeout_s=0.3
            )
            loop = asyncio.get_running_loop()
            t0 = loop.time()
            answer = await pl.decide(vote_request())
            assert answer.status == "error" and "timed out" in (answer.error or "")
            assert 0.25 < loop.time() - t0 < 9.0  # the timeout, not the agent, ended it
            assert len(accepted) == 1
    finally:
        server.close()


async def test_timeout_reported_as_error() -> None:
    handler, _ = counting([httpx.ReadTimeout("slow")])
    answer = await player(handler).decide(vote_request())
    assert answer.status == "error" and "timed out" in (answer.error or "")


@pytest.mark.parametrize("code", [404, 501])
async def test_optional_404_501_is_not_implemented_and_not_a_failure(code: int) -> None:
    handler, _ = counting([httpx.Response(code, json={"detail": "no"})])
    pl = player(handler)
    for _ in range(5):
        answer = await pl.decide(share_request())
        assert answer.status == "not_implemented"
    assert pl.failures == 0 and not pl.disconnected


async def test_required_404_is_an_error() -> None:
    handler, _ = counting([httpx.Response(404)])
    assert (await player(handler).decide(vote_request())).status == "error"


@pytest.mark.parametrize(
    "response",
    [
        httpx.Response(200, content=b"not json"),
        httpx.Response(200, json={"reasoning": "no target"}),
        httpx.Response(200, json={"target_player_id": 7}),
        httpx.Response(200, json=["a", "list"]),
    ],
)
async def test_malformed_bodies_are_errors(response: httpx.Response) -> None:
    handler, _ = counting([response])
    pl = player(handler)
    answer = await pl.decide(vote_request())
    assert answer.status == "error" and answer.error and pl.failures == 1


async def test_three_failures_disconnect_then_fast_errors_without_network() -> None:
    handler, seen = counting([httpx.Response(500)])
    pl = player(handler, probe_every=100)
    for _ in range(3):
        await pl.decide(vote_request())
    assert pl.disconnected and len(seen) == 3
    answer = await pl.decide(vote_request())
    assert answer == Answer(status="error", error=DISCONNECTED)
    assert len(seen) == 3


async def test_success_resets_the_consecutive_count() -> None:
    handler, _ = counting([httpx.Response(500), httpx.Response(500), VOTE_OK, httpx.Response(500)])
    pl = player(handler)
    for _ in range(4):
        await pl.decide(vote_request())
    assert pl.failures == 1 and not pl.disconnected


async def test_health_check_reconnects() -> None:
    state = {"up": False}

    def handler(request: httpx.Request) -> httpx.Response:
        if not state["up"]:
            raise httpx.ConnectError("refused")
        if request.url.path == "/health":
            return httpx.Response(200, json={"status": "ok", "agent_name": "a"})
        return httpx.Response(200, json=VOTE_OK)

    pl = player(handler, probe_every=100)
    for _ in range(3):
        await pl.decide(vote_request())
    assert pl.disconnected
    assert not await pl.check_health()
    state["up"] = True
    assert await pl.check_health()
    assert not pl.disconnected and pl.failures == 0
    assert (await pl.decide(vote_request())).choice == "player_01"


async def test_disconnected_seat_probes_every_nth_call() -> None:
    state = {"up": False}

    def handler(request: httpx.Request) -> httpx.Response:
        if not state["up"]:
            return httpx.Response(503)
        if request.url.path == "/health":
            return httpx.Response(200, json={"status": "ok", "agent_name": "a"})
        return httpx.Response(200, json=VOTE_OK)

    pl = player(handler, probe_every=3)
    for _ in range(3):
        await pl.decide(vote_request())
    state["up"] = True
    assert (await pl.decide(vote_request())).error == DISCONNECTED
    assert (await pl.decide(vote_request())).error == DISCONNECTED
    assert (await pl.decide(vote_request())).choice == "player_01"  # third: probe, reconnect


async def test_against_the_real_app_every_player_method() -> None:
    brain = EchoBrain()
    transport = httpx.ASGITransport(app=create_app(brain, agent_name="echo", token="t"))
    async with httpx.AsyncClient(transport=transport) as client:
        pl = http_players([("player_00", "http://a")], client, token="t")["player_00"]
        assert (await pl.initialize(setup())).status == "ok"
        answer = await pl.decide(vote_request())
        assert answer.status == "ok" and answer.choice == "player_01"
        assert (await pl.decide(share_request())).status == "not_implemented"
        sus = await pl.suspicions()
        assert sus.status == "ok" and "player_01" in sus.choice


async def test_open_client_closes() -> None:
    async with open_client(22) as client:
        assert not client.is_closed
    assert client.is_closed
