from dataclasses import replace

import pytest

from pareconapp.core.jobs import (
    JobComplexProblem,
    JobComplexSolution,
    Member,
    SolverSettings,
    SolveStatus,
    Task,
    assess_assignment,
    greedy_job_complexes,
    optimise_job_complexes,
    optimiser,
)
from pareconapp.core.progress import Progress
from tests.unit.core.jobs.instances import (
    PAIRS,
    member_id,
    perfect_pairs,
    planted,
    task_id,
)

FAST = SolverSettings(time_limit=0.5, seed=1)


def complex_of(solution: JobComplexSolution, member: int) -> dict[int, float]:
    return dict(next(c for c in solution.balance.complexes if c.member_id == member).hours)


def assert_valid(problem: JobComplexProblem, solution: JobComplexSolution) -> None:
    assessment = assess_assignment(problem, solution.balance.cells())
    assert assessment.valid, [str(p) for p in assessment.problems]


def test_finds_the_perfect_balance():
    problem = perfect_pairs()
    solution = optimise_job_complexes(problem, SolverSettings(time_limit=5.0))
    assert solution.largest_deviation == pytest.approx(0.0, abs=1e-9)
    assert solution.status is SolveStatus.OPTIMAL
    assert solution.bound == pytest.approx(0.0) and solution.gap == pytest.approx(0.0)
    assert solution.balance.workplace_empowerment == pytest.approx(10.5)
    bundles = {frozenset(complex_of(solution, m.id)) for m in problem.members}
    assert bundles == {frozenset(task_id(problem, n) for n in pair) for pair in PAIRS}
    assert_valid(problem, solution)


def test_the_greedy_baseline_is_valid_but_not_balanced():
    problem = perfect_pairs()
    greedy = greedy_job_complexes(problem)
    assert greedy is not None
    assert_valid(problem, greedy)
    assert greedy.found_by == "greedy"


def test_reports_the_solvers_bound_when_balance_is_impossible():
    # Two members, two whole tasks at the extremes: each complex is one task, 9.5 points off.
    problem = JobComplexProblem(
        tasks=(Task(1, "Hot", 4, 20, 20, block_hours=4), Task(2, "Cold", 4, 1, 1, block_hours=4)),
        members=(Member(1, "Ana", 4), Member(2, "Bo", 4)),
    )
    solution = optimise_job_complexes(problem, SolverSettings(time_limit=2.0))
    assert solution.largest_deviation == pytest.approx(9.5)
    assert solution.bound == pytest.approx(9.5, abs=1e-3)
    assert solution.status is SolveStatus.OPTIMAL


def test_pinned_cells_are_kept():
    problem = perfect_pairs()
    welding, accounts = task_id(problem, "Welding"), task_id(problem, "Accounts")
    ana, bo = member_id(problem, "Ana"), member_id(problem, "Bo")
    # Pin Welding with Accounts on Ana (not its complement), and keep Bo off Cleaning.
    pinned = {(welding, ana): 5.0, (accounts, ana): 5.0, (task_id(problem, "Cleaning"), bo): 0.0}
    solution = optimise_job_complexes(replace(problem, pinned=pinned), FAST)
    assert complex_of(solution, ana) == {welding: 5.0, accounts: 5.0}
    assert task_id(problem, "Cleaning") not in complex_of(solution, bo)
    assert solution.largest_deviation > 0
    assert_valid(replace(problem, pinned=pinned), solution)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_k_blocks_and_qualifications_are_respected(seed):
    problem = planted(tasks=14, members=5, seed=seed)
    solution = optimise_job_complexes(problem, FAST)
    assert_valid(problem, solution)
    tasks = {t.id: t for t in problem.tasks}
    for complex_ in solution.balance.complexes:
        assert len(complex_.hours) <= problem.max_tasks
        assert complex_.total_hours == pytest.approx(12.0)
        for task, hours in complex_.hours.items():
            assert hours >= min(tasks[task].block_hours, tasks[task].hours)
            assert tasks[task].allows(complex_.member_id)
    greedy = greedy_job_complexes(problem)
    if greedy is not None:
        assert solution.objective <= greedy.objective


