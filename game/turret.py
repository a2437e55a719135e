"""The turret: the traitors meet at night to recruit and to murder.

Recruitment follows a banished traitor. `standard`: a recruit who declines goes
home safe and the murder goes ahead; `ultimatum`: declining means being murdered;
`blackmail`: an ultimatum, and the night's murder happens even after a yes.
With the death list rule, one traitor names the candidates and the murder is
chosen among them. A shield blocks the night's murder.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from game.errors import IllegalAction
from game.events import EventKind, Phase
from game.players import Role
from game.state import (
    GameState,
    append,
    event,
    faithful_ids,
    seat,
    traitor_ids,
    update_seat,
)


@dataclass(frozen=True, slots=True)
class Night:
    """What the night still holds after a recruitment offer."""

    murder: bool  # the traitors still choose a victim
    forced_victim: str | None = None  # an ultimatum declined: the recruit is murdered


def open_turret(state: GameState) -> GameState:
    """Move to the turret."""
    return replace(state, phase=Phase.TURRET)


def turret_due(state: GameState) -> bool:
    """Whether the traitors meet tonight."""
    return not state.ended and not state.end_game and bool(traitor_ids(state))


def recruitment_due(state: GameState) -> bool:
    """Whether tonight brings a recruitment offer."""
    return (
        state.recruit_pending
        and state.config.recruitment != "none"
        and bool(faithful_ids(state))
        and bool(traitor_ids(state))
    )


def is_ultimatum(state: GameState) -> bool:
    """Whether tonight's offer cannot safely be declined."""
    cfg = state.config
    if cfg.recruitment in ("ultimatum", "blackmail"):
        return True
    return cfg.ultimatum_when_one_traitor and len(traitor_ids(state)) == 1


def majority(proposals: Mapping[str, str]) -> tuple[str, ...]:
    """The most-proposed targets, sorted (the referee draws among several by lot)."""
    counts: dict[str, int] = {}
    for target in proposals.values():
        counts[target] = counts.get(target, 0) + 1
    top = max(counts.values(), default=0)
    return tuple(sorted(t for t, n in counts.items() if n == top))


def _proposals(
    state: GameState, kind: EventKind, proposals: Mapping[str, str], options: Iterable[str]
) -> GameState:
    traitors = traitor_ids(state)
    legal = tuple(options)
    logged = []
    for actor, target in proposals.items():
        if actor not in traitors or target not in legal:
            raise IllegalAction(target, legal, f"{kind.value} by {actor}")
        logged.append(event(state, kind, actor=actor, target=target, audience=traitors))
    return append(state, *logged)


def propose_recruits(state: GameState, proposals: Mapping[str, str]) -> GameState:
    """Log each traitor's recruit proposal (RECRUIT_PROPOSAL, traitors only)."""
    return _proposals(state, EventKind.RECRUIT_PROPOSAL, proposals, faithful_ids(state))


def offer(state: GameState, target: str) -> GameState:
    """Make the recruitment offer (RECRUITMENT_OFFER, traitors and the recruit)."""
    if target not in faithful_ids(state):
        raise IllegalAction(target, faithful_ids(state), "only living faithful are recruited")
    audience = (*traitor_ids(state), target)
    data = {"ultimatum": is_ultimatum(state)}
    state = replace(state, recruit_pending=False)
    return append(
        state,
        event(state, EventKind.RECRUITMENT_OFFER, target=target, data=data, audience=audience),
    )


def answer_offer(state: GameState, target: str, accepts: bool) -> tuple[GameState, Night]:
    """The recruit answers (RECRUITMENT_ANSWER); a yes makes them a traitor (RECRUITED)."""
    ultimatum = is_ultimatum(state)
    audience = (*traitor_ids(state), target)
    answer = event(
        state,
        EventKind.RECRUITMENT_ANSWER,
        actor=target,
        data={"accepts": accepts},
        audience=audience,
    )
    state = append(state, answer)
    if not accepts:
        return state, Night(murder=not ultimatum, forced_victim=target if ultimatum else None)
    state = update_seat(state, target, role=Role.TRAITOR, recruited_day=state.day)
    state = append(
        state, event(state, EventKind.RECRUITED, target=target, audience=traitor_ids(state))
    )
    return state, Night(murder=state.config.recruitment == "blackmail")


def make_death_list(state: GameState, maker: str, candidates: tuple[str, ...]) -> GameState:
    """Log the death list (DEATH_LIST, traitors only)."""
    faithful = faithful_ids(state)
    if maker not in traitor_ids(state):
        raise IllegalAction(maker, traitor_ids(state), "a traitor makes the death list")
    if len(set(candidates)) != len(candidates) or not set(candidates) <= set(faithful):
        raise IllegalAction(candidates, faithful, "distinct living faithful")
    data = {"candidates": list(candidates)}
    return append(
        state,
        event(state, EventKind.DEATH_LIST, actor=maker, data=data, audience=traitor_ids(state)),
    )


def death_list_size(state: GameState) -> int:
    """How many names go on the death list tonight."""
    return min(state.config.death_list_size, len(faithful_ids(state)))


def propose_murders(
    state: GameState, proposals: Mapping[str, str], death_list: tuple[str, ...] | None = None
) -> GameState:
    """Log each traitor's murder proposal (MURDER_PROPOSAL, traitors only)."""
    options = death_list if death_list is not None else faithful_ids(state)
    return _proposals(state, EventKind.MURDER_PROPOSAL, proposals, options)


def murder(
    state: GameState, victim: str, considered: Iterable[str] = (), reason: str = ""
) -> GameState:
    """Murder a faithful (MURDER, traitors only), unless their shield blocks it (SHIELD_BLOCK).

    The body is found at breakfast. Everyone considered but not murdered is shortlisted.
    """
    if victim not in faithful_ids(state):
        raise IllegalAction(victim, faithful_ids(state), "traitors murder living faithful")
    traitors = traitor_ids(state)
    data = {"reason": reason} if reason else {}
    state = append(
        state, event(state, EventKind.MURDER, target=victim, data=data, audience=traitors)
    )
    shortlist = tuple(dict.fromkeys(pid for pid in considered if pid != victim))
    if seat(state, victim).shield:
        state = replace(state, shortlist=(*shortlist, victim))
        return append(state, event(state, EventKind.SHIELD_BLOCK, target=victim, audience=traitors))
    return replace(state, pending_murder=victim, shortlist=shortlist)
