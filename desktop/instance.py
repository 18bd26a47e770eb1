"""One running window: hand files to an already running Précis instead of starting a second one.

The first Précis for a data folder holds a lock file there and listens on a local endpoint: a Unix
socket on Linux and macOS, a 127.0.0.1 TCP port with a random token (recorded in a file in the data
folder) on Windows. A later `precis FILE...` connects, sends one line holding a JSON list of absolute
paths, and waits for "ok". An empty list means "just raise the window".

The lock is an OS file lock, which dies with its process: a socket or endpoint file left behind by a
crash is recognised as stale (connect fails and the lock is free) and taken over.

Several `precis FILE` started at once (five files double-clicked) must end in one window: the first
that finds nobody listening claims the lock and starts listening at once, inside send_to_running,
queueing what arrives until the app calls InstanceServer.start(on_open); the others keep trying to
connect until that listener answers.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import queue
import secrets
import socket
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

log = logging.getLogger(__name__)

LOCK_NAME = "instance.lock"
SOCKET_NAME = "instance.sock"
ENDPOINT_NAME = "instance.json"  # the TCP transport's port and token
MAX_MESSAGE = 1 << 20
ACK = b"ok\n"
# AF_UNIX paths are limited to 108 bytes on Linux and 104 on macOS, terminating NUL included.
MAX_SOCKET_PATH = 100

OnOpen = Callable[[list[str]], None]


# ---------------------------------------------------------------------------------------------- lock


class _FileLock:
    """An exclusive, non-blocking OS lock on a file; released by the OS when the process dies."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def acquire(self) -> bool:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            if sys.platform == "win32":
                import msvcrt

                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is None:
            return
        try:
            if sys.platform == "win32":
                import msvcrt

                os.lseek(self._fd, 0, os.SEEK_SET)
                msvcrt.locking(self._fd, msvcrt.LK_UNLCK, 1)
            else:
                import fcntl

                fcntl.flock(self._fd, fcntl.LOCK_UN)
        except OSError:
            pass
        os.close(self._fd)
        self._fd = None


# ----------------------------------------------------------------------------------------- transports


class _UnixTransport:
    """A Unix socket in the data folder (or, if that path is too long, in the runtime folder)."""

    def __init__(self, directory: Path) -> None:
        path = directory / SOCKET_NAME
        if len(os.fsencode(path)) > MAX_SOCKET_PATH:
            base = os.environ.get("XDG_RUNTIME_DIR") or tempfile.gettempdir()
            digest = hashlib.sha256(os.fsencode(directory)).hexdigest()[:16]
            path = Path(base) / f"precis-{os.getuid()}-{digest}.sock"
        self.path = path

    def listen(self) -> socket.socket:
        # Only the lock holder gets here, so a socket file left at the path is a crashed one's.
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            server.bind(str(self.path))
            os.chmod(self.path, 0o600)
            server.listen(64)
        except OSError:
            server.close()
            raise
        return server

    def connect(self, timeout: float) -> socket.socket:
        client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        client.settimeout(timeout)
        try:
            client.connect(str(self.path))
        except OSError:
            client.close()
            raise
        return client

    def greeting(self) -> bytes:
        return b""

    def admits(self, greeting: bytes) -> bool:
        return True  # the socket file is 0600: only this user can connect

    def cleanup(self) -> None:
        try:
            self.path.unlink()
        except OSError:
            pass


