"""Round-table statements for the heuristic brain: short, in character, about real events."""

from __future__ import annotations

import random

# Two openers per archetype, in the voice the show gives them.
_OPENERS: dict[str, tuple[str, ...]] = {
    "The Strategist": ("I've been tracking the votes.", "Look at the pattern, not the noise."),
    "The Charmer": ("Darlings, I love you all, but", "I hate saying this, I really do, but"),
    "The Loyalist": ("I'll be straight with you all.", "I stand by my people, always."),
    "The Wildcard": ("Right, I'm just going to say it.", "Call it a gut feeling."),
    "The Detective": ("Let's go through the evidence.", "I've been taking notes."),
    "The Peacemaker": ("Let's stay calm and fair tonight.", "Nobody deserves a witch hunt, but"),
    "The Competitor": ("I'm here to win, so here it is.", "No time for games."),
    "The Joker": ("Jokes aside for a second.", "I know I'm usually the clown, but"),
    "The Underdog": ("I know nobody asks me, but", "Maybe I'm wrong, but"),
    "The Mastermind": ("Consider the facts carefully.", "Think about who benefits."),
    "The Social Butterfly": ("I've chatted with everyone, and", "Everyone's been talking, and"),
    "The Skeptic": ("I don't trust anyone in this room.", "Prove me wrong, but"),
    "The Quiet One": ("I don't say much, so listen.", "I've been watching."),
}
_DEFAULT_OPENERS = ("Here's what I think.", "I'll keep this short.")

_VAGUE = (
    "something about {name} doesn't sit right with me.",
    "{name} has been far too comfortable in this castle.",
    "{name} keeps dodging the hard questions.",
    "I can't shake the feeling that {name} is hiding something.",
)
_NEUTRAL = (
    "I'm keeping an open mind tonight and I want to hear more before I vote.",
    "I genuinely don't know yet, so I'll listen to everyone first.",
    "Nobody has convinced me either way, and I won't throw a name out for nothing.",
)
_DEFENCES = (
    "And for the record, I am Faithful, one hundred percent.",
    "Anyone pointing at me is wasting a vote; I'm Faithful.",
    "I've got nothing to hide, I am Faithful.",
)


def opener(rng: random.Random, archetype: str) -> str:
    """An archetype's way of starting a statement."""
    return rng.choice(_OPENERS.get(archetype, _DEFAULT_OPENERS))


def _join(start: str, rest: str) -> str:
    """Opener plus the rest: a new sentence after a full stop, else the same sentence."""
    if start.endswith((".", "!", "?")):
        return f"{start} {rest[:1].upper()}{rest[1:]}"
    first = rest.split(" ", 1)[0]
    if first == "I" or first.startswith("I'") or (first[:1].isupper() and first not in _LOWER):
        return f"{start} {rest}"
    return f"{start} {rest[:1].lower()}{rest[1:]}"


_LOWER = ("Nobody", "Something", "Let's")


def accusation(rng: random.Random, archetype: str, name: str, reason: str | None) -> str:
    """A statement naming a suspect, with the concrete reason when there is one."""
    start = opener(rng, archetype)
    if reason:
        return _join(start, f"{name} {reason}. My vote is going to {name}.")
    return _join(start, f"{rng.choice(_VAGUE).format(name=name)} I'm voting {name}.")


def neutral(rng: random.Random, archetype: str) -> str:
    """A statement that accuses nobody."""
    return _join(opener(rng, archetype), rng.choice(_NEUTRAL))


def defence(rng: random.Random, proof: str | None) -> str:
    """A line defending oneself, citing one's record when it helps."""
    if proof:
        return f"And remember: {proof}. I am Faithful."
    return rng.choice(_DEFENCES)
