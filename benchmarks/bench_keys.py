"""How fast ``ictbekwaam assess`` answers a key: Enter, Esc, and v+Enter as the baseline (issue 13).

Run:  .venv/bin/python benchmarks/bench_keys.py [--runs 20] [--size 120x40]

Not part of the test suite (no timing asserts anywhere). The real program runs in a
pseudo-terminal (standard library ``pty``/``os`` only) with a fresh, empty data folder
(``ICTBEKWAAM_DATA_DIR`` in a temporary folder), ``NO_COLOR=1`` and
``PROMPT_TOOLKIT_NO_CPR=1`` (nobody answers the cursor-position question here). It
starts a new self-assessment, leaves the five questions about the teacher empty and
then goes back and forth between the first two basic skills (menus):

- **Enter**: on basisvaardigheid 1, Enter (the highlighted answer) -> basisvaardigheid 2;
- **Esc**: on basisvaardigheid 2, a lone Esc -> basisvaardigheid 1;
- **v+Enter** (the baseline, in the same run): on basisvaardigheid 2, ``v`` and Enter
  ("Vorige vraag") -> basisvaardigheid 1.

Each time is measured from writing the key(s) to the pty until the next question is
on screen and ready for a key: its heading ("vraag 2 van 37") and after it its menu
("Enter = kiezen") have been read back from the terminal. Every answer saves the
draft (written and synced to disk), as in real use. The output: median and 90th
percentile in milliseconds per key, and Esc's ratio to the baseline.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import select
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MENU = b"Enter = kiezen"
FIELD = b"Enter = verder"
TIMEOUT = 30.0


class Terminal:
    """The program in a pseudo-terminal; reads what it shows, writes what a teacher types."""

    def __init__(self, data_dir: Path, rows: int, columns: int) -> None:
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        env = {k: v for k, v in os.environ.items() if k not in ("ACCESSIBLE", "COLUMNS", "LINES")}
        env.update(
            TERM="xterm",
            NO_COLOR="1",
            PROMPT_TOOLKIT_NO_CPR="1",
            ICTBEKWAAM_DATA_DIR=str(data_dir),
            PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH", "")])),
        )
        self.process = subprocess.Popen(
            [sys.executable, "-m", "ictbekwaam", "assess"],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            start_new_session=True,
            close_fds=True,
        )
        os.close(slave)
        self.seen = b""  # what was read since the last key

    def type(self, keys: str) -> float:
        """Write ``keys``; the moment they were written (``time.perf_counter``)."""
        self.seen = b""
        os.write(self.master, keys.encode())
        return time.perf_counter()

    def wait_for(self, *texts: bytes) -> float:
        """Read until ``texts`` have appeared in this order since the last key; the moment the last one did."""
        deadline = time.monotonic() + TIMEOUT
        start = 0
        for text in texts:
            while True:
                found = self.seen.find(text, start)
                if found >= 0:
                    start = found + len(text)
                    break
                left = deadline - time.monotonic()
                if left <= 0 or not select.select([self.master], [], [], left)[0]:
                    raise SystemExit(f"bench_keys: {text!r} did not appear; the screen ends with {self.seen[-300:]!r}")
                try:
                    chunk = os.read(self.master, 65536)
                except OSError:  # the program ended
                    chunk = b""
                if not chunk:
                    raise SystemExit(f"bench_keys: the program ended; it showed {self.seen[-300:]!r}")
                self.seen += chunk
        return time.perf_counter()

    def close(self) -> None:
        self.process.kill()
        self.process.wait()
        os.close(self.master)


def question(number: int) -> bytes:
    return f"vraag {number} van ".encode()


def measure(runs: int, rows: int, columns: int) -> dict[str, list[float]]:
    """Milliseconds per key over ``runs`` rounds of Enter, Esc, Enter, v+Enter."""
    data_dir = Path(tempfile.mkdtemp(prefix="bench-keys-"))
    terminal = Terminal(data_dir, rows, columns)
    times: dict[str, list[float]] = {"Enter": [], "Esc": [], "v+Enter": []}
    try:
        terminal.wait_for(b"Klaar om te beginnen?", MENU)
        terminal.type("\r")  # Beginnen
        for field in range(5):  # Over jou: naam, school, team, sector (a menu), rol; all left empty
            terminal.wait_for(f"{field + 1} van 5".encode(), MENU if field == 3 else FIELD)
            terminal.type("\r")
        first = 1  # basisvaardigheid 1: "vraag 1 van 37"
        terminal.wait_for(question(first), MENU)

        def step(keys: str, to: int) -> float:
            sent = terminal.type(keys)
            return (terminal.wait_for(question(to), MENU) - sent) * 1000

        for _ in range(runs):
            times["Enter"].append(step("\r", first + 1))
            times["Esc"].append(step("\x1b", first))
            step("\r", first + 1)
            times["v+Enter"].append(step("v\r", first))
    finally:
        terminal.close()
        shutil.rmtree(data_dir, ignore_errors=True)
    return times


def p90(values: list[float]) -> float:
    return statistics.quantiles(values, n=10, method="inclusive")[-1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20, help="rounds of Enter, Esc and v+Enter (default 20)")
    parser.add_argument("--size", default="120x40", help="the terminal, COLUMNSxROWS (default 120x40)")
    args = parser.parse_args(argv)
    columns, rows = (int(n) for n in args.size.lower().split("x"))
    times = measure(max(2, args.runs), rows, columns)
    base = statistics.median(times["v+Enter"])
    print(f"ictbekwaam assess in a pty of {columns}x{rows}, {args.runs} times each; key -> next question on screen")
    print(f"{'key':<28}{'median':>10}{'p90':>10}{'ratio':>10}")
    labels = {"Enter": "Enter -> next question", "Esc": "Esc -> previous question", "v+Enter": "v+Enter -> previous (base)"}
    for key, label in labels.items():
        median = statistics.median(times[key])
        print(f"{label:<28}{median:>8.1f} ms{p90(times[key]):>7.1f} ms{median / base:>9.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
