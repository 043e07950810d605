"""The cut test of core/team/exposure.py, on graphs worked out by hand."""

from __future__ import annotations

from ictbekwaam.core.team.exposure import NOTHING, small_cut


def test_eight_and_a_newcomer():
    # This round's report over nine (R), a comparison over the eight (C): R - C is the ninth.
    assert small_cut({("R", "C"): 8, ("R", NOTHING): 1}, 5) == {"R", "C"}
    assert small_cut({("R", "C"): 8, ("R", NOTHING): 5}, 5) is None  # five newcomers: a group of their own
    assert small_cut({("R", "C"): 8}, 5) is None  # nobody new: the comparison is the report's own figure
    assert small_cut({("R", "C"): 4}, 5) == {"C"} or small_cut({("R", "C"): 4}, 5) == {"R"}  # four in all


def test_a_lump_minus_a_known_group():
    # Two columns hidden together (H), one of them (g2) with no newcomers: H - g2 is g1's three.
    assert small_cut({("g1", "H"): 3, ("g2", "H"): 4}, 5) == {"g1"}
    # Newcomers mixed into both: every way of subtracting leaves five or more.
    assert small_cut({("g1", "H"): 6, ("g2", "H"): 7, ("g1", NOTHING): 5, ("g2", NOTHING): 5}, 5) is None


def test_edges_add_up_in_either_order_and_loops_do_not_count():
    assert small_cut({("a", "b"): 3, ("b", "a"): 2, ("a", "a"): 1}, 5) is None
    assert small_cut({("a", "b"): 0}, 5) is None


def test_the_same_answer_every_time():
    edges = {(f"n{k}", f"c{k % 3}"): 2 + k % 4 for k in range(12)} | {(f"n{k}", NOTHING): k % 2 for k in range(12)}
    first = small_cut(edges, 5)
    assert first is not None
    assert all(small_cut(dict(reversed(list(edges.items()))), 5) is not None for _ in range(3))
    assert small_cut(edges, 5) == first
