"""Checking a player's answer against the legal options of the request."""

from __future__ import annotations

import json
from typing import Any

from game.errors import IllegalAction
from game.players import Answer, DecisionKind, DecisionRequest
from game.round_table import MAX_STATEMENT

ACCEPT = "accept"
DECLINE = "decline"
RECRUIT_ANSWER_OPTIONS = (ACCEPT, DECLINE)
NO_STATEMENT = "I have nothing to say."


def legal_choice(req: DecisionRequest, answer: Answer) -> tuple[Any, str | None]:
    """The answer's choice (and accusation, for statements) if legal, else IllegalAction."""
    kind, choice = req.kind, answer.choice
    if kind is DecisionKind.DISCUSS:
        if not isinstance(choice, str) or not choice.strip():
            raise IllegalAction(choice, "non-empty text", "a statement says something")
        accuses = answer.accuses if answer.accuses in req.options else None
        return choice[:MAX_STATEMENT], accuses
    if kind is DecisionKind.RECRUIT_ANSWER:
        if isinstance(choice, bool):
            return choice, None
        if choice in RECRUIT_ANSWER_OPTIONS:
            return choice == ACCEPT, None
        raise IllegalAction(choice, (True, False), "accept or decline")
    if kind is DecisionKind.DEATH_LIST:
        return _death_list(req, choice), None
    if not isinstance(choice, str) or choice not in req.options:
        raise IllegalAction(choice, req.options)
    return choice, None


def _death_list(req: DecisionRequest, choice: Any) -> tuple[str, ...]:
    if not isinstance(choice, list | tuple) or not all(isinstance(c, str) for c in choice):
        raise IllegalAction(choice, req.options, "a list of player ids")
    ids = tuple(choice)
    if len(ids) != req.num_candidates or len(set(ids)) != len(ids):
        raise IllegalAction(choice, req.options, f"{req.num_candidates} distinct ids")
    if not set(ids) <= set(req.options):
        raise IllegalAction(choice, req.options, "ids from the options")
    return ids


def last_resort(req: DecisionRequest) -> tuple[Any, str | None]:
    """The choice when even the fallback failed: the first option(s) in sorted order."""
    ordered = sorted(req.options)
    if req.kind is DecisionKind.DISCUSS:
        return NO_STATEMENT, None
    if req.kind is DecisionKind.RECRUIT_ANSWER:
        return ordered[0] == ACCEPT if ordered else False, None
    if req.kind is DecisionKind.DEATH_LIST:
        return tuple(ordered[: req.num_candidates or 0]), None
    return ordered[0], None


def as_text(choice: Any) -> str:
    """A choice as text for the decision record (JSON for lists, mappings and booleans)."""
    if isinstance(choice, str):
        return choice
    if isinstance(choice, tuple):
        choice = list(choice)
    return json.dumps(choice, sort_keys=True, separators=(",", ":"), default=str)
