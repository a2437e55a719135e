"""The root `traitorsim` command: play on each runtime, its output, and bad options."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flows.cli import app, parse_agents


@pytest.fixture(autouse=True)
def _state_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRAITORSIM_STATE_DIR", str(tmp_path / "run"))


def play(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["play", *args])
    return result.exit_code, result.stdout, result.stderr


def test_play_json_is_one_object_and_the_same_on_every_runtime() -> None:
    code, out, err = play("--players", "10", "--seed", "3", "--runtime", "inproc", "--json")
    assert code == 0, err
    inproc = json.loads(out)
    assert set(inproc) == {
        "game_id", "seed", "rules", "winner", "end_reason", "days", "prize_pot", "players",
        "event_log_sha256",
    }  # fmt: skip
    assert inproc["winner"] in {"faithful", "traitor"}
    assert len(inproc["players"]) == 10
    assert {"id", "role", "fate", "day"} <= set(inproc["players"][0])
    code, out, err = play("--players", "10", "--seed", "3", "--runtime", "process", "--json")
    assert code == 0, err
    assert json.loads(out)["event_log_sha256"] == inproc["event_log_sha256"]


def test_play_transcript_tells_the_game_day_by_day() -> None:
    code, out, err = play("--players", "8", "--seed", "11", "--runtime", "inproc", "--transcript")
    assert code == 0, err
    assert "== Day 1 ==" in out and "== Day 2 ==" in out
    assert "[secret]" in out  # the turret, as the viewers at home see it
    assert "win by" in out and "event log sha256" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--players", "3"], "invalid num_players=3: an integer from 6 to 30"),
        (["--players", "9", "--traitors", "4"], "invalid num_traitors=4: an integer from 1 to 3"),
        (["--rules", "mars"], "--rules 'mars' is not one of uk, us, australia, canada"),
        (["--runtime", "docker"], "--runtime 'docker' is not one of process, inproc"),
        (["--brain", "oracle"], "--brain 'oracle' is not one of heuristic, random"),
        (["--agents", "http://a:1,http://b:2"], "--agents gives 2 URLs for 22 players"),
        (["--token-env", "TRAITORSIM_TEST_UNSET"], "that environment variable is empty"),
    ],
)
def test_bad_options_exit_2_with_one_clear_line(args: list[str], message: str) -> None:
    code, out, err = play("--runtime", "inproc", *args) if "--runtime" not in args else play(*args)
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], err
    assert out == ""


def test_agents_from_a_list_or_a_file(tmp_path: Path) -> None:
    listing = tmp_path / "agents.txt"
    listing.write_text("# seats in order\nhttp://10.0.0.5:18000/\n\nhttp://10.0.0.5:18001  # two\n")
    assert parse_agents(f"@{listing}") == ("http://10.0.0.5:18000", "http://10.0.0.5:18001")
    assert parse_agents("http://h:1, http://h:2") == ("http://h:1", "http://h:2")


def test_agents_that_are_not_urls_are_refused() -> None:
    code, _, err = play("--agents", "ftp://h:1")
    assert code == 2 and "'ftp://h:1' is not an http:// or https:// URL" in err
