import pytest

from pareconapp.core.jobs import assess_assignment
from tests.unit.core.jobs.instances import member_id, perfect_pairs, task_id


def test_a_balanced_assignment_is_valid_and_measured():
    problem = perfect_pairs()
    t = {t.name: t.id for t in problem.tasks}
    ana, bo, cy = (member_id(problem, n) for n in ("Ana", "Bo", "Cy"))
    cells = {
        (t["Welding"], ana): 5.0,
        (t["Accounts"], ana): 5.0,
        (t["Cleaning"], bo): 5.0,
        (t["Design"], bo): 5.0,
        (t["Stores"], cy): 5.0,
        (t["Repairs"], cy): 5.0,
    }
    assessment = assess_assignment(problem, cells)
    assert assessment.valid
    ana_complex = assessment.balance.complexes[0]
    assert ana_complex.member_id == ana
    assert ana_complex.empowerment == pytest.approx(12.5)  # (20 + 5) / 2
    assert ana_complex.desirability == pytest.approx(8.5)  # (1 + 16) / 2
    assert ana_complex.empowerment_deviation == pytest.approx(2.0)
    assert assessment.balance.largest_deviation == pytest.approx(2.0)
    assert assessment.balance.hours_of(t["Welding"], ana) == 5.0
    assert assessment.balance.cells() == cells


def test_every_broken_rule_is_listed():
    problem = perfect_pairs(max_tasks=2)
    welding, ana = task_id(problem, "Welding"), member_id(problem, "Ana")
    stores = task_id(problem, "Stores")
    cells = {
        (welding, ana): 2.5,
        (task_id(problem, "Cleaning"), ana): 5.0,
        (stores, ana): 2.5,
    }
    problems = [str(p) for p in assess_assignment(problem, cells).problems]
    assert "Task Welding has 2.5 h of the 5 h it needs." in problems
    assert "Bo has 0 h of the 10 h they work." in problems
    assert "Ana has 3 tasks; a complex may hold at most 2." in problems
    assert "Ana's 2.5 h of task Welding is less than its minimum block of 5 h." in problems
    assert "Ana has 10 h of the 10 h they work." not in problems
