"""Decisions: impact weights, secret-ballot slots, cast markers, roll calls, hand counts, audit log.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("previous_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
        sa.UniqueConstraint("hash", name=op.f("uq_audit_log_hash")),
    )
    op.create_table(
        "decision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column("agenda_item_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("options", sa.JSON(), nullable=False),
        sa.Column("rule", sa.JSON(), nullable=False),
        sa.Column(
            "ballot_mode",
            sa.Enum(
                "secret",
                "roll_call",
                "show_of_hands",
                name="ballot_mode",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("receipts", sa.Boolean(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "draft",
                "assessed",
                "open",
                "closed",
                "withdrawn",
                name="decision_status",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("withdrawn_reason", sa.Text(), nullable=False),
        sa.Column("impact_method", sa.String(length=40), nullable=False),
        sa.Column("impact_input", sa.JSON(), nullable=True),
        sa.Column("rationale", sa.Text(), nullable=False),
        sa.Column("weights", sa.JSON(), nullable=True),
        sa.Column("secrecy", sa.JSON(), nullable=True),
        sa.Column("attendance", sa.JSON(), nullable=True),
        sa.Column("tie_break", sa.JSON(), nullable=True),
        sa.Column("result", sa.JSON(), nullable=True),
        sa.Column("slot_width", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("opened_at", sa.String(length=32), nullable=True),
        sa.Column("closed_at", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agenda_item.id"],
            name=op.f("fk_decision_agenda_item_id_agenda_item"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_decision_meeting_id_meeting"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_decision")),
    )
    with op.batch_alter_table("decision", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_decision_meeting_id"), ["meeting_id"], unique=False)

    op.create_table(
        "ballot",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("decision_id", sa.Integer(), nullable=False),
        sa.Column("weight_class", sa.Integer(), nullable=False),
        sa.Column("weight", sa.String(length=80), nullable=False),
        sa.Column("cast", sa.Boolean(), nullable=False),
        sa.Column("choice", sa.Text(), nullable=False),
        sa.Column("receipt", sa.String(length=16), nullable=True),
        sa.ForeignKeyConstraint(
            ["decision_id"],
            ["decision.id"],
            name=op.f("fk_ballot_decision_id_decision"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ballot")),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "ballot_cast",
        sa.Column("decision_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["decision_id"],
            ["decision.id"],
            name=op.f("fk_ballot_cast_decision_id_decision"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["member.id"],
            name=op.f("fk_ballot_cast_member_id_member"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("decision_id", "member_id", name=op.f("pk_ballot_cast")),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "hand_count",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("decision_id", sa.Integer(), nullable=False),
        sa.Column("weight_class", sa.Integer(), nullable=False),
        sa.Column("weight", sa.String(length=80), nullable=False),
        sa.Column("choice", sa.Text(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.CheckConstraint("count >= 0", name=op.f("ck_hand_count_count_not_negative")),
        sa.ForeignKeyConstraint(
            ["decision_id"],
            ["decision.id"],
            name=op.f("fk_hand_count_decision_id_decision"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hand_count")),
        sa.UniqueConstraint("decision_id", "weight_class", "choice", name="uq_hand_count_cell"),
    )
    op.create_table(
        "roll_call_vote",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("decision_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("weight", sa.String(length=80), nullable=False),
        sa.Column("choice", sa.Text(), nullable=False),
        sa.Column("cast_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["decision_id"],
            ["decision.id"],
            name=op.f("fk_roll_call_vote_decision_id_decision"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["member.id"],
            name=op.f("fk_roll_call_vote_member_id_member"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_roll_call_vote")),
        sa.UniqueConstraint("decision_id", "member_id", name="uq_roll_call_member"),
    )


def downgrade() -> None:
    op.drop_table("roll_call_vote")
    op.drop_table("hand_count")
    op.drop_table("ballot_cast")
    op.drop_table("ballot")
    with op.batch_alter_table("decision", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_decision_meeting_id"))

    op.drop_table("decision")
    op.drop_table("audit_log")
