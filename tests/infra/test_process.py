"""The process runtime with real `python -m agent.serve` processes."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import httpx
import pytest

from infra.base import AgentSpec, Owner
from infra.errors import AgentsNotReady
from infra.process import ProcessRuntime, agents, find_labelled, proc_cmdline

BRAIN = "random"


def specs(n: int, brain: str = BRAIN) -> list[AgentSpec]:
    return [AgentSpec(seat=f"player_{i:02d}", brain=brain) for i in range(n)]


@pytest.mark.parametrize("fork_server", [True, False])
def test_spawn_health_teardown(runtime: ProcessRuntime, owner: Owner, fork_server: bool) -> None:
    runtime.fork_server = fork_server
    handles = runtime.spawn(owner, specs(3), token="zq-secret-91")
    with pytest.raises(AgentsNotReady, match="3 agent"):  # /health wants the token too
        runtime.wait_healthy(handles, timeout_s=1.5)
    runtime.wait_healthy(handles, timeout_s=30, token="zq-secret-91")
    assert len({h.url for h in handles}) == 3
    bearer = {"Authorization": "Bearer zq-secret-91"}
    for h in handles:
        r = httpx.get(f"{h.url}/health", headers=bearer, trust_env=False)
        assert r.json()["status"] == "ok"
        cmd = proc_cmdline(int(h.ref))
        assert f"{owner.label}/" in cmd and "zq-secret-91" not in cmd  # token never on argv
        if not fork_server:
            assert f"{owner.label}/{h.seat}" in cmd
        assert httpx.get(f"{h.url}/get_suspicions", trust_env=False).status_code == 401
    assert len(find_labelled(owner.label)) == 3 + fork_server  # the fork server stays to reap
    assert runtime.teardown(owner) == 3
    assert find_labelled(owner.label) == []
    assert runtime.teardown(owner) == 0  # safe twice


def test_teardown_leaves_only_logs_that_say_something(
    runtime: ProcessRuntime, owner: Owner
) -> None:
    handles = runtime.spawn(owner, specs(2))
    runtime.wait_healthy(handles, timeout_s=30)
    folder = next(p for p in runtime.state_dir.iterdir() if p.is_dir())
    (folder / "player_01.log").write_text("a warning the user should see\n")
    runtime.teardown(owner)
    assert [p.name for p in runtime.state_dir.rglob("*")] == [folder.name, "player_01.log"]
    (folder / "player_01.log").unlink()
    assert runtime.teardown(owner) == 0  # safe twice, and tidies what is left
    assert list(runtime.state_dir.iterdir()) == []


def test_teardown_from_another_runtime_instance(
    tmp_path: Path, runtime: ProcessRuntime, owner: Owner
) -> None:
    handles = runtime.spawn(owner, specs(2))
    runtime.wait_healthy(handles, timeout_s=30)
    other = ProcessRuntime(state_dir=runtime.state_dir)  # e.g. another Prefect task
    assert other.teardown(owner) == 2
    assert find_labelled(owner.label) == []


def test_base_port(tmp_path: Path, batch_id: str) -> None:
    rt = ProcessRuntime(state_dir=tmp_path / "state", base_port=47000)
    owner = Owner(batch_id, "g1")
    with agents(rt, owner, specs(2)) as handles:
        ports = sorted(int(h.url.rsplit(":", 1)[1]) for h in handles)
        assert ports[0] >= 47000 and ports[1] > ports[0]
    assert find_labelled(owner.label) == []


def test_agents_context_tears_down_on_exception(runtime: ProcessRuntime, owner: Owner) -> None:
    with pytest.raises(RuntimeError, match="mid-game"), agents(runtime, owner, specs(2)):
        assert len(find_labelled(owner.label)) == 2 + 1  # and the fork server
        raise RuntimeError("mid-game")
    assert find_labelled(owner.label) == []


def test_agents_context_tears_down_on_keyboard_interrupt(
    runtime: ProcessRuntime, owner: Owner
) -> None:
    with pytest.raises(KeyboardInterrupt), agents(runtime, owner, specs(1)):
        raise KeyboardInterrupt
    assert find_labelled(owner.label) == []


@pytest.mark.parametrize("fork_server", [True, False])
def test_not_ready_names_seat_exit_code_and_stderr(
    runtime: ProcessRuntime, owner: Owner, fork_server: bool
) -> None:
    runtime.fork_server = fork_server
    handles = runtime.spawn(owner, [*specs(1), AgentSpec(seat="player_09", brain="no_such_brain")])
    with pytest.raises(AgentsNotReady) as err:
        runtime.wait_healthy(handles, timeout_s=20)
    msg = str(err.value)
    assert "player_09" in msg and "exited with code 1" in msg and "no_such_brain" in msg
    assert "player_00" not in msg
    assert runtime.teardown(owner) == 1


def test_teardown_never_kills_a_reused_pid(runtime: ProcessRuntime, owner: Owner) -> None:
    handles = runtime.spawn(owner, specs(1))
    runtime.wait_healthy(handles, timeout_s=30)
    path = next(runtime.state_dir.glob("*.json"))
    text = path.read_text()
    path.write_text(text.replace('"create_time": ', '"create_time": 1'))  # a different process
    assert runtime.teardown(owner) == 0
    pid = int(handles[0].ref)
    assert f"{owner.label}/" in proc_cmdline(pid)  # still alive: not ours by the record
    os.killpg(pid, signal.SIGTERM)
    deadline = time.monotonic() + 5
    while find_labelled(owner.label) and time.monotonic() < deadline:
        time.sleep(0.02)


def test_agent_dies_with_its_parent(tmp_path: Path, batch_id: str) -> None:
    """A parent that spawns agents and is SIGKILLed: the agents go too (PDEATHSIG/watchdog)."""
    import subprocess
    import sys

    script = (
        "import sys, time; from pathlib import Path; from infra.base import *; "
        "from infra.process import ProcessRuntime; "
        f"rt = ProcessRuntime(state_dir=Path({str(tmp_path)!r})); "
        f"hs = rt.spawn(Owner({batch_id!r}, 'orphan'), [AgentSpec('player_00', {BRAIN!r})]); "
        "rt.wait_healthy(hs, 30); print('ready', flush=True); time.sleep(60)"
    )
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert parent.stdout is not None and parent.stdout.readline().strip() == "ready"
        assert len(find_labelled(f"{batch_id}/orphan")) == 1 + 1  # and the fork server
    finally:
        parent.kill()
        parent.wait()
    deadline = time.monotonic() + 5
    while find_labelled(f"{batch_id}/orphan") and time.monotonic() < deadline:
        time.sleep(0.05)
    assert find_labelled(f"{batch_id}/orphan") == []


def test_fork_server_failure_is_an_infra_error(tmp_path: Path, batch_id: str) -> None:
    from infra.errors import InfraError

    rt = ProcessRuntime(state_dir=tmp_path / "state", python="/bin/false")
    with pytest.raises(InfraError, match="fork server"):
        rt.spawn(Owner(batch_id, "g1"), specs(2))
    assert rt.teardown(Owner(batch_id, "g1")) == 0
