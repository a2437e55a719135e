"""Deployments `batch/default` and `game/default`, for `serve` (or a worker)."""

from __future__ import annotations

from typing import Any

from prefect.deployments.runner import EntrypointType

from flows.batch import batch
from flows.game import game


def deployments(name: str = "default") -> list[Any]:
    """Runner deployments of both flows.

    Entry points are module paths (`flows.batch.batch`): loaded as a file path, the
    runner would put `flows/` on sys.path and `flows/game.py` would shadow the `game`
    package.
    """
    module = EntrypointType.MODULE_PATH
    return [
        batch.to_deployment(name=name, entrypoint_type=module),
        game.to_deployment(name=name, entrypoint_type=module),
    ]
