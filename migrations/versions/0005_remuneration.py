"""Remuneration periods, member entries, onerous work, need allowances, effort ratings.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "remuneration_period",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column(
            "kind",
            sa.Enum("month", "quarter", "year", name="period_kind", native_enum=False, length=24),
            nullable=False,
        ),
        sa.Column("start_on", sa.Date(), nullable=False),
        sa.Column("end_on", sa.Date(), nullable=False),
        sa.Column("budget_kind", sa.String(length=20), nullable=False),
        sa.Column("budget_amount", sa.String(length=40), nullable=False),
        sa.Column("rules", sa.JSON(), nullable=False),
        sa.Column("anonymous_effort", sa.Boolean(), nullable=False),
        sa.Column(
            "status",
            sa.Enum("open", "approved", name="period_status", native_enum=False, length=24),
            nullable=False,
        ),
        sa.Column("approved_at", sa.String(length=32), nullable=True),
        sa.Column("approval_decision_id", sa.Integer(), nullable=True),
        sa.Column("result", sa.JSON(), nullable=True),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["approval_decision_id"],
            ["decision.id"],
            name=op.f("fk_remuneration_period_approval_decision_id_decision"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_remuneration_period")),
        sa.UniqueConstraint("name", name=op.f("uq_remuneration_period_name")),
    )
    op.create_table(
        "effort_contest",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("period_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("agenda_item_id", sa.Integer(), nullable=True),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agenda_item.id"],
            name=op.f("fk_effort_contest_agenda_item_id_agenda_item"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["member.id"],
            name=op.f("fk_effort_contest_member_id_member"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["period_id"],
            ["remuneration_period.id"],
            name=op.f("fk_effort_contest_period_id_remuneration_period"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_effort_contest")),
    )
    with op.batch_alter_table("effort_contest", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_effort_contest_period_id"), ["period_id"], unique=False
        )

    op.create_table(
        "effort_rater",
        sa.Column("period_id", sa.Integer(), nullable=False),
        sa.Column("rater_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["period_id"],
            ["remuneration_period.id"],
            name=op.f("fk_effort_rater_period_id_remuneration_period"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["rater_id"],
            ["member.id"],
            name=op.f("fk_effort_rater_rater_id_member"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("period_id", "rater_id", name=op.f("pk_effort_rater")),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "effort_rating",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("period_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("value", sa.String(length=40), nullable=False),
        sa.Column("rater_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["member.id"],
            name=op.f("fk_effort_rating_member_id_member"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["period_id"],
            ["remuneration_period.id"],
            name=op.f("fk_effort_rating_period_id_remuneration_period"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["rater_id"],
            ["member.id"],
            name=op.f("fk_effort_rating_rater_id_member"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_effort_rating")),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "period_member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("period_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("hours_worked", sa.String(length=40), nullable=False),
        sa.Column("hours_reason", sa.Text(), nullable=False),
        sa.Column("training_hours", sa.String(length=40), nullable=False),
        sa.Column("balancing_hours", sa.String(length=40), nullable=False),
        sa.Column("joined_on", sa.Date(), nullable=True),
        sa.Column("left_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["member.id"],
            name=op.f("fk_period_member_member_id_member"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["period_id"],
            ["remuneration_period.id"],
            name=op.f("fk_period_member_period_id_remuneration_period"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_period_member")),
        sa.UniqueConstraint("period_id", "member_id", name="uq_period_member"),
    )
    with op.batch_alter_table("period_member", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_period_member_period_id"), ["period_id"], unique=False)

    op.create_table(
        "need_allowance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("period_member_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "children",
                "illness",
                "disability",
                "other",
                name="need_kind",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("amount", sa.String(length=40), nullable=False),
        sa.Column("decision_id", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["decision_id"],
            ["decision.id"],
            name=op.f("fk_need_allowance_decision_id_decision"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["period_member_id"],
            ["period_member.id"],
            name=op.f("fk_need_allowance_period_member_id_period_member"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_need_allowance")),
    )
    with op.batch_alter_table("need_allowance", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_need_allowance_period_member_id"), ["period_member_id"], unique=False
        )

    op.create_table(
        "onerous_work",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("period_member_id", sa.Integer(), nullable=False),
        sa.Column("hours", sa.String(length=40), nullable=False),
        sa.Column("factor", sa.String(length=40), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["period_member_id"],
            ["period_member.id"],
            name=op.f("fk_onerous_work_period_member_id_period_member"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_onerous_work")),
    )
    with op.batch_alter_table("onerous_work", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_onerous_work_period_member_id"), ["period_member_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("onerous_work", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_onerous_work_period_member_id"))

    op.drop_table("onerous_work")
    with op.batch_alter_table("need_allowance", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_need_allowance_period_member_id"))

    op.drop_table("need_allowance")
    with op.batch_alter_table("period_member", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_period_member_period_id"))

    op.drop_table("period_member")
    op.drop_table("effort_rating")
    op.drop_table("effort_rater")
    with op.batch_alter_table("effort_contest", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_effort_contest_period_id"))

    op.drop_table("effort_contest")
    op.drop_table("remuneration_period")
