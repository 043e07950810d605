"""Can figures over overlapping sets of people be combined to single out fewer than ``minimum`` of them? Pure.

A report publishes aggregates (counts, a mean, a share) over sets of people,
and anyone can add and subtract them: ``9 × mean(9 people) − 8 × mean(8 of
them)`` is the ninth person's answer. A combination gives every person a
coefficient; it reveals something about exactly the people whose coefficient
is not zero. It is harmless when that is nobody, or at least ``minimum``
people (a group that large may be shown anyway).

**The graph.** Here every person belongs to exactly two published sets, one
of each of two families (for ``--vorige``: the person's group in the round's
own report, and the person's column of the comparison), or to the node
:data:`NOTHING` for "no set of this family" (coefficient 0). A combination
takes any multiple ``a`` of every set of the first family and ``b`` of the
second; a person's coefficient is ``a + b``. Label a first-family node with
its ``a`` and a second-family node with ``−b``: a person drops out exactly
when the two nodes they join have the same label. So the nodes are the
published sets, the edges are the people (weighted by how many there are),
and what a combination reveals is a *cut*: the edges between differently
labelled nodes. Nothing reveals 1..minimum-1 people exactly when every
connected part of the graph has a minimum cut of at least ``minimum``.

:func:`small_cut` finds such a cut, cheaply: an edge of at least ``minimum``
is never in a small cut, so its two ends are merged first (usually that leaves
a handful of nodes), then a maximum flow that stops at ``minimum`` tests what
is left.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Hashable, Mapping

NOTHING = ("nothing",)
"""The node of people who are in no published set of a family (its coefficient is 0)."""

Node = Hashable
Edges = Mapping[tuple[Node, Node], int]


class _Merged:
    """Union-find over nodes."""

    def __init__(self) -> None:
        self.parent: dict[Node, Node] = {}

    def find(self, node: Node) -> Node:
        parent = self.parent.setdefault(node, node)
        while parent != node:
            grand = self.parent.setdefault(parent, parent)
            self.parent[node] = grand
            node, parent = parent, grand
        return node

    def union(self, a: Node, b: Node) -> None:
        self.parent[self.find(a)] = self.find(b)


def _weights(edges: Edges, merged: _Merged) -> dict[Node, dict[Node, int]]:
    """The graph between merged nodes: node -> neighbour -> summed weight (no loops, no zero weights)."""
    graph: dict[Node, dict[Node, int]] = {}
    for (a, b), weight in edges.items():
        a, b = merged.find(a), merged.find(b)
        if a == b or weight <= 0:
            continue
        for one, other in ((a, b), (b, a)):
            neighbours = graph.setdefault(one, {})
            neighbours[other] = neighbours.get(other, 0) + weight
    return graph


def _flow_side(graph: dict[Node, dict[Node, int]], source: Node, sink: Node, minimum: int) -> set[Node] | None:
    """The source's side of a cut between ``source`` and ``sink`` weighing less than ``minimum``, or None if none does."""
    residual = {node: dict(neighbours) for node, neighbours in graph.items()}
    flow = 0
    while flow < minimum:
        previous: dict[Node, Node] = {source: source}
        queue = deque([source])
        while queue and sink not in previous:
            node = queue.popleft()
            for neighbour, room in residual[node].items():
                if room > 0 and neighbour not in previous:
                    previous[neighbour] = node
                    queue.append(neighbour)
        if sink not in previous:
            return set(previous)  # no more room: what the source still reaches is its side of a minimum cut
        path = []
        node = sink
        while node != source:
            path.append((previous[node], node))
            node = previous[node]
        push = min(residual[a][b] for a, b in path)
        for a, b in path:
            residual[a][b] -= push
            residual[b][a] = residual[b].get(a, 0) + push
        flow += push
    return None


def small_cut(edges: Edges, minimum: int) -> set[Node] | None:
    """One side of a cut weighing 1..minimum-1 (see the module docstring), as the original nodes; None when there is none.

    ``edges``: (node, node) -> weight (people, or answers that count); the
    order of the two nodes does not matter, and a pair may not appear twice
    in both orders with different meanings: weights of the same pair add up.
    """
    merged = _Merged()
    while True:  # merge the ends of every edge that no small cut can cross, until none is left
        graph = _weights(edges, merged)
        heavy = [(a, b) for a, neighbours in graph.items() for b, weight in neighbours.items() if weight >= minimum]
        if not heavy:
            break
        for a, b in heavy:
            merged.union(a, b)
    seen: set[Node] = set()
    for start in graph:
        if start in seen:
            continue
        part = [start]  # in the order found: the same answer on every run
        queue = deque([start])
        while queue:
            for neighbour in graph[queue.popleft()]:
                if neighbour not in seen and neighbour != start:
                    seen.add(neighbour)
                    part.append(neighbour)
                    queue.append(neighbour)
        seen.add(start)
        # The minimum cut of this part separates ``start`` from some other node of it.
        for other in part[1:]:
            side = _flow_side(graph, start, other, minimum)
            if side is not None:
                nodes = set(merged.parent) | {n for pair in edges for n in pair}
                return {node for node in nodes if merged.find(node) in side}
    return None
