"""Errors raised by `tasks`."""


class TaskError(Exception):
    """Base class for every error raised by `tasks`."""


class UnknownRuntime(TaskError, ValueError):
    """No runtime by that name."""
