"""Personas: the shipped cast is valid and casting is seeded, distinct and diverse."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import replace

import pytest

from game.cast import CAST
from game.errors import CastError, GameError, InvalidPersona
from game.personas import (
    ARCHETYPES,
    ARCHETYPES_BY_NAME,
    STAT_NAMES,
    TRAIT_NAMES,
    Persona,
    Stats,
    archetype_cap,
    gender_tolerance,
    sample_cast,
    validate_persona,
)


def test_thirteen_distinct_archetypes_with_sane_ranges() -> None:
    assert len(ARCHETYPES) == 13
    assert len({a.name for a in ARCHETYPES}) == 13
    for a in ARCHETYPES:
        assert a.description.strip()
        for group, names in ((a.traits, TRAIT_NAMES), (a.stats, STAT_NAMES)):
            for name in names:
                lo, hi = getattr(group, name)
                assert 0.0 <= lo < hi <= 1.0, (a.name, name)


@pytest.mark.parametrize("persona", CAST, ids=lambda p: p.name)
def test_every_persona_is_valid_and_within_its_archetype(persona: Persona) -> None:
    validate_persona(persona)


def test_cast_is_large_unique_and_varied() -> None:
    assert len(CAST) >= 64
    assert len({p.name for p in CAST}) == len(CAST)
    assert {p.archetype for p in CAST} == set(ARCHETYPES_BY_NAME)
    assert min(p.age for p in CAST) <= 25 and max(p.age for p in CAST) >= 65
    assert all(21 <= p.age <= 70 for p in CAST)
    assert len({p.occupation for p in CAST}) >= 60
    countries = {p.hometown.rsplit(", ", 1)[-1] for p in CAST}
    assert {"England", "USA", "Australia", "Canada", "Scotland"} <= countries
    assert all(1 <= p.backstory.count(".") <= 2 for p in CAST)


def test_validate_persona_rejects_bad_fields() -> None:
    good = CAST[0]
    with pytest.raises(InvalidPersona, match="name"):
        validate_persona(replace(good, name=" "))
    with pytest.raises(InvalidPersona, match="archetype"):
        validate_persona(replace(good, archetype="The Nobody"))
    with pytest.raises(InvalidPersona, match=r"0\.\.1"):
        validate_persona(replace(good, stats=Stats(1.5, 0.5, 0.5)))
    with pytest.raises(InvalidPersona, match="The Strategist"):
        validate_persona(replace(good, stats=Stats(0.1, 0.5, 0.6)))
    with pytest.raises(InvalidPersona, match="age"):
        validate_persona(replace(good, age=7))


@pytest.mark.parametrize("n", range(6, 31))
def test_sample_cast_is_seeded_distinct_and_diverse(n: int) -> None:
    for seed in range(20):
        cast = sample_cast(random.Random(seed), n)
        assert cast == sample_cast(random.Random(seed), n)
        assert len(cast) == n
        assert len({p.name for p in cast}) == n
        assert max(Counter(p.archetype for p in cast).values()) <= archetype_cap(n)
        genders = Counter(p.gender for p in cast)
        assert abs(genders["female"] - genders["male"]) <= gender_tolerance(n)
    assert sample_cast(random.Random(1), n) != sample_cast(random.Random(2), n)


def test_sample_cast_limits_follow_the_rules() -> None:
    assert archetype_cap(13) == 2 and archetype_cap(14) == 3 and archetype_cap(30) == 4
    assert gender_tolerance(6) == 1 and gender_tolerance(22) == 4


def test_sample_cast_too_many_is_a_clear_error() -> None:
    with pytest.raises(CastError, match="library of 65"):
        sample_cast(random.Random(0), len(CAST) + 1)
    with pytest.raises(GameError):
        sample_cast(random.Random(0), 0)


def test_sample_cast_archetype_cap_cannot_be_met() -> None:
    one_kind = [p for p in CAST if p.archetype == "The Joker"]
    with pytest.raises(CastError, match="per archetype"):
        sample_cast(random.Random(0), 4, library=one_kind)


def test_sample_cast_relaxes_gender_only_where_the_library_forces_it() -> None:
    women = [p for p in CAST if p.gender == "female"]
    cast = sample_cast(random.Random(0), 12, library=women)
    assert len(cast) == 12
    assert max(Counter(p.archetype for p in cast).values()) <= archetype_cap(12)
