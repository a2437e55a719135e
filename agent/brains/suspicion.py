"""The heuristic brain's beliefs: suspicion of each player, learned incrementally from events.

Suspicion is kept as log-odds per player (0.5 = a coin flip). Evidence moves it:
how players voted and whom they accused once roles are revealed, breakfast arrival
order, mission performance against ability, and accusations against oneself.
Personality shapes the updates: neuroticism amplifies them, agreeableness damps
the pull of other people's accusations, openness adds a seeded hunch at the start.
Traitors also keep `threat`: how hard each player has gone after a known traitor.
"""

from __future__ import annotations

import math
import random
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable

from agent import protocol as p
from agent.brains.common import FAITHFUL, TRAITOR
from game.events import EventKind

Handler = Callable[["Beliefs", p.Event], None]
_LATE_SHARE = 0.2  # the last fifth of breakfast arrivals count as "late"
_DECAY = 0.75  # threat and heat fade each new day


def _logit(prob: float) -> float:
    return math.log(prob / (1.0 - prob))


class Beliefs:
    """One player's model of the others, fed events in log order (each seq once)."""

    def __init__(
        self, me: str, role: str, traits: p.Personality, fellows: Iterable[str], rng: random.Random
    ) -> None:
        self.me = me
        self.role = role
        self.traits = traits
        self.rng = rng
        self.gain = 0.7 + 0.6 * traits.neuroticism
        self.social = 0.3 * (1.2 - traits.agreeableness)
        self.known: dict[str, str] = {me: role, **{f: TRAITOR for f in fellows}}
        self.revealed: set[str] = set()
        self.alive: set[str] = set()
        self.names: dict[str, str] = {}
        self.ability: dict[str, float] = {}
        self.agree: dict[str, float] = {}
        self.influence: dict[str, float] = {}
        self.logit: dict[str, float] = {}
        self.prior = _logit(3 / 21)
        self.threat: dict[str, float] = defaultdict(float)  # hostility to known traitors
        self.heat: dict[str, float] = defaultdict(float)  # votes and accusations received
        self.votes_on: dict[str, list[str]] = defaultdict(list)
        self.votes_by: dict[str, list[str]] = defaultdict(list)
        self.accusers_of: dict[str, list[str]] = defaultdict(list)
        self.accused_by: dict[str, list[str]] = defaultdict(list)
        self.final_votes: dict[str, str] = {}  # voter -> target, today's last round
        self.today = -1
        self.accused_today: Counter[str] = Counter()
        self.statements_today = 0
        self.best_performer: str | None = None
        self.shield_holder: str | None = None
        self.evidence: dict[str, list[str]] = defaultdict(list)
        self._seen: set[int] = set()
        self._hist_pos = 0

    # ---- feeding -------------------------------------------------------------------------

    def sync(self, gs: p.GameState, events: Iterable[p.Event] = ()) -> None:
        """Take in a game state's players (alive, visible roles), new history and `events`."""
        names = self.names
        for pl in gs.players:
            if pl.id not in names:
                self._meet(pl)
        history = gs.history
        if history is not None:
            if len(history) < self._hist_pos:
                self._hist_pos = 0
            self.ingest(history[self._hist_pos :])
            self._hist_pos = len(history)
        self.ingest(events)
        self._new_day(gs.day)
        # Roles last, so that a reveal re-reads the votes the history just brought in.
        known = self.known
        for pl in gs.players:
            if not pl.alive:
                self.alive.discard(pl.id)
            if pl.role is not None and known.get(pl.id) != pl.role:
                self.learn(pl.id, pl.role, revealed=not pl.alive)

    def _meet(self, pl: p.Player) -> None:
        pid = pl.id
        self.names[pid] = pl.name
        if pl.alive:
            self.alive.add(pid)
        t, s = pl.personality, pl.stats
        self.ability[pid] = 0.4 * s.dexterity + 0.35 * s.intellect + 0.25 * t.conscientiousness
        self.agree[pid] = t.agreeableness
        self.influence[pid] = s.social_influence
        hunch = self.rng.gauss(0.0, 0.1 + 0.3 * self.traits.openness)
        self.logit[pid] = self.prior + (hunch if pid != self.me else 0.0)

    def ingest(self, events: Iterable[p.Event]) -> None:
        """Process events not seen before, in order."""
        seen = self._seen
        for e in events:
            if e.seq in seen:
                continue
            seen.add(e.seq)
            self._new_day(e.day)
            handler = _HANDLERS.get(e.kind)
            if handler is not None:
                handler(self, e)

    def _new_day(self, day: int) -> None:
        if day <= self.today:
            return
        self.today = day
        self.accused_today = Counter()
        self.statements_today = 0
        self.final_votes = {}
        self.best_performer = None
        self.shield_holder = None
        for table in (self.threat, self.heat):
            for pid in table:
                table[pid] *= _DECAY

    # ---- reading -------------------------------------------------------------------------

    def suspicion(self, pid: str) -> float:
        """0..1: how likely this player is a traitor, in this player's eyes."""
        role = self.known.get(pid)
        if role is not None:
            return 1.0 if role == TRAITOR else 0.0
        x = self.logit.get(pid, self.prior)
        return 1.0 / (1.0 + math.exp(-x))

    def score(self, pid: str) -> float:
        """Suspicion on the log-odds scale (known roles at +-10), for ranking."""
        role = self.known.get(pid)
        if role is not None:
            return 10.0 if role == TRAITOR else -10.0
        return self.logit.get(pid, self.prior)

    def traitors(self) -> set[str]:
        """Every player this one knows to be a traitor."""
        return {pid for pid, role in self.known.items() if role == TRAITOR}

    def name(self, pid: str) -> str:
        """A player's name (their id if never seen)."""
        return self.names.get(pid, pid)

    # ---- updating ------------------------------------------------------------------------

    def adjust(self, pid: str | None, delta: float, why: str = "") -> None:
        """Move suspicion of an unknown living-or-dead player by `delta` log-odds (times gain)."""
        if pid is None or pid == self.me or pid in self.known or pid not in self.logit:
            return
        self.logit[pid] += delta * self.gain
        if why:
            notes = self.evidence[pid]
            notes.append(why)
            if len(notes) > 4:
                del notes[0]

    def learn(self, pid: str, role: str, revealed: bool) -> None:
        """A role becomes known (seer, recruitment, reveal); past behaviour is re-read."""
        if pid in self.revealed:
            return
        if revealed:
            self.revealed.add(pid)
        if pid != self.me and self.known.get(pid) != role:  # known ones were judged as seen
            self._reread(pid, role)
        self.known[pid] = role
        if pid == self.me:
            self.role = role

    def _reread(self, pid: str, role: str) -> None:
        """Judge everyone who voted for or accused `pid`, now that their role is known."""
        who = self.name(pid)
        if role == TRAITOR:
            for voter in self.votes_on[pid]:
                self.adjust(voter, -0.5)
            for accuser in self.accusers_of[pid]:
                self.adjust(accuser, -0.4)
            for target in self.votes_by[pid] + self.accused_by[pid]:
                self.adjust(target, -0.25)  # traitors go after the faithful
            return
        for voter in self.votes_on[pid]:
            self.adjust(voter, 0.35, f"voted for {who}, who turned out to be Faithful")
        for accuser in self.accusers_of[pid]:
            self.adjust(accuser, 0.25, f"accused {who}, who was Faithful")


