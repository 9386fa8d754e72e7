"""Foundation: assembly, councils, members.

Revision ID: 0001
Revises:
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# "PARC" in ASCII: the SQLite application_id that marks a Parecon Assembly file.
APPLICATION_ID = 0x50415243


def upgrade() -> None:
    op.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    op.create_table(
        "assembly",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("created_with", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assembly")),
    )
    op.create_table(
        "council",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "worker",
                "team",
                "consumer",
                name="council_kind",
                native_enum=False,
                length=20,
                create_constraint=False,
            ),
            nullable=False,
        ),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "parent_id IS NULL OR parent_id != id", name=op.f("ck_council_not_own_parent")
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["council.id"],
            ondelete="RESTRICT",
            name=op.f("fk_council_parent_id_council"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_council")),
    )
    op.create_table(
        "member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("display_name", sa.String(length=100), nullable=False),
        sa.Column("contact", sa.String(length=200), nullable=False),
        sa.Column("weekly_hours", sa.Float(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=True),
        sa.Column("consumer_council_id", sa.Integer(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "weekly_hours >= 0 AND weekly_hours <= 168", name=op.f("ck_member_weekly_hours_range")
        ),
        sa.ForeignKeyConstraint(
            ["consumer_council_id"],
            ["council.id"],
            ondelete="RESTRICT",
            name=op.f("fk_member_consumer_council_id_council"),
        ),
        sa.ForeignKeyConstraint(
            ["team_id"], ["council.id"], ondelete="RESTRICT", name=op.f("fk_member_team_id_council")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member")),
        sa.UniqueConstraint("display_name", name=op.f("uq_member_display_name")),
    )


def downgrade() -> None:
    op.drop_table("member")
    op.drop_table("council")
    op.drop_table("assembly")
