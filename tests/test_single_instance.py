"""One running window: later `precis FILE` calls hand their files to the first Précis, over real sockets."""

from __future__ import annotations

import json
import os
import queue
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from desktop.instance import ENDPOINT_NAME, LOCK_NAME, SOCKET_NAME, InstanceServer, send_to_running

ROOT = Path(__file__).resolve().parent.parent
TRANSPORTS = ["unix", "tcp"] if hasattr(socket, "AF_UNIX") else ["tcp"]


@pytest.fixture(params=TRANSPORTS)
def transport(request: pytest.FixtureRequest) -> str:
    return request.param


class Inbox:
    """Collects what the server hands to on_open (called from its delivery thread)."""

    def __init__(self) -> None:
        self.calls: queue.Queue[list[str]] = queue.Queue()

    def __call__(self, paths: list[str]) -> None:
        self.calls.put(paths)

    def take(self, n: int, timeout: float = 5.0) -> list[list[str]]:
        got = []
        deadline = time.monotonic() + timeout
        while len(got) < n and time.monotonic() < deadline:
            try:
                got.append(self.calls.get(timeout=0.1))
            except queue.Empty:
                pass
        return got


def python(code: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(code), *args], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


SENDER = """
    import sys
    from pathlib import Path
    from desktop.instance import send_to_running
    ok = send_to_running(sys.argv[3:], timeout=10, directory=Path(sys.argv[1]), transport=sys.argv[2])
    print("sent" if ok else "not-sent")
"""


