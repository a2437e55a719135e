"""The batch flow: planning, failure isolation, resume, the game flow and CLI option errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from analysis.load import load_table
from analysis.schema import completed_game_ids, read_manifest
from flows import plan
from flows.batch import batch
from flows.cli_batch import main, register, run_game_flow
from flows.errors import BatchMismatch
from flows.play import PlayOptions
from game.events import event_log_sha256
from game.record import GameRecord
from game.rng import derive_seed
from tasks import progress, steps


def test_plan_derives_seeds_and_ids(tmp_path: Path) -> None:
    specs, manifest = plan.plan_batch(
        games=3, seed=5, batch_id="b", concurrency=2, out=str(tmp_path), runtime="process",
        rules="us", players=9, traitors=2, brain="random", code_version="v",
    )  # fmt: skip
    assert [s["game_id"] for s in specs] == ["b-0000", "b-0001", "b-0002"]
    assert [s["seed"] for s in specs] == [derive_seed("batch", 5, i) for i in range(3)]
    assert specs[0]["config"]["rules"] == "us" and specs[0]["config"]["num_traitors"] == 2
    assert manifest["planned"][2] == {"index": 2, "game_id": "b-0002", "seed": specs[2]["seed"]}


def test_failed_game_is_isolated_then_resumed(
    prefect_harness: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_play = steps.play_game

    def play_or_crash(spec: Any, handles: Any, token: Any) -> Any:
        if spec["index"] == 1:
            raise RuntimeError("agent went away")
        return real_play(spec, handles, token)

    monkeypatch.setattr(steps, "play_game", play_or_crash)
    events: list[tuple[str, str]] = []
    unsubscribe = progress.subscribe(lambda kind, gid, data: events.append((kind, gid)))
    options: dict[str, Any] = dict(
        games=4, seed=3, batch_id="iso", concurrency=2, out=str(tmp_path), players=6
    )
    try:
        first = batch(**options)
    finally:
        unsubscribe()
    assert first["failed"] == {"iso-0001": "RuntimeError: agent went away"}
    assert first["completed"] == 3 and first["skipped"] == 0
    assert ("failed", "iso-0001") in events and ("finished", "iso-0003") in events
    running = peak = 0
    for kind, _ in events:  # at most `concurrency` games at once
        running += 1 if kind == "started" else -1
        peak = max(peak, running)
    assert peak == 2
    assert read_manifest(tmp_path, "iso")["games"] == 4  # type: ignore[index]

    monkeypatch.setattr(steps, "play_game", real_play)
    second = batch(**options)
    assert second["failed"] == {} and second["skipped"] == 3 and second["played"] == 1
    assert completed_game_ids(tmp_path, "iso") == {f"iso-{i:04d}" for i in range(4)}
    games = load_table("games", tmp_path)
    assert sorted(games["game_id"]) == [f"iso-{i:04d}" for i in range(4)]
    assert set(games["runtime"]) == {"process"}
    players = load_table("players", tmp_path)
    assert len(players) == 4 * 6 and not players.duplicated(["game_id", "player_id"]).any()

    with pytest.raises(BatchMismatch, match="seed"):
        batch(**{**options, "seed": 4})


def test_game_flow_writes_the_same_tables(prefect_harness: None, tmp_path: Path) -> None:
    options = PlayOptions(
        rules="us", seed=9, runtime="process", brain="heuristic", players=6,
        out=tmp_path / "results", state_dir=tmp_path / "run",
    )  # fmt: skip
    record = run_game_flow(options, options.config())
    assert isinstance(record, GameRecord) and record.game_id == "us-9"
    assert record.event_log_sha256 == event_log_sha256(record.events)
    for table in ("games", "players", "votes", "events", "decisions"):
        frame = load_table(table, tmp_path / "results")
        assert set(frame["game_id"]) == {"us-9"} and set(frame["batch_id"]) == {"play"}
    assert len(load_table("events", tmp_path / "results")) == len(record.events)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--games", "0"], "--games must be from 1"),
        (["--rules", "mars"], "invalid rules='mars'"),
        (["--players", "3"], "invalid num_players=3"),
        (["--runtime", "cloud"], "--runtime must be one of"),
        (["--brain", "oracle"], "--brain must be one of"),
        (["--batch-id", "a/b"], "--batch-id 'a/b'"),
    ],
)
def test_bad_options_exit_2_with_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    import typer

    app = typer.Typer()
    register(app)
    app.command("noop")(lambda: None)  # two commands keep `batch` a subcommand
    result = CliRunner().invoke(app, ["batch", "--out", str(tmp_path), *args])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], result.output


def test_module_entry_point_is_callable() -> None:
    assert callable(main)


def test_resume_takes_left_out_options_from_the_manifest(tmp_path: Path) -> None:
    _, manifest = plan.plan_batch(
        games=3, seed=42, batch_id="r", concurrency=1, out=str(tmp_path), runtime="inproc",
        rules="canada", players=9, traitors=2, brain="random", code_version="t",
    )  # fmt: skip
    plan.ensure_manifest(tmp_path, "r", manifest)
    resumed = plan.resolve_options(tmp_path, "r", {"games": None, "seed": None})
    assert resumed == {
        "games": 3, "seed": 42, "rules": "canada", "players": 9, "traitors": 2, "brain": "random"
    }  # fmt: skip
    assert plan.resolve_options(tmp_path, "r", {"games": 5})["games"] == 5


def test_a_new_batch_gets_a_random_recorded_seed(tmp_path: Path) -> None:
    first = plan.resolve_options(tmp_path, "new", {})
    second = plan.resolve_options(tmp_path, "new", {})
    assert first["seed"] != second["seed"]
    assert (first["games"], first["rules"], first["brain"]) == (20, "uk", "heuristic")
    assert plan.resolve_options(tmp_path, "new", {"seed": 0})["seed"] == 0
