"""What a result, answers file or doelen file made with an earlier kaderversie means now (pure).

The kader records per earlier version what happened to its items
(:mod:`ictbekwaam.model.versions`). From that:

- an answer to an unchanged or only narrowed (``gewijzigd``) item counts as it is;
- an answer to a split or removed item counts for nothing (the parts ask
  something else), and the parts are open;
- every place that reads old files says so in the same Dutch words, built here.
"""

from __future__ import annotations

from dataclasses import dataclass

from ictbekwaam import dutch
from ictbekwaam.model.kader import Kader
from ictbekwaam.model.versions import Wijziging


@dataclass(frozen=True)
class VersionGap:
    """How items of an earlier version of the kader map onto the one in use.

    Attributes:
        versie: the earlier version (the result's).
        current: the version in use.
        known: whether the kader in use records that version in its ``geschiedenis``;
            when not, items are simply matched by id.
        changed: narrowed items: answers still count.
        split: split items: an answer counts for none of the parts.
        removed: items that are gone.
        new: ids of the items that are new since that version (split parts included).
        same_file: False when the file's hash is not the one the history records for
            that version (a school's own file with that version number): the history
            may then not fit it, and the sentences say so.
    """

    versie: str
    current: str
    known: bool
    changed: tuple[Wijziging, ...] = ()
    split: tuple[Wijziging, ...] = ()
    removed: tuple[Wijziging, ...] = ()
    new: tuple[str, ...] = ()
    same_file: bool = True

    @property
    def retired(self) -> frozenset[str]:
        """Ids of that version the kader in use no longer has, on purpose."""
        return frozenset(w.id for w in self.split + self.removed)

    @property
    def added(self) -> tuple[str, ...]:
        """Ids new since that version that are no part of a split (``nieuw``)."""
        parts = {i for w in self.split for i in w.naar}
        return tuple(i for i in self.new if i not in parts)

    @property
    def changed_ids(self) -> frozenset[str]:
        """Ids whose wording was narrowed since that version."""
        return frozenset(w.id for w in self.changed)

    def sentences(self, answers: str = "antwoorden") -> list[str]:
        """What changed, in Dutch, one sentence per kind (``answers``: what the old file holds)."""
        if not self.known:
            return [f"Kaderversie {self.versie} is onbekend in versie {self.current}: items zijn op id gekoppeld."]
        out = []
        if not self.same_file:
            out.append(
                f"Het kaderbestand van versie {self.versie} waarmee dit gemaakt is, heeft een andere inhoud dan de versie "
                f"{self.versie} die de geschiedenis van dit kader noemt; wat hieronder staat, geldt voor die."
            )
        if self.split:
            parts = "; ".join(f"{w.id} in {dutch.join(w.naar)}" for w in self.split)
            out.append(f"Gesplitst omdat ze twee dingen vroegen: {parts}. De {answers} daarop tellen niet mee voor de delen.")
        if self.removed:
            out.append(f"Vervallen: {dutch.join([w.id for w in self.removed])}; de {answers} daarop tellen niet mee.")
        if self.changed:
            out.append(
                f"Nauwer geformuleerd: {dutch.join([w.id for w in self.changed])}; de {answers} daarop tellen mee."
            )
        if self.added:
            out.append(f"Nieuw: {dutch.join(list(self.added))}.")
        if not (self.split or self.removed or self.changed or self.new):
            out.append("De stellingen zijn dezelfde gebleven.")
        return out


def version_gap(kader: Kader, id: str, versie: str, hash: str | None = None) -> VersionGap | None:
    """The gap from version ``versie`` of kader ``id`` to ``kader``; None when there is none to tell.

    None for the same version, and for another kader (its items are not this kader's).
    ``hash``: the content hash the file carries, when known (``same_file``).
    """
    if id != kader.meta.id or versie == kader.meta.versie:
        return None
    vorige = kader.previous(versie)
    if vorige is None:
        return VersionGap(versie, kader.meta.versie, known=False)
    # In the kader's own order (a split by its first part), whatever the order of the history.
    position = {item.id: n for n, item in enumerate(kader.all_items())}

    def place(item_id: str) -> int:
        return position.get(item_id, len(position))

    kinds = {
        soort: tuple(sorted((w for w in vorige.wijzigingen if w.soort == soort), key=lambda w: place((w.naar or [w.id])[0])))
        for soort in ("gewijzigd", "gesplitst", "vervallen", "nieuw")
    }
    new = tuple(sorted(vorige.new_ids(), key=place))
    same_file = hash is None or hash == vorige.hash
    return VersionGap(versie, kader.meta.versie, True, kinds["gewijzigd"], kinds["gesplitst"], kinds["vervallen"], new, same_file)
