"""`agent check` against real agent processes: ours, the stdlib example, and a broken one."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from agent.check import run_check
from agent.cli import agent_app
from infra.base import AgentSpec, Owner
from infra.process import ProcessRuntime, agents
from tests.infra.ports import free_ports, wait_ready

ROOT = Path(__file__).resolve().parents[2]


def test_check_passes_against_our_agent_with_token(
    runtime: ProcessRuntime, owner: Owner, monkeypatch: pytest.MonkeyPatch
) -> None:
    with agents(
        runtime, owner, [AgentSpec(seat="player_00", brain="heuristic")], token="tk-1"
    ) as hs:
        rows = run_check(hs[0].url, "tk-1")
        monkeypatch.setenv("CHECK_TOKEN", "tk-1")
        result = CliRunner().invoke(agent_app, ["check", hs[0].url, "--token-env", "CHECK_TOKEN"])
    assert not [r for r in rows if r.status == "fail"], rows
    assert {r.status for r in rows if "invalid" in r.check} == {"pass"}
    assert result.exit_code == 0, result.output


@pytest.fixture
def minimal_agent() -> Iterator[str]:
    port = free_ports(1)[0]
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "examples" / "minimal_agent.py"), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        wait_ready([f"http://127.0.0.1:{port}"])
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.kill()
        proc.wait()


def test_check_passes_against_the_minimal_example(minimal_agent: str) -> None:
    rows = run_check(minimal_agent)
    assert not [r for r in rows if r.status == "fail"], [r for r in rows if r.status == "fail"]
    statuses = {r.check: r.status for r in rows}
    assert statuses["traitor: choose_murder_victim"] == "pass"
    assert statuses["faithful: discuss"] == "not_implemented"
    result = CliRunner().invoke(agent_app, ["check", minimal_agent])
    assert result.exit_code == 0, result.output


def test_check_fails_against_a_broken_agent(runtime: ProcessRuntime, owner: Owner) -> None:
    spec = AgentSpec(seat="player_00", brain="tests.agent.brains:CheatBrain")
    with agents(runtime, owner, [spec]) as hs:
        rows = run_check(hs[0].url)
        result = CliRunner().invoke(agent_app, ["check", hs[0].url])
    failed = {r.check for r in rows if r.status == "fail"}
    assert {"faithful: vote", "traitor: vote", "faithful: get_suspicions"} <= failed
    assert result.exit_code == 1
    assert "fail" in result.output


def test_check_fails_cleanly_when_nobody_answers() -> None:
    port = free_ports(1)[0]
    rows = run_check(f"http://127.0.0.1:{port}")
    assert len(rows) == 1 and rows[0].status == "fail" and "transport" in rows[0].detail


def test_cli_serve_runs_the_agent() -> None:
    """`agent serve` (what `traitorsim agent serve` runs) serves the protocol on the port."""
    import os
    import signal

    port = free_ports(1)[0]
    code = "from agent.cli import agent_app; agent_app()"
    proc = subprocess.Popen(
        [sys.executable, "-c", code, "serve", "--port", str(port), "--brain", "random",
         "--token-env", "CLI_TOKEN"],
        env={**os.environ, "CLI_TOKEN": "cli-tok"}, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        wait_ready([f"http://127.0.0.1:{port}"], token="cli-tok")
        rows = run_check(f"http://127.0.0.1:{port}", "cli-tok")
        assert not [r for r in rows if r.status == "fail"]
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=10)
