"""Personas: who the players are. Archetypes, traits, stats, and casting a game."""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from game.errors import CastError, InvalidPersona


@dataclass(frozen=True, slots=True)
class Traits:
    """Big Five personality, each 0..1."""

    openness: float
    conscientiousness: float
    extraversion: float
    agreeableness: float
    neuroticism: float


@dataclass(frozen=True, slots=True)
class Stats:
    """Game abilities, each 0..1: missions use dexterity and intellect, talk uses influence."""

    intellect: float
    dexterity: float
    social_influence: float


@dataclass(frozen=True, slots=True)
class Persona:
    """One cast member: a named person with an archetype, traits, stats and a backstory."""

    name: str
    archetype: str
    traits: Traits
    stats: Stats
    backstory: str
    age: int
    gender: str
    occupation: str
    hometown: str


Range = tuple[float, float]


@dataclass(frozen=True, slots=True)
class TraitRanges:
    """Inclusive (min, max) of each Big Five trait for an archetype."""

    openness: Range
    conscientiousness: Range
    extraversion: Range
    agreeableness: Range
    neuroticism: Range


@dataclass(frozen=True, slots=True)
class StatRanges:
    """Inclusive (min, max) of each game stat for an archetype."""

    intellect: Range
    dexterity: Range
    social_influence: Range


@dataclass(frozen=True, slots=True)
class Archetype:
    """One of the show's recurring contestant types: trait and stat ranges, one-line sketch."""

    name: str
    description: str
    traits: TraitRanges
    stats: StatRanges


TRAIT_NAMES: tuple[str, ...] = (
    "openness",
    "conscientiousness",
    "extraversion",
    "agreeableness",
    "neuroticism",
)
STAT_NAMES: tuple[str, ...] = ("intellect", "dexterity", "social_influence")


def _arch(name: str, description: str, t: tuple[Range, ...], s: tuple[Range, ...]) -> Archetype:
    return Archetype(name, description, TraitRanges(*t), StatRanges(*s))


# Trait order: O, C, E, A, N. Stat order: intellect, dexterity, social influence.
ARCHETYPES: tuple[Archetype, ...] = (
    _arch(
        "The Strategist",
        "Plans every vote three days ahead and keeps a mental spreadsheet of alliances.",
        ((0.5, 0.85), (0.7, 0.95), (0.3, 0.7), (0.25, 0.6), (0.15, 0.45)),
        ((0.7, 0.95), (0.3, 0.7), (0.5, 0.8)),
    ),
    _arch(
        "The Charmer",
        "Wins rooms with warmth and flattery; everyone thinks they are their best friend.",
        ((0.5, 0.85), (0.3, 0.7), (0.75, 0.98), (0.6, 0.9), (0.15, 0.5)),
        ((0.4, 0.75), (0.3, 0.7), (0.75, 0.98)),
    ),
    _arch(
        "The Loyalist",
        "Picks a side early and sticks to it, for better or for worse.",
        ((0.3, 0.6), (0.65, 0.95), (0.35, 0.7), (0.7, 0.95), (0.2, 0.5)),
        ((0.4, 0.7), (0.4, 0.75), (0.4, 0.7)),
    ),
    _arch(
        "The Wildcard",
        "Unpredictable, impulsive and entertaining; votes on gut feeling.",
        ((0.75, 0.99), (0.1, 0.45), (0.6, 0.95), (0.3, 0.65), (0.4, 0.8)),
        ((0.35, 0.75), (0.4, 0.85), (0.4, 0.75)),
    ),
    _arch(
        "The Detective",
        "Treats the castle as a crime scene: notes, timelines and tells.",
        ((0.6, 0.9), (0.65, 0.95), (0.3, 0.65), (0.3, 0.6), (0.25, 0.55)),
        ((0.75, 0.98), (0.3, 0.65), (0.4, 0.7)),
    ),
    _arch(
        "The Peacemaker",
        "Calms the round table and hates to see anyone banished on a hunch.",
        ((0.5, 0.8), (0.5, 0.8), (0.45, 0.75), (0.8, 0.98), (0.1, 0.4)),
        ((0.45, 0.75), (0.3, 0.6), (0.6, 0.85)),
    ),
    _arch(
        "The Competitor",
        "Lives for the missions and the shield; hates to lose at anything.",
        ((0.35, 0.7), (0.6, 0.9), (0.6, 0.9), (0.2, 0.5), (0.3, 0.6)),
        ((0.45, 0.75), (0.75, 0.98), (0.4, 0.7)),
    ),
    _arch(
        "The Joker",
        "Keeps spirits up with banter, and hides what they think behind a laugh.",
        ((0.65, 0.95), (0.15, 0.5), (0.8, 0.99), (0.55, 0.85), (0.2, 0.55)),
        ((0.35, 0.7), (0.35, 0.7), (0.55, 0.85)),
    ),
    _arch(
        "The Underdog",
        "Overlooked by everyone, and determined to prove them wrong.",
        ((0.4, 0.75), (0.45, 0.8), (0.2, 0.55), (0.6, 0.9), (0.45, 0.8)),
        ((0.3, 0.65), (0.3, 0.65), (0.2, 0.5)),
    ),
    _arch(
        "The Mastermind",
        "Cold, calculating and always steering the conversation somewhere useful.",
        ((0.6, 0.9), (0.75, 0.98), (0.35, 0.7), (0.15, 0.45), (0.1, 0.35)),
        ((0.8, 0.99), (0.3, 0.65), (0.6, 0.9)),
    ),
    _arch(
        "The Social Butterfly",
        "Talks to everyone, knows all the gossip, and trusts a little too easily.",
        ((0.55, 0.85), (0.3, 0.65), (0.85, 0.99), (0.65, 0.9), (0.3, 0.6)),
        ((0.3, 0.65), (0.3, 0.6), (0.7, 0.95)),
    ),
    _arch(
        "The Skeptic",
        "Trusts nobody, questions everything, and says so at the round table.",
        ((0.3, 0.6), (0.6, 0.9), (0.3, 0.6), (0.15, 0.45), (0.4, 0.7)),
        ((0.6, 0.9), (0.3, 0.6), (0.3, 0.6)),
    ),
    _arch(
        "The Quiet One",
        "Says little, watches everything, and is easy to forget until the final.",
        ((0.4, 0.75), (0.5, 0.85), (0.05, 0.3), (0.5, 0.8), (0.3, 0.65)),
        ((0.5, 0.85), (0.35, 0.7), (0.15, 0.45)),
    ),
)

