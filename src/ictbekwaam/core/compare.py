"""Progress between two assessments of the same teacher (pure).

Both results are scored with the same kader and targets, and their items are
matched by id, also when the results were made with different versions of the
kader. An item is compared when it counts in both (answered and applicable);
otherwise it is named with the reason. Answers to items the kader in use does
not have cannot be scored and are named too.

The change of an item is ``new - old``: levels for kerntaak statements, option
scores (0..1) for basisvaardigheden. The means per section are each over the
items that count in that result; the counts of better/same/lower are over the
compared items only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from ictbekwaam import dutch
from ictbekwaam import safe
from ictbekwaam.model.kader import Kader
from ictbekwaam.model.result import Result, name_key
from ictbekwaam.core.scoring import ItemScore, Profile, SectionScore, score
from ictbekwaam.core.versions import VersionGap
from ictbekwaam.model.targets import Targets

Direction = Literal["beter", "gelijk", "lager", "niet vergelijkbaar"]


@dataclass(frozen=True)
class ItemChange:
    """One item in both assessments.

    Attributes:
        old: the item scored in OUD.
        new: the item scored in NIEUW.
        change: ``new - old`` (whole levels as an int, or checklist score points); None when
            the item does not count in both.
        direction: "beter", "gelijk", "lager" or "niet vergelijkbaar".
        why_not: for "niet vergelijkbaar", the Dutch reason; "" otherwise.
        reworded: when OUD was made with an earlier kaderversie in which this
            statement was worded more broadly, a Dutch note saying so; "" otherwise.
    """

    old: ItemScore
    new: ItemScore
    change: float | None
    direction: Direction
    why_not: str = ""
    reworded: str = ""

    @property
    def id(self) -> str:
        """The item id."""
        return self.new.id

    @property
    def compared(self) -> bool:
        """True when the item counts in both assessments."""
        return self.change is not None


@dataclass(frozen=True)
class SectionChange:
    """A section (basisvaardigheden or a kerntaak) in both assessments.

    Attributes:
        old, new: the section scored in OUD and in NIEUW.
        items: the item changes, in kader order.
        better, same, worse: counts over the compared items.
        not_comparable: items that do not count in one or both.
        same_statements: False when the kaderversies of OUD and NIEUW asked different
            statements in this section (split or new ones): then its means are over
            different statements and ``mean_change`` is None.
    """

    old: SectionScore
    new: SectionScore
    items: tuple[ItemChange, ...]
    better: int
    same: int
    worse: int
    not_comparable: int
    same_statements: bool = True

    @property
    def id(self) -> str:
        """The section id."""
        return self.new.id

    @property
    def naam(self) -> str:
        """The section name."""
        return self.new.naam

    @property
    def mean_change(self) -> float | None:
        """The change of the mean level (kerntaak) or score (basisvaardigheden); None if one has no mean.

        None too when OUD and NIEUW were asked different statements here (``same_statements``).
        """
        if not self.same_statements:
            return None
        old = self.old.mean_score if self.old.is_checklist else self.old.mean_level
        new = self.new.mean_score if self.new.is_checklist else self.new.mean_level
        return None if old is None or new is None else new - old


@dataclass(frozen=True)
class Comparison:
    """The progress from OUD to NIEUW.

    Attributes:
        old, new: the two profiles (same kader and targets).
        same_respondent: whether both results have the same respondent id and the same name
            (as :func:`~ictbekwaam.model.result.name_key` compares names).
        sections: per section, in kader order (basisvaardigheden first).
        unknown: answered items the kader in use does not have, as
            (id, "alleen in OUD" | "alleen in NIEUW" | "in OUD en NIEUW").
        warnings: Dutch warnings (other respondent, swapped files, drafts, versions).
        summary: one Dutch sentence with the overall counts.
    """

    old: Profile
    new: Profile
    same_respondent: bool
    sections: tuple[SectionChange, ...]
    unknown: tuple[tuple[str, str], ...]
    warnings: tuple[str, ...]
    summary: str

    @property
    def items(self) -> tuple[ItemChange, ...]:
        """Every item change in kader order."""
        return tuple(i for s in self.sections for i in s.items)

    @property
    def not_comparable(self) -> tuple[ItemChange, ...]:
        """The items that could not be compared, with their reason."""
        return tuple(i for i in self.items if not i.compared)


def _why_not(old: ItemScore, new: ItemScore, old_other_version: bool, versions: _Versions) -> str:
    reasons = []
    for item, which in ((old, "OUD"), (new, "NIEUW")):
        if item.status == "nvt":
            reasons.append(f"niet van toepassing in {which}")
        elif item.status == "open" and item.id in versions.new.get(which, {}):
            reasons.append(versions.new[which][item.id])
        elif item.status == "open":
            later = which == "OUD" and old_other_version
            reasons.append(f"niet beantwoord in {which}" + (" (misschien nog niet in die kaderversie)" if later else ""))
    return "; ".join(reasons)


@dataclass(frozen=True)
class _Versions:
    """What the kaderversies of OUD and NIEUW mean for single items.

    Attributes:
        new: per "OUD"/"NIEUW": item id -> why that result's version did not have it, in Dutch.
        reworded: items narrowed between the two versions (compared, with a note).
    """

    new: dict[str, dict[str, str]]
    reworded: frozenset[str]


def _versions(old: VersionGap | None, new: VersionGap | None) -> _Versions:
    gaps = {"OUD": old, "NIEUW": new}
    fresh: dict[str, dict[str, str]] = {}
    changed: dict[str, frozenset[str]] = {}
    for which, gap in gaps.items():
        if gap is None or not gap.known:
            changed[which] = frozenset()
            continue
        changed[which] = gap.changed_ids
        fresh[which] = {part: f"in {which} nog deel van {w.id}, uit kaderversie {gap.versie}" for w in gap.split for part in w.naar}
        fresh[which] |= {i: f"nog niet in {which}, uit kaderversie {gap.versie}" for i in gap.new if i not in fresh[which]}
    # Narrowed after one of them was made and before the other.
    return _Versions(fresh, changed["OUD"] ^ changed["NIEUW"])


def _item_change(old: ItemScore, new: ItemScore, old_other_version: bool, versions: _Versions) -> ItemChange:
    if not (old.counted and new.counted):
        return ItemChange(old, new, None, "niet vergelijkbaar", _why_not(old, new, old_other_version, versions))
    if new.is_checklist:
        change = (new.score or 0.0) - (old.score or 0.0)
    else:
        change = (new.level or 0) - (old.level or 0)  # whole levels, like a gap
    direction: Direction = "beter" if change > 0 else ("lager" if change < 0 else "gelijk")
    note = "de stelling is tussen OUD en NIEUW nauwer geformuleerd" if new.id in versions.reworded else ""
    return ItemChange(old, new, change, direction, reworded=note)


def _section_change(old: SectionScore, new: SectionScore, old_other_version: bool, versions: _Versions) -> SectionChange:
    items = tuple(_item_change(o, n, old_other_version, versions) for o, n in zip(old.items, new.items))
    count = {d: sum(1 for i in items if i.direction == d) for d in ("beter", "gelijk", "lager", "niet vergelijkbaar")}
    # Statements one of the two versions asked and the other did not.
    asked_apart = set(versions.new.get("OUD", {})) ^ set(versions.new.get("NIEUW", {}))
    same = not any(i.id in asked_apart for i in items)
    return SectionChange(old, new, items, count["beter"], count["gelijk"], count["lager"], count["niet vergelijkbaar"], same)


def _warnings(old: Result, new: Result, gaps: tuple[VersionGap | None, VersionGap | None]) -> list[str]:
    warnings = []
    if old.respondent.id != new.respondent.id:
        warnings.append(
            f"OUD en NIEUW zijn van verschillende respondenten ({old.respondent.id} en {new.respondent.id}). "
            "De vergelijking zegt dan niets over de groei van één leraar."
        )
    elif name_key(old.respondent.naam) != name_key(new.respondent.naam):
        # One id, two names: before ictbekwaam kept an id per person, everyone on one computer shared one.
        warnings.append(
            f"OUD en NIEUW hebben dezelfde respondent-id, maar een andere naam ({_naam(old)} en {_naam(new)}). "
            "Zijn ze wel van dezelfde leraar? Op één computer kregen vroeger alle zelfevaluaties dezelfde id."
        )
    if old.updated_at > new.updated_at:
        shown = moments(old.updated_at, new.updated_at)
        warnings.append(f"OUD ({shown[0]}) is van later dan NIEUW ({shown[1]}). Zijn de bestanden omgewisseld?")
    for result, which in ((old, "OUD"), (new, "NIEUW")):
        if not result.complete:
            warnings.append(f"{which} is een concept (nog niet afgerond).")
    if old.kader.hash != new.kader.hash and old.kader.versie == new.kader.versie:
        warnings.append(
            f"OUD en NIEUW zijn gemaakt met verschillende kaderbestanden (beide versie {new.kader.versie}). "
            "De items zijn op id gekoppeld."
        )
    elif old.kader.hash == new.kader.hash and (gap := gaps[0]) is not None:
        warnings.append(
            f"OUD en NIEUW zijn allebei gemaakt met kaderversie {gap.versie}; deze vergelijking gebruikt versie {gap.current}. "
            + " ".join(gap.sentences("antwoorden"))
        )
    elif old.kader.hash != new.kader.hash:
        warnings.append(
            f"OUD is gemaakt met kaderversie {old.kader.versie}, NIEUW met {new.kader.versie}. "
            + (" ".join(_gap_sentences(gaps)) or "De items zijn op id gekoppeld.")
        )
    return warnings


def moments(old: datetime, new: datetime) -> tuple[str, str]:
    """The dates of OUD and NIEUW (``25-11-2026``), as precise as it takes to tell them apart.

    Both in NIEUW's time zone (files made in two time zones would otherwise seem the
    wrong way round); the time too when the dates are the same (``25-11-2026 14:30``),
    and the seconds when the minutes are (``25-11-2026 14:30:40``).
    """
    if old.tzinfo is not None and new.tzinfo is not None:
        old = old.astimezone(new.tzinfo)
    for shape in ("%d-%m-%Y", "%d-%m-%Y %H:%M", "%d-%m-%Y %H:%M:%S"):
        if old.strftime(shape) != new.strftime(shape):
            break
    return old.strftime(shape), new.strftime(shape)


def _gap_sentences(gaps: tuple[VersionGap | None, VersionGap | None]) -> list[str]:
    """What changed since the versions of OUD and NIEUW, as far as the kader in use records it."""
    sentences = []
    for gap, which in zip(gaps, ("OUD", "NIEUW")):
        if gap is not None and gap.known:
            sentences.append(f"Veranderd tussen versie {gap.versie} ({which}) en {gap.current}.")
            sentences += gap.sentences(f"antwoorden in {which}")
    if any(gap is not None and gap.known and gap.new for gap in gaps):
        sentences.append("Waar stellingen gesplitst of nieuw zijn, gaan de cijfers per kerntaak over andere stellingen: vergelijk daar per stelling.")
    return ["De items zijn op id gekoppeld.", *sentences] if sentences else []


def _naam(result: Result) -> str:
    # Escaped first, then spaces tidied: a control character must show as code, not vanish into a space.
    naam = " ".join(part for part in safe.text(result.respondent.naam or "").split(" ") if part)
    return f"'{naam}'" if naam else "geen naam"


def _unknown(old: Profile, new: Profile) -> tuple[tuple[str, str], ...]:
    """Answered ids the kader in use does not have, except those its history explains (split, removed)."""

    def unexplained(profile: Profile) -> list[str]:
        retired = profile.version.retired if profile.version is not None else frozenset()
        return [i for i in profile.unknown if i not in retired]

    old_ids, new_ids = unexplained(old), unexplained(new)
    both = set(old_ids) & set(new_ids)
    where = {i: "alleen in OUD" for i in old_ids} | {i: "alleen in NIEUW" for i in new_ids}
    where |= {i: "in OUD en NIEUW" for i in both}
    return tuple(sorted(where.items()))


def _summary(sections: tuple[SectionChange, ...], old: Profile, new: Profile) -> str:
    better = sum(s.better for s in sections)
    same = sum(s.same for s in sections)
    worse = sum(s.worse for s in sections)
    missing = sum(s.not_comparable for s in sections)
    on_old = sum(s.on_target for s in old.sections)
    on_new = sum(s.on_target for s in new.sections)
    counted_old = sum(s.counted for s in old.sections)
    counted_new = sum(s.counted for s in new.sections)
    text = (
        f"{dutch.count(better + same + worse, 'vraag', 'vragen')} vergeleken: {better} beter, {same} gelijk, {worse} lager"
        f"{f'; {missing} niet te vergelijken' if missing else ''}. "
        f"Op doel: {on_old} van {counted_old} in OUD, {on_new} van {counted_new} in NIEUW."
    )
    return text


def compare(old: Result, new: Result, kader: Kader, targets: Targets) -> Comparison:
    """The progress from ``old`` to ``new``, both scored with ``kader`` and ``targets``."""
    old_profile = score(old, kader, targets)
    new_profile = score(new, kader, targets)
    old_other_version = old.kader.hash != new.kader.hash or not old_profile.kader_matches
    versions = _versions(old_profile.version, new_profile.version)
    sections = tuple(
        _section_change(o, n, old_other_version, versions) for o, n in zip(old_profile.sections, new_profile.sections)
    )
    return Comparison(
        old=old_profile,
        new=new_profile,
        same_respondent=old.respondent.id == new.respondent.id and name_key(old.respondent.naam) == name_key(new.respondent.naam),
        sections=sections,
        unknown=_unknown(old_profile, new_profile),
        warnings=tuple(_warnings(old, new, (old_profile.version, new_profile.version))),
        summary=_summary(sections, old_profile, new_profile),
    )
