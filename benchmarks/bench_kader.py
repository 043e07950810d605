"""Loading the built-in kader (1.1.0) beside loading the 1.0.0 encoding it replaced, in the same run.

Run:  .venv/bin/python benchmarks/bench_kader.py [--runs 200]

Every command loads the kader once (read safely, decode typed, cross-check), so its
size shows in the start of every command. Kaderversie 1.1.0 carries verbatim
passages, references, the onderbouwing and the history: a bigger file. This prints
the time per load (best and median of ``--runs``) and the traced peak memory for
both files, and the ratio 1.1.0 / 1.0.0 (the baseline: the 1.0.0 file from
``tests/fixtures/kader-1.0.0/kader.yaml``), plus a result profile scored with each.
Not part of the test suite (no timing asserts anywhere).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from ictbekwaam.files.loader import builtin_kader_path, load_kader  # noqa: E402

BASELINE = ROOT / "tests" / "fixtures" / "kader-1.0.0" / "kader.yaml"


def measure(path: Path, runs: int) -> tuple[float, float, int]:
    """(best, median, traced peak bytes) of loading ``path``."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        load_kader(path)
        times.append(time.perf_counter() - start)
    tracemalloc.start()
    load_kader(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return min(times), statistics.median(times), peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    load_kader(BASELINE)  # warm: imports, libyaml
    rows = [("1.0.0 (basislijn)", BASELINE), ("1.1.0 (ingebouwd)", builtin_kader_path())]
    figures = [(label, path.stat().st_size, *measure(path, args.runs)) for label, path in rows]
    print(f"{'kader':<20} {'bytes':>8} {'beste':>9} {'mediaan':>9} {'piek':>8}")
    for label, size, best, median, peak in figures:
        print(f"{label:<20} {size:>8} {best * 1000:>7.2f}ms {median * 1000:>7.2f}ms {peak / 1024:>6.0f}kB")
    (_, size0, best0, median0, peak0), (_, size1, best1, median1, peak1) = figures
    print(
        f"verhouding 1.1.0/1.0.0: bestand {size1 / size0:.2f}x, beste {best1 / best0:.2f}x, "
        f"mediaan {median1 / median0:.2f}x, piek {peak1 / peak0:.2f}x"
    )


if __name__ == "__main__":
    main()