ARCHETYPES_BY_NAME: Mapping[str, Archetype] = MappingProxyType({a.name: a for a in ARCHETYPES})

MIN_AGE, MAX_AGE = 18, 99
_TEXT_FIELDS = ("name", "archetype", "backstory", "gender", "occupation", "hometown")


def validate_persona(p: Persona) -> None:
    """Raise InvalidPersona unless every field is filled and within range (and its archetype's)."""
    for field in _TEXT_FIELDS:
        value = getattr(p, field)
        if not isinstance(value, str) or not value.strip():
            raise InvalidPersona(p.name, field, value, "a non-empty string")
    if not MIN_AGE <= p.age <= MAX_AGE:
        raise InvalidPersona(p.name, "age", p.age, f"{MIN_AGE}..{MAX_AGE}")
    archetype = ARCHETYPES_BY_NAME.get(p.archetype)
    if archetype is None:
        raise InvalidPersona(p.name, "archetype", p.archetype, f"one of {list(ARCHETYPES_BY_NAME)}")
    _check_ranges(p, "traits", p.traits, archetype.traits, TRAIT_NAMES)
    _check_ranges(p, "stats", p.stats, archetype.stats, STAT_NAMES)


def _check_ranges(
    p: Persona, group: str, values: object, ranges: object, names: tuple[str, ...]
) -> None:
    for field in names:
        value = getattr(values, field)
        lo, hi = getattr(ranges, field)
        if not isinstance(value, float | int) or not 0.0 <= value <= 1.0:
            raise InvalidPersona(p.name, f"{group}.{field}", value, "a number in 0..1")
        if not lo <= value <= hi:
            raise InvalidPersona(p.name, f"{group}.{field}", value, f"{p.archetype}: {lo}..{hi}")


def archetype_cap(n: int) -> int:
    """The most cast members of one archetype a cast of n may have."""
    return math.ceil(n / len(ARCHETYPES)) + 1


def gender_tolerance(n: int) -> int:
    """The largest allowed difference between women and men in a cast of n."""
    return max(1, n // 5)


_CAST_ATTEMPTS = 20


def sample_cast(
    rng: random.Random, n: int, library: Sequence[Persona] | None = None
) -> tuple[Persona, ...]:
    """Draw n distinct personas by `rng`, capping each archetype and balancing genders.

    Genders are balanced (women vs men within `gender_tolerance(n)`) where the library
    allows it; the archetype cap is a hard limit.
    """
    if library is None:
        from game.cast import CAST  # the shipped cast imports this module

        library = CAST
    pool = list(library)
    if not 1 <= n <= len(pool):
        raise CastError(f"cannot cast {n} players from a library of {len(pool)} personas")
    cap = archetype_cap(n)
    per_archetype = Counter(p.archetype for p in pool)
    if sum(min(c, cap) for c in per_archetype.values()) < n:
        raise CastError(
            f"cannot cast {n} players with at most {cap} per archetype from {dict(per_archetype)}"
        )
    for _ in range(_CAST_ATTEMPTS):
        rng.shuffle(pool)
        cast = _greedy(pool, n, cap, gender_tolerance(n))
        if cast is not None:
            return cast
    # The library cannot balance genders for this n: keep the archetype cap only.
    rng.shuffle(pool)
    cast = _greedy(pool, n, cap, None)
    if cast is None:  # unreachable: the capacity check above guarantees a cast
        raise CastError(f"cannot cast {n} players with at most {cap} per archetype")
    return cast


def _greedy(
    pool: Sequence[Persona], n: int, cap: int, tolerance: int | None
) -> tuple[Persona, ...] | None:
    chosen: list[Persona] = []
    archetypes: Counter[str] = Counter()
    women = men = 0
    for p in pool:
        if archetypes[p.archetype] >= cap:
            continue
        w = women + (p.gender == "female")
        m = men + (p.gender == "male")
        if tolerance is not None and abs(w - m) > tolerance:
            continue
        chosen.append(p)
        archetypes[p.archetype] += 1
        women, men = w, m
        if len(chosen) == n:
            return tuple(chosen)
    return None
