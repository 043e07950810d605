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

from typing import TYPE_CHECKING, Annotated, Literal

import msgspec

from ictbekwaam import dutch

if TYPE_CHECKING:  # the kader holds its history: only its type is needed here
    from ictbekwaam.model.kader import Kader

Soort = Literal["gewijzigd", "gesplitst", "vervallen", "nieuw"]
_Id = Annotated[str, msgspec.Meta(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")]


class Wijziging(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """What happened to one item since an earlier version.

    Attributes:
        id: the item's id in the earlier version (for ``nieuw``: in this version).
        soort: gewijzigd, gesplitst, vervallen or nieuw.
        naar: for ``gesplitst``: the ids of the parts in this version.
        reden: why, in Dutch (shown to users); for gesplitst and vervallen a clause
            that follows "want" ("de stelling vroeg twee dingen: ...").
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

    def new_ids(self) -> list[str]:
        """Ids of this kader that the earlier version did not have: the parts of splits, then the new items."""
        return [i for w in self.wijzigingen if w.soort == "gesplitst" for i in w.naar] + [
            w.id for w in self.wijzigingen if w.soort == "nieuw"
        ]

    def retired_ids(self) -> set[str]:
        """Ids of the earlier version that this kader no longer has, on purpose (split or removed)."""
        return {w.id for w in self.wijzigingen if w.soort in ("gesplitst", "vervallen")}


def _retirement(kader: Kader, item_id: str) -> tuple[VorigeVersie, Wijziging] | None:
    """The first earlier version that records ``item_id`` as split or removed, with that change."""
    for vorige in kader.geschiedenis:
        for wijziging in vorige.wijzigingen:
            if wijziging.id == item_id and wijziging.soort in ("gesplitst", "vervallen"):
                return vorige, wijziging
    return None


def retired_item(kader: Kader, item_id: str) -> str | None:
    """Why ``item_id`` is not in ``kader`` when an earlier version had it (a Dutch clause), or None."""
    found = _retirement(kader, item_id)
    if found is None:
        return None
    vorige, wijziging = found
    fate = f"gesplitst in {dutch.join(wijziging.naar)}" if wijziging.soort == "gesplitst" else "vervallen"
    return f"{item_id} (kaderversie {vorige.versie}) is {fate}, want {wijziging.reden.rstrip('.')}"


def split_into(kader: Kader, item_id: str) -> tuple[str, ...]:
    """The ids an earlier item was split into (empty when it was not split)."""
    found = _retirement(kader, item_id)
    return tuple(found[1].naar) if found is not None and found[1].soort == "gesplitst" else ()
