"""The Parquet contract: explicit table schemas, the per-game writer, and batch manifests.

Layout: `<out>/<table>/batch_id=<id>/<game_id>.parquet`, one file per game per table,
hive-partitioned by batch (the partition directory carries `batch_id`; it is not a column
inside the files). Every file is written to a hidden temp name and renamed into place;
the `games` file is written last, so a game is complete iff its games file exists.

This module never imports the engine: the writer reads a `GameRecord` by duck typing
(attributes or mapping keys), so a record passed between Prefect tasks as a plain dict
works the same as the dataclass itself.
"""

from __future__ import annotations

import dataclasses
import json
import os
import uuid
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

# 1: first release of the dataset.
SCHEMA_VERSION = "1"

TABLES: tuple[str, ...] = ("players", "votes", "events", "decisions", "games")
GAMES_TABLE = "games"


class SchemaError(Exception):
    """A record or manifest does not fit the Parquet contract."""


_COMMON = [
    pa.field("game_id", pa.string(), nullable=False),
    pa.field("schema_version", pa.string(), nullable=False),
    pa.field("rules_version", pa.string(), nullable=False),
    pa.field("protocol_version", pa.string(), nullable=False),
]


def _schema(*fields: pa.Field) -> pa.Schema:
    return pa.schema([*_COMMON, *fields])


def _f(name: str, typ: pa.DataType, nullable: bool = False) -> pa.Field:
    return pa.field(name, typ, nullable=nullable)


SCHEMAS: dict[str, pa.Schema] = {
    "games": _schema(
        _f("seed", pa.uint64()),
        _f("rules", pa.string()),
        _f("config_json", pa.string()),
        _f("runtime", pa.string()),
        _f("brains", pa.string()),
        _f("winner", pa.string()),
        _f("end_reason", pa.string()),
        _f("days", pa.int32()),
        _f("prize_pot", pa.int64()),
        _f("wall_time_s", pa.float64()),
        _f("decision_count", pa.int32()),
        _f("fallback_count", pa.int32()),
        _f("failure_count", pa.int32()),
        _f("code_version", pa.string()),
        _f("num_players", pa.int32()),
        _f("num_traitors", pa.int32()),
        _f("event_log_sha256", pa.string()),
        _f("created_at", pa.timestamp("us", tz="UTC")),
    ),
    "players": _schema(
        _f("player_id", pa.string()),
        _f("name", pa.string()),
        _f("archetype", pa.string()),
        _f("brain", pa.string()),
        _f("model", pa.string(), nullable=True),
        _f("initial_role", pa.string()),
        _f("final_role", pa.string()),
        _f("recruited_day", pa.int32(), nullable=True),
        _f("fate", pa.string()),
        _f("day_out", pa.int32(), nullable=True),
        _f("won", pa.bool_()),
        _f("payout", pa.float64()),
        _f("shields_won", pa.int32()),
        _f("daggers_won", pa.int32()),
        _f("votes_cast", pa.int32()),
        _f("votes_on_traitors", pa.int32()),
    ),
    "votes": _schema(
        _f("day", pa.int32()),
        _f("round", pa.int32()),
        _f("voter", pa.string()),
        _f("target", pa.string()),
        _f("voter_role", pa.string()),
        _f("target_role", pa.string()),
        _f("weight", pa.int32()),
        _f("dagger", pa.bool_()),
        _f("end_game", pa.bool_()),
    ),
    "events": _schema(
        _f("seq", pa.int32()),
        _f("day", pa.int32()),
        _f("phase", pa.string()),
        _f("kind", pa.string()),
        _f("actor", pa.string(), nullable=True),
        _f("target", pa.string(), nullable=True),
        _f("data_json", pa.string()),
        # None = public; otherwise the ids who may see the event.
        _f("audience", pa.list_(pa.string()), nullable=True),
    ),
    "decisions": _schema(
        _f("index", pa.int32()),
        _f("day", pa.int32()),
        _f("phase", pa.string()),
        _f("player_id", pa.string()),
        _f("kind", pa.string()),
        _f("source", pa.string()),
        _f("choice", pa.string()),
        _f("reasoning", pa.string()),
        _f("latency_ms", pa.float64()),
        _f("error", pa.string(), nullable=True),
        _f("tokens_in", pa.int64(), nullable=True),
        _f("tokens_out", pa.int64(), nullable=True),
    ),
}


