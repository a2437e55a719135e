"""Options every task shares: Parquet files are the source of truth, so Prefect keeps nothing."""

from __future__ import annotations

from typing import Any

from prefect.cache_policies import NO_CACHE

# Results stay in memory between tasks and are never persisted or cached by Prefect.
QUIET: dict[str, Any] = {"persist_result": False, "cache_policy": NO_CACHE, "log_prints": False}
