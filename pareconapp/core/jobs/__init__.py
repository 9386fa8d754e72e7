"""Task ratings and balanced job complexes, as plain data and pure functions.

- :mod:`.ratings` - :class:`RatingScale`, validation of ratings, aggregation per task
  (:func:`aggregate_ratings`, :func:`summarise`) with spread and the contested flag,
  :func:`contested_tasks` for a follow-up round.
- :mod:`.model` - the optimiser's input (:class:`Task`, :class:`Member`,
  :class:`JobComplexProblem`, :class:`SolverSettings`) and output
  (:class:`JobComplexSolution`, :class:`Balance`, :class:`JobComplex`).
- :mod:`.optimiser` - :func:`optimise_job_complexes` (checks, heuristics, CP-SAT) and the
  greedy baseline :func:`greedy_job_complexes`.
- :mod:`.checks` - validation and plain-words reasons (:class:`JobComplexesInfeasible`).
- :mod:`.assessment` - :func:`assess_assignment` for an assignment edited by hand.
- :mod:`.outside` - hours in other workplaces' tasks to reach the society's averages.

See ``docs/job-complexes.md`` for the model, the solver choice and what the bound means.
"""

from pareconapp.core.jobs.assessment import Assessment, assess_assignment
from pareconapp.core.jobs.checks import JobComplexesInfeasible
from pareconapp.core.jobs.model import (
    Balance,
    Cell,
    JobComplex,
    JobComplexProblem,
    JobComplexSolution,
    Member,
    SolverSettings,
    SolveStatus,
    Task,
)
from pareconapp.core.jobs.optimiser import greedy_job_complexes, optimise_job_complexes
from pareconapp.core.jobs.outside import OutsideHours, OutsideMode, RatingPair, outside_hours
from pareconapp.core.jobs.ratings import (
    AggregateMethod,
    AggregationSettings,
    Dimension,
    RatingScale,
    RatingSummary,
    SpreadMeasure,
    TaskRating,
    TaskRatingSummary,
    aggregate_ratings,
    contested_tasks,
    summarise,
    trimmed_mean,
)

__all__ = [
    "AggregateMethod",
    "AggregationSettings",
    "Assessment",
    "Balance",
    "Cell",
    "Dimension",
    "JobComplex",
    "JobComplexProblem",
    "JobComplexSolution",
    "JobComplexesInfeasible",
    "Member",
    "OutsideHours",
    "OutsideMode",
    "RatingPair",
    "RatingScale",
    "RatingSummary",
    "SolveStatus",
    "SolverSettings",
    "SpreadMeasure",
    "Task",
    "TaskRating",
    "TaskRatingSummary",
    "aggregate_ratings",
    "assess_assignment",
    "contested_tasks",
    "greedy_job_complexes",
    "optimise_job_complexes",
    "outside_hours",
    "summarise",
    "trimmed_mean",
]
