"""Quiet, offline Prefect defaults, applied before prefect is first imported.

The same settings live in the repo's `prefect.toml`, but Prefect reads that file from the
working directory only; these defaults make the CLI behave the same from anywhere.
Variables already set win (environment is where configuration enters).
"""

from __future__ import annotations

import os

PREFECT_DEFAULTS: dict[str, str] = {
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
}


def apply_prefect_defaults() -> None:
    """Set each quiet/offline default unless the environment already has it."""
    for key, value in PREFECT_DEFAULTS.items():
        os.environ.setdefault(key, value)
