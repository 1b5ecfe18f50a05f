"""mail_outbox and the coordinators' notification settings (users.email,
notify, digest_time)

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

UTCDateTime = sa.DateTime(timezone=True)  # UTC, as bot/store/models.py writes it

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("email", sa.Text))
        batch.add_column(
            sa.Column("notify", sa.String(20), nullable=False, server_default="geen")
        )
        batch.add_column(
            sa.Column(
                "digest_time", sa.String(5), nullable=False, server_default="08:00"
            )
        )
    op.create_table(
        "mail_outbox",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("key", sa.String(100), nullable=False, unique=True),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column(
            "request_id",
            sa.Integer,
            sa.ForeignKey("refined_requests.id", ondelete="CASCADE"),
            index=True,
        ),
        sa.Column("period_start", UTCDateTime),
        sa.Column("period_end", UTCDateTime),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("next_attempt_at", UTCDateTime, nullable=False),
        sa.Column("claimed_until", UTCDateTime),
        sa.Column("last_error", sa.Text),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("sent_at", UTCDateTime),
    )
    op.create_index("ix_mail_outbox_due", "mail_outbox", ["status", "next_attempt_at"])


def downgrade() -> None:
    op.drop_index("ix_mail_outbox_due", table_name="mail_outbox")
    op.drop_table("mail_outbox")
    with op.batch_alter_table("users") as batch:
        for name in ("digest_time", "notify", "email"):
            batch.drop_column(name)
