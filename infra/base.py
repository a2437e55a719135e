"""The runtime interface every place agents run implements: process, docker, dind.

Plain data in and out, so Prefect tasks can pass it between steps. A runtime knows
nothing of the game: it starts HTTP services for seats and removes them again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol


@dataclass(frozen=True, slots=True)
class Owner:
    """Who owns a set of agents: every process or container is labelled with it."""

    batch_id: str
    game_id: str

    @property
    def label(self) -> str:
        """`batch_id/game_id`, the label teardown selects by."""
        return f"{self.batch_id}/{self.game_id}"


@dataclass(frozen=True, slots=True)
class AgentSpec:
    """One agent to start: its seat, its brain, and non-secret settings."""

    seat: str
    brain: str = "heuristic"
    options: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class AgentHandle:
    """A started agent: where to reach it and how to find it again."""

    seat: str
    url: str
    ref: str  # pid for processes, container id for containers


class Runtime(Protocol):
    """Where agents run. Every method is safe to call twice."""

    name: str

    def start_daemon(self) -> None:
        """Make sure whatever hosts the agents is up (a no-op for processes)."""
        ...

    def build_images(self) -> list[str]:
        """Build what the agents run from; returns image tags (none for processes)."""
        ...

    def spawn(
        self, owner: Owner, specs: Sequence[AgentSpec], token: str | None = None
    ) -> list[AgentHandle]:
        """Start one agent per spec, labelled with `owner`; with `token`, agents require it."""
        ...

    def wait_healthy(
        self, handles: Sequence[AgentHandle], timeout_s: float, token: str | None = None
    ) -> None:
        """Block until every agent answers /health (sending `token`), or raise AgentsNotReady."""
        ...

    def teardown(self, owner: Owner) -> int:
        """Stop and remove everything labelled with `owner`; returns how many were removed."""
        ...
