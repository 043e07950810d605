"""What changed in the items between versions of a kader encoding.

A result stores the kader id, version and content hash it was made with. When
the encoding gets a new version, ``kader.yaml`` records per earlier version
what happened to its items (``geschiedenis``), so that an old result keeps its
meaning: an answer counts for an item of the new version only when the item
asks the same thing. The rule for ids: an id never changes meaning. A
statement only narrowed to its core (a clause ictbekwaam had added taken out)
keeps its id and is marked ``gewijzigd``; a statement that asked two things is
``gesplitst``: its id is retired and each part gets a new id; a statement that
is gone is ``vervallen``; a statement that did not exist is ``nieuw``.
"""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec

Soort = Literal["gewijzigd", "gesplitst", "vervallen", "nieuw"]
_Id = Annotated[str, msgspec.Meta(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")]


class Wijziging(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """What happened to one item since an earlier version.

    Attributes:
        id: the item's id in the earlier version (for ``nieuw``: in this version).
        soort: gewijzigd, gesplitst, vervallen or nieuw.
        naar: for ``gesplitst``: the ids of the parts in this version.
        reden: why, in one Dutch sentence (shown to users).
    """

    id: _Id
    soort: Soort
    reden: Annotated[str, msgspec.Meta(min_length=1)]
    naar: list[_Id] = []


class VorigeVersie(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """An earlier version of this encoding and how its items map onto this one.

    Attributes:
        versie: the earlier ``meta.versie``.
        hash: the earlier encoding's content hash, as results made with it store it.
        wijzigingen: every item that is not the same in this version.
    """

    versie: Annotated[str, msgspec.Meta(min_length=1)]
    hash: Annotated[str, msgspec.Meta(pattern=r"^sha256:[0-9a-f]{64}$")]
    wijzigingen: list[Wijziging] = []

    def by_id(self, soort: Soort) -> dict[str, Wijziging]:
        """The changes of one kind, by id."""
        return {w.id: w for w in self.wijzigingen if w.soort == soort}

    def comparable(self, item_id: str) -> bool:
        """Whether an answer to ``item_id`` in the earlier version means the same in this one (gewijzigd: nearly)."""
        return not any(w.id == item_id and w.soort in ("gesplitst", "vervallen", "nieuw") for w in self.wijzigingen)
