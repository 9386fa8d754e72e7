from dataclasses import replace

import pytest

from pareconapp.core.i18n import UserError
from pareconapp.core.jobs import (
    JobComplexesInfeasible,
    JobComplexProblem,
    Member,
    SolverSettings,
    Task,
    optimise_job_complexes,
)
from tests.unit.core.jobs.instances import member_id, perfect_pairs, task_id

QUICK = SolverSettings(time_limit=2.0)


def reasons_for(problem: JobComplexProblem) -> list[str]:
    with pytest.raises(JobComplexesInfeasible) as caught:
        optimise_job_complexes(problem, QUICK)
    assert str(caught.value) == str(caught.value.reasons[0])
    return [str(reason) for reason in caught.value.reasons]


def test_hours_that_do_not_add_up():
    problem = perfect_pairs(members=(Member(1, "Ana", 10), Member(2, "Bo", 10)))
    reasons = reasons_for(problem)
    assert reasons[0] == "The members' hours total 20 h but the tasks need 30 h."
    assert "There are 6 tasks, but 2 members with at most 2 tasks each can take only 4." in reasons


def test_a_task_with_too_few_qualified_hours():
    tasks = (
        Task(1, "Welding", 12, 10, 10, block_hours=1, qualified=frozenset({1})),
        Task(2, "Cleaning", 8, 10, 10, block_hours=1),
    )
    problem = JobComplexProblem(tasks=tasks, members=(Member(1, "Ana", 8), Member(2, "Bo", 12)))
    reasons = reasons_for(problem)
    assert (
        reasons[0] == "Task Welding needs 12 h but its only qualified member, Ana, has 8 h for it."
    )
    # The same shortage seen from the other side:
    assert reasons[1:] == [
        "Bo works 12 h but at most 6 tasks they are qualified for add up to only 8 h."
    ]


def test_a_group_of_tasks_with_too_few_qualified_hours():
    both = frozenset({1, 2})
    tasks = (
        Task(1, "Welding", 10, 10, 10, qualified=both),
        Task(2, "Painting", 10, 10, 10, qualified=both),
        Task(3, "Cleaning", 10, 10, 10),
    )
    members = (Member(1, "Ana", 8), Member(2, "Bo", 8), Member(3, "Cy", 14))
    reasons = reasons_for(JobComplexProblem(tasks=tasks, members=members))
    assert reasons[0] == (
        "Tasks Welding, Painting need 20 h together but the 2 members qualified for any of "
        "them (Ana, Bo) have only 16 h for them."
    )


def test_a_member_shorter_than_any_block():
    tasks = (Task(1, "Welding", 6, 10, 10, block_hours=6), Task(2, "Cleaning", 5, 10, 10))
    tasks = (*tasks[:1], replace(tasks[1], qualified=frozenset({2})))
    members = (Member(1, "Ana", 5), Member(2, "Bo", 6))
    reasons = reasons_for(JobComplexProblem(tasks=tasks, members=members))
    assert (
        "Ana works 5 h but the smallest block of any task they are qualified for is 6 h." in reasons
    )


def test_too_many_tasks_for_k():
    problem = perfect_pairs(max_tasks=1)
    reasons = reasons_for(problem)
    assert any("at most 1 tasks they are qualified for add up to only 5 h" in r for r in reasons)
    assert all("members" not in r or "tasks each" in r for r in reasons)


def test_more_tasks_than_places():
    tasks = tuple(Task(i, f"T{i}", 1, 10, 10) for i in range(5))
    problem = JobComplexProblem(tasks=tasks, members=(Member(1, "Ana", 5),), max_tasks=4)
    reasons = reasons_for(problem)
    assert any("at most 4 tasks they are qualified for add up to only 4 h" in r for r in reasons)


def test_contradictory_pins():
    problem = perfect_pairs()
    welding, ana = task_id(problem, "Welding"), member_id(problem, "Ana")
    bo = member_id(problem, "Bo")
    pinned = {(welding, ana): 3.0, (welding, bo): 3.0}
    reasons = reasons_for(replace(problem, pinned=pinned))
    assert "Task Welding has 6 h pinned but needs only 5 h." in reasons
    assert "Ana's pinned 3 h of task Welding is less than its minimum block of 5 h." in reasons


def test_pins_on_unqualified_members():
    problem = perfect_pairs()
    welding, ana = task_id(problem, "Welding"), member_id(problem, "Ana")
    tasks = tuple(
        replace(t, qualified=frozenset({member_id(problem, "Bo")})) if t.id == welding else t
        for t in problem.tasks
    )
    reasons = reasons_for(replace(problem, tasks=tasks, pinned={(welding, ana): 5.0}))
    assert "Ana is pinned to task Welding but is not qualified for it." in reasons


def test_infeasibility_only_the_solver_can_prove():
    # Each member needs 5 h from whole 4-hour tasks and a 2-hour task: 4 + 1 is impossible.
    tasks = (
        Task(1, "Welding", 4, 10, 10, block_hours=4),
        Task(2, "Painting", 4, 10, 10, block_hours=4),
        Task(3, "Cleaning", 2, 10, 10, block_hours=2),
    )
    problem = JobComplexProblem(tasks=tasks, members=(Member(1, "Ana", 5), Member(2, "Bo", 5)))
    reasons = reasons_for(problem)
    assert len(reasons) == 1
    assert reasons[0].startswith("No assignment meets every rule at once")
    assert "at most 6 tasks per member" in reasons[0]


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"tasks": (Task(1, "Welding", -1, 10, 10),)}, "Welding"),
        ({"tasks": (Task(1, "Welding", 5, 25, 10),)}, "outside the scale"),
        ({"tasks": (Task(1, "Welding", 5, 10, 10, block_hours=0),)}, "minimum block"),
        ({"members": (Member(1, "Ana", -3),)}, "Ana"),
        ({"max_tasks": 0}, "at least 1"),
        ({"pinned": {(99, 100): 1.0}}, "not part of this problem"),
        ({"keep_weight": -1.0}, "weight"),
        ({"members": (Member(1, "Ana", 1), Member(1, "Bo", 1))}, "only once"),
    ],
)
def test_malformed_input_names_the_field(change, words):
    with pytest.raises(UserError) as caught:
        optimise_job_complexes(perfect_pairs(**change), QUICK)
    assert not isinstance(caught.value, JobComplexesInfeasible)
    assert words in str(caught.value)


@pytest.mark.parametrize("settings", [{"time_limit": -1.0}, {"workers": 0}, {"prove_share": 1.0}])
def test_bad_solver_settings_are_refused(settings):
    with pytest.raises(UserError):
        SolverSettings(**settings)


def test_quarter_hour_blocks_allow_quarter_hour_shares():
    tasks = (Task(1, "Phones", 1, 5, 15, block_hours=0.25), Task(2, "Post", 1, 15, 5, 0.25))
    problem = JobComplexProblem(tasks=tasks, members=(Member(1, "Ana", 1), Member(2, "Bo", 1)))
    solution = optimise_job_complexes(problem, QUICK)
    assert solution.largest_deviation == pytest.approx(0.0, abs=1e-9)
    assert solution.balance.hours_of(1, 1) == pytest.approx(0.5)
