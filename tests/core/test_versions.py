"""What a result of an earlier kaderversie means now: ``core.versions`` and ``model.versions``.

The built-in kader records one earlier version, 1.0.0 (split and narrowed statements). A kader
built here adds an older version with a removed and a new item, so every kind is exercised.
"""

from __future__ import annotations

import msgspec
import pytest

from ictbekwaam.core.versions import VersionGap, version_gap
from ictbekwaam.model.versions import VorigeVersie, Wijziging, retired_item, split_into

# In the order of the history in data/kader.yaml (A4 after A7, C2 before C1): the sentences follow it.
SPLIT = {"A2": ("A2a", "A2b"), "A4": ("A4a", "A4b"), "A7": ("A7a", "A7b"), "A14": ("A14a", "A14b")}
NARROWED = ("A8", "A9", "A12", "C1", "C2")


@pytest.fixture(scope="module")
def older(kader):
    """The built-in kader, with a version 0.9.0 before 1.0.0: B5 removed, C5 new, B0 split in B1 and B2, C2 narrowed."""
    vorige = VorigeVersie(
        versie="0.9.0",
        hash="sha256:" + "9" * 64,
        wijzigingen=[
            Wijziging(id="B5", soort="vervallen", reden="het Kader noemt het nergens."),
            Wijziging(id="C5", soort="nieuw", reden="het Kader noemt lokale ict-middelen."),
            Wijziging(id="B0", soort="gesplitst", naar=["B1", "B2"], reden="de stelling vroeg twee dingen."),
            Wijziging(id="C2", soort="gewijzigd", reden="een toegevoegd deel is eruit."),
        ],
    )
    return msgspec.structs.replace(kader, geschiedenis=[*kader.geschiedenis, vorige])


# --- version_gap: the built-in history --------------------------------------------


def test_the_gap_from_1_0_0(kader):
    gap = version_gap(kader, kader.meta.id, "1.0.0")
    assert gap is not None
    assert (gap.versie, gap.current, gap.known) == ("1.0.0", kader.meta.versie, True)
    assert {w.id: tuple(w.naar) for w in gap.split} == SPLIT
    assert [w.id for w in gap.split] == list(SPLIT)
    assert tuple(w.id for w in gap.changed) == NARROWED
    assert gap.removed == ()
    # New since 1.0.0: exactly the parts of the split statements.
    assert gap.new == ("A2a", "A2b", "A4a", "A4b", "A7a", "A7b", "A14a", "A14b")  # in the kader's order
    assert gap.retired == frozenset(SPLIT)
    assert gap.changed_ids == frozenset(NARROWED)


def test_the_gap_agrees_with_the_kader(kader):
    gap = version_gap(kader, kader.meta.id, "1.0.0")
    ids = {i.id for i in kader.all_items()}
    assert set(gap.new) <= ids  # every part is asked now
    assert not gap.retired & ids  # an id never changes meaning: a split id is gone
    assert gap.changed_ids <= ids  # a narrowed statement keeps its id
    assert kader.previous("1.0.0").hash.startswith("sha256:")


def test_no_gap_for_the_same_version_or_another_kader(kader):
    assert version_gap(kader, kader.meta.id, kader.meta.versie) is None
    # Another kader's items are not this kader's, whatever its version.
    assert version_gap(kader, "een-ander-kader", "1.0.0") is None
    assert version_gap(kader, "een-ander-kader", "0.1.0") is None


def test_an_unknown_version_is_matched_by_id(kader):
    gap = version_gap(kader, kader.meta.id, "0.9.0")
    assert gap == VersionGap("0.9.0", kader.meta.versie, known=False)
    assert gap.retired == gap.changed_ids == frozenset()
    assert gap.new == ()
    assert gap.sentences() == [f"Kaderversie 0.9.0 is onbekend in versie {kader.meta.versie}: items zijn op id gekoppeld."]


# --- the Dutch sentences ------------------------------------------------------------


def test_the_sentences_from_1_0_0(kader):
    gap = version_gap(kader, kader.meta.id, "1.0.0")
    # No "Nieuw:" sentence: the only new ids are the parts, named in the first sentence.
    assert gap.sentences() == [
        (
            "Gesplitst omdat ze twee dingen vroegen: A2 in A2a en A2b; A4 in A4a en A4b; A7 in A7a en A7b; "
            "A14 in A14a en A14b. De antwoorden daarop tellen niet mee voor de delen."
        ),
        "Nauwer geformuleerd: A8, A9, A12, C1 en C2; de antwoorden daarop tellen mee.",
    ]


