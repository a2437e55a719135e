"""Whole-process tests: a batch SIGKILLed mid-run and resumed; deployments on a real server.

Every process is started in its own session and its group is killed when the test ends.
"""

from __future__ import annotations

import json
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from analysis.load import load_table
from analysis.schema import completed_game_ids
from infra.process import find_labelled
from tests.flows.conftest import PYTHON, REPO, Group, subprocess_env
from tests.infra.ports import free_ports

PREFECT = str(REPO / ".venv" / "bin" / "prefect")


def _batch_args(out: Path, batch_id: str, games: int) -> list[str]:
    return [
        PYTHON, "-m", "flows.cli_batch", "batch", "--games", str(games), "--batch-id", batch_id,
        "--seed", "4", "--concurrency", "2", "--out", str(out), "--players", "6",
    ]  # fmt: skip


def _wait_for(predicate: object, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


def test_sigkilled_batch_resumes_to_exactly_n_games(procs: Group, tmp_path: Path) -> None:
    out, games = tmp_path / "results", 8
    env = subprocess_env(tmp_path / "home")
    log = (tmp_path / "first.log").open("w")
    first = procs.start(_batch_args(out, "kill", games), env=env, cwd=tmp_path, stdout=log,
                        stderr=subprocess.STDOUT)  # fmt: skip
    _wait_for(lambda: len(completed_game_ids(out, "kill")) >= 2, 180, "two finished games")
    procs.kill(first)  # SIGKILL to the whole group: CLI, ephemeral server, agents
    done_at_kill = completed_game_ids(out, "kill")
    assert len(done_at_kill) < games, "the batch finished before it could be killed"
    _wait_for(lambda: not find_labelled("kill/"), 10, "agents of the killed batch to exit")

    second = procs.start(_batch_args(out, "kill", games), env=env, cwd=tmp_path,
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)  # fmt: skip
    output, _ = second.communicate(timeout=240)
    assert second.returncode == 0, output
    frame = load_table("games", out)
    assert sorted(frame["game_id"]) == [f"kill-{i:04d}" for i in range(games)]
    players = load_table("players", out)
    assert len(players) == games * 6
    assert not players.duplicated(["game_id", "player_id"]).any()
    events = load_table("events", out)
    assert not events.duplicated(["game_id", "seq"]).any()
    assert not list(out.rglob("*.tmp")) or all(p.name.startswith(".") for p in out.rglob("*.tmp"))


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as resp:
            return bool(resp.status == 200)
    except OSError:
        return False


@pytest.mark.slow
def test_deployment_run_on_a_real_server(procs: Group, tmp_path: Path) -> None:
    port = free_ports(1)[0]
    api = f"http://127.0.0.1:{port}/api"
    env = subprocess_env(tmp_path / "home", PREFECT_API_URL=api, PREFECT_RUNNER_POLL_FREQUENCY="1")
    server_log = (tmp_path / "server.log").open("w")
    procs.start([PREFECT, "server", "start", "--host", "127.0.0.1", "--port", str(port),
                 "--analytics-off"], env=env, cwd=tmp_path, stdout=server_log,
                stderr=subprocess.STDOUT)  # fmt: skip
    _wait_for(lambda: _healthy(f"{api}/health"), 120, "the Prefect server")
    serve_log = (tmp_path / "serve.log").open("w")
    procs.start([PYTHON, "-m", "flows.cli_batch", "serve"], env=env, cwd=REPO,
                stdout=serve_log, stderr=subprocess.STDOUT)  # fmt: skip
    out = tmp_path / "results"
    params = {"out": str(out), "batch_id": "dep", "players": 6, "concurrency": 2}
    run = [PREFECT, "deployment", "run", "batch/default", "-p", "games=2", "--params",
           json.dumps(params), "--watch", "--watch-timeout", "180"]  # fmt: skip
    deadline = time.monotonic() + 60
    while True:
        done = subprocess.run(run, env=env, cwd=tmp_path, capture_output=True, text=True,
                              timeout=240)  # fmt: skip
        registered = "not found" not in (done.stdout + done.stderr).lower()
        if registered or time.monotonic() > deadline:
            break
        time.sleep(1)
    assert done.returncode == 0, done.stdout + done.stderr + (tmp_path / "serve.log").read_text()
    assert completed_game_ids(out, "dep") == {"dep-0000", "dep-0001"}
    assert len(load_table("players", out, batch_id="dep")) == 12
    names = {run["name"] for run in _task_runs(api)}
    for phase in ("game", "spawn_agents", "play_game", "write_results", "teardown"):
        assert {f"{phase}-dep-0000", f"{phase}-dep-0001"} <= names, sorted(names)
    assert any(n.startswith("start_daemon") for n in names)


def _task_runs(api: str) -> list[dict[str, object]]:
    """Every task run the server recorded (the nested phase tasks show up in the UI)."""
    request = urllib.request.Request(
        f"{api}/task_runs/filter",
        data=json.dumps({"limit": 200}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as resp:
        runs: list[dict[str, object]] = json.load(resp)
    return runs
