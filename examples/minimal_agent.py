"""A minimal TraitorSim Agent Protocol v1 agent, standard library only.

    python examples/minimal_agent.py --port 8001 [--seed 7]

Implements the required endpoints (health, initialize, vote, reflect,
get_suspicions) and a few optional ones (choose_murder_victim, vote_to_end,
decide_recruitment) with simple legal choices. Every other optional endpoint
answers 404, which the engine treats as "not implemented" and decides itself.
Malformed requests get 400/422, never a 500. Use it as a template in any language.
"""

from __future__ import annotations

import argparse
import json
import random
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class BadRequest(Exception):
    """The request body is not what the protocol says (answered with 422)."""


class Agent:
    """The state of one player; /initialize resets it."""

    def __init__(self, seed: int | None) -> None:
        self.rng = random.Random(seed)
        self.lock = threading.Lock()
        self.me: dict[str, Any] | None = None
        self.fellows: set[str] = set()
        self.suspicion: dict[str, float] = {}

    def initialize(self, body: dict[str, Any]) -> dict[str, Any]:
        player = _field(body, "player", dict)
        pid, name = _field(player, "id", str), _field(player, "name", str)
        _field(body, "game_id", str)
        fellows = body.get("fellow_traitors") or []
        if not isinstance(fellows, list):
            raise BadRequest("fellow_traitors: must be a list")
        self.me = {"id": pid, "name": name, "role": player.get("role")}
        self.fellows = {f.get("id") for f in fellows if isinstance(f, dict)}
        self.suspicion = {}
        return {"status": "initialized", "player_id": pid, "player_name": name}

    def _others(self, body: dict[str, Any]) -> list[str]:
        state = _field(body, "game_state", dict)
        players = _field(state, "players", list)
        me = self._id()
        alive = [p.get("id") for p in players if isinstance(p, dict) and p.get("alive", True)]
        others = [pid for pid in alive if isinstance(pid, str) and pid != me]
        for pid in others:
            self.suspicion.setdefault(pid, round(self.rng.random(), 3))
        for pid in list(self.suspicion):
            if pid not in others:
                del self.suspicion[pid]
        return others

    def _id(self) -> str:
        if self.me is None:
            raise Conflict("call /initialize first")
        return str(self.me["id"])

    def vote(self, body: dict[str, Any]) -> dict[str, Any]:
        self._others(body)
        me = self._id()
        eligible = [
            t for t in _field(body, "eligible_targets", list) if isinstance(t, str) and t != me
        ]
        if not eligible:
            raise BadRequest("eligible_targets: no one to vote for")
        target = max(eligible, key=lambda t: self.suspicion.get(t, 0.0))
        return {"target_player_id": target, "reasoning": "the one I trust least"}

    def reflect(self, body: dict[str, Any]) -> dict[str, Any]:
        self._others(body)
        _field(body, "events", list)
        return {"status": "completed", "player_id": self._id()}

    def get_suspicions(self, body: dict[str, Any]) -> dict[str, Any]:
        return {"player_id": self._id(), "suspicions": dict(self.suspicion)}

    def choose_murder_victim(self, body: dict[str, Any]) -> dict[str, Any]:
        others = [o for o in self._others(body) if o not in self.fellows]
        death_list = body.get("death_list")
        pool = [t for t in death_list if t in others] if isinstance(death_list, list) else others
        if not pool:
            raise BadRequest("game_state: no faithful left to murder")
        return {"target_player_id": self.rng.choice(pool), "reasoning": "random faithful"}

    def vote_to_end(self, body: dict[str, Any]) -> dict[str, Any]:
        self._others(body)
        return {"vote": "BANISH" if self.rng.random() < 0.5 else "END", "reasoning": "coin"}

    def decide_recruitment(self, body: dict[str, Any]) -> dict[str, Any]:
        self._others(body)
        accepts = bool(body.get("is_ultimatum", False))
        return {"accepts": accepts, "reasoning": "only when I must"}


class Conflict(Exception):
    """A decision before /initialize (answered with 409)."""


def _field(body: Any, name: str, kind: type) -> Any:
    if not isinstance(body, dict) or name not in body:
        raise BadRequest(f"{name}: field required")
    if not isinstance(body[name], kind):
        raise BadRequest(f"{name}: must be a {kind.__name__}")
    return body[name]


ROUTES = {
    ("POST", "/initialize"): "initialize",
    ("POST", "/vote"): "vote",
    ("POST", "/reflect"): "reflect",
    ("GET", "/get_suspicions"): "get_suspicions",
    ("POST", "/choose_murder_victim"): "choose_murder_victim",
    ("POST", "/vote_to_end"): "vote_to_end",
    ("POST", "/decide_recruitment"): "decide_recruitment",
}


def make_handler(agent: Agent, name: str) -> type[BaseHTTPRequestHandler]:
    """The request handler class bound to one agent."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as the engine's client expects
        # Without these, headers and body go out as two small packets and Nagle's
        # algorithm plus delayed ACKs cost ~40 ms per call on a kept-alive connection.
        disable_nagle_algorithm = True
        wbufsize = -1  # buffered; BaseHTTPRequestHandler flushes after each request

        def log_message(self, format: str, *args: Any) -> None:  # quiet
            return

        def do_GET(self) -> None:
            if self.path == "/health":
                self._send(200, {"status": "ok", "agent_name": name, "protocol_version": "1.0"})
            else:
                self._dispatch("GET")

        def do_POST(self) -> None:
            self._dispatch("POST")

        def _dispatch(self, method: str) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            route = ROUTES.get((method, self.path))
            if route is None:
                self._send(404, {"detail": f"{self.path} not implemented"})
                return
            try:
                body = json.loads(raw) if method == "POST" else {}
                with agent.lock:
                    self._send(200, getattr(agent, route)(body))
            except (ValueError, BadRequest) as exc:
                self._send(422, {"detail": str(exc)})
            except Conflict as exc:
                self._send(409, {"detail": str(exc)})

        def _send(self, code: int, payload: dict[str, Any]) -> None:
            data = json.dumps(payload).encode()
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    return Handler


def main() -> None:
    """Parse argv and serve until interrupted."""
    ap = argparse.ArgumentParser(description="minimal TraitorSim v1 agent (stdlib only)")
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--name", default="minimal-agent")
    args = ap.parse_args()
    server = ThreadingHTTPServer((args.host, args.port), make_handler(Agent(args.seed), args.name))
    server.daemon_threads = True
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
