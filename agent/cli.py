"""`traitorsim agent ...`: serve one agent, or check any agent's conformance."""

from __future__ import annotations

import os

import typer

agent_app = typer.Typer(help="Run an agent, or check that an agent speaks the protocol.")


@agent_app.command("serve")
def serve(
    port: int = typer.Option(..., "--port", help="TCP port to listen on"),
    host: str = typer.Option("127.0.0.1", "--host"),
    brain: str = typer.Option("heuristic", "--brain", help="heuristic | random | module:Class"),
    token_env: str | None = typer.Option(None, "--token-env", help="env var holding the token"),
    name: str | None = typer.Option(None, "--name", help="agent_name reported by /health"),
) -> None:
    """Serve one brain over HTTP (the same code as `python -m agent.serve`)."""
    from agent.serve import main

    argv = ["--port", str(port), "--host", host, "--brain", brain]
    argv += ["--token-env", token_env] if token_env else []
    argv += ["--name", name] if name else []
    main(argv)


@agent_app.command("check")
def check(
    url: str = typer.Argument(..., help="base URL of the agent, e.g. http://127.0.0.1:8001"),
    token_env: str | None = typer.Option(None, "--token-env", help="env var holding the token"),
) -> None:
    """Run the conformance checks against an agent; exit 1 on any failure."""
    from rich.console import Console
    from rich.table import Table

    from agent.check import run_check

    token = None
    if token_env:
        if token_env not in os.environ:
            typer.echo(f"error: --token-env {token_env} is not set", err=True)
            raise typer.Exit(2)
        token = os.environ[token_env]
    rows = run_check(url, token)
    table = Table(title=f"agent check {url}")
    for col in ("check", "status", "detail"):
        table.add_column(col)
    colour = {"pass": "green", "fail": "red", "not_implemented": "yellow"}
    for r in rows:
        table.add_row(r.check, f"[{colour[r.status]}]{r.status}[/]", r.detail)
    console = Console()
    console.print(table)
    failed = sum(r.status == "fail" for r in rows)
    console.print(f"{len(rows)} checks, {failed} failed")
    if failed:
        raise typer.Exit(1)


def main() -> None:
    """Stand-alone entry (`python -m agent.cli`)."""
    agent_app()


if __name__ == "__main__":
    main()
