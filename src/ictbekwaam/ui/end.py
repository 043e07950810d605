"""The end screen of an assessment: the gap profile, where the result is and the commands for next time.

:func:`show_end` prints it on a rich console (``assess --answers`` and the
interactive walk show the same screen); :class:`Commands` spells the commands
named on screen with the options of this run.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Optional

from rich.text import Text

from ictbekwaam import safe
from ictbekwaam.model.kader import Kader
from ictbekwaam.model.result import Result

if TYPE_CHECKING:
    from ictbekwaam.core.scoring import Profile
    from ictbekwaam.model.targets import Targets


@dataclass(frozen=True)
class Commands:
    """The commands named on screen (continue, look again, POP), with the same options as this run.

    Attributes:
        kader: the school's own kader (``--kader``), or None.
        doelen: the school's targets (``--doelen``), or None.
        out: the folder for results (``--out``), or None.
        plain: whether this run asked plainly (``--plain``, ``TERM=dumb``, ``ACCESSIBLE``): continuing
            must ask plainly too, also in a terminal without those settings.
    """

    kader: Optional[Path] = None
    doelen: Optional[Path] = None
    out: Optional[Path] = None
    plain: bool = False

    def _join(self, command: str, *args: str) -> str:
        parts = ["ictbekwaam"]
        if self.kader is not None:
            parts += ["--kader", shlex.quote(str(self.kader))]
        parts += [command, *args]
        if self.doelen is not None:
            parts += ["--doelen", shlex.quote(str(self.doelen))]
        # Shown on screen and in messages: a path with an escape in it is shown, never obeyed.
        return safe.text(" ".join(parts))

    def resume(self) -> str:
        """``ictbekwaam assess --resume``, with --kader, --doelen, --out and --plain as in this run."""
        out = ["--out", shlex.quote(str(self.out))] if self.out is not None else []
        return self._join("assess", "--resume", *out, *(["--plain"] if self.plain else []))

    def profile(self, path: Path) -> str:
        """``ictbekwaam profile FILE``, with ``--plain`` after a plain run."""
        return self._join("profile", shlex.quote(str(path)), *(["--plain"] if self.plain else []))

    def pop(self, path: Path) -> str:
        """``ictbekwaam pop FILE -o pop.md``."""
        return self._join("pop", shlex.quote(str(path))) + " -o pop.md"


Show = Callable[..., Any]
"""Prints one renderable, or an empty line when called without one; takes ``soft_wrap=``.

Both :meth:`rich.console.Console.print` and :meth:`ictbekwaam.ui.protocol.Ui.show` are one."""


def show_end(
    show: Show,
    result: Result,
    kader: Kader,
    targets: "Targets",
    path: Path,
    commands: Commands = Commands(),
    *,
    plain: bool = False,
) -> "Profile":
    """The end screen, printed with ``show`` (a console's ``print`` or a :class:`Ui`'s ``show``): the gap
    profile (the screen of ``ictbekwaam profile``) and where the result is.

    Returns the profile that was shown.
    """
    from ictbekwaam.core.scoring import score
    from ictbekwaam.files.loader import load_oefenen
    from ictbekwaam.render.profile.terminal import profile_renderable

    profile = score(result, kader, targets, load_oefenen())
    show()
    show(Text("Klaar! Je zelfevaluatie is opgeslagen.", style="" if plain else "bold green"))
    show()
    show(profile_renderable(profile, plain=plain))
    show()
    show(Text("Je resultaat staat in:"))
    show(Text(f"  {safe.text(str(path))}", style="" if plain else "bold"), soft_wrap=True)
    show(
        Text(
            "Dit bestand is van jou. Bewaar het voor je POP-gesprek, of lever het in bij je i-coach "
            "als je school een teamoverzicht maakt."
        )
    )
    show(Text("Dit profiel later nog eens bekijken:"))
    show(Text(f"  {commands.profile(path)}"), soft_wrap=True)
    show(Text("Een concept-POP maken voor het gesprek met je leidinggevende:"))
    show(Text(f"  {commands.pop(path)}"), soft_wrap=True)
    return profile