def test_a_smaller_k_is_respected():
    problem = replace(planted(tasks=8, members=4, seed=5, restricted=0.0), max_tasks=2)
    solution = optimise_job_complexes(problem, FAST)
    assert max(len(c.hours) for c in solution.balance.complexes) <= 2
    assert_valid(problem, solution)


def test_keep_weight_reduces_changes():
    problem = perfect_pairs()
    ids = {name: task_id(problem, name) for name in ("Welding", "Cleaning", "Accounts", "Design")}
    ana, bo, cy = (member_id(problem, n) for n in ("Ana", "Bo", "Cy"))
    # A valid but unbalanced current assignment: Welding+Accounts and Cleaning+Design.
    current = {
        (ids["Welding"], ana): 5.0,
        (ids["Accounts"], ana): 5.0,
        (ids["Cleaning"], bo): 5.0,
        (ids["Design"], bo): 5.0,
        (task_id(problem, "Stores"), cy): 5.0,
        (task_id(problem, "Repairs"), cy): 5.0,
    }
    free = optimise_job_complexes(replace(problem, current=current), FAST)
    assert free.balance.hours_moved > 0 and free.largest_deviation == pytest.approx(0.0)
    # Moving an hour now costs 1 point, more than any gain in balance (at most 7.5 points).
    kept = optimise_job_complexes(replace(problem, current=current, keep_weight=1.0), FAST)
    assert kept.balance.hours_moved == 0.0
    assert kept.found_by == "current"
    assert kept.objective == pytest.approx(kept.largest_deviation)
    # A small weight still moves, and the objective counts the hours.
    cheap = optimise_job_complexes(replace(problem, current=current, keep_weight=0.01), FAST)
    assert cheap.largest_deviation == pytest.approx(0.0)
    assert cheap.objective == pytest.approx(0.01 * cheap.balance.hours_moved)


def test_half_hours_and_other_scales():
    problem = JobComplexProblem(
        tasks=(
            Task(1, "A", 3.5, 5, 1, block_hours=1),
            Task(2, "B", 3.5, 1, 5, block_hours=1),
            Task(3, "C", 4.0, 3, 3, block_hours=1),
        ),
        members=(Member(1, "Ana", 5.5), Member(2, "Bo", 5.5)),
        scale=replace(perfect_pairs().scale, low=1, high=5),
    )
    solution = optimise_job_complexes(problem, FAST)
    assert_valid(problem, solution)
    shares = [h for c in solution.balance.complexes for h in c.hours.values()]
    assert all((2 * h).is_integer() for h in shares)
    assert solution.scale_range == 4.0
    assert solution.largest_deviation < 0.2


def test_cancel_returns_the_best_so_far():
    problem = planted(tasks=30, members=10, seed=4)
    progress: Progress

    def cancel_at_once(done: int, total: int, message: str) -> None:
        progress.cancel()

    progress = Progress(cancel_at_once)
    solution = optimise_job_complexes(problem, SolverSettings(time_limit=30.0), progress)
    assert solution.cancelled
    assert solution.seconds < 10
    assert_valid(problem, solution)


def test_progress_is_reported_against_the_time_limit():
    reports: list[tuple[int, int, str]] = []
    problem = planted(tasks=14, members=5, seed=1)
    optimise_job_complexes(
        problem, FAST, Progress(lambda done, total, message: reports.append((done, total, message)))
    )
    assert reports
    assert all(total >= 500 and 0 <= done <= total for done, total, _ in reports)


def test_cp_sat_finds_a_first_assignment_when_the_greedy_is_stuck(monkeypatch):
    monkeypatch.setattr(optimiser, "greedy_assignment", lambda *args, **kwargs: None)
    problem = planted(tasks=14, members=5, seed=2)
    solution = optimise_job_complexes(problem, FAST)
    assert_valid(problem, solution)
    assert solution.found_by != "greedy"


def test_current_cells_of_members_who_left_are_ignored():
    problem = perfect_pairs()
    current = {(task_id(problem, "Welding"), 999): 37.5}
    solution = optimise_job_complexes(replace(problem, current=current, keep_weight=0.01), FAST)
    assert solution.largest_deviation == pytest.approx(0.0)
    # Every hour is new: half the sum of absolute changes is 30 / 2.
    assert solution.balance.hours_moved == 15.0