class _TcpTransport:
    """A 127.0.0.1 port with a random token, both recorded in the data folder (for Windows)."""

    def __init__(self, directory: Path) -> None:
        self.path = directory / ENDPOINT_NAME
        self.token = ""

    def listen(self) -> socket.socket:
        server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            server.bind(("127.0.0.1", 0))
            server.listen(64)
        except OSError:
            server.close()
            raise
        self.token = secrets.token_hex(16)
        port = server.getsockname()[1]
        tmp = self.path.with_name(f".{ENDPOINT_NAME}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"port": port, "token": self.token, "pid": os.getpid()}), encoding="utf-8")
        os.replace(tmp, self.path)
        return server

    def connect(self, timeout: float) -> socket.socket:
        try:
            endpoint = json.loads(self.path.read_text(encoding="utf-8"))
            port, self.token = int(endpoint["port"]), str(endpoint["token"])
        except (ValueError, KeyError, TypeError) as exc:
            raise ConnectionRefusedError(f"unreadable {self.path}") from exc
        return socket.create_connection(("127.0.0.1", port), timeout=timeout)

    def greeting(self) -> bytes:
        return self.token.encode("ascii") + b"\n"

    def admits(self, greeting: bytes) -> bool:
        return secrets.compare_digest(greeting.strip(), self.token.encode("ascii"))

    def cleanup(self) -> None:
        try:
            self.path.unlink()
        except OSError:
            pass


_Transport = _UnixTransport | _TcpTransport


def _transport(directory: Path, kind: str | None = None) -> _Transport:
    kind = kind or ("tcp" if sys.platform == "win32" or not hasattr(socket, "AF_UNIX") else "unix")
    return _TcpTransport(directory) if kind == "tcp" else _UnixTransport(directory)


# -------------------------------------------------------------------------------------------- server


class InstanceServer:
    """Listens for paths sent by later `precis FILE...` calls while this window runs."""

    def __init__(self, lock: _FileLock, transport: _Transport, listener: socket.socket) -> None:
        self._lock = lock
        self._transport = transport
        self._listener = listener
        self._inbox: queue.Queue[list[str] | None] = queue.Queue()
        self._on_open: OnOpen | None = None
        self._attached = threading.Event()
        self._stop = threading.Event()
        self._listener.settimeout(0.2)  # lets the accept loop notice close()
        self._accepting = threading.Thread(target=self._accept_loop, name="precis-instance", daemon=True)
        self._delivering = threading.Thread(target=self._deliver_loop, name="precis-open", daemon=True)
        self._accepting.start()
        self._delivering.start()

    @classmethod
    def start(cls, on_open: OnOpen, directory: Path | None = None,
              transport: str | None = None) -> InstanceServer | None:
        """Serve, calling on_open(paths) from a background thread; None if another instance serves.

        Paths that arrived since this process claimed the endpoint in send_to_running are delivered
        first, in order.
        """
        try:
            directory = _resolve(directory)
            server = _take_claim(directory) or cls._claim(directory, transport)
        except OSError as exc:  # an unwritable data folder: run alone rather than not at all
            log.warning("cannot coordinate with other Précis windows: %s", exc)
            return None
        if server is None:
            return None
        server._on_open = on_open
        server._attached.set()
        return server

    @classmethod
    def _claim(cls, directory: Path, transport: str | None = None) -> InstanceServer | None:
        """Take the lock and listen, or None when another live process holds the lock."""
        lock = _FileLock(directory / LOCK_NAME)
        if not lock.acquire():
            return None
        ends = _transport(directory, transport)
        try:
            listener = ends.listen()
        except OSError as exc:
            log.warning("cannot listen for other Précis windows at %s: %s", directory, exc)
            lock.release()
            return None
        return cls(lock, ends, listener)

    def close(self) -> None:
        """Stop listening, remove the endpoint and free the lock (idempotent)."""
        if self._stop.is_set():
            return
        self._stop.set()
        self._accepting.join(timeout=2)
        self._listener.close()
        self._transport.cleanup()
        self._lock.release()
        self._inbox.put(None)
        self._attached.set()

    def _accept_loop(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                if not self._stop.is_set():
                    log.exception("instance listener failed")
                return
            with conn:
                paths = self._receive(conn)
                if paths is not None:
                    self._inbox.put(paths)

    def _receive(self, conn: socket.socket) -> list[str] | None:
        """Read one message, acknowledge it; None for anything malformed or unauthorised."""
        conn.settimeout(2.0)
        data = b""
        try:
            greeting_lines = 1 if self._transport.greeting() else 0
            while data.count(b"\n") < greeting_lines + 1 and len(data) < MAX_MESSAGE:
                chunk = conn.recv(65536)
                if not chunk:
                    break
                data += chunk
            lines = data.split(b"\n")
            if greeting_lines and not self._transport.admits(lines.pop(0)):
                log.warning("refused a connection with a wrong token")
                return None
            paths = json.loads(lines[0].decode("utf-8"))
            if not isinstance(paths, list) or not all(isinstance(p, str) for p in paths):
                raise ValueError("not a list of paths")
            conn.sendall(ACK)
        except (OSError, ValueError, IndexError) as exc:
            log.warning("ignored a malformed message from another Précis: %s", exc)
            return None
        return paths

    def _deliver_loop(self) -> None:
        self._attached.wait()
        while True:
            paths = self._inbox.get()
            if paths is None or self._on_open is None:
                return
            try:
                self._on_open(paths)
            except Exception:  # a failing handler must not stop later files from arriving
                log.exception("opening %s failed", paths)


# ------------------------------------------------------------------------------------------ clients

# Endpoints this process claimed in send_to_running and that InstanceServer.start has not taken yet.
_claims: dict[Path, InstanceServer] = {}
_claims_lock = threading.Lock()


def _resolve(directory: Path | None) -> Path:
    if directory is None:
        from desktop.library.paths import data_dir

        directory = data_dir()
    directory.mkdir(parents=True, exist_ok=True)
    return directory.resolve()


def _take_claim(directory: Path) -> InstanceServer | None:
    with _claims_lock:
        return _claims.pop(directory, None)


def _send_once(ends: _Transport, message: bytes, timeout: float) -> bool:
    with ends.connect(timeout) as client:
        client.sendall(ends.greeting() + message)
        reply = b""
        while not reply.endswith(b"\n"):
            chunk = client.recv(16)
            if not chunk:
                break
            reply += chunk
    return reply == ACK


def send_to_running(paths: Sequence[str], timeout: float = 2.0, directory: Path | None = None,
                    transport: str | None = None) -> bool:
    """True when a running Précis accepted the paths (and will raise its window).

    False means this process should open the window itself: it has then already claimed the
    endpoint, so that files sent by other `precis FILE` started at the same moment wait for it.
    """
    try:
        directory = _resolve(directory)
    except OSError as exc:
        log.warning("cannot coordinate with other Précis windows: %s", exc)
        return False
    message = json.dumps([os.path.abspath(p) for p in paths]).encode("utf-8") + b"\n"
    ends = _transport(directory, transport)
    deadline = time.monotonic() + timeout
    while True:
        try:
            if _send_once(ends, message, max(0.1, deadline - time.monotonic())):
                return True
        except OSError:
            pass  # nobody listening, a stale endpoint, or a listener that is just starting
        with _claims_lock:
            if directory in _claims:
                return False
            try:
                server = InstanceServer._claim(directory, transport)
            except OSError as exc:
                log.warning("cannot coordinate with other Précis windows: %s", exc)
                return False
            if server is not None:
                _claims[directory] = server
                return False
        # Another live process holds the lock: it is starting to listen, or is stuck.
        if time.monotonic() >= deadline:
            log.warning("another Précis holds %s but does not answer", directory / LOCK_NAME)
            return False
        time.sleep(0.05)
