"""The preview of a member CSV file: every row and every problem, before anything is stored."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pareconapp.ui import import_preview
from pareconapp.ui.import_preview import ImportColumn, ImportTexts
from pareconapp.ui.members.table import format_hours

if TYPE_CHECKING:
    from collections.abc import Mapping

    from PySide6.QtWidgets import QWidget

    from pareconapp.core.member_import import ImportPreview, MemberRecord


def record_cells(record: MemberRecord) -> Mapping[str, str]:
    """What a member read from the file shows in the preview, by column."""
    return {
        "name": record.name,
        "display_name": record.display_name,
        "weekly_hours": format_hours(record.weekly_hours),
        "team": record.team,
        "consumer_council": record.consumer_council,
    }


class ImportPreviewDialog(import_preview.ImportPreviewDialog):
    """Shows a member file's rows and problems; imports only when there are none.

    ``text`` is the file's content, for showing the lines of rows with problems.
    """

    def __init__(
        self,
        preview: ImportPreview,
        file_name: str,
        text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        count = len(preview.rows)
        columns = (
            ImportColumn("name", self.tr("Name")),
            ImportColumn("display_name", self.tr("Display name")),
            ImportColumn("weekly_hours", self.tr("Hours/week"), numeric=True),
            ImportColumn("team", self.tr("Team")),
            ImportColumn("consumer_council", self.tr("Consumer council")),
        )
        texts = ImportTexts(
            title=self.tr("Import members from {file}").format(file=file_name),
            summary=self.tr("%n member(s)", "", count)
            + ", "
            + self.tr("%n problem(s)", "", preview.problem_count),
            import_label=self.tr("&Import %n member(s)", "", count),
            file_advice=self.tr(
                "Nothing can be imported from this file. Correct it in your spreadsheet "
                "(the first line names the columns) and import it again."
            ),
        )
        super().__init__(preview, columns, record_cells, texts, text, parent)