def _on_game_started(b: Beliefs, e: p.Event) -> None:
    players = e.data.get("players") or []
    traitors = int(e.data.get("num_traitors") or 0)
    if len(players) > 1 and 0 < traitors < len(players) - 1:
        new = _logit(traitors / (len(players) - 1))
        shift, b.prior = new - b.prior, new
        for pid in b.logit:
            b.logit[pid] += shift


def _on_arrival(b: Beliefs, e: p.Event) -> None:
    order = list(e.data.get("order") or [])
    late = order[len(order) - max(1, round(len(order) * _LATE_SHARE)) :]
    for pid in late:
        b.adjust(pid, 0.12, f"arrived late to breakfast on day {e.day}")


def _on_murder_revealed(b: Beliefs, e: p.Event) -> None:
    victim = e.target
    if victim is None:
        return
    b.alive.discard(victim)
    # The traitors murder those who threaten them: the victim's targets look a bit worse.
    for target in set(b.votes_by[victim] + b.accused_by[victim]):
        b.adjust(target, 0.15)
    b.learn(victim, FAITHFUL, revealed=True)
    for voter in b.votes_on[victim]:
        b.adjust(voter, -0.1)  # softens the faithful-vote penalty: a murder is weaker proof


def _on_mission(b: Beliefs, e: p.Event) -> None:
    perf: dict[str, float] = dict(e.data.get("performance") or {})
    if not perf:
        return
    b.best_performer = max(sorted(perf), key=lambda pid: perf[pid])
    for pid, value in perf.items():
        shortfall = b.ability.get(pid, value) - float(value)
        if shortfall > 0.12:  # noise is ~0.1; a saboteur performs at half ability
            why = f"fell well short at the mission on day {e.day}"
            b.adjust(pid, 4.0 * (shortfall - 0.12), why)


