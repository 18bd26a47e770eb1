"""Start-up benchmark: `python -m desktop.bench startup [--runs N] [--mode first|again|both] [--command CMD]`.

Starts Précis (`python -m desktop`, or CMD, e.g. the frozen `dist/precis/precis`) in a fresh process
N times on the current DISPLAY (an Xvfb of its own when DISPLAY is unset), with Python's bytecode cache
on as a user has it (PYTHONDONTWRITEBYTECODE is unset for the starts; one untimed start writes the
caches), with PRECIS_STARTUP_PROBE
set: the app then writes when its window mapped and when the first summary showed, and quits
(desktop/app.py, `_probe`). Prints the median seconds from process start to each, and to `run()`
(interpreter and command-line start-up before any window work), with the CPU seconds the process had
used by then: on a busy machine the wall clock varies a lot, the CPU time much less.

Modes: `first` gives every run an empty library (the first-run sample is imported and shown);
`again` reuses one library primed by an untimed run (the remembered article is shown).
Targets (issue 15): window mapped ≤ 0.3 s; summary shown ≤ 0.5 s for the first-run sample and
≤ 0.35 s for a remembered article (its digest comes from the library's digest cache).
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PROBE_ENV = "PRECIS_STARTUP_PROBE"  # the same name as desktop.app.PROBE_ENV (not imported: keep the bench light)
TARGETS = {("first", "mapped"): 0.3, ("again", "mapped"): 0.3, ("first", "summary"): 0.5,
           ("again", "summary"): 0.35}
MARKS = ("run", "mapped", "summary")


@contextmanager
def display() -> Iterator[str]:
    """The current DISPLAY, or a private Xvfb for the duration of the benchmark."""
    current = os.environ.get("DISPLAY")
    if current:
        yield current
        return
    if shutil.which("Xvfb") is None:
        raise SystemExit("startup: DISPLAY is unset and Xvfb is not installed (apt-get install xvfb)")
    read, write = os.pipe()
    # -displayfd: Xvfb picks a free display number and writes it once it accepts clients.
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24",
                               "-nolisten", "tcp"], pass_fds=(write,),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    try:
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        if not number:
            raise SystemExit("startup: Xvfb did not start")
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def one_run(command: list[str], env: dict[str, str], data_dir: Path, timeout: float) -> dict[str, float]:
    """Seconds from process start to each mark of one start-up."""
    probe = data_dir / "startup-probe.tsv"
    probe.unlink(missing_ok=True)
    env = dict(env, PRECIS_DATA_DIR=str(data_dir), **{PROBE_ENV: str(probe)})
    started = time.time()  # the probe writes time.time() too: the same clock across processes
    done = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          timeout=timeout, check=False)
    if done.returncode != 0 or not probe.is_file():
        raise SystemExit(f"startup: {shlex.join(command)} exited {done.returncode} without timings:\n"
                         + done.stderr.decode(errors="replace")[-2000:])
    marks = {}
    for line in probe.read_text(encoding="utf-8").splitlines():
        name, wall, *cpu = line.split("\t")
        marks[name] = float(wall) - started
        if cpu and cpu[0]:
            marks[f"{name} cpu"] = float(cpu[0])
    return marks


def bench(command: list[str], mode: str, runs: int, env: dict[str, str], timeout: float) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {mark: [] for mark in MARKS}
    with tempfile.TemporaryDirectory(prefix="precis-startup-") as tmp:
        primed = Path(tmp) / "again"
        primed.mkdir()
        # Untimed: writes the bytecode caches a user's install has; for `again`, also imports the
        # sample and remembers it (and the date format).
        one_run(command, env, primed, timeout)
        for i in range(runs):
            data_dir = primed if mode == "again" else Path(tmp) / f"first-{i}"
            data_dir.mkdir(exist_ok=True)
            for mark, seconds in one_run(command, env, data_dir, timeout).items():
                times.setdefault(mark, []).append(seconds)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop.bench startup", description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="starts per mode (default 5)")
    parser.add_argument("--mode", choices=("first", "again", "both"), default="both")
    parser.add_argument("--command", default=None,
                        help="program to start (default: this Python with -m desktop)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds allowed per start")
    parser.add_argument("--no-bytecode-cache", action="store_true",
                        help="keep PYTHONDONTWRITEBYTECODE if set (default: unset it, as on a user's machine)")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    command = shlex.split(args.command) if args.command else [sys.executable, "-m", "desktop"]
    modes = ("first", "again") if args.mode == "both" else (args.mode,)
    with tempfile.TemporaryDirectory(prefix="precis-nltk-") as empty, display() as shown_on:
        # No NLTK data, as on a user's machine: Précis must not need any.
        env = dict(os.environ, DISPLAY=shown_on, NLTK_DATA=empty)
        if not args.no_bytecode_cache:  # a user's Python keeps bytecode caches (this workplace turns them off)
            env.pop("PYTHONDONTWRITEBYTECODE", None)
        print(f"start-up of {shlex.join(command)} on DISPLAY={shown_on}, {args.runs} runs per mode "
              "(seconds from process start: median [min-max]; cpu: median CPU seconds the process had used,"
              " all threads)")
        verdicts = []
        for mode in modes:
            times = bench(command, mode, args.runs, env, args.timeout)
            cells = []
            for mark in MARKS:
                values = times.get(mark) or []
                if values:
                    cell = f"{mark} {statistics.median(values):.3f} [{min(values):.3f}-{max(values):.3f}]"
                    cpu = times.get(f"{mark} cpu")
                    if cpu:
                        cell += f" cpu {statistics.median(cpu):.3f}"
                    cells.append(cell)
                    target = TARGETS.get((mode, mark))
                    if target is not None:
                        median = statistics.median(values)
                        verdicts.append(f"{mode} {mark} {median:.3f} ≤ {target} s "
                                        f"{'met' if median <= target else 'NOT met'}")
            print(f"  {mode:<6} " + "   ".join(cells))
        print("targets (medians): " + "; ".join(verdicts))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
