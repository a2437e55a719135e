"""The `traitorsim` command: play, batch, serve, and the agent tools."""

from __future__ import annotations

import json
import secrets
from pathlib import Path
from typing import Annotated

import typer

from agent.cli import agent_app
from flows.cli_batch import register as register_batch
from flows.errors import exit_on_error
from flows.settings import load_settings

app = typer.Typer(
    name="traitorsim",
    help="Play The Traitors with AI agents and study batches of games.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(agent_app, name="agent")
register_batch(app)


def parse_agents(value: str) -> tuple[str, ...]:
    """`URL,URL,...` or `@FILE` (one URL per line, # comments) into URLs."""
    if value.startswith("@"):
        path = Path(value[1:])
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise typer.BadParameter(f"cannot read agent list {path}: {exc.strerror}") from exc
        items = [line.split("#", 1)[0].strip() for line in text.splitlines()]
    else:
        items = [part.strip() for part in value.split(",")]
    urls = tuple(u.rstrip("/") for u in items if u)
    bad = [u for u in urls if not u.startswith(("http://", "https://"))]
    if bad:
        raise typer.BadParameter(f"{bad[0]!r} is not an http:// or https:// URL")
    return urls


@app.command()
def play(
    rules: Annotated[str, typer.Option(help="uk, us, australia or canada")] = "",
    players: Annotated[int | None, typer.Option(help="players, 6-30")] = None,
    traitors: Annotated[int | None, typer.Option(help="traitors, 1 to players/3")] = None,
    seed: Annotated[int | None, typer.Option(help="game seed (random if omitted)")] = None,
    runtime: Annotated[str, typer.Option(help="process or inproc")] = "",
    brain: Annotated[str, typer.Option(help="heuristic or random")] = "",
    agents: Annotated[
        str | None, typer.Option(help="agents already running: URL,URL,... or @file")
    ] = None,
    token_env: Annotated[
        str | None, typer.Option(help="environment variable holding the agents' bearer token")
    ] = None,
    transcript: Annotated[bool, typer.Option(help="print the day-by-day transcript")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="print one JSON object")] = False,
    out: Annotated[
        Path | None, typer.Option(help="write the Parquet tables here (runs the game flow)")
    ] = None,
) -> None:
    """Play one game and print its outcome."""
    from flows.play import PlayOptions, run_play

    settings = load_settings()
    options = PlayOptions(
        rules=rules or settings.rules,
        players=players,
        traitors=traitors,
        seed=seed if seed is not None else secrets.randbelow(2**31),
        runtime=runtime or settings.runtime,
        brain=brain or settings.brain,
        agents=parse_agents(agents) if agents else (),
        token_env=token_env or settings.agent_token_env,
        out=out,
        state_dir=settings.state_dir,
        base_port=settings.base_port,
        decision_timeout_s=settings.decision_timeout_s,
    )
    with exit_on_error():
        record = run_play(options)
    if as_json:
        typer.echo(json.dumps(record.summary(), indent=None))
        return
    from flows.transcript import summary_lines, transcript_lines

    if transcript:
        for line in transcript_lines(record):
            typer.echo(line)
        typer.echo("")
    for line in summary_lines(record):
        typer.echo(line)


def main() -> None:
    """Console entry point."""
    app()
