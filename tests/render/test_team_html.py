"""The HTML report: self-contained, escaped, and rendered by a real headless Chromium to a non-blank image."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from ictbekwaam.core.team.profile import build_profile
from ictbekwaam.core.team.tally import Tally
from ictbekwaam.files.demo import demo_results
from ictbekwaam.render.team.html import report_html
from ictbekwaam.model.targets import default_targets


def _profile(kader, handreiking, n=60, by=None):
    tally = Tally(kader, by=by)
    for r in demo_results(kader, n, seed=21):
        tally.add_result(r)
    return build_profile(tally, kader, default_targets(kader), handreiking=handreiking)


def test_html_is_self_contained(kader, handreiking):
    html = report_html(_profile(kader, handreiking, by="sector"))
    assert html.startswith("<!DOCTYPE html>")
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert "<script" not in html.lower()
    for external in ("<link", "<img", "src=", "@import", "url("):
        assert external not in html
    assert html.count("<svg") == 4  # basisvaardigheden, kerntaken, per basisvaardigheid, per stelling
    assert "@media print" in html


def read_png(path: Path) -> tuple[int, int, list[bytes]]:
    """Width, height and the unfiltered rows of an 8-bit RGB(A) PNG, with the standard library only."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "geen PNG"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and colour in (2, 6) and interlace == 0, (depth, colour, interlace)
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        if kind == 1:
            for i in range(channels, stride):
                line[i] = (line[i] + line[i - channels]) & 0xFF
        elif kind == 2:
            for i in range(stride):
                line[i] = (line[i] + previous[i]) & 0xFF
        elif kind == 3:
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                line[i] = (line[i] + ((left + previous[i]) >> 1)) & 0xFF
        elif kind == 4:
            for i in range(stride):
                a = line[i - channels] if i >= channels else 0
                b = previous[i]
                c = previous[i - channels] if i >= channels else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(bytes(line))
        previous = line
    return width, height, [bytes(r) for r in rows], channels  # type: ignore[return-value]


def test_chromium_renders_a_non_blank_report(tmp_path, kader, handreiking):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        if os.environ.get("CI") == "true":
            pytest.fail("chromium ontbreekt: in CI installeert .ci/run het Debian-pakket chromium")
        pytest.skip("chromium is niet geïnstalleerd")
    page = tmp_path / "rapport.html"
    page.write_text(report_html(_profile(kader, handreiking)), encoding="utf-8")
    shot = tmp_path / "rapport.png"
    command = [
        chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path / 'profiel'}",
        f"--screenshot={shot}", "--window-size=1000,1400", page.as_uri(),
    ]
    done = subprocess.run(command, capture_output=True, timeout=120)
    assert shot.exists(), done.stderr.decode(errors="replace")[-2000:]
    width, height, rows, channels = read_png(shot)
    assert (width, height) == (1000, 1400)
    colours, non_white = set(), 0
    for row in rows[::4]:
        for x in range(0, width * channels, channels * 2):
            pixel = row[x : x + 3]
            colours.add(pixel)
            non_white += pixel != b"\xff\xff\xff"
    assert len(colours) > 50, len(colours)  # text, bars in several colours, anti-aliasing
    assert non_white > 0.05 * (height // 4) * (width // 2)
    # The chart colours of the levels are on screen (the SVG was drawn, not just the text).
    assert any(abs(p[0] - 0x45) < 8 and abs(p[1] - 0x75) < 8 and abs(p[2] - 0xB4) < 8 for p in colours)
