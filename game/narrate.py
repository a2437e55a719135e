"""`describe`: one readable English line per event (v1 `events: [str]`, CLI transcripts).

Never says more than the event itself holds.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from game.events import Event, EventKind

_PHASES = {
    "setup": "setup",
    "breakfast": "breakfast",
    "mission": "mission",
    "round_table": "round table",
    "turret": "turret",
    "end_game": "end game",
}


def describe(event: Event, names: Mapping[str, str]) -> str:
    """One line, e.g. "Day 3, breakfast: Alice Smith was murdered in the night."."""
    line = _LINES.get(event.kind, _generic)(event, _Namer(names))
    return f"Day {event.day}, {_PHASES.get(event.phase.value, event.phase.value)}: {line}"


class _Namer:
    def __init__(self, names: Mapping[str, str]) -> None:
        self.names = names

    def __call__(self, pid: object) -> str:
        if pid is None:
            return "nobody"
        return self.names.get(str(pid), str(pid))

    def many(self, ids: object) -> str:
        items = [self(i) for i in ids] if isinstance(ids, list | tuple) else []
        return ", ".join(items) if items else "nobody"


def _generic(e: Event, n: _Namer) -> str:
    return f"{e.kind.value.replace('_', ' ')} ({n(e.actor)} -> {n(e.target)})."


def _mission(e: Event, n: _Namer) -> str:
    return (
        f"the mission earned {e.data.get('earnings', 0)}; the prize pot is {e.data.get('pot', 0)}."
    )


def _statement(e: Event, n: _Namer) -> str:
    text = str(e.data.get("text", ""))
    aimed = f" (accusing {n(e.target)})" if e.target else ""
    return f'{n(e.actor)} said{aimed}: "{text}"'


def _vote(e: Event, n: _Namer) -> str:
    w = e.data.get("weight", 1)
    extra = " with the dagger (counts twice)" if w == 2 else ""
    rnd = " in the revote" if e.data.get("round") == 2 else ""
    return f"{n(e.actor)} voted for {n(e.target)}{rnd}{extra}."


def _banished(e: Event, n: _Namer) -> str:
    role = e.data.get("role")
    said = f"; they were a {role}" if role else "; their role was not revealed"
    return f"{n(e.target)} was banished{said}."


def _payout(e: Event, n: _Namer) -> str:
    amounts = e.data.get("amounts") or {}
    if not amounts:
        return f"nobody takes home the prize pot of {e.data.get('pot', 0)}."
    who = ", ".join(f"{n(pid)} {amt:.2f}" for pid, amt in amounts.items())
    return f"the prize pot of {e.data.get('pot', 0)} is paid out: {who}."


def _game_over(e: Event, n: _Namer) -> str:
    reason = str(e.data.get("end_reason", "")).replace("_", " ")
    return f"the game is over; the {e.data.get('winner')}s win ({reason})."


_Line = Callable[[Event, _Namer], str]

_LINES: dict[EventKind, _Line] = {
    EventKind.GAME_STARTED: lambda e, n: (
        f"the game begins with {len(e.data.get('players', []))} players, "
        f"{e.data.get('num_traitors')} of them traitors."
    ),
    EventKind.ARRIVAL: lambda e, n: (
        f"arrived at breakfast in order: {n.many(e.data.get('order'))}."
    ),
    EventKind.MURDER_REVEALED: lambda e, n: f"{n(e.target)} was murdered in the night.",
    EventKind.NO_MURDER: lambda e, n: "everyone arrived; nobody was murdered in the night.",
    EventKind.MISSION_RESULT: _mission,
    EventKind.SABOTAGE: lambda e, n: f"{n(e.actor)} sabotaged the mission.",
    EventKind.SHIELD_AWARDED: lambda e, n: f"{n(e.target)} won a shield.",
    EventKind.DAGGER_AWARDED: lambda e, n: f"{n(e.target)} won the dagger.",
    EventKind.SEER_AWARDED: lambda e, n: f"{n(e.target)} became the seer.",
    EventKind.SEER_LOOK: lambda e, n: (
        f"{n(e.actor)} used the seer on {n(e.target)}: a {e.data.get('role')}."
    ),
    EventKind.STATEMENT: _statement,
    EventKind.VOTE: _vote,
    EventKind.REVOTE: lambda e, n: f"a tie; revote between {n.many(e.data.get('tied'))}.",
    EventKind.TIE_BROKEN: lambda e, n: (
        f"the tie was broken by {e.data.get('method')}: {n(e.target)} goes."
    ),
    EventKind.BANISHED: _banished,
    EventKind.BANISHMENT_BLOCKED: lambda e, n: (
        f"{n(e.target)} revealed a shield; nobody is banished today."
    ),
    EventKind.DEATH_LIST: lambda e, n: (
        f"{n(e.actor)} drew up the death list: {n.many(e.data.get('candidates'))}."
    ),
    EventKind.MURDER_PROPOSAL: lambda e, n: f"{n(e.actor)} proposed to murder {n(e.target)}.",
    EventKind.MURDER: lambda e, n: f"the traitors chose to murder {n(e.target)}.",
    EventKind.SHIELD_BLOCK: lambda e, n: f"{n(e.target)}'s shield blocked the murder.",
    EventKind.RECRUIT_PROPOSAL: lambda e, n: f"{n(e.actor)} proposed to recruit {n(e.target)}.",
    EventKind.RECRUITMENT_OFFER: lambda e, n: (
        f"{n(e.target)} received "
        f"{'an ultimatum' if e.data.get('ultimatum') else 'an offer'} to join the traitors."
    ),
    EventKind.RECRUITMENT_ANSWER: lambda e, n: (
        f"{n(e.actor)} {'accepted' if e.data.get('accepts') else 'declined'} the offer."
    ),
    EventKind.RECRUITED: lambda e, n: f"{n(e.target)} is now a traitor.",
    EventKind.END_GAME_VOTE: lambda e, n: (
        f"{n(e.actor)} voted to "
        f"{'end the game' if e.data.get('vote') == 'END' else 'banish again'}."
    ),
    EventKind.DILEMMA_CHOICE: lambda e, n: (
        f"{n(e.actor)} chose to {str(e.data.get('decision')).lower()}."
    ),
    EventKind.PAYOUT: _payout,
    EventKind.GAME_OVER: _game_over,
}
