"""Tasks `start_daemon` and `build_images`: idempotent, so retried with a delay."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from prefect import task

from tasks import steps
from tasks.options import QUIET


@task(name="start_daemon", retries=2, retry_delay_seconds=2, **QUIET)
def start_daemon(runtime: str, settings: Mapping[str, Any]) -> str:
    """Make sure the agents' host is up (a cheap no-op for process and inproc)."""
    return steps.start_daemon(runtime, settings)


@task(name="build_images", retries=2, retry_delay_seconds=[5, 15], **QUIET)
def build_images(runtime: str, settings: Mapping[str, Any]) -> list[str]:
    """Build the agent images from their content hash (none for process and inproc)."""
    return steps.build_images(runtime, settings)
