"""Errors raised by `infra`."""


class InfraError(Exception):
    """Base class for every error raised by `infra`."""


class RuntimeUnavailable(InfraError):
    """The runtime cannot work here (e.g. no Docker daemon answers)."""


class AgentsNotReady(InfraError):
    """Agents did not become healthy before the deadline."""