def _on_shield(b: Beliefs, e: p.Event) -> None:
    b.shield_holder = e.target


def _on_seer_look(b: Beliefs, e: p.Event) -> None:
    role = str(e.data.get("role") or "").lower()
    if e.actor == b.me and e.target is not None and role in (TRAITOR, FAITHFUL):
        b.learn(e.target, role, revealed=False)


def _on_statement(b: Beliefs, e: p.Event) -> None:
    b.statements_today += 1
    accuser, target = e.actor, e.target
    if accuser is None or target is None:
        return
    b.accused_today[target] += 1
    b.accusers_of[target].append(accuser)
    b.accused_by[accuser].append(target)
    b.heat[target] += 0.7
    _judge_attack(b, accuser, target, 0.7, "accused")
    credibility = 1.0 - b.suspicion(accuser)
    b.adjust(target, b.social * credibility * 0.5)


def _judge_attack(b: Beliefs, attacker: str, target: str, weight: float, verb: str) -> None:
    """A vote or accusation at a player whose role this player knows."""
    role = b.known.get(target)
    if role == TRAITOR:
        b.threat[attacker] += weight
        if target != b.me:
            b.adjust(attacker, -0.5 * weight)
    elif role == FAITHFUL and target not in b.revealed:
        why = (
            f"{verb} me, and I know I am Faithful"
            if target == b.me
            else f"{verb} {b.name(target)}, and I know they are Faithful"
        )
        b.adjust(attacker, 0.45 * weight, why)


def _on_vote(b: Beliefs, e: p.Event) -> None:
    voter, target = e.actor, e.target
    if voter is None or target is None:
        return
    b.final_votes[voter] = target
    b.votes_on[target].append(voter)
    b.votes_by[voter].append(target)
    b.heat[target] += 1.0
    _judge_attack(b, voter, target, 1.0, "voted for")


def _on_banished(b: Beliefs, e: p.Event) -> None:
    target = e.target
    if target is None:
        return
    b.alive.discard(target)
    role = e.data.get("role")
    if role == TRAITOR and b.final_votes:
        against = sum(1 for t in b.final_votes.values() if t == target)
        share = against / len(b.final_votes)
        for voter, voted in b.final_votes.items():
            if voted != target and voter in b.alive:
                why = f"didn't vote for {b.name(target)}, a Traitor"
                b.adjust(voter, 0.2 + 0.6 * share, why)
    if role in (TRAITOR, FAITHFUL):
        b.learn(target, str(role), revealed=True)


def _on_recruited(b: Beliefs, e: p.Event) -> None:
    if e.target is not None:
        b.learn(e.target, TRAITOR, revealed=False)


_HANDLERS: dict[str, Handler] = {
    EventKind.GAME_STARTED.value: _on_game_started,
    EventKind.ARRIVAL.value: _on_arrival,
    EventKind.MURDER_REVEALED.value: _on_murder_revealed,
    EventKind.MISSION_RESULT.value: _on_mission,
    EventKind.SHIELD_AWARDED.value: _on_shield,
    EventKind.SEER_LOOK.value: _on_seer_look,
    EventKind.STATEMENT.value: _on_statement,
    EventKind.VOTE.value: _on_vote,
    EventKind.BANISHED.value: _on_banished,
    EventKind.RECRUITED.value: _on_recruited,
}
