"""The Parquet contract: round trip of types, atomic writes, games-last, partitions."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from agent.protocol import PROTOCOL_VERSION
from agent.table import Table, play_at_table_sync
from analysis import schema
from analysis.load import load_table
from analysis.schema import (
    SCHEMA_VERSION,
    SCHEMAS,
    SchemaError,
    completed_game_ids,
    record_to_dict,
    write_game,
)
from game.config import RULES_VERSION, preset
from game.events import Event, event_log_sha256
from game.record import GameRecord


@pytest.fixture(scope="module")
def record() -> GameRecord:
    return play_at_table_sync(preset("uk", num_players=8), 7, "t-0000", Table())


def _write(record: object, out: Path, batch_id: str = "b1") -> Path:
    return write_game(
        record,
        out,
        batch_id=batch_id,
        runtime="inproc",
        brains="heuristic",
        wall_time_s=0.5,
        code_version="test",
        protocol_version=PROTOCOL_VERSION,
    )


def test_every_table_round_trips_with_its_schema(record: GameRecord, tmp_path: Path) -> None:
    _write(record, tmp_path)
    for name, expected in SCHEMAS.items():
        path = schema.table_path(tmp_path, name, "b1", record.game_id)
        assert pq.read_schema(path).remove_metadata() == expected, name
        frame = load_table(name, tmp_path)
        assert set(frame["game_id"]) == {record.game_id}
        assert set(frame["schema_version"]) == {SCHEMA_VERSION}
        assert set(frame["rules_version"]) == {RULES_VERSION}
        assert set(frame["protocol_version"]) == {PROTOCOL_VERSION}
        assert set(frame["batch_id"]) == {"b1"}


def test_values_and_types_survive(record: GameRecord, tmp_path: Path) -> None:
    _write(record, tmp_path)
    games = load_table("games", tmp_path)
    row = games.iloc[0]
    assert int(row["seed"]) == record.seed
    assert row["winner"] == record.winner and int(row["days"]) == record.days
    assert json.loads(row["config_json"]) == record.config.to_dict()
    assert int(row["fallback_count"]) == record.fallback_count()
    assert str(games["created_at"].dtype).startswith("datetime64")
    players = load_table("players", tmp_path)
    assert len(players) == len(record.players)
    assert players["won"].dtype == bool
    by_id = players.set_index("player_id")
    for p in record.players:
        assert by_id.loc[p.id, "final_role"] == p.final_role
        assert by_id.loc[p.id, "payout"] == pytest.approx(p.payout)
        assert pd.isna(by_id.loc[p.id, "day_out"]) == (p.day_out is None)
    votes = load_table("votes", tmp_path)
    assert len(votes) == len(record.votes)
    decisions = load_table("decisions", tmp_path)
    assert list(decisions["index"]) == [d.index for d in record.decisions]


def test_events_replay_to_the_same_log(record: GameRecord, tmp_path: Path) -> None:
    _write(record, tmp_path)
    events = load_table("events", tmp_path).sort_values("seq")
    rebuilt = [
        Event.from_dict(
            {
                **{k: row[k] for k in ("seq", "day", "phase", "kind")},
                "actor": None if pd.isna(row["actor"]) else row["actor"],
                "target": None if pd.isna(row["target"]) else row["target"],
                "data": json.loads(row["data_json"]),
                "audience": None if row["audience"] is None else list(row["audience"]),
            }
        )
        for row in events.to_dict("records")
    ]
    assert event_log_sha256(rebuilt) == record.event_log_sha256


def test_pandas_reads_batch_id_from_the_partition(record: GameRecord, tmp_path: Path) -> None:
    _write(record, tmp_path, "b-20260101T000000Z")
    _write(record, tmp_path, "other")
    frame = pd.read_parquet(tmp_path / "games")
    assert sorted(frame["batch_id"].astype(str)) == ["b-20260101T000000Z", "other"]
    assert len(load_table("games", tmp_path, batch_id="other")) == 1


def test_dict_form_writes_the_same_rows(record: GameRecord, tmp_path: Path) -> None:
    _write(record, tmp_path / "a")
    _write(json.loads(json.dumps(record_to_dict(record))), tmp_path / "b")
    for name in SCHEMAS:
        a = load_table(name, tmp_path / "a").drop(columns=["created_at"], errors="ignore")
        b = load_table(name, tmp_path / "b").drop(columns=["created_at"], errors="ignore")
        pd.testing.assert_frame_equal(a, b)


@pytest.mark.parametrize("failing", ["players", "events", "games"])
def test_a_failed_write_never_leaves_a_games_file(
    record: GameRecord, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    real = schema._atomic_write_table

    def flaky(table: object, path: Path) -> None:
        if path.parent.parent.name == failing:
            raise OSError("disk full")
        real(table, path)  # type: ignore[arg-type]

    monkeypatch.setattr(schema, "_atomic_write_table", flaky)
    with pytest.raises(OSError):
        _write(record, tmp_path)
    assert completed_game_ids(tmp_path, "b1") == set()
    assert not list(tmp_path.rglob(".*.tmp"))


def test_stray_temp_files_are_ignored(record: GameRecord, tmp_path: Path) -> None:
    _write(record, tmp_path)
    folder = tmp_path / "games" / "batch_id=b1"
    (folder / ".t-0001.parquet.dead.tmp").write_bytes(b"half a file")
    assert completed_game_ids(tmp_path, "b1") == {record.game_id}
    assert len(load_table("games", tmp_path)) == 1


def test_bad_rows_raise_schema_error(record: GameRecord, tmp_path: Path) -> None:
    data = record_to_dict(record)
    data["players"][0]["surprise"] = 1
    with pytest.raises(SchemaError, match="surprise"):
        _write(data, tmp_path)
    data = record_to_dict(record)
    data["winner"] = None
    with pytest.raises(SchemaError, match="winner"):
        _write(data, tmp_path)
    with pytest.raises(SchemaError, match="batch_id"):
        _write(record, tmp_path, "a/b")


def test_manifest_round_trip(tmp_path: Path) -> None:
    assert schema.read_manifest(tmp_path, "b1") is None
    schema.write_manifest(tmp_path, "b1", {"seed": 3, "planned": [{"game_id": "b1-0000"}]})
    assert schema.read_manifest(tmp_path, "b1") == {
        "batch_id": "b1",
        "seed": 3,
        "planned": [{"game_id": "b1-0000"}],
    }


def test_load_table_edges(tmp_path: Path) -> None:
    with pytest.raises(SchemaError, match="unknown table"):
        load_table("nope", tmp_path)
    empty = load_table("votes", tmp_path)
    assert empty.empty and "batch_id" in empty.columns
