"""Participatory planning: years and roles, goods, councils, rounds, proposals, requests.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "planning_year",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "worker", "consumer", "ifb", name="planning_role", native_enum=False, length=24
            ),
            nullable=False,
        ),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("council_id", sa.Integer(), nullable=True),
        sa.Column("ifb_code", sa.String(length=64), nullable=False),
        sa.Column("rule", sa.String(length=24), nullable=False),
        sa.Column("threshold", sa.Float(), nullable=False),
        sa.Column("max_rounds", sa.Integer(), nullable=False),
        sa.Column("practice", sa.Boolean(), nullable=False),
        sa.Column(
            "status",
            sa.Enum("open", "final", name="year_status", native_enum=False, length=24),
            nullable=False,
        ),
        sa.Column("budget", sa.JSON(), nullable=True),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.CheckConstraint("max_rounds >= 1", name=op.f("ck_planning_year_max_rounds_positive")),
        sa.CheckConstraint(
            "threshold > 0 AND threshold < 2", name=op.f("ck_planning_year_threshold_range")
        ),
        sa.ForeignKeyConstraint(
            ["council_id"],
            ["council.id"],
            name=op.f("fk_planning_year_council_id_council"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_planning_year")),
        sa.UniqueConstraint("name", name=op.f("uq_planning_year_name")),
    )
    op.create_table(
        "planning_allowance",
        sa.Column("year_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("amount", sa.Float(), nullable=False),
        sa.CheckConstraint("amount >= 0", name=op.f("ck_planning_allowance_amount_not_negative")),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["member.id"],
            name=op.f("fk_planning_allowance_member_id_member"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["year_id"],
            ["planning_year.id"],
            name=op.f("fk_planning_allowance_year_id_planning_year"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("year_id", "member_id", name=op.f("pk_planning_allowance")),
    )
    op.create_table(
        "planning_council",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["year_id"],
            ["planning_year.id"],
            name=op.f("fk_planning_council_year_id_planning_year"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_planning_council")),
        sa.UniqueConstraint("year_id", "code", name="uq_planning_council_code"),
    )
    with op.batch_alter_table("planning_council", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_planning_council_year_id"), ["year_id"], unique=False)

    op.create_table(
        "planning_economy",
        sa.Column("year_id", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["year_id"],
            ["planning_year.id"],
            name=op.f("fk_planning_economy_year_id_planning_year"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("year_id", name=op.f("pk_planning_economy")),
    )
    op.create_table(
        "planning_good",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column(
            "category",
            sa.Enum(
                "private",
                "public",
                "intermediate",
                "nature",
                "labour",
                "pollutant",
                name="good_category",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("unit", sa.String(length=40), nullable=False),
        sa.Column("start_price", sa.Float(), nullable=False),
        sa.Column("fixed_supply", sa.Float(), nullable=True),
        sa.CheckConstraint(
            "fixed_supply IS NULL OR fixed_supply >= 0",
            name=op.f("ck_planning_good_fixed_supply_range"),
        ),
        sa.CheckConstraint("start_price > 0", name=op.f("ck_planning_good_start_price_positive")),
        sa.ForeignKeyConstraint(
            ["year_id"],
            ["planning_year.id"],
            name=op.f("fk_planning_good_year_id_planning_year"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_planning_good")),
        sa.UniqueConstraint("year_id", "code", name="uq_planning_good_code"),
    )
    with op.batch_alter_table("planning_good", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_planning_good_year_id"), ["year_id"], unique=False)

    op.create_table(
        "planning_round",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column(
            "state",
            sa.Enum("open", "closed", name="round_state", native_enum=False, length=24),
            nullable=False,
        ),
        sa.Column("final", sa.Boolean(), nullable=False),
        sa.Column("prices", sa.JSON(), nullable=False),
        sa.Column("rule_state", sa.JSON(), nullable=True),
        sa.Column("totals", sa.JSON(), nullable=True),
        sa.Column("simulated", sa.JSON(), nullable=True),
        sa.Column("report", sa.JSON(), nullable=True),
        sa.Column("received", sa.JSON(), nullable=True),
        sa.Column("file_sha256", sa.String(length=64), nullable=True),
        sa.Column("opened_at", sa.String(length=32), nullable=False),
        sa.Column("closed_at", sa.String(length=32), nullable=True),
        sa.CheckConstraint("number >= 1", name=op.f("ck_planning_round_number_positive")),
        sa.ForeignKeyConstraint(
            ["year_id"],
            ["planning_year.id"],
            name=op.f("fk_planning_round_year_id_planning_year"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_planning_round")),
        sa.UniqueConstraint("year_id", "number", name="uq_planning_round_number"),
    )
    with op.batch_alter_table("planning_round", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_planning_round_year_id"), ["year_id"], unique=False)

    op.create_table(
        "planning_proposal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("council_code", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column(
            "source",
            sa.Enum("own", "imported", name="proposal_source", native_enum=False, length=24),
            nullable=False,
        ),
        sa.Column("decision_id", sa.Integer(), nullable=True),
        sa.Column("decision_note", sa.JSON(), nullable=True),
        sa.Column("responses", sa.JSON(), nullable=True),
        sa.Column("budget", sa.Float(), nullable=True),
        sa.Column("members", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=True),
        sa.Column("file_name", sa.String(length=300), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("exported_at", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(
            ["decision_id"],
            ["decision.id"],
            name=op.f("fk_planning_proposal_decision_id_decision"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["planning_round.id"],
            name=op.f("fk_planning_proposal_round_id_planning_round"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_planning_proposal")),
        sa.UniqueConstraint("round_id", "council_code", name="uq_planning_proposal_council"),
    )
    with op.batch_alter_table("planning_proposal", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_planning_proposal_round_id"), ["round_id"], unique=False
        )

    op.create_table(
        "planning_line",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("proposal_id", sa.Integer(), nullable=False),
        sa.Column("good_id", sa.Integer(), nullable=False),
        sa.Column("supplied", sa.Float(), nullable=False),
        sa.Column("demanded", sa.Float(), nullable=False),
        sa.CheckConstraint(
            "supplied >= 0 AND demanded >= 0", name=op.f("ck_planning_line_quantities_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["good_id"],
            ["planning_good.id"],
            name=op.f("fk_planning_line_good_id_planning_good"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["proposal_id"],
            ["planning_proposal.id"],
            name=op.f("fk_planning_line_proposal_id_planning_proposal"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_planning_line")),
        sa.UniqueConstraint("proposal_id", "good_id", name="uq_planning_line_good"),
    )
    with op.batch_alter_table("planning_line", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_planning_line_proposal_id"), ["proposal_id"], unique=False
        )

    op.create_table(
        "planning_member_request",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("proposal_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("good_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Float(), nullable=False),
        sa.CheckConstraint(
            "quantity >= 0", name=op.f("ck_planning_member_request_quantity_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["good_id"],
            ["planning_good.id"],
            name=op.f("fk_planning_member_request_good_id_planning_good"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["member.id"],
            name=op.f("fk_planning_member_request_member_id_member"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["proposal_id"],
            ["planning_proposal.id"],
            name=op.f("fk_planning_member_request_proposal_id_planning_proposal"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_planning_member_request")),
        sa.UniqueConstraint(
            "proposal_id", "member_id", "good_id", name="uq_planning_member_request_good"
        ),
    )
    with op.batch_alter_table("planning_member_request", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_planning_member_request_proposal_id"), ["proposal_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("planning_member_request", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_planning_member_request_proposal_id"))

    op.drop_table("planning_member_request")
    with op.batch_alter_table("planning_line", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_planning_line_proposal_id"))

    op.drop_table("planning_line")
    with op.batch_alter_table("planning_proposal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_planning_proposal_round_id"))

    op.drop_table("planning_proposal")
    with op.batch_alter_table("planning_round", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_planning_round_year_id"))

    op.drop_table("planning_round")
    with op.batch_alter_table("planning_good", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_planning_good_year_id"))

    op.drop_table("planning_good")
    op.drop_table("planning_economy")
    with op.batch_alter_table("planning_council", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_planning_council_year_id"))

    op.drop_table("planning_council")
    op.drop_table("planning_allowance")
    op.drop_table("planning_year")
