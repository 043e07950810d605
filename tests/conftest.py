"""Shared fixtures. Every test runs with its own, empty user data folder."""

from __future__ import annotations

import os
from typing import Optional
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings


# Property tests: enough examples to find the bugs they are there for (checked by breaking the
# code on purpose: each property caught its bug well within 100 examples), no deadline (a loaded CI
# machine is slow, not wrong). HYPOTHESIS_PROFILE=grondig runs ten times as many.
settings.register_profile("ictbekwaam", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("grondig", settings.get_profile("ictbekwaam"), max_examples=1000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ictbekwaam"))


def pytest_addoption(parser: pytest.Parser, pluginmanager: pytest.PytestPluginManager) -> None:
    """Accept the ``-n 2`` of addopts when pytest-xdist is not loaded (``-p no:xdist``): one process then."""
    if not pluginmanager.has_plugin("xdist"):
        # _addoption, as pytest-xdist itself does: addoption refuses lowercase short options.
        parser.getgroup("xdist")._addoption(
            "-n", "--numprocesses", dest="numprocesses", default=None, help="(pytest-xdist is not loaded: ignored)"
        )


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Never touch the real user's results: point every data location at a temp folder."""
    home = tmp_path_factory.mktemp("userdata")
    monkeypatch.setenv("ICTBEKWAAM_DATA_DIR", str(home / "ictbekwaam"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "xdg"))
    # A bug must show as a traceback in the tests, not as main()'s Dutch "interne fout" line.
    monkeypatch.setenv("ICTBEKWAAM_DEBUG", "1")
    monkeypatch.delenv("NO_COLOR", raising=False)
    return home / "ictbekwaam"


@pytest.fixture(scope="session")
def kader():
    """The built-in kader."""
    from ictbekwaam.files.loader import load_kader

    return load_kader()


@pytest.fixture(scope="session")
def handreiking(kader):
    """The built-in handreiking."""
    from ictbekwaam.files.loader import load_handreiking

    return load_handreiking(None, kader)


@pytest.fixture
def data_dir() -> Path:
    """The user data folder of this test (ICTBEKWAAM_DATA_DIR)."""
    return Path(os.environ["ICTBEKWAAM_DATA_DIR"])


class CliRun:
    """The outcome of one in-process CLI run."""

    def __init__(self, code: int, out: str, err: str) -> None:
        self.code = code
        self.out = out
        self.err = err

    def __repr__(self) -> str:
        return f"CliRun(code={self.code}, out={self.out[:400]!r}, err={self.err[:400]!r})"


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    """Run ``ictbekwaam ARGS`` in-process through ``cli.main`` (the real entry point).

    Returns a :class:`CliRun` with the exit code and captured stdout/stderr.
    Output is plain: no colour, 80 columns.
    """
    from ictbekwaam.cli.app import main

    def run(*args: str, env: Optional[dict[str, str]] = None) -> CliRun:
        monkeypatch.setenv("NO_COLOR", "1")
        monkeypatch.setenv("COLUMNS", "80")
        # Not TERM=dumb: that asks for the plain screen (as ACCESSIBLE does); tests that want it set it themselves.
        monkeypatch.setenv("TERM", "xterm")
        monkeypatch.delenv("ACCESSIBLE", raising=False)
        for name, value in (env or {}).items():
            monkeypatch.setenv(name, value)
        capsys.readouterr()
        try:
            main(list(args))
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        else:
            code = 0
        captured = capsys.readouterr()
        return CliRun(code, captured.out, captured.err)

    return run
