"""Plausible, clearly fictional result files, for trying ``report`` and for benchmarks.

``ictbekwaam demo-data DIR -n N [--seed S]`` writes N result files. Nothing in
them belongs to a real person or school: names are "Demo Leraar 017", schools
are "Demoschool ... (fictief)", evidence texts start with "(demo)". The same
seed gives byte-identical files.

The answers follow a simple model so that a team picture looks like a real
one: every teacher has an overall ict-bekwaamheid (normally distributed), every
item a difficulty (the basisvaardigheden are easier), and a bit of noise per
answer. A few answers are "niet van toepassing" or left open; a share of the
teachers only handed in a draft; and some handed in an older result as well
(which ``report`` sets aside).

Pure apart from :func:`write_demo`: no terminal, no typer or rich.
"""

from __future__ import annotations

import random
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import msgspec

from ictbekwaam.model.kader import Kader
from ictbekwaam.model.result import Context, Evidence, Result, new_result

MAX_COUNT = 1_000_000

# (school, sector, teams with relative sizes): uneven on purpose, so that small
# demo sets show the "te weinig respondenten" suppression.
SCHOOLS: tuple[tuple[str, str, tuple[tuple[str, int], ...]], ...] = (
    ("Demoschool De Regenboog (fictief)", "po", (("Groep 1-4", 3), ("Groep 5-8", 3), ("Intern begeleiders", 1))),
    ("Demo College Noord (fictief)", "vo", (("Onderbouw", 5), ("Bovenbouw havo/vwo", 4), ("Bovenbouw vmbo", 3), ("Sectie talen", 2))),
    ("Demo ROC Zuid (fictief)", "mbo", (("Zorg en welzijn", 4), ("Techniek", 3), ("Economie", 2))),
)
ROLES = (("leraar", 90), ("teamleider", 5), ("i-coach", 5))
# Made-up examples of effective ict use per kerntaak: (voorbeeld, meerwaarde).
EVIDENCE = {
    "A": (
        ("(demo) Leerlingen maakten in tweetallen een uitlegvideo over breuken.", "(demo) Ze moesten de stof zelf goed begrijpen om hem uit te leggen."),
        ("(demo) Ik gebruikte een oefenprogramma dat zich aanpast aan het niveau van de leerling.", "(demo) Ik zag sneller wie extra uitleg nodig had."),
    ),
    "B": (
        ("(demo) Ik houd de voortgang van mijn klas bij in het leerlingvolgsysteem.", "(demo) Het gesprek met ouders ging over feiten in plaats van indrukken."),
    ),
    "C": (
        ("(demo) Ik filmde een les en besprak de opname met een collega.", "(demo) Ik zag dingen die ik zelf niet had gemerkt."),
        ("(demo) Ik volg een online community van docenten in mijn vak.", "(demo) Ik vond er lesideeën die ik direct kon gebruiken."),
    ),
}
SHARE_DRAFT_ONLY = 0.08  # teachers who only handed in a draft
SHARE_WITH_OLDER = 0.06  # teachers who also handed in an older result
SHARE_NVT = 0.04
SHARE_OPEN = 0.015
SHARE_EVIDENCE = 0.25
START = datetime(2025, 9, 1, 8, 30, tzinfo=timezone(timedelta(hours=2)))


@dataclass(frozen=True)
class DemoPlan:
    """What :func:`write_demo` wrote.

    Attributes:
        files: the files written, in order.
        respondents: how many fictional teachers they belong to.
        seed: the seed used (give it again to get the same files).
    """

    files: tuple[Path, ...]
    respondents: int
    seed: int