def test_the_sentences_name_what_the_old_file_holds(kader):
    gap = version_gap(kader, kader.meta.id, "1.0.0")
    assert gap.sentences("doelen") == [
        (
            "Gesplitst omdat ze twee dingen vroegen: A2 in A2a en A2b; A4 in A4a en A4b; A7 in A7a en A7b; "
            "A14 in A14a en A14b. De doelen daarop tellen niet mee voor de delen."
        ),
        "Nauwer geformuleerd: A8, A9, A12, C1 en C2; de doelen daarop tellen mee.",
    ]


def test_every_kind_in_an_older_version(older):
    gap = version_gap(older, older.meta.id, "0.9.0")
    assert gap.known
    assert [w.id for w in gap.removed] == ["B5"]
    assert [w.id for w in gap.split] == ["B0"]
    assert [w.id for w in gap.changed] == ["C2"]
    # Split parts first, then the items that are simply new.
    assert gap.new == ("B1", "B2", "C5")
    assert gap.retired == {"B0", "B5"}
    assert gap.changed_ids == {"C2"}
    # One sentence per kind; "Nieuw" leaves out the parts of a split.
    assert gap.sentences() == [
        "Gesplitst omdat ze twee dingen vroegen: B0 in B1 en B2. De antwoorden daarop tellen niet mee voor de delen.",
        "Vervallen: B5; de antwoorden daarop tellen niet mee.",
        "Nauwer geformuleerd: C2; de antwoorden daarop tellen mee.",
        "Nieuw: C5.",
    ]
    # The later version is still there, unchanged.
    assert {w.id for w in version_gap(older, older.meta.id, "1.0.0").split} == set(SPLIT)


def test_only_new_items(kader):
    vorige = VorigeVersie(
        versie="0.8.0",
        hash="sha256:" + "8" * 64,
        wijzigingen=[Wijziging(id=i, soort="nieuw", reden="later toegevoegd.") for i in ("C4", "C5")],
    )
    built = msgspec.structs.replace(kader, geschiedenis=[vorige])
    gap = version_gap(built, built.meta.id, "0.8.0")
    assert (gap.split, gap.removed, gap.changed, gap.new) == ((), (), (), ("C4", "C5"))
    assert gap.retired == frozenset()
    assert gap.sentences() == ["Nieuw: C4 en C5."]


# --- model.versions: retired_item and split_into ------------------------------------


def test_a_split_item_says_why(kader):
    assert retired_item(kader, "A2") == (
        "A2 (kaderversie 1.0.0) is gesplitst in A2a en A2b, "
        "want de stelling vroeg twee dingen: een veilige leeromgeving en aandacht voor digitaal pesten"
    )
    assert retired_item(kader, "A14") == (
        "A14 (kaderversie 1.0.0) is gesplitst in A14a en A14b, "
        "want de stelling vroeg twee dingen: digitale toetsen inzetten en informatie afschermen bij een online toets"
    )
    assert {item_id: split_into(kader, item_id) for item_id in SPLIT} == SPLIT


def test_items_that_are_not_retired(kader):
    # Narrowed (same id), unchanged, a part, an id that never was: nothing to say, nothing to split.
    for item_id in ("A8", "C1", "A1", "A2a", "Z9"):
        assert retired_item(kader, item_id) is None
        assert split_into(kader, item_id) == ()


def test_a_removed_item_says_why(older):
    assert retired_item(older, "B5") == "B5 (kaderversie 0.9.0) is vervallen, want het Kader noemt het nergens"
    assert split_into(older, "B5") == ()
    # A new item was never retired.
    assert retired_item(older, "C5") is None
    assert split_into(older, "B0") == ("B1", "B2")
    assert retired_item(older, "B0") == "B0 (kaderversie 0.9.0) is gesplitst in B1 en B2, want de stelling vroeg twee dingen"
    assert retired_item(older, "B1") is None


def test_a_kader_without_history_has_nothing_retired(kader):
    bare = msgspec.structs.replace(kader, geschiedenis=[])
    assert retired_item(bare, "A2") is None
    assert split_into(bare, "A2") == ()
    assert version_gap(bare, bare.meta.id, "1.0.0") == VersionGap("1.0.0", bare.meta.versie, known=False)
