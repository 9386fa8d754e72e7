"""Random job-complex problems for the benchmarks (a helper of bench/jobs.py).

The generator plants a valid assignment first and derives everything else from it, so
every instance is feasible: tasks are dealt round-robin to members (every task gets a
member), a member also takes 0-2 extra random tasks, and each member's hours are split
into shares of at least one block; a task's hours are the sum of its shares. Ratings are
uniform on the scale (two decimals, as aggregated means are). About a fifth of the tasks
are restricted to roughly 30 % of the members (always including those planted on them),
and each member is excluded from about 5 % of the other tasks: qualifications that matter.

Run alone, it prints the size and totals of the benchmark's instances.
"""

from __future__ import annotations

import json

import numpy as np

from pareconapp.core.jobs import JobComplexProblem, Member, RatingScale, Task


def planted_shares(
    rng: np.random.Generator, tasks: int, members: int, hours: int, block: int
) -> np.ndarray:
    """A (tasks x members) matrix of whole hours: a valid assignment with K <= 6."""
    x = np.zeros((tasks, members), dtype=np.int64)
    owners: list[list[int]] = [[] for _ in range(members)]
    for position, task in enumerate(rng.permutation(tasks)):
        owners[position % members].append(int(task))
    for member in range(members):
        extra = [int(t) for t in rng.permutation(tasks) if t not in owners[member]]
        more = int(rng.integers(0, 3)) if owners[member] else int(rng.integers(1, 3))
        chosen = owners[member] + extra[:more]
        chosen = chosen[: max(1, hours // block)]
        spare = hours - block * len(chosen)
        cuts = rng.multinomial(spare, np.ones(len(chosen)) / len(chosen))
        for task, cut in zip(chosen, cuts, strict=True):
            x[task, member] = block + cut
    return x


def qualifications(
    rng: np.random.Generator, planted: np.ndarray, restricted_share: float = 0.2
) -> np.ndarray:
    """Who may do what: most members most tasks, some tasks restricted."""
    tasks, members = planted.shape
    allowed = np.ones((tasks, members), dtype=bool)
    for task in np.flatnonzero(rng.random(tasks) < restricted_share):
        allowed[task] = (rng.random(members) < 0.3) | (planted[task] > 0)
    excluded = (rng.random((tasks, members)) < 0.05) & (planted == 0)
    return allowed & ~excluded


def generate(
    tasks: int,
    members: int,
    seed: int,
    hours: int = 35,
    block: int = 2,
    max_tasks: int = 6,
    scale: RatingScale | None = None,
) -> JobComplexProblem:
    """A feasible problem with the benchmark's shape (35 h members, 2 h blocks, K = 6)."""
    scale = scale or RatingScale()
    rng = np.random.default_rng(seed)
    planted = planted_shares(rng, tasks, members, hours, block)
    if (planted.sum(axis=1) == 0).any():
        raise ValueError("more tasks than members can hold: lower tasks or raise members")
    allowed = qualifications(rng, planted)
    ratings = np.round(rng.uniform(scale.low, scale.high, size=(tasks, 2)), 2)
    everyone = allowed.all(axis=1)
    return JobComplexProblem(
        tasks=tuple(
            Task(
                id=i,
                name=f"Task {i}",
                hours=float(planted[i].sum()),
                empowerment=float(ratings[i, 0]),
                desirability=float(ratings[i, 1]),
                block_hours=float(block),
                qualified=None if everyone[i] else frozenset(np.flatnonzero(allowed[i]).tolist()),
            )
            for i in range(tasks)
        ),
        members=tuple(Member(id=j, name=f"Member {j}", hours=float(hours)) for j in range(members)),
        max_tasks=max_tasks,
        scale=scale,
    )


SIZES = ((40, 15), (150, 50), (400, 150))


def main() -> None:
    for tasks, members in SIZES:
        problem = generate(tasks, members, seed=7)
        shares = [1.0 if t.qualified is None else len(t.qualified) / members for t in problem.tasks]
        print(
            json.dumps(
                {
                    "tasks": tasks,
                    "members": members,
                    "task_hours": sum(t.hours for t in problem.tasks),
                    "member_hours": sum(m.hours for m in problem.members),
                    "mean_share_of_members_qualified": round(sum(shares) / tasks, 3),
                    "tasks_for_under_half_the_members": sum(s < 0.5 for s in shares),
                }
            )
        )


if __name__ == "__main__":
    main()
