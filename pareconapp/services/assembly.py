"""The open assembly: one entry point to its data, as Anki's collection is.

The GUI and the CLI hold an :class:`AssemblyService` and reach each area through it
(``assembly.members`` ...). Every method opens one transaction for one user action.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from pareconapp.services.clock import Clock, system_clock
from pareconapp.services.members import MemberService
from pareconapp.services.security import FacilitatorSecurity
from pareconapp.store.assembly_file import AssemblyFile
from pareconapp.store.models import Assembly

if TYPE_CHECKING:
    from pareconapp.services.actions import ActionService
    from pareconapp.services.attendance import AttendanceService
    from pareconapp.services.audit import AuditLog
    from pareconapp.services.decisions import DecisionService
    from pareconapp.services.job_complexes import JobComplexService
    from pareconapp.services.meetings import MeetingService
    from pareconapp.services.minutes import MinutesService
    from pareconapp.services.planning import PlanningService
    from pareconapp.services.ratings import RatingService
    from pareconapp.services.remuneration import RemunerationService
    from pareconapp.services.speakers import SpeakerService
    from pareconapp.services.tasks import TaskService


class AssemblyService:
    """An open assembly file and the services of each area."""

    def __init__(self, file: AssemblyFile, clock: Clock = system_clock) -> None:
        self._file = file
        self.clock = clock
        self.members = MemberService(file)
        self.security = FacilitatorSecurity(file)

    # The areas below are built on first use: their modules are only imported when an area
    # is opened, which keeps start-up quick (the first page shown is the members').

    @cached_property
    def meetings(self) -> MeetingService:
        """Meetings and their agendas."""
        from pareconapp.services.meetings import MeetingService

        return MeetingService(self._file, self.clock)

    @cached_property
    def attendance(self) -> AttendanceService:
        """Roll call."""
        from pareconapp.services.attendance import AttendanceService

        return AttendanceService(self._file, self.clock)

    @cached_property
    def speakers(self) -> SpeakerService:
        """The speakers' stack."""
        from pareconapp.services.speakers import SpeakerService

        return SpeakerService(self._file, self.clock)

    @cached_property
    def actions(self) -> ActionService:
        """Action items."""
        from pareconapp.services.actions import ActionService

        return ActionService(self._file, self.clock)

    @cached_property
    def decisions(self) -> DecisionService:
        """Self-management decisions."""
        from pareconapp.services.decisions import DecisionService

        return DecisionService(self._file, self.clock)

    @cached_property
    def audit(self) -> AuditLog:
        """The hash-chained log of ballots."""
        from pareconapp.services.audit import AuditLog

        return AuditLog(self._file)

    @cached_property
    def minutes(self) -> MinutesService:
        """Minutes: building, exporting, approving."""
        from pareconapp.services.minutes import MinutesService

        return MinutesService(self._file, self.clock, self)

    @cached_property
    def tasks(self) -> TaskService:
        """The task catalogue."""
        from pareconapp.services.tasks import TaskService

        return TaskService(self._file)

    @cached_property
    def ratings(self) -> RatingService:
        """Task rating rounds."""
        from pareconapp.services.ratings import RatingService

        return RatingService(self._file, self.clock)

    @cached_property
    def job_complexes(self) -> JobComplexService:
        """Balanced job complexes."""
        from pareconapp.services.job_complexes import JobComplexService

        return JobComplexService(self._file, self.tasks, self.ratings, self.clock)

    @cached_property
    def remuneration(self) -> RemunerationService:
        """Remuneration for effort and sacrifice (hours from the job complexes)."""
        from pareconapp.services.remuneration import RemunerationService

        return RemunerationService(self._file, self.clock, self.job_complexes.weekly_hours)

    @cached_property
    def planning(self) -> PlanningService:
        """Participatory planning."""
        from pareconapp.services.planning import PlanningService

        return PlanningService(self._file, self.clock, self.decisions, self.remuneration)

    @classmethod
    def open(cls, path: Path, clock: Clock = system_clock) -> AssemblyService:
        """Open (and if needed migrate) the assembly file at ``path``."""
        return cls(AssemblyFile.open(path), clock)

    @classmethod
    def create(
        cls, path: Path, name: str, description: str = "", clock: Clock = system_clock
    ) -> AssemblyService:
        """Create a new, empty assembly file and open it."""
        return cls(AssemblyFile.create(path, name, description), clock)

    @property
    def path(self) -> Path:
        """Where the file is."""
        return self._file.path

    @property
    def migration_backup(self) -> Path | None:
        """The backup written before this file was upgraded on open, if it was."""
        return self._file.migration_backup

    def name(self) -> str:
        """The assembly's name."""
        with self._file.transaction() as session:
            return session.scalars(select(Assembly.name)).one()

    def save_copy(self, target: Path) -> None:
        """Write a consistent copy of the assembly to ``target``."""
        self._file.save_copy(target)

    def close(self) -> None:
        """Close the file and release it for other windows and programs."""
        self._file.close()

    @property
    def is_open(self) -> bool:
        """Whether the file is still open."""
        return self._file.is_open
