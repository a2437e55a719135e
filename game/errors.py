"""Errors raised by the rules engine."""


class GameError(Exception):
    """Base class for every error raised by `game`."""


class InvalidConfig(GameError, ValueError):
    """A GameConfig field has a value the rules do not allow."""

    def __init__(self, field: str, value: object, allowed: str) -> None:
        self.field = field
        self.value = value
        self.allowed = allowed
        super().__init__(f"invalid {field}={value!r}: {allowed}")


class IllegalAction(GameError, ValueError):
    """A player's choice is not one of the legal options."""

    def __init__(self, choice: object, options: object, why: str = "") -> None:
        self.choice = choice
        self.options = options
        detail = f" ({why})" if why else ""
        super().__init__(f"{choice!r} is not one of {options!r}{detail}")


class CastError(GameError, ValueError):
    """A cast cannot be drawn: too many players asked for, or diversity limits unmet."""


class InvalidPersona(GameError, ValueError):
    """A persona has an empty or out-of-range field."""

    def __init__(self, name: str, field: str, value: object, allowed: str) -> None:
        self.name = name
        self.field = field
        self.value = value
        self.allowed = allowed
        super().__init__(f"persona {name!r}: invalid {field}={value!r}: {allowed}")