def test_running_server_receives_absolute_paths(data_dir: Path, transport: str,
                                                monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    inbox = Inbox()
    server = InstanceServer.start(inbox, directory=data_dir, transport=transport)
    assert server is not None
    try:
        monkeypatch.chdir(tmp_path)
        assert send_to_running(["a.txt", "/x/b b.html"], directory=data_dir, transport=transport)
        assert send_to_running([], directory=data_dir, transport=transport)
        assert inbox.take(2) == [[str(tmp_path / "a.txt"), "/x/b b.html" if os.name != "nt"
                                  else os.path.abspath("/x/b b.html")], []]
    finally:
        server.close()


def test_nobody_running_means_false_and_this_process_claims(data_dir: Path, transport: str) -> None:
    assert send_to_running(["one.txt"], directory=data_dir, transport=transport) is False
    # The claim listens already: a sender that arrives before the window is built is acknowledged...
    sender = python(SENDER, str(data_dir), transport, "/early.txt")
    out, err = sender.communicate(timeout=30)
    assert out.strip() == "sent", err
    # ...and its files reach the window once the app starts serving.
    inbox = Inbox()
    server = InstanceServer.start(inbox, directory=data_dir, transport=transport)
    assert server is not None
    try:
        assert inbox.take(1) == [["/early.txt" if os.name != "nt" else os.path.abspath("/early.txt")]]
    finally:
        server.close()


def test_second_server_is_refused_while_the_first_runs(data_dir: Path, transport: str) -> None:
    first = InstanceServer.start(Inbox(), directory=data_dir, transport=transport)
    assert first is not None
    try:
        assert InstanceServer.start(Inbox(), directory=data_dir, transport=transport) is None
        other = python("""
            import sys
            from pathlib import Path
            from desktop.instance import InstanceServer
            print(InstanceServer.start(print, directory=Path(sys.argv[1]), transport=sys.argv[2]))
        """, str(data_dir), transport)
        out, err = other.communicate(timeout=30)
        assert out.strip() == "None", err
    finally:
        first.close()
    again = InstanceServer.start(Inbox(), directory=data_dir, transport=transport)
    assert again is not None
    again.close()


def test_endpoint_left_by_a_crash_is_taken_over(data_dir: Path, transport: str) -> None:
    crashing = python("""
        import sys, time
        from pathlib import Path
        from desktop.instance import InstanceServer
        server = InstanceServer.start(print, directory=Path(sys.argv[1]), transport=sys.argv[2])
        print("serving", flush=True)
        time.sleep(60)
    """, str(data_dir), transport)
    assert crashing.stdout.readline().strip() == "serving"
    crashing.kill()  # SIGKILL: no cleanup runs
    crashing.wait(timeout=10)
    leftover = data_dir / (SOCKET_NAME if transport == "unix" else ENDPOINT_NAME)
    assert leftover.exists() and (data_dir / LOCK_NAME).exists()

    started = time.monotonic()
    assert send_to_running(["/x.txt"], timeout=5, directory=data_dir, transport=transport) is False
    assert time.monotonic() - started < 2.5  # the dead endpoint is recognised, not waited out
    inbox = Inbox()
    server = InstanceServer.start(inbox, directory=data_dir, transport=transport)
    assert server is not None
    try:
        sender = python(SENDER, str(data_dir), transport, "/y.txt")
        out, err = sender.communicate(timeout=30)
        assert out.strip() == "sent", err
        assert [os.path.basename(p) for [p] in inbox.take(1)] == ["y.txt"]
    finally:
        server.close()


def test_many_senders_at_once_all_reach_the_one_server(data_dir: Path, transport: str) -> None:
    inbox = Inbox()
    server = InstanceServer.start(inbox, directory=data_dir, transport=transport)
    assert server is not None
    try:
        senders = [python(SENDER, str(data_dir), transport, f"/doc{i}.txt") for i in range(6)]
        outs = [s.communicate(timeout=60) for s in senders]
        assert [o.strip() for o, _ in outs] == ["sent"] * 6, [e for _, e in outs]
        got = sorted(os.path.basename(p) for call in inbox.take(6) for p in call)
        assert got == [f"doc{i}.txt" for i in range(6)]
    finally:
        server.close()


def test_files_double_clicked_together_end_in_one_window(data_dir: Path, transport: str) -> None:
    """Five `precis FILE` start together with nothing running: one becomes the window, four hand over."""
    launcher = """
        import json, sys, time
        from pathlib import Path
        from desktop.instance import InstanceServer, send_to_running
        directory, transport, path = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
        if send_to_running([path], timeout=10, directory=directory, transport=transport):
            print(json.dumps({"role": "sender"}))
            raise SystemExit
        time.sleep(1.0)  # building the window takes a while; senders must not give up meanwhile
        got = [path]
        server = InstanceServer.start(lambda paths: got.extend(paths), directory=directory,
                                      transport=transport)
        deadline = time.monotonic() + 15
        while len(got) < 5 and time.monotonic() < deadline:
            time.sleep(0.05)
        server.close()
        print(json.dumps({"role": "window", "files": got}))
    """
    procs = [python(launcher, str(data_dir), transport, f"/clicked{i}.txt") for i in range(5)]
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
        results.append(json.loads(out))
    windows = [r for r in results if r["role"] == "window"]
    assert len(windows) == 1
    assert sorted(os.path.basename(p) for p in windows[0]["files"]) == [f"clicked{i}.txt" for i in range(5)]


def test_malformed_messages_are_ignored(data_dir: Path) -> None:
    inbox = Inbox()
    server = InstanceServer.start(inbox, directory=data_dir, transport="tcp")
    assert server is not None
    try:
        port = json.loads((data_dir / ENDPOINT_NAME).read_text())["port"]
        for junk in (b"wrong-token\n[\"/evil.txt\"]\n", b"no json at all\n", b""):
            with socket.create_connection(("127.0.0.1", port), timeout=2) as raw:
                raw.sendall(junk)
                raw.shutdown(socket.SHUT_WR)
                assert raw.recv(16) == b""  # closed without "ok"
        assert send_to_running(["/good.txt"], directory=data_dir, transport="tcp")
        assert [os.path.basename(p) for call in inbox.take(1) for p in call] == ["good.txt"]
        assert inbox.calls.empty()
    finally:
        server.close()


def test_a_failing_handler_does_not_stop_later_files(data_dir: Path) -> None:
    got: list[list[str]] = []

    def on_open(paths: list[str]) -> None:
        got.append(paths)
        if len(got) == 1:
            raise RuntimeError("boom")

    server = InstanceServer.start(on_open, directory=data_dir)
    assert server is not None
    try:
        assert send_to_running(["/1.txt"], directory=data_dir)
        assert send_to_running(["/2.txt"], directory=data_dir)
        deadline = time.monotonic() + 5
        while len(got) < 2 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert [os.path.basename(p) for [p] in got] == ["1.txt", "2.txt"]
    finally:
        server.close()


def test_close_removes_the_endpoint(data_dir: Path, transport: str) -> None:
    server = InstanceServer.start(Inbox(), directory=data_dir, transport=transport)
    assert server is not None
    endpoint = data_dir / (SOCKET_NAME if transport == "unix" else ENDPOINT_NAME)
    assert endpoint.exists()
    server.close()
    assert not endpoint.exists()


def test_default_directory_is_the_data_dir(data_dir: Path) -> None:
    """Without arguments both sides meet in PRECIS_DATA_DIR (set per test by conftest)."""
    inbox = Inbox()
    server = InstanceServer.start(inbox)
    assert server is not None
    try:
        assert (data_dir / LOCK_NAME).exists()
        assert send_to_running(["/d.txt"])
        assert [os.path.basename(p) for call in inbox.take(1) for p in call] == ["d.txt"]
    finally:
        server.close()


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="Unix sockets only")
def test_long_data_dir_falls_back_to_a_short_socket_path(tmp_path: Path) -> None:
    deep = tmp_path / ("d" * 60) / ("e" * 60)
    inbox = Inbox()
    server = InstanceServer.start(inbox, directory=deep)
    assert server is not None
    try:
        assert send_to_running(["/long.txt"], directory=deep)
        assert [os.path.basename(p) for call in inbox.take(1) for p in call] == ["long.txt"]
    finally:
        server.close()
