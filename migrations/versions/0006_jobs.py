"""Tasks with qualifications, rating rounds (anonymous ratings without rowid), job complexes.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "job_assignment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("max_tasks", sa.Integer(), nullable=False),
        sa.Column("inputs", sa.JSON(), nullable=False),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.CheckConstraint("max_tasks >= 1", name=op.f("ck_job_assignment_max_tasks_positive")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_job_assignment")),
    )
    op.create_table(
        "job_complex_settings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("max_tasks", sa.Integer(), nullable=False),
        sa.Column("time_limit", sa.Float(), nullable=False),
        sa.Column("keep_weight", sa.Float(), nullable=False),
        sa.Column("society_empowerment", sa.Float(), nullable=True),
        sa.Column("society_desirability", sa.Float(), nullable=True),
        sa.Column("outside_empowerment", sa.Float(), nullable=True),
        sa.Column("outside_desirability", sa.Float(), nullable=True),
        sa.Column("outside_mode", sa.String(length=24), nullable=False),
        sa.CheckConstraint(
            "keep_weight >= 0", name=op.f("ck_job_complex_settings_keep_weight_not_negative")
        ),
        sa.CheckConstraint(
            "max_tasks >= 1", name=op.f("ck_job_complex_settings_max_tasks_positive")
        ),
        sa.CheckConstraint(
            "time_limit >= 0", name=op.f("ck_job_complex_settings_time_limit_not_negative")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_job_complex_settings")),
    )
    op.create_table(
        "task",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("weekly_hours", sa.Float(), nullable=False),
        sa.Column("block_hours", sa.Float(), nullable=False),
        sa.Column("category", sa.String(length=100), nullable=False),
        sa.Column("restricted", sa.Boolean(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.CheckConstraint("block_hours > 0", name=op.f("ck_task_block_hours_positive")),
        sa.CheckConstraint("weekly_hours >= 0", name=op.f("ck_task_weekly_hours_not_negative")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_task")),
        sa.UniqueConstraint("name", name=op.f("uq_task_name")),
    )
    op.create_table(
        "job_assignment_cell",
        sa.Column("assignment_id", sa.Integer(), nullable=False),
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("hours", sa.Float(), nullable=False),
        sa.Column("pinned", sa.Boolean(), nullable=False),
        sa.CheckConstraint("hours >= 0", name=op.f("ck_job_assignment_cell_hours_not_negative")),
        sa.ForeignKeyConstraint(
            ["assignment_id"],
            ["job_assignment.id"],
            name=op.f("fk_job_assignment_cell_assignment_id_job_assignment"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["member.id"],
            name=op.f("fk_job_assignment_cell_member_id_member"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["task_id"],
            ["task.id"],
            name=op.f("fk_job_assignment_cell_task_id_task"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint(
            "assignment_id", "task_id", "member_id", name=op.f("pk_job_assignment_cell")
        ),
    )
    op.create_table(
        "task_qualification",
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("training", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["member.id"],
            name=op.f("fk_task_qualification_member_id_member"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["task_id"],
            ["task.id"],
            name=op.f("fk_task_qualification_task_id_task"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("task_id", "member_id", name=op.f("pk_task_qualification")),
    )
    op.create_table(
        "rating_round",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "draft", "open", "closed", name="rating_round_status", native_enum=False, length=24
            ),
            nullable=False,
        ),
        sa.Column("scale_low", sa.Integer(), nullable=False),
        sa.Column("scale_high", sa.Integer(), nullable=False),
        sa.Column("empowerment_low", sa.String(length=300), nullable=False),
        sa.Column("empowerment_high", sa.String(length=300), nullable=False),
        sa.Column("desirability_low", sa.String(length=300), nullable=False),
        sa.Column("desirability_high", sa.String(length=300), nullable=False),
        sa.Column("anonymous", sa.Boolean(), nullable=False),
        sa.Column("aggregation", sa.JSON(), nullable=False),
        sa.Column("follows_id", sa.Integer(), nullable=True),
        sa.Column("agenda_item_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("opened_at", sa.String(length=32), nullable=True),
        sa.Column("closed_at", sa.String(length=32), nullable=True),
        sa.CheckConstraint("scale_low < scale_high", name=op.f("ck_rating_round_scale_order")),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agenda_item.id"],
            name=op.f("fk_rating_round_agenda_item_id_agenda_item"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["follows_id"],
            ["rating_round.id"],
            name=op.f("fk_rating_round_follows_id_rating_round"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rating_round")),
    )
    op.create_table(
        "rating_done",
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["member.id"],
            name=op.f("fk_rating_done_member_id_member"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["rating_round.id"],
            name=op.f("fk_rating_done_round_id_rating_round"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("round_id", "member_id", name=op.f("pk_rating_done")),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "rating_round_rater",
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["member.id"],
            name=op.f("fk_rating_round_rater_member_id_member"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["rating_round.id"],
            name=op.f("fk_rating_round_rater_round_id_rating_round"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("round_id", "member_id", name=op.f("pk_rating_round_rater")),
    )
    op.create_table(
        "rating_round_task",
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["rating_round.id"],
            name=op.f("fk_rating_round_task_round_id_rating_round"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["task_id"],
            ["task.id"],
            name=op.f("fk_rating_round_task_task_id_task"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("round_id", "task_id", name=op.f("pk_rating_round_task")),
    )
    op.create_table(
        "task_rating",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.Column("empowerment", sa.Float(), nullable=True),
        sa.Column("desirability", sa.Float(), nullable=True),
        sa.Column("rater_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["rater_id"],
            ["member.id"],
            name=op.f("fk_task_rating_rater_id_member"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["rating_round.id"],
            name=op.f("fk_task_rating_round_id_rating_round"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["task_id"], ["task.id"], name=op.f("fk_task_rating_task_id_task"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_task_rating")),
        sqlite_with_rowid=False,
    )


def downgrade() -> None:
    op.drop_table("task_rating")
    op.drop_table("rating_round_task")
    op.drop_table("rating_round_rater")
    op.drop_table("rating_done")
    op.drop_table("rating_round")
    op.drop_table("task_qualification")
    op.drop_table("job_assignment_cell")
    op.drop_table("task")
    op.drop_table("job_complex_settings")
    op.drop_table("job_assignment")
