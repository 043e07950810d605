"""Where the checkout and the source texts are, for tests that read files beside the code.

A module of its own, not ``conftest``: ``from conftest import ROOT`` finds whichever
conftest.py pytest imported first (``tests/ui/conftest.py`` in a partial run).
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED_SOURCES = ROOT.parent / "shared" / "sources"
# The source texts: the shared originals when they sit beside the checkout, else
# the copies in tests/sources (a clean clone on a CI machine).
SOURCES = SHARED_SOURCES if SHARED_SOURCES.is_dir() else ROOT / "tests" / "sources"
