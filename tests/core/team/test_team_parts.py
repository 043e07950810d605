"""The parts of the team picture on their own: records, tally groups, figures, suppression, priorities' Dutch."""

from __future__ import annotations

import ast
import pickle
from pathlib import Path

import msgspec

from ictbekwaam.core.team.figures import Layout, hide_complement, median
from ictbekwaam.core.team.priorities import priorities
from ictbekwaam.core.team.profile import profile_of
from ictbekwaam.core.team.records import Rejected, SharedExample
from ictbekwaam.core.team.tally import AnswerCodes, where_label
from ictbekwaam.model.result import Evidence, new_result
from ictbekwaam.model.targets import Targets, default_targets

SRC = Path(__file__).resolve().parents[3] / "src" / "ictbekwaam"


def test_median_of_counts_per_value():
    assert median((0, 0, 0, 0), (1, 2, 3, 4)) is None
    assert median((1, 1, 2, 1), (1, 2, 3, 4)) == 3.0  # 1 2 3 3 4
    assert median((1, 1, 0, 0), (1, 2, 3, 4)) == 1.5  # 1 2
    assert median((0, 0, 0, 3), (1, 2, 3, 4)) == 4.0


def test_hide_complement_hides_at_least_two_with_enough_together():
    order = ["a", "b", "c", "d"]
    sizes = {"a": 2, "b": 9, "c": 6, "d": 7}
    assert hide_complement(sizes, set(), 5, order) == set()  # nothing hidden: nothing to protect
    # a (2) alone could be recovered from the total: the smallest other (c, 6) goes too.
    assert hide_complement(sizes, {"a"}, 5, order) == {"a", "c"}
    # Two small ones together still under the minimum: a third is hidden.
    assert hide_complement({"a": 1, "b": 2, "c": 8, "d": 9}, {"a", "b"}, 5, order) == {"a", "b", "c"}
    # Ties between equal sizes go by the order given.
    assert hide_complement({"a": 1, "b": 6, "c": 6}, {"a"}, 5, ["a", "c", "b"]) == {"a", "c"}


def test_group_labels_of_a_context():
    where = (" Het  Lyceum ", "Onderbouw", "vo")
    assert where_label("school", where) == "Het Lyceum"
    assert where_label("team", where) == "Het Lyceum · Onderbouw"
    assert where_label("team", (None, "Onderbouw", None)) == "Onderbouw (geen school opgegeven)"
    assert where_label("team", ("Het Lyceum", None, None)) == ""
    assert where_label("sector", where) != ""
    assert where_label("sector", (None, None, None)) == ""
    assert where_label(None, where) == ""


def test_answer_codes_are_one_byte_per_item_in_kader_order(kader):
    codes = AnswerCodes(kader)
    assert codes.items == tuple(i.id for i in kader.all_items())
    result = msgspec.structs.replace(new_result(kader, "r-" + "0" * 32), answers={"A1": 1, "BV1": "ja", "X9": 2})
    encoded = codes.encode(result)
    assert encoded is not None and len(encoded) == len(codes.items)
    assert encoded[codes.items.index("A1")] == 1 and encoded[codes.items.index("BV1")] == 1
    assert encoded.count(0) == len(codes.items) - 2  # X9 is not in this kader: ignored
    wrong = msgspec.structs.replace(result, answers={"A1": "ja"})
    assert codes.encode(wrong) is None


def test_layout_takes_every_target_from_the_one_lookup(kader):
    targets = Targets({"A7a": 4, "BV5": "deels"})  # the rest: the kader's defaults
    layout = Layout(kader, targets)
    assert [i.id for i in layout.items] == [i.id for i in kader.all_items()]
    for info, goal in zip(layout.items, layout.goals):
        assert goal == targets.for_item(kader, info.id)
        assert (info.target, info.target_label, info.checklist) == (goal.target, goal.label, goal.checklist)
    assert [s.id for s in layout.sections] == ["basisvaardigheden", *(k.id for k in kader.kerntaken)]


def test_a_priority_reason_writes_its_mean_with_one_digit(kader):
    results = [msgspec.structs.replace(new_result(kader, f"r-{n:032x}"), answers={"A1": 2}, complete=True) for n in range(5)]
    profile = profile_of(results, kader, default_targets(kader))
    first = profile.priorities[0]
    assert first.item == "A1"
    assert first.reason == "100% van het team zit onder het doel 3 (Bekwaam); gemiddeld 2,0."
    layout = Layout(kader, default_targets(kader))
    assert priorities(kader, profile.total, layout.sections, layout.items) == profile.priorities


def test_shared_examples_are_the_teams_evidence_without_names(kader):
    results = [
        msgspec.structs.replace(new_result(kader, f"r-{n:032x}", naam=f"Naam {n}"), answers={"A1": 3}, complete=True,
                                evidence={"B": Evidence(voorbeeld=f" vb  {n} ", meerwaarde="")})
        for n in range(5)
    ]
    profile = profile_of(results, kader, default_targets(kader), keep_evidence=True)
    assert profile.examples == tuple(SharedExample("B", f"vb {n}", "") for n in range(5))


def test_rejected_is_a_report_record_that_crosses_a_fork():
    skipped = Rejected("archief.zip:x.json", "geen geldig JSON")
    assert pickle.loads(pickle.dumps(skipped)) == skipped
    from ictbekwaam.files import collect

    assert collect.Rejected is Rejected


def test_the_team_renderers_do_not_read_files():
    for path in sorted((SRC / "render" / "team").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        modules = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
        modules |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        assert not any(m.startswith(("ictbekwaam.files", "ictbekwaam.core.team.tally")) for m in modules), path.name
