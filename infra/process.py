"""The `process` runtime: one `python -m agent.serve` per seat on a loopback port.

Each agent runs in its own session (process group), inherits a listening socket
the runtime bound for it (so ports never race and early health probes queue in the
backlog instead of failing), and is told `--parent-pid` so it dies with us. The
bearer token travels in a private environment variable, never on argv.

Every spawned process is recorded (pid, start time, port, seat, label) in
`<state_dir>/<owner>.json`, written atomically, so teardown works from another
task or process. Teardown only signals a pid whose start time and command line
still match the record: a reused pid is never killed.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict
from pathlib import Path
from typing import Any

import httpx

from infra.base import AgentHandle, AgentSpec, Owner, Runtime
from infra.errors import AgentsNotReady, InfraError
from infra.procs import (
    ProcRecord,
    find_labelled,
    proc_cmdline,
    proc_start_time,
    read_records,
    signal_group,
    tail,
)

__all__ = ["FORK_SERVER", "TOKEN_ENV", "ProcessRuntime", "agents", "find_labelled", "proc_cmdline"]

TOKEN_ENV = "TRAITORSIM_AGENT_PRIVATE_TOKEN"
FORK_SERVER = "_forkserver"  # the seat name of a fork server's record
_FORK_TIMEOUT_S = 60.0
_TERM_GRACE_S = 3.0


def _safe_name(owner: Owner) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in owner.label.replace("/", "__"))


def _bind(host: str, port: int) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    sock.listen(128)
    return sock


class ProcessRuntime(Runtime):
    """Agents as local subprocesses (the default runtime)."""

    name = "process"

    def __init__(
        self,
        state_dir: Path,
        base_port: int | None = None,
        python: str = sys.executable,
        host: str = "127.0.0.1",
        fork_server: bool = True,
    ) -> None:
        self.state_dir = Path(state_dir)
        self.fork_server = fork_server
        self.base_port = base_port
        self.python = python
        self.host = host
        self._procs: dict[int, subprocess.Popen[bytes]] = {}

    def start_daemon(self) -> None:
        """Nothing to start for processes."""

    def build_images(self) -> list[str]:
        """Nothing to build for processes."""
        return []

    # -- spawn -----------------------------------------------------------------

    def spawn(
        self, owner: Owner, specs: Sequence[AgentSpec], token: str | None = None
    ) -> list[AgentHandle]:
        """Start one agent per spec; records are written before this returns."""
        self.state_dir.mkdir(parents=True, exist_ok=True)
        sockets = self._listen(len(specs))
        records = self._load(owner)
        started: list[ProcRecord] = []
        try:
            if self.fork_server and specs:
                started += self._start_forked(owner, specs, sockets, token)
            else:
                for spec, sock in zip(specs, sockets, strict=True):
                    started.append(self._start(owner, spec, sock, token))
        finally:
            for sock in sockets:
                sock.close()
            self._save(owner, records + started)
        return [
            AgentHandle(seat=r.seat, url=self._url(r.port), ref=str(r.pid))
            for r in started
            if r.seat != FORK_SERVER
        ]

    def _url(self, port: int) -> str:
        return f"http://{self.host}:{port}"

    def _listen(self, n: int) -> list[socket.socket]:
        """n listening sockets: consecutive free ports from base_port, or OS-chosen ones."""
        socks: list[socket.socket] = []
        port = self.base_port or 0
        try:
            while len(socks) < n:
                try:
                    socks.append(_bind(self.host, port))
                except OSError:
                    if not port or port > 65535:
                        raise
                port = port + 1 if port else 0
        except OSError as exc:
            for s in socks:
                s.close()
            raise InfraError(f"no free port on {self.host} from {self.base_port}: {exc}") from exc
        return socks

    def _log_path(self, owner: Owner, seat: str) -> Path:
        path = self.state_dir / _safe_name(owner) / f"{seat}.log"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.with_suffix(".log.exit").unlink(missing_ok=True)
        return path

    def _popen(
        self, argv: list[str], log_path: Path, fds: Sequence[int], token: str | None, **kw: Any
    ) -> subprocess.Popen[bytes]:
        """Start `python -m agent.serve ...` in its own session, the token in the env only."""
        argv = [*argv, "--parent-pid", str(os.getpid())]
        if threading.current_thread() is threading.main_thread():
            argv.append("--pdeathsig")  # see agent.serve.guard_parent: per-thread signal
        env = dict(os.environ)
        env.pop(TOKEN_ENV, None)
        if token:
            env[TOKEN_ENV] = token
            argv += ["--token-env", TOKEN_ENV]
        with open(log_path, "ab") as err:
            proc = subprocess.Popen(
                argv,
                stdin=kw.pop("stdin", subprocess.DEVNULL),
                stdout=kw.pop("stdout", err),
                stderr=err,
                env=env,
                pass_fds=tuple(fds),
                start_new_session=True,
                close_fds=True,
                **kw,
            )
        self._procs[proc.pid] = proc
        return proc

    def _start_forked(
        self,
        owner: Owner,
        specs: Sequence[AgentSpec],
        socks: list[socket.socket],
        token: str | None,
    ) -> list[ProcRecord]:
        """One fork server for all specs (see agent.forkserver); records it and its agents."""
        label = f"{owner.label}/"
        logs = [self._log_path(owner, s.seat) for s in specs]
        lines = [
            json.dumps({"seat": s.seat, "fd": sock.fileno(), "brain": s.brain, "log": str(log),
                        "name": s.options.get("name", f"{s.brain}-{s.seat}")})
            for s, sock, log in zip(specs, socks, logs, strict=True)
        ]  # fmt: skip
        argv = [self.python, "-m", "agent.serve", "--fork-server", "--label", label]
        zlog = self._log_path(owner, FORK_SERVER)
        proc = self._popen(argv, zlog, [s.fileno() for s in socks], token,
                           stdin=subprocess.PIPE, stdout=subprocess.PIPE)  # fmt: skip
        pids = self._read_pids(proc, lines, owner, zlog)
        zygote = ProcRecord(
            FORK_SERVER, proc.pid, proc_start_time(proc.pid) or 0, 0, label, str(zlog)
        )
        return [zygote] + [
            ProcRecord(s.seat, pids[s.seat], proc_start_time(pids[s.seat]) or 0,
                       sock.getsockname()[1], label, str(log))
            for s, sock, log in zip(specs, socks, logs, strict=True)
        ]  # fmt: skip

    def _read_pids(
        self, proc: subprocess.Popen[bytes], lines: list[str], owner: Owner, zlog: Path
    ) -> dict[str, int]:
        """Hand the fork server its specs; read back {seat: pid} (or fail with its log)."""
        if proc.stdin is None or proc.stdout is None:
            raise InfraError("fork server started without pipes")
        answer = b""
        with contextlib.suppress(BrokenPipeError):  # it died before reading: answer stays b""
            proc.stdin.write("\n".join(lines).encode() + b"\n")
            proc.stdin.close()
            ready, _, _ = select.select([proc.stdout], [], [], _FORK_TIMEOUT_S)
            answer = proc.stdout.readline() if ready else b""
        with contextlib.suppress(BrokenPipeError):
            proc.stdin.close()
        proc.stdout.close()
        if not answer:
            signal_group(proc.pid, signal.SIGKILL)
            proc.wait()
            raise InfraError(f"agent fork server for {owner.label} failed: {tail(zlog)}")
        pids: dict[str, int] = json.loads(answer)
        return pids

    def _start(
        self, owner: Owner, spec: AgentSpec, sock: socket.socket, token: str | None
    ) -> ProcRecord:
        label = f"{owner.label}/{spec.seat}"
        log_path = self._log_path(owner, spec.seat)
        fd = sock.fileno()
        argv = [
            self.python,
            "-m",
            "agent.serve",
            "--fd",
            str(fd),
            "--brain",
            spec.brain,
            "--name",
            spec.options.get("name", f"{spec.brain}-{spec.seat}"),
            "--label",
            label,
        ]
        proc = self._popen(argv, log_path, [fd], token)
        port = sock.getsockname()[1]
        return ProcRecord(
            spec.seat, proc.pid, proc_start_time(proc.pid) or 0, port, label, str(log_path)
        )

    # -- health ----------------------------------------------------------------

    def wait_healthy(
        self, handles: Sequence[AgentHandle], timeout_s: float, token: str | None = None
    ) -> None:
        """Poll every agent's /health concurrently until all answer or the deadline passes."""
        if not handles:
            return
        deadline = time.monotonic() + timeout_s
        timeout = httpx.Timeout(min(2.0, timeout_s))
        with (
            httpx.Client(timeout=timeout, trust_env=False, headers=_auth(token)) as client,
            ThreadPoolExecutor(max_workers=min(32, len(handles))) as pool,
        ):
            ready = list(pool.map(lambda h: self._poll(client, h, deadline), handles))
        missing = [h for h, ok in zip(handles, ready, strict=True) if not ok]
        if missing:
            raise AgentsNotReady(
                f"{len(missing)} agent(s) not healthy after {timeout_s:g}s: "
                + "; ".join(self._why(h) for h in missing)
            )

    def _poll(self, client: httpx.Client, handle: AgentHandle, deadline: float) -> bool:
        while time.monotonic() < deadline:
            if self._exit_code(int(handle.ref)) is not None:
                return False
            try:
                if client.get(f"{handle.url}/health").status_code == 200:
                    return True
            except httpx.HTTPError:
                pass
            time.sleep(0.02)
        return False

    def _exit_code(self, pid: int) -> int | None:
        """None while running; the exit code once gone (-1 if unknown)."""
        proc = self._procs.get(pid)
        if proc is not None:
            return proc.poll()
        if proc_start_time(pid):
            return None
        log = self._log_of(pid)
        for _ in range(50):  # a fork server writes `<log>.exit` just after reaping
            with contextlib.suppress(OSError, ValueError):
                return int(Path(f"{log}.exit").read_text())
            time.sleep(0.01)
        return -1

    def _log_of(self, pid: int) -> Path | None:
        for f in self.state_dir.glob("*.json"):
            for r in read_records(f):
                if r["pid"] == pid:
                    return Path(r["log"])
        return None

    def _why(self, handle: AgentHandle) -> str:
        code = self._exit_code(int(handle.ref))
        if code is None:
            return f"{handle.seat} (pid {handle.ref}) did not answer /health"
        log_file = self._log_of(int(handle.ref))
        end = tail(log_file) if log_file else ""
        return f"{handle.seat} (pid {handle.ref}) exited with code {code}: {end}"

    # -- teardown --------------------------------------------------------------

    def teardown(self, owner: Owner) -> int:
        """SIGTERM each recorded process group, SIGKILL after ~3 s; returns how many stopped."""
        path = self._path(owner)
        records = self._load(owner)
        live = [r for r in records if self._matches(r)]
        agents_stopped = sum(r.seat != FORK_SERVER for r in live)
        for r in live:
            signal_group(r.pid, signal.SIGTERM)
        deadline = time.monotonic() + _TERM_GRACE_S
        while time.monotonic() < deadline and any(self._alive(r) for r in live):
            time.sleep(0.02)
        for r in live:
            if self._matches(r):
                signal_group(r.pid, signal.SIGKILL)
        for r in live:
            self._reap(r.pid)
        path.unlink(missing_ok=True)
        self._tidy_logs(owner)
        return agents_stopped

    def _tidy_logs(self, owner: Owner) -> None:
        """Drop the game's empty logs and exit notes; keep any log that says something."""
        folder = self.state_dir / _safe_name(owner)
        if not folder.is_dir():
            return
        for f in folder.iterdir():
            if f.name.endswith(".exit") or (f.suffix == ".log" and f.stat().st_size == 0):
                f.unlink(missing_ok=True)
        with contextlib.suppress(OSError):  # not empty: a log is kept for the user to read
            folder.rmdir()

    def _matches(self, rec: ProcRecord) -> bool:
        """The recorded process is still alive and still the one we started."""
        start = proc_start_time(rec.pid)
        return start is not None and start == rec.create_time and rec.label in proc_cmdline(rec.pid)

    def _alive(self, rec: ProcRecord) -> bool:
        self._reap(rec.pid, block=False)
        return self._matches(rec)

    def _reap(self, pid: int, block: bool = True) -> None:
        proc = self._procs.get(pid)
        if proc is None:
            return
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=1.0 if block else 0)
        if proc.returncode is not None and block:
            self._procs.pop(pid, None)

    # -- records ---------------------------------------------------------------

    def _path(self, owner: Owner) -> Path:
        return self.state_dir / f"{_safe_name(owner)}.json"

    def _load(self, owner: Owner) -> list[ProcRecord]:
        return [ProcRecord(**r) for r in read_records(self._path(owner))]

    def _save(self, owner: Owner, records: list[ProcRecord]) -> None:
        path = self._path(owner)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps([asdict(r) for r in records], indent=1))
        os.replace(tmp, path)


def _auth(token: str | None) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"} if token else {}


@contextlib.contextmanager
def agents(
    runtime: Runtime,
    owner: Owner,
    specs: Sequence[AgentSpec],
    *,
    token: str | None = None,
    timeout_s: float = 30.0,
) -> Iterator[list[AgentHandle]]:
    """Spawn, wait until healthy, yield the handles, and always tear down (also on Ctrl-C)."""
    try:
        handles = runtime.spawn(owner, specs, token=token)
        runtime.wait_healthy(handles, timeout_s, token)
        yield handles
    finally:
        runtime.teardown(owner)