# --- turning a record (dataclass or mapping) into plain data -----------------------------


def _get(obj: Any, key: str) -> Any:
    if isinstance(obj, Mapping):
        return obj[key]
    return getattr(obj, key)


def _plain(obj: Any) -> dict[str, Any]:
    """A flat record item (player, vote, decision, event, config) as a plain dict."""
    if isinstance(obj, Mapping):
        return dict(obj)
    if hasattr(obj, "to_dict"):
        return dict(obj.to_dict())
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}
    raise SchemaError(f"cannot read {type(obj).__name__} as a record item")


def record_to_dict(record: Any) -> dict[str, Any]:
    """A GameRecord (or its dict form) as a JSON-able dict: what tasks pass between them."""
    keys = ("game_id", "seed", "winner", "end_reason", "days", "prize_pot")
    out: dict[str, Any] = {k: _get(record, k) for k in keys}
    out["config"] = _plain(_get(record, "config"))
    out["event_log_sha256"] = _get(record, "event_log_sha256")
    out["rules_version"] = _get(record, "rules_version")
    for table in ("players", "votes", "decisions", "events"):
        out[table] = [_plain(item) for item in _get(record, table)]
    return out


def _brain_of(brains: str | Mapping[str, str], player_id: str) -> str:
    return brains if isinstance(brains, str) else brains.get(player_id, "unknown")


def _brain_summary(brains: str | Mapping[str, str]) -> str:
    return brains if isinstance(brains, str) else ",".join(sorted(set(brains.values())))


def _split_model(brain: str) -> tuple[str, str | None]:
    """`claude:claude-haiku` -> (`claude`, `claude-haiku`); heuristic brains have no model."""
    name, _, model = brain.partition(":")
    return name, model or None


# --- rows per table ------------------------------------------------------------------------


def _game_row(rec: Mapping[str, Any], meta: Mapping[str, Any]) -> dict[str, Any]:
    config = rec["config"]
    decisions = rec["decisions"]
    failures = sum(
        1 for d in decisions if d.get("error") is not None and d["source"] != "not_implemented"
    )
    return {
        "seed": rec["seed"],
        "rules": config["rules"],
        "config_json": json.dumps(config, sort_keys=True, separators=(",", ":")),
        "runtime": meta["runtime"],
        "brains": _brain_summary(meta["brains"]),
        "winner": rec["winner"],
        "end_reason": rec["end_reason"],
        "days": rec["days"],
        "prize_pot": rec["prize_pot"],
        "wall_time_s": float(meta["wall_time_s"]),
        "decision_count": len(decisions),
        "fallback_count": sum(1 for d in decisions if d["source"] == "fallback"),
        "failure_count": failures,
        "code_version": meta["code_version"],
        "num_players": config["num_players"],
        "num_traitors": config["num_traitors"],
        "event_log_sha256": rec["event_log_sha256"],
        "created_at": meta["created_at"],
    }


