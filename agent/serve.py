"""`python -m agent.serve`: one agent process, as the process runtime spawns it.

Lean on purpose (no typer, no prefect): start-up time is paid once per seat.
Configuration enters here, once: `AgentSettings` (env prefix `TRAITORSIM_AGENT_`)
overlaid by argv. The token is never on argv; `--token-env VAR` names the
environment variable that holds it.
"""

from __future__ import annotations

import argparse
import ctypes
import logging
import os
import signal
import socket
import sys
import threading
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

from pydantic_settings import BaseSettings, SettingsConfigDict

if TYPE_CHECKING:
    from agent.brains.base import Brain

log = logging.getLogger("agent.serve")

_PR_SET_PDEATHSIG = 1


class AgentSettings(BaseSettings):
    """Agent process settings from the environment (`TRAITORSIM_AGENT_*`)."""

    model_config = SettingsConfigDict(env_prefix="TRAITORSIM_AGENT_", extra="ignore")

    brain: str = "heuristic"
    name: str = ""
    token: str | None = None
    host: str = "127.0.0.1"
    port: int = 8000


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line of one agent process."""
    ap = argparse.ArgumentParser(prog="python -m agent.serve", description=__doc__)
    ap.add_argument("--port", type=int)
    ap.add_argument("--host")
    ap.add_argument("--fd", type=int, help="serve on this inherited listening socket")
    ap.add_argument("--brain")
    ap.add_argument("--name")
    ap.add_argument("--token-env", help="name of the env var holding the bearer token")
    ap.add_argument("--label", default="", help="owner label, for teardown (not used here)")
    ap.add_argument("--parent-pid", type=int, help="exit when this process goes away")
    ap.add_argument("--fork-server", action="store_true", help="fork agents from stdin specs")
    ap.add_argument("--pdeathsig", action="store_true", help="also prctl(PR_SET_PDEATHSIG) (Linux)")
    return ap.parse_args(argv)


def resolve(args: argparse.Namespace, env: dict[str, str] | None = None) -> AgentSettings:
    """Settings from the environment, argv winning; the token from `--token-env`."""
    settings = AgentSettings()
    update: dict[str, object] = {
        k: v for k in ("brain", "name", "host", "port") if (v := getattr(args, k)) is not None
    }
    if args.token_env:
        environ = os.environ if env is None else env
        if args.token_env not in environ:
            raise SystemExit(f"agent.serve: --token-env {args.token_env} is not set")
        update["token"] = environ[args.token_env]
    merged = settings.model_copy(update=update)
    if not merged.name:
        merged = merged.model_copy(update={"name": f"traitorsim-{merged.brain}"})
    return merged


def guard_parent(parent_pid: int, pdeathsig: bool) -> None:
    """Die with the parent: a watchdog thread, plus PR_SET_PDEATHSIG on Linux if asked.

    PDEATHSIG fires when the *thread* that forked us exits, not the process, so the
    runtime asks for it only when it spawns from its main thread (a Prefect worker
    thread may retire while the game goes on). The watchdog covers the rest.
    """
    if pdeathsig and sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
        except (OSError, AttributeError):  # no prctl: the watchdog alone will do
            log.warning("prctl(PR_SET_PDEATHSIG) unavailable")
    if os.getppid() != parent_pid:
        os._exit(1)  # the parent is already gone

    def watch() -> None:
        while True:
            time.sleep(0.5)
            if os.getppid() != parent_pid:
                os.kill(os.getpid(), signal.SIGTERM)
                time.sleep(3)
                os._exit(1)

    threading.Thread(target=watch, name="parent-watchdog", daemon=True).start()


def load_brain(spec: str) -> Brain:
    """A brain by name (`heuristic`, `random`) or by `package.module:Class` (custom brains)."""
    if ":" in spec:
        import importlib

        module, _, cls = spec.partition(":")
        brain: Brain = getattr(importlib.import_module(module), cls)()
        return brain
    from agent.brains import make_brain

    return make_brain(spec)


def run(settings: AgentSettings, fd: int | None = None) -> None:
    """Build the brain and the app and serve until SIGTERM/SIGINT."""
    import uvicorn

    from agent.service import create_app

    app = create_app(load_brain(settings.brain), agent_name=settings.name, token=settings.token)
    config = uvicorn.Config(
        app,
        host=settings.host,
        port=settings.port,
        log_level="warning",
        access_log=False,
        lifespan="off",
        workers=1,
    )
    # An inherited listening socket (from the process runtime): family auto-detected,
    # unlike uvicorn's own --fd which assumes a Unix socket.
    sockets = [socket.socket(fileno=fd)] if fd is not None else None
    uvicorn.Server(config).run(sockets=sockets)


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of `python -m agent.serve`."""
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(name)s %(message)s")
    args = parse_args(argv)
    if args.fork_server:
        from agent.forkserver import serve_forks

        serve_forks(resolve(args).token, args.parent_pid, args.pdeathsig)
        return
    if args.parent_pid:
        guard_parent(args.parent_pid, args.pdeathsig)
    run(resolve(args), fd=args.fd)


if __name__ == "__main__":
    main()
