"""Processes as /proc shows them, and the records the process runtime keeps of its own.

A pid alone names nothing for long: it is reused. A record pairs it with the start
time from /proc/<pid>/stat and a label on the command line, and only a process
that still matches both is ever signalled.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class ProcRecord:
    """One spawned agent process, as written to the owner's state file."""

    seat: str
    pid: int
    create_time: int  # /proc/<pid>/stat starttime, in clock ticks since boot
    port: int
    label: str
    log: str


def proc_start_time(pid: int) -> int | None:
    """Start time of a live (non-zombie) process from /proc, or None if it is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat[stat.rindex(")") + 2 :].split()
    if fields[0] in ("Z", "X"):  # zombie or dead: already exited
        return None
    return int(fields[19])  # field 22 overall; fields[0] is field 3


def proc_cmdline(pid: int) -> str:
    """The command line of a process, NUL separators turned into spaces ('' if gone)."""
    try:
        return (
            Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        )
    except OSError:
        return ""


def find_labelled(fragment: str) -> list[int]:
    """Pids of live `agent.serve` processes whose command line contains `fragment`."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            cmd = proc_cmdline(int(entry.name))
            if "agent.serve" in cmd and fragment in cmd and proc_start_time(int(entry.name)):
                found.append(int(entry.name))
    return found


def read_records(path: Path) -> list[dict[str, Any]]:
    """The raw records in a state file ([] when there is none)."""
    try:
        data: list[dict[str, Any]] = json.loads(path.read_text())
    except FileNotFoundError:
        return []
    return data


def tail(path: Path, limit: int = 800) -> str:
    """The end of a log file, for error messages."""
    try:
        text = path.read_text(errors="replace")
    except OSError:
        return "(no log)"
    return text[-limit:].strip() or "(empty log)"


def signal_group(pid: int, sig: signal.Signals) -> None:
    """Signal a process group, ignoring one that is already gone."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, sig)
