"""Configuration read once at the top: `.env` and TRAITORSIM_* environment variables."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Defaults for the CLI and flows; every field can be set as TRAITORSIM_<NAME>."""

    model_config = SettingsConfigDict(env_prefix="TRAITORSIM_", env_file=".env", extra="ignore")

    results_dir: Path = Path("data/results")
    state_dir: Path = Path(".traitorsim/run")
    runtime: str = "process"
    brain: str = "heuristic"
    rules: str = "uk"
    base_port: int | None = Field(default=None, ge=1024, le=65000)
    decision_timeout_s: float = Field(default=60.0, gt=0)
    agent_token_env: str | None = None


def load_settings() -> Settings:
    """Read settings from the environment and `.env` in the working directory."""
    return Settings()
