"""The task catalogue: tasks, their hours and blocks, who may do them, CSV import and export."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import exc as sa_exc
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pareconapp.core.i18n import QT_TRANSLATE_NOOP, UserError, UserMessage, user_error
from pareconapp.core.task_import import (
    MAX_BLOCK_HOURS,
    MAX_TASK_HOURS,
    TaskImportPreview,
    TaskRecord,
    export_task_rows,
    preview_task_import,
    whole_minutes,
)
from pareconapp.store.assembly_file import AssemblyFile
from pareconapp.store.models import Member
from pareconapp.store.models_jobs import Task, TaskQualification


@dataclass(frozen=True)
class TaskFields:
    """What the task form (or an import row) sets on a task, all fields at once.

    Attributes:
        name: The task's name (unique in the assembly).
        description: What the task involves (plain text).
        weekly_hours: Hours the task needs each week.
        block_hours: The smallest share one member may take.
        category: A free grouping ("Workshop", "Admin"...).
        restricted: Only ``qualified`` and ``training`` members may do it.
        qualified: Members qualified for it.
        training: Members in training for it (they may be given hours too).
        active: Inactive tasks are kept for the record but left out of new rounds and
            job complexes.
    """

    name: str
    description: str = ""
    weekly_hours: float = 0.0
    block_hours: float = 1.0
    category: str = ""
    restricted: bool = False
    qualified: frozenset[int] = frozenset()
    training: frozenset[int] = frozenset()
    active: bool = True


@dataclass(frozen=True)
class TaskRow:
    """A task as the screens show it."""

    id: int
    name: str
    description: str
    weekly_hours: float
    block_hours: float
    category: str
    restricted: bool
    qualified: frozenset[int]
    training: frozenset[int]
    active: bool

    def fields(self) -> TaskFields:
        """The editable fields of this task."""
        return TaskFields(
            self.name,
            self.description,
            self.weekly_hours,
            self.block_hours,
            self.category,
            self.restricted,
            self.qualified,
            self.training,
            self.active,
        )

    @property
    def may_do(self) -> frozenset[int] | None:
        """Who may be given hours of it (qualified and in training); ``None``: everyone."""
        return self.qualified | self.training if self.restricted else None

    def allows(self, member_id: int) -> bool:
        """Whether the member may be given hours of this task."""
        return not self.restricted or member_id in self.qualified or member_id in self.training


class TaskService:
    """Reads and edits the assembly's tasks."""

    def __init__(self, file: AssemblyFile) -> None:
        self._file = file

    def list_tasks(self, *, active_only: bool = False) -> list[TaskRow]:
        """Every task (or only active ones), active first, by category and name."""
        with self._file.transaction() as session:
            query = select(Task).order_by(Task.active.desc(), Task.category, Task.name)
            if active_only:
                query = query.where(Task.active)
            return [_row(t) for t in session.scalars(query)]

    def task(self, task_id: int) -> TaskRow:
        """One task."""
        with self._file.transaction() as session:
            return _row(_get(session, task_id))

    def categories(self) -> list[str]:
        """The categories in use, sorted."""
        with self._file.transaction() as session:
            names = session.scalars(select(Task.category).distinct().where(Task.category != ""))
            return sorted(names, key=str.casefold)

    def add_task(self, fields: TaskFields) -> TaskRow:
        """Add a task; raise a clear error for bad fields."""
        with self._file.transaction() as session:
            fields = _validated(session, fields, None)
            task = Task()
            _apply(task, fields)
            session.add(task)
            session.flush()
            return _row(task)

    def update_task(self, task_id: int, fields: TaskFields) -> TaskRow:
        """Replace a task's fields and qualifications."""
        with self._file.transaction() as session:
            task = _get(session, task_id)
            fields = _validated(session, fields, task_id)
            _apply(task, fields)
            session.flush()
            return _row(task)

    def delete_task(self, task_id: int) -> TaskFields:
        """Delete a task no round or assignment refers to; return its fields (for undo).

        A task that was rated or assigned is kept for the record: the error says to mark it
        inactive instead.
        """
        with self._file.transaction() as session:
            task = _get(session, task_id)
            fields = _row(task).fields()
            name = task.name
            session.delete(task)
            try:
                session.flush()
            except sa_exc.IntegrityError:
                raise user_error(
                    QT_TRANSLATE_NOOP(
                        "Tasks",
                        "{name} was rated or assigned, which must be kept. Mark it inactive "
                        "instead.",
                    ),
                    name=name,
                ) from None
            return fields

    def restore_task(self, fields: TaskFields, task_id: int) -> TaskRow:
        """Re-create a deleted task with its former id (undo of a deletion)."""
        with self._file.transaction() as session:
            fields = _validated(session, fields, None)
            task = Task(id=task_id)
            _apply(task, fields)
            session.add(task)
            session.flush()
            return _row(task)

    # -- CSV ------------------------------------------------------------------------------

    def preview_csv(self, data: bytes) -> TaskImportPreview:
        """Check a task CSV file against the assembly; store nothing."""
        with self._file.transaction() as session:
            tasks = session.scalars(select(Task.name)).all()
            members = session.scalars(select(Member.display_name)).all()
        return preview_task_import(data, tasks, members)

    def import_csv(self, data: bytes) -> int:
        """Import every task of a CSV file, or none if any row has a problem."""
        preview = self.preview_csv(data)
        if not preview.ok:
            raise UserError(
                UserMessage(
                    QT_TRANSLATE_NOOP("Tasks", "The file has %n problem(s); nothing was imported."),
                    count=preview.problem_count,
                )
            )
        with self._file.transaction() as session:
            ids = {m.display_name: m.id for m in session.scalars(select(Member))}
            for record in preview.records():
                fields = _validated(session, _fields_of_record(record, ids), None)
                task = Task()
                _apply(task, fields)
                session.add(task)
                session.flush()
        return len(preview.records())

    def export_csv(self) -> str:
        """Every task as CSV text, in the format the import reads."""
        with self._file.transaction() as session:
            names = {m.id: m.display_name for m in session.scalars(select(Member))}
        return export_task_rows(
            TaskRecord(
                t.name,
                t.description,
                t.weekly_hours,
                t.block_hours,
                t.category,
                t.restricted,
                tuple(sorted((names[m] for m in t.qualified), key=str.casefold)),
                tuple(sorted((names[m] for m in t.training), key=str.casefold)),
                t.active,
            )
            for t in self.list_tasks()
        )


