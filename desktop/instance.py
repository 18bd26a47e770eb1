"""One running window: hand files to an already running Précis instead of starting a second one.

(Placeholder API; the real local-socket implementation replaces the bodies.)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence


def send_to_running(paths: Sequence[str], timeout: float = 2.0) -> bool:
    """True when a running Précis accepted the paths (and will raise its window)."""
    return False


class InstanceServer:
    """Listens for paths sent by later `precis FILE...` calls while this window runs."""

    @classmethod
    def start(cls, on_open: Callable[[list[str]], None]) -> InstanceServer | None:
        """Serve, calling on_open(paths) from a background thread; None if another instance serves."""
        return cls()

    def close(self) -> None:
        pass
