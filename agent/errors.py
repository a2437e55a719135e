"""Errors raised by `agent`: brains, the service and the engine-side client."""


class AgentError(Exception):
    """Base class for every error raised by `agent`."""


class NotImplementedDecision(AgentError):
    """The brain does not answer this optional endpoint (served as 501)."""


class AgentUnavailable(AgentError):
    """The agent could not be reached or did not answer in time."""


class MalformedAnswer(AgentError):
    """The agent answered, but not with a valid response body."""


class UnknownBrain(AgentError, ValueError):
    """No brain by that name."""


class BadTable(AgentError, ValueError):
    """The seats given do not fit the game (e.g. wrong number of agent URLs)."""


class NoLegalChoice(AgentError, ValueError):
    """A brain was asked to choose, but the request leaves it no legal option."""
