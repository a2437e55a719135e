"""Readable output of a finished game: the day-by-day transcript and the summary."""

from __future__ import annotations

from collections.abc import Iterator

from game.narrate import describe
from game.record import GameRecord

_SECRET_MARK = "  [secret] "
_PUBLIC_MARK = "  "


def transcript_lines(record: GameRecord) -> Iterator[str]:
    """Every event as the viewers at home see it, secrets marked, grouped by day."""
    names = {p.id: p.name for p in record.players}
    day = -1
    for event in record.events:
        if event.day != day:
            day = event.day
            yield ""
            yield f"== Day {day} ==" if day > 0 else "== The cast arrives =="
        mark = _PUBLIC_MARK if event.audience is None else _SECRET_MARK
        yield mark + describe(event, names)


def summary_lines(record: GameRecord) -> Iterator[str]:
    """A short outcome: winner, reason, pot, and each player's role and fate."""
    yield (
        f"Game {record.game_id} (seed {record.seed}, {record.config.rules} rules, "
        f"{record.config.num_players} players): {record.winner}s win by {record.end_reason} "
        f"after {record.days} days; prize pot {record.prize_pot:,}."
    )
    for p in record.players:
        role = p.final_role if p.initial_role == p.final_role else f"{p.final_role} (recruited)"
        out = "survived" if p.fate == "survived" else f"{p.fate} on day {p.day_out}"
        prize = f", wins {p.payout:,.2f}" if p.payout else ""
        yield f"  {p.name:<24} {p.archetype:<20} {role:<20} {out}{prize}"
    fallbacks = record.fallback_count()
    if fallbacks:
        yield f"  {fallbacks} decisions were made by the fallback brain (see the decisions table)."
    yield f"  event log sha256: {record.event_log_sha256}"
