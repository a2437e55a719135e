"""`python -m agent.serve --fork-server`: import once, fork one agent per seat.

Start-up of an agent is almost all imports (FastAPI, pydantic, uvicorn: ~0.5 s of CPU).
On a small machine 24 agents would queue for ~6 s. The fork server pays the imports
once, then forks a child per agent spec it reads from stdin (JSON lines:
`{"seat", "fd", "brain", "name", "log"}`; `fd` an inherited listening socket). It
answers one JSON line `{seat: pid}` on stdout, then stays to reap its children,
writing each child's exit code to `<log>.exit`, and exits when the last one has.

Each child starts its own session (so teardown can signal it as a group), sends its
output to its own log, keeps only its own socket, and dies with the fork server
(PR_SET_PDEATHSIG, set from the server's main thread, plus the watchdog).
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sys
import traceback
from typing import Any

from agent.serve import AgentSettings, guard_parent, run


def _child(spec: dict[str, Any], all_fds: list[int], token: str | None) -> None:
    """Become one agent; never returns."""
    code = 0
    try:
        os.setsid()
        log = os.open(spec["log"], os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        os.dup2(log, 1)
        os.dup2(log, 2)
        os.close(log)
        for fd in all_fds:  # a sibling's socket kept open here would outlive that sibling
            if fd != spec["fd"]:
                os.close(fd)
        for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGCHLD):
            signal.signal(sig, signal.SIG_DFL)
        guard_parent(os.getppid(), pdeathsig=True)
        settings = AgentSettings(brain=spec["brain"], name=spec["name"], token=token)
        run(settings, fd=spec["fd"])
    except BaseException:
        traceback.print_exc()
        code = 1
    finally:
        sys.stderr.flush()
        os._exit(code)


def _preload(brains: set[str]) -> None:
    """Import what every child needs, so that forking is all that is left."""
    import uvicorn  # noqa: F401

    import agent.service  # noqa: F401
    from agent.serve import load_brain

    for name in brains:
        with contextlib.suppress(Exception):  # the child that needs it reports it in its log
            load_brain(name)


def serve_forks(token: str | None, parent_pid: int | None, pdeathsig: bool) -> None:
    """Read specs from stdin, fork the agents, report their pids, reap them."""
    specs = [json.loads(line) for line in sys.stdin if line.strip()]
    _preload({s["brain"] for s in specs})
    fds = [s["fd"] for s in specs]
    children: dict[int, dict[str, Any]] = {}
    for spec in specs:
        pid = os.fork()
        if pid == 0:
            _child(spec, fds, token)
        children[pid] = spec
    for fd in fds:
        os.close(fd)
    sys.stdout.write(json.dumps({s["seat"]: pid for pid, s in children.items()}) + "\n")
    sys.stdout.flush()
    if parent_pid:  # only now: no watchdog thread may exist while forking
        guard_parent(parent_pid, pdeathsig)

    def forward(signum: int, frame: object) -> None:
        for pid in list(children):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)

    signal.signal(signal.SIGTERM, forward)
    signal.signal(signal.SIGINT, forward)
    _reap(children)


def _reap(children: dict[int, dict[str, Any]]) -> None:
    while children:
        try:
            pid, status = os.wait()
        except ChildProcessError:
            return
        spec = children.pop(pid, None)
        if spec is not None:
            code = os.waitstatus_to_exitcode(status)
            with open(f"{spec['log']}.exit", "w") as f:
                f.write(str(code))
