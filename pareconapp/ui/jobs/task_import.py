"""The preview of a task CSV file: every row and every problem, before anything is stored.

The dialog every import shares (:mod:`pareconapp.ui.import_preview`), over the task columns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pareconapp.ui import import_preview
from pareconapp.ui.import_preview import ImportColumn, ImportTexts

if TYPE_CHECKING:
    from collections.abc import Mapping

    from PySide6.QtWidgets import QWidget

    from pareconapp.core.task_import import TaskImportPreview, TaskRecord


def record_cells(record: TaskRecord) -> Mapping[str, str]:
    """What a task read from the file shows in the preview, by column."""
    return {
        "name": record.name,
        "weekly_hours": f"{record.weekly_hours:g}",
        "block_hours": f"{record.block_hours:g}",
        "category": record.category,
        "qualified": ", ".join(record.qualified) if record.restricted else "",
        "training": ", ".join(record.training),
    }


class TaskImportDialog(import_preview.ImportPreviewDialog):
    """Shows a task file's rows and problems; imports only when there are none."""

    def __init__(
        self,
        preview: TaskImportPreview,
        file_name: str,
        text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        count = len(preview.rows)
        columns = (
            ImportColumn("name", self.tr("Task")),
            ImportColumn("weekly_hours", self.tr("Hours/week"), numeric=True),
            ImportColumn("block_hours", self.tr("Block"), numeric=True),
            ImportColumn("category", self.tr("Category")),
            ImportColumn("qualified", self.tr("Qualified (empty: everyone)")),
            ImportColumn("training", self.tr("In training")),
        )
        texts = ImportTexts(
            title=self.tr("Import tasks from {file}").format(file=file_name),
            summary=self.tr("%n task(s)", "", count)
            + ", "
            + self.tr("%n problem(s)", "", preview.problem_count),
            import_label=self.tr("&Import %n task(s)", "", count),
            file_advice=self.tr(
                "Nothing can be imported from this file. Correct it in your spreadsheet (the "
                "first line names the columns: name, description, weekly_hours, block_hours, "
                "category, qualified, training, active) and import it again."
            ),
        )
        super().__init__(preview, columns, record_cells, texts, text, parent)
