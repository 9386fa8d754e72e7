"""Small job-complex problems for the tests."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from pareconapp.core.jobs import JobComplexProblem, Member, Task

# Three complementary pairs: each pair averages 10.5 in both ratings, as do all six tasks.
COMPLEMENTARY = {
    "Welding": (20.0, 1.0),
    "Cleaning": (1.0, 20.0),
    "Accounts": (5.0, 16.0),
    "Design": (16.0, 5.0),
    "Stores": (12.0, 9.0),
    "Repairs": (9.0, 12.0),
}
PAIRS = (("Welding", "Cleaning"), ("Accounts", "Design"), ("Stores", "Repairs"))


def perfect_pairs(**changes: object) -> JobComplexProblem:
    """Six 5-hour tasks that must be taken whole, three 10-hour members, K = 2.

    Only pairing each task with its complement gives everyone the workplace averages.
    """
    order = ["Stores", "Welding", "Design", "Repairs", "Accounts", "Cleaning"]
    tasks = tuple(
        Task(i, name, 5.0, *COMPLEMENTARY[name], block_hours=5.0) for i, name in enumerate(order)
    )
    members = tuple(Member(100 + j, name, 10.0) for j, name in enumerate(("Ana", "Bo", "Cy")))
    problem = JobComplexProblem(tasks=tasks, members=members, max_tasks=2)
    return _replace(problem, changes)


def _replace(problem: JobComplexProblem, changes: dict[str, object]) -> JobComplexProblem:
    return replace(problem, **changes)


def task_id(problem: JobComplexProblem, name: str) -> int:
    return next(t.id for t in problem.tasks if t.name == name)


def member_id(problem: JobComplexProblem, name: str) -> int:
    return next(m.id for m in problem.members if m.name == name)


def planted(
    tasks: int, members: int, seed: int, hours: int = 12, block: int = 2, restricted: float = 0.3
) -> JobComplexProblem:
    """A random feasible problem: shares are planted first, task hours derived from them."""
    rng = np.random.default_rng(seed)
    x = np.zeros((tasks, members), dtype=int)
    for position, task in enumerate(rng.permutation(tasks)):
        x[task, position % members] = 1
    for member in range(members):
        chosen = np.flatnonzero(x[:, member])
        spare = hours - block * len(chosen)
        x[chosen, member] = block + rng.multinomial(spare, np.ones(len(chosen)) / len(chosen))
    ratings = rng.integers(1, 21, size=(tasks, 2))
    task_list = []
    for i in range(tasks):
        qualified = None
        if rng.random() < restricted:
            qualified = frozenset(
                {int(j) for j in np.flatnonzero(x[i])} | {int(rng.integers(members))}
            )
        task_list.append(
            Task(
                i,
                f"T{i}",
                float(x[i].sum()),
                float(ratings[i, 0]),
                float(ratings[i, 1]),
                float(block),
                qualified,
            )
        )
    return JobComplexProblem(
        tasks=tuple(task_list),
        members=tuple(Member(j, f"M{j}", float(hours)) for j in range(members)),
        max_tasks=3,
    )
