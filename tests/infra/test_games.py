"""Whole games over the process runtime: HTTP agents, the same log as in-process, crashes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from agent.brains import make_brain
from agent.client import HttpPlayer, http_players, open_client
from agent.local import LocalPlayer
from game.config import preset
from game.players import Answer, DecisionKind, DecisionRequest, Player
from game.record import GameRecord
from game.referee import play
from infra.base import AgentHandle, AgentSpec, Owner
from infra.process import ProcessRuntime, agents
from tests.infra.ports import free_ports, wait_ready

SEED = 20261204
DECISIONS = {k.value for k in DecisionKind}
TOKEN = "game-token-77"
ROOT = Path(__file__).resolve().parents[2]


def fallbacks(n: int) -> list[Player]:
    return [LocalPlayer(make_brain("heuristic")) for _ in range(n)]


async def play_http(
    handles: Sequence[AgentHandle],
    n: int,
    token: str | None,
    seed: int = SEED,
    kill_after: int | None = None,
) -> tuple[GameRecord, dict[str, HttpPlayer]]:
    async with open_client(n) as client:
        players = http_players([(h.seat, h.url) for h in handles], client, token=token)
        seats = list(players.values())
        if kill_after is not None:
            _kill_after_decisions(players[handles[3].seat], handles[3], kill_after)
        rec = await play(preset("uk", num_players=n), seed, seats, fallbacks(n), game_id="g1")
    return rec, players


def _kill_after_decisions(player: HttpPlayer, handle: AgentHandle, n: int) -> None:
    """SIGKILL the agent's process right after its n-th decision."""
    decide = player.decide
    count = 0

    async def decide_then_kill(request: DecisionRequest) -> Answer:
        nonlocal count
        answer = await decide(request)
        count += 1
        if count == n:
            os.kill(int(handle.ref), signal.SIGKILL)
        return answer

    player.decide = decide_then_kill  # type: ignore[method-assign]


def heuristic(n: int) -> list[AgentSpec]:
    return [AgentSpec(seat=f"player_{i:02d}", brain="heuristic") for i in range(n)]


async def test_full_22_player_game_over_http_matches_inproc(
    runtime: ProcessRuntime, owner: Owner
) -> None:
    with agents(runtime, owner, heuristic(22), token=TOKEN) as handles:
        rec, _ = await play_http(handles, 22, TOKEN)
    assert rec.winner in ("faithful", "traitor")
    agent_decisions = [d for d in rec.decisions if d.source == "agent"]
    assert len(agent_decisions) > 500
    local = await play(
        preset("uk", num_players=22), SEED, fallbacks(22), fallbacks(22), game_id="g1"
    )
    assert rec.event_log_sha256 == local.event_log_sha256
    assert [d.source for d in rec.decisions] == [d.source for d in local.decisions]


async def test_killed_agent_seat_falls_back(runtime: ProcessRuntime, owner: Owner) -> None:
    n = 12
    with agents(runtime, owner, heuristic(n)) as handles:
        victim = handles[3]
        os.kill(int(victim.ref), signal.SIGKILL)  # dead before the first call
        rec, players = await play_http(handles, n, None)
    seat_id = [d.player_id for d in rec.decisions if d.kind == "initialize"][3]
    mine = [d for d in rec.decisions if d.player_id == seat_id and d.kind in DECISIONS]
    assert mine and all(d.source == "fallback" for d in mine)
    assert any("disconnected" in (d.error or "") for d in mine)
    calls = [d for d in rec.decisions if d.player_id == seat_id and d.kind not in DECISIONS]
    assert all(d.error for d in calls if d.source == "agent")  # reflect etc.: recorded errors
    others = [d for d in rec.decisions if d.player_id != seat_id and d.kind == "vote"]
    assert all(d.source == "agent" for d in others)
    assert players[victim.seat].disconnected


async def test_agent_killed_mid_game(runtime: ProcessRuntime, owner: Owner) -> None:
    n = 22
    with agents(runtime, owner, heuristic(n)) as handles:
        rec, _ = await play_http(handles, n, None, kill_after=5)
    assert rec.winner in ("faithful", "traitor")
    seat_id = [d.player_id for d in rec.decisions if d.kind == "initialize"][3]
    mine = [d for d in rec.decisions if d.player_id == seat_id and d.kind in DECISIONS]
    assert [d.source for d in mine[:5]] == ["agent"] * 5  # alive at first
    assert mine[5:] and all(d.source == "fallback" for d in mine[5:]), [d.source for d in mine]


@pytest.fixture
def minimal_agents(batch_id: str) -> Iterator[list[AgentHandle]]:
    """Ten examples/minimal_agent.py processes (stdlib v1 agents), killed by pid afterwards."""
    procs, handles = [], []
    try:
        for i, port in enumerate(free_ports(10)):
            procs.append(
                subprocess.Popen(
                    [
                        sys.executable,
                        str(ROOT / "examples" / "minimal_agent.py"),
                        "--port",
                        str(port),
                        "--seed",
                        str(i),
                        "--name",
                        f"minimal-{batch_id}",
                    ],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )
            handles.append(
                AgentHandle(
                    seat=f"player_{i:02d}", url=f"http://127.0.0.1:{port}", ref=str(procs[-1].pid)
                )
            )
        wait_ready([h.url for h in handles])
        yield handles
    finally:
        for proc in procs:
            proc.kill()
            proc.wait()


async def test_full_game_with_ten_minimal_agents(minimal_agents: list[AgentHandle]) -> None:
    rec, _ = await play_http(minimal_agents, 10, None)
    assert rec.winner in ("faithful", "traitor")
    sources = {(d.kind, d.source) for d in rec.decisions}
    assert ("vote", "agent") in sources
    assert ("discuss", "not_implemented") in sources  # 404 from the v1 agent
    failed = [
        d for d in rec.decisions if d.source == "fallback" or (d.error and d.source == "agent")
    ]
    assert not failed, failed[:3]
