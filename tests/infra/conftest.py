"""Fixtures for runtime tests: a process runtime per test, and a guard that no agent survives it."""

from __future__ import annotations

import os
import signal
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from infra.base import Owner
from infra.process import ProcessRuntime, find_labelled


@pytest.fixture
def batch_id() -> str:
    """A label fragment unique to this test; every agent it starts carries it."""
    return f"test-{uuid.uuid4().hex[:10]}"


@pytest.fixture
def owner(batch_id: str) -> Owner:
    return Owner(batch_id=batch_id, game_id="g1")


@pytest.fixture
def runtime(tmp_path: Path, batch_id: str) -> Iterator[ProcessRuntime]:
    """A ProcessRuntime; afterwards, asserts no `agent.serve` process with our label is left."""
    rt = ProcessRuntime(state_dir=tmp_path / "state")
    yield rt
    for record in (tmp_path / "state").glob("*.json"):
        game_id = record.stem.split("__", 1)[1] if "__" in record.stem else "g1"
        rt.teardown(Owner(batch_id=batch_id, game_id=game_id))
    leftovers = find_labelled(f"{batch_id}/")
    for pid in leftovers:  # clean up before failing, by pid, only ours
        os.kill(pid, signal.SIGKILL)
    assert not leftovers, f"agent processes left behind: {leftovers}"
