"""Conformance checker for any agent (ours, a v1 agent, a stranger's): `traitorsim agent check URL`.

It plays two short, realistic scenes at the agent — once as a faithful, once as a
traitor — calls every endpoint once with a valid request, sends malformed requests
(which must get a 4xx, never a 5xx), checks what the agent may reveal and answer
(no role in /health, suspicions in 0..1 for known ids only, legal targets), and
checks that a new /initialize forgets the previous game.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

import httpx
from pydantic import BaseModel

from agent import protocol as p
from agent.adapter import parse_response
from agent.errors import MalformedAnswer

CheckStatus = Literal["pass", "fail", "not_implemented"]
_NAMES = ("Ada", "Bram", "Cleo", "Dev", "Esme", "Finn", "Gus", "Hana")


@dataclass(frozen=True, slots=True)
class CheckRow:
    """One line of the report."""

    check: str
    status: CheckStatus
    detail: str = ""


@dataclass
class Scene:
    """A game as one agent sees it: ids, roles it may know, and who is alive."""

    prefix: str
    me: int
    role: Literal["faithful", "traitor"]
    traitors: tuple[int, ...] = (1, 5)
    dead: dict[int, str] = field(default_factory=lambda: {6: "murdered", 7: "banished"})

    def pid(self, i: int) -> str:
        return f"{self.prefix}_{i:02d}"

    @property
    def ids(self) -> list[str]:
        return [self.pid(i) for i in range(len(_NAMES))]

    @property
    def alive_others(self) -> list[str]:
        return [self.pid(i) for i in range(len(_NAMES)) if i not in self.dead and i != self.me]

    def visible_role(self, i: int) -> Literal["faithful", "traitor"] | None:
        if i == self.me:
            return self.role
        if self.dead.get(i) == "banished" or (self.role == "traitor" and i in self.traitors):
            return "traitor" if i in self.traitors else "faithful"
        return None

    def player(self, i: int) -> p.Player:
        unit = round(0.1 + 0.1 * i, 2)
        return p.Player(
            id=self.pid(i),
            name=_NAMES[i],
            role=self.visible_role(i),
            alive=i not in self.dead,
            personality=p.Personality(
                openness=unit,
                conscientiousness=0.5,
                extraversion=1 - unit,
                agreeableness=0.6,
                neuroticism=0.3,
            ),
            stats=p.Stats(intellect=0.7, dexterity=unit, social_influence=0.4),
            archetype_name="The Strategist",
            backstory=f"{_NAMES[i]} runs a bakery and trusts nobody.",
        )

    def state(self, phase: str = "round_table") -> p.GameState:
        return p.GameState(
            day=3,
            phase=phase,
            prize_pot=12500,
            players=[self.player(i) for i in range(len(_NAMES))],
            murdered_players=[_NAMES[i] for i, how in self.dead.items() if how == "murdered"],
            banished_players=[_NAMES[i] for i, how in self.dead.items() if how == "banished"],
            last_murder_victim=_NAMES[6],
            your_player_id=self.pid(self.me),
            game_id=f"check-{self.prefix}",
            history=self.history(),
        )

    def history(self) -> list[p.Event]:
        ev = [
            p.Event(seq=0, day=1, phase="setup", kind="game_started", data={"players": self.ids}),
            p.Event(seq=1, day=2, phase="breakfast", kind="murder_revealed", target=self.pid(6)),
            p.Event(
                seq=2,
                day=2,
                phase="mission",
                kind="mission_result",
                data={"earnings": 2500, "pot": 12500},
            ),
            p.Event(
                seq=3,
                day=2,
                phase="round_table",
                kind="vote",
                actor=self.pid(0),
                target=self.pid(7),
                data={"round": 1, "weight": 1},
            ),
            p.Event(
                seq=4,
                day=2,
                phase="round_table",
                kind="banished",
                target=self.pid(7),
                data={"role": "faithful", "votes": 5},
            ),
        ]
        return ev

    def initialize(self) -> p.InitializeRequest:
        fellows = [p.FellowTraitor(id=self.pid(i), name=_NAMES[i]) for i in self.traitors]
        return p.InitializeRequest(
            player=self.player(self.me).model_copy(update={"alive": True}),
            game_id=f"check-{self.prefix}",
            fellow_traitors=fellows if self.role == "traitor" else None,
        )


FAITHFUL = Scene(prefix="player", me=0, role="faithful")
TRAITOR = Scene(prefix="player", me=1, role="traitor")
OTHER_GAME = Scene(prefix="guest", me=2, role="faithful")


class Checker:
    """Runs the checks against one agent through one httpx client."""

    def __init__(self, client: httpx.AsyncClient, url: str, token: str | None) -> None:
        self.client = client
        self.url = url.rstrip("/")
        self.headers = {"Authorization": f"Bearer {token}"} if token else {}
        self.token = token
        self.rows: list[CheckRow] = []
        self.health_bodies: set[str] = set()

    def add(self, check: str, status: CheckStatus, detail: str = "") -> None:
        self.rows.append(CheckRow(check, status, detail))

    async def send(
        self,
        name: str,
        body: BaseModel | None = None,
        *,
        raw: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        ep = p.ENDPOINTS[name]
        hdrs = {**self.headers, **(headers or {})}
        content = raw if raw is not None else (body.model_dump_json().encode() if body else None)
        if content is not None:
            hdrs["Content-Type"] = "application/json"
        return await self.client.request(
            ep.method, self.url + ep.path, content=content, headers=hdrs
        )

    async def call(
        self,
        check: str,
        name: str,
        body: BaseModel | None = None,
        validate: Callable[[Any], str | None] | None = None,
    ) -> Any:
        """One valid call: pass, fail (with why) or not_implemented (404/501 on optional)."""
        try:
            resp = await self.send(name, body)
        except httpx.HTTPError as exc:
            self.add(check, "fail", f"transport error: {type(exc).__name__}: {exc}")
            return None
        if resp.status_code in (404, 501) and not p.ENDPOINTS[name].required:
            self.add(check, "not_implemented", f"HTTP {resp.status_code}")
            return None
        if resp.status_code != 200:
            self.add(check, "fail", f"HTTP {resp.status_code}: {resp.text[:200]}")
            return None
        try:
            parsed = parse_response(name, json.loads(resp.content))
        except (ValueError, MalformedAnswer) as exc:
            self.add(check, "fail", f"bad response body: {exc}")
            return None
        problem = validate(parsed) if validate else None
        self.add(
            check,
            "fail" if problem else "pass",
            problem or f"{resp.elapsed.total_seconds() * 1000:.1f} ms",
        )
        return parsed

    async def health(self, check: str) -> None:
        """/health answers ok and reveals no role: no `role` key, no role word, same for all."""
        try:
            resp = await self.send("health")
        except httpx.HTTPError as exc:
            self.add(check, "fail", f"transport error: {exc}")
            return
        if resp.status_code != 200:
            self.add(check, "fail", f"HTTP {resp.status_code}")
            return
        body = resp.text
        if _ROLE_WORD.search(body) or '"role"' in body:
            self.add(check, "fail", f"/health reveals a role: {body[:200]}")
        elif self.health_bodies and body not in self.health_bodies:
            self.add(check, "fail", f"/health changes with the role: {body[:200]}")
        else:
            self.add(check, "pass")
        self.health_bodies.add(body)


_ROLE_WORD = re.compile(r"\b(traitor|faithful)\b", re.IGNORECASE)


def _target_rule(legal: list[str], what: str) -> Callable[[Any], str | None]:
    def rule(r: Any) -> str | None:
        t = r.target_player_id
        return None if t in legal else f"{what} {t!r} is not one of {legal!r}"

    return rule


def _suspicion_rule(known: list[str]) -> Callable[[Any], str | None]:
    def rule(r: Any) -> str | None:
        bad = {k: v for k, v in r.suspicions.items() if k not in known or not 0 <= v <= 1}
        return f"unknown ids or values outside 0..1: {bad!r}" if bad else None

    return rule


async def _scene(c: Checker, s: Scene) -> None:
    """Every endpoint once, as one role."""
    tag, me = s.role, s.pid(s.me)
    await c.call(
        f"{tag}: initialize",
        "initialize",
        s.initialize(),
        lambda r: None if r.player_id == me else f"player_id {r.player_id!r} != {me!r}",
    )
    await c.health(f"{tag}: health reveals no role")
    st = s.state()
    events = ["Gus was murdered.", "Hana was banished. Hana was a faithful."]
    await c.call(f"{tag}: reflect", "reflect", p.ReflectRequest(game_state=st, events=events))
    await c.call(f"{tag}: get_suspicions", "get_suspicions", None, _suspicion_rule(s.ids))
    await c.call(
        f"{tag}: vote",
        "vote",
        p.VoteRequest(game_state=st, eligible_targets=s.alive_others),
        _target_rule(s.alive_others, "vote"),
    )
    said = [p.Statement(player_id=s.pid(3), text="I am watching Bram.")]
    await c.call(
        f"{tag}: discuss", "discuss", p.DiscussRequest(game_state=st, statements_so_far=said)
    )
    await c.call(f"{tag}: vote_to_end", "vote_to_end", p.GameStateRequest(game_state=st))
    if s.role == "traitor":
        await _traitor_only(c, s)
    else:
        await _faithful_only(c, s)


async def _traitor_only(c: Checker, s: Scene) -> None:
    st = s.state("turret")
    victims = [pid for i, pid in enumerate(s.ids) if pid in s.alive_others and i not in s.traitors]
    await c.call(
        "traitor: choose_murder_victim",
        "choose_murder_victim",
        p.MurderRequest(game_state=st),
        _target_rule(victims, "victim"),
    )
    await c.call(
        "traitor: create_death_list",
        "create_death_list",
        p.DeathListRequest(game_state=st, num_candidates=2),
        lambda r: (
            None
            if len(r.death_list) == 2 and set(r.death_list) <= set(victims)
            else f"death list {r.death_list!r} is not 2 of {victims!r}"
        ),
    )
    await c.call(
        "traitor: choose_recruit_target",
        "choose_recruit_target",
        p.GameStateRequest(game_state=st),
        _target_rule(victims, "recruit"),
    )
    await c.call("traitor: share_or_steal", "share_or_steal", p.GameStateRequest(game_state=st))


async def _faithful_only(c: Checker, s: Scene) -> None:
    st = s.state("turret")
    await c.call(
        "faithful: decide_recruitment",
        "decide_recruitment",
        p.RecruitmentRequest(game_state=st, is_ultimatum=False),
    )
    await c.call(
        "faithful: choose_seer_target",
        "choose_seer_target",
        p.GameStateRequest(game_state=s.state("mission")),
        _target_rule(s.alive_others, "seer target"),
    )
    await c.call(
        "faithful: seer_result",
        "seer_result",
        p.SeerResultRequest(target_player_id=s.pid(1), true_role="TRAITOR"),
    )


_BAD_BODIES: dict[str, bytes] = {
    "missing fields": b"{}",
    "wrong types": b'{"game_state": 7, "eligible_targets": "all", "player": [], "game_id": 1}',
    "not JSON": b"{this is not json",
}


async def _invalid(c: Checker) -> None:
    """Malformed bodies on every POST endpoint: 4xx, never 5xx."""
    for ep in p.ENDPOINTS.values():
        if ep.method != "POST":
            continue
        outcomes = []
        for what, raw in _BAD_BODIES.items():
            try:
                code = (await c.send(ep.name, raw=raw)).status_code
            except httpx.HTTPError as exc:
                outcomes.append(f"{what}: transport error {type(exc).__name__}")
                continue
            if not 400 <= code < 500:
                outcomes.append(f"{what}: HTTP {code}")
        c.add(f"invalid: {ep.name}", "fail" if outcomes else "pass", "; ".join(outcomes) or "4xx")


async def _reset(c: Checker) -> None:
    """A second /initialize must forget the first game: no old ids in suspicions."""
    await c.call("reset: initialize another game", "initialize", OTHER_GAME.initialize())
    await c.call(
        "reset: reflect",
        "reflect",
        p.ReflectRequest(game_state=OTHER_GAME.state(), events=["A new game."]),
    )
    await c.call(
        "reset: suspicions only for the new game",
        "get_suspicions",
        None,
        _suspicion_rule(OTHER_GAME.ids),
    )


async def _auth(c: Checker) -> None:
    if not c.token:
        return
    resp = await c.send("get_suspicions", headers={"Authorization": "Bearer wrong"})
    if resp.status_code == 401:
        c.add("auth: wrong token refused", "pass", "401")
    else:
        c.add("auth: wrong token refused", "not_implemented", f"HTTP {resp.status_code} (no auth)")


async def check_agent(
    url: str, token: str | None = None, *, client: httpx.AsyncClient | None = None
) -> list[CheckRow]:
    """Run every check against the agent at `url`; returns the report rows."""
    own = client is None
    client = client or httpx.AsyncClient(timeout=httpx.Timeout(30.0, connect=5.0), trust_env=False)
    c = Checker(client, url, token)
    try:
        await c.health("health")
        if c.rows[-1].status == "fail":
            return c.rows
        c.health_bodies.clear()  # compare only bodies after an initialize
        await _scene(c, FAITHFUL)
        await _scene(c, TRAITOR)
        await _invalid(c)
        await _reset(c)
        await _auth(c)
    finally:
        if own:
            await client.aclose()
    return c.rows


def run_check(url: str, token: str | None = None) -> list[CheckRow]:
    """Synchronous `check_agent`, for the CLI."""
    return asyncio.run(check_agent(url, token))