def _player_rows(rec: Mapping[str, Any], meta: Mapping[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for p in rec["players"]:
        brain, model = _split_model(_brain_of(meta["brains"], p["id"]))
        row = {k: v for k, v in p.items() if k != "id"}
        rows.append({**row, "player_id": p["id"], "brain": brain, "model": model})
    return rows


def _vote_rows(rec: Mapping[str, Any]) -> list[dict[str, Any]]:
    return [{**v, "dagger": v["weight"] >= 2} for v in rec["votes"]]


def _event_rows(rec: Mapping[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for e in rec["events"]:
        data = json.dumps(e.get("data") or {}, sort_keys=True, separators=(",", ":"))
        audience = e.get("audience")
        rows.append(
            {
                **{k: e.get(k) for k in ("seq", "day", "phase", "kind", "actor", "target")},
                "data_json": data,
                "audience": list(audience) if audience is not None else None,
            }
        )
    return rows


def table_rows(record: Any, meta: Mapping[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Rows of every table for one game (without the common version columns)."""
    rec = record_to_dict(record)
    return {
        "games": [_game_row(rec, meta)],
        "players": _player_rows(rec, meta),
        "votes": _vote_rows(rec),
        "events": _event_rows(rec),
        "decisions": [dict(d) for d in rec["decisions"]],
    }


def to_table(name: str, rows: list[dict[str, Any]], common: Mapping[str, str]) -> pa.Table:
    """Build one table with its explicit schema; unknown or missing columns are an error."""
    schema = SCHEMAS[name]
    full = [{**row, **common} for row in rows]
    extra = {k for row in full for k in row} - set(schema.names)
    if extra:
        raise SchemaError(f"table {name}: columns not in the schema: {sorted(extra)}")
    required = {f.name for f in schema if not f.nullable}
    for row in full:
        missing = sorted(k for k in required if row.get(k) is None)
        if missing:
            raise SchemaError(f"table {name}: required columns missing or null: {missing}")
    try:
        return pa.Table.from_pylist(full, schema=schema)
    except (pa.ArrowInvalid, pa.ArrowTypeError, KeyError) as exc:
        raise SchemaError(f"table {name}: {exc}") from exc


# --- writing -------------------------------------------------------------------------------


def _atomic_write_bytes(path: Path, payload: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # A leading dot keeps readers (pyarrow ignores '.'/'_' prefixes) off half-written files.
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        tmp.write_bytes(payload)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _atomic_write_table(table: pa.Table, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        pq.write_table(table, tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def table_path(out: Path, table: str, batch_id: str, game_id: str) -> Path:
    """Where one game's rows of one table live."""
    return Path(out) / table / f"batch_id={batch_id}" / f"{game_id}.parquet"


def write_game(
    record: Any,
    out: Path,
    *,
    batch_id: str,
    runtime: str,
    brains: str | Mapping[str, str],
    wall_time_s: float,
    code_version: str,
    protocol_version: str,
) -> Path:
    """Write every table of one game atomically, `games` last; returns the games file."""
    if not batch_id or "/" in batch_id or "=" in batch_id:
        raise SchemaError(f"batch_id {batch_id!r} must be non-empty without '/' or '='")
    meta = {
        "runtime": runtime,
        "brains": brains,
        "wall_time_s": wall_time_s,
        "code_version": code_version,
        "created_at": datetime.now(UTC),
    }
    rows = table_rows(record, meta)
    game_id = str(_get(record, "game_id"))
    common = {
        "game_id": game_id,
        "schema_version": SCHEMA_VERSION,
        "rules_version": str(_get(record, "rules_version")),
        "protocol_version": protocol_version,
    }
    tables = {name: to_table(name, rows[name], common) for name in TABLES}
    for name in TABLES:  # TABLES ends with games: its file marks the game complete
        _atomic_write_table(tables[name], table_path(Path(out), name, batch_id, game_id))
    return table_path(Path(out), GAMES_TABLE, batch_id, game_id)


def completed_game_ids(out: Path, batch_id: str) -> set[str]:
    """Game ids of the batch whose games file exists (the mark of a complete game)."""
    folder = Path(out) / GAMES_TABLE / f"batch_id={batch_id}"
    if not folder.is_dir():
        return set()
    return {p.stem for p in folder.glob("*.parquet") if not p.name.startswith(".")}


def manifest_path(out: Path, batch_id: str) -> Path:
    """`<out>/manifests/<batch_id>.json`."""
    return Path(out) / "manifests" / f"{batch_id}.json"


def write_manifest(out: Path, batch_id: str, manifest: Mapping[str, Any]) -> Path:
    """Write the batch manifest (config, planned games, code version) atomically."""
    path = manifest_path(out, batch_id)
    payload = json.dumps({"batch_id": batch_id, **manifest}, indent=2, sort_keys=True)
    _atomic_write_bytes(path, (payload + "\n").encode("utf-8"))
    return path


def read_manifest(out: Path, batch_id: str) -> dict[str, Any] | None:
    """The batch manifest, or None when the batch was never planned here."""
    path = manifest_path(out, batch_id)
    if not path.exists():
        return None
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise SchemaError(f"manifest {path} is not valid JSON: {exc}") from exc
    return data
