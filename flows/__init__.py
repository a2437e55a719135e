"""Prefect flows (game, batch), deployments and the batch CLI commands."""

from flows._env import apply_prefect_defaults

# Before any flows module imports prefect: telemetry off and logs quiet (see _env.py).
apply_prefect_defaults()
