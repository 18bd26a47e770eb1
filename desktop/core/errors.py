"""The one exception type that core raises, with a message meant for people."""


class PrecisError(Exception):
    """A problem the person can understand and act on (bad file, bad option...)."""
