"""Fixtures for the flow and task tests: one Prefect test server per session, helpers."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import flows  # noqa: F401  (quiet Prefect defaults before prefect is imported)

REPO = Path(__file__).resolve().parents[2]
PYTHON = str(REPO / ".venv" / "bin" / "python")
# A migrated database from an earlier session: the harness then starts in ~4 s, not ~12 s.
TEMPLATE = REPO / ".pytest_cache" / "prefect-template" / "prefect-test.db"


@pytest.fixture(scope="session")
def prefect_harness() -> Iterator[None]:
    """A temporary Prefect API server and SQLite database for the whole session."""
    import prefect.testing.utilities as utilities
    from prefect.testing.utilities import prefect_test_harness

    made: list[str] = []

    def seeded_mkdtemp() -> str:
        path = tempfile.mkdtemp(prefix="prefect-harness-")
        if TEMPLATE.exists():
            shutil.copy(TEMPLATE, Path(path) / "prefect-test.db")
        made.append(path)
        return path

    original = utilities.mkdtemp
    utilities.mkdtemp = seeded_mkdtemp
    try:
        with prefect_test_harness(server_startup_timeout=90):
            yield
    finally:
        utilities.mkdtemp = original
    db = Path(made[0]) / "prefect-test.db" if made else None
    if db is not None and db.exists() and not TEMPLATE.exists():
        TEMPLATE.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(db, TEMPLATE)


def subprocess_env(home: Path, **extra: str) -> dict[str, str]:
    """Environment for a child Python: its own PREFECT_HOME, quiet and offline."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(
        PREFECT_HOME=str(home),
        DO_NOT_TRACK="1",
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        PREFECT_LOGGING_LEVEL="WARNING",
        PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="90",
        PYTHONPATH=str(REPO),
    )
    env.update(extra)
    return env


class Group:
    """Processes started by a test, each in its own session; killed by process group."""

    def __init__(self) -> None:
        self.procs: list[subprocess.Popen[Any]] = []

    def start(self, args: list[str], **kwargs: Any) -> subprocess.Popen[Any]:
        proc = subprocess.Popen(args, start_new_session=True, **kwargs)
        self.procs.append(proc)
        return proc

    def kill(self, proc: subprocess.Popen[Any], sig: int = signal.SIGKILL) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, sig)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)

    def stop_all(self) -> None:
        for proc in reversed(self.procs):
            if proc.poll() is None:
                self.kill(proc, signal.SIGTERM)
            # The group may outlive its leader (e.g. an orphaned ephemeral server).
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)


@pytest.fixture
def procs() -> Iterator[Group]:
    """Start processes in their own groups; every group is killed when the test ends."""
    group = Group()
    try:
        yield group
    finally:
        group.stop_all()