def _fields_of_record(record: TaskRecord, ids: dict[str, int]) -> TaskFields:
    return TaskFields(
        name=record.name,
        description=record.description,
        weekly_hours=record.weekly_hours,
        block_hours=record.block_hours,
        category=record.category,
        restricted=record.restricted,
        qualified=frozenset(ids[n] for n in record.qualified),
        training=frozenset(ids[n] for n in record.training),
        active=record.active,
    )


def _row(task: Task) -> TaskRow:
    return TaskRow(
        id=task.id,
        name=task.name,
        description=task.description,
        weekly_hours=task.weekly_hours,
        block_hours=task.block_hours,
        category=task.category,
        restricted=task.restricted,
        qualified=frozenset(q.member_id for q in task.qualifications if not q.training),
        training=frozenset(q.member_id for q in task.qualifications if q.training),
        active=task.active,
    )


def _get(session: Session, task_id: int) -> Task:
    task = session.get(Task, task_id)
    if task is None:
        raise user_error(QT_TRANSLATE_NOOP("Tasks", "That task no longer exists."))
    return task


def _apply(task: Task, fields: TaskFields) -> None:
    task.name = fields.name
    task.description = fields.description
    task.weekly_hours = fields.weekly_hours
    task.block_hours = fields.block_hours
    task.category = fields.category
    task.restricted = fields.restricted
    task.active = fields.active
    wanted = dict.fromkeys(fields.qualified, False) | dict.fromkeys(fields.training, True)
    kept = []
    for qualification in task.qualifications:
        if qualification.member_id in wanted:
            qualification.training = wanted.pop(qualification.member_id)
            kept.append(qualification)
    task.qualifications = kept + [
        TaskQualification(member_id=member_id, training=training)
        for member_id, training in sorted(wanted.items())
    ]


def _validated(session: Session, fields: TaskFields, task_id: int | None) -> TaskFields:
    """The fields cleaned up, or a clear error naming the field and what is allowed."""
    name = fields.name.strip()
    if not name:
        raise user_error(QT_TRANSLATE_NOOP("Tasks", "Name: a task needs a name."))
    if len(name) > 200:
        raise user_error(QT_TRANSLATE_NOOP("Tasks", "Name: at most 200 characters."))
    if not (0 <= fields.weekly_hours <= MAX_TASK_HOURS and whole_minutes(fields.weekly_hours)):
        raise user_error(
            QT_TRANSLATE_NOOP(
                "Tasks", "Hours/week: must be from 0 to 10000 in whole minutes, not {value:g}."
            ),
            value=fields.weekly_hours,
        )
    if not (0 < fields.block_hours <= MAX_BLOCK_HOURS and whole_minutes(fields.block_hours)):
        raise user_error(
            QT_TRANSLATE_NOOP(
                "Tasks",
                "Minimum block: must be above 0 and at most 168 hours, in whole minutes, "
                "not {value:g}.",
            ),
            value=fields.block_hours,
        )
    if len(fields.category.strip()) > 100:
        raise user_error(QT_TRANSLATE_NOOP("Tasks", "Category: at most 100 characters."))
    clash = session.scalar(
        select(Task).where(func.lower(Task.name) == name.lower(), Task.id != (task_id or -1))
    )
    if clash is not None:
        raise user_error(
            QT_TRANSLATE_NOOP("Tasks", 'Name: there is already a task called "{name}".'),
            name=name,
        )
    if fields.qualified & fields.training:
        raise user_error(
            QT_TRANSLATE_NOOP(
                "Tasks", "Qualifications: a member is either qualified or in training, not both."
            )
        )
    if fields.restricted and not fields.qualified | fields.training:
        raise user_error(
            QT_TRANSLATE_NOOP(
                "Tasks",
                "Qualifications: name at least one member who may do the task, or open it to "
                "everyone.",
            )
        )
    members = fields.qualified | fields.training
    known = set(session.scalars(select(Member.id).where(Member.id.in_(members))))
    if known != members:
        raise user_error(QT_TRANSLATE_NOOP("Tasks", "That member no longer exists."))
    return replace(
        fields, name=name, description=fields.description.strip(), category=fields.category.strip()
    )
