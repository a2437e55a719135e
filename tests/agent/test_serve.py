"""agent.serve start-up: settings from env and argv, the token from --token-env, lean imports."""

from __future__ import annotations

import subprocess
import sys

import pytest

from agent.serve import AgentSettings, load_brain, parse_args, resolve
from tests.agent.brains import EchoBrain


def test_settings_from_env_argv_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRAITORSIM_AGENT_BRAIN", "random")
    monkeypatch.setenv("TRAITORSIM_AGENT_NAME", "from-env")
    s = resolve(parse_args(["--port", "9000"]))
    assert (s.brain, s.name, s.port, s.token) == ("random", "from-env", 9000, None)
    s = resolve(parse_args(["--brain", "heuristic", "--name", "argv"]))
    assert (s.brain, s.name) == ("heuristic", "argv")


def test_token_comes_from_the_named_env_var() -> None:
    args = parse_args(["--token-env", "MY_TOKEN"])
    assert resolve(args, env={"MY_TOKEN": "t0k"}).token == "t0k"
    with pytest.raises(SystemExit, match="MY_TOKEN"):
        resolve(args, env={})


def test_default_name_and_settings_class() -> None:
    assert AgentSettings.model_config["env_prefix"] == "TRAITORSIM_AGENT_"
    assert resolve(parse_args(["--brain", "random"]), env={}).name == "traitorsim-random"


def test_brain_by_dotted_path() -> None:
    assert isinstance(load_brain("tests.agent.brains:EchoBrain"), EchoBrain)


def test_start_up_imports_no_typer_or_prefect() -> None:
    code = (
        "import sys, agent.serve, agent.forkserver, agent.service, agent.brains.heuristic; "
        "print(sorted(m for m in ('typer', 'prefect', 'rich', 'pandas') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
