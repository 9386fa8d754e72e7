"""Minutes approval (frozen document and SHA-256) and errata.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "minutes",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum("draft", "approved", name="minutes_status", native_enum=False, length=24),
            nullable=False,
        ),
        sa.Column("preface", sa.Text(), nullable=False),
        sa.Column("approved_at", sa.String(length=32), nullable=True),
        sa.Column("approval_decision_id", sa.Integer(), nullable=True),
        sa.Column("document", sa.JSON(), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["approval_decision_id"],
            ["decision.id"],
            name=op.f("fk_minutes_approval_decision_id_decision"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_minutes_meeting_id_meeting"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("meeting_id", name=op.f("pk_minutes")),
    )
    op.create_table(
        "erratum",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("decision_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["decision_id"],
            ["decision.id"],
            name=op.f("fk_erratum_decision_id_decision"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["minutes.meeting_id"],
            name=op.f("fk_erratum_meeting_id_minutes"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_erratum")),
    )
    with op.batch_alter_table("erratum", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_erratum_meeting_id"), ["meeting_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("erratum", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_erratum_meeting_id"))

    op.drop_table("erratum")
    op.drop_table("minutes")
