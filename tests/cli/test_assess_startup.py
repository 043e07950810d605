"""assess stays light until it asks: its core and its --help import no prompt library.

(That importing the CLI itself stays light is checked in test_cli_foundation.)
"""

from __future__ import annotations

import subprocess
import sys


def test_the_core_of_assess_imports_no_user_interface_library():
    code = (
        "import sys; import ictbekwaam.files.storage, ictbekwaam.core.interview, ictbekwaam.files.answers; "
        "ui = [m for m in ('typer', 'rich', 'questionary', 'prompt_toolkit') if m in sys.modules]; "
        "assert not ui, ui"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr


def test_assess_help_does_not_import_prompt_toolkit():
    code = (
        "import sys\n"
        "from ictbekwaam.cli.app import main\n"
        "try:\n"
        "    main(['assess', '--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "assert 'prompt_toolkit' not in sys.modules\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "--resume" in proc.stdout
