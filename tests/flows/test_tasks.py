"""Each phase task through `.fn()`, a retried spawn, and teardown after a failed game."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, ClassVar

import pytest
from prefect import flow

from flows import plan
from infra.errors import InfraError
from infra.process import ProcessRuntime
from tasks import steps
from tasks.agents import spawn_agents, teardown
from tasks.daemon import build_images, start_daemon
from tasks.game import run_game
from tasks.play import play_game
from tasks.results import write_results


def make_spec(out: Path, runtime: str = "process", players: int = 6, index: int = 0) -> Any:
    specs, _ = plan.plan_batch(
        games=index + 1, seed=11, batch_id="t", concurrency=1, out=str(out), runtime=runtime,
        rules="uk", players=players, traitors=None, brain="heuristic", code_version="test",
    )  # fmt: skip
    return specs[index]


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie is dead for our purposes.
    stat = Path(f"/proc/{pid}/stat")
    return stat.exists() and stat.read_text().split(") ")[-1][0] != "Z"


def test_infra_tasks_fn(tmp_path: Path) -> None:
    spec = make_spec(tmp_path)
    assert start_daemon.fn("process", spec["runtime_settings"]) == "process"
    assert build_images.fn("process", spec["runtime_settings"]) == []
    handles = spawn_agents.fn(spec, "secret")
    try:
        assert sorted(h["seat"] for h in handles) == [f"player_{i:02d}" for i in range(6)]
        assert all(h["url"].startswith("http://127.0.0.1:") for h in handles)
        assert all(alive(int(h["ref"])) for h in handles)
    finally:
        assert teardown.fn(spec) == 6
    assert teardown.fn(spec) == 0  # safe twice
    assert not any(alive(int(h["ref"])) for h in handles)


def test_inproc_skips_spawn_and_plays(tmp_path: Path) -> None:
    spec = make_spec(tmp_path, runtime="inproc")
    assert spawn_agents.fn(spec, None) == []
    record = play_game.fn(spec, [], None)
    assert record["game_id"] == spec["game_id"] and record["winner"] in ("faithful", "traitor")
    path = Path(write_results.fn(spec, record, 0.1))
    assert path.exists() and path.parent.name == "batch_id=t"
    assert teardown.fn(spec) == 0


class FlakyRuntime(ProcessRuntime):
    """Starts real agents, then fails the first spawn: the retry must find them removed."""

    calls: ClassVar[list[list[str]]] = []

    def spawn(self, owner: Any, specs: Any, token: str | None = None) -> Any:
        handles = super().spawn(owner, specs, token)
        FlakyRuntime.calls.append([h.ref for h in handles])
        if len(FlakyRuntime.calls) == 1:
            raise InfraError("port clash (simulated)")
        return handles


def test_spawn_is_retried_after_removing_partial_work(
    prefect_harness: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    FlakyRuntime.calls = []
    monkeypatch.setattr(steps, "make_runtime", lambda name, settings: FlakyRuntime(**settings))
    spec = make_spec(tmp_path)
    quick = spawn_agents.with_options(retry_delay_seconds=0)

    @flow
    def spawn_once() -> list[dict[str, str]]:
        return quick(spec, "secret")

    handles = spawn_once()
    try:
        assert len(FlakyRuntime.calls) == 2
        assert not any(alive(int(pid)) for pid in FlakyRuntime.calls[0])
        assert [h["ref"] for h in handles] == FlakyRuntime.calls[1]
    finally:
        teardown.fn(spec)


def test_teardown_runs_after_a_failing_game(
    prefect_harness: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, Any] = {}

    def broken_play(spec: Any, handles: list[dict[str, str]], token: str | None) -> Any:
        seen["pids"] = [int(h["ref"]) for h in handles]
        assert all(alive(p) for p in seen["pids"])
        raise RuntimeError("referee crashed")

    monkeypatch.setattr(steps, "play_game", broken_play)
    spec = make_spec(tmp_path)

    @flow
    def one() -> str:
        return run_game(spec, return_state=True).type.value

    assert one() == "FAILED"
    assert len(seen["pids"]) == 6
    assert not any(alive(p) for p in seen["pids"])
    assert steps.teardown(spec) == 0
    assert not (tmp_path / "games").exists()
