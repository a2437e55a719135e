"""Errors raised by `flows`, and how the CLI turns errors into one line and an exit code."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer

from agent.errors import AgentError, BadTable, UnknownBrain
from game.errors import CastError, GameError, InvalidConfig
from infra.errors import InfraError


class FlowError(Exception):
    """Base class for every error raised by `flows`."""


class UsageError(FlowError, ValueError):
    """The user asked for something that cannot be done (bad option or combination)."""


class BatchMismatch(UsageError):
    """A batch id is re-used with a different plan (seed, games, config or brain)."""


class BadOption(UsageError):
    """A batch or game option is out of range."""


# The user's input was wrong: exit 2. Something failed while running: exit 1.
_USAGE: tuple[type[BaseException], ...] = (
    UsageError,
    InvalidConfig,
    CastError,
    UnknownBrain,
    BadTable,
)
_FAILURE: tuple[type[BaseException], ...] = (FlowError, GameError, AgentError, InfraError, OSError)


@contextmanager
def exit_on_error() -> Iterator[None]:
    """Turn a known error into one red line on stderr and exit 2 (usage) or 1 (failure)."""
    try:
        yield
    except _USAGE as exc:
        typer.secho(f"error: {exc}", err=True, fg="red")
        raise typer.Exit(2) from None
    except _FAILURE as exc:
        typer.secho(f"error: {exc}", err=True, fg="red")
        raise typer.Exit(1) from None