def _pick(rng: random.Random, weighted: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([v for v, _ in weighted], weights=[w for _, w in weighted])[0]


def _difficulties(kader: Kader, rng: random.Random) -> dict[str, float]:
    """A fixed difficulty per item: basisvaardigheden easy, the kerntaken harder."""
    base = {"A": 0.35, "B": 0.1, "C": 0.45}
    out = {item.id: rng.gauss(-1.0, 0.35) for item in kader.basisvaardigheden.items}
    for kerntaak in kader.kerntaken:
        for item in kerntaak.items:
            out[item.id] = rng.gauss(base.get(kerntaak.id, 0.3), 0.3)
    return out


def _answers(kader: Kader, rng: random.Random, ability: float, difficulty: dict[str, float]) -> dict[str, int | str]:
    levels = kader.level_values()
    low, high = levels[0], levels[-1]
    options = kader.checklist_codes()  # best first
    nvt = kader.schaal.niet_van_toepassing.code
    answers: dict[str, int | str] = {}
    for item in kader.basisvaardigheden.items:
        if rng.random() < SHARE_OPEN:
            continue
        x = 1.3 + ability - difficulty[item.id] + rng.gauss(0, 0.5)
        answers[item.id] = options[0] if x >= 1.4 else options[min(1, len(options) - 1)] if x >= 0.6 else options[-1]
    for kerntaak in kader.kerntaken:
        for item in kerntaak.items:
            roll = rng.random()
            if roll < SHARE_OPEN:
                continue
            if roll < SHARE_OPEN + SHARE_NVT:
                answers[item.id] = nvt
                continue
            level = round(2.7 + ability - difficulty[item.id] + rng.gauss(0, 0.6))
            answers[item.id] = max(low, min(high, level))
    return answers


def _evidence(kader: Kader, rng: random.Random) -> dict[str, Evidence]:
    out = {}
    for kerntaak in kader.kerntaken:
        texts = EVIDENCE.get(kerntaak.id)
        if texts and rng.random() < SHARE_EVIDENCE:
            voorbeeld, meerwaarde = rng.choice(texts)
            out[kerntaak.id] = Evidence(voorbeeld=voorbeeld, meerwaarde=meerwaarde)
    return out


def demo_results(kader: Kader, count: int, seed: int) -> Iterator[Result]:
    """``count`` fictional results (deterministic for a given ``seed``).

    Some teachers hand in two files (an older one first), some only a draft,
    so the number of teachers is a bit lower than ``count``.
    """
    if not 0 <= count <= MAX_COUNT:
        raise ValueError(f"count must be between 0 and {MAX_COUNT}")
    rng = random.Random(seed)
    difficulty = _difficulties(kader, rng)
    order = [item.id for item in kader.all_items()]
    school_effect = {name: rng.gauss(0, 0.25) for name, _, _ in SCHOOLS}
    made = 0
    number = 0
    while made < count:
        number += 1
        school, sector, teams = SCHOOLS[rng.randrange(len(SCHOOLS))]
        context = Context(school=school, team=_pick(rng, teams), sector=sector, rol=_pick(rng, ROLES))  # type: ignore[arg-type]
        respondent_id = f"r-{rng.getrandbits(128):032x}"
        naam = f"Demo Leraar {number:03d}"
        ability = rng.gauss(0, 0.7) + school_effect[school]
        # A day in the month after START, during school hours.
        created = START + timedelta(days=rng.randrange(30), minutes=rng.randrange(8 * 60))
        base = new_result(kader, respondent_id, naam=naam, context=context)
        if made + 1 < count and rng.random() < SHARE_WITH_OLDER:
            # An older, earlier round: complete, somewhat lower; report sets it aside.
            older = created - timedelta(days=rng.randrange(60, 200))
            yield msgspec.structs.replace(
                base,
                created_at=older,
                updated_at=older + timedelta(minutes=rng.randrange(10, 40)),
                complete=True,
                answers=_answers(kader, rng, ability - 0.3, difficulty),
            )
            made += 1
        answers = _answers(kader, rng, ability, difficulty)
        draft = rng.random() < SHARE_DRAFT_ONLY
        position = 0
        if draft:
            position = rng.randrange(1, len(order))
            answers = {k: v for k, v in answers.items() if order.index(k) < position}
        yield msgspec.structs.replace(
            base,
            created_at=created,
            updated_at=created + timedelta(minutes=rng.randrange(10, 45)),
            complete=not draft,
            answers=answers,
            evidence={} if draft else _evidence(kader, rng),
            position=position,
        )
        made += 1


def file_names(count: int) -> list[str]:
    """The names of the demo files: ``demo-001.json`` .. (zero-padded to at least three digits)."""
    width = max(3, len(str(count)))
    return [f"demo-{n:0{width}d}.json" for n in range(1, count + 1)]


def new_seed() -> int:
    """A random seed, for when the user gives none (we tell them which one we used)."""
    return secrets.randbelow(1_000_000)


def write_demo(folder: Path, kader: Kader, count: int, seed: int) -> DemoPlan:
    """Write ``count`` demo result files into ``folder`` (created if needed).

    Never overwrites: if any of the names is already there, nothing is written
    and FileExistsError names the first one. Files are written atomically with
    mode 0600, like real results (they look like personal data to every tool).
    """
    from ictbekwaam.files.write import atomic_write
    from ictbekwaam.model.result import encode

    names = file_names(count)
    for name in names:
        if (folder / name).exists():
            raise FileExistsError(str(folder / name))
    written: list[Path] = []
    respondents: set[str] = set()
    for name, result in zip(names, demo_results(kader, count, seed)):
        path = folder / name
        atomic_write(path, encode(result), mode=0o600, exclusive=True)
        written.append(path)
        respondents.add(result.respondent.id)
    return DemoPlan(tuple(written), len(respondents), seed)
