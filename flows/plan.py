"""Planning a batch as plain data: config, seeds, game ids, specs, manifest (no Prefect here)."""

from __future__ import annotations

import secrets
import subprocess
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from agent.brains import BRAIN_NAMES
from analysis.schema import completed_game_ids, read_manifest, write_manifest
from flows.errors import BadOption, BatchMismatch
from game.config import GameConfig, preset
from game.rng import derive_seed
from tasks.steps import RUNTIMES

MAX_GAMES = 100_000
# What a re-run of a batch id must repeat exactly; anything else could not resume it.
_PLAN_KEYS = ("seed", "games", "config", "brain")


def code_version() -> str:
    """`git describe --always --dirty` of the source tree, else the package version."""
    root = Path(__file__).resolve().parent.parent
    try:
        done = subprocess.run(
            ["git", "describe", "--always", "--dirty"],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=5,
            check=True,
        )
        return done.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        pass
    try:
        return f"traitorsim-{metadata.version('traitorsim')}"
    except metadata.PackageNotFoundError:
        return "unknown"


def default_batch_id() -> str:
    """`b-<utc timestamp>`, e.g. b-20261204T161200Z."""
    return f"b-{datetime.now(UTC):%Y%m%dT%H%M%SZ}"


NEW_BATCH_DEFAULTS: dict[str, Any] = {"games": 20, "rules": "uk", "brain": "heuristic"}


def resolve_options(
    out: Path,
    batch_id: str,
    given: dict[str, Any],
    defaults: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Fill the options left out (None): from the batch's manifest when it exists (resume),
    else from `defaults` and a fresh random seed (recorded in the manifest).

    Keys: games, seed, rules, players, traitors, brain.
    """
    old = read_manifest(out, batch_id)
    if old is not None:
        config = old["config"]
        known = {
            "games": old["games"],
            "seed": old["seed"],
            "rules": config["rules"],
            "players": config["num_players"],
            "traitors": config["num_traitors"],
            "brain": old["brain"],
        }
    else:
        known = {**NEW_BATCH_DEFAULTS, **(defaults or {})}
        known |= {"seed": secrets.randbelow(2**63), "players": None, "traitors": None}
    return {key: given.get(key) if given.get(key) is not None else known[key] for key in known}


def game_id(batch_id: str, index: int) -> str:
    """`<batch_id>-<index:04d>`."""
    return f"{batch_id}-{index:04d}"


def make_config(rules: str, players: int | None, traitors: int | None) -> GameConfig:
    """The preset with optional cast size and traitor count (raises InvalidConfig)."""
    return preset(rules, num_players=players, num_traitors=traitors)


def check_options(
    games: int, seed: int, concurrency: int, runtime: str, batch_id: str, brain: str
) -> None:
    """Raise BadOption with one clear line for an out-of-range batch option."""
    if brain not in BRAIN_NAMES:
        raise BadOption(f"--brain must be one of {', '.join(BRAIN_NAMES)}, not {brain!r}")
    if not 1 <= games <= MAX_GAMES:
        raise BadOption(f"--games must be from 1 to {MAX_GAMES}, not {games}")
    if not 0 <= seed < 2**64:
        raise BadOption(f"--seed must be from 0 to 2**64 - 1, not {seed}")
    if not 1 <= concurrency <= 64:
        raise BadOption(f"--concurrency must be from 1 to 64, not {concurrency}")
    if runtime not in RUNTIMES:
        raise BadOption(f"--runtime must be one of {', '.join(RUNTIMES)}, not {runtime!r}")
    if not batch_id or any(c in batch_id for c in "/\\= ") or batch_id.startswith("."):
        raise BadOption(f"--batch-id {batch_id!r}: use letters, digits, '-' and '_' only")


def batch_settings(
    *, out: str, runtime: str, brain: str, code_version: str, state_dir: str | None = None
) -> dict[str, Any]:
    """The spec fields every game of a batch shares."""
    runtime_dir = state_dir or str(Path(out) / ".runtime")
    return {
        "out": out,
        "runtime": runtime,
        "runtime_settings": {} if runtime == "inproc" else {"state_dir": runtime_dir},
        "brain": brain,
        "code_version": code_version,
        "health_timeout_s": 30.0,
    }


def plan_batch(
    *,
    games: int,
    seed: int,
    batch_id: str,
    concurrency: int,
    out: str,
    runtime: str,
    rules: str,
    players: int | None,
    traitors: int | None,
    brain: str,
    code_version: str,
    state_dir: str | None = None,
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Validate the options and plan the batch: the game specs and the manifest."""
    check_options(games, seed, concurrency, runtime, batch_id, brain)
    config = make_config(rules, players, traitors)
    settings = batch_settings(
        out=out, runtime=runtime, brain=brain, code_version=code_version, state_dir=state_dir
    )
    specs = game_specs(batch_id, seed, games, config, settings)
    return specs, manifest_for(specs, seed, config, settings)


def game_specs(
    batch_id: str, seed: int, games: int, config: GameConfig, settings: dict[str, Any]
) -> list[dict[str, Any]]:
    """One spec per planned game; seeds derived from the batch seed by sha256."""
    return [
        {
            **settings,
            "batch_id": batch_id,
            "index": i,
            "game_id": game_id(batch_id, i),
            "seed": derive_seed("batch", seed, i),
            "config": config.to_dict(),
        }
        for i in range(games)
    ]


def manifest_for(
    specs: list[dict[str, Any]], seed: int, config: GameConfig, settings: dict[str, Any]
) -> dict[str, Any]:
    """The manifest of a planned batch: config, seeds and ids, code version, time."""
    return {
        "seed": seed,
        "games": len(specs),
        "config": config.to_dict(),
        "brain": settings["brain"],
        "runtime": settings["runtime"],
        "code_version": settings["code_version"],
        "created_at": datetime.now(UTC).isoformat(),
        "planned": [
            {"index": s["index"], "game_id": s["game_id"], "seed": s["seed"]} for s in specs
        ],
    }


def check_resume(out: Path, batch_id: str, manifest: dict[str, Any]) -> bool:
    """True when the batch id was planned before with the same plan; BatchMismatch if not."""
    old = read_manifest(out, batch_id)
    if old is None:
        return False
    for key in _PLAN_KEYS:
        if old.get(key) != manifest[key]:
            raise BatchMismatch(
                f"batch {batch_id} was planned with {key}={old.get(key)!r}, not "
                f"{manifest[key]!r}: re-run it with the same options or use a new --batch-id"
            )
    return True


def ensure_manifest(out: Path, batch_id: str, manifest: dict[str, Any]) -> bool:
    """Write the manifest of a new batch, or check a re-run matches it; True when resuming."""
    if check_resume(out, batch_id, manifest):
        return True
    write_manifest(out, batch_id, manifest)
    return False


def pending(specs: list[dict[str, Any]], out: Path, batch_id: str) -> list[dict[str, Any]]:
    """The planned games whose games file does not exist yet."""
    done = completed_game_ids(out, batch_id)
    return [s for s in specs if s["game_id"] not in done]
